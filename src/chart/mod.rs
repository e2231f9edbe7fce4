//! The two charts, pure: they know device pixels but never the DOM, and draw through any
//! plotters `DrawingBackend` (canvas in the browser, SVG natively).
//!
//! - `quadrant/`: the importance-performance chart (the report's Figures 4-6);
//! - `hierarchy/`: the spearhead-roles diagram (Figure 3);
//! - shared by both: `geom` (rectangles, text boxes, clipping, directions), `theme` (spacing and
//!   type sizes, `Metrics`), `text` (measuring), `ticks` (numbers), `paint` (drawing primitives
//!   over a backend), `error`.
//!
//! Each chart flows the same way: a view value (what is visible) -> a layout function (where
//! everything goes) -> a draw function (paint it) and a hit test (what is under the pointer).

mod error;
mod geom;
pub mod hierarchy;
mod paint;
pub mod quadrant;
mod text;
mod theme;
mod ticks;

pub use error::{DrawError, LayoutError};
pub use geom::{HAlign, Rect, TextBox};
pub use paint::{Backend, DrawOptions, FONT_FAMILY_EXPORT, FONT_FAMILY_UI};
pub use quadrant::{
    draw_quadrant, hit_test, layout_quadrant, render_svg, Axis, AxisLayout, CompareArrow,
    CompareScene, Crosshair, Legend, LegendEntry, LegendKind, PlacedArrow, PlacedLabel,
    PlacedPoint, QuadrantLayout, QuadrantName, QuadrantPoint, QuadrantScene, StrayWhisker,
    ViewError, ViewTransform, Whisker, MIN_SPAN, X_LIMITS, Y_LIMITS,
};
pub use text::{arial_char_em, arial_measure, CachedMeasure, TextMeasure};
pub use theme::{
    Metrics, Palette, Screen, TextScale, Theme, ThemeKind, MIN_TEXT_CSS, TEXT_SCALE_RANGE,
};
pub use ticks::{fmt_fixed, fmt_num, nice_ticks, Ticks};

use crate::catalogue::Category;

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
