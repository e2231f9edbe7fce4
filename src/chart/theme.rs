//! Spacing and type sizes both charts read, in CSS pixels, and `Metrics`: a theme at a
//! device-pixel ratio, which turns them into device pixels. One value, so that larger type (a
//! presenter's screen) or another look is one change here rather than constants in each layout.
//! What only one chart has (marker radii, the hierarchy's level weights) stays in its layout.

/// The smallest text either chart draws at text scale 1, in CSS px: Chartability's minimum
/// (12 px / 9 pt, its critical test "small text size"). `tests/small_text.rs` holds every text
/// box of both charts to it.
pub const MIN_TEXT_CSS: f64 = 12.0;

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
            // Nothing below MIN_TEXT_CSS (Chartability's "small text"); the body a step above it,
            // so a hierarchy box can still step its type down once before it shortens a name.
            font: 13.0,
            tick_font: MIN_TEXT_CSS,
            label_font: MIN_TEXT_CSS,
            number_font: MIN_TEXT_CSS,
            small_font: MIN_TEXT_CSS,
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

/// Where the element is shown: its height on screen (CSS px of the page's viewport, what the
/// reader sees) and in its own CSS px (they differ under a transform, a slide's scale), and the
/// width and height of the viewport (the screen, in fullscreen). The element's height, not the
/// plot's: the host's size never depends on its content (`contain: size`), while the plot's
/// does (the badge and the number key below it grow with the text scale), so a plot-based
/// choice fed back into itself; at 1920x1080 the demo's hierarchy flipped between two scales
/// every frame and never showed. `font` is the reader's or the page's font size as a factor of
/// 16 px (the larger of the element's and the root's computed font-size, / 16; 0 when unknown):
/// a reader who sets a larger default font gets larger chart text (Chartability's "user style
/// change"). Below 1 it counts as 1, so a page's small body text never takes the canvas under
/// its minimum.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Screen {
    pub onscreen_height: f64,
    pub layout_height: f64,
    pub viewport_width: f64,
    pub viewport_height: f64,
    pub font: f64,
}

impl TextScale {
    /// The factor for an element shown on `screen`: the user's font factor (`Screen::font`)
    /// times a fixed `text-scale`; or, for `Auto`, that factor on an ordinary page, and once the
    /// element fills most of a landscape viewport (`FILLS_VIEWPORT`: a slide, fullscreen, a room
    /// reads it) grows role labels' line boxes to a fiftieth of the viewport's height on screen
    /// (20 px at 1080p), as a presenter's slide text is. Not on a portrait screen: that is a
    /// phone in the hand, where a chart filling the screen is the usual case and larger type
    /// only cut more names (the demo's hierarchy at 390x844 showed "Str…" for "Strategy &…").
    pub fn factor(self, screen: Screen) -> f64 {
        let (lo, hi) = TEXT_SCALE_RANGE;
        let Screen {
            onscreen_height: on,
            layout_height,
            viewport_width: vw,
            viewport_height: vp,
            font,
        } = screen;
        let user = if font.is_finite() && font > 1.0 {
            font.min(hi)
        } else {
            1.0
        };
        match self {
            TextScale::Fixed(f) => crate::lean::number::clamp(f * user, lo, hi),
            TextScale::Auto => {
                let ok = |v: f64| v.is_finite() && v > 0.0;
                if !(ok(on) && ok(vp) && ok(layout_height)) || on < FILLS_VIEWPORT * vp || vw < vp {
                    return user;
                }
                // CSS px of the page per CSS px of the element (a slide's transform).
                let shown = on / layout_height;
                let t = Theme::default();
                let line_on_screen = t.label_font * t.line * shown;
                crate::lean::number::clamp((vp / 50.0) / line_on_screen, user, hi)
            }
        }
    }
}

/// The share of the viewport's height an element must fill for `auto` to read it as a slide or
/// fullscreen. Of the whole element, controls and table included, so higher than the plot's
/// 0.55 it replaced: a chart under a slide's title fills about 0.75 (the reveal.js fixture:
/// 540 of a 700 px slide), fullscreen 1; a 680 px element on a 1080 px screen (0.63) is an
/// ordinary page's chart, and the default 480 px one is one wherever slide text would be larger
/// (a viewport over 750 px: below, a fiftieth of it is under the theme's 15 px line boxes).
const FILLS_VIEWPORT: f64 = 0.65;

use crate::chart::Rgb;

/// The colours both charts paint with (issue 11: dark pages and forced colours). Data colours
/// (category markers, the hierarchy's ramps) are the same in every palette: they carry meaning;
/// node text picks black or white against its fill (`hierarchy::color::text_on`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: Rgb,
    /// Titles, labels, legend text, emphasis rings.
    pub ink: Rgb,
    /// Tick labels, and the small-n legend ring.
    pub tick_ink: Rgb,
    pub grid: Rgb,
    pub axis: Rgb,
    /// The crosshair lines and their value labels.
    pub crosshair: Rgb,
    /// Quadrant names (over the tints).
    pub quad_ink: Rgb,
    /// Quadrant tints: keep up, overkill, low priority, concentrate.
    pub tints: [Rgb; 4],
    pub whisker: Rgb,
    pub leader: Rgb,
    /// Hierarchy: edges, box borders, the frame around collapsed groups, and muted text (toggles,
    /// legend ticks).
    pub edge: Rgb,
    pub border: Rgb,
    pub frame_border: Rgb,
    pub muted: Rgb,
}

impl Palette {
    pub const LIGHT: Palette = Palette {
        background: Rgb(255, 255, 255),
        ink: Rgb(0x22, 0x22, 0x22),
        tick_ink: Rgb(0x5f, 0x5f, 0x5f),
        grid: Rgb(0xdc, 0xdc, 0xdc),
        axis: Rgb(0x44, 0x44, 0x44),
        crosshair: Rgb(0x6e, 0x6e, 0x6e),
        quad_ink: Rgb(0x5f, 0x5f, 0x5f),
        // Important-and-good a cool green-grey, essential-but-short a warm tint that draws the
        // eye, the two less important quadrants near-neutral.
        tints: [
            Rgb(0xee, 0xf4, 0xf1),
            Rgb(0xf3, 0xf3, 0xf6),
            Rgb(0xf6, 0xf6, 0xf6),
            Rgb(0xfb, 0xef, 0xe6),
        ],
        whisker: Rgb(0xb8, 0xb8, 0xb8),
        leader: Rgb(0x8c, 0x8c, 0x8c),
        edge: Rgb(0x8a, 0x92, 0x9b),
        border: Rgb(0xa7, 0xae, 0xb6),
        frame_border: Rgb(0xc9, 0xce, 0xd3),
        muted: Rgb(0x5f, 0x66, 0x6d),
    };

    pub const DARK: Palette = Palette {
        background: Rgb(0x16, 0x1b, 0x22),
        ink: Rgb(0xe6, 0xed, 0xf3),
        tick_ink: Rgb(0xa8, 0xb1, 0xbb),
        grid: Rgb(0x30, 0x36, 0x3d),
        axis: Rgb(0xb0, 0xb8, 0xc0),
        crosshair: Rgb(0xa0, 0xa8, 0xb2),
        quad_ink: Rgb(0xa8, 0xb1, 0xbb),
        tints: [
            Rgb(0x17, 0x2b, 0x22),
            Rgb(0x20, 0x21, 0x2c),
            Rgb(0x1c, 0x20, 0x26),
            Rgb(0x33, 0x24, 0x18),
        ],
        whisker: Rgb(0x55, 0x5d, 0x66),
        leader: Rgb(0x7d, 0x86, 0x90),
        edge: Rgb(0x7d, 0x86, 0x90),
        border: Rgb(0x6e, 0x76, 0x81),
        frame_border: Rgb(0x44, 0x4c, 0x56),
        muted: Rgb(0xa8, 0xb1, 0xbb),
    };

    /// Forced colours (a high-contrast system theme): only the system's text colour on its
    /// background, with grey for the grid. `fg`/`bg` are black and white in some order.
    const fn contrast(fg: Rgb, bg: Rgb, grey: Rgb) -> Palette {
        Palette {
            background: bg,
            ink: fg,
            tick_ink: fg,
            grid: grey,
            axis: fg,
            crosshair: fg,
            quad_ink: fg,
            tints: [bg, bg, bg, bg],
            whisker: grey,
            leader: fg,
            edge: fg,
            border: fg,
            frame_border: fg,
            muted: fg,
        }
    }
    pub const CONTRAST_LIGHT: Palette =
        Palette::contrast(Rgb(0, 0, 0), Rgb(255, 255, 255), Rgb(0x76, 0x76, 0x76));
    pub const CONTRAST_DARK: Palette =
        Palette::contrast(Rgb(255, 255, 255), Rgb(0, 0, 0), Rgb(0x60, 0x60, 0x60));

    /// The tint of a quadrant code (the background for anything else).
    pub fn tint(&self, code: &str) -> Rgb {
        match code {
            "keep_up" => self.tints[0],
            "overkill" => self.tints[1],
            "low_priority" => self.tints[2],
            "concentrate" => self.tints[3],
            _ => self.background,
        }
    }
}

/// The `theme` setting as wasm receives it: the element resolves `auto` (page colour scheme and
/// the reader's preference) and forced colours before passing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ThemeKind {
    #[default]
    Light,
    Dark,
    ContrastLight,
    ContrastDark,
}

impl ThemeKind {
    pub fn palette(self) -> &'static Palette {
        match self {
            ThemeKind::Light => &Palette::LIGHT,
            ThemeKind::Dark => &Palette::DARK,
            ThemeKind::ContrastLight => &Palette::CONTRAST_LIGHT,
            ThemeKind::ContrastDark => &Palette::CONTRAST_DARK,
        }
    }
}
