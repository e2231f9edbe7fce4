//! Import error messages in Dutch (`ImportError::message(Lang::Nl)`); the English wording stays
//! in the `#[error]` attributes of error.rs. Kept beside the import rather than in
//! crate::wording because it mirrors error.rs variant by variant and only the import uses it.
//! Parts worded where the error is made (`&'static str` fields) are looked up in `FRAGMENTS`;
//! details that carry what was found (`Detail`) are worded by `detail`. Column and JSON field
//! names stay as the file must spell them.

use super::error::{Conflict, Detail, ImportError, JSON_EXAMPLE};

/// English parts of messages as set in the import code, and their Dutch.
const FRAGMENTS: &[(&str, &str)] = &[
    ("importance", "belang"),
    ("performance", "prestatie"),
    ("groups", "groepen"),
    ("group", "groep"),
    ("SPCOs", "SPCO's"),
    ("a respondent group", "een respondentgroep"),
    ("a respondent id", "een respondent-id"),
    ("a mean", "een gemiddelde"),
    ("long", "lange tabel"),
    ("wide", "brede tabel"),
    ("the importance questions", "de belangvragen"),
    ("the performance questions", "de prestatievragen"),
    (
        "the respondent group question",
        "de vraag naar de respondentgroep",
    ),
    ("the SPCO question", "de vraag naar de SPCO"),
    ("a list", "een lijst"),
    ("an object", "een object"),
    (
        "respondent, group, spco (optional), role, importance, performance",
        "respondent, group, spco (optioneel), role, importance, performance",
    ),
    (
        "respondent, group, spco (optional), importance_1 .. importance_14, performance_1 .. performance_14",
        "respondent, group, spco (optioneel), importance_1 .. importance_14, performance_1 .. performance_14",
    ),
    (
        "group (optional), role, scale, n, mean, median, mode, sd",
        "group (optioneel), role, scale, n, mean, median, mode, sd",
    ),
    (
        "ResponseId and the question columns (Status and Finished are used when present)",
        "ResponseId en de vraagkolommen (Status en Finished worden gebruikt als ze er zijn)",
    ),
    ("summary", "samenvattende tabel"),
    ("Qualtrics", "Qualtrics-export"),
    ("importance prefix, e.g. Q2", "voorvoegsel belang, bijv. Q2"),
    ("performance prefix, e.g. Q3", "voorvoegsel prestatie, bijv. Q3"),
    ("group column, e.g. Q1", "kolom groep, bijv. Q1"),
    ("SPCO column", "kolom SPCO"),
];

/// The Dutch of a fragment from `FRAGMENTS`, else the fragment itself.
fn nl(en: &str) -> &str {
    FRAGMENTS
        .iter()
        .find(|(e, _)| *e == en)
        .map_or(en, |(_, n)| n)
}

/// `file, regel line, kolom "column"`: where the message points.
fn at(file: &str, line: u64, column: Option<&str>) -> String {
    match column {
        Some(c) => format!("{file}, regel {line}, kolom \"{c}\""),
        None => format!("{file}, regel {line}"),
    }
}

/// The Dutch message of `e`.
pub(super) fn dutch(e: &ImportError) -> String {
    use ImportError as E;
    match e {
        E::NotUtf8 { file, line } => format!(
            "{}: het bestand is geen UTF-8-tekst. Bewaar het in Excel als \"CSV UTF-8\"; kies in \
             andere programma's de codering UTF-8 bij het bewaren.",
            at(file, *line, None)
        ),
        E::Empty { file } => format!("{file}: het bestand is leeg."),
        E::NoAnswers {
            file,
            json,
            left_out,
        } => {
            let what = if *json {
                "het bestand bevat geen antwoorden (een lege lijst respondenten)"
            } else {
                "het bestand heeft een kopregel maar geen antwoorden"
            };
            if *left_out > 0 {
                format!("{file}: {what}: alle {left_out} rijen zijn weggelaten als voorbeeld, test, spam of onvolledig antwoord.")
            } else {
                format!("{file}: {what}.")
            }
        }
        E::UnknownFormat { file, found } => format!(
            "{file}: de opmaak van dit bestand werd niet herkend (de eerste regel luidt: {found}). \
             Verwacht: een lange tabel met de kolommen respondent, group, spco (optioneel), role, \
             importance, performance; een brede tabel met de kolommen respondent, group, spco \
             (optioneel), importance_1 .. importance_14, performance_1 .. performance_14; een \
             Qualtrics-CSV-export met zijn drie kopregels; een JSON-lijst van respondenten; of een \
             samenvattende tabel met de kolommen group (optioneel), role, scale, n, mean, median, \
             mode, sd."
        ),
        E::MissingColumn {
            file,
            line,
            column,
            format,
            expected,
        } => format!(
            "{}: de kolom \"{column}\" ontbreekt. Een {} heeft de kolommen {} nodig.",
            at(file, *line, None),
            nl(format),
            nl(expected)
        ),
        E::RaggedRow {
            file,
            line,
            column,
            expected,
            found,
        } => format!(
            "{}: deze rij heeft {found} cellen maar de kopregel {expected}; de cellen vanaf kolom \"{column}\" ontbreken.",
            at(file, *line, None)
        ),
        E::InvalidValue {
            file,
            line,
            column,
            scale,
            min,
            max,
            found,
        } => format!(
            "{}: verwacht een geheel getal van {min} tot {max} (schaal {}), gevonden \"{found}\".",
            at(file, *line, Some(column)),
            nl(scale)
        ),
        E::UnknownRole {
            file,
            line,
            column,
            found,
        } => format!(
            "{}: verwacht een rolnummer van 1 tot 14, gevonden \"{found}\".",
            at(file, *line, Some(column))
        ),
        E::UnknownScale {
            file,
            line,
            column,
            found,
        } => format!(
            "{}: verwacht \"importance\" of \"performance\", gevonden \"{found}\".",
            at(file, *line, Some(column))
        ),
        E::Duplicate {
            file,
            line,
            column,
            what,
        } => format!("{}: {}.", at(file, *line, Some(column)), detail(what)),
        E::Conflict(c) => conflict(c),
        E::MissingValue {
            file,
            line,
            column,
            expected,
        } => format!(
            "{}: verwacht {}, gevonden een lege cel.",
            at(file, *line, Some(column)),
            nl(expected)
        ),
        E::JsonSyntax {
            file,
            line,
            column,
            message,
        } => format!(
            "{file}, regel {line}, kolom {column}: dit is geen geldige JSON: {}.",
            detail(message)
        ),
        E::JsonShape {
            file,
            line,
            column,
            message,
        } => format!("{file}, regel {line}, kolom {column}: {}.", detail(message)),
        E::QualtricsColumns {
            file,
            what,
            looked_for,
            tried,
            option,
        } => format!(
            "{file}: {} niet gevonden in deze Qualtrics-export. Gezocht naar {} tussen \
             deze vragen: {}. Geef de kolommen op in de importopties ({}).",
            nl(what),
            detail(looked_for),
            tried.join("; "),
            nl(option)
        ),
        E::QualtricsHeader {
            file,
            line,
            message,
        } => format!("{}: {}", at(file, *line, None), detail(message)),
        E::InvalidField {
            file,
            line,
            column,
            expected,
            found,
        } => format!(
            "{}: verwacht {}, gevonden \"{found}\".",
            at(file, *line, Some(column)),
            detail(expected)
        ),
        E::TooMany {
            file,
            line,
            column,
            what,
            max,
        } => format!(
            "{}: meer dan {max} verschillende {}; dit lijkt geen enquêtedata.",
            at(file, *line, Some(column)),
            nl(what)
        ),
    }
}

fn conflict(c: &Conflict) -> String {
    let what = nl(c.what);
    format!(
        "{}: respondent \"{}\" staat op regel {} met {what} \"{}\" maar hier met \"{}\"; een \
         respondent hoort bij één {what}.",
        at(&c.file, c.line, Some(&c.column)),
        c.respondent,
        c.first_line,
        c.first,
        c.found
    )
}

/// The Dutch of a `Detail` (its English is its `Display`).
fn detail(d: &Detail) -> String {
    use Detail as D;
    let sc = |s: &crate::model::Scale| nl(s.name());
    match d {
        D::AnswerTwice { respondent, scale, role } => format!(
            "respondent \"{respondent}\" heeft al een antwoord voor {} bij rol {role}",
            sc(scale)
        ),
        D::SameRole { other, role, question } => format!(
            "deze kolom en kolom \"{other}\" bevatten allebei rol {role} van vraag {question}"
        ),
        D::RowTwice { role, scale, group, first } => {
            let who = match group {
                Some(g) => format!("groep \"{g}\""),
                None => "alle respondenten".into(),
            };
            format!("rol {role}, {} voor {who} staat al op regel {first}", sc(scale))
        }
        D::ColumnTwice { scale, role } => {
            format!("een tweede kolom voor {} van rol {role}", sc(scale))
        }
        D::ResponseTwice { id, first } => format!("antwoord \"{id}\" staat al op regel {first}"),
        D::RowOfRespondent { id, first } => {
            format!("respondent \"{id}\" heeft al een rij, op regel {first}")
        }
        D::OnScale(s) => format!(
            "een getal van {} tot {} (schaal {})",
            (*s).min(),
            (*s).max(),
            sc(s)
        ),
        D::Sd(max) => format!("een standaardafwijking van 0 tot {max}"),
        D::Count => "een positief geheel getal (het aantal antwoorden)".into(),
        D::PrefixColumns(p) => format!("de kolommen {p}_1 .. {p}_14"),
        D::MatrixMentioning(crate::model::Scale::Importance) => {
            "een matrixvraag die \"belang\", \"belangrijk\" of \"important\" noemt".into()
        }
        D::MatrixMentioning(crate::model::Scale::Performance) => {
            "een matrixvraag die \"prest\", \"uitvoering\" of \"perform\" noemt".into()
        }
        D::Statements(q) => format!("stellingen die bij de 14 rollen passen in vraag {q}"),
        D::ColumnNamed(c) => format!("een kolom met de naam \"{c}\""),
        D::GroupQuestion => "een vraag die \"groep\", \"group\", \"type organisatie\" of \
                             \"respondent\" noemt"
            .into(),
        D::OneHeaderRow => "een Qualtrics-export begint met drie kopregels (kolom-id's, \
                            vraagteksten, import-id's), maar dit bestand houdt op na de eerste."
            .into(),
        D::EndsForValue => "het bestand houdt op waar een waarde werd verwacht".into(),
        D::NoValue => "verwacht een waarde: tekst tussen dubbele aanhalingstekens, een getal, \
                       true, false, null, een lijst of een object"
            .into(),
        D::BadNumber => "ongeldig getal; JSON-getallen zien eruit als 7, -2.5 of 1e3".into(),
        D::OpenText => {
            "het bestand houdt op binnen een tekst tussen aanhalingstekens: een sluitend \" ontbreekt"
                .into()
        }
        D::ControlInText => "een regeleinde of ander stuurteken binnen een tekst tussen \
                             aanhalingstekens; schrijf het als \\n of \\t"
            .into(),
        D::BadEscape => "ongeldige escape na een backslash: JSON kent \\\" \\\\ \\/ \\b \\f \\n \\r \\t \
                         en \\u met vier hexadecimale cijfers (twee daarvan voor tekens na U+FFFF)"
            .into(),
        D::TrailingComma(c) => {
            format!("een komma voor \"{c}\": JSON staat er geen toe na het laatste element")
        }
        D::CommaOr(c) => format!("verwacht \",\" of \"{c}\""),
        D::EndsInside(c) => {
            let what = if *c == ']' { "een lijst" } else { "een object" };
            format!("het bestand houdt op binnen {what}: een \"{c}\" ontbreekt")
        }
        D::NoKey => "verwacht een veldnaam tussen dubbele aanhalingstekens".into(),
        D::NoColon => "verwacht \":\" na de veldnaam".into(),
        D::AfterEnd => "onverwachte tekst na het einde van de lijst van respondenten".into(),
        D::NotArray(found) => format!(
            "verwacht een lijst van respondenten zoals [{JSON_EXAMPLE}], gevonden {}",
            nl(found)
        ),
        D::NotRespondent(found) => format!(
            "verwacht een respondent zoals {JSON_EXAMPLE}, gevonden {}",
            nl(found)
        ),
        D::TooManyFields => "verwacht hoogstens 5 velden in de lijst van een respondent: \
                             respondent, group, spco, importance, performance"
            .into(),
        D::UnknownField(k) => format!(
            "onbekend veld \"{k}\", verwacht een van \"respondent\", \"group\", \"spco\", \
             \"importance\", \"performance\""
        ),
        D::FieldTwice(k) => format!("het veld \"{k}\" staat er twee keer in"),
        D::NotText(found) => format!("verwacht tekst of een getal, gevonden {}", nl(found)),
        D::EmptyText => "verwacht tekst of een getal, gevonden een lege tekst".into(),
        D::TooManyDifferent(what) => format!("meer dan 65535 verschillende {}", nl(what)),
        D::ListedTwice(id) => format!("respondent \"{id}\" staat er twee keer in"),
        D::NoField(k) => format!("deze respondent heeft geen veld \"{k}\""),
        D::NotAnswers(found) => format!(
            "verwacht een object van rolnummer naar antwoord, zoals {{\"1\": 7, \"2\": 5}}, \
             gevonden {}",
            nl(found)
        ),
        D::TooManyAnswers(s) => {
            format!("{}: verwacht hoogstens 14 antwoorden (één per rol)", sc(s))
        }
        D::NotRole(s, key) => format!(
            "{}: verwacht een rolnummer van 1 tot 14, gevonden \"{key}\"",
            sc(s)
        ),
        D::RoleTwice(s, role) => format!("{} van rol {role} staat er twee keer in", sc(s)),
        D::NotAnswer { scale, role, found } => format!(
            "{} van rol {role}: verwacht een geheel getal van {} tot {}, gevonden {}",
            sc(scale),
            (*scale).min(),
            (*scale).max(),
            nl(found)
        ),
    }
}
