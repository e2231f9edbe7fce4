//! The data model every layer shares: scales, groups, respondent-level surveys (columnar) and
//! summary tables (aggregates only, as the report publishes them).

use serde::Serialize;

/// Number of roles in the study's catalogue.
pub const N_ROLES: usize = 14;

/// The two rating scales of the survey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    /// 1 = unimportant ... 9 = crucial.
    Importance,
    /// 5-point Likert, 1 = very weak ... 5 = very strong.
    Performance,
}

impl Scale {
    pub const ALL: [Scale; 2] = [Scale::Importance, Scale::Performance];

    pub const fn min(self) -> u8 {
        1
    }

    pub const fn max(self) -> u8 {
        match self {
            Scale::Importance => 9,
            Scale::Performance => 5,
        }
    }

    /// The scale midpoint: the report's crosshair (importance 5, performance 3).
    pub const fn midpoint(self) -> f64 {
        match self {
            Scale::Importance => 5.0,
            Scale::Performance => 3.0,
        }
    }

    pub const fn index(self) -> usize {
        match self {
            Scale::Importance => 0,
            Scale::Performance => 1,
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            Scale::Importance => "importance",
            Scale::Performance => "performance",
        }
    }

    /// Parses `importance`/`performance` (and the Dutch `belang`/`prestatie`), case-insensitive.
    pub fn parse(text: &str) -> Option<Scale> {
        match text.trim().to_ascii_lowercase().as_str() {
            "importance" | "imp" | "belang" => Some(Scale::Importance),
            "performance" | "perf" | "prestatie" | "uitvoering" => Some(Scale::Performance),
            _ => None,
        }
    }

    pub fn contains(self, value: u8) -> bool {
        (self.min()..=self.max()).contains(&value)
    }
}

/// A respondent group as it occurs in a dataset. Groups the catalogue knows carry its labels;
/// unknown groups are kept as groups of their own, labelled with the text found in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    pub code: String,
    pub label_nl: String,
    pub label_en: String,
    /// True when the catalogue knows this group.
    pub known: bool,
}

/// Index of a group within `Survey::groups` / `SummaryTable::groups`.
pub type GroupIx = u16;
/// Index of an SPCO within `Survey::spcos`.
pub type SpcoIx = u16;

/// Respondent-level answers, stored columnar: one row of `2 * N_ROLES` bytes per respondent,
/// importance roles 1..=14 then performance roles 1..=14, 0 meaning a skipped item.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Survey {
    pub respondents: Vec<String>,
    pub group: Vec<GroupIx>,
    pub spco: Vec<Option<SpcoIx>>,
    pub groups: Vec<Group>,
    pub spcos: Vec<String>,
    answers: Vec<u8>,
}

/// The parts of a `Survey`, for `Survey::from_columns`.
pub struct SurveyColumns {
    pub respondents: Vec<String>,
    pub group: Vec<GroupIx>,
    pub spco: Vec<Option<SpcoIx>>,
    pub groups: Vec<Group>,
    pub spcos: Vec<String>,
    pub answers: Vec<u8>,
}

/// Bytes per respondent row in `Survey`.
pub const ROW_LEN: usize = 2 * N_ROLES;

impl Survey {
    pub fn new(groups: Vec<Group>, spcos: Vec<String>) -> Survey {
        Survey {
            groups,
            spcos,
            ..Survey::default()
        }
    }

    pub fn len(&self) -> usize {
        self.respondents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.respondents.is_empty()
    }

    /// Adds a respondent with all items skipped and returns its index.
    pub fn push_respondent(&mut self, id: String, group: GroupIx, spco: Option<SpcoIx>) -> usize {
        self.respondents.push(id);
        self.group.push(group);
        self.spco.push(spco);
        self.answers.extend_from_slice(&[0; ROW_LEN]);
        self.respondents.len() - 1
    }

    /// Column of `role` (1-based) and `scale` within a respondent row.
    pub const fn column(role: u8, scale: Scale) -> usize {
        scale.index() * N_ROLES + (role as usize - 1)
    }

    /// The answer of respondent `r` to `role` on `scale`; `None` when skipped.
    pub fn answer(&self, r: usize, role: u8, scale: Scale) -> Option<u8> {
        match self.answers[r * ROW_LEN + Self::column(role, scale)] {
            0 => None,
            v => Some(v),
        }
    }

    /// Sets an answer. The caller (import) has validated `value` against the scale.
    pub fn set_answer(&mut self, r: usize, role: u8, scale: Scale, value: Option<u8>) {
        debug_assert!(value.is_none_or(|v| scale.contains(v)));
        self.answers[r * ROW_LEN + Self::column(role, scale)] = value.unwrap_or(0);
    }

    /// The whole answer row of respondent `r` (see `column`).
    pub fn row(&self, r: usize) -> &[u8] {
        &self.answers[r * ROW_LEN..(r + 1) * ROW_LEN]
    }

    /// All answer rows, `ROW_LEN` bytes a respondent (see `column`).
    pub fn answers(&self) -> &[u8] {
        &self.answers
    }

    /// A survey from its columns (the compact encoding's reader); `None` when the column lengths
    /// do not agree or an index points past `groups`/`spcos`.
    pub fn from_columns(parts: SurveyColumns) -> Option<Survey> {
        let SurveyColumns {
            respondents,
            group,
            spco,
            groups,
            spcos,
            answers,
        } = parts;
        let n = respondents.len();
        let ok = group.len() == n
            && spco.len() == n
            && answers.len() == n * ROW_LEN
            && group.iter().all(|&g| usize::from(g) < groups.len())
            && spco.iter().flatten().all(|&s| usize::from(s) < spcos.len())
            && answers.chunks_exact(ROW_LEN).all(|row| {
                let (imp, perf) = row.split_at(N_ROLES);
                // 0 is a skipped item; no row-and-column arithmetic per byte (this runs on the
                // page's main thread for every respondent of a big file).
                imp.iter().all(|&v| v <= Scale::Importance.max())
                    && perf.iter().all(|&v| v <= Scale::Performance.max())
            });
        ok.then_some(Survey {
            respondents,
            group,
            spco,
            groups,
            spcos,
            answers,
        })
    }

    pub fn group_index(&self, code: &str) -> Option<GroupIx> {
        self.groups
            .iter()
            .position(|g| g.code == code)
            .map(|i| i as GroupIx)
    }
}

/// One row of a published summary: aggregates for one role and scale, optionally per group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummaryRow {
    pub group: Option<GroupIx>,
    pub role: u8,
    pub scale: Scale,
    pub n: Option<u32>,
    pub mean: f64,
    pub median: Option<f64>,
    pub mode: Option<f64>,
    pub sd: Option<f64>,
}

/// A table of aggregates, for studies that publish no respondent-level answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SummaryTable {
    pub groups: Vec<Group>,
    pub rows: Vec<SummaryRow>,
}

/// Anything the importers produce.
#[derive(Clone, Debug, PartialEq)]
pub enum Dataset {
    Respondents(Survey),
    Summary(SummaryTable),
}

impl Dataset {
    pub fn groups(&self) -> &[Group] {
        match self {
            Dataset::Respondents(s) => &s.groups,
            Dataset::Summary(t) => &t.groups,
        }
    }
}

/// Case folding for matching headers, labels and question texts: ASCII and Latin-1 letters (all
/// that Dutch, French, German and English texts use). `str::to_lowercase` would be exact for all
/// of Unicode, but its tables cost ~15 KB of the shipped wasm for letters no survey file uses.
pub fn fold_case(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// One character of `fold_case`.
pub fn fold_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        // Latin-1 capitals À..Þ (but not × U+D7) map 0x20 down, as in ASCII.
        '\u{C0}'..='\u{DE}' if c != '\u{D7}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        _ => c,
    }
}
