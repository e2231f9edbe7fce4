//! Every fixed text the charts and tooltips show, in Dutch and English, in one place. The
//! study's own texts (role wording, category and quadrant names) are data in the catalogue; the
//! element's control labels are the wrapper's (`www/element/ui-text.js`), and no text is in both.
//!
//! A translator reads this file from top to bottom: plain words first, then the sentences that
//! take figures.
//!
//! Over 400 lines on purpose: the point of the module is that every text is here, in one file.

/// Import errors in Dutch, and the filler of both languages' templates. The start wasm reaches
/// only `fill` through `Display` (which it never calls: its messages are MORE); the Dutch texts
/// are for the on-demand module.
#[cfg_attr(not(feature = "full"), allow(dead_code))]
pub(crate) mod import;

use crate::catalogue::Lang;
use crate::chart::fmt_fixed;

/// One text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    pub nl: &'static str,
    pub en: &'static str,
}

impl Words {
    pub const fn new(nl: &'static str, en: &'static str) -> Words {
        Words { nl, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.nl, self.en)
    }
}

const fn w(nl: &'static str, en: &'static str) -> Words {
    Words::new(nl, en)
}

// ---- axes and legends ---------------------------------------------------------------------

pub const X_AXIS_TITLE: Words = w(
    "Belang (1 = onbelangrijk … 9 = cruciaal)",
    "Importance (1 = unimportant … 9 = crucial)",
);
pub const Y_AXIS_TITLE: Words = w(
    "Prestatie (1 = zeer zwak … 5 = zeer sterk)",
    "Performance (1 = very weak … 5 = very strong)",
);
/// Legend entry of hollow markers.
pub const FEW_ANSWERS: Words = w("Weinig antwoorden", "Few answers");
/// Legend of a comparison's arrows (the colour follows performance, B against A).
pub const LEGEND_BETTER: Words = w("Presteert beter", "Performs better");
pub const LEGEND_WORSE: Words = w("Presteert slechter", "Performs worse");
pub const LEGEND_UNCLEAR: Words = w("Gestreept: niet duidelijk (95%)", "Dashed: not clear (95%)");
pub const LEGEND_MOVES: Words = w("Ring: ander kwadrant", "Ring: other quadrant");
pub const LEGEND_IMPORTANCE: Words = w("Belang (gemiddelde, 1–9)", "Importance (mean, 1–9)");
pub const LEGEND_PERFORMANCE: Words = w("Prestatie (gemiddelde, 1–5)", "Performance (mean, 1–5)");
pub const LEGEND_GAP: Words = w(
    "Kloof belang − prestatie (schaal 0–1; oranje = schiet tekort)",
    "Gap importance − performance (0–1 scale; orange = falls short)",
);
/// The legend of a hierarchy coloured by a comparison: what B - A the colours show. The sides
/// come first: a phone's legend keeps the start of a title that does not fit.
pub fn legend_difference(lang: Lang, performance: bool, [a, b]: [&str; 2]) -> String {
    let scale = if performance {
        w(": verschil in prestatie", ": difference in performance")
    } else {
        w(": verschil in belang", ": difference in importance")
    };
    let mut s = String::from(b);
    for part in [
        " − ",
        a,
        scale.get(lang),
        lang.pick(" (blauw = ", " (blue = "),
        b,
        lang.pick(" hoger, oranje = lager)", " higher, orange = lower)"),
    ] {
        s.push_str(part);
    }
    s
}
/// The swatch of compared nodes whose difference is not clear at 95%.
pub const NOT_CLEAR_SWATCH: Words = w("niet duidelijk (95%)", "not clear (95%)");
/// The colour scale's swatch for nodes without a value.
pub const NO_VALUE: Words = w("geen waarde", "no value");

// ---- hierarchy node names -----------------------------------------------------------------

pub const HIGHER_PURPOSE: Words = w("Hoger doel", "Higher purpose");
/// Short forms for boxes too small for the full name.
pub const KIND_FRAMEWORK_SHORT: Words = w("Kader", "Framework");
pub const KIND_ACTION_SHORT: Words = w("Actie", "Action");
pub const PURPOSE_SHORT: Words = w("Doel", "Purpose");
/// Lead-in of the higher purpose's requirements.
pub const EVERY_SPCO: Words = w("Elke SPCO:", "Every SPCO:");
/// The breadcrumb's first step: the whole diagram.
pub const ALL_ROLES: Words = w("Alle rollen", "All roles");
pub const ROLLUP_SPEARHEAD: Words = w(
    "gewogen gemiddelde van de rolgemiddelden: hoofdrol gewicht 1, nevenrollen 0,5",
    "weighted mean of the role means: primary roles weight 1, secondary roles 0.5",
);
pub const ROLLUP_CATEGORY: Words = w(
    "gemiddelde van de rolgemiddelden, elk gewicht 1",
    "mean of the member roles' means, each weight 1",
);

// ---- tooltips -----------------------------------------------------------------------------

pub const IMPORTANCE: Words = w("Belang", "Importance");
pub const PERFORMANCE: Words = w("Prestatie", "Performance");
pub const MEAN_SHORT: Words = w("gem.", "mean");
pub const MEDIAN_SHORT: Words = w("med.", "median");
pub const CI95: Words = w("95%-BI", "95% CI");
pub const QUADRANT: Words = w("Kwadrant", "Quadrant");
pub const GAP: Words = w("Kloof", "Gap");
pub const CATEGORY: Words = w("Categorie", "Category");
pub const FROM_ROLE: Words = w("Uit rol", "From role");
pub const MAIN_ROLE: Words = w("Hoofdrol", "Main role");
pub const ALSO: Words = w("ook", "also");
pub const ROLLED_UP_AS: Words = w("Samengevat als", "Rolled up as");
pub const NOTE_SMALL_N: Words = w(
    "Weinig antwoorden (n < 5): voorzichtig lezen.",
    "Few answers (n < 5): read with care.",
);
pub const NOTE_CI_CROSSES: Words = w(
    "Het 95%-betrouwbaarheidsinterval overschrijdt de kwadrantgrens.",
    "The 95% confidence interval crosses the quadrant line.",
);

// ---- screen-reader sentences --------------------------------------------------------------

pub const NO_DATA: Words = w("Geen gegevens", "No data");

/// What the quadrant chart shows: its ranges, the visible roles and n.
pub fn quadrant_summary(
    lang: Lang,
    (x0, x1): (f64, f64),
    (y0, y1): (f64, f64),
    visible: usize,
    n: Option<u32>,
) -> String {
    let f = |v: f64| fmt_fixed(v, 1, lang);
    let n = n.map(|n| format!(", n = {n}")).unwrap_or_default();
    match lang {
        Lang::Nl => format!(
            "Kwadrantgrafiek van belang ({}–{}) en prestatie ({}–{}) van {visible} rollen{n}. Pijltjestoetsen gaan naar de dichtstbijzijnde rol, ? toont alle toetsen.",
            f(x0), f(x1), f(y0), f(y1)
        ),
        Lang::En => format!(
            "Quadrant chart of importance ({}–{}) and performance ({}–{}) of {visible} roles{n}. Arrow keys move to the nearest role, ? lists all keys.",
            f(x0), f(x1), f(y0), f(y1)
        ),
    }
}

/// How many of a comparison's differences the data tell apart from noise (never which: a list
/// of the unclear ones would read as findings).
pub fn compare_summary(
    lang: Lang,
    names: [&str; 2],
    clear: u32,
    differences: u32,
    n: [Option<u32>; 2],
    hierarchy: bool,
) -> String {
    let [a, b] = names;
    let most_not = clear * 2 < differences;
    let ns = match n {
        [Some(x), Some(y)] if most_not => match lang {
            Lang::Nl => format!("; met {x} en {y} respondenten zijn de meeste dat niet"),
            Lang::En => format!("; with {x} and {y} respondents most are not"),
        },
        _ => String::new(),
    };
    let lead = match (lang, hierarchy) {
        (Lang::Nl, false) => format!("Pijlen van {a} naar {b}."),
        (Lang::En, false) => format!("Arrows from {a} to {b}."),
        (Lang::Nl, true) => format!("Kleuren tonen {b} − {a}; grijs is niet duidelijk."),
        (Lang::En, true) => format!("Colours show {b} − {a}; grey is not clear."),
    };
    match lang {
        Lang::Nl => {
            format!("{lead} {clear} van {differences} verschillen zijn duidelijk bij 95%{ns}.")
        }
        Lang::En => format!("{lead} {clear} of {differences} differences are clear at 95%{ns}."),
    }
}

/// Why a comparison has no difference or no interval for a role (or roll-up), naming the side
/// it concerns (`names` are A and B): the words before and after the name.
pub fn compare_reason(lang: Lang, reason: crate::stats::Reason, [a, b]: [&str; 2]) -> String {
    use crate::stats::Reason as R;
    let (before, after, first) = match reason {
        R::NoAnswersA | R::NoAnswersB => (
            w(
                "geen antwoorden voor deze rol in ",
                "no answers for this role in ",
            ),
            w("", ""),
            reason == R::NoAnswersA,
        ),
        R::SingleAnswerA | R::SingleAnswerB => (
            w("geen interval: ", "no interval: "),
            w(
                " heeft minder dan 2 antwoorden",
                " has fewer than 2 answers",
            ),
            reason == R::SingleAnswerA,
        ),
        R::UnknownNA | R::UnknownNB => (
            w(
                "geen interval: de tabel geeft geen n voor ",
                "no interval: the table gives no n for ",
            ),
            w("", ""),
            reason == R::UnknownNA,
        ),
        R::UnknownSdA | R::UnknownSdB => (
            w(
                "geen interval: de tabel geeft geen SD voor ",
                "no interval: the table gives no SD for ",
            ),
            w("", ""),
            reason == R::UnknownSdA,
        ),
        R::NoSpread => {
            return w(
                "geen interval: alle antwoorden aan beide kanten gelijk",
                "no interval: all answers equal on both sides",
            )
            .get(lang)
            .into()
        }
        R::RolledUp => return w(
            "geen interval: een gemiddelde van rolgemiddelden (antwoorden op rollen hangen samen)",
            "no interval: a mean of role means (answers to roles correlate)",
        )
        .get(lang)
        .into(),
    };
    let mut s = String::from(before.get(lang));
    s.push_str(if first { a } else { b });
    s.push_str(after.get(lang));
    s
}

/// Tooltip rows and notes of a comparison.
pub const DIFF_CI: Words = w("verschil, 95%-BI", "difference, 95% CI");
pub const NOTE_CLEAR: Words = w(
    "Duidelijk bij 95%: het interval van het verschil sluit nul uit.",
    "Clear at 95%: the interval of the difference excludes zero.",
);
pub const NOTE_UNCLEAR: Words = w(
    "Niet duidelijk bij 95%: het interval bevat nul; met zo weinig respondenten kan een verschil van deze grootte toeval zijn.",
    "Not clear at 95%: the interval includes zero; with so few respondents a difference this size can be chance.",
);

pub const NOTE_ROLLUP_UNCLEAR: Words = w(
    "In de vergelijking grijs: zonder interval is niet te zeggen of dit verschil meer is dan toeval.",
    "Grey in the comparison: without an interval there is no telling whether this difference is more than chance.",
);

/// What the hierarchy shows, and its keys.
pub fn hierarchy_summary(lang: Lang, shown: usize) -> String {
    match lang {
        Lang::Nl => format!("Hiërarchie van de speerpuntrollen, {shown} knopen getoond. Pijltjestoetsen gaan naar de dichtstbijzijnde knoop, Enter zoomt in, spatie klapt in of uit, Escape gaat terug, ? toont alle toetsen."),
        Lang::En => format!("Hierarchy of the spearhead roles, {shown} nodes shown. Arrow keys move to the nearest node, Enter zooms in, Space collapses or expands, Escape goes back, ? lists all keys."),
    }
}

// ---- the chart without seeing it: summary and data table ------------------------------------

/// A quadrant as the middle of a sentence ("… roles are important and performing well").
pub fn quadrant_phrase(q: crate::stats::Quadrant) -> Words {
    use crate::stats::Quadrant::*;
    match q {
        KeepUp => w(
            "belangrijk en goed uitgevoerd",
            "important and performing well",
        ),
        Overkill => w(
            "minder cruciaal maar goed uitgevoerd",
            "less crucial but performing well",
        ),
        LowPriority => w(
            "minder belangrijk en zwak uitgevoerd",
            "less important and performing weakly",
        ),
        Concentrate => w(
            "belangrijk maar schieten tekort",
            "important but falling short",
        ),
    }
}

/// "n = 31 respondents. " (empty for a summary table without n).
pub fn respondents(lang: Lang, n: Option<u32>) -> String {
    n.map(|n| format!("n = {n} {}. ", lang.pick("respondenten", "respondents")))
        .unwrap_or_default()
}

/// "13 of 14 roles are important and performing well".
pub fn quadrant_share(lang: Lang, count: usize, total: usize, q: crate::stats::Quadrant) -> String {
    let what = quadrant_phrase(q).get(lang);
    match (lang, count == total) {
        (Lang::Nl, true) => format!("Alle {total} rollen zijn {what}"),
        (Lang::Nl, false) => format!("{count} van de {total} rollen zijn {what}"),
        (Lang::En, true) => format!("All {total} roles are {what}"),
        (Lang::En, false) => format!("{count} of {total} roles are {what}"),
    }
}

/// "11 Business support services is less crucial but performing well"; more than three roles
/// are counted, not named.
pub fn quadrant_members(lang: Lang, names: &[String], q: crate::stats::Quadrant) -> String {
    let what = quadrant_phrase(q).get(lang);
    let and = lang.pick(" en ", " and ");
    let subject = match names {
        [one] => one.clone(),
        [init @ .., last] if names.len() <= 3 => format!("{}{and}{last}", init.join(", ")),
        _ => format!("{} {}", names.len(), lang.pick("rollen", "roles")),
    };
    let verb = match (lang, names.len() == 1) {
        (Lang::Nl, true) => "is",
        (Lang::Nl, false) => "zijn",
        (Lang::En, true) => "is",
        (Lang::En, false) => "are",
    };
    format!("{subject} {verb} {what}")
}

/// "Largest gap: 7 Links between clusters (+0.21)."
pub fn largest_gap(lang: Lang, name: &str, gap: &str) -> String {
    format!(
        "{} {name} ({gap}).",
        lang.pick("Grootste kloof:", "Largest gap:")
    )
}

/// The roll-ups with the largest and the smallest gap.
pub fn gap_range(lang: Lang, (hi, hg): (&str, &str), (lo, lg): (&str, &str)) -> String {
    match lang {
        Lang::Nl => format!("Grootste kloof bij {hi} ({hg}), kleinste bij {lo} ({lg})."),
        Lang::En => format!("Largest gap at {hi} ({hg}), smallest at {lo} ({lg})."),
    }
}

pub fn table_caption(lang: Lang, n: Option<u32>) -> String {
    let n = n.map(|n| format!(", n = {n}")).unwrap_or_default();
    format!(
        "{}{n}",
        lang.pick(
            "Belang (1–9) en prestatie (1–5) per rol",
            "Importance (1–9) and performance (1–5) per role"
        )
    )
}

pub fn hierarchy_table_caption(lang: Lang) -> String {
    lang.pick(
        "Knopen van de hiërarchie met gemiddelden en bovenliggende knopen",
        "Nodes of the hierarchy with means and parent nodes",
    )
    .into()
}

pub const QUADRANT_TABLE_HEAD: [Words; 9] = [
    w("Rol", "Role"),
    w("Belang gem.", "Importance mean"),
    w("Belang SD", "Importance SD"),
    w("Belang n", "Importance n"),
    w("Prestatie gem.", "Performance mean"),
    w("Prestatie SD", "Performance SD"),
    w("Prestatie n", "Performance n"),
    w("Kwadrant", "Quadrant"),
    w("Kloof", "Gap"),
];

pub const HIERARCHY_TABLE_HEAD: [Words; 5] = [
    w("Knoop", "Node"),
    w("Belang gem.", "Importance mean"),
    w("Prestatie gem.", "Performance mean"),
    w("Kloof", "Gap"),
    w("Bovenliggend", "Parents"),
];

/// A comparison's data table: caption, and per scale seven columns (A is the first side).
pub fn compare_table_caption(lang: Lang, [a, b]: [&str; 2]) -> String {
    match lang {
        Lang::Nl => format!("Vergelijking per rol: A = {a}, B = {b}; verschil B − A met 95%-betrouwbaarheidsinterval (Welch)"),
        Lang::En => format!("Comparison per role: A = {a}, B = {b}; difference B − A with 95% confidence interval (Welch)"),
    }
}
pub const COMPARE_TABLE_NODE: Words = w("Knoop", "Node");
pub const COMPARE_TABLE_PARENTS: Words = w("Bovenliggend", "Parents");
/// Per scale seven columns (A is the first side), then both quadrants.
pub const COMPARE_TABLE_HEAD: [Words; 17] = [
    w("Rol", "Role"),
    w("Belang A gem.", "Importance A mean"),
    w("Belang A n", "Importance A n"),
    w("Belang B gem.", "Importance B mean"),
    w("Belang B n", "Importance B n"),
    w("Belang verschil B − A", "Importance difference B − A"),
    w("Belang 95%-BI", "Importance 95% CI"),
    w("Belang duidelijk", "Importance clear"),
    w("Prestatie A gem.", "Performance A mean"),
    w("Prestatie A n", "Performance A n"),
    w("Prestatie B gem.", "Performance B mean"),
    w("Prestatie B n", "Performance B n"),
    w("Prestatie verschil B − A", "Performance difference B − A"),
    w("Prestatie 95%-BI", "Performance 95% CI"),
    w("Prestatie duidelijk", "Performance clear"),
    w("Kwadrant A", "Quadrant A"),
    w("Kwadrant B", "Quadrant B"),
];
/// Whether a difference's interval excludes zero.
pub const CLEAR_YES: Words = w("ja", "yes");
pub const CLEAR_NO: Words = w("nee", "no");
