//! Statistics of the survey: per role and scale the descriptive statistics, the quadrant of
//! the importance-performance chart, the gap between the scales, and roll-ups to the three role
//! categories and the ten spearhead roles.
//! About 800 lines: the result types the CLI, the wasm and the tests all read, with both data
//! paths (respondents and summary tables) that fill them; the comparison is in `compare/`.
//!
//! # Respondent data
//! One pass over the columnar answer rows builds, for the selected respondents, a histogram of
//! every role x scale (counts at each scale point; skipped items are not counted). Everything
//! else follows from the counts: n, mean, median (mean of the middle pair for even n), all modes,
//! SD, min and max. The variance is computed from integer sums, so it is exact up to the final
//! division.
//!
//! # Summary tables
//! Only the rows of the selected group are used (the overall rows, `group: None`, when no group
//! is selected). Several selected groups, or no group selected on a table that has group rows
//! only, are *pooled*: n = sum of n, mean = n-weighted mean, and SD the pooled population SD
//! `sqrt(sum n_i (sd_i^2 + (mean_i - mean)^2) / sum n_i)` (within- plus between-group spread).
//! Pooling needs every n (and for the SD every SD); when an n is missing the pooled mean is the
//! unweighted mean of the group means and n, SD, SE and CI are unknown. Median and mode cannot be
//! pooled and are then unknown. A summary table's SDs are taken to be population SDs (Qualtrics'
//! convention, and the one Table 3 of the study provably uses); the sample SD is derived from
//! them as `sd * sqrt(n / (n - 1))`. Summary tables carry no SPCO, so an SPCO filter is an error.
//!
//! # Standard error and confidence interval
//! SE = SD / sqrt(n) with the chosen SD kind (population by default, as in the report; a
//! population SD gives a slightly narrower interval than the textbook sample SD). The 95% CI is
//! `mean -/+ t(0.975, n - 1) * SE` (Student's t). With n = 1 there is no interval; the sample SD
//! is then undefined too.
//!
//! # Quadrants and gap
//! Against the crosshair (importance c_i, performance c_p): `keep_up` when importance >= c_i and
//! performance >= c_p; `overkill` when less important but performing well; `low_priority` when
//! both are below; `concentrate` when important but falling short. The gap puts both scales on
//! a common 0-1 scale: `gap = (importance - 1) / 8 - (performance - 1) / 4`; positive means the
//! role matters more than it is delivered.
//!
//! # Roll-ups
//! A roll-up's mean on a scale is the weighted mean of its source roles' means on that scale,
//! over the source roles that have a mean in the selection (`n_roles` says how many). It is a
//! mean of role means, not of respondents, so every role counts once whatever its n. Categories
//! (strategic, operational, all-round) weigh each member role 1. A spearhead role weighs its
//! primary source role(s) 1 and its secondary source roles 0.5: a secondary role (3, 5, 12, 13)
//! also feeds other spearhead roles, and SR2 "shaping a consortium" has six secondary roles
//! against one primary; at full weight those would outvote the role the spearhead is mainly made
//! of. The roll-up's gap and quadrant are computed from its two means as for a role.
//!
//! # Comparisons
//! `compare` sets two selections side by side (B - A per role and scale, Welch's 95% interval,
//! quadrant changes, roll-up differences); see the `compare` module.
//!
//! Long (about 800 lines): the statistics JSON's types, the selection and the one-pass histogram
//! live together so that what the README documents is one file; describe, t quantiles, roll-ups
//! and the comparison are modules of their own.

pub mod compare;
mod describe;
mod group_hist;
pub mod tdist;

use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use compare::{compare, parse_sides, welch, CompareError, Comparison, Reason};
pub use describe::Describe;
use describe::SLOTS;
pub use group_hist::GroupHist;

use crate::catalogue::{catalogue, Category, Kind};
use crate::model::{
    Dataset, Group, GroupIx, Scale, SummaryRow, SummaryTable, Survey, N_ROLES, ROW_LEN,
};

/// Which standard deviation: divided by n (population, the report's and Qualtrics' choice) or by
/// n - 1 (sample).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SdKind {
    #[default]
    Population,
    Sample,
}

impl SdKind {
    pub fn parse(text: &str) -> Result<SdKind, StatsError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "population" | "pop" => Ok(SdKind::Population),
            "sample" => Ok(SdKind::Sample),
            _ => Err(StatsError::BadSdKind(text.to_string())),
        }
    }
}

/// Where the dividing lines of the quadrant chart go.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Crosshair {
    /// The scale midpoints, importance 5 and performance 3 (the report's choice).
    #[default]
    Scale,
    /// Per scale, the mean of the selection's role means.
    Mean,
    /// Per scale, the median of the selection's role means.
    Median,
    /// Given values.
    At { importance: f64, performance: f64 },
}

impl Crosshair {
    /// Parses `scale`, `mean`, `median` or `IMPORTANCE,PERFORMANCE` (e.g. `7.2,3.5`). The values
    /// are checked against the scales by `compute`.
    pub fn parse(text: &str) -> Result<Crosshair, StatsError> {
        let t = text.trim();
        match t.to_ascii_lowercase().as_str() {
            "scale" | "midpoint" | "midpoints" => return Ok(Crosshair::Scale),
            "mean" => return Ok(Crosshair::Mean),
            "median" => return Ok(Crosshair::Median),
            _ => {}
        }
        let bad = || StatsError::BadCrosshair(text.to_string());
        #[expect(clippy::disallowed_methods, reason = "char pattern: no &str searcher")]
        let (i, p) = t.split_once(',').ok_or_else(bad)?;
        let num =
            |s: &str| crate::lean::number::parse_f64(s.trim().as_bytes(), b'.').ok_or_else(bad);
        let importance = num(i)?;
        let performance = num(p)?;
        Ok(Crosshair::At {
            importance,
            performance,
        })
    }

    fn kind_name(self) -> &'static str {
        match self {
            Crosshair::Scale => "scale",
            Crosshair::Mean => "mean",
            Crosshair::Median => "median",
            Crosshair::At { .. } => "at",
        }
    }
}

/// Which respondents to describe.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    /// Group codes; empty = everyone.
    #[serde(default)]
    pub groups: Vec<String>,
    /// SPCO names or codes; empty = all.
    #[serde(default)]
    pub spcos: Vec<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StatsOptions {
    #[serde(default)]
    pub sd: SdKind,
    #[serde(default)]
    pub crosshair: Crosshair,
}

#[derive(Clone, Debug, PartialEq, Error)]
pub enum StatsError {
    #[error("unknown group `{code}`; the dataset has: {}", list(.available))]
    UnknownGroup {
        code: String,
        available: Vec<String>,
    },
    #[error("unknown SPCO `{name}`; the dataset has: {}", list(.available))]
    UnknownSpco {
        name: String,
        available: Vec<String>,
    },
    #[error("a summary table has no SPCO figures; drop the SPCO filter ({})", .0.join(", "))]
    SpcoFilterOnSummary(Vec<String>),
    #[error("the summary table has no group figures, so it cannot be filtered by group `{group}`")]
    NoGroupFigures { group: String },
    #[error("crosshair {scale} {value} is outside the scale {min}..{max}", scale = Scale::name(*.scale), value = crate::lean::number::Num(*.value), min = Scale::min(*.scale), max = Scale::max(*.scale))]
    CrosshairOutOfRange { scale: Scale, value: f64 },
    #[error("the {kind} crosshair needs role means, and the selection has no answers on the {scale} scale", scale = Scale::name(*.scale))]
    NoDataForCrosshair { kind: &'static str, scale: Scale },
    #[error("unknown SD kind `{0}`; expected population or sample")]
    BadSdKind(String),
    #[error("bad crosshair `{0}`; expected scale, mean, median or IMPORTANCE,PERFORMANCE (e.g. 7.2,3.5)")]
    BadCrosshair(String),
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Respondents,
    Summary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// Important and performing well.
    KeepUp,
    /// Less important, performing well.
    Overkill,
    /// Less important, performing weakly.
    LowPriority,
    /// Important, falling short.
    Concentrate,
}

impl Quadrant {
    pub fn of(importance: f64, performance: f64, crosshair: &CrosshairValue) -> Quadrant {
        match (
            importance >= crosshair.importance,
            performance >= crosshair.performance,
        ) {
            (true, true) => Quadrant::KeepUp,
            (false, true) => Quadrant::Overkill,
            (false, false) => Quadrant::LowPriority,
            (true, false) => Quadrant::Concentrate,
        }
    }

    /// The code used in JSON and in the catalogue's `quadrants`.
    pub fn code(self) -> &'static str {
        match self {
            Quadrant::KeepUp => "keep_up",
            Quadrant::Overkill => "overkill",
            Quadrant::LowPriority => "low_priority",
            Quadrant::Concentrate => "concentrate",
        }
    }
}

/// Gap on a common 0-1 scale: positive when importance outruns performance.
pub fn gap(importance: f64, performance: f64) -> f64 {
    (importance - 1.0) / 8.0 - (performance - 1.0) / 4.0
}

/// The crosshair as resolved to numbers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CrosshairValue {
    pub importance: f64,
    pub performance: f64,
    /// `scale`, `mean`, `median` or `at`.
    pub kind: &'static str,
}

/// A group present in the dataset, with its size.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupStats {
    pub code: String,
    pub label_nl: String,
    pub label_en: String,
    pub known: bool,
    /// Respondents in the group (after any SPCO filter); for a summary table the largest n of
    /// its rows, when given.
    pub n: Option<u32>,
    /// Whether the group is part of the selection (every group when none is selected).
    pub selected: bool,
}

impl GroupStats {
    fn of(g: &Group, n: Option<u32>, selected: bool) -> GroupStats {
        GroupStats {
            code: g.code.clone(),
            label_nl: g.label_nl.clone(),
            label_en: g.label_en.clone(),
            known: g.known,
            n,
            selected,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleStats {
    pub role: u8,
    pub category: Category,
    /// `None` when nobody in the selection answered.
    pub importance: Option<Describe>,
    pub performance: Option<Describe>,
    /// `None` unless both means are known.
    pub quadrant: Option<Quadrant>,
    pub gap: Option<f64>,
    /// The 95% CI of either mean contains the crosshair on that axis: the quadrant is uncertain.
    pub ci_crosses_crosshair: bool,
    /// n < 5 on either scale (a role nobody answered counts as n = 0; an unknown n does not).
    pub small_n: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct RollupMean {
    pub mean: Option<f64>,
    /// Source roles with a mean on this scale.
    pub n_roles: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rollup {
    /// Category code (categories only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Category>,
    /// Spearhead role number (spearheads only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<u8>,
    /// Framework or action (spearheads only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// Source roles.
    pub roles: Vec<u8>,
    /// Weight of each source role, parallel to `roles`.
    pub weights: Vec<f64>,
    pub importance: RollupMean,
    pub performance: RollupMean,
    pub gap: Option<f64>,
    pub quadrant: Option<Quadrant>,
    pub method: &'static str,
}

const CATEGORY_METHOD: &str = "mean of the member roles' means, each weight 1";
const SPEARHEAD_METHOD: &str =
    "weighted mean of the source roles' means: primary roles weight 1, secondary roles weight 0.5";

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    pub source: Source,
    pub sd: SdKind,
    /// Respondents in the selection; for a summary table the largest n of the rows used.
    pub n_respondents: Option<u32>,
    pub selection: Selection,
    pub groups: Vec<GroupStats>,
    pub crosshair: CrosshairValue,
    /// Roles 1..=14 in order.
    pub roles: Vec<RoleStats>,
    pub categories: Vec<Rollup>,
    pub spearheads: Vec<Rollup>,
    /// How the figures were derived where it is not obvious (e.g. pooled groups).
    pub notes: Vec<String>,
}

/// Computes the statistics of `sel` in `dataset`.
pub fn compute(
    dataset: &Dataset,
    sel: &Selection,
    opts: &StatsOptions,
) -> Result<Stats, StatsError> {
    compute_with(dataset, sel, opts, None)
}

/// `compute`, summing `hist` (the dataset's per-group counts, when complete) instead of passing
/// over every respondent where the selection allows it (no SPCO filter).
pub fn compute_with(
    dataset: &Dataset,
    sel: &Selection,
    opts: &StatsOptions,
    hist: Option<&GroupHist>,
) -> Result<Stats, StatsError> {
    let (source, n_respondents, groups, describes, notes) = match dataset {
        Dataset::Respondents(s) => respondents(s, sel, opts.sd, hist)?,
        Dataset::Summary(t) => summary(t, sel, opts.sd)?,
    };
    let crosshair = resolve_crosshair(opts.crosshair, &describes)?;
    let cat = catalogue();
    let roles: Vec<RoleStats> = describes
        .into_iter()
        .enumerate()
        .map(|(i, [imp, perf])| role_stats(i as u8 + 1, cat_of(i as u8 + 1), imp, perf, &crosshair))
        .collect();
    let means: Vec<[Option<f64>; 2]> = roles
        .iter()
        .map(|r| {
            [
                r.importance.as_ref().map(|d| d.mean),
                r.performance.as_ref().map(|d| d.mean),
            ]
        })
        .collect();
    let categories = Category::ALL
        .iter()
        .map(|&c| {
            let members: Vec<(u8, f64)> = cat
                .roles
                .iter()
                .filter(|r| r.category == c)
                .map(|r| (r.id, 1.0))
                .collect();
            let mut r = rollup(&members, &means, &crosshair, CATEGORY_METHOD);
            r.code = Some(c);
            r
        })
        .collect();
    let spearheads = cat
        .spearheads
        .iter()
        .map(|s| {
            let sources: Vec<(u8, f64)> = s
                .primary
                .iter()
                .map(|&r| (r, 1.0))
                .chain(s.secondary.iter().map(|&r| (r, 0.5)))
                .collect();
            let mut r = rollup(&sources, &means, &crosshair, SPEARHEAD_METHOD);
            r.id = Some(s.id);
            r.kind = Some(s.kind);
            r
        })
        .collect();
    Ok(Stats {
        source,
        sd: opts.sd,
        n_respondents,
        selection: sel.clone(),
        groups,
        crosshair,
        roles,
        categories,
        spearheads,
        notes,
    })
}

fn cat_of(role: u8) -> Category {
    catalogue()
        .role(role)
        .map(|r| r.category)
        .unwrap_or(Category::AllRound)
}

type PerRole = Vec<[Option<Describe>; 2]>;
type Parts = (Source, Option<u32>, Vec<GroupStats>, PerRole, Vec<String>);

/// Resolves group codes (exact, then case-insensitive, then via the catalogue's labels) to a
/// per-group "selected" mask; all true when none is given.
fn group_mask(groups: &[crate::model::Group], wanted: &[String]) -> Result<Vec<bool>, StatsError> {
    if wanted.is_empty() {
        return Ok(vec![true; groups.len()]);
    }
    let mut mask = vec![false; groups.len()];
    for w in wanted {
        let t = w.trim();
        let via_catalogue = catalogue().find_group(t).map(|g| g.code);
        let ix = groups
            .iter()
            .position(|g| g.code == t)
            .or_else(|| groups.iter().position(|g| g.code.eq_ignore_ascii_case(t)))
            .or_else(|| via_catalogue.and_then(|c| groups.iter().position(|g| g.code == c)))
            .ok_or_else(|| StatsError::UnknownGroup {
                code: w.clone(),
                available: groups.iter().map(|g| g.code.clone()).collect(),
            })?;
        mask[ix] = true;
    }
    Ok(mask)
}

/// A comparison key for SPCO names: the catalogue code when the catalogue knows the name or
/// code (so `dbc` matches `De Blauwe Cluster`), else the lower-cased text.
fn spco_key(text: &str) -> String {
    let t = text.trim();
    catalogue()
        .spcos
        .iter()
        .find(|s| s.code.eq_ignore_ascii_case(t) || s.name.eq_ignore_ascii_case(t))
        .map(|s| s.code.to_string())
        .unwrap_or_else(|| crate::model::fold_case(t))
}

/// Which respondents of a survey a selection takes: a mask over its groups and, when SPCOs are
/// named, over its SPCOs. Shared by `respondents` and the comparison's overlap check.
#[derive(PartialEq)]
struct RowFilter {
    groups: Vec<bool>,
    /// `None`: no SPCO filter.
    spcos: Option<Vec<bool>>,
}

impl RowFilter {
    fn new(s: &Survey, sel: &Selection) -> Result<RowFilter, StatsError> {
        let groups = group_mask(&s.groups, &sel.groups)?;
        if sel.spcos.is_empty() {
            return Ok(RowFilter {
                groups,
                spcos: None,
            });
        }
        let mut smask = vec![false; s.spcos.len()];
        let keys: Vec<String> = s.spcos.iter().map(|n| spco_key(n)).collect();
        for w in &sel.spcos {
            let k = spco_key(w);
            let in_catalogue = catalogue().spcos.iter().any(|c| c.code == k);
            let mut found = false;
            for (i, key) in keys.iter().enumerate() {
                if *key == k {
                    smask[i] = true;
                    found = true;
                }
            }
            // A catalogue SPCO the data lacks selects nobody rather than being an error.
            if !found && !in_catalogue {
                return Err(StatsError::UnknownSpco {
                    name: w.clone(),
                    available: s.spcos.clone(),
                });
            }
        }
        Ok(RowFilter {
            groups,
            spcos: Some(smask),
        })
    }

    /// Respondent `r` passes the SPCO filter (if any).
    fn spco_ok(&self, s: &Survey, r: usize) -> bool {
        match (&self.spcos, s.spco[r]) {
            (None, _) => true,
            (Some(m), Some(ix)) => m.get(usize::from(ix)).copied().unwrap_or(false),
            (Some(_), None) => false,
        }
    }

    /// Respondent `r` is in the selection.
    fn takes(&self, s: &Survey, r: usize) -> bool {
        self.spco_ok(s, r)
            && self
                .groups
                .get(usize::from(s.group[r]))
                .copied()
                .unwrap_or(false)
    }
}

fn respondents(
    s: &Survey,
    sel: &Selection,
    kind: SdKind,
    cached: Option<&GroupHist>,
) -> Result<Parts, StatsError> {
    let filter = RowFilter::new(s, sel)?;
    let gmask = &filter.groups;

    // The groups' counts: the session's, made once per import, unless the selection is by
    // SPCO (or they are not all made yet); then a pass over the respondents makes them.
    let own;
    let counts = match cached.filter(|h| filter.spcos.is_none() && h.is_complete(s)) {
        Some(h) => h,
        None => {
            own = GroupHist::of_where(s, &|r| filter.spco_ok(s, r));
            &own
        }
    };
    let mut hist = vec![0u32; ROW_LEN * SLOTS];
    let mut group_n = vec![0u32; s.groups.len()];
    let mut n_sel = 0u32;
    for (g, n) in group_n.iter_mut().enumerate() {
        *n = counts.n(g);
        if gmask[g] {
            n_sel += *n;
            counts.add_group_to(g, &mut hist);
        }
    }

    let describes = (1..=N_ROLES as u8)
        .map(|role| {
            Scale::ALL.map(|scale| {
                let col = Survey::column(role, scale);
                Describe::from_counts(&hist[col * SLOTS..(col + 1) * SLOTS], scale, kind)
            })
        })
        .collect();
    let groups = s
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| GroupStats::of(g, Some(group_n[i]), gmask[i]))
        .collect();
    Ok((
        Source::Respondents,
        Some(n_sel),
        groups,
        describes,
        Vec::new(),
    ))
}

fn summary(t: &SummaryTable, sel: &Selection, kind: SdKind) -> Result<Parts, StatsError> {
    if !sel.spcos.is_empty() {
        return Err(StatsError::SpcoFilterOnSummary(sel.spcos.clone()));
    }
    let has_group_rows = t.rows.iter().any(|r| r.group.is_some());
    let has_overall_rows = t.rows.iter().any(|r| r.group.is_none());
    if let (Some(g), false) = (sel.groups.first(), has_group_rows) {
        return Err(StatsError::NoGroupFigures { group: g.clone() });
    }
    let gmask = group_mask(&t.groups, &sel.groups)?;
    let mut notes = Vec::new();
    // Which rows count: `None` picks the overall rows, otherwise the rows of the masked groups.
    let use_overall = sel.groups.is_empty() && has_overall_rows;
    let picked: Vec<&SummaryRow> = t
        .rows
        .iter()
        .filter(|r| r.mean.is_finite() && (1..=N_ROLES as u8).contains(&r.role))
        .filter(|r| match r.group {
            None => use_overall,
            Some(g) => !use_overall && gmask.get(usize::from(g)).copied().unwrap_or(false),
        })
        .collect();
    let n_groups_used = gmask.iter().filter(|&&m| m).count();
    if !use_overall && n_groups_used > 1 {
        notes.push(format!(
            "{n_groups_used} groups pooled per role: n-weighted mean and pooled population SD; median and mode unknown"
        ));
    }

    let mut describes: PerRole = Vec::with_capacity(N_ROLES);
    for role in 1..=N_ROLES as u8 {
        describes.push(Scale::ALL.map(|scale| {
            let rows: Vec<&SummaryRow> = picked
                .iter()
                .copied()
                .filter(|r| r.role == role && r.scale == scale)
                .collect();
            if use_overall {
                return rows.first().map(|r| Describe::from_summary(r, kind));
            }
            // One row per group: the first, should a table repeat one.
            let mut per_group: Vec<&SummaryRow> = Vec::new();
            for r in rows {
                if !per_group.iter().any(|p| p.group == r.group) {
                    per_group.push(r);
                }
            }
            pool(&per_group, kind)
        }));
    }

    let groups = t
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let n = t
                .rows
                .iter()
                .filter(|r| r.group == Some(i as GroupIx))
                .filter_map(|r| r.n)
                .max();
            GroupStats::of(g, n, !use_overall && gmask[i])
        })
        .collect();
    let n_respondents = describes
        .iter()
        .flat_map(|d| d.iter().flatten().filter_map(|d| d.n))
        .max();
    Ok((Source::Summary, n_respondents, groups, describes, notes))
}

/// Pools the rows of several groups (see the module doc); a single row is used as it is.
fn pool(rows: &[&SummaryRow], kind: SdKind) -> Option<Describe> {
    match rows {
        [] => None,
        [one] => Some(Describe::from_summary(one, kind)),
        _ => {
            let ns: Option<Vec<f64>> = rows.iter().map(|r| r.n.map(f64::from)).collect();
            let Some(ns) = ns.filter(|ns| ns.iter().sum::<f64>() > 0.0) else {
                let mean = rows.iter().map(|r| r.mean).sum::<f64>() / rows.len() as f64;
                return Some(Describe::from_aggregates(
                    None, mean, None, None, None, kind,
                ));
            };
            let total: f64 = ns.iter().sum();
            let mean = rows.iter().zip(&ns).map(|(r, n)| r.mean * n).sum::<f64>() / total;
            let sd = rows
                .iter()
                .zip(&ns)
                .map(|(r, n)| r.sd.map(|sd| n * (sd * sd + (r.mean - mean).powi(2))))
                .sum::<Option<f64>>()
                .map(|ss| (ss / total).sqrt());
            let n = rows.iter().map(|r| r.n.unwrap_or(0)).sum();
            Some(Describe::from_aggregates(
                Some(n),
                mean,
                None,
                None,
                sd,
                kind,
            ))
        }
    }
}

fn resolve_crosshair(c: Crosshair, d: &PerRole) -> Result<CrosshairValue, StatsError> {
    let kind = c.kind_name();
    let centre = |scale: Scale, median: bool| -> Result<f64, StatsError> {
        let mut means: Vec<f64> = d
            .iter()
            .filter_map(|r| r[scale.index()].as_ref().map(|x| x.mean))
            .collect();
        if means.is_empty() {
            return Err(StatsError::NoDataForCrosshair { kind, scale });
        }
        if median {
            crate::lean::small_sort::sort_by(&mut means, f64::total_cmp);
            let m = means.len();
            Ok(if m % 2 == 1 {
                means[m / 2]
            } else {
                (means[m / 2 - 1] + means[m / 2]) / 2.0
            })
        } else {
            Ok(means.iter().sum::<f64>() / means.len() as f64)
        }
    };
    let (importance, performance) = match c {
        Crosshair::Scale => (Scale::Importance.midpoint(), Scale::Performance.midpoint()),
        Crosshair::Mean => (
            centre(Scale::Importance, false)?,
            centre(Scale::Performance, false)?,
        ),
        Crosshair::Median => (
            centre(Scale::Importance, true)?,
            centre(Scale::Performance, true)?,
        ),
        Crosshair::At {
            importance,
            performance,
        } => {
            for (scale, value) in [
                (Scale::Importance, importance),
                (Scale::Performance, performance),
            ] {
                let inside = value >= f64::from(scale.min()) && value <= f64::from(scale.max());
                if !inside {
                    return Err(StatsError::CrosshairOutOfRange { scale, value });
                }
            }
            (importance, performance)
        }
    };
    Ok(CrosshairValue {
        importance,
        performance,
        kind,
    })
}

fn role_stats(
    role: u8,
    category: Category,
    importance: Option<Describe>,
    performance: Option<Describe>,
    c: &CrosshairValue,
) -> RoleStats {
    let (quadrant, gap_value) = match (&importance, &performance) {
        (Some(i), Some(p)) => (
            Some(Quadrant::of(i.mean, p.mean, c)),
            Some(gap(i.mean, p.mean)),
        ),
        _ => (None, None),
    };
    let crosses = |d: &Option<Describe>, at: f64| {
        d.as_ref()
            .and_then(|d| d.ci95)
            .is_some_and(|[lo, hi]| lo <= at && at <= hi)
    };
    let small = |d: &Option<Describe>| match d {
        None => true,
        Some(d) => d.n.is_some_and(|n| n < 5),
    };
    RoleStats {
        role,
        category,
        ci_crosses_crosshair: crosses(&importance, c.importance)
            || crosses(&performance, c.performance),
        small_n: small(&importance) || small(&performance),
        importance,
        performance,
        quadrant,
        gap: gap_value,
    }
}

fn rollup(
    sources: &[(u8, f64)],
    means: &[[Option<f64>; 2]],
    c: &CrosshairValue,
    method: &'static str,
) -> Rollup {
    let on = |scale: Scale| {
        let (mut sum, mut weight, mut n) = (0.0, 0.0, 0u32);
        for &(role, w) in sources {
            if let Some(m) = means
                .get(usize::from(role).wrapping_sub(1))
                .and_then(|m| m[scale.index()])
            {
                sum += w * m;
                weight += w;
                n += 1;
            }
        }
        RollupMean {
            mean: (n > 0).then(|| sum / weight),
            n_roles: n,
        }
    };
    let importance = on(Scale::Importance);
    let performance = on(Scale::Performance);
    let (gap_value, quadrant) = match (importance.mean, performance.mean) {
        (Some(i), Some(p)) => (Some(gap(i, p)), Some(Quadrant::of(i, p, c))),
        _ => (None, None),
    };
    Rollup {
        code: None,
        id: None,
        kind: None,
        roles: sources.iter().map(|s| s.0).collect(),
        weights: sources.iter().map(|s| s.1).collect(),
        importance,
        performance,
        gap: gap_value,
        quadrant,
        method,
    }
}
