//! Comparison of two selections A and B (groups and/or SPCOs): where they disagree, and which of
//! the differences the data can tell apart from noise.
//!
//! # Per role and scale
//! Each side is described exactly as `compute` describes it alone (so a comparison's figures
//! equal the two selections run separately), with the same crosshair for both. The difference
//! is `B - A`. Its 95% confidence interval is Welch's: `se = sqrt(s_a^2/n_a + s_b^2/n_b)` with
//! the *sample* variances `s^2` (divided by n - 1; a population SD, the default of `compute` and
//! of summary tables, is converted as `s^2 = sd^2 n / (n - 1)`, so the interval does not depend
//! on the SD option), Welch-Satterthwaite degrees of freedom
//! `df = se^4 / ((s_a^2/n_a)^2/(n_a - 1) + (s_b^2/n_b)^2/(n_b - 1))` and the interval
//! `diff -/+ t(0.975, df) se` (`tdist::t_quantile_real`). This is what R's `t.test(x, y)` and
//! SciPy's `ttest_ind(a, b, equal_var=False)` give. A side with no answers gives no difference;
//! a side with fewer than 2 answers, or a summary row without n or SD, gives a difference without
//! an interval; two sides without any spread (every answer equal on both) give no interval either.
//! `reason` says which (`Reason`). `excludes_zero` is true when the interval lies wholly above or
//! below zero: the difference is "clear at 95%" (one interval at a time; with 28 of them about one
//! in twenty is clear by chance even when the groups agree).
//!
//! # Quadrants
//! The crosshair is resolved once for both sides: `scale` and given values as they are, `mean` and
//! `median` from the whole dataset (everyone), so that a role's quadrant changes only because the
//! role moved, not because the lines did.
//!
//! # Roll-ups
//! Categories and spearhead roles: each side's roll-up is the one `compute` gives (a weighted mean
//! of role means), and the difference is B's minus A's. No interval is given (`Reason::RolledUp`):
//! the role means of one side come from the same respondents, whose answers to different roles
//! correlate, and those correlations are not in a summary table; an interval that ignored them
//! would be wrong in an unknown direction. `same_roles` is false when the two sides' roll-ups rest
//! on different numbers of roles (a role one side did not answer).
//!
//! # Sides
//! The two sides must differ and must not share respondents (Welch's method compares independent
//! samples): the same selection twice, or overlapping ones (a group on both sides, `sme` against
//! everyone, a group against an SPCO its members rated), are errors with words.

use serde::Serialize;
use thiserror::Error;

use super::tdist::t_quantile_real;
use super::{
    compute, group_mask, Crosshair, CrosshairValue, Describe, Quadrant, RoleStats, Rollup,
    RollupMean, RowFilter, SdKind, Selection, Source, Stats, StatsError, StatsOptions,
};
use crate::catalogue::{Category, Kind};
use crate::model::Dataset;

#[derive(Clone, Debug, PartialEq, Error)]
pub enum CompareError {
    #[error("a comparison needs two different selections, such as `sme,large` (groups of one side joined by +, e.g. `sme+large,director`; an SPCO as spco:NAME); {0}")]
    NeedTwo(String),
    #[error("a comparison needs two different selections; both sides select {0}")]
    Same(String),
    #[error(
        "the two sides overlap ({0}); Welch's interval compares two separate sets of respondents"
    )]
    Overlap(String),
    #[error(transparent)]
    Stats(#[from] StatsError),
}

/// Why a difference or its interval is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Side A has no answers for the role: no difference.
    NoAnswersA,
    NoAnswersB,
    /// Side A has 1 answer: a difference but no interval (Welch needs n >= 2 on both sides).
    SingleAnswerA,
    SingleAnswerB,
    /// The summary table gives no n for side A.
    UnknownNA,
    UnknownNB,
    /// The summary table gives no SD for side A.
    UnknownSdA,
    UnknownSdB,
    /// Every answer on both sides is the same value: the standard error is 0.
    NoSpread,
    /// A roll-up: no interval (see the module doc).
    RolledUp,
}

impl Reason {
    /// The reason in English, for tables and tooltips.
    pub fn text(self) -> &'static str {
        match self {
            Reason::NoAnswersA => "nobody in the first selection answered",
            Reason::NoAnswersB => "nobody in the second selection answered",
            Reason::SingleAnswerA => "one answer in the first selection: no interval",
            Reason::SingleAnswerB => "one answer in the second selection: no interval",
            Reason::UnknownNA => "the table gives no n for the first selection",
            Reason::UnknownNB => "the table gives no n for the second selection",
            Reason::UnknownSdA => "the table gives no SD for the first selection",
            Reason::UnknownSdB => "the table gives no SD for the second selection",
            Reason::NoSpread => "all answers equal on both sides: no interval",
            Reason::RolledUp => "a mean of role means: no interval (answers to roles correlate)",
        }
    }
}

/// One side's figures for one role and scale, as `compute` gives them for that side alone (`sd`
/// of the chosen kind).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SideFigures {
    pub n: Option<u32>,
    pub mean: f64,
    pub sd: Option<f64>,
}

/// B - A on one scale of one role.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ScaleDiff {
    /// `None` when nobody on that side answered.
    pub a: Option<SideFigures>,
    pub b: Option<SideFigures>,
    /// B's mean minus A's.
    pub diff: Option<f64>,
    /// Welch's standard error of the difference.
    pub se: Option<f64>,
    /// Welch-Satterthwaite degrees of freedom (fractional).
    pub df: Option<f64>,
    pub ci95: Option<[f64; 2]>,
    /// The interval lies wholly above or below zero; `None` without an interval.
    pub excludes_zero: Option<bool>,
    /// Why `diff` or `ci95` is missing.
    pub reason: Option<Reason>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleDiff {
    pub role: u8,
    pub category: Category,
    pub importance: ScaleDiff,
    pub performance: ScaleDiff,
    pub quadrant_a: Option<Quadrant>,
    pub quadrant_b: Option<Quadrant>,
    /// `None` unless both quadrants are known.
    pub quadrant_changes: Option<bool>,
    pub gap_a: Option<f64>,
    pub gap_b: Option<f64>,
    /// The interval excludes zero on either scale.
    pub clear: bool,
}

/// B - A of a roll-up's mean on one scale.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct RollupScaleDiff {
    pub a: RollupMean,
    pub b: RollupMean,
    pub diff: Option<f64>,
    /// Both sides' means rest on the same number of source roles.
    pub same_roles: bool,
    /// Why there is no interval (always `rolled_up` when both means exist).
    pub reason: Reason,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RollupDiff {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Category>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    pub roles: Vec<u8>,
    pub weights: Vec<f64>,
    pub importance: RollupScaleDiff,
    pub performance: RollupScaleDiff,
    pub quadrant_a: Option<Quadrant>,
    pub quadrant_b: Option<Quadrant>,
    pub quadrant_changes: Option<bool>,
}

/// One side of the comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Side {
    pub selection: Selection,
    /// Respondents in the selection (for a summary table the largest n of its rows).
    pub n_respondents: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub source: Source,
    /// The SD kind of the sides' `sd` figures (the intervals always use sample variances).
    pub sd: SdKind,
    pub a: Side,
    pub b: Side,
    pub crosshair: CrosshairValue,
    /// Roles 1..=14 in order.
    pub roles: Vec<RoleDiff>,
    pub categories: Vec<RollupDiff>,
    pub spearheads: Vec<RollupDiff>,
    /// Role x scale differences computed (both sides answered).
    pub differences: u32,
    /// Of those, the ones with an interval.
    pub intervals: u32,
    /// Of those, the ones whose interval excludes zero.
    pub clear: u32,
    /// From the sides' statistics (e.g. pooled groups), prefixed `A: ` or `B: `.
    pub notes: Vec<String>,
}

/// Parses `A,B`: two sides separated by a comma, each one or more group codes (or labels) joined
/// by `+`, or `spco:NAME` for the respondents who rated an SPCO (a group and an SPCO on one side
/// take the group's members who rated it). Examples: `sme,large`, `sme+large,director`,
/// `spco:VIL,spco:Catalisti`.
pub fn parse_sides(text: &str) -> Result<[Selection; 2], CompareError> {
    let sides: Vec<&str> = text.split(',').map(str::trim).collect();
    match sides.as_slice() {
        [""] => return Err(CompareError::NeedTwo("got nothing".into())),
        [one] => return Err(CompareError::NeedTwo(format!("got only `{one}`"))),
        [_, _] => {}
        more => {
            return Err(CompareError::NeedTwo(format!(
                "got {} sides in `{}`",
                more.len(),
                text.trim()
            )))
        }
    }
    let mut out = [Selection::default(), Selection::default()];
    for (sel, side) in out.iter_mut().zip(&sides) {
        for token in side.split('+').map(str::trim) {
            let b = token.as_bytes();
            if token.is_empty() {
                return Err(CompareError::NeedTwo(format!(
                    "`{}` has an empty side or name",
                    text.trim()
                )));
            }
            if b.len() > 5 && b[..5].eq_ignore_ascii_case(b"spco:") {
                sel.spcos.push(token[5..].trim().to_string());
            } else {
                sel.groups.push(token.to_string());
            }
        }
    }
    Ok(out)
}

/// Compares selection `b` with selection `a` (differences are B - A); see the module doc.
pub fn compare(
    dataset: &Dataset,
    a: &Selection,
    b: &Selection,
    opts: &StatsOptions,
) -> Result<Comparison, CompareError> {
    // One crosshair for both sides: a data-driven one from everyone.
    let crosshair = match opts.crosshair {
        Crosshair::Mean | Crosshair::Median => {
            Some(compute(dataset, &Selection::default(), opts)?.crosshair)
        }
        Crosshair::Scale | Crosshair::At { .. } => None,
    };
    let side_opts = StatsOptions {
        sd: opts.sd,
        crosshair: crosshair.map_or(opts.crosshair, |c| Crosshair::At {
            importance: c.importance,
            performance: c.performance,
        }),
    };
    let sa = compute(dataset, a, &side_opts)?;
    let sb = compute(dataset, b, &side_opts)?;
    distinct(dataset, a, b)?;

    let roles: Vec<RoleDiff> = sa
        .roles
        .iter()
        .zip(&sb.roles)
        .map(|(ra, rb)| role_diff(ra, rb, opts.sd))
        .collect();
    let scales = || roles.iter().flat_map(|r| [&r.importance, &r.performance]);
    let count = |f: &dyn Fn(&ScaleDiff) -> bool| scales().filter(|d| f(d)).count() as u32;
    let differences = count(&|d| d.diff.is_some());
    let intervals = count(&|d| d.ci95.is_some());
    let clear = count(&|d| d.excludes_zero == Some(true));
    let rollups = |xa: &[Rollup], xb: &[Rollup]| -> Vec<RollupDiff> {
        xa.iter().zip(xb).map(|(x, y)| rollup_diff(x, y)).collect()
    };
    let categories = rollups(&sa.categories, &sb.categories);
    let spearheads = rollups(&sa.spearheads, &sb.spearheads);
    let notes = side_notes("A: ", &sa)
        .chain(side_notes("B: ", &sb))
        .collect();
    Ok(Comparison {
        source: sa.source,
        sd: opts.sd,
        a: Side {
            selection: a.clone(),
            n_respondents: sa.n_respondents,
        },
        b: Side {
            selection: b.clone(),
            n_respondents: sb.n_respondents,
        },
        crosshair: crosshair.unwrap_or(sa.crosshair),
        roles,
        categories,
        spearheads,
        differences,
        intervals,
        clear,
        notes,
    })
}

fn side_notes<'a>(prefix: &'a str, s: &'a Stats) -> impl Iterator<Item = String> + 'a {
    s.notes.iter().map(move |n| {
        let mut t = String::from(prefix);
        t.push_str(n);
        t
    })
}

/// The selection as the user would write it (`sme+large`, `spco:VIL`).
fn side_text(sel: &Selection) -> String {
    let spcos = sel.spcos.iter().map(|s| {
        let mut t = String::from("spco:");
        t.push_str(s);
        t
    });
    let parts: Vec<String> = sel.groups.iter().cloned().chain(spcos).collect();
    if parts.is_empty() {
        "everyone".into()
    } else {
        parts.join("+")
    }
}

/// Errors unless the sides are different, non-overlapping sets of respondents.
fn distinct(dataset: &Dataset, a: &Selection, b: &Selection) -> Result<(), CompareError> {
    match dataset {
        Dataset::Respondents(s) => {
            let fa = RowFilter::new(s, a)?;
            let fb = RowFilter::new(s, b)?;
            if fa == fb {
                return Err(CompareError::Same(side_text(a)));
            }
            let shared = (0..s.len())
                .filter(|&r| fa.takes(s, r) && fb.takes(s, r))
                .count();
            if shared > 0 {
                let unit = if shared == 1 {
                    "respondent"
                } else {
                    "respondents"
                };
                return Err(CompareError::Overlap(format!(
                    "{shared} {unit} in both {} and {}",
                    side_text(a),
                    side_text(b)
                )));
            }
        }
        Dataset::Summary(t) => {
            // `compute` has already refused SPCO filters and group filters on a table without
            // group rows; an empty side here means the overall rows (or all groups pooled).
            let ga = group_mask(&t.groups, &a.groups)?;
            let gb = group_mask(&t.groups, &b.groups)?;
            if ga == gb && a.groups.is_empty() == b.groups.is_empty() {
                return Err(CompareError::Same(side_text(a)));
            }
            let shared: Vec<String> = ga
                .iter()
                .zip(&gb)
                .zip(&t.groups)
                .filter(|((x, y), _)| **x && **y)
                .map(|(_, g)| g.code.clone())
                .collect();
            if !shared.is_empty() {
                return Err(CompareError::Overlap(format!(
                    "{} on both sides",
                    shared.join(", ")
                )));
            }
        }
    }
    Ok(())
}

fn figures(d: &Option<Describe>) -> Option<SideFigures> {
    d.as_ref().map(|d| SideFigures {
        n: d.n,
        mean: d.mean,
        sd: d.sd,
    })
}

/// The sample variance and n of a side, or why there is none.
fn sample_var(d: &Describe, kind: SdKind, side_b: bool) -> Result<(f64, f64), Reason> {
    let pick = |a: Reason, b: Reason| if side_b { b } else { a };
    let n = d.n.ok_or(pick(Reason::UnknownNA, Reason::UnknownNB))?;
    if n < 2 {
        return Err(pick(Reason::SingleAnswerA, Reason::SingleAnswerB));
    }
    let sd = d.sd.ok_or(pick(Reason::UnknownSdA, Reason::UnknownSdB))?;
    let n = f64::from(n);
    let var = match kind {
        SdKind::Population => sd * sd * n / (n - 1.0),
        SdKind::Sample => sd * sd,
    };
    Ok((var, n))
}

/// Welch's interval of B - A (see the module doc).
fn scale_diff(a: &Option<Describe>, b: &Option<Describe>, kind: SdKind) -> ScaleDiff {
    let mut out = ScaleDiff {
        a: figures(a),
        b: figures(b),
        diff: None,
        se: None,
        df: None,
        ci95: None,
        excludes_zero: None,
        reason: None,
    };
    let (da, db) = match (a, b) {
        (None, _) => {
            out.reason = Some(Reason::NoAnswersA);
            return out;
        }
        (_, None) => {
            out.reason = Some(Reason::NoAnswersB);
            return out;
        }
        (Some(da), Some(db)) => (da, db),
    };
    let diff = db.mean - da.mean;
    out.diff = Some(diff);
    let sides = sample_var(da, kind, false).and_then(|x| Ok((x, sample_var(db, kind, true)?)));
    let ((va, na), (vb, nb)) = match sides {
        Ok(s) => s,
        Err(r) => {
            out.reason = Some(r);
            return out;
        }
    };
    match welch(da.mean, va, na, db.mean, vb, nb) {
        Some(w) => {
            out.se = Some(w.se);
            out.df = Some(w.df);
            out.ci95 = Some(w.ci95);
            out.excludes_zero = Some(w.ci95[0] > 0.0 || w.ci95[1] < 0.0);
        }
        None => out.reason = Some(Reason::NoSpread),
    }
    out
}

/// Welch's interval for the difference of two means.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Welch {
    /// `mean_b - mean_a`.
    pub diff: f64,
    pub se: f64,
    /// Welch-Satterthwaite degrees of freedom.
    pub df: f64,
    pub ci95: [f64; 2],
}

/// Welch's 95% interval for `mean_b - mean_a` from each side's mean, *sample* variance (divided
/// by n - 1) and n. `None` when a side has n < 2 or both variances are 0 (no standard error).
pub fn welch(
    mean_a: f64,
    var_a: f64,
    n_a: f64,
    mean_b: f64,
    var_b: f64,
    n_b: f64,
) -> Option<Welch> {
    if !(n_a >= 2.0 && n_b >= 2.0 && var_a >= 0.0 && var_b >= 0.0) {
        return None;
    }
    let (wa, wb) = (var_a / n_a, var_b / n_b);
    let se2 = wa + wb;
    if !(se2 > 0.0) {
        return None;
    }
    let df = se2 * se2 / (wa * wa / (n_a - 1.0) + wb * wb / (n_b - 1.0));
    let se = se2.sqrt();
    // df >= min(n_a, n_b) - 1 >= 1 in exact arithmetic; keep rounding from dropping below it.
    let t = t_quantile_real(0.975, df.max(1.0))?;
    let diff = mean_b - mean_a;
    Some(Welch {
        diff,
        se,
        df,
        ci95: [diff - t * se, diff + t * se],
    })
}

fn changes(a: Option<Quadrant>, b: Option<Quadrant>) -> Option<bool> {
    Some(a? != b?)
}

fn role_diff(a: &RoleStats, b: &RoleStats, kind: SdKind) -> RoleDiff {
    let importance = scale_diff(&a.importance, &b.importance, kind);
    let performance = scale_diff(&a.performance, &b.performance, kind);
    RoleDiff {
        role: a.role,
        category: a.category,
        clear: importance.excludes_zero == Some(true) || performance.excludes_zero == Some(true),
        importance,
        performance,
        quadrant_a: a.quadrant,
        quadrant_b: b.quadrant,
        quadrant_changes: changes(a.quadrant, b.quadrant),
        gap_a: a.gap,
        gap_b: b.gap,
    }
}

fn rollup_scale(a: RollupMean, b: RollupMean) -> RollupScaleDiff {
    let reason = match (a.mean, b.mean) {
        (None, _) => Reason::NoAnswersA,
        (_, None) => Reason::NoAnswersB,
        _ => Reason::RolledUp,
    };
    RollupScaleDiff {
        a,
        b,
        diff: a.mean.zip(b.mean).map(|(x, y)| y - x),
        same_roles: a.n_roles == b.n_roles,
        reason,
    }
}

fn rollup_diff(a: &Rollup, b: &Rollup) -> RollupDiff {
    RollupDiff {
        code: a.code,
        id: a.id,
        kind: a.kind,
        roles: a.roles.clone(),
        weights: a.weights.clone(),
        importance: rollup_scale(a.importance, b.importance),
        performance: rollup_scale(a.performance, b.performance),
        quadrant_a: a.quadrant,
        quadrant_b: b.quadrant,
        quadrant_changes: changes(a.quadrant, b.quadrant),
    }
}
