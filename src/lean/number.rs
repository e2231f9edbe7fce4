//! Decimal numbers in and out without core's float parsing and formatting: `f64::from_str`
//! (dec2flt and its power-of-five table) and `{}` on `f64` (Grisu, Dragon and their tables) cost
//! about 25 KB of wasm, and nothing here needs their full generality. The input is survey answers,
//! summary figures and option strings; the output is messages and labels.

use std::fmt;

/// Parses a decimal number with the grammar of `f64::from_str` (optional sign, digits with an
/// optional decimal separator `point`, at least one digit, optional exponent `e`/`E`), without
/// surrounding whitespace. Text such as `inf` or `NaN`, and numbers too large for `f64`, give
/// `None`: every caller wants a finite number.
///
/// The result is correctly rounded (bit for bit what `str::parse::<f64>` gives) for up to 19
/// significant digits whenever the decimal exponent of the integer mantissa lies in -31..=27
/// (further up while `mantissa * 5^e` fits in 128 bits): that covers every ordinary number,
/// e.g. anything from 1e-12 to 1e26 written with up to 19 digits. Digits beyond the 19th are
/// truncated, so such inputs may come out one unit in the last place below. Outside that exponent
/// range a last scaling by a power of ten in `f64` adds a relative error below 1e-14 (and
/// results below 2.2e-308, subnormal, lose relative precision).
pub fn parse_f64(s: &[u8], point: u8) -> Option<f64> {
    let (neg, s) = match s {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, s),
    };
    let mut w: u64 = 0;
    let mut kept = 0u32;
    let mut exp: i64 = 0;
    let (mut any_digit, mut seen_point) = (false, false);
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        if c.is_ascii_digit() {
            any_digit = true;
            let d = u64::from(c - b'0');
            if kept < 19 {
                // Leading zeros are not significant and take no room in `w`.
                if kept > 0 || d != 0 {
                    w = w * 10 + d;
                    kept += 1;
                }
                if seen_point {
                    exp -= 1;
                }
            } else if !seen_point {
                exp += 1;
            }
        } else if c == point && !seen_point {
            seen_point = true;
        } else {
            break;
        }
        i += 1;
    }
    if !any_digit {
        return None;
    }
    if let Some(&(b'e' | b'E')) = s.get(i) {
        i += 1;
        let eneg = match s.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i64 = 0;
        while let Some(&c) = s.get(i).filter(|c| c.is_ascii_digit()) {
            // Saturates far beyond any exponent that changes the result.
            e = (e * 10 + i64::from(c - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp += if eneg { -e } else { e };
    }
    if i != s.len() {
        return None;
    }
    let x = if w == 0 { 0.0 } else { scale(w, exp) };
    x.is_finite().then_some(if neg { -x } else { x })
}

/// `w * 10^e`, correctly rounded inside the range that `parse_f64` documents.
fn scale(w: u64, e: i64) -> f64 {
    if e >= 0 {
        // w * 10^e = (w * 5^e) * 2^e: one exact integer product, one rounding to f64.
        let mut m = u128::from(w);
        for k in 0..e {
            match m.checked_mul(5) {
                Some(v) => m = v,
                None => return mul_pow10(pow2(m as f64, k), e - k),
            }
        }
        pow2(m as f64, e)
    } else {
        let k = (-e).min(31);
        // w * 10^-k = (w * 2^(64+lz) / 5^k) * 2^-(64+lz+k). The quotient has at least 55 bits
        // (5^31 < 2^73), so or-ing a non-zero remainder into its last bit decides ties exactly
        // as the infinite expansion would, and u128 -> f64 rounds to nearest, ties to even.
        let lz = w.leading_zeros();
        let n = u128::from(w << lz) << 64;
        let d = 5u128.pow(k as u32);
        let q = (n / d) | u128::from(n % d != 0);
        let x = pow2(q as f64, -(64 + i64::from(lz) + k));
        mul_pow10(x, e + k)
    }
}

/// `x * 10^r` by steps of at most 10^22 (exact in f64), one rounding each: at most 36 steps
/// for the exponents that do not overflow or underflow, so a relative error below 4e-15.
fn mul_pow10(mut x: f64, r: i64) -> f64 {
    let mut r = r.clamp(-800, 800);
    while r != 0 {
        let step = r.clamp(-22, 22);
        let p = 10f64.powi(step.abs() as i32);
        x = if step > 0 { x * p } else { x / p };
        r -= step;
    }
    x
}

/// `x * 2^e`, exact while the result is a normal number (here |e| <= 158 or x is huge anyway).
fn pow2(x: f64, e: i64) -> f64 {
    let mut x = x;
    let mut e = e;
    while e != 0 {
        let step = e.clamp(-1000, 1000);
        x *= f64::from_bits(((1023 + step) as u64) << 52);
        e -= step;
    }
    x
}

/// `x` limited to `lo..=hi`, NaN staying NaN, like `f64::clamp`; but where `f64::clamp` panics
/// (`lo > hi`, NaN bounds) this gives one of the bounds, and it does not link the panic's
/// `{:?}` formatting of the bounds (core's float formatting) into the wasm.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

/// An `f64` for messages and labels: whole numbers below 1e15 in full, other values rounded to
/// six significant digits with trailing zeros dropped (`7.25`, `0.333333`, `1234570` for
/// 1234567.5), in exponent form only outside 1e-5..1e15 (`1e-7`, `2.5e20`); `NaN`, `inf` and
/// `-inf` as std writes them. Not a round trip, which no message needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num(pub f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        if v.is_nan() {
            return f.write_str("NaN");
        }
        if v.is_sign_negative() && v != 0.0 {
            f.write_str("-")?;
        }
        let a = v.abs();
        if a.is_infinite() {
            return f.write_str("inf");
        }
        if a < 1e15 && a.fract() == 0.0 {
            return write!(f, "{}", a as u64);
        }
        // Six significant digits: a = m * 10^(p-5) with m in 100000..=999999.
        let mut p = a.log10().floor() as i32;
        let mut m = scaled(a, 5 - p).round();
        // log10 may be one off near powers of ten, and rounding may carry to 10^6.
        if m < 99_999.5 {
            p -= 1;
            m = scaled(a, 5 - p).round();
        }
        if m >= 999_999.5 {
            p += 1;
            m = scaled(a, 5 - p).round();
        }
        let mut m = m as u32;
        let mut digits = 6;
        while digits > 1 && m.is_multiple_of(10) {
            m /= 10;
            digits -= 1;
        }
        let mut buf = [b'0'; 6];
        for slot in buf[..digits].iter_mut().rev() {
            *slot = b'0' + (m % 10) as u8;
            m /= 10;
        }
        let digits = &buf[..digits];
        if !(-5..15).contains(&p) {
            f.write_str(text(&digits[..1]))?;
            if digits.len() > 1 {
                write!(f, ".{}", text(&digits[1..]))?;
            }
            return write!(f, "e{p}");
        }
        if p < 0 {
            f.write_str("0.")?;
            for _ in 0..(-p - 1) {
                f.write_str("0")?;
            }
            return f.write_str(text(digits));
        }
        let int_len = (p + 1) as usize;
        if digits.len() <= int_len {
            f.write_str(text(digits))?;
            for _ in digits.len()..int_len {
                f.write_str("0")?;
            }
            Ok(())
        } else {
            write!(
                f,
                "{}.{}",
                text(&digits[..int_len]),
                text(&digits[int_len..])
            )
        }
    }
}

/// The digits as text (they are ASCII, so this never gives the empty fallback).
fn text(d: &[u8]) -> &str {
    std::str::from_utf8(d).unwrap_or("")
}

/// `a * 10^k` without overflow to infinity for tiny `a`.
fn scaled(a: f64, k: i32) -> f64 {
    if k > 300 {
        a * 1e300 * 10f64.powi(k - 300)
    } else {
        a * 10f64.powi(k)
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // std is the reference the tests compare with
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn std_parse(s: &str) -> Option<f64> {
        s.parse::<f64>().ok().filter(|x| x.is_finite())
    }

    /// A random decimal string with `digits` digits, a point somewhere (or none) and maybe an
    /// exponent.
    fn gen(r: &mut Rng, digits: usize, exp_range: i64) -> String {
        let mut s = String::new();
        match r.below(4) {
            0 => s.push('-'),
            1 => s.push('+'),
            _ => {}
        }
        let point_at = r.below(digits as u64 + 2) as usize;
        for i in 0..digits {
            if i == point_at {
                s.push('.');
            }
            let d = if r.below(5) == 0 { 0 } else { r.below(10) };
            s.push((b'0' + d as u8) as char);
        }
        if point_at == digits {
            s.push('.');
        }
        if exp_range > 0 && r.below(2) == 0 {
            let e = r.below(2 * exp_range as u64 + 1) as i64 - exp_range;
            s.push(if r.below(2) == 0 { 'e' } else { 'E' });
            s.push_str(&e.to_string());
        }
        s
    }

    #[test]
    fn bit_exact_against_std_for_ordinary_numbers() {
        let mut r = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..300_000 {
            let digits = 1 + r.below(19) as usize;
            let s = gen(&mut r, digits, 8);
            let want = std_parse(&s);
            let got = parse_f64(s.as_bytes(), b'.');
            assert_eq!(
                got.map(f64::to_bits),
                want.map(f64::to_bits),
                "{s}: got {got:?}, std {want:?}"
            );
        }
    }

    #[test]
    fn bit_exact_near_halfway_points() {
        // Decimal renderings of f64 halfway points (and one digit either side) are the hard cases.
        let mut r = Rng(12345);
        for _ in 0..100_000 {
            let x = f64::from_bits(0x3c00_0000_0000_0000 + r.below(0x0c00_0000_0000_0000));
            let next = f64::from_bits(x.to_bits() + 1);
            let mid = (x + next) / 2.0; // rounds, but lands within an ulp of the real midpoint
            for p in [15, 16, 17, 18, 19] {
                let s = format!("{mid:.*e}", p - 1);
                let (mant, e) = s.split_once('e').unwrap();
                let e: i64 = e.parse().unwrap();
                // Only where the documented exact range applies: 19 digits, exponent -31..=27.
                if !(-31 + (p as i64 - 1)..=27).contains(&e) {
                    continue;
                }
                let want = std_parse(&s);
                let got = parse_f64(s.as_bytes(), b'.');
                assert_eq!(
                    got.map(f64::to_bits),
                    want.map(f64::to_bits),
                    "{s} ({mant})"
                );
            }
        }
    }

    #[test]
    fn exact_for_std_shortest_round_trips() {
        let mut r = Rng(777);
        for _ in 0..100_000 {
            let x = f64::from_bits(r.next() >> 1);
            if !x.is_finite() || !(1e-12..1e26).contains(&x) {
                continue;
            }
            for s in [format!("{x}"), format!("{x:e}"), format!("{x:?}")] {
                assert_eq!(parse_f64(s.as_bytes(), b'.'), Some(x), "{s}");
            }
        }
    }

    #[test]
    fn close_outside_the_exact_range() {
        let mut r = Rng(4242);
        for _ in 0..100_000 {
            let digits = 1 + r.below(30) as usize;
            let s = gen(&mut r, digits, 330);
            let (Some(want), Some(got)) = (std_parse(&s), parse_f64(s.as_bytes(), b'.')) else {
                // Both reject, or the value overflows in one only right at the limit.
                let want = std_parse(&s);
                let got = parse_f64(s.as_bytes(), b'.');
                assert!(
                    want.is_none() == got.is_none() || want.is_some_and(|w| w.abs() > 1e307),
                    "{s}: got {got:?}, std {want:?}"
                );
                continue;
            };
            if want.abs() < f64::MIN_POSITIVE {
                assert!((got - want).abs() <= 1e-14 * f64::MIN_POSITIVE, "{s}");
            } else {
                assert!(
                    ((got - want) / want).abs() <= 1e-14,
                    "{s}: got {got:e}, std {want:e}"
                );
            }
        }
    }

    #[test]
    fn grammar_matches_std() {
        let accepted = [
            "0",
            "-0",
            "+0",
            "7",
            "7.",
            ".5",
            "-.5",
            "+7.25",
            "007",
            "0.0001",
            "1e3",
            "1E3",
            "1e+3",
            "1e-3",
            "1.e2",
            "2.5E-0",
            "0e999999999",
            "123456789012345678901234567890",
        ];
        for s in accepted {
            assert_eq!(
                parse_f64(s.as_bytes(), b'.').map(f64::to_bits),
                std_parse(s).map(f64::to_bits),
                "{s}"
            );
            assert!(parse_f64(s.as_bytes(), b'.').is_some(), "{s}");
        }
        // Outside the exact range: accepted, and close.
        for s in ["1e-300", "1.7976931348623157e308", "2.5e-310"] {
            let (got, want) = (
                parse_f64(s.as_bytes(), b'.').unwrap(),
                std_parse(s).unwrap(),
            );
            assert!(((got - want) / want).abs() < 1e-14, "{s}: {got:e}");
        }
        assert_eq!(parse_f64(b"1e-330", b'.'), Some(0.0));
        assert!(parse_f64(b"-0", b'.').unwrap().is_sign_negative());
        let rejected = [
            "", "-", "+", ".", "e5", ".e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "inf", "-inf",
            "infinity", "NaN", "nan", "0x10", "1_000", "1e400", "--1", "+-1", "1.5f", "١",
        ];
        for s in rejected {
            assert_eq!(parse_f64(s.as_bytes(), b'.'), None, "{s}");
        }
        assert_eq!(parse_f64(b"7,37", b','), Some(7.37));
        assert_eq!(parse_f64(b"7.37", b','), None);
    }

    #[test]
    fn num_formats_like_std_where_six_digits_suffice() {
        let same = [
            0.0, 1.0, -1.0, 7.25, 0.5, 0.1, 0.3, 10.0, 100.0, 1234.5, -3.75, 0.001, 0.0001,
            0.00001, 99999.9, 123456.0, 1e14, 4e14, 0.015625,
        ];
        for v in same {
            assert_eq!(Num(v).to_string(), format!("{v}"), "{v}");
        }
        let cases = [
            (1.0 / 3.0, "0.333333"),
            (2.0 / 3.0, "0.666667"),
            (-2.0 / 3.0, "-0.666667"),
            (1234567.5, "1234570"),
            (123.456789, "123.457"),
            (9.9999996, "10"),
            (999999.6, "1000000"),
            (0.1 + 0.2, "0.3"),
            (1e-7, "1e-7"),
            (1.5e-7, "1.5e-7"),
            (1e15, "1e15"),
            (2.5e20, "2.5e20"),
            (1.234567e-300, "1.23457e-300"),
            (5e-324, "4.94066e-324"),
            (f64::MAX, "1.79769e308"),
            (-0.0, "0"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
        ];
        for (v, want) in cases {
            assert_eq!(Num(v).to_string(), want, "{v:e}");
        }
    }

    #[test]
    fn num_has_six_significant_digits_of_the_value() {
        let mut r = Rng(99);
        for _ in 0..100_000 {
            let x = f64::from_bits(r.next());
            if !x.is_finite() {
                continue;
            }
            let s = Num(x).to_string();
            let back: f64 = s.parse().unwrap();
            let whole = x.abs() < 1e15 && x.fract() == 0.0;
            if whole {
                assert_eq!(back, x, "{x:e} -> {s}");
            } else {
                let want: f64 = format!("{x:.5e}").parse().unwrap();
                assert_eq!(back, want, "{x:e} -> {s}");
            }
        }
    }
}
