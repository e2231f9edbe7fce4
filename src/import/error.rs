//! The one error type of the import layer. Every message names the file and, where there is
//! one, the line (1-based, header lines included) and the column (its header name), and says
//! what was expected, so that a non-programmer can find and fix the cell.
//! Over 400 lines: one variant and one English template per finding; the Dutch mirrors it in
//! crate::wording::import.

use crate::model::Scale;
use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error(
        "{file}, line {line}: the file is not UTF-8 text. In Excel, save it as \"CSV UTF-8\"; \
         in other programs, choose the UTF-8 encoding when saving."
    )]
    NotUtf8 { file: String, line: u64 },

    #[error("{file}: the file is empty.")]
    Empty { file: String },

    /// A header (or an empty JSON list) with no rows under it, or with every row left out: the
    /// chart would be empty, so it is an error, not n = 0.
    #[error("{file}: {}", no_answers(*.json, *.left_out))]
    NoAnswers {
        file: String,
        /// JSON has no header, so its message says "an empty list" instead.
        json: bool,
        /// Rows left out as not real responses (Qualtrics previews, spam, unfinished).
        left_out: usize,
    },

    #[error(
        "{file}: the format of this file was not recognised (its first line reads: {found}). \
         Expected one of: a long table with the columns respondent, group, spco (optional), role, \
         importance, performance; a wide table with the columns respondent, group, spco (optional), \
         importance_1 .. importance_14, performance_1 .. performance_14; a Qualtrics CSV export \
         with its three header rows; a JSON array of respondents; or a summary table with the \
         columns group (optional), role, scale, n, mean, median, mode, sd."
    )]
    UnknownFormat { file: String, found: String },

    #[error("{file}, line {line}: the column \"{column}\" is missing. A {format} file needs the columns {expected}.")]
    MissingColumn {
        file: String,
        line: u64,
        column: String,
        format: &'static str,
        expected: &'static str,
    },

    #[error("{file}, line {line}: this row has {found} cells but the header row has {expected}; the cells from column \"{column}\" on are missing.")]
    RaggedRow {
        file: String,
        line: u64,
        column: String,
        expected: usize,
        found: usize,
    },

    #[error("{file}, line {line}, column \"{column}\": expected a whole number from {min} to {max} ({scale} scale), found \"{found}\".")]
    InvalidValue {
        file: String,
        line: u64,
        column: String,
        scale: &'static str,
        min: u8,
        max: u8,
        found: String,
    },

    #[error("{file}, line {line}, column \"{column}\": expected a role number from 1 to 14, found \"{found}\".")]
    UnknownRole {
        file: String,
        line: u64,
        column: String,
        found: String,
    },

    #[error("{file}, line {line}, column \"{column}\": expected \"importance\" or \"performance\", found \"{found}\".")]
    UnknownScale {
        file: String,
        line: u64,
        column: String,
        found: String,
    },

    #[error("{file}, line {line}, column \"{column}\": {what}.")]
    Duplicate {
        file: String,
        line: u64,
        column: String,
        what: Detail,
    },

    /// A respondent listed with two different groups or SPCOs (boxed: it is the largest).
    #[error(transparent)]
    Conflict(Box<Conflict>),

    #[error("{file}, line {line}, column \"{column}\": expected {expected}, found an empty cell.")]
    MissingValue {
        file: String,
        line: u64,
        column: String,
        expected: &'static str,
    },

    #[error("{file}, line {line}, column {column}: this is not valid JSON: {message}.")]
    JsonSyntax {
        file: String,
        line: usize,
        column: usize,
        message: Detail,
    },

    #[error("{file}, line {line}, column {column}: {message}.")]
    JsonShape {
        file: String,
        line: usize,
        column: usize,
        message: Detail,
    },

    #[error(
        "{file}: could not find {what} in this Qualtrics export. Looked for {looked_for} among these \
         questions: {}. Name the columns in the import options ({option}).",
        .tried.join("; ")
    )]
    QualtricsColumns {
        file: String,
        what: &'static str,
        looked_for: Box<Detail>,
        tried: Vec<String>,
        option: &'static str,
    },

    #[error("{file}, line {line}: {message}")]
    QualtricsHeader {
        file: String,
        line: u64,
        message: Detail,
    },

    #[error("{file}, line {line}, column \"{column}\": expected {expected}, found \"{found}\".")]
    InvalidField {
        file: String,
        line: u64,
        column: String,
        expected: Box<Detail>,
        found: String,
    },

    /// Only in the start wasm (no `full`): a JSON or Qualtrics file, which the
    /// on-demand module reads.
    #[error("this module reads CSV tables only")]
    NeedsMore,

    #[error("{file}, line {line}, column \"{column}\": more than {max} different {what}; this does not look like survey data.")]
    TooMany {
        file: String,
        line: u64,
        column: String,
        what: &'static str,
        max: usize,
    },
}

/// What the start wasm (no `full`) says instead of an import error's words, and for a
/// JSON or Qualtrics file it cannot read: the element then imports in the on-demand module
/// (www/element/more.js), which words the error or reads the format.
pub const MORE: &str = "\u{1}more";

impl ImportError {
    /// Without the `full` feature (the start wasm) every message is `MORE`: the wording
    /// lives in the on-demand module, which the element asks to import the file again.
    #[cfg(not(feature = "full"))]
    pub fn message(&self, _lang: crate::catalogue::Lang) -> String {
        MORE.to_string()
    }

    /// The message in `lang` (the `Display` text is the English one).
    #[cfg(feature = "full")]
    pub fn message(&self, lang: crate::catalogue::Lang) -> String {
        match lang {
            crate::catalogue::Lang::En => self.to_string(),
            crate::catalogue::Lang::Nl => crate::wording::import::dutch(self),
        }
    }
}

/// The text of `ImportError::NoAnswers` after the file name.
fn no_answers(json: bool, left_out: usize) -> String {
    let what = if json {
        "the file has no answers (an empty list of respondents)"
    } else {
        "the file has a header but no answers"
    };
    if left_out > 0 {
        format!("{what}: all {left_out} rows were left out as previews, tests, spam or unfinished responses.")
    } else {
        format!("{what}.")
    }
}

/// The details of `ImportError::Conflict`.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{file}, line {line}, column \"{column}\": respondent \"{respondent}\" is listed with {what} \"{first}\" on line {first_line} but with \"{found}\" here; a respondent belongs to one {what} only.")]
pub struct Conflict {
    pub file: String,
    pub line: u64,
    pub column: String,
    pub respondent: String,
    /// `group` or `SPCO`.
    pub what: &'static str,
    pub first: String,
    pub first_line: u64,
    pub found: String,
}

/// The JSON example the JSON messages show.
pub(super) const JSON_EXAMPLE: &str =
    "{\"respondent\": \"r1\", \"group\": \"sme\", \"spco\": \"VIL\", \
                                       \"importance\": {\"1\": 7}, \"performance\": {\"1\": 4}}";

/// A part of a message that depends on what was found, made where the error is found and worded
/// in both languages: English here (`Display`), Dutch in crate::wording::import. Text from the file (ids,
/// cells, column names, `found`) is shown as found; `found` of a JSON value is `null`, a number,
/// a quoted text, "a list" or "an object" (the last two translated by crate::wording::import).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    /// long: the respondent already answered this scale for this role.
    AnswerTwice {
        respondent: String,
        scale: Scale,
        role: u8,
    },
    /// Qualtrics: two columns of one question hold the same role.
    SameRole {
        other: String,
        role: u8,
        question: String,
    },
    /// summary: a row for this role, scale and group (`None`: all respondents) came before.
    RowTwice {
        role: u8,
        scale: Scale,
        group: Option<String>,
        first: u64,
    },
    /// wide: a second column for one role's scale.
    ColumnTwice {
        scale: Scale,
        role: u8,
    },
    /// Qualtrics: a response id seen on an earlier line.
    ResponseTwice {
        id: String,
        first: u64,
    },
    /// wide: a respondent with a row before.
    RowOfRespondent {
        id: String,
        first: u64,
    },
    /// summary: what a statistic must be.
    OnScale(Scale),
    Sd(u8),
    Count,
    /// Qualtrics: what was looked for.
    PrefixColumns(String),
    MatrixMentioning(Scale),
    Statements(String),
    ColumnNamed(String),
    GroupQuestion,
    OneHeaderRow,
    // JSON syntax.
    EndsForValue,
    NoValue,
    BadNumber,
    OpenText,
    ControlInText,
    BadEscape,
    TrailingComma(char),
    CommaOr(char),
    EndsInside(char),
    NoKey,
    NoColon,
    AfterEnd,
    // JSON shape.
    NotArray(String),
    NotRespondent(String),
    TooManyFields,
    UnknownField(String),
    FieldTwice(&'static str),
    NotText(String),
    EmptyText,
    TooManyDifferent(&'static str),
    ListedTwice(String),
    NoField(&'static str),
    NotAnswers(String),
    TooManyAnswers(Scale),
    NotRole(Scale, String),
    RoleTwice(Scale, u8),
    NotAnswer {
        scale: Scale,
        role: u8,
        found: String,
    },
}

/// A value a `Detail`'s template stands for at `%0`, `%1`, ...: text from the file as found, a
/// number, a scale, a fixed English word (translated by crate::wording::import), a character.
pub(crate) enum Arg<'a> {
    T(&'a str),
    N(u64),
    S(Scale),
    W(&'a str),
    C(char),
}

impl Detail {
    /// The English template (the Dutch one is crate::wording::import's) and its values. One template and
    /// one filler for every detail keep the wasm small (a `format!` per message costs code).
    pub(crate) fn parts(&self) -> (&'static str, Vec<Arg<'_>>) {
        use Arg::{C, N, S, T, W};
        use Detail as D;
        match self {
            D::AnswerTwice { respondent, scale, role } => (
                "respondent \"%0\" already has a %1 answer for role %2",
                vec![T(respondent), S(*scale), N((*role).into())],
            ),
            D::SameRole { other, role, question } => (
                "this column and column \"%0\" both hold role %1 of question %2",
                vec![T(other), N((*role).into()), T(question)],
            ),
            D::RowTwice { role, scale, group, first } => (
                if group.is_some() {
                    "role %0, %1 for group \"%2\" is already given on line %3"
                } else {
                    "role %0, %1 for all respondents is already given on line %3"
                },
                vec![N((*role).into()), S(*scale), T(group.as_deref().unwrap_or_default()), N(*first)],
            ),
            D::ColumnTwice { scale, role } => (
                "a second column for the %0 of role %1",
                vec![S(*scale), N((*role).into())],
            ),
            D::ResponseTwice { id, first } => (
                "response \"%0\" already appears on line %1",
                vec![T(id), N(*first)],
            ),
            D::RowOfRespondent { id, first } => (
                "respondent \"%0\" already has a row, on line %1",
                vec![T(id), N(*first)],
            ),
            D::OnScale(s) => (
                "a number from %0 to %1 (%2 scale)",
                vec![N((*s).min().into()), N((*s).max().into()), S(*s)],
            ),
            D::Sd(max) => ("a standard deviation from 0 to %0", vec![N((*max).into())]),
            D::Count => ("a positive whole number (the number of answers)", vec![]),
            D::PrefixColumns(p) => ("columns %0_1 .. %0_14", vec![T(p)]),
            D::MatrixMentioning(Scale::Importance) => (
                "a matrix question mentioning \"belang\", \"belangrijk\" or \"important\"",
                vec![],
            ),
            D::MatrixMentioning(Scale::Performance) => (
                "a matrix question mentioning \"prest\", \"uitvoering\" or \"perform\"",
                vec![],
            ),
            D::Statements(q) => ("statements matching the 14 roles in question %0", vec![T(q)]),
            D::ColumnNamed(c) => ("a column named \"%0\"", vec![T(c)]),
            D::GroupQuestion => (
                "a question mentioning \"groep\", \"group\", \"type organisatie\" or \"respondent\"",
                vec![],
            ),
            D::OneHeaderRow => (
                "a Qualtrics export starts with three header rows (column ids, question texts, \
                 import ids), but this file ends after the first.",
                vec![],
            ),
            D::EndsForValue => ("the file ends where a value was expected", vec![]),
            D::NoValue => (
                "expected a value: text in double quotes, a number, true, false, null, \
                 a list or an object",
                vec![],
            ),
            D::BadNumber => ("invalid number; JSON numbers look like 7, -2.5 or 1e3", vec![]),
            D::OpenText => (
                "the file ends inside a text in quotes: a closing \" is missing",
                vec![],
            ),
            D::ControlInText => (
                "a line break or other control character inside a text in quotes; \
                 write it as \\n or \\t",
                vec![],
            ),
            D::BadEscape => (
                "invalid escape after a backslash: JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \
                 and \\u with four hex digits (two such for characters beyond U+FFFF)",
                vec![],
            ),
            D::TrailingComma(c) => (
                "a comma before \"%0\": JSON allows none after the last item",
                vec![C(*c)],
            ),
            D::CommaOr(c) => ("expected \",\" or \"%0\"", vec![C(*c)]),
            D::EndsInside(c) => (
                "the file ends inside %1: a \"%0\" is missing",
                vec![C(*c), W(if *c == ']' { "a list" } else { "an object" })],
            ),
            D::NoKey => ("expected a field name in double quotes", vec![]),
            D::NoColon => ("expected \":\" after the field name", vec![]),
            D::AfterEnd => (
                "unexpected text after the end of the array of respondents",
                vec![],
            ),
            D::NotArray(found) => (
                "expected an array of respondents such as [%0], found %1",
                vec![T(JSON_EXAMPLE), W(found)],
            ),
            D::NotRespondent(found) => (
                "expected a respondent such as %0, found %1",
                vec![T(JSON_EXAMPLE), W(found)],
            ),
            D::TooManyFields => (
                "expected at most 5 fields in a respondent's list: respondent, group, \
                 spco, importance, performance",
                vec![],
            ),
            D::UnknownField(k) => (
                "unknown field \"%0\", expected one of \"respondent\", \"group\", \
                 \"spco\", \"importance\", \"performance\"",
                vec![T(k)],
            ),
            D::FieldTwice(k) => ("duplicate field \"%0\"", vec![T(k)]),
            D::NotText(found) => ("expected text or a number, found %0", vec![W(found)]),
            D::EmptyText => ("expected text or a number, found an empty string", vec![]),
            D::TooManyDifferent(what) => ("more than 65535 different %0", vec![W(what)]),
            D::ListedTwice(id) => ("respondent \"%0\" is listed twice", vec![T(id)]),
            D::NoField(k) => ("this respondent has no \"%0\" field", vec![T(k)]),
            D::NotAnswers(found) => (
                "expected an object from role number to answer, such as \
                 {\"1\": 7, \"2\": 5}, found %0",
                vec![W(found)],
            ),
            D::TooManyAnswers(s) => (
                "%0: expected at most 14 answers (one per role)",
                vec![S(*s)],
            ),
            D::NotRole(s, key) => (
                "%0: expected a role number from 1 to 14, found \"%1\"",
                vec![S(*s), T(key)],
            ),
            D::RoleTwice(s, role) => (
                "%0 of role %1 is given twice",
                vec![S(*s), N((*role).into())],
            ),
            D::NotAnswer { scale, role, found } => (
                "%0 of role %1: expected a whole number from %2 to %3, found %4",
                vec![
                    S(*scale),
                    N((*role).into()),
                    N((*scale).min().into()),
                    N((*scale).max().into()),
                    W(found),
                ],
            ),
        }
    }
}

impl std::fmt::Display for Detail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (template, args) = self.parts();
        f.write_str(&crate::wording::import::fill(template, &args, false))
    }
}
