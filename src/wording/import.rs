//! Import error messages in Dutch (`ImportError::message(Lang::Nl)`); the English wording stays
//! in the `#[error]` attributes of crate::import::error, which this mirrors variant by variant.
//! Parts worded where the error is made (`&'static str` fields) are looked up in `FRAGMENTS`;
//! details that carry what was found (`Detail`) are worded by `detail`. Column and JSON field
//! names stay as the file must spell them.

use crate::import::error::{Arg, Conflict, Detail, ImportError};

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
pub(crate) fn dutch(e: &ImportError) -> String {
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

/// `template` with `%0`, `%1`, ... replaced by `args`, in Dutch when `dutch` (scales and fixed
/// English words translated; text from the file as found).
pub(crate) fn fill(template: &str, args: &[Arg<'_>], dutch: bool) -> String {
    let word = |w: &'static str| if dutch { nl(w) } else { w };
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(i) = rest.bytes().position(|b| b == b'%') {
        let (head, tail) = rest.split_at_checked(i).unwrap_or((rest, ""));
        out.push_str(head);
        let k = tail
            .as_bytes()
            .get(1)
            .map_or(0, |d| usize::from(d.wrapping_sub(b'0')));
        match args.get(k) {
            Some(Arg::T(t)) => out.push_str(t),
            Some(Arg::N(n)) => out.push_str(&n.to_string()),
            Some(Arg::S(s)) => out.push_str(word(s.name())),
            Some(Arg::W(w)) => out.push_str(if dutch { nl(w) } else { w }),
            Some(Arg::C(c)) => out.push(*c),
            None => {}
        }
        rest = tail.get(2..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The Dutch of a `Detail` (its English is its `Display`): the same values in a Dutch template.
fn detail(d: &Detail) -> String {
    use crate::model::Scale;
    use Detail as D;
    let (_, args) = d.parts();
    let template = match d {
        D::AnswerTwice { .. } => "respondent \"%0\" heeft al een antwoord voor %1 bij rol %2",
        D::SameRole { .. } => "deze kolom en kolom \"%0\" bevatten allebei rol %1 van vraag %2",
        D::RowTwice { group: Some(_), .. } => "rol %0, %1 voor groep \"%2\" staat al op regel %3",
        D::RowTwice { group: None, .. } => "rol %0, %1 voor alle respondenten staat al op regel %3",
        D::ColumnTwice { .. } => "een tweede kolom voor %0 van rol %1",
        D::ResponseTwice { .. } => "antwoord \"%0\" staat al op regel %1",
        D::RowOfRespondent { .. } => "respondent \"%0\" heeft al een rij, op regel %1",
        D::OnScale(_) => "een getal van %0 tot %1 (schaal %2)",
        D::Sd(_) => "een standaardafwijking van 0 tot %0",
        D::Count => "een positief geheel getal (het aantal antwoorden)",
        D::PrefixColumns(_) => "de kolommen %0_1 .. %0_14",
        D::MatrixMentioning(Scale::Importance) => {
            "een matrixvraag die \"belang\", \"belangrijk\" of \"important\" noemt"
        }
        D::MatrixMentioning(Scale::Performance) => {
            "een matrixvraag die \"prest\", \"uitvoering\" of \"perform\" noemt"
        }
        D::Statements(_) => "stellingen die bij de 14 rollen passen in vraag %0",
        D::ColumnNamed(_) => "een kolom met de naam \"%0\"",
        D::GroupQuestion => {
            "een vraag die \"groep\", \"group\", \"type organisatie\" of \"respondent\" noemt"
        }
        D::OneHeaderRow => {
            "een Qualtrics-export begint met drie kopregels (kolom-id's, vraagteksten, \
             import-id's), maar dit bestand houdt op na de eerste."
        }
        D::EndsForValue => "het bestand houdt op waar een waarde werd verwacht",
        D::NoValue => {
            "verwacht een waarde: tekst tussen dubbele aanhalingstekens, een getal, true, false, \
             null, een lijst of een object"
        }
        D::BadNumber => "ongeldig getal; JSON-getallen zien eruit als 7, -2.5 of 1e3",
        D::OpenText => {
            "het bestand houdt op binnen een tekst tussen aanhalingstekens: een sluitend \" ontbreekt"
        }
        D::ControlInText => {
            "een regeleinde of ander stuurteken binnen een tekst tussen aanhalingstekens; \
             schrijf het als \\n of \\t"
        }
        D::BadEscape => {
            "ongeldige escape na een backslash: JSON kent \\\" \\\\ \\/ \\b \\f \\n \\r \\t \
             en \\u met vier hexadecimale cijfers (twee daarvan voor tekens na U+FFFF)"
        }
        D::TrailingComma(_) => "een komma voor \"%0\": JSON staat er geen toe na het laatste element",
        D::CommaOr(_) => "verwacht \",\" of \"%0\"",
        D::EndsInside(_) => "het bestand houdt op binnen %1: een \"%0\" ontbreekt",
        D::NoKey => "verwacht een veldnaam tussen dubbele aanhalingstekens",
        D::NoColon => "verwacht \":\" na de veldnaam",
        D::AfterEnd => "onverwachte tekst na het einde van de lijst van respondenten",
        D::NotArray(_) => "verwacht een lijst van respondenten zoals [%0], gevonden %1",
        D::NotRespondent(_) => "verwacht een respondent zoals %0, gevonden %1",
        D::TooManyFields => {
            "verwacht hoogstens 5 velden in de lijst van een respondent: respondent, group, spco, \
             importance, performance"
        }
        D::UnknownField(_) => {
            "onbekend veld \"%0\", verwacht een van \"respondent\", \"group\", \"spco\", \
             \"importance\", \"performance\""
        }
        D::FieldTwice(_) => "het veld \"%0\" staat er twee keer in",
        D::NotText(_) => "verwacht tekst of een getal, gevonden %0",
        D::EmptyText => "verwacht tekst of een getal, gevonden een lege tekst",
        D::TooManyDifferent(_) => "meer dan 65535 verschillende %0",
        D::ListedTwice(_) => "respondent \"%0\" staat er twee keer in",
        D::NoField(_) => "deze respondent heeft geen veld \"%0\"",
        D::NotAnswers(_) => {
            "verwacht een object van rolnummer naar antwoord, zoals {\"1\": 7, \"2\": 5}, gevonden %0"
        }
        D::TooManyAnswers(_) => "%0: verwacht hoogstens 14 antwoorden (één per rol)",
        D::NotRole(..) => "%0: verwacht een rolnummer van 1 tot 14, gevonden \"%1\"",
        D::RoleTwice(..) => "%0 van rol %1 staat er twee keer in",
        D::NotAnswer { .. } => "%0 van rol %1: verwacht een geheel getal van %2 tot %3, gevonden %4",
    };
    fill(template, &args, true)
}
