//! Import errors in Dutch (`ImportError::message(Lang::Nl)`), verbatim; English stays the
//! `Display` text.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::catalogue::Lang;
use spco_roles::import::{import_str, Conflict, Detail, Format, ImportError, ImportOptions};
use spco_roles::model::Scale;

fn err(text: &str) -> ImportError {
    let opts = ImportOptions {
        file_name: "data.csv".to_string(),
        format: Format::Auto,
        ..ImportOptions::default()
    };
    import_str(text, &opts).expect_err("should fail")
}

const LONG: &str = "respondent,group,spco,role,importance,performance\n";

#[test]
fn dutch_messages_verbatim() {
    assert_eq!(err("").message(Lang::Nl), "data.csv: het bestand is leeg.");
    let e = err(&format!("{LONG}r1,sme,,15,5,3\n"));
    assert_eq!(
        e.message(Lang::Nl),
        "data.csv, regel 2, kolom \"role\": verwacht een rolnummer van 1 tot 14, gevonden \"15\"."
    );
    assert_eq!(
        e.message(Lang::En),
        "data.csv, line 2, column \"role\": expected a role number from 1 to 14, found \"15\"."
    );
    let e = err(&format!("{LONG}r1,sme,,3,12,3\n"));
    assert_eq!(
        e.message(Lang::Nl),
        "data.csv, regel 2, kolom \"importance\": verwacht een geheel getal van 1 tot 9 \
         (schaal belang), gevonden \"12\"."
    );
    let e = err(&format!("{LONG}r1,,,3,5,3\n"));
    assert_eq!(
        e.message(Lang::Nl),
        "data.csv, regel 2, kolom \"group\": verwacht een respondentgroep, gevonden een lege cel."
    );
    let e = err(&format!("{LONG}r1,sme,,3,5,3\nr1,large,,4,5,3\n"));
    assert_eq!(
        e.message(Lang::Nl),
        "data.csv, regel 3, kolom \"group\": respondent \"r1\" staat op regel 2 met groep \
         \"sme\" maar hier met \"large\"; een respondent hoort bij één groep."
    );
    assert_eq!(
        err(LONG).message(Lang::Nl),
        "data.csv: het bestand heeft een kopregel maar geen antwoorden."
    );
}

#[test]
fn every_kind_of_error_has_dutch_wording() {
    // The Dutch message differs from the English one for each input (no English frame left).
    for text in [
        "hello world\n1,2\n",
        "respondent,role,importance,performance\nr1,3,5,3\n",
        "respondent,group,role,importance,performance\nr1,sme,3\n",
        "[{\"respondent\": 1,}]",
    ] {
        let e = err(text);
        let (nl, en) = (e.message(Lang::Nl), e.message(Lang::En));
        assert_ne!(nl, en, "{text:?}");
        assert!(
            !nl.contains(" line ") && !nl.contains("expected"),
            "{text:?}: {nl}"
        );
    }
}

/// Every `Detail`, each once (the match below fails to compile when one is added and not listed).
fn every_detail() -> Vec<Detail> {
    use Detail as D;
    use Scale::{Importance as I, Performance as P};
    let s = |t: &str| t.to_string();
    let all = vec![
        D::AnswerTwice {
            respondent: s("r1"),
            scale: I,
            role: 3,
        },
        D::SameRole {
            other: s("Q2_4"),
            role: 3,
            question: s("Q2"),
        },
        D::RowTwice {
            role: 3,
            scale: P,
            group: Some(s("sme")),
            first: 4,
        },
        D::RowTwice {
            role: 3,
            scale: P,
            group: None,
            first: 4,
        },
        D::ColumnTwice { scale: I, role: 5 },
        D::ResponseTwice {
            id: s("R_1"),
            first: 5,
        },
        D::RowOfRespondent {
            id: s("r1"),
            first: 2,
        },
        D::OnScale(I),
        D::Sd(8),
        D::Count,
        D::PrefixColumns(s("Q9")),
        D::MatrixMentioning(I),
        D::MatrixMentioning(P),
        D::Statements(s("Q2")),
        D::ColumnNamed(s("Q1")),
        D::GroupQuestion,
        D::OneHeaderRow,
        D::EndsForValue,
        D::NoValue,
        D::BadNumber,
        D::OpenText,
        D::ControlInText,
        D::BadEscape,
        D::TrailingComma(']'),
        D::CommaOr('}'),
        D::EndsInside(']'),
        D::EndsInside('}'),
        D::NoKey,
        D::NoColon,
        D::AfterEnd,
        D::NotArray(s("an object")),
        D::NotRespondent(s("a list")),
        D::TooManyFields,
        D::UnknownField(s("nmae")),
        D::FieldTwice("group"),
        D::NotText(s("a list")),
        D::EmptyText,
        D::TooManyDifferent("groups"),
        D::ListedTwice(s("r1")),
        D::NoField("respondent"),
        D::NotAnswers(s("\"x\"")),
        D::TooManyAnswers(P),
        D::NotRole(I, s("x")),
        D::RoleTwice(P, 2),
        D::NotAnswer {
            scale: I,
            role: 2,
            found: s("12"),
        },
    ];
    for d in &all {
        match d {
            D::AnswerTwice { .. }
            | D::SameRole { .. }
            | D::RowTwice { .. }
            | D::ColumnTwice { .. }
            | D::ResponseTwice { .. }
            | D::RowOfRespondent { .. }
            | D::OnScale(_)
            | D::Sd(_)
            | D::Count
            | D::PrefixColumns(_)
            | D::MatrixMentioning(_)
            | D::Statements(_)
            | D::ColumnNamed(_)
            | D::GroupQuestion
            | D::OneHeaderRow
            | D::EndsForValue
            | D::NoValue
            | D::BadNumber
            | D::OpenText
            | D::ControlInText
            | D::BadEscape
            | D::TrailingComma(_)
            | D::CommaOr(_)
            | D::EndsInside(_)
            | D::NoKey
            | D::NoColon
            | D::AfterEnd
            | D::NotArray(_)
            | D::NotRespondent(_)
            | D::TooManyFields
            | D::UnknownField(_)
            | D::FieldTwice(_)
            | D::NotText(_)
            | D::EmptyText
            | D::TooManyDifferent(_)
            | D::ListedTwice(_)
            | D::NoField(_)
            | D::NotAnswers(_)
            | D::TooManyAnswers(_)
            | D::NotRole(..)
            | D::RoleTwice(..)
            | D::NotAnswer { .. } => {}
        }
    }
    all
}

/// Every `ImportError` variant, with each `Detail` where a variant carries one and each fixed
/// fragment the import code passes (formats, expected columns, Qualtrics options).
fn every_error() -> Vec<ImportError> {
    use ImportError as E;
    let f = || "data.csv".to_string();
    let c = || "role".to_string();
    let mut all = vec![
        E::NotUtf8 { file: f(), line: 3 },
        E::Empty { file: f() },
        E::NoAnswers {
            file: f(),
            json: false,
            left_out: 0,
        },
        E::NoAnswers {
            file: f(),
            json: true,
            left_out: 3,
        },
        E::UnknownFormat {
            file: f(),
            found: "hello".into(),
        },
        E::RaggedRow {
            file: f(),
            line: 2,
            column: c(),
            expected: 6,
            found: 3,
        },
        E::InvalidValue {
            file: f(),
            line: 2,
            column: c(),
            scale: "importance",
            min: 1,
            max: 9,
            found: "12".into(),
        },
        E::InvalidValue {
            file: f(),
            line: 2,
            column: c(),
            scale: "performance",
            min: 1,
            max: 5,
            found: "12".into(),
        },
        E::UnknownRole {
            file: f(),
            line: 2,
            column: c(),
            found: "15".into(),
        },
        E::UnknownScale {
            file: f(),
            line: 2,
            column: c(),
            found: "x".into(),
        },
        E::Conflict(Box::new(Conflict {
            file: f(),
            line: 3,
            column: "spco".into(),
            respondent: "r1".into(),
            what: "SPCO",
            first: "VIL".into(),
            first_line: 2,
            found: "MKB".into(),
        })),
        E::QualtricsHeader {
            file: f(),
            line: 2,
            message: Detail::OneHeaderRow,
        },
    ];
    for (format, expected) in [
        ("long", "respondent, group, spco (optional), role, importance, performance"),
        ("wide", "respondent, group, spco (optional), importance_1 .. importance_14, performance_1 .. performance_14"),
        ("summary", "group (optional), role, scale, n, mean, median, mode, sd"),
        ("Qualtrics", "ResponseId and the question columns (Status and Finished are used when present)"),
    ] {
        all.push(E::MissingColumn { file: f(), line: 1, column: c(), format, expected });
    }
    for expected in ["a respondent group", "a respondent id", "a mean"] {
        all.push(E::MissingValue {
            file: f(),
            line: 2,
            column: c(),
            expected,
        });
    }
    for what in ["groups", "SPCOs"] {
        all.push(E::TooMany {
            file: f(),
            line: 2,
            column: c(),
            what,
            max: 65535,
        });
    }
    for (what, option) in [
        ("the importance questions", "importance prefix, e.g. Q2"),
        ("the performance questions", "performance prefix, e.g. Q3"),
        ("the respondent group question", "group column, e.g. Q1"),
        ("the SPCO question", "SPCO column"),
    ] {
        all.push(E::QualtricsColumns {
            file: f(),
            what,
            looked_for: Box::new(Detail::GroupQuestion),
            tried: vec!["Q1: Type".into()],
            option,
        });
    }
    for d in every_detail() {
        all.push(E::Duplicate {
            file: f(),
            line: 2,
            column: c(),
            what: d.clone(),
        });
        all.push(E::JsonSyntax {
            file: f(),
            line: 1,
            column: 4,
            message: d.clone(),
        });
        all.push(E::JsonShape {
            file: f(),
            line: 1,
            column: 4,
            message: d.clone(),
        });
        all.push(E::InvalidField {
            file: f(),
            line: 2,
            column: c(),
            expected: Box::new(d.clone()),
            found: "x".into(),
        });
        all.push(E::QualtricsColumns {
            file: f(),
            what: "the SPCO question",
            looked_for: Box::new(d),
            tried: vec![],
            option: "SPCO column",
        });
    }
    all
}

/// English words no Dutch message should hold outside quotes. Column and JSON field names the
/// file must spell in English (group, importance, scale, ...) are not on it.
const ENGLISH: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "to",
    "not",
    "with",
    "from",
    "for",
    "this",
    "than",
    "more",
    "after",
    "before",
    "inside",
    "already",
    "given",
    "twice",
    "expected",
    "found",
    "missing",
    "row",
    "rows",
    "line",
    "column",
    "columns",
    "file",
    "answer",
    "answers",
    "number",
    "whole",
    "text",
    "field",
    "list",
    "empty",
    "header",
    "question",
    "questions",
    "different",
    "ends",
    "unknown",
    "invalid",
    "most",
    "named",
    "mentioning",
    "optional",
    "prefix",
    "statements",
    "respondents",
    "standard",
    "deviation",
    "positive",
    "escape after",
    "unexpected",
    "allows",
    "none",
    "last",
    "item",
    "value",
    "object from",
    "e.g",
    "used",
    "when",
    "present",
    "could",
    "looked",
    "among",
    "these",
    "name",
    "options",
    "belongs",
    "listed",
    "here",
    "but",
    "on",
    "has",
    "have",
    "does",
    "look",
    "like",
    "survey",
    "data",
    "cells",
    "save",
    "choose",
    "encoding",
    "programs",
    "other",
    "one",
    "only",
    "all",
    "were",
    "left",
    "out",
    "previews",
    "tests",
    "unfinished",
    "responses",
    "format",
    "recognised",
    "first",
    "reads",
    "table",
    "array",
    "three",
    "rows",
    "second",
    "appears",
    "response",
];

/// The words of `text` outside double quotes (and outside the file name and the JSON example).
fn words_outside_quotes(text: &str) -> Vec<String> {
    let text = text.replace("data.csv", "").replace(
        "{\"respondent\": \"r1\", \"group\": \"sme\", \"spco\": \"VIL\", \"importance\": {\"1\": 7}, \"performance\": {\"1\": 4}}",
        "",
    );
    let mut out = Vec::new();
    for (i, part) in text.split('"').enumerate() {
        if i % 2 == 1 {
            continue; // inside quotes: a cell, a name, a character
        }
        out.extend(
            part.split(|ch: char| !ch.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase),
        );
    }
    out
}

#[test]
fn every_error_variant_is_fully_dutch() {
    let all = every_error();
    assert!(all.len() > 200, "{} errors", all.len());
    let mut english = Vec::new();
    for e in &all {
        let (nl, en) = (e.message(Lang::Nl), e.message(Lang::En));
        assert_ne!(nl, en, "{en}");
        for w in words_outside_quotes(&nl) {
            if ENGLISH.contains(&w.as_str()) {
                english.push(format!("{w:?} in: {nl}"));
            }
        }
        // The stop-list does find English: each English message has at least one of its words.
        assert!(
            words_outside_quotes(&en)
                .iter()
                .any(|w| ENGLISH.contains(&w.as_str())),
            "the stop-list misses the English of: {en}"
        );
    }
    english.dedup();
    assert!(
        english.is_empty(),
        "English words in Dutch messages:\n{}",
        english.join("\n")
    );
}

#[test]
fn dutch_details_from_real_files() {
    // JSON files with an unknown field, a role given twice and a trailing comma: each message
    // fully Dutch, verbatim.
    let e = err("[{\"respondent\": \"r1\", \"group\": \"sme\", \"nmae\": 1}]");
    assert_eq!(
        e.message(Lang::Nl),
        "data.csv, regel 1, kolom 39: onbekend veld \"nmae\", verwacht een van \"respondent\", \
         \"group\", \"spco\", \"importance\", \"performance\"."
    );
    let e =
        err("[{\"respondent\": \"r1\", \"group\": \"sme\", \"importance\": {\"2\": 3, \"2\": 4}}]");
    assert_eq!(
        e.message(Lang::Nl),
        "data.csv, regel 1, kolom 62: belang van rol 2 staat er twee keer in."
    );
    let e = err("[{\"respondent\": \"r1\", \"group\": \"sme\"},]");
    assert_eq!(
        e.message(Lang::Nl),
        "data.csv, regel 1, kolom 39: dit is geen geldige JSON: een komma voor \"]\": JSON staat \
         er geen toe na het laatste element."
    );
}
