//! Import error messages in Dutch (`ImportError::message(Lang::Nl)`); the English wording stays
//! in the `#[error]` attributes of error.rs. Kept beside the import rather than in
//! crate::wording because it mirrors error.rs variant by variant and only the import uses it.
//! Parts worded where the error is made (`&'static str` fields) are looked up in `FRAGMENTS`;
//! free-text details built with `format!` (the JSON parser's diagnoses, a duplicate's
//! description) stay English inside the Dutch sentence.

use super::error::{Conflict, ImportError};

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
    ("long", "lange"),
    ("wide", "brede"),
    ("the importance questions", "de belangvragen"),
    ("the performance questions", "de prestatievragen"),
    (
        "the respondent group question",
        "de vraag naar de respondentgroep",
    ),
    ("the SPCO question", "de vraag naar de SPCO"),
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
            "{}: de kolom \"{column}\" ontbreekt. Een {}-bestand heeft de kolommen {expected} nodig.",
            at(file, *line, None),
            nl(format)
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
        } => format!("{}: {what}.", at(file, *line, Some(column))),
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
        } => format!("{file}, regel {line}, kolom {column}: dit is geen geldige JSON: {message}."),
        E::JsonShape {
            file,
            line,
            column,
            message,
        } => format!("{file}, regel {line}, kolom {column}: {message}."),
        E::QualtricsColumns {
            file,
            what,
            looked_for,
            tried,
            option,
        } => format!(
            "{file}: {} niet gevonden in deze Qualtrics-export. Gezocht naar {looked_for} tussen \
             deze vragen: {}. Geef de kolommen op in de importopties ({option}).",
            nl(what),
            tried.join("; ")
        ),
        E::QualtricsHeader {
            file,
            line,
            message,
        } => format!("{}: {message}", at(file, *line, None)),
        E::InvalidField {
            file,
            line,
            column,
            expected,
            found,
        } => format!(
            "{}: verwacht {}, gevonden \"{found}\".",
            at(file, *line, Some(column)),
            nl(expected)
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
        E::NeedsMore => "deze module leest alleen CSV-tabellen".to_string(),
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
