//! Descriptive statistics of one role on one scale: from a histogram of whole-number answers
//! (respondent data) or from the aggregates a summary table gives.

use serde::Serialize;

use super::tdist::t_975;
use super::SdKind;
use crate::model::{Scale, SummaryRow};

/// Histogram slots per column: answers 1..=9 use slots 1..=9, slot 0 counts skipped items and
/// anything larger than 15 lands in slot 15, where no scale reaches (ignored, never miscounted).
pub(crate) const SLOTS: usize = 16;

/// Descriptive statistics of one role on one scale. Fields a source cannot give are `None`
/// (`null` in JSON): a summary table has no min, max or counts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Describe {
    /// Answers counted; `None` when a summary table does not say.
    pub n: Option<u32>,
    pub mean: f64,
    /// For even n the mean of the middle pair.
    pub median: Option<f64>,
    /// Every most frequent value, ascending.
    pub modes: Vec<f64>,
    /// Standard deviation of the chosen kind.
    pub sd: Option<f64>,
    /// Standard error of the mean: `sd / sqrt(n)` with the chosen SD kind.
    pub se: Option<f64>,
    /// `mean -/+ t(0.975, n - 1) * se`.
    pub ci95: Option<[f64; 2]>,
    pub min: Option<u8>,
    pub max: Option<u8>,
    /// Counts at scale points 1, 2, ... max of the scale.
    pub counts: Option<Vec<u32>>,
}

impl Describe {
    /// From the histogram of one column (`hist[v]` = answers equal to `v`, `hist[0]` skipped);
    /// `None` when nobody answered.
    pub(crate) fn from_counts(hist: &[u32], scale: Scale, kind: SdKind) -> Option<Describe> {
        let max_v = usize::from(scale.max());
        let counts = &hist[1..=max_v];
        // Integer sums keep the variance exact: n^2 var = n sum(v^2) - (sum v)^2.
        let (mut n, mut s1, mut s2) = (0u64, 0u64, 0u64);
        for (i, &c) in counts.iter().enumerate() {
            let v = i as u64 + 1;
            let c = u64::from(c);
            n += c;
            s1 += c * v;
            s2 += c * v * v;
        }
        if n == 0 {
            return None;
        }
        let nf = n as f64;
        let mean = s1 as f64 / nf;
        let ss = (u128::from(n) * u128::from(s2) - u128::from(s1) * u128::from(s1)) as f64;
        let var = match kind {
            SdKind::Population => Some(ss / (nf * nf)),
            SdKind::Sample if n >= 2 => Some(ss / (nf * (nf - 1.0))),
            SdKind::Sample => None,
        };
        let sd = var.map(f64::sqrt);

        let value_at = |k: u64| -> f64 {
            // The k-th smallest answer, 1-based.
            let mut cum = 0u64;
            for (i, &c) in counts.iter().enumerate() {
                cum += u64::from(c);
                if cum >= k {
                    return (i + 1) as f64;
                }
            }
            max_v as f64
        };
        let median = if n % 2 == 1 {
            value_at(n.div_ceil(2))
        } else {
            (value_at(n / 2) + value_at(n / 2 + 1)) / 2.0
        };
        let top = counts.iter().copied().max().unwrap_or(0);
        let modes = counts
            .iter()
            .enumerate()
            .filter(|&(_, &c)| c == top)
            .map(|(i, _)| (i + 1) as f64)
            .collect();
        let min = counts.iter().position(|&c| c > 0).map(|i| i as u8 + 1);
        let max = counts.iter().rposition(|&c| c > 0).map(|i| i as u8 + 1);
        let n32 = u32::try_from(n).unwrap_or(u32::MAX);
        let (se, ci95) = se_ci(mean, sd, Some(n32));
        Some(Describe {
            n: Some(n32),
            mean,
            median: Some(median),
            modes,
            sd,
            se,
            ci95,
            min,
            max,
            counts: Some(counts.to_vec()),
        })
    }

    /// From a summary row. Its SD is taken to be a population SD (divided by n, as Qualtrics
    /// reports it and as the study's Table 3 is shown to be); the sample SD is derived as
    /// `sd * sqrt(n / (n - 1))`, which needs n.
    pub(crate) fn from_summary(row: &SummaryRow, kind: SdKind) -> Describe {
        Self::from_aggregates(row.n, row.mean, row.median, row.mode, row.sd, kind)
    }

    pub(crate) fn from_aggregates(
        n: Option<u32>,
        mean: f64,
        median: Option<f64>,
        mode: Option<f64>,
        population_sd: Option<f64>,
        kind: SdKind,
    ) -> Describe {
        let sd = match (kind, population_sd, n) {
            (SdKind::Population, sd, _) => sd,
            (SdKind::Sample, Some(sd), Some(n)) if n >= 2 => {
                let n = f64::from(n);
                Some(sd * (n / (n - 1.0)).sqrt())
            }
            (SdKind::Sample, _, _) => None,
        };
        let (se, ci95) = se_ci(mean, sd, n);
        Describe {
            n,
            mean,
            median,
            modes: mode.into_iter().collect(),
            sd,
            se,
            ci95,
            min: None,
            max: None,
            counts: None,
        }
    }
}

/// Standard error and 95% CI; the CI needs at least one degree of freedom (n >= 2).
fn se_ci(mean: f64, sd: Option<f64>, n: Option<u32>) -> (Option<f64>, Option<[f64; 2]>) {
    let (Some(sd), Some(n)) = (sd, n) else {
        return (None, None);
    };
    if n == 0 {
        return (None, None);
    }
    let se = sd / f64::from(n).sqrt();
    let ci = t_975(n - 1).map(|t| [mean - t * se, mean + t * se]);
    (Some(se), ci)
}
