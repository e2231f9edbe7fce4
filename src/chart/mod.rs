//! The importance-performance quadrant chart (the report's Figures 4-6), pure: it knows device
//! pixels but never the DOM, and draws through any plotters `DrawingBackend` (canvas in the
//! browser, SVG natively).
//!
//! The flow is `ViewTransform` (what is visible) -> `layout_quadrant` (where everything goes,
//! labels placed without overlap) -> `draw_quadrant` (paint it) and `hit_test` (what is under the
//! pointer). Importance is the x axis (1-9), performance the y axis (1-5), as in the report.

mod draw;
pub mod hierarchy;
mod layout;
mod paint;
mod text;
mod ticks;
mod view;

pub use draw::{
    draw_quadrant, render_svg, DrawError, DrawOptions, FONT_FAMILY_EXPORT, FONT_FAMILY_UI,
};
pub use layout::{
    hit_test, layout_quadrant, AxisLayout, Crosshair, HAlign, LayoutError, Legend, LegendEntry,
    LegendKind, PlacedLabel, PlacedPoint, QuadrantLayout, QuadrantName, StrayWhisker, TextBox,
    Whisker,
};
pub use text::{arial_char_em, arial_measure, CachedMeasure, TextMeasure};
pub use ticks::{fmt_fixed, fmt_num, nice_ticks, Ticks};
pub use view::{Axis, Rect, ViewError, ViewTransform, MIN_SPAN, X_LIMITS, Y_LIMITS};

use crate::catalogue::{Category, Lang};

/// One role on the chart, in data units.
#[derive(Clone, Debug, PartialEq)]
pub struct QuadrantPoint {
    pub role: u8,
    pub importance: f64,
    pub performance: f64,
    /// Whisker ends on the importance axis (data units), e.g. mean ± SD or a 95 % CI.
    pub importance_err: Option<(f64, f64)>,
    /// Whisker ends on the performance axis.
    pub performance_err: Option<(f64, f64)>,
    pub category: Category,
    /// Full label, e.g. "4  Bringing stakeholders together"; the number-only fallback is `role`.
    pub label: String,
    /// Few answers behind this point: drawn hollow.
    pub small_n: bool,
}

/// Everything the chart shows, apart from the view.
#[derive(Clone, Debug, PartialEq)]
pub struct QuadrantScene {
    pub points: Vec<QuadrantPoint>,
    /// Where the quadrant dividing lines cross (importance, performance), e.g. (5, 3).
    pub crosshair: (f64, f64),
    pub lang: Lang,
    pub highlighted: Option<u8>,
    pub selected: Option<u8>,
}

/// Opaque white, for clearing a backend.
pub const WHITE_BACKEND: plotters_backend::BackendColor = plotters_backend::BackendColor {
    alpha: 1.0,
    rgb: (255, 255, 255),
};

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies and in greyscale
/// print (different lightness).
pub fn category_color(c: Category) -> Rgb {
    match c {
        Category::Strategic => Rgb(0x00, 0x72, 0xB2),
        Category::Operational => Rgb(0xD5, 0x5E, 0x00),
        Category::AllRound => Rgb(0x00, 0x9E, 0x73),
    }
}

/// Axis title for importance (x).
pub fn x_axis_title(lang: Lang) -> &'static str {
    crate::wording::X_AXIS_TITLE.get(lang)
}

/// Axis title for performance (y).
pub fn y_axis_title(lang: Lang) -> &'static str {
    crate::wording::Y_AXIS_TITLE.get(lang)
}

/// Legend text for hollow (few answers) markers.
pub fn small_n_note(lang: Lang) -> &'static str {
    crate::wording::FEW_ANSWERS.get(lang)
}
