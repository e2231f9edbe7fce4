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

mod sides;
mod welch;

use serde::Serialize;
use thiserror::Error;

pub use sides::parse_sides;
pub use welch::{welch, Welch};

use super::{
    compute, Crosshair, CrosshairValue, Quadrant, RoleStats, Rollup, RollupMean, SdKind, Selection,
    Source, Stats, StatsError, StatsOptions,
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
    /// The reason in English naming the sides "the first/second selection", for the CLI's
    /// table (the words, in Dutch too, are `crate::wording::compare_reason`'s).
    pub fn text(self) -> String {
        crate::wording::compare_reason(
            crate::catalogue::Lang::En,
            self,
            ["the first selection", "the second selection"],
        )
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
    /// The side's name for readers, [Dutch, English]: its groups' labels, then its SPCOs, joined
    /// by " + " (the legend, tooltips and summary; the selection keeps the codes).
    #[serde(skip)]
    pub names: [String; 2],
}

impl Side {
    fn new(selection: &Selection, stats: &Stats) -> Side {
        let label = |code: &String, nl: bool| {
            stats.groups.iter().find(|g| &g.code == code).map_or_else(
                || code.clone(),
                |g| {
                    if nl {
                        g.label_nl.clone()
                    } else {
                        g.label_en.clone()
                    }
                },
            )
        };
        let names = [true, false].map(|nl| {
            let parts: Vec<String> = selection
                .groups
                .iter()
                .map(|c| label(c, nl))
                .chain(selection.spcos.iter().cloned())
                .collect();
            parts.join(" + ")
        });
        Side {
            selection: selection.clone(),
            n_respondents: stats.n_respondents,
            names,
        }
    }
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
    sides::distinct(dataset, a, b)?;

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
        a: Side::new(a, &sa),
        b: Side::new(b, &sb),
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

fn changes(a: Option<Quadrant>, b: Option<Quadrant>) -> Option<bool> {
    Some(a? != b?)
}

fn role_diff(a: &RoleStats, b: &RoleStats, kind: SdKind) -> RoleDiff {
    let importance = welch::scale_diff(&a.importance, &b.importance, kind);
    let performance = welch::scale_diff(&a.performance, &b.performance, kind);
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
