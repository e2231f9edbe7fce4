//! Colour scales for the node fills: sequential for importance and performance, diverging for
//! the gap. Both are ColorBrewer schemes that stay distinguishable with the common colour-vision
//! deficiencies (YlGnBu; PuOr), interpolated linearly in sRGB between the 9 class colours.

use crate::chart::Rgb;
use crate::lean::number::clamp;

use super::ColorBy;

/// Nine class colours written as `0xRRGGBB`, the way ColorBrewer lists them.
const fn stops(hex: [u32; 9]) -> [Rgb; 9] {
    let mut out = [Rgb(0, 0, 0); 9];
    let mut i = 0;
    while i < 9 {
        let v = hex[i];
        out[i] = Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8);
        i += 1;
    }
    out
}

/// ColorBrewer YlGnBu, 9 classes (light to dark).
const YLGNBU: [Rgb; 9] = stops([
    0xffffd9, 0xedf8b1, 0xc7e9b4, 0x7fcdbb, 0x41b6c4, 0x1d91c0, 0x225ea8, 0x253494, 0x081d58,
]);

/// ColorBrewer PuOr, 9 classes, reversed so that a positive gap (importance outruns
/// performance: a shortfall) is orange and a negative one purple.
const PUOR_REV: [Rgb; 9] = stops([
    0x542788, 0x8073ac, 0xb2abd2, 0xd8daeb, 0xf7f7f7, 0xfee0b6, 0xfdb863, 0xe08214, 0xb35806,
]);

/// A comparison's differences (B - A), orange where B rates lower and blue where higher:
/// PuOr's orange arm, RdBu's blue arm, one light centre. Blue and orange stay apart with the
/// common colour-vision deficiencies, and blue matches the quadrant's "performs better" arrows.
const BLUE_ORANGE: [Rgb; 9] = stops([
    0xb35806, 0xe08214, 0xfdb863, 0xfee0b6, 0xf7f7f7, 0xd1e5f0, 0x92c5de, 0x4393c3, 0x2166ac,
]);

/// Fill of a compared node whose difference is not clear (its interval includes zero, or it
/// has none): a grey darker than `NEUTRAL`, so "not clear" and "no value" stay apart.
pub const UNCLEAR: Rgb = Rgb(0xc4, 0xc9, 0xcf);

/// Fill of nodes without a value (kinds, purpose items, missing data).
pub const NEUTRAL: Rgb = Rgb(0xf1, 0xf3, 0xf5);
pub const INK: Rgb = Rgb(0x1f, 0x23, 0x28);
pub const INK_ON_DARK: Rgb = Rgb(0xff, 0xff, 0xff);
/// Text on coloured fills: black, because with black or white every fill reaches a contrast
/// of at least 4.58 (WCAG AA asks 4.5), which the softer `INK` would miss on mid blues.
const INK_ON_LIGHT: Rgb = Rgb(0, 0, 0);

fn ramp(colors: &[Rgb; 9], t: f64) -> Rgb {
    let t = if t.is_finite() {
        clamp(t, 0.0, 1.0)
    } else {
        0.5
    };
    let x = t * 8.0;
    let i = (x.floor() as usize).min(7);
    let f = x - i as f64;
    let (a, b) = (colors[i], colors[i + 1]);
    let mix = |p: u8, q: u8| (p as f64 + (q as f64 - p as f64) * f).round() as u8;
    Rgb(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// WCAG relative luminance.
fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            pow_2_4((s + 0.055) / 1.055)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// x^2.4 for 0 < x <= 1, as x^2 times the fifth root of x^2, the root by Newton's method:
/// `powf` would link libm's pow (about 2 KB of wasm) for this one use. y^5 - z is increasing
/// and convex, so from y = 1 (above the root, as z <= 1) the steps fall monotonically to it;
/// the first that does not fall has reached rounding level.
fn pow_2_4(x: f64) -> f64 {
    let z = x * x;
    let mut y = 1.0_f64;
    for _ in 0..100 {
        let y4 = (y * y) * (y * y);
        let next = y - (y4 * y - z) / (5.0 * y4);
        if next >= y {
            break;
        }
        y = next;
    }
    z * y
}

/// WCAG contrast ratio of two colours.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Dark or white text, whichever contrasts more with the fill.
pub fn text_on(fill: Rgb) -> Rgb {
    if contrast(fill, INK_ON_LIGHT) >= contrast(fill, INK_ON_DARK) {
        INK_ON_LIGHT
    } else {
        INK_ON_DARK
    }
}

/// Muted text on `fill`: the palette's `muted` when it reads (4.5:1), else dark or white.
pub fn muted_on(fill: Rgb, muted: Rgb) -> Rgb {
    if contrast(muted, fill) >= 4.5 {
        muted
    } else {
        text_on(fill)
    }
}

/// Blends `top` at `alpha` over an opaque `under`, as the canvas does.
pub fn blend(top: Rgb, under: Rgb, alpha: f64) -> Rgb {
    let mix = |t: u8, u: u8| (u as f64 + (t as f64 - u as f64) * alpha).round() as u8;
    Rgb(
        mix(top.0, under.0),
        mix(top.1, under.1),
        mix(top.2, under.2),
    )
}

/// Alpha of text in a dimmed node (its box fades to `super::draw::DIM`): enough that dimmed
/// text keeps at least 3:1 against its faded box, and muted text 3:1 against white.
pub const DIM_TEXT: f64 = 0.75;

/// The ink of a dimmed node's text: the faded box is light whatever its colour, so dark or
/// white is chosen again against the faded fill (white text on a faded dark fill would vanish).
pub fn dimmed_ink(fill: Rgb, under: Rgb, ink: Rgb, box_alpha: f64) -> Rgb {
    if box_alpha >= 1.0 {
        return ink;
    }
    let faded = blend(fill, under, box_alpha);
    if contrast(ink, faded) >= contrast(text_on(faded), faded) {
        ink
    } else {
        text_on(faded)
    }
}

/// The domain of the colour scale and how to colour a value in it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ColorScale {
    pub color_by: ColorBy,
    /// A comparison's differences: centred on zero, blue–orange.
    pub diff: bool,
    /// Values mapped to the ends of the ramp (for the gap: -m and +m around 0).
    pub lo: f64,
    pub hi: f64,
}

impl ColorScale {
    /// The scale for the given values. Importance and performance use the data range widened
    /// outward to whole half-points of the answer scale (at least one point wide, within 1-9 or
    /// 1-5): Table 3's importance means span only 4.9-8.0 of 1-9, and the full answer range
    /// would paint them nearly alike. The gap is centred at 0, symmetric, to the next 0.05.
    pub fn new(color_by: ColorBy, values: impl IntoIterator<Item = f64>) -> ColorScale {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for v in values.into_iter().filter(|v| v.is_finite()) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        match color_by {
            ColorBy::Gap => {
                let m = if lo <= hi {
                    lo.abs().max(hi.abs())
                } else {
                    0.0
                };
                let m = ((m / 0.05).ceil() * 0.05).max(0.05);
                ColorScale {
                    color_by,
                    diff: false,
                    lo: -m,
                    hi: m,
                }
            }
            ColorBy::Importance | ColorBy::Performance => {
                let (smin, smax) = if color_by == ColorBy::Importance {
                    (1.0, 9.0)
                } else {
                    (1.0, 5.0)
                };
                if lo > hi {
                    return ColorScale {
                        color_by,
                        diff: false,
                        lo: smin,
                        hi: smax,
                    };
                }
                let mut l = clamp((lo * 2.0).floor() / 2.0, smin, smax);
                let mut h = clamp((hi * 2.0).ceil() / 2.0, smin, smax);
                if h - l < 1.0 {
                    let mid = (l + h) / 2.0;
                    l = (mid - 0.5).max(smin);
                    h = (l + 1.0).min(smax);
                    l = h - 1.0;
                }
                ColorScale {
                    color_by,
                    diff: false,
                    lo: l,
                    hi: h,
                }
            }
        }
    }

    /// The scale of a comparison's differences of `color_by`'s means: centred on zero,
    /// symmetric, out to the largest |difference| rounded up to a quarter point (at least 0.25).
    pub fn difference(color_by: ColorBy, values: impl IntoIterator<Item = f64>) -> ColorScale {
        let m = values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold(0.0_f64, |m, v| m.max(v.abs()));
        let m = ((m / 0.25).ceil() * 0.25).max(0.25);
        ColorScale {
            color_by,
            diff: true,
            lo: -m,
            hi: m,
        }
    }

    /// Position of a value on the ramp, 0-1.
    pub fn t(&self, v: f64) -> f64 {
        clamp((v - self.lo) / (self.hi - self.lo), 0.0, 1.0)
    }

    pub fn color(&self, v: f64) -> Rgb {
        if !v.is_finite() {
            return NEUTRAL;
        }
        if self.diff {
            return ramp(&BLUE_ORANGE, self.t(v));
        }
        match self.color_by {
            ColorBy::Gap => ramp(&PUOR_REV, self.t(v)),
            // The two lightest YlGnBu classes are too close to the neutral fill; start at 0.12.
            _ => ramp(&YLGNBU, 0.12 + 0.88 * self.t(v)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_text_contrast_plain_and_dimmed() {
        use crate::chart::Palette;
        let dim = crate::chart::hierarchy::draw::DIM;
        let white = Rgb(255, 255, 255);
        for pal in [
            Palette::LIGHT,
            Palette::DARK,
            Palette::CONTRAST_LIGHT,
            Palette::CONTRAST_DARK,
        ] {
            let bg = pal.background;
            let fills = YLGNBU.iter().chain(&PUOR_REV).chain(&BLUE_ORANGE);
            for &fill in fills.chain(&[NEUTRAL, UNCLEAR, white]) {
                let ink = text_on(fill);
                assert!(contrast(ink, fill) >= 4.5, "{fill:?}");
                // Dimmed: the box at DIM over the background, the text at DIM_TEXT over the box.
                let faded = blend(fill, bg, dim);
                let text = blend(dimmed_ink(fill, bg, ink, dim), faded, DIM_TEXT);
                let r = contrast(text, faded);
                assert!(r >= 3.0, "{fill:?} on {bg:?}: {r}");
                // A frame's muted lines on its fill (muted_on picks the palette's or the other).
                assert!(contrast(muted_on(fill, pal.muted), fill) >= 4.5, "{fill:?}");
            }
            // Muted text (toggle labels, legend) on the background, plain and dimmed.
            assert!(contrast(pal.muted, bg) >= 4.5);
            assert!(contrast(blend(pal.muted, bg, DIM_TEXT), bg) >= 3.0);
        }
    }

    #[test]
    fn difference_scale_is_centred_and_readable() {
        let s = ColorScale::difference(ColorBy::Importance, [-0.3, 1.1, f64::NAN]);
        // Symmetric around zero, out to 1.1 rounded up to a quarter point.
        assert_eq!((s.lo, s.hi), (-1.25, 1.25));
        assert_eq!(s.t(0.0), 0.5);
        assert_eq!(s.color(0.0), Rgb(0xf7, 0xf7, 0xf7));
        assert_eq!(s.color(-1.25), Rgb(0xb3, 0x58, 0x06));
        assert_eq!(s.color(1.25), Rgb(0x21, 0x66, 0xac));
        // Orange below zero (red above blue), blue above (blue above red).
        let (lo, hi) = (s.color(-0.6), s.color(0.6));
        assert!(lo.0 > lo.2 && hi.2 > hi.0, "{lo:?} {hi:?}");
        // Equal distances from zero are equally light on both arms (within a few levels).
        let l = |c: Rgb| luminance(c);
        assert!((l(lo) - l(hi)).abs() < 0.12, "{} {}", l(lo), l(hi));
        // Every fill along the ramp takes text at 4.5:1.
        for i in 0..=100 {
            let v = -1.25 + 2.5 * f64::from(i) / 100.0;
            let f = s.color(v);
            assert!(contrast(text_on(f), f) >= 4.5, "{v}: {f:?}");
        }
        // No differences: the narrowest scale.
        let e = ColorScale::difference(ColorBy::Performance, []);
        assert_eq!((e.lo, e.hi), (-0.25, 0.25));
        // The grey of "not clear" is told apart from "no value" and from the centre.
        assert!(contrast(UNCLEAR, NEUTRAL) > 1.3);
        assert!(contrast(UNCLEAR, Rgb(0xf7, 0xf7, 0xf7)) > 1.3);
    }

    fn luminance_powf(c: Rgb) -> f64 {
        let lin = |v: u8| {
            let s = v as f64 / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    #[test]
    fn pow_2_4_matches_powf() {
        for v in 0..=255u8 {
            let x = (v as f64 / 255.0 + 0.055) / 1.055;
            let (got, want) = (pow_2_4(x), x.powf(2.4));
            assert!((got - want).abs() <= 1e-15 * want, "v {v}: {got} vs {want}");
        }
        for i in 1..=1000 {
            let x = f64::from(i) / 1000.0;
            let (got, want) = (pow_2_4(x), x.powf(2.4));
            assert!((got - want).abs() <= 1e-15 * want, "x {x}: {got} vs {want}");
        }
    }

    #[test]
    fn text_colour_decisions_unchanged() {
        let text_on_powf = |fill: Rgb| {
            let contrast = |a: Rgb, b: Rgb| {
                let (la, lb) = (luminance_powf(a), luminance_powf(b));
                (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
            };
            if contrast(fill, INK_ON_LIGHT) >= contrast(fill, INK_ON_DARK) {
                INK_ON_LIGHT
            } else {
                INK_ON_DARK
            }
        };
        // Every fifth level of each channel, 0 to 255: 52^3 fills.
        let levels: Vec<u8> = (0..=255u8).step_by(5).collect();
        for &r in &levels {
            for &g in &levels {
                for &b in &levels {
                    let fill = Rgb(r, g, b);
                    assert_eq!(text_on(fill), text_on_powf(fill), "{fill:?}");
                    let l = luminance(fill);
                    assert!((l - luminance_powf(fill)).abs() <= 1e-15, "{fill:?}");
                }
            }
        }
    }
}
