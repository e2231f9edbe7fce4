//! Drawing primitives shared by the quadrant chart and the hierarchy: colours, strokes and a text
//! style with an explicit anchor, so no backend is ever asked to measure text.

use crate::chart::theme::{Palette, ThemeKind};
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle, FontTransform,
};

use super::geom::{clip_params, HAlign, Rect, Segment, TextBox};
use super::{DrawError, Rgb};

/// Font stack for the browser canvas (measure with the same stack).
pub const FONT_FAMILY_UI: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
/// Font stack for SVG export: Arial-metric fonts, matching the native `arial_measure`.
pub const FONT_FAMILY_EXPORT: &str = "Arial, 'Liberation Sans', Helvetica, sans-serif";

/// Backend-specific text settings.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawOptions {
    pub font_family: String,
    /// plotters' SVG backend writes `font-size` as size / 1.24 while the canvas backend uses the
    /// size as is; this factor undoes that so text comes out at the laid-out pixel size.
    pub font_scale: f64,
    /// The colours (light unless the session's `theme` says otherwise).
    pub palette: Palette,
}

impl DrawOptions {
    /// For plotters-canvas.
    pub fn canvas() -> DrawOptions {
        DrawOptions {
            font_family: FONT_FAMILY_UI.to_string(),
            font_scale: 1.0,
            palette: Palette::LIGHT,
        }
    }

    /// For plotters' SVGBackend.
    pub fn svg() -> DrawOptions {
        DrawOptions {
            font_family: FONT_FAMILY_EXPORT.to_string(),
            font_scale: 1.24,
            palette: Palette::LIGHT,
        }
    }

    /// These options with `theme`'s colours.
    pub fn themed(self, theme: ThemeKind) -> DrawOptions {
        DrawOptions {
            palette: *theme.palette(),
            ..self
        }
    }
}

pub(crate) fn color(c: Rgb, alpha: f64) -> BackendColor {
    BackendColor {
        alpha,
        rgb: (c.0, c.1, c.2),
    }
}

pub(crate) struct Stroke {
    pub color: BackendColor,
    pub width: u32,
}

/// A drawing backend, with what a backend may draw better itself than through plotters'
/// primitives. Each method's default says no, and the painter draws with the primitives, so
/// every backend shows the same marks.
pub trait Backend: DrawingBackend {
    /// A dashed straight line from `a` to `b`: dashes `dash.0` long with `dash.1` gaps, the
    /// pattern `offset` into its period at `a`. The canvas strokes it at once (`setLineDash`),
    /// where the painter fills a rectangle per dash: ~170 calls into JS per quadrant frame for
    /// the crosshair at a pixel ratio of 2.
    fn dashed_line<S: BackendStyle>(
        &mut self,
        _a: BackendCoord,
        _b: BackendCoord,
        _style: &S,
        _dash: (f64, f64),
        _offset: f64,
    ) -> Option<Result<(), DrawingErrorKind<Self::ErrorType>>> {
        None
    }

    /// The font size the backend's text is set in now, if it keeps one from frame to frame
    /// (the canvas does): a chart may draw that size's text first.
    fn font_px(&self) -> Option<f64> {
        None
    }
}

impl Backend for plotters::backend::SVGBackend<'_> {}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

pub(crate) fn stroke(c: Rgb, alpha: f64, width_px: f64) -> Stroke {
    Stroke {
        color: color(c, alpha),
        width: width_px.round().max(1.0) as u32,
    }
}

#[derive(Debug, thiserror::Error)]
#[error("this chart draws text only through vector backends")]
pub struct NoRasterFont;

/// A text style that carries font, size, colour and anchor; vector backends (SVG, canvas) use
/// these directly. Pixel backends would get no glyphs, which is fine: the charts only target the
/// two vector backends.
pub(crate) struct Font<'a> {
    pub family: &'a str,
    pub size: f64,
    pub color: BackendColor,
    pub anchor: Pos,
    pub bold: bool,
}

impl BackendTextStyle for Font<'_> {
    type FontError = NoRasterFont;

    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn transform(&self) -> FontTransform {
        FontTransform::None
    }
    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(self.family)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        let w = (text.chars().count() as f64 * self.size * 0.55) as i32;
        Ok(((0, 0), (w, self.size as i32)))
    }
    fn draw<E, DrawFunc: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: DrawFunc,
    ) -> Result<Result<(), E>, Self::FontError> {
        Err(NoRasterFont)
    }
}

pub(crate) fn pt(x: f64, y: f64) -> BackendCoord {
    (x.round() as i32, y.round() as i32)
}

/// The part of segment a-b inside `r`.
fn clip_segment(a: (f64, f64), b: (f64, f64), r: &Rect) -> Option<((f64, f64), (f64, f64))> {
    let (t0, t1) = clip_params(a, b, r, false)?;
    let at = |t: f64| (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
    Some((at(t0), at(t1)))
}

/// Paints through a plotters backend with the charts' conventions: device pixels, explicit text
/// anchors, lines clipped to `clip`, and errors that say which stage of the drawing failed.
pub(crate) struct Painter<'a, DB: Backend> {
    pub db: &'a mut DB,
    pub opts: &'a DrawOptions,
    /// Lines are cut at this rectangle and text outside it is skipped.
    pub clip: Rect,
    pub stage: &'static str,
}

impl<'a, DB: Backend> Painter<'a, DB> {
    pub fn new(db: &'a mut DB, opts: &'a DrawOptions, clip: Rect) -> Painter<'a, DB> {
        Painter {
            db,
            opts,
            clip,
            stage: "background",
        }
    }

    /// Hands the finished frame to the backend.
    pub fn finish(mut self) -> Result<(), DrawError> {
        self.stage = "present";
        let res = self.db.present();
        self.check(res)
    }

    pub fn check(&self, r: Result<(), DrawingErrorKind<DB::ErrorType>>) -> Result<(), DrawError> {
        r.map_err(|e| DrawError::Backend {
            stage: self.stage,
            message: e.to_string(),
        })
    }

    pub fn fill_rect(&mut self, r: &Rect, c: BackendColor) -> Result<(), DrawError> {
        let res = self.db.draw_rect(pt(r.x0, r.y0), pt(r.x1, r.y1), &c, true);
        self.check(res)
    }

    /// A line clipped to `clip`.
    pub fn line(&mut self, a: (f64, f64), b: (f64, f64), s: &Stroke) -> Result<(), DrawError> {
        if let Some((a, b)) = clip_segment(a, b, &self.clip) {
            let res = self.db.draw_line(pt(a.0, a.1), pt(b.0, b.1), s);
            self.check(res)?;
        }
        Ok(())
    }

    /// Straight segments of one stroke. A horizontal or vertical one (grid lines, ticks, the
    /// crosshair's dashes) is painted as a filled rectangle, the cheapest thing a canvas rasterises
    /// (no path, no stroker); others as lines. A dashed crosshair alone is ~160 segments.
    pub fn segments(&mut self, segs: &[Segment], s: &Stroke) -> Result<(), DrawError> {
        let half = f64::from(s.width) / 2.0;
        for &(a, b) in segs {
            let Some((a, b)) = clip_segment(a, b, &self.clip) else {
                continue;
            };
            let r = if a.1 == b.1 {
                Rect::new(a.0, a.1 - half, b.0, a.1 + half)
            } else if a.0 == b.0 {
                Rect::new(a.0 - half, a.1, a.0 + half, b.1)
            } else {
                self.line(a, b, s)?;
                continue;
            };
            self.fill_rect(&r, s.color)?;
        }
        Ok(())
    }

    /// A polyline, solid or dashed (`(on, off)` lengths); the dash pattern runs on across
    /// vertices, and dashes are computed here so every backend shows the same pattern. Dashes are
    /// painted together (`segments`).
    pub fn polyline(
        &mut self,
        pts: &[(f64, f64)],
        s: &Stroke,
        dash: Option<(f64, f64)>,
    ) -> Result<(), DrawError> {
        let Some((on, off)) = dash else {
            for w in pts.windows(2) {
                self.line(w[0], w[1], s)?;
            }
            return Ok(());
        };
        let period = on + off;
        if on <= 0.0 || period <= 0.0 {
            return Ok(());
        }
        if let [a, b] = *pts {
            let Some((ca, cb)) = clip_segment(a, b, &self.clip) else {
                return Ok(());
            };
            // Cut at the clip, the pattern goes on from where the line entered it.
            let offset = ((ca.0 - a.0).powi(2) + (ca.1 - a.1).powi(2)).sqrt();
            let (pa, pb) = (pt(ca.0, ca.1), pt(cb.0, cb.1));
            if let Some(res) = self.db.dashed_line(pa, pb, s, (on, off), offset) {
                return self.check(res);
            }
        }
        let mut dashes = Vec::new();
        let mut phase = 0.0;
        for w in pts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
            if len <= 0.0 {
                continue;
            }
            let at = |t: f64| (a.0 + (b.0 - a.0) * t / len, a.1 + (b.1 - a.1) * t / len);
            let mut t = 0.0;
            while t < len {
                // Not `%`: f64 remainder links libm's fmod and 128-bit division (~1.5 KB of wasm).
                let p = phase - (phase / period).floor() * period;
                // Rounding can leave a step too small to move `t` (a phase a hair short of a
                // dash's end, at some device-pixel ratios): at least a millionth of a period, or
                // the loop never ends.
                let min_step = period * 1e-6;
                if p < on {
                    let e = (t + (on - p).max(min_step)).min(len);
                    dashes.push((at(t), at(e)));
                    phase += e - t;
                    t = e;
                } else {
                    let e = (t + (period - p).max(min_step)).min(len);
                    phase += e - t;
                    t = e;
                }
            }
        }
        self.segments(&dashes, s)
    }

    pub fn circle(
        &mut self,
        c: (f64, f64),
        r: f64,
        s: &Stroke,
        fill: bool,
    ) -> Result<(), DrawError> {
        let res = self
            .db
            .draw_circle(pt(c.0, c.1), r.round().max(1.0) as u32, s, fill);
        self.check(res)
    }

    /// A text box at its anchor; skipped when it lies outside `clip`.
    pub fn text(&mut self, tb: &TextBox, c: Rgb, alpha: f64, bold: bool) -> Result<(), DrawError> {
        if !self.clip.inflate(0.5).contains_rect(&tb.rect) {
            return Ok(());
        }
        let (x, y) = tb.anchor();
        let h = match tb.align {
            HAlign::Left => HPos::Left,
            HAlign::Center => HPos::Center,
            HAlign::Right => HPos::Right,
        };
        let font = Font {
            family: &self.opts.font_family,
            size: tb.font_px * self.opts.font_scale,
            color: color(c, alpha),
            anchor: Pos::new(h, VPos::Center),
            bold,
        };
        // SVG collapses runs of spaces; a no-break space keeps the measured width.
        let text = crate::lean::substr::replace(&tb.text, "  ", "\u{a0} ");
        let res = self.db.draw_text(&text, &font, pt(x, y));
        self.check(res)
    }
}

/// Renders a chart as an SVG document of `width_css` x `height_css` CSS px at `dpr` device px
/// each: `layout` places the chart at that size in device px, `draw` paints what it placed.
/// Both charts export through here, so the rounding of the size is the same for both.
pub(crate) fn svg_document<L>(
    (width_css, height_css, dpr): (f64, f64, f64),
    layout: impl FnOnce((f64, f64), f64) -> Result<L, super::LayoutError>,
    draw: impl FnOnce(&mut plotters::backend::SVGBackend<'_>, &L) -> Result<(), DrawError>,
) -> Result<String, DrawError> {
    let (w, h) = ((width_css * dpr).round(), (height_css * dpr).round());
    let laid = layout((w, h), dpr)?;
    let mut out = String::new();
    {
        let mut backend =
            plotters::backend::SVGBackend::with_string(&mut out, (w as u32, h as u32));
        draw(&mut backend, &laid)?;
    }
    Ok(out)
}
