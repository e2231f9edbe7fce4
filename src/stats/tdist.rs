//! Quantiles of Student's t distribution, for the 95% confidence intervals of the role means.
//!
//! The degrees of freedom here are always whole numbers (n - 1), so the distribution function is
//! evaluated exactly with the finite series of Abramowitz & Stegun 26.7.3/26.7.4 and inverted by
//! safeguarded Newton iteration. Above `EXPANSION_DF` the series gets long and the
//! Cornish-Fisher expansion (A&S 26.7.5, four correction terms) is accurate to far below f64
//! display precision, so it is used instead. df 2 has a closed form, df 1 (Cauchy) an
//! inversion of atan. No sin, cos, tan or pow is called: in wasm they would link several KB of
//! libm (see `sin_cos_atan`, `atan`).

use std::f64::consts::PI;

/// Above this many degrees of freedom the asymptotic expansion replaces the exact series: its
/// first omitted term is of order z^11 / df^5, below 1e-13 here.
const EXPANSION_DF: u32 = 1000;

/// The `p` quantile of Student's t with `df` degrees of freedom; `None` when `df` is 0 or `p`
/// is not strictly between 0 and 1 (no finite quantile exists).
pub fn t_quantile(p: f64, df: u32) -> Option<f64> {
    if df == 0 || !(p > 0.0 && p < 1.0) {
        return None;
    }
    if p < 0.5 {
        return t_quantile(1.0 - p, df).map(|t| -t);
    }
    if p == 0.5 {
        return Some(0.0);
    }
    let v = f64::from(df);
    match df {
        1 => Some(cauchy_quantile(p)),
        // Solving A&S 26.7.4 for df = 2: F(t) = 1/2 + t / (2 sqrt(2 + t^2)).
        2 => {
            let a = 2.0 * p - 1.0;
            Some(a * (2.0 / (1.0 - a * a)).sqrt())
        }
        _ if df > EXPANSION_DF => Some(cornish_fisher(normal_quantile(p), v)),
        _ => Some(newton(p, df)),
    }
}

/// The two-sided 97.5% quantile used for a 95% confidence interval.
pub fn t_975(df: u32) -> Option<f64> {
    t_quantile(0.975, df)
}

/// The `p` quantile at a fractional number of degrees of freedom `df >= 1`, as Welch's
/// approximation gives: whole `df` goes to `t_quantile`; in between, ln t is interpolated in
/// 1/df by the Lagrange polynomial through the whole-df quantiles at 8 neighbouring df (the
/// exact CDF at real df would need the incomplete beta function and log-gamma). Against SciPy's
/// `t.ppf(0.975, df)` the relative error is below 1.2e-5 for 1 < df < 2 (a side of 2 answers),
/// 1e-7 for 2 < df < 3 and 3e-9 above; above `EXPANSION_DF` the Cornish-Fisher expansion takes
/// real df directly. `None` when `df` is below 1 or not finite, or `p` is outside (0, 1).
pub fn t_quantile_real(p: f64, df: f64) -> Option<f64> {
    if !(df >= 1.0 && df.is_finite() && p > 0.0 && p < 1.0) {
        return None;
    }
    if p < 0.5 {
        return t_quantile_real(1.0 - p, df).map(|t| -t);
    }
    if p == 0.5 {
        return Some(0.0);
    }
    if df > f64::from(EXPANSION_DF) {
        return Some(cornish_fisher(normal_quantile(p), df));
    }
    let k = df as u32; // floor, as df >= 1
    if f64::from(k) == df {
        return t_quantile(p, k);
    }
    const POINTS: u32 = 8;
    let first = k.saturating_sub(POINTS / 2 - 1).max(1);
    let x = 1.0 / df;
    let mut sum = 0.0;
    for i in first..first + POINTS {
        let xi = 1.0 / f64::from(i);
        let mut w = 1.0;
        for j in first..first + POINTS {
            if j != i {
                let xj = 1.0 / f64::from(j);
                w *= (x - xj) / (xi - xj);
            }
        }
        sum += w * t_quantile(p, i)?.ln();
    }
    Some(sum.exp())
}

/// A&S 26.7.5: t = z + g1/v + g2/v^2 + g3/v^3 + g4/v^4.
fn cornish_fisher(z: f64, v: f64) -> f64 {
    let z2 = z * z;
    let g1 = (z2 + 1.0) * z / 4.0;
    let g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
    let g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
    let g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0;
    z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v)
}

/// Inverts the exact CDF for `p > 0.5`. The CDF is concave for t > 0, so Newton steps from a
/// bracketed start converge monotonically; a bisection guard keeps any step inside the bracket.
fn newton(p: f64, df: u32) -> f64 {
    let v = f64::from(df);
    let mut lo = 0.0_f64;
    let mut hi = cornish_fisher(normal_quantile(p), v).max(1.0);
    while t_cdf(hi, df) < p {
        lo = hi;
        hi *= 2.0;
        if !hi.is_finite() {
            return f64::INFINITY;
        }
    }
    let density_const = density_constant(df);
    let mut t = 0.5 * (lo + hi);
    for _ in 0..200 {
        let f = t_cdf(t, df) - p;
        if f == 0.0 {
            return t;
        }
        if f < 0.0 {
            lo = t;
        } else {
            hi = t;
        }
        // (1 + t^2/v)^(-(v+1)/2) = cos^(v+1) of the CDF's angle.
        let (_, c) = sin_cos_atan(t / v.sqrt());
        let pdf = density_const * c.powi(df as i32 + 1);
        let mut next = t - f / pdf;
        if !(next > lo && next < hi) {
            next = 0.5 * (lo + hi);
        }
        if (next - t).abs() <= 1e-15 * t.abs().max(1.0) {
            return next;
        }
        t = next;
    }
    t
}

/// Gamma((v+1)/2) / (sqrt(v pi) Gamma(v/2)) for whole v, by the recurrence
/// r(v+2) = r(v) (v+1)/v on r(v) = Gamma((v+1)/2)/Gamma(v/2), r(1) = 1/sqrt(pi), r(2) = sqrt(pi)/2.
fn density_constant(df: u32) -> f64 {
    let mut k = 2 - df % 2;
    let mut r = if k == 1 {
        1.0 / PI.sqrt()
    } else {
        PI.sqrt() / 2.0
    };
    while k < df {
        r *= f64::from(k + 1) / f64::from(k);
        k += 2;
    }
    r / (f64::from(df) * PI).sqrt()
}

/// sin and cos of atan(x), algebraically: x / sqrt(1 + x^2) and 1 / sqrt(1 + x^2), in the form
/// that cannot overflow. Not calling `sin_cos` keeps libm's sin, cos and their argument reduction
/// (about 7 KB) out of the wasm.
fn sin_cos_atan(x: f64) -> (f64, f64) {
    if x.abs() <= 1.0 {
        let h = (1.0 + x * x).sqrt();
        (x / h, 1.0 / h)
    } else {
        let q = 1.0 / x;
        let h = (1.0 + q * q).sqrt();
        (1.0_f64.copysign(x) / h, q.abs() / h)
    }
}

/// atan to a few ulps (under 3 in a dense sample against a 30-digit reference), smaller in wasm
/// than libm's: two half-angle steps atan(x) = 2 atan(x / (1 + sqrt(1 + x^2))) bring |x| <= 1
/// below tan(pi/16) ~ 0.2, where 12 terms of the Taylor series reach rounding level.
fn atan(x: f64) -> f64 {
    if x.abs() > 1.0 {
        return (PI / 2.0).copysign(x) - atan(1.0 / x);
    }
    let x1 = x / (1.0 + (1.0 + x * x).sqrt());
    let x2 = x1 / (1.0 + (1.0 + x1 * x1).sqrt());
    let z = x2 * x2;
    let mut series = 0.0;
    for n in (0..12u32).rev() {
        series = 1.0 / f64::from(2 * n + 1) - z * series;
    }
    4.0 * x2 * series
}

/// The Cauchy (df 1) quantile tan(pi (p - 1/2)) for 1/2 < p < 1, without libm's tan: Newton on
/// atan(x) = a for an a <= pi/4, either tan itself or, for p above 3/4, its reciprocal
/// cot = tan(pi (1 - p)) (1 - p is exact there, so this is also more accurate than tan near 1).
/// atan - a is increasing and concave on x >= 0 and the start a lies left of the root, so the
/// steps rise monotonically to it; the first that does not rise has reached rounding level.
fn cauchy_quantile(p: f64) -> f64 {
    let upper = p > 0.75;
    let a = PI * if upper { 1.0 - p } else { p - 0.5 };
    let mut x = a;
    for _ in 0..100 {
        let next = x - (atan(x) - a) * (1.0 + x * x);
        if next <= x {
            break;
        }
        x = next;
    }
    if upper {
        1.0 / x
    } else {
        x
    }
}

/// The distribution function of t with whole `df`, from A(t|v) = P(|T| <= t) (A&S 26.7.3-4).
pub fn t_cdf(t: f64, df: u32) -> f64 {
    if df == 0 || t.is_nan() {
        return f64::NAN;
    }
    let v = f64::from(df);
    let x = t / v.sqrt();
    let theta = atan(x);
    let (s, c) = sin_cos_atan(x);
    // cos^2 directly, with fewer roundings than c * c: the long series for large df amplifies them.
    let c2 = v / (v + t * t);
    let a = if df % 2 == 1 {
        let mut series = 0.0;
        if df > 1 {
            // cos + (2/3) cos^3 + (2*4)/(3*5) cos^5 + ... up to cos^(v-2)
            let mut term = c;
            series = term;
            let mut k = 3;
            while k < df {
                term *= c2 * f64::from(k - 1) / f64::from(k);
                series += term;
                k += 2;
            }
        }
        2.0 / PI * (theta + s * series)
    } else {
        // 1 + (1/2) cos^2 + (1*3)/(2*4) cos^4 + ... up to cos^(v-2)
        let mut term = 1.0;
        let mut series = 1.0;
        let mut k = 2;
        while k < df {
            term *= c2 * f64::from(k - 1) / f64::from(k);
            series += term;
            k += 2;
        }
        s * series
    };
    0.5 + 0.5 * a
}

/// The standard normal quantile by Acklam's rational approximation (relative error < 1.2e-9),
/// only used as the expansion's base and as a starting point.
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.38357751867269e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00,
    ];
    const B: [f64; 5] = [
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01,
    ];
    const C: [f64; 6] = [
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00,
    ];
    const D: [f64; 4] = [
        7.784695709041462e-03,
        3.224671290700398e-01,
        2.445134137142996e+00,
        3.754408661907416e+00,
    ];
    const P_LOW: f64 = 0.02425;
    if !(p > 0.0 && p < 1.0) {
        return f64::NAN;
    }
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < P_LOW {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - P_LOW {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn known_975_quantiles() {
        // Printed t tables (4 decimals) and R's qt(0.975, df) for more digits.
        for (df, want, tol) in [
            (1, 12.706204736174698, 1e-9),
            (2, 4.302652729749464, 1e-12),
            (3, 3.182446305284263, 1e-9),
            (5, 2.570581835636314, 1e-9),
            (10, 2.228138851986274, 1e-9),
            (29, 2.045229642132703, 1e-9),
            (30, 2.042272456301238, 1e-9),
            (100, 1.983971518523552, 1e-9),
            (1000, 1.9623, 1e-4),
            (1_000_000, 1.959966, 1e-5),
        ] {
            let got = t_975(df).unwrap();
            assert!(close(got, want, tol), "df {df}: {got} vs {want}");
        }
        // At the switch the exact inversion (df 1000) and the expansion (df 1001) must join
        // smoothly: the expansion at df 1000 agrees with the exact value (to the ~1e-9 of the normal
        // quantile it starts from).
        let exact = t_975(1000).unwrap();
        assert!(close(
            cornish_fisher(normal_quantile(0.975), 1000.0),
            exact,
            1e-8
        ));
        let next = t_975(1001).unwrap();
        assert!(next < exact && exact - next < 1e-5);
        // Large df tends to the normal quantile 1.959964.
        assert!(close(t_975(u32::MAX).unwrap(), 1.959964, 1e-6));
    }

    #[test]
    fn quantile_inverts_cdf_and_is_symmetric() {
        for df in [3, 4, 7, 30, 250, 999] {
            for p in [0.6, 0.9, 0.975, 0.995, 0.9999] {
                let t = t_quantile(p, df).unwrap();
                assert!(close(t_cdf(t, df), p, 1e-12), "df {df} p {p}");
                assert!(close(t_quantile(1.0 - p, df).unwrap(), -t, 1e-12));
            }
        }
        // df 1: Cauchy, F(1) = 3/4.
        assert!(close(t_cdf(1.0, 1), 0.75, 1e-15));
        // df 2: F(t) = 1/2 + t/(2 sqrt(2 + t^2)); at t = sqrt(2): 1/2 + sqrt2/(2*2) = 0.853553...
        assert!(close(t_cdf(2f64.sqrt(), 2), 0.5 + 2f64.sqrt() / 4.0, 1e-15));
    }

    #[test]
    fn cauchy_quantile_without_tan() {
        // tan(pi (p - 1/2)) for the f64 nearest each p, to 40 digits (mpmath), rounded.
        for (p, want) in [
            (0.6, 0.32491969623290625),
            (0.75, 1.0),
            (0.9, 3.077683537175254),
            (0.975, 12.706204736174693),
            (0.995, 63.656741162871524),
            (0.9995, 636.6192487687897),
        ] {
            let got = t_quantile(p, 1).unwrap();
            assert!(close(got, want, 1e-13 * want), "p {p}: {got} vs {want}");
            assert!(close(t_quantile(1.0 - p, 1).unwrap(), -got, 0.0));
        }
        // Against std's tan over the whole range; tan's own argument pi (p - 1/2) carries a
        // rounding error that grows like 1/(1 - p) in relative terms near 1.
        for i in 1..2000 {
            let p = 0.5 + f64::from(i) / 4000.0;
            let got = t_quantile(p, 1).unwrap();
            let want = (PI * (p - 0.5)).tan();
            let tol = 4.0 * f64::EPSILON * want * (1.0 + 1.0 / (1.0 - p));
            assert!(close(got, want, tol), "p {p}: {got} vs {want}");
            // And it inverts the CDF.
            assert!(close(t_cdf(got, 1), p, 4.0 * f64::EPSILON), "p {p}");
        }
        let far = t_quantile(1.0 - f64::EPSILON, 1).unwrap();
        assert!(far.is_finite() && close(far, 1.0 / (PI * f64::EPSILON), 1e-3 * far));
        let near = t_quantile(0.5 + f64::EPSILON, 1).unwrap();
        assert!(close(near, PI * f64::EPSILON, 1e-30));
    }

    #[test]
    fn cdf_matches_trigonometric_form() {
        // The series with sin and cos of theta = atan(t / sqrt v) from std, as before.
        fn t_cdf_std(t: f64, df: u32) -> f64 {
            let v = f64::from(df);
            let theta = (t / v.sqrt()).atan();
            let (s, c) = theta.sin_cos();
            let c2 = c * c;
            let a = if df % 2 == 1 {
                let mut series = 0.0;
                if df > 1 {
                    let mut term = c;
                    series = term;
                    let mut k = 3;
                    while k < df {
                        term *= c2 * f64::from(k - 1) / f64::from(k);
                        series += term;
                        k += 2;
                    }
                }
                2.0 / PI * (theta + s * series)
            } else {
                let mut term = 1.0;
                let mut series = 1.0;
                let mut k = 2;
                while k < df {
                    term *= c2 * f64::from(k - 1) / f64::from(k);
                    series += term;
                    k += 2;
                }
                s * series
            };
            0.5 + 0.5 * a
        }
        for df in [1, 2, 3, 4, 5, 9, 10, 30, 31, 200, 999, 1000] {
            for t in [
                -1e300,
                -1e20,
                -40.0,
                -3.3,
                -1.0,
                -0.25,
                -0.0,
                0.0,
                1e-300,
                0.1,
                0.5,
                1.0,
                1.5,
                2.0,
                2.5,
                7.0,
                12.7,
                1e3,
                1e8,
                1e160,
                f64::MAX,
                f64::INFINITY,
            ] {
                // Both sum up to df/2 terms of powers of cos^2, whose rounding errors grow with
                // df (either is within about 1e-14 of a 40-digit evaluation at df 1000).
                let tol = 1e-15 + f64::from(df) * 2e-17;
                let (got, want) = (t_cdf(t, df), t_cdf_std(t, df));
                assert!(close(got, want, tol), "df {df} t {t}: {got} vs {want}");
            }
        }
        for x in [
            -1e308, -2.0, -1.0, -0.5, 0.0, 0.3, 1.0, 1.0000001, 4.0, 1e200,
        ] {
            let (s, c) = sin_cos_atan(x);
            let (ws, wc) = x.atan().sin_cos();
            assert!(close(s, ws, 2e-16) && close(c, wc, 2e-16), "x {x}");
        }
        assert!(t_cdf(f64::NAN, 3).is_nan());
    }

    #[test]
    fn atan_matches_std() {
        let mut x = 1e-300_f64;
        while x < 1e300 {
            for v in [x, -x, x * 1.37, x * 0.71] {
                let (got, want) = (atan(v), v.atan());
                assert!(
                    close(got, want, 3.0 * f64::EPSILON * want.abs()),
                    "{v}: {got} vs {want}"
                );
            }
            x *= 1.09;
        }
        for v in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert!(close(atan(v), v.atan(), 2.0 * f64::EPSILON), "{v}");
        }
        assert!(atan(f64::NAN).is_nan());
    }

    #[test]
    fn degenerate_inputs() {
        assert_eq!(t_quantile(0.975, 0), None);
        assert_eq!(t_quantile(0.0, 5), None);
        assert_eq!(t_quantile(1.0, 5), None);
        assert_eq!(t_quantile(f64::NAN, 5), None);
        assert_eq!(t_quantile(0.5, 5), Some(0.0));
        assert!(close(normal_quantile(0.975), 1.959963984540054, 1e-8));
        assert!(close(normal_quantile(0.01), -2.326347874040841, 1e-8));
    }
}
