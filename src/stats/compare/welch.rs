//! Welch's interval for the difference of two means, and its use on one role and scale.

use serde::Serialize;

use super::{Reason, ScaleDiff, SideFigures};
use crate::stats::tdist::t_quantile_real;
use crate::stats::{Describe, SdKind};

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
pub(super) fn scale_diff(a: &Option<Describe>, b: &Option<Describe>, kind: SdKind) -> ScaleDiff {
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
    if se2 <= 0.0 || se2.is_nan() {
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
