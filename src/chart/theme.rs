//! Spacing and type sizes both charts read, in CSS pixels, and `Metrics`: a theme at a
//! device-pixel ratio, which turns them into device pixels. One value, so that larger type (a
//! presenter's screen) or another look is one change here rather than constants in each layout.
//! What only one chart has (marker radii, the hierarchy's level weights) stays in its layout.

/// Sizes in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    /// Body text: axis titles, legends, hierarchy boxes.
    pub font: f64,
    /// Tick labels and the quadrant chart's small print.
    pub tick_font: f64,
    /// Role labels next to their points, and quadrant names.
    pub label_font: f64,
    /// A role label cut to its number.
    pub number_font: f64,
    /// The hierarchy's legend and collapse-button counts.
    pub small_font: f64,
    /// Line height as a multiple of the font size.
    pub line: f64,
    /// Outer margin of the quadrant chart.
    pub pad: f64,
    /// Outer margin of the hierarchy, and the gap between its boxes (a diagram needs its room).
    pub pad_tight: f64,
    /// The smallest plot either chart still draws.
    pub min_plot: f64,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            font: 12.0,
            tick_font: 11.0,
            label_font: 11.5,
            number_font: 11.0,
            small_font: 10.5,
            line: 1.25,
            pad: 12.0,
            pad_tight: 8.0,
            min_plot: 60.0,
        }
    }
}

/// A theme at a device-pixel ratio: what the layouts measure with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    pub dpr: f64,
    pub theme: Theme,
}

impl Metrics {
    pub fn new(dpr: f64) -> Metrics {
        Metrics {
            dpr,
            theme: Theme::default(),
        }
    }

    /// CSS px to device px.
    pub fn px(&self, css: f64) -> f64 {
        css * self.dpr
    }

    /// Line height in device px of a font of `font_css` CSS px.
    pub fn line(&self, font_css: f64) -> f64 {
        self.px(font_css) * self.theme.line
    }
}
