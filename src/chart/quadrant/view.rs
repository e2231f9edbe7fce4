//! The view: which data ranges are visible and where the plot sits in device pixels.
//!
//! A `ViewTransform` is only ever constructed valid (finite, ordered, wide enough, within the
//! limits), and every interaction (zoom, pan, box zoom) clamps instead of failing, so the
//! interactive loop can never reach a state it cannot draw.

use thiserror::Error;

use crate::chart::geom::{Rect, UNIT_PLOT};
use crate::lean::number::{clamp, Num};

/// Importance axis limits: the 1-9 scale plus room for whiskers that overshoot it.
pub const X_LIMITS: (f64, f64) = (0.0, 10.0);
/// Performance axis limits: the 1-5 scale plus room for whiskers.
pub const Y_LIMITS: (f64, f64) = (0.0, 6.0);
/// Narrowest span a view may have on either axis (data units); below this, tick labels would
/// need more than two decimals and the chart stops being meaningful.
pub const MIN_SPAN: f64 = 0.05;

/// Which axis an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// Importance (horizontal).
    X,
    /// Performance (vertical).
    Y,
}

#[derive(Clone, Debug, PartialEq, Error)]
pub enum ViewError {
    #[error("{axis:?} range [{}, {}] is not finite", Num(*.lo), Num(*.hi))]
    NonFinite { axis: Axis, lo: f64, hi: f64 },
    #[error("{axis:?} range [{}, {}] is empty or inverted", Num(*.lo), Num(*.hi))]
    Inverted { axis: Axis, lo: f64, hi: f64 },
    #[error("{axis:?} range [{}, {}] is narrower than the minimum span {}", Num(*.lo), Num(*.hi), Num(*.min))]
    TooNarrow {
        axis: Axis,
        lo: f64,
        hi: f64,
        min: f64,
    },
    #[error("{axis:?} range [{}, {}] leaves the limits [{}, {}]", Num(*.lo), Num(*.hi), Num(*.limit_lo), Num(*.limit_hi))]
    OutOfLimits {
        axis: Axis,
        lo: f64,
        hi: f64,
        limit_lo: f64,
        limit_hi: f64,
    },
    #[error("plot rectangle ({}, {})-({}, {}) is not finite or smaller than 1 px", Num(*.x0), Num(*.y0), Num(*.x1), Num(*.y1))]
    BadPlotRect { x0: f64, y0: f64, x1: f64, y1: f64 },
}

/// Maps data (importance on x, performance on y) to device pixels in a plot rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewTransform {
    x: (f64, f64),
    y: (f64, f64),
    plot: Rect,
}

fn check_range(axis: Axis, (lo, hi): (f64, f64), (llo, lhi): (f64, f64)) -> Result<(), ViewError> {
    if !lo.is_finite() || !hi.is_finite() {
        return Err(ViewError::NonFinite { axis, lo, hi });
    }
    if lo >= hi {
        return Err(ViewError::Inverted { axis, lo, hi });
    }
    // A tiny tolerance so that ranges computed by clamping (hi - lo == MIN_SPAN up to rounding)
    // are accepted again.
    if hi - lo < MIN_SPAN * (1.0 - 1e-9) {
        return Err(ViewError::TooNarrow {
            axis,
            lo,
            hi,
            min: MIN_SPAN,
        });
    }
    if lo < llo - 1e-9 || hi > lhi + 1e-9 {
        return Err(ViewError::OutOfLimits {
            axis,
            lo,
            hi,
            limit_lo: llo,
            limit_hi: lhi,
        });
    }
    Ok(())
}

fn check_plot(r: Rect) -> Result<(), ViewError> {
    if !r.is_finite() || r.width() < 1.0 || r.height() < 1.0 {
        return Err(ViewError::BadPlotRect {
            x0: r.x0,
            y0: r.y0,
            x1: r.x1,
            y1: r.y1,
        });
    }
    Ok(())
}

/// Brings a range of any span back to a valid one: span between MIN_SPAN and the limit width,
/// shifted (not squeezed) into the limits so that panning against an edge keeps the zoom level.
fn clamp_range((lo, hi): (f64, f64), (llo, lhi): (f64, f64)) -> (f64, f64) {
    let span = clamp(hi - lo, MIN_SPAN, lhi - llo);
    let mid = (lo + hi) / 2.0;
    let mut lo = mid - span / 2.0;
    if lo < llo {
        lo = llo;
    }
    if lo + span > lhi {
        lo = lhi - span;
    }
    (lo, lo + span)
}

impl ViewTransform {
    /// A view of `x` (importance) by `y` (performance) data ranges drawn into `plot`.
    pub fn new(x: (f64, f64), y: (f64, f64), plot: Rect) -> Result<ViewTransform, ViewError> {
        check_range(Axis::X, x, X_LIMITS)?;
        check_range(Axis::Y, y, Y_LIMITS)?;
        check_plot(plot)?;
        Ok(ViewTransform { x, y, plot })
    }

    /// The full scales (importance 1-9, performance 1-5) with a small margin: the report's Figure 4.
    pub fn full() -> ViewTransform {
        ViewTransform {
            x: (0.6, 9.4),
            y: (0.8, 5.2),
            plot: UNIT_PLOT,
        }
    }

    /// The report's Figure 5: importance 4.5-9, performance 2.5-5.
    pub fn report() -> ViewTransform {
        ViewTransform {
            x: (4.5, 9.0),
            y: (2.5, 5.0),
            plot: UNIT_PLOT,
        }
    }

    /// The bounds of the points, whiskers included, padded by 6 % per side; `full()` when there
    /// is no finite point.
    pub fn fit<'a, I>(points: I) -> ViewTransform
    where
        I: IntoIterator<Item = &'a super::QuadrantPoint>,
    {
        let mut bx = (f64::INFINITY, f64::NEG_INFINITY);
        let mut by = (f64::INFINITY, f64::NEG_INFINITY);
        let grow = |b: &mut (f64, f64), v: f64| {
            if v.is_finite() {
                b.0 = b.0.min(v);
                b.1 = b.1.max(v);
            }
        };
        for p in points {
            if !p.importance.is_finite() || !p.performance.is_finite() {
                continue;
            }
            grow(&mut bx, p.importance);
            grow(&mut by, p.performance);
            if let Some((a, b)) = p.importance_err {
                grow(&mut bx, a);
                grow(&mut bx, b);
            }
            if let Some((a, b)) = p.performance_err {
                grow(&mut by, a);
                grow(&mut by, b);
            }
        }
        if bx.0 > bx.1 || by.0 > by.1 {
            return ViewTransform::full();
        }
        let pad = |(lo, hi): (f64, f64)| {
            let p = ((hi - lo) * 0.06).max(MIN_SPAN);
            (lo - p, hi + p)
        };
        ViewTransform {
            x: clamp_range(pad(bx), X_LIMITS),
            y: clamp_range(pad(by), Y_LIMITS),
            plot: UNIT_PLOT,
        }
    }

    /// The same data ranges drawn into another plot rectangle.
    pub fn with_plot_rect(&self, plot: Rect) -> Result<ViewTransform, ViewError> {
        check_plot(plot)?;
        Ok(ViewTransform { plot, ..*self })
    }

    pub fn x_range(&self) -> (f64, f64) {
        self.x
    }

    pub fn y_range(&self) -> (f64, f64) {
        self.y
    }

    pub fn plot_rect(&self) -> Rect {
        self.plot
    }

    /// Data to device pixels.
    pub fn to_px(&self, x: f64, y: f64) -> (f64, f64) {
        let p = &self.plot;
        (
            p.x0 + (x - self.x.0) / (self.x.1 - self.x.0) * p.width(),
            p.y1 - (y - self.y.0) / (self.y.1 - self.y.0) * p.height(),
        )
    }

    /// Device pixels to data.
    pub fn to_data(&self, px: f64, py: f64) -> (f64, f64) {
        let p = &self.plot;
        (
            self.x.0 + (px - p.x0) / p.width() * (self.x.1 - self.x.0),
            self.y.0 + (p.y1 - py) / p.height() * (self.y.1 - self.y.0),
        )
    }

    /// Whether a data point lies in the visible ranges (edges included).
    pub fn contains_data(&self, x: f64, y: f64) -> bool {
        x >= self.x.0 && x <= self.x.1 && y >= self.y.0 && y <= self.y.1
    }

    /// Zooms by `factor` (> 1 zooms in) around the device pixel (px, py), keeping the data point
    /// under it fixed unless a limit or the minimum span is hit. A non-finite or non-positive
    /// factor or position leaves the view unchanged.
    pub fn zoom_at(&self, px: f64, py: f64, factor: f64) -> ViewTransform {
        self.zoom_xy_at(px, py, factor, factor)
    }

    /// Like `zoom_at` with separate factors per axis (e.g. for axis-only zoom).
    pub fn zoom_xy_at(&self, px: f64, py: f64, fx: f64, fy: f64) -> ViewTransform {
        let ok = |f: f64| f.is_finite() && f > 0.0;
        if !ok(fx) || !ok(fy) || !px.is_finite() || !py.is_finite() {
            return *self;
        }
        let (dx, dy) = self.to_data(px, py);
        let zoom = |(lo, hi): (f64, f64), d: f64, f: f64, lim: (f64, f64)| {
            let span = clamp((hi - lo) / f, MIN_SPAN, lim.1 - lim.0);
            // The anchor keeps its relative position in the window.
            let t = (d - lo) / (hi - lo);
            let lo = d - t * span;
            clamp_range((lo, lo + span), lim)
        };
        ViewTransform {
            x: zoom(self.x, dx, fx, X_LIMITS),
            y: zoom(self.y, dy, fy, Y_LIMITS),
            plot: self.plot,
        }
    }

    /// Moves the content by (dx, dy) device pixels, as when dragging it; stops at the limits.
    pub fn pan_px(&self, dx: f64, dy: f64) -> ViewTransform {
        if !dx.is_finite() || !dy.is_finite() {
            return *self;
        }
        let sx = (self.x.1 - self.x.0) / self.plot.width();
        let sy = (self.y.1 - self.y.0) / self.plot.height();
        let ddx = -dx * sx;
        let ddy = dy * sy;
        ViewTransform {
            x: clamp_range((self.x.0 + ddx, self.x.1 + ddx), X_LIMITS),
            y: clamp_range((self.y.0 + ddy, self.y.1 + ddy), Y_LIMITS),
            plot: self.plot,
        }
    }

    /// Zooms to the data under a rubber-band box given by two device-pixel corners; a box
    /// thinner than the minimum span grows around its centre.
    pub fn box_zoom(&self, px0: f64, py0: f64, px1: f64, py1: f64) -> ViewTransform {
        if ![px0, py0, px1, py1].iter().all(|v| v.is_finite()) {
            return *self;
        }
        let (xa, ya) = self.to_data(px0, py0);
        let (xb, yb) = self.to_data(px1, py1);
        ViewTransform {
            x: clamp_range((xa.min(xb), xa.max(xb)), X_LIMITS),
            y: clamp_range((ya.min(yb), ya.max(yb)), Y_LIMITS),
            plot: self.plot,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamp_shifts_instead_of_squeezing() {
        // A 2-wide window pushed past the right limit 10 keeps its width: [8, 10].
        assert_eq!(clamp_range((9.0, 11.0), X_LIMITS), (8.0, 10.0));
        // Wider than the limits: the limits themselves.
        assert_eq!(clamp_range((-5.0, 20.0), Y_LIMITS), (0.0, 6.0));
    }
}
