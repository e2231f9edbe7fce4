//! `spco-roles stats FILE --compare A,B --format table`: the comparison of two selections as
//! text tables (the JSON is the `Comparison` itself).

use spco_roles::catalogue::{catalogue, Lang};
use spco_roles::import::Imported;
use spco_roles::stats::compare::{RollupDiff, RollupScaleDiff, ScaleDiff, Side};
use spco_roles::stats::{Comparison, Quadrant, SdKind, Source};

use super::{count, excluded_notes, num, quadrant_label, render};

fn side(name: &str, s: &Side) -> String {
    let mut parts: Vec<String> = s.selection.groups.clone();
    parts.extend(s.selection.spcos.iter().map(|x| format!("spco:{x}")));
    let who = if parts.is_empty() {
        "everyone".to_string()
    } else {
        parts.join("+")
    };
    format!("{name} = {who} (n = {})", count(s.n_respondents))
}

/// `7.20 (5)`: mean and n of one side.
fn mean_n(d: &ScaleDiff, b: bool) -> String {
    match if b { d.b } else { d.a } {
        None => "-".into(),
        Some(f) => format!("{} ({})", num(Some(f.mean), 2), count(f.n)),
    }
}

/// The difference, starred when its interval excludes zero.
fn diff(d: Option<f64>, clear: Option<bool>) -> String {
    let star = if clear == Some(true) { "*" } else { "" };
    match d {
        Some(x) => format!("{x:+.2}{star}"),
        None => "-".into(),
    }
}

fn ci(d: &ScaleDiff) -> String {
    d.ci95
        .map_or_else(|| "-".into(), |[lo, hi]| format!("[{lo:.2}, {hi:.2}]"))
}

fn quadrants(a: Option<Quadrant>, b: Option<Quadrant>, changes: Option<bool>) -> String {
    let qa = quadrant_label(a.map(|q| q.code()));
    if changes == Some(true) {
        format!("{qa} -> {}", quadrant_label(b.map(|q| q.code())))
    } else {
        qa
    }
}

pub fn table(c: &Comparison, imported: &Imported) -> String {
    let cat = catalogue();
    let mut out = format!(
        "{} data ({}): {} against {}; SD: {}; crosshair ({}): importance {:.2}, performance {:.2}\n",
        match c.source {
            Source::Respondents => "Respondent",
            Source::Summary => "Summary",
        },
        imported.format,
        side("A", &c.a),
        side("B", &c.b),
        match c.sd {
            SdKind::Population => "population",
            SdKind::Sample => "sample",
        },
        c.crosshair.kind,
        c.crosshair.importance,
        c.crosshair.performance,
    );
    out.push_str(
        "Differences are B - A with Welch's 95% interval; * marks an interval that excludes zero.\n\n",
    );
    let mut rows = vec![vec![
        "role".to_string(),
        "label".into(),
        "imp A (n)".into(),
        "imp B (n)".into(),
        "diff".into(),
        "95% CI".into(),
        "perf A (n)".into(),
        "perf B (n)".into(),
        "diff".into(),
        "95% CI".into(),
        "quadrant A -> B".into(),
        "why no figure".into(),
    ]];
    for r in &c.roles {
        let label = cat.role(r.role).map_or("", |x| x.short(Lang::En));
        let mut row = vec![r.role.to_string(), label.to_string()];
        for d in [&r.importance, &r.performance] {
            row.push(mean_n(d, false));
            row.push(mean_n(d, true));
            row.push(diff(d.diff, d.excludes_zero));
            row.push(ci(d));
        }
        row.push(quadrants(r.quadrant_a, r.quadrant_b, r.quadrant_changes));
        let mut why: Vec<String> = Vec::new();
        for d in [&r.importance, &r.performance] {
            if let Some(t) = d.reason.map(|x| x.text()) {
                if !why.contains(&t) {
                    why.push(t);
                }
            }
        }
        row.push(why.join("; "));
        rows.push(row);
    }
    out.push_str(&render(&rows, &[0, 1, 10, 11]));

    let rollup_rows = |name: &str, items: &[(String, &RollupDiff)]| {
        let mut rows = vec![vec![
            name.to_string(),
            "imp A".into(),
            "imp B".into(),
            "diff".into(),
            "perf A".into(),
            "perf B".into(),
            "diff".into(),
            "quadrant A -> B".into(),
        ]];
        for (label, r) in items {
            let mut row = vec![label.clone()];
            for d in [&r.importance, &r.performance] {
                let d: &RollupScaleDiff = d;
                row.push(num(d.a.mean, 2));
                row.push(num(d.b.mean, 2));
                row.push(diff(d.diff, None));
            }
            row.push(quadrants(r.quadrant_a, r.quadrant_b, r.quadrant_changes));
            rows.push(row);
        }
        render(&rows, &[0, 7])
    };
    let categories: Vec<(String, &RollupDiff)> = c
        .categories
        .iter()
        .map(|r| (super::category_label(r.code), r))
        .collect();
    out.push('\n');
    out.push_str(&rollup_rows("category", &categories));
    let spearheads: Vec<(String, &RollupDiff)> = c
        .spearheads
        .iter()
        .map(|r| (super::spearhead_label(r.id), r))
        .collect();
    out.push('\n');
    out.push_str(&rollup_rows("spearhead role", &spearheads));
    out.push_str(&format!(
        "\n{} of {} differences with an interval are clear at 95% (the interval excludes zero); {} of {} have no interval.\n",
        c.clear,
        c.intervals,
        c.differences - c.intervals,
        c.differences,
    ));
    out.push_str("With groups this small most differences are not clear, and about 1 in 20 is clear by chance alone.\n");
    out.push_str("Roll-ups: differences of the means of role means; no interval (answers to different roles correlate).\n");
    for note in &c.notes {
        out.push_str(&format!("Note: {note}\n"));
    }
    out.push_str(&excluded_notes(&imported.excluded));
    out
}
