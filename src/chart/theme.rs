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

/// How large the chart's type and marks are: a fixed factor of the theme, or chosen from how
/// large the element is on screen (`auto`: a presenter's slide or fullscreen gets larger type).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum TextScale {
    #[default]
    Auto,
    Fixed(f64),
}

/// The factors a `text-scale` may take: below, labels are unreadable; above, a few fill the plot.
pub const TEXT_SCALE_RANGE: (f64, f64) = (0.5, 4.0);

/// Where the element is shown, in CSS px of the page's viewport (what the reader sees): the
/// element's on-screen height, and the height of the viewport (the screen, in fullscreen).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Screen {
    pub onscreen_height: f64,
    pub viewport_height: f64,
}

impl TextScale {
    /// The factor for an element laid out `height_css` tall and shown on `screen`. `Auto` keeps
    /// the theme as it is on an ordinary page, and once the element fills most of the viewport
    /// (a slide, fullscreen: a room reads it) grows role labels' line boxes to a fiftieth of
    /// the viewport's height on screen (20 px at 1080p), as a presenter's slide text is.
    pub fn factor(self, height_css: f64, screen: Screen) -> f64 {
        let (lo, hi) = TEXT_SCALE_RANGE;
        match self {
            TextScale::Fixed(f) => crate::lean::number::clamp(f, lo, hi),
            TextScale::Auto => {
                let Screen {
                    onscreen_height: on,
                    viewport_height: vp,
                } = screen;
                let ok = |v: f64| v.is_finite() && v > 0.0;
                if !(ok(on) && ok(vp) && ok(height_css)) || on < 0.55 * vp {
                    return 1.0;
                }
                // CSS px of the page per CSS px of the element (a slide's transform).
                let shown = on / height_css;
                let t = Theme::default();
                let line_on_screen = t.label_font * t.line * shown;
                crate::lean::number::clamp((vp / 50.0) / line_on_screen, 1.0, hi)
            }
        }
    }
}
