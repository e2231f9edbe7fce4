//! Import of survey data from text: respondent-level tables (long, wide), Qualtrics CSV exports,
//! JSON, and published summary tables. The same code runs natively and in wasm.
//!
//! Every input either imports or returns an `ImportError` that names the file, line and column;
//! nothing panics, nothing is clamped, and nothing is dropped without being reported (Qualtrics
//! rows that are not real responses are counted in `Imported::excluded`).

mod build;
pub mod encode;
pub(crate) mod error;
#[cfg_attr(not(feature = "full"), allow(dead_code))]
mod json;
mod long;
#[cfg_attr(not(feature = "full"), allow(dead_code))]
mod qualtrics;
mod summary;
mod text;
#[cfg(feature = "full")]
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
pub(crate) use text::with_progress;
mod wide;

pub use error::{Conflict, Detail, ImportError, MORE};

use serde::Serialize;

use crate::model::Dataset;

/// The input forms. `Auto` detects the form from the content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Auto,
    Long,
    Wide,
    Qualtrics,
    Json,
    Summary,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Auto,
        Format::Long,
        Format::Wide,
        Format::Qualtrics,
        Format::Json,
        Format::Summary,
    ];

    /// Parses a format name, case-insensitive.
    pub fn parse(text: &str) -> Option<Format> {
        match text.trim().to_ascii_lowercase().as_str() {
            "auto" | "" => Some(Format::Auto),
            "long" => Some(Format::Long),
            "wide" => Some(Format::Wide),
            "qualtrics" => Some(Format::Qualtrics),
            "json" => Some(Format::Json),
            "summary" => Some(Format::Summary),
            _ => None,
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Long => "long",
            Format::Wide => "wide",
            Format::Qualtrics => "qualtrics",
            Format::Json => "json",
            Format::Summary => "summary",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Where to find things in a Qualtrics export when the question texts do not say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QualtricsOptions {
    /// Column id prefix of the importance matrix, e.g. `Q2` for `Q2_1 .. Q2_14`.
    pub importance_prefix: Option<String>,
    /// Column id prefix of the performance matrix, e.g. `Q3`.
    pub performance_prefix: Option<String>,
    /// Column id (or question text) of the respondent group.
    pub group_column: Option<String>,
    /// Column id (or question text) of the SPCO the respondent rated.
    pub spco_column: Option<String>,
    /// Keep previews, tests, spam and unfinished responses too.
    pub keep_all: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    pub format: Format,
    /// Used in error messages only.
    pub file_name: String,
    pub qualtrics: QualtricsOptions,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            format: Format::Auto,
            file_name: "input".to_string(),
            qualtrics: QualtricsOptions::default(),
        }
    }
}

/// Rows left out of the dataset and why (e.g. `{reason: "survey preview", count: 2}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Exclusion {
    pub reason: String,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub dataset: Dataset,
    /// The format the data was read as (detected when `Auto` was asked).
    pub format: Format,
    pub excluded: Vec<Exclusion>,
}

/// Imports raw bytes; they must be UTF-8 (a BOM is allowed).
pub fn import(bytes: &[u8], opts: &ImportOptions) -> Result<Imported, ImportError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => import_str(text, opts),
        Err(e) => {
            let before = &bytes[..e.valid_up_to()];
            let line = 1 + before.iter().filter(|&&b| b == b'\n').count() as u64;
            Err(ImportError::NotUtf8 {
                file: opts.file_name.clone(),
                line,
            })
        }
    }
}

pub fn import_str(text: &str, opts: &ImportOptions) -> Result<Imported, ImportError> {
    let file = opts.file_name.as_str();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    }
    let format = match opts.format {
        Format::Auto => detect(text, file)?,
        f => f,
    };
    #[cfg_attr(not(feature = "full"), allow(unused_mut))]
    let mut excluded: Vec<Exclusion> = Vec::new();
    let dataset = match format {
        Format::Long => Dataset::Respondents(long::parse(text, file)?),
        Format::Wide => Dataset::Respondents(wide::parse(text, file)?),
        #[cfg(feature = "full")]
        Format::Json => Dataset::Respondents(json::parse(text, file)?),
        Format::Summary => Dataset::Summary(summary::parse(text, file)?),
        #[cfg(feature = "full")]
        Format::Qualtrics => {
            let (s, ex) = qualtrics::parse(text, file, &opts.qualtrics)?;
            excluded = ex;
            Dataset::Respondents(s)
        }
        // The start wasm reads CSV tables only; these two are the on-demand module's.
        #[cfg(not(feature = "full"))]
        Format::Json | Format::Qualtrics => return Err(ImportError::NeedsMore),
        // `detect` never answers `Auto`; kept total rather than panicking.
        Format::Auto => {
            return Err(ImportError::UnknownFormat {
                file: file.to_string(),
                found: String::new(),
            })
        }
    };
    // One check for every form, after import: a header with no rows under it would draw an
    // empty chart with n = 0 and no word of why.
    let rows = match &dataset {
        Dataset::Respondents(s) => s.len(),
        Dataset::Summary(t) => t.rows.len(),
    };
    if rows == 0 {
        return Err(ImportError::NoAnswers {
            file: file.to_string(),
            json: format == Format::Json,
            left_out: excluded.iter().map(|e| e.count).sum(),
        });
    }
    Ok(Imported {
        dataset,
        format,
        excluded,
    })
}

/// Qualtrics (an `{"ImportId"` row third), JSON (`[` first), summary (`mean` column), wide
/// (`importance_1` / `imp_1` column), long (`role` column).
fn detect(text: &str, file: &str) -> Result<Format, ImportError> {
    if text.trim_start().starts_with(['[', '{']) {
        return Ok(Format::Json);
    }
    let mut rows = text::Rows::new(text);
    let mut header = None;
    for i in 0..3 {
        if !rows.next()? {
            break;
        }
        if i == 0 {
            header = Some(text::Header::new(&rows.rec, rows.line()));
        } else if i == 2 && qualtrics::is_import_id_row(&rows.rec) {
            return Ok(Format::Qualtrics);
        }
    }
    let Some(header) = header else {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    };
    if header.find(summary::MEAN).is_some() {
        Ok(Format::Summary)
    } else if header.norm.iter().any(|h| wide::role_column(h).is_some()) {
        Ok(Format::Wide)
    } else if header.find(long::ROLE).is_some() {
        Ok(Format::Long)
    } else {
        Err(ImportError::UnknownFormat {
            file: file.to_string(),
            found: header.shown(),
        })
    }
}
