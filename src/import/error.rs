//! The one error type of the import layer. Every message names the file and, where there is
//! one, the line (1-based, header lines included) and the column (its header name), and says
//! what was expected, so that a non-programmer can find and fix the cell.

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
        what: String,
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
        message: String,
    },

    #[error("{file}, line {line}, column {column}: {message}.")]
    JsonShape {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },

    #[error(
        "{file}: could not find {what} in this Qualtrics export. Looked for {looked_for} among these \
         questions: {}. Name the columns in the import options ({option}).",
        .tried.join("; ")
    )]
    QualtricsColumns {
        file: String,
        what: &'static str,
        looked_for: String,
        tried: Vec<String>,
        option: &'static str,
    },

    #[error("{file}, line {line}: {message}")]
    QualtricsHeader {
        file: String,
        line: u64,
        message: String,
    },

    #[error("{file}, line {line}, column \"{column}\": expected {expected}, found \"{found}\".")]
    InvalidField {
        file: String,
        line: u64,
        column: String,
        expected: String,
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
