//! Geometry both charts share, in device pixels: rectangles, one-line text boxes, segment
//! clipping and the table of directions (multiples of 22.5 degrees) the layouts use.

use crate::lean::number::clamp;

/// A rectangle in device pixels (y grows downward), `x0 <= x1`, `y0 <= y1`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// Builds a rectangle from any two corners.
    pub fn new(xa: f64, ya: f64, xb: f64, yb: f64) -> Rect {
        Rect {
            x0: xa.min(xb),
            y0: ya.min(yb),
            x1: xa.max(xb),
            y1: ya.max(yb),
        }
    }

    pub fn from_size(x: f64, y: f64, w: f64, h: f64) -> Rect {
        // The usual case, a size of zero or more, without `new`'s min and max (calls to libm's
        // fmin/fmax in the size-optimised build; label placement makes thousands a layout).
        if w >= 0.0 && h >= 0.0 {
            return Rect {
                x0: x,
                y0: y,
                x1: x + w,
                y1: y + h,
            };
        }
        Rect::new(x, y, x + w, y + h)
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    pub fn center(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }

    /// Open-interval overlap: rectangles that merely touch do not intersect.
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    pub fn contains_point(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    pub fn contains_rect(&self, o: &Rect) -> bool {
        o.x0 >= self.x0 && o.x1 <= self.x1 && o.y0 >= self.y0 && o.y1 <= self.y1
    }

    /// Grows (or with a negative amount shrinks) the rectangle on every side.
    pub fn inflate(&self, d: f64) -> Rect {
        Rect {
            x0: self.x0 - d,
            y0: self.y0 - d,
            x1: self.x1 + d,
            y1: self.y1 + d,
        }
    }

    pub fn intersection(&self, o: &Rect) -> Option<Rect> {
        let r = Rect {
            x0: self.x0.max(o.x0),
            y0: self.y0.max(o.y0),
            x1: self.x1.min(o.x1),
            y1: self.y1.min(o.y1),
        };
        (r.x0 < r.x1 && r.y0 < r.y1).then_some(r)
    }

    /// The point of the rectangle nearest to (x, y).
    pub fn nearest_point(&self, x: f64, y: f64) -> (f64, f64) {
        (clamp(x, self.x0, self.x1), clamp(y, self.y0, self.y1))
    }

    pub(crate) fn is_finite(&self) -> bool {
        self.x0.is_finite() && self.y0.is_finite() && self.x1.is_finite() && self.y1.is_finite()
    }
}

/// Stand-in plot rectangle for presets; the layout replaces it with the real one.
pub(crate) const UNIT_PLOT: Rect = Rect {
    x0: 0.0,
    y0: 0.0,
    x1: 100.0,
    y1: 100.0,
};

/// Horizontal text alignment within a box (and at its anchor).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HAlign {
    Left,
    Center,
    Right,
}

/// A single line of text and the box it occupies (width as measured, height one line).
#[derive(Clone, Debug, PartialEq)]
pub struct TextBox {
    pub text: String,
    pub rect: Rect,
    pub font_px: f64,
    pub align: HAlign,
}

impl TextBox {
    pub(crate) fn new(text: String, rect: Rect, font_px: f64, align: HAlign) -> TextBox {
        TextBox {
            text,
            rect,
            font_px,
            align,
        }
    }

    /// Where to anchor the text when drawing (vertical centre, aligned per `align`).
    pub fn anchor(&self) -> (f64, f64) {
        let y = (self.rect.y0 + self.rect.y1) / 2.0;
        let x = match self.align {
            HAlign::Left => self.rect.x0,
            HAlign::Center => (self.rect.x0 + self.rect.x1) / 2.0,
            HAlign::Right => self.rect.x1,
        };
        (x, y)
    }
}

/// A line segment in device pixels.
pub(crate) type Segment = ((f64, f64), (f64, f64));

/// Whether the segment passes through the interior of the rectangle.
pub(crate) fn segment_hits_rect(a: (f64, f64), b: (f64, f64), r: &Rect) -> bool {
    // Label placement asks this of every leader line for every candidate box, and most lines
    // lie wholly to one side of it: both ends on or past one edge never reach the interior.
    let beyond = (a.0 <= r.x0 && b.0 <= r.x0)
        || (a.0 >= r.x1 && b.0 >= r.x1)
        || (a.1 <= r.y0 && b.1 <= r.y0)
        || (a.1 >= r.y1 && b.1 >= r.y1);
    !beyond && clip_params(a, b, r, true).is_some()
}

pub(crate) fn segments_cross((a, b): Segment, (c, d): Segment) -> bool {
    let orient = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
        (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
    };
    let (d1, d2) = (orient(c, d, a), orient(c, d, b));
    let (d3, d4) = (orient(a, b, c), orient(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// sin(j pi/8) for j = 0..=4, as literals: the few directions the charts need (label rings,
/// rounded corners) are all multiples of 22.5 degrees, and a table keeps libm's sin/cos and
/// their argument reduction (about 7 KB) out of the wasm.
pub(crate) const SIN_PI8: [f64; 5] = [
    0.0,
    0.382_683_432_365_089_8,
    std::f64::consts::FRAC_1_SQRT_2,
    0.923_879_532_511_286_7,
    1.0,
];

/// (cos, sin) of `k` pi/8 for any whole `k`.
pub(crate) fn cos_sin_pi8(k: i32) -> (f64, f64) {
    let sin = |m: i32| {
        let m = m.rem_euclid(16) as usize;
        match m {
            0..=4 => SIN_PI8[m],
            5..=8 => SIN_PI8[8 - m],
            9..=12 => -SIN_PI8[m - 8],
            _ => -SIN_PI8[16 - m],
        }
    };
    (sin(k.wrapping_add(4)), sin(k))
}

/// Liang-Barsky: the parameter range `t0..t1` (0 at `a`, 1 at `b`) of segment a-b inside `r`.
/// With `interior`, touching the border does not count (a segment along an edge, or one that
/// only grazes a corner, gives `None`); without, the closed rectangle counts.
pub(crate) fn clip_params(
    a: (f64, f64),
    b: (f64, f64),
    r: &Rect,
    interior: bool,
) -> Option<(f64, f64)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - r.x0),
        (dx, r.x1 - a.0),
        (-dy, a.1 - r.y0),
        (dy, r.y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 || (interior && q == 0.0) {
                return None;
            }
        } else {
            // Comparisons rather than `max`/`min`, which the size-optimised build leaves as
            // calls to libm's fmax/fmin in this hot loop (the same for a NaN `t`: ignored).
            let t = q / p;
            if p < 0.0 {
                if t > t0 {
                    t0 = t;
                }
            } else if t < t1 {
                t1 = t;
            }
        }
    }
    let inside = if interior { t0 < t1 } else { t0 <= t1 };
    inside.then_some((t0, t1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cos_sin_pi8_matches_std() {
        for k in -40..=40 {
            let theta = f64::from(k) * std::f64::consts::PI / 8.0;
            let (c, s) = cos_sin_pi8(k);
            // std's argument k pi/8 is itself rounded, by up to half an ulp of theta.
            let tol = 4e-16 * (1.0 + theta.abs());
            assert!((c - theta.cos()).abs() < tol, "cos k {k}");
            assert!((s - theta.sin()).abs() < tol, "sin k {k}");
        }
        // The table's literals are the correctly rounded values.
        for (j, &v) in SIN_PI8.iter().enumerate() {
            let want = (j as f64 * std::f64::consts::PI / 8.0).sin();
            assert!((v - want).abs() <= f64::EPSILON * want, "j {j}");
        }
        for k in [i32::MIN, i32::MAX] {
            let (c, s) = cos_sin_pi8(k);
            assert!((c * c + s * s - 1.0).abs() < 1e-15);
        }
    }
}
