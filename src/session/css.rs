//! The last frame's geometry in CSS pixels, as the element exposes it (`el.layout`): for tests,
//! and for pages that overlay the chart.

use serde::Serialize;

use crate::chart::Rect;

#[derive(Clone, Copy, Debug, Serialize)]
pub struct RectCss {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl RectCss {
    /// A device-pixel rectangle in CSS px.
    pub fn from_px(r: &Rect, dpr: f64) -> RectCss {
        RectCss {
            x: r.x0 / dpr,
            y: r.y0 / dpr,
            w: r.width() / dpr,
            h: r.height() / dpr,
        }
    }
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct ViewCss {
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct PointCss {
    pub role: u8,
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct LabelCss {
    pub role: u8,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub number_only: bool,
    pub leader: bool,
}

/// A comparison arrow in CSS px: from group A's position (x0, y0) to B's (x1, y1); `segment`
/// is the drawn part (kept off both markers, clipped to the plot), absent when out of view.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct ArrowCss {
    pub role: u8,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub clear: bool,
    pub better: bool,
    pub segment: Option<[f64; 4]>,
}

/// A laid-out hierarchy node in CSS px, with the text lines drawn in it.
#[derive(Clone, Debug, Serialize)]
pub struct NodeCss {
    pub id: u32,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub font_css: f64,
    pub lines: Vec<String>,
    pub line_boxes: Vec<RectCss>,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct EdgeCss {
    pub from: u32,
    pub to: u32,
    pub primary: bool,
}

/// The geometry of the last frame in CSS pixels (see `Session::layout_css`). `points` and
/// `labels` are the quadrant chart's, `nodes`, `edges` and `breadcrumb` the hierarchy's; the
/// other chart's lists are empty.
#[derive(Debug, Serialize)]
pub struct LayoutCss {
    pub width_css: f64,
    pub height_css: f64,
    pub dpr: f64,
    pub plot: RectCss,
    pub view: ViewCss,
    pub points: Vec<PointCss>,
    pub labels: Vec<LabelCss>,
    /// The quadrant chart's comparison arrows (empty without `compare`).
    pub arrows: Vec<ArrowCss>,
    pub nodes: Vec<NodeCss>,
    pub edges: Vec<EdgeCss>,
    pub breadcrumb: Vec<String>,
    /// Hovered and selected items, as JS numbers (see `Item::to_js`).
    pub highlighted: Option<u32>,
    pub selected: Option<u32>,
}
