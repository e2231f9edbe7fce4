//! What a row of printed figures demands of whole-number answers, in exact integer arithmetic.
//!
//! A figure printed with `d` decimals as `x` stands for any true value within half a unit of the
//! last digit: `|true - x| <= 0.5 * 10^-d`. Both ends are accepted, because the report does not say
//! how ties were rounded. Everything is scaled to integers so that no float error can flip a
//! verdict at an interval boundary.

use serde::Serialize;
use std::fmt;

/// Which standard deviation a summary prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SdConvention {
    /// Divide by n (Qualtrics, and Table 3 of the report).
    Population,
    /// Divide by n - 1.
    Sample,
}

impl SdConvention {
    pub const ALL: [SdConvention; 2] = [SdConvention::Population, SdConvention::Sample];

    pub fn parse(text: &str) -> Option<SdConvention> {
        match text.trim().to_ascii_lowercase().as_str() {
            "population" | "pop" | "n" => Some(SdConvention::Population),
            "sample" | "n-1" => Some(SdConvention::Sample),
            _ => None,
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            SdConvention::Population => "population",
            SdConvention::Sample => "sample",
        }
    }
}

impl fmt::Display for SdConvention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why printed figures cannot come from whole-number answers, whatever n is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FigureProblem {
    #[error("{figure} is not a finite number")]
    NotFinite { figure: &'static str },
    #[error("the median {median} is not a whole or half number, which it must be for whole-number answers")]
    MedianNotHalf { median: String },
    #[error("the median {median} lies outside the scale {lo}-{hi}")]
    MedianOutOfScale { median: String, lo: u8, hi: u8 },
    #[error("the mode {mode} is not a whole number")]
    ModeNotWhole { mode: String },
    #[error("the mode {mode} lies outside the scale {lo}-{hi}")]
    ModeOutOfScale { mode: String, lo: u8, hi: u8 },
    #[error("the SD {sd} is negative")]
    NegativeSd { sd: String },
}

/// One candidate sum of the answers with the window of sums of squares its SD allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SumTarget {
    pub sum: i64,
    pub sq_lo: i64,
    pub sq_hi: i64,
}

/// The integer constraints one row puts on n whole-number answers in `lo..=hi`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    pub n: u32,
    pub lo: u8,
    pub hi: u8,
    /// Sums the mean allows (GRIM), each with its sum-of-squares window (from the SD, or the whole
    /// range when the SD is not given).
    pub sums: Vec<SumTarget>,
    /// Twice the median, so that half values stay integers.
    pub median2: Option<u32>,
    pub mode: Option<u8>,
}

/// The printed figure scaled to an integer count of its last digit: 7.37 at 2 decimals -> 737.
fn scaled(x: f64, decimals: u8) -> i64 {
    (x * 10f64.powi(decimals as i32)).round() as i64
}

/// Sums S of n answers in `lo..=hi` whose mean S/n rounds to `mean` at `decimals` (GRIM).
///
/// `|S/n - M/10^d| <= 1/(2*10^d)`  <=>  `|2*S*10^d - 2*M*n| <= n`.
pub(crate) fn grim_sums(n: u32, mean: f64, decimals: u8, lo: u8, hi: u8) -> Vec<i64> {
    if n == 0 || !mean.is_finite() {
        return Vec::new();
    }
    let n = n as i64;
    let p = 10i64.pow(decimals as u32);
    let m = scaled(mean, decimals);
    let centre = (m * n).div_euclid(p);
    ((centre - 2)..=(centre + 2))
        .filter(|&s| (2 * s * p - 2 * m * n).abs() <= n)
        .filter(|&s| s >= n * lo as i64 && s <= n * hi as i64)
        .collect()
}

/// The window `[sq_lo, sq_hi]` of sums of squares Q for which n answers with sum S have an SD that
/// rounds to `sd` at `decimals` (the arithmetic behind GRIMMER). `None` when no Q fits.
///
/// Population: var = (nQ - S^2)/n^2; sample: var = (nQ - S^2)/(n(n-1)). With D the scaled SD and
/// p = 4*10^(2d): `den*(2D-1)^2 <= p*(nQ - S^2) <= den*(2D+1)^2`.
pub(crate) fn sq_window(
    n: u32,
    sum: i64,
    sd: f64,
    decimals: u8,
    conv: SdConvention,
) -> Option<(i64, i64)> {
    if n == 0 || !sd.is_finite() || sd < 0.0 {
        return None;
    }
    let n128 = n as i128;
    let den: i128 = match conv {
        SdConvention::Population => n128 * n128,
        SdConvention::Sample if n >= 2 => n128 * (n128 - 1),
        SdConvention::Sample => return None,
    };
    let d = scaled(sd, decimals) as i128;
    let p: i128 = 4 * 10i128.pow(2 * decimals as u32);
    let low = (2 * d - 1).max(0);
    let high = 2 * d + 1;
    let s2 = sum as i128 * sum as i128;
    // nQ >= S^2 + den*low^2/p  and  nQ <= S^2 + den*high^2/p, over the integers.
    let lo_num = s2 * p + den * low * low;
    let hi_num = s2 * p + den * high * high;
    let div = p * n128;
    let sq_lo = lo_num.div_euclid(div) + i128::from(lo_num.rem_euclid(div) != 0);
    let sq_hi = hi_num.div_euclid(div);
    (sq_lo <= sq_hi).then_some((sq_lo as i64, sq_hi as i64))
}

/// Twice the median, when it is a whole or half number within the scale.
pub(crate) fn median2(median: f64, lo: u8, hi: u8) -> Result<u32, FigureProblem> {
    if !median.is_finite() {
        return Err(FigureProblem::NotFinite { figure: "median" });
    }
    let twice = (2.0 * median).round();
    if (2.0 * median - twice).abs() > 1e-9 {
        return Err(FigureProblem::MedianNotHalf {
            median: median.to_string(),
        });
    }
    if twice < 2.0 * lo as f64 || twice > 2.0 * hi as f64 {
        return Err(FigureProblem::MedianOutOfScale {
            median: median.to_string(),
            lo,
            hi,
        });
    }
    Ok(twice as u32)
}

pub(crate) fn mode_value(mode: f64, lo: u8, hi: u8) -> Result<u8, FigureProblem> {
    if !mode.is_finite() {
        return Err(FigureProblem::NotFinite { figure: "mode" });
    }
    let whole = mode.round();
    if (mode - whole).abs() > 1e-9 {
        return Err(FigureProblem::ModeNotWhole {
            mode: mode.to_string(),
        });
    }
    if whole < lo as f64 || whole > hi as f64 {
        return Err(FigureProblem::ModeOutOfScale {
            mode: mode.to_string(),
            lo,
            hi,
        });
    }
    Ok(whole as u8)
}

/// The printed figures of one row, independent of the model's row type.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Figures {
    pub mean: f64,
    pub median: Option<f64>,
    pub mode: Option<f64>,
    pub sd: Option<f64>,
}

impl Figures {
    /// Problems that make the figures impossible for whole-number answers at any n.
    pub fn problems(&self, lo: u8, hi: u8) -> Vec<FigureProblem> {
        let mut out = Vec::new();
        if !self.mean.is_finite() {
            out.push(FigureProblem::NotFinite { figure: "mean" });
        }
        if let Some(m) = self.median {
            if let Err(e) = median2(m, lo, hi) {
                out.push(e);
            }
        }
        if let Some(m) = self.mode {
            if let Err(e) = mode_value(m, lo, hi) {
                out.push(e);
            }
        }
        match self.sd {
            Some(sd) if !sd.is_finite() => out.push(FigureProblem::NotFinite { figure: "SD" }),
            Some(sd) if sd < 0.0 => out.push(FigureProblem::NegativeSd { sd: sd.to_string() }),
            _ => {}
        }
        out
    }
}

impl Target {
    /// The constraints at `n`. `shape` adds median and mode. Callers check `Figures::problems`
    /// first; a figure with a problem is dropped here (the problem is reported separately).
    pub(crate) fn new(
        n: u32,
        lo: u8,
        hi: u8,
        fig: &Figures,
        decimals: u8,
        conv: SdConvention,
        shape: bool,
    ) -> Target {
        let sums = grim_sums(n, fig.mean, decimals, lo, hi)
            .into_iter()
            .filter_map(|sum| {
                let (sq_lo, sq_hi) = match fig.sd {
                    Some(sd) => sq_window(n, sum, sd, decimals, conv)?,
                    None => (0, n as i64 * hi as i64 * hi as i64),
                };
                Some(SumTarget { sum, sq_lo, sq_hi })
            })
            .collect();
        Target {
            n,
            lo,
            hi,
            sums,
            median2: if shape {
                fig.median.and_then(|m| median2(m, lo, hi).ok())
            } else {
                None
            },
            mode: if shape {
                fig.mode.and_then(|m| mode_value(m, lo, hi).ok())
            } else {
                None
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grim_by_hand() {
        // n = 10: means are multiples of 0.1, so 3.48 (34.8/10) is unreachable; 3.50 is 35/10.
        assert!(grim_sums(10, 3.48, 2, 1, 5).is_empty());
        assert_eq!(grim_sums(10, 3.5, 2, 1, 5), vec![35]);
        // n = 30, 7.37: 221/30 = 7.3667 rounds to 7.37; 220/30 = 7.333 and 222/30 = 7.40 do not.
        assert_eq!(grim_sums(30, 7.37, 2, 1, 9), vec![221]);
        // A tie: 1/8 = 0.125 is accepted for both 0.12 and 0.13 (the report's tie rule is unknown).
        assert_eq!(grim_sums(8, 1.125, 3, 1, 5), vec![9]);
        assert_eq!(grim_sums(8, 1.12, 2, 1, 5), vec![9]);
        assert_eq!(grim_sums(8, 1.13, 2, 1, 5), vec![9]);
        // The mean must be reachable inside the scale.
        assert!(grim_sums(10, 0.5, 2, 1, 5).is_empty());
    }

    #[test]
    fn sd_window_by_hand() {
        // n = 2, answers {1, 3}: S = 4, Q = 10, population SD = 1, sample SD = sqrt(2) = 1.41.
        assert_eq!(
            sq_window(2, 4, 1.0, 2, SdConvention::Population),
            Some((10, 10))
        );
        assert_eq!(
            sq_window(2, 4, 1.41, 2, SdConvention::Sample),
            Some((10, 10))
        );
        // Sample SD 1 needs Q = 9, which the window allows, but no two whole numbers with sum 4
        // have Q = 9 (Q and S always share parity): the search, not the window, rejects it.
        assert_eq!(sq_window(2, 4, 1.0, 2, SdConvention::Sample), Some((9, 9)));
        // Population SD 3 needs nQ - S^2 = 36 -> Q = 26, beyond the window of SD 1.00.
        assert_eq!(
            sq_window(2, 4, 1.0, 2, SdConvention::Population).unwrap().1,
            10
        );
        // Sample SD of a single answer is undefined.
        assert_eq!(sq_window(1, 4, 0.0, 2, SdConvention::Sample), None);
    }

    #[test]
    fn median_and_mode_figures() {
        assert_eq!(median2(7.5, 1, 9), Ok(15));
        assert!(matches!(
            median2(7.3, 1, 9),
            Err(FigureProblem::MedianNotHalf { .. })
        ));
        assert!(matches!(
            median2(6.0, 1, 5),
            Err(FigureProblem::MedianOutOfScale { .. })
        ));
        assert_eq!(mode_value(4.0, 1, 5), Ok(4));
        assert!(matches!(
            mode_value(4.5, 1, 5),
            Err(FigureProblem::ModeNotWhole { .. })
        ));
    }
}
