//! Drawing primitives shared by the quadrant chart and the hierarchy: colours, strokes and a text
//! style with an explicit anchor, so no backend is ever asked to measure text.

use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, FontFamily, FontStyle,
    FontTransform,
};

use super::Rgb;

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
