//! Nice tick values (1, 2, 5 x 10^k steps) and the one place numbers are formatted per language.

use crate::catalogue::Lang;

/// Ticks for one axis: the step, the values inside the range, and the decimals that show the step.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticks {
    pub step: f64,
    pub values: Vec<f64>,
    pub decimals: usize,
}

impl Ticks {
    /// The tick labels, formatted for `lang` with the step's decimals.
    pub fn labels(&self, lang: Lang) -> Vec<String> {
        self.values
            .iter()
            .map(|&v| fmt_fixed(v, self.decimals, lang))
            .collect()
    }
}

/// The 1, 2 or 5 x 10^k step whose number of intervals over [lo, hi] is closest (by ratio) to
/// `target_count`, and the tick values on multiples of it. Degenerate input gives no ticks.
pub fn nice_ticks(lo: f64, hi: f64, target_count: f64) -> Ticks {
    let empty = Ticks {
        step: 1.0,
        values: Vec::new(),
        decimals: 0,
    };
    if !lo.is_finite() || !hi.is_finite() || lo >= hi || !target_count.is_finite() {
        return empty;
    }
    let target = target_count.max(1.0);
    let raw = (hi - lo) / target;
    let exp = raw.log10().floor() as i32;
    let mut step = f64::NAN;
    let mut best = f64::INFINITY;
    for e in [exp - 1, exp, exp + 1] {
        for m in [1.0, 2.0, 5.0] {
            let s = m * 10f64.powi(e);
            let miss = ((hi - lo) / s / target).ln().abs();
            if miss < best - 1e-12 {
                best = miss;
                step = s;
            }
        }
    }
    // Steps like 0.5 need one decimal, 0.05 two, 2 none.
    let decimals = if step >= 1.0 {
        0
    } else {
        let mut d = 0usize;
        let mut s = step;
        while (s - s.round()).abs() > 1e-9 && d < 6 {
            s *= 10.0;
            d += 1;
        }
        d
    };
    if !step.is_finite() || step <= 0.0 {
        return empty;
    }
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    let scale = 10f64.powi(decimals as i32);
    let values = (first..=last)
        .map(|i| ((i as f64 * step) * scale).round() / scale)
        .collect();
    step = (step * scale).round() / scale;
    Ticks {
        step,
        values,
        decimals,
    }
}

/// `value` with exactly `decimals` decimals, decimal comma in Dutch, decimal point in English.
pub fn fmt_fixed(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let mut s = format!("{:.*}", decimals, value);
    // "-0" and "-0.00" are rounding artefacts, not negative numbers.
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s.remove(0);
    }
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A statistic as the chart prints it: at most two decimals, trailing zeros dropped
/// (`fmt_num(7.37, Lang::Nl) == "7,37"`, `fmt_num(5.0, Lang::En) == "5"`).
pub fn fmt_num(value: f64, lang: Lang) -> String {
    let s = fmt_fixed(value, 2, lang);
    if s.contains([',', '.']) {
        s.trim_end_matches('0')
            .trim_end_matches([',', '.'])
            .to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_per_language() {
        assert_eq!(fmt_num(7.37, Lang::Nl), "7,37");
        assert_eq!(fmt_num(7.37, Lang::En), "7.37");
        assert_eq!(fmt_num(4.90, Lang::Nl), "4,9");
        assert_eq!(fmt_num(5.0, Lang::En), "5");
        assert_eq!(fmt_fixed(-0.001, 2, Lang::En), "0.00");
        assert_eq!(fmt_fixed(2.5, 1, Lang::Nl), "2,5");
        assert_eq!(fmt_num(f64::NAN, Lang::En), "–");
    }
}
