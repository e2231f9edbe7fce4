//! The one error type of the import layer. Every message names the file and, where there is
//! one, the line (1-based, header lines included) and the column (its header name), and says
//! what was expected, so that a non-programmer can find and fix the cell.

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

    #[error("{file}, line {line}, column \"{column}\": more than {max} different {what}; this does not look like survey data.")]
    TooMany {
        file: String,
        line: u64,
        column: String,
        what: &'static str,
        max: usize,
    },
}

impl ImportError {
    /// The message in `lang` (the `Display` text is the English one).
    pub fn message(&self, lang: crate::catalogue::Lang) -> String {
        match lang {
            crate::catalogue::Lang::En => self.to_string(),
            crate::catalogue::Lang::Nl => super::wording::dutch(self),
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
/// in both languages: English here (`Display`), Dutch in wording.rs. Text from the file (ids,
/// cells, column names, `found`) is shown as found; `found` of a JSON value is `null`, a number,
/// a quoted text, "a list" or "an object" (the last two translated by wording.rs).
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

impl std::fmt::Display for Detail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use Detail as D;
        match self {
            D::AnswerTwice { respondent, scale, role } => write!(
                f,
                "respondent \"{respondent}\" already has a {} answer for role {role}",
                scale.name()
            ),
            D::SameRole { other, role, question } => write!(
                f,
                "this column and column \"{other}\" both hold role {role} of question {question}"
            ),
            D::RowTwice { role, scale, group, first } => {
                write!(f, "role {role}, {} for ", scale.name())?;
                match group {
                    Some(g) => write!(f, "group \"{g}\"")?,
                    None => f.write_str("all respondents")?,
                }
                write!(f, " is already given on line {first}")
            }
            D::ColumnTwice { scale, role } => {
                write!(f, "a second column for the {} of role {role}", scale.name())
            }
            D::ResponseTwice { id, first } => {
                write!(f, "response \"{id}\" already appears on line {first}")
            }
            D::RowOfRespondent { id, first } => {
                write!(f, "respondent \"{id}\" already has a row, on line {first}")
            }
            D::OnScale(s) => write!(
                f,
                "a number from {} to {} ({} scale)",
                (*s).min(),
                (*s).max(),
                s.name()
            ),
            D::Sd(max) => write!(f, "a standard deviation from 0 to {max}"),
            D::Count => f.write_str("a positive whole number (the number of answers)"),
            D::PrefixColumns(p) => write!(f, "columns {p}_1 .. {p}_14"),
            D::MatrixMentioning(Scale::Importance) => f.write_str(
                "a matrix question mentioning \"belang\", \"belangrijk\" or \"important\"",
            ),
            D::MatrixMentioning(Scale::Performance) => f.write_str(
                "a matrix question mentioning \"prest\", \"uitvoering\" or \"perform\"",
            ),
            D::Statements(q) => write!(f, "statements matching the 14 roles in question {q}"),
            D::ColumnNamed(c) => write!(f, "a column named \"{c}\""),
            D::GroupQuestion => f.write_str(
                "a question mentioning \"groep\", \"group\", \"type organisatie\" or \"respondent\"",
            ),
            D::OneHeaderRow => f.write_str(
                "a Qualtrics export starts with three header rows (column ids, question texts, \
                 import ids), but this file ends after the first.",
            ),
            D::EndsForValue => f.write_str("the file ends where a value was expected"),
            D::NoValue => f.write_str(
                "expected a value: text in double quotes, a number, true, false, null, \
                 a list or an object",
            ),
            D::BadNumber => f.write_str("invalid number; JSON numbers look like 7, -2.5 or 1e3"),
            D::OpenText => {
                f.write_str("the file ends inside a text in quotes: a closing \" is missing")
            }
            D::ControlInText => f.write_str(
                "a line break or other control character inside a text in quotes; \
                 write it as \\n or \\t",
            ),
            D::BadEscape => f.write_str(
                "invalid escape after a backslash: JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \
                 and \\u with four hex digits (two such for characters beyond U+FFFF)",
            ),
            D::TrailingComma(c) => {
                write!(f, "a comma before \"{c}\": JSON allows none after the last item")
            }
            D::CommaOr(c) => write!(f, "expected \",\" or \"{c}\""),
            D::EndsInside(c) => {
                let what = if *c == ']' { "a list" } else { "an object" };
                write!(f, "the file ends inside {what}: a \"{c}\" is missing")
            }
            D::NoKey => f.write_str("expected a field name in double quotes"),
            D::NoColon => f.write_str("expected \":\" after the field name"),
            D::AfterEnd => f.write_str("unexpected text after the end of the array of respondents"),
            D::NotArray(found) => write!(
                f,
                "expected an array of respondents such as [{JSON_EXAMPLE}], found {found}"
            ),
            D::NotRespondent(found) => {
                write!(f, "expected a respondent such as {JSON_EXAMPLE}, found {found}")
            }
            D::TooManyFields => f.write_str(
                "expected at most 5 fields in a respondent's list: respondent, group, \
                 spco, importance, performance",
            ),
            D::UnknownField(k) => write!(
                f,
                "unknown field \"{k}\", expected one of \"respondent\", \"group\", \
                 \"spco\", \"importance\", \"performance\""
            ),
            D::FieldTwice(k) => write!(f, "duplicate field \"{k}\""),
            D::NotText(found) => write!(f, "expected text or a number, found {found}"),
            D::EmptyText => f.write_str("expected text or a number, found an empty string"),
            D::TooManyDifferent(what) => write!(f, "more than 65535 different {what}"),
            D::ListedTwice(id) => write!(f, "respondent \"{id}\" is listed twice"),
            D::NoField(k) => write!(f, "this respondent has no \"{k}\" field"),
            D::NotAnswers(found) => write!(
                f,
                "expected an object from role number to answer, such as \
                 {{\"1\": 7, \"2\": 5}}, found {found}"
            ),
            D::TooManyAnswers(s) => {
                write!(f, "{}: expected at most 14 answers (one per role)", s.name())
            }
            D::NotRole(s, key) => write!(
                f,
                "{}: expected a role number from 1 to 14, found \"{key}\"",
                s.name()
            ),
            D::RoleTwice(s, role) => write!(f, "{} of role {role} is given twice", s.name()),
            D::NotAnswer { scale, role, found } => write!(
                f,
                "{} of role {role}: expected a whole number from {} to {}, found {found}",
                scale.name(),
                (*scale).min(),
                (*scale).max()
            ),
        }
    }
}
