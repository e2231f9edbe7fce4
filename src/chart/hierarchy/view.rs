//! The map-like view of the hierarchy: a uniform zoom (1 = the whole diagram fits) around a
//! centre given as a fraction of the diagram, so a resize keeps what is in view.
//!
//! Like `ViewTransform`, a `HierView` is only ever valid: the constructor checks, and zoom, pan
//! and box zoom clamp instead of failing. The quadrant's `ViewTransform` is not reused because
//! its two independent data axes would allow a non-uniform zoom, which would distort the boxes.

use thiserror::Error;

use crate::chart::geom::UNIT_PLOT;
use crate::chart::Rect;
use crate::lean::number::{clamp, Num};

/// Deepest zoom: boxes 8 times their fitted size are large enough for every label.
pub const MAX_ZOOM: f64 = 8.0;

#[derive(Clone, Debug, PartialEq, Error)]
pub enum HierViewError {
    #[error("zoom {} is not within 1..={}", Num(*.zoom), Num(*.max))]
    Zoom { zoom: f64, max: f64 },
    #[error("centre ({}, {}) is not finite", Num(*.cx), Num(*.cy))]
    Centre { cx: f64, cy: f64 },
    #[error("plot rectangle ({}, {})-({}, {}) is not finite or smaller than 1 px", Num(*.x0), Num(*.y0), Num(*.x1), Num(*.y1))]
    BadPlotRect { x0: f64, y0: f64, x1: f64, y1: f64 },
}

/// Which part of the diagram is visible, and where the diagram's area sits in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HierView {
    zoom: f64,
    /// Centre of the view as a fraction (0-1) of the diagram's width and height.
    cx: f64,
    cy: f64,
    plot: Rect,
}

fn plot_ok(r: &Rect) -> bool {
    [r.x0, r.y0, r.x1, r.y1].iter().all(|v| v.is_finite()) && r.width() >= 1.0 && r.height() >= 1.0
}

/// The centre coordinate that keeps a window of 1/zoom inside 0..1.
fn clamp_centre(c: f64, zoom: f64) -> f64 {
    let half = 0.5 / zoom;
    clamp(c, half, 1.0 - half)
}

fn ease_in_out(t: f64) -> f64 {
    let t = clamp(t, 0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

impl Default for HierView {
    fn default() -> Self {
        HierView::fit()
    }
}

impl HierView {
    /// The whole diagram.
    pub fn fit() -> HierView {
        HierView {
            zoom: 1.0,
            cx: 0.5,
            cy: 0.5,
            plot: UNIT_PLOT,
        }
    }

    /// A view at `zoom` (1..=MAX_ZOOM) centred on (cx, cy) (fractions of the diagram); the
    /// centre is moved inward so the view stays on the diagram.
    pub fn new(zoom: f64, cx: f64, cy: f64) -> Result<HierView, HierViewError> {
        if !zoom.is_finite() || !(1.0 - 1e-9..=MAX_ZOOM + 1e-9).contains(&zoom) {
            return Err(HierViewError::Zoom {
                zoom,
                max: MAX_ZOOM,
            });
        }
        if !cx.is_finite() || !cy.is_finite() {
            return Err(HierViewError::Centre { cx, cy });
        }
        let zoom = clamp(zoom, 1.0, MAX_ZOOM);
        Ok(HierView {
            zoom,
            cx: clamp_centre(cx, zoom),
            cy: clamp_centre(cy, zoom),
            plot: UNIT_PLOT,
        })
    }

    /// The same view drawn into another rectangle.
    pub fn with_plot_rect(&self, plot: Rect) -> Result<HierView, HierViewError> {
        if !plot_ok(&plot) {
            return Err(HierViewError::BadPlotRect {
                x0: plot.x0,
                y0: plot.y0,
                x1: plot.x1,
                y1: plot.y1,
            });
        }
        Ok(HierView { plot, ..*self })
    }

    pub fn zoom(&self) -> f64 {
        self.zoom
    }

    pub fn centre(&self) -> (f64, f64) {
        (self.cx, self.cy)
    }

    pub fn plot_rect(&self) -> Rect {
        self.plot
    }

    /// Diagram coordinates (fractions 0-1) to device pixels.
    pub fn to_px(&self, u: f64, v: f64) -> (f64, f64) {
        let p = &self.plot;
        let (mx, my) = p.center();
        (
            mx + (u - self.cx) * p.width() * self.zoom,
            my + (v - self.cy) * p.height() * self.zoom,
        )
    }

    /// Device pixels to diagram coordinates.
    pub fn to_diagram(&self, px: f64, py: f64) -> (f64, f64) {
        let p = &self.plot;
        let (mx, my) = p.center();
        (
            self.cx + (px - mx) / (p.width() * self.zoom),
            self.cy + (py - my) / (p.height() * self.zoom),
        )
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the diagram point under (px, py) fixed unless a
    /// limit is hit; bad input leaves the view unchanged.
    pub fn zoom_at(&self, px: f64, py: f64, factor: f64) -> HierView {
        if !factor.is_finite() || factor <= 0.0 || !px.is_finite() || !py.is_finite() {
            return *self;
        }
        let (u, v) = self.to_diagram(px, py);
        let zoom = clamp(self.zoom * factor, 1.0, MAX_ZOOM);
        let (mx, my) = self.plot.center();
        let cx = u - (px - mx) / (self.plot.width() * zoom);
        let cy = v - (py - my) / (self.plot.height() * zoom);
        HierView {
            zoom,
            cx: clamp_centre(cx, zoom),
            cy: clamp_centre(cy, zoom),
            plot: self.plot,
        }
    }

    /// Moves the content by (dx, dy) device pixels, as when dragging it.
    pub fn pan_px(&self, dx: f64, dy: f64) -> HierView {
        if !dx.is_finite() || !dy.is_finite() {
            return *self;
        }
        let cx = self.cx - dx / (self.plot.width() * self.zoom);
        let cy = self.cy - dy / (self.plot.height() * self.zoom);
        HierView {
            cx: clamp_centre(cx, self.zoom),
            cy: clamp_centre(cy, self.zoom),
            ..*self
        }
    }

    /// Zooms so the device-pixel box between two corners fills the view (the zoom stays
    /// uniform, so the box's longer side relative to the view decides).
    pub fn box_zoom(&self, px0: f64, py0: f64, px1: f64, py1: f64) -> HierView {
        if ![px0, py0, px1, py1].iter().all(|v| v.is_finite()) {
            return *self;
        }
        let (u0, v0) = self.to_diagram(px0, py0);
        let (u1, v1) = self.to_diagram(px1, py1);
        self.frame_diagram(u0.min(u1), v0.min(v1), u0.max(u1), v0.max(v1), 1.0)
    }

    /// The view that shows the diagram rectangle (fractions) with `margin` (>= 1) around it.
    pub fn frame_diagram(&self, u0: f64, v0: f64, u1: f64, v1: f64, margin: f64) -> HierView {
        let w = (u1 - u0).abs().max(1e-9);
        let h = (v1 - v0).abs().max(1e-9);
        let zoom = clamp(
            (1.0 / (w * margin.max(1.0))).min(1.0 / (h * margin.max(1.0))),
            1.0,
            MAX_ZOOM,
        );
        let zoom = if zoom.is_finite() { zoom } else { 1.0 };
        HierView {
            zoom,
            cx: clamp_centre((u0 + u1) / 2.0, zoom),
            cy: clamp_centre((v0 + v1) / 2.0, zoom),
            plot: self.plot,
        }
    }
}

/// The view a fraction `t` (0-1, eased in and out) of the way from `a` to `b`, for animating
/// transitions frame by frame: the zoom moves geometrically (a steady feel of speed), the
/// centre linearly; the plot rectangle is `b`'s. `lerp(a, b, 0) == a` and `lerp(a, b, 1) == b`
/// apart from the plot rectangle.
pub fn lerp(a: &HierView, b: &HierView, t: f64) -> HierView {
    let s = if t.is_finite() { ease_in_out(t) } else { 1.0 };
    if s <= 0.0 {
        return HierView { plot: b.plot, ..*a };
    }
    if s >= 1.0 {
        return *b;
    }
    let zoom = clamp(
        (a.zoom.ln() + (b.zoom.ln() - a.zoom.ln()) * s).exp(),
        1.0,
        MAX_ZOOM,
    );
    HierView {
        zoom,
        cx: clamp_centre(a.cx + (b.cx - a.cx) * s, zoom),
        cy: clamp_centre(a.cy + (b.cy - a.cy) * s, zoom),
        plot: b.plot,
    }
}
