//! The importance-performance quadrant chart (the report's Figures 4-6). Importance is the x
//! axis (1-9), performance the y axis (1-5), as in the report.
//!
//! `ViewTransform` (what is visible) -> `layout_quadrant` (frame, axes, points; `labels` places
//! the labels without overlap) -> `draw_quadrant` (paint it) and `hit_test`.

mod draw;
mod labels;
mod layout;
mod view;

pub use draw::{draw_quadrant, render_svg};
pub use layout::{
    hit_test, layout_quadrant, AxisLayout, Crosshair, Legend, LegendEntry, LegendKind, PlacedArrow,
    PlacedLabel, PlacedPoint, QuadrantLayout, QuadrantName, StrayWhisker, Whisker,
};
pub use view::{Axis, ViewError, ViewTransform, MIN_SPAN, X_LIMITS, Y_LIMITS};

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
    /// Two groups compared: the points are the second group's, each joined by an arrow from
    /// the first group's position.
    pub compare: Option<CompareScene>,
}

/// A comparison of two groups A and B, in data units.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareScene {
    /// The two groups as the legend names them.
    pub names: [String; 2],
    /// One per role both groups answered.
    pub arrows: Vec<CompareArrow>,
    /// Roles whose quadrant differs between the groups: their B marker gets a ring.
    pub quadrant_changes: Vec<u8>,
}

/// A role's move from group A (importance, performance) to group B.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CompareArrow {
    pub role: u8,
    pub from: (f64, f64),
    pub to: (f64, f64),
    /// The 95% interval of the difference excludes zero on either scale: drawn solid.
    pub clear: bool,
}

impl CompareArrow {
    /// B performs at least as well as A on this role (the arrow's colour).
    pub fn better(&self) -> bool {
        self.to.1 >= self.from.1
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
