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
/// `target_count`, preferring steps with at least two ticks in the range, and the tick values
/// on multiples of it. Degenerate input gives no ticks.
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
            // A step that leaves fewer than two ticks in view comes last: one tick (a narrow
            // plot over 1-9 would get only 5) gives no scale to read positions by.
            let shown = (hi / s).floor() - (lo / s).ceil();
            let miss = ((hi - lo) / s / target).ln().abs() + if shown < 1.0 { 99.0 } else { 0.0 };
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
    // Whole-number arithmetic instead of `format!("{:.2}")`: std's exact float formatting costs
    // ~13 KB of wasm, and chart numbers never need more than 6 decimals or 15 digits.
    let decimals = decimals.min(6);
    let Some(scaled) = scaled_exact(value, decimals as u32) else {
        let s = crate::lean::number::Num(value).to_string();
        return match lang {
            Lang::Nl => crate::lean::substr::replace(&s, ".", ","),
            Lang::En => s,
        };
    };
    let pow = 10u64.pow(decimals as u32);
    let (int, frac) = (scaled / pow, scaled % pow);
    // "-0" and "-0.00" are rounding artefacts, not negative numbers.
    let mut s = String::with_capacity(24);
    if value < 0.0 && scaled != 0 {
        s.push('-');
    }
    s.push_str(&int.to_string());
    if decimals > 0 {
        s.push(match lang {
            Lang::Nl => ',',
            Lang::En => '.',
        });
        let digits = frac.to_string();
        for _ in digits.len()..decimals {
            s.push('0');
        }
        s.push_str(&digits);
    }
    s
}

/// `|value| * 10^decimals` rounded to a whole number half to even on the exact binary value, as
/// std's `{:.N}` rounds (so 2.675, stored as 2.67499…, gives 267 and 0.125 gives 12), or `None`
/// from 10^15 up. `value` is `m * 2^e` exactly; `m * 10^decimals` fits in 128 bits.
fn scaled_exact(value: f64, decimals: u32) -> Option<u64> {
    let bits = value.abs().to_bits();
    let (biased, frac) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
    let (m, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, biased - 1075)
    };
    let p = m as u128 * 10u128.pow(decimals);
    let q = if e >= 0 {
        // 2^50 * 2^53 is beyond 10^15 whatever the decimals.
        if e > 50 {
            return None;
        }
        p << e
    } else if e < -100 {
        // p < 2^73, so the value is below half a unit.
        0
    } else {
        let k = (-e) as u32;
        let (q, r, half) = (p >> k, p & ((1 << k) - 1), 1u128 << (k - 1));
        q + u128::from(r > half || (r == half && q & 1 == 1))
    };
    (q < 1_000_000_000_000_000).then_some(q as u64)
}

/// A statistic as the chart prints it: at most two decimals, trailing zeros dropped
/// (`fmt_num(7.37, Lang::Nl) == "7,37"`, `fmt_num(5.0, Lang::En) == "5"`).
#[expect(clippy::disallowed_methods, reason = "char patterns: no &str searcher")]
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

#[cfg(test)]
mod fixed_tests {
    use super::*;

    #[test]
    fn fixed_rounds_half_to_even_on_the_exact_value() {
        // Expected strings worked out by hand from the exact binary values: value * 10^d,
        // rounded half to even.
        let cases = [
            (0.0, 2, "0.00"),
            (7.37, 2, "7.37"),
            (7.125, 2, "7.12"),  // 712.5 -> 712 (even)
            (7.135, 2, "7.13"),  // stored as 7.13499999999999978…
            (2.675, 2, "2.67"),  // stored as 2.67499999999999982…
            (0.375, 2, "0.38"),  // exact tie 37.5 -> 38 (even)
            (-0.004, 2, "0.00"), // rounds to zero: no "-0.00"
            (-1.5, 0, "-2"),     // 1.5 -> 2 (even), sign kept
            (2.5, 0, "2"),       // ties to even
            (1234.5678, 3, "1234.568"),
            (0.1, 1, "0.1"),
            (4.999, 2, "5.00"),
            (3.0303, 3, "3.030"),
            (0.05, 1, "0.1"), // stored as 0.05000000000000000277…: above the tie
            (0.25, 1, "0.2"), // exact tie 2.5 -> 2 (even)
        ];
        for (v, d, want) in cases {
            assert_eq!(fmt_fixed(v, d, Lang::En), want, "{v} with {d} decimals");
        }
        assert_eq!(fmt_fixed(7.37, 2, Lang::Nl), "7,37");
        assert_eq!(fmt_fixed(-0.25, 2, Lang::Nl), "-0,25");
        assert_eq!(fmt_fixed(f64::NAN, 2, Lang::En), "–");
        // Beyond 15 digits: number::Num, with the language's decimal separator.
        assert_eq!(fmt_fixed(2.5e20, 2, Lang::Nl), "2,5e20");
        assert_eq!(fmt_fixed(-1e16, 0, Lang::En), "-1e16");
    }

    #[test]
    fn fixed_agrees_with_std_formatting() {
        // std's `{:.N}` is the oracle (it rounds the exact value half to even). xorshift inputs:
        // random doubles, exact ties k/2^j, and short decimals (the figures charts show).
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut rnd = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for i in 0..200_000u32 {
            let v = match i % 3 {
                0 => (rnd() >> 11) as f64 / (1u64 << 53) as f64 * 10f64.powi((rnd() % 12) as i32),
                1 => (rnd() % 100_000) as f64 / (1u64 << (rnd() % 12)) as f64,
                _ => (rnd() % 1_000_000) as f64 / 10f64.powi((rnd() % 5) as i32),
            };
            let v = if rnd() % 2 == 0 { -v } else { v };
            let d = (rnd() % 7) as usize;
            if v.abs() * 10f64.powi(d as i32) >= 9e14 {
                continue; // number::Num's territory (tested above)
            }
            let want = format!("{v:.d$}");
            // We print no "-0.00" where std keeps the sign of a negative that rounds to zero.
            let want = match want.strip_prefix('-') {
                Some(w) if w.bytes().all(|b| b == b'0' || b == b'.') => w.to_string(),
                _ => want,
            };
            assert_eq!(fmt_fixed(v, d, Lang::En), want, "{v:e} with {d} decimals");
        }
    }
}
