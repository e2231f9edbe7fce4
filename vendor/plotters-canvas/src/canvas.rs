use js_sys::JSON;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{window, CanvasRenderingContext2d, HtmlCanvasElement};

// spco-roles patches 6 and 7: fillText and the text setters given JS strings the backend keeps
// (web-sys' take a `&str`, decoded into a new JS string on every call), and setLineDash without
// web-sys' exception wrapper. The context is seen as this type (`Text`) for these calls alone.
#[wasm_bindgen]
extern "C" {
    type Text;
    #[wasm_bindgen(method, js_name = fillText)]
    fn fill_text_js(this: &Text, text: &JsValue, x: f64, y: f64);
    #[wasm_bindgen(method, setter = font)]
    fn set_font_js(this: &Text, font: &JsValue);
    #[wasm_bindgen(method, setter = textAlign)]
    fn set_text_align_js(this: &Text, align: &JsValue);
    #[wasm_bindgen(method, setter = textBaseline)]
    fn set_text_baseline_js(this: &Text, baseline: &JsValue);
    // Never throws for an array of finite numbers.
    #[wasm_bindgen(method, js_name = setLineDash)]
    fn set_line_dash_js(this: &Text, segments: &JsValue);
}

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};

/// The backend that is drawing on the HTML canvas
/// TODO: Support double buffering
pub struct CanvasBackend {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    /// spco-roles patch: the context state last set through this backend, so that a frame of
    /// many primitives in a few styles sets each style once (every setter builds a CSS string in
    /// wasm, crosses to JS and is parsed again by the browser). Kept from frame to frame, and
    /// forgotten when the context was reset (`begin_frame`).
    state: State,
    /// spco-roles patches 5 and 6: the colours and texts set so far, as JS strings.
    colors: Vec<(ColorKey, JsValue)>,
    strings: Strings,
    /// spco-roles patch 7: the dash patterns set so far (solid: None), as JS arrays; a frame
    /// switches between the crosshair's dashes and solid lines, and a new array each time cost
    /// ~30 us a frame.
    dashes: Vec<(Option<(u64, u64)>, JsValue)>,
}

/// A colour as comparable bits (BackendColor has no PartialEq).
type ColorKey = ((u8, u8, u8), u64);

fn key(c: BackendColor) -> ColorKey {
    (c.rgb, c.alpha.to_bits())
}

#[derive(Default)]
struct State {
    fill: Option<ColorKey>,
    stroke: Option<(ColorKey, u32)>,
    /// The style's name (where it is) and the size's bits, and the family: what the font
    /// string is made of, so it is built only when one of them changes.
    font: Option<(usize, u64)>,
    family: String,
    align: &'static str,
    baseline: &'static str,
    /// spco-roles patch 7: the dash pattern set (None: solid).
    dash: Option<(u64, u64)>,
}

/// spco-roles patch 6: texts kept as JS strings. A quadrant frame draws ~47 texts and sets the
/// alignment ~20 times, mostly the same strings as the frame before; each was decoded from UTF-8
/// into a new JS string per call (~1 us each). Looked up in order (a few dozen; a hash table
/// cost more bytes than it saved time); past `STRINGS` strings it starts again.
const STRINGS: usize = 128;

#[derive(Default)]
struct Strings(Vec<(Box<str>, JsValue)>);

impl Strings {
    fn get(&mut self, s: &str) -> &JsValue {
        intern(
            &mut self.0,
            STRINGS,
            |k| **k == *s,
            || (s.into(), JsValue::from_str(s)),
        )
    }
}

/// The JS value kept in `cache` for the first key that `is`, else the one `make` makes (kept,
/// after emptying a cache of `cap` entries): the colours, texts and dash patterns (patches 5-7).
fn intern<K>(
    cache: &mut Vec<(K, JsValue)>,
    cap: usize,
    is: impl Fn(&K) -> bool,
    make: impl FnOnce() -> (K, JsValue),
) -> &JsValue {
    let at = match cache.iter().position(|(k, _)| is(k)) {
        Some(i) => i,
        None => {
            if cache.len() >= cap {
                cache.clear();
            }
            cache.push(make());
            cache.len() - 1
        }
    };
    &cache[at].1
}

pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, fmt: &mut std::fmt::Formatter) -> Result<(), std::fmt::Error> {
        return write!(fmt, "Canvas Error: {}", self.0);
    }
}

impl std::fmt::Debug for CanvasError {
    fn fmt(&self, fmt: &mut std::fmt::Formatter) -> Result<(), std::fmt::Error> {
        return write!(fmt, "CanvasError({})", self.0);
    }
}

fn error_cast(e: JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(
        JSON::stringify(&e)
            .map(|s| Into::<String>::into(&s))
            .unwrap_or_else(|_| "Unknown".to_string()),
    ))
}

impl std::error::Error for CanvasError {}

impl CanvasBackend {
    fn init_backend(canvas: HtmlCanvasElement) -> Option<Self> {
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Self::with_context(canvas, context))
    }

    /// spco-roles patch 6: a backend over a context the caller already has, kept across frames
    /// (see `begin_frame`) with the strings it made and the state it set.
    pub fn with_context(canvas: HtmlCanvasElement, context: CanvasRenderingContext2d) -> Self {
        CanvasBackend {
            canvas,
            context,
            state: State::default(),
            colors: Vec::new(),
            strings: Strings::default(),
            dashes: Vec::new(),
        }
    }

    /// The canvas drawn on (spco-roles sizes its backing store before a frame).
    pub fn canvas(&self) -> &HtmlCanvasElement {
        &self.canvas
    }

    /// Call before each frame: forgets the context state this backend set if the context was
    /// reset since (the page resized the canvas). The mark of a context not reset is
    /// `imageSmoothingEnabled` false, which only images drawn on it would show, and none are.
    /// So a frame sets only what differs from the frame before (a font set alone is ~20 us in
    /// Chromium). Nothing else may set styles on this context.
    pub fn begin_frame(&mut self) {
        if self.context.image_smoothing_enabled() {
            self.state = State::default();
            self.context.set_image_smoothing_enabled(false);
        }
    }

    /// Create a new drawing backend backed with an HTML5 canvas object with given Id
    /// - `elem_id` The element id for the canvas
    /// - Return either some drawing backend has been created, or none in error case
    pub fn new(elem_id: &str) -> Option<Self> {
        let document = window()?.document()?;
        let canvas = document.get_element_by_id(elem_id)?;
        let canvas: HtmlCanvasElement = canvas.dyn_into().ok()?;
        Self::init_backend(canvas)
    }

    /// Create a new drawing backend backend with a HTML5 canvas object passed in
    /// - `canvas` The object we want to use as backend
    /// - Return either the drawing backend or None for error
    pub fn with_canvas_object(canvas: HtmlCanvasElement) -> Option<Self> {
        Self::init_backend(canvas)
    }

    /// Sets the stroke style and line width in the underlying context (unless already set).
    fn set_line_style(&mut self, style: &impl BackendStyle) {
        let want = (key(style.color()), style.stroke_width());
        if self.state.stroke == Some(want) {
            return;
        }
        let c = make_canvas_color(&mut self.colors, style.color());
        self.context.set_stroke_style(c);
        self.context.set_line_width(want.1 as f64);
        self.state.stroke = Some(want);
    }

    /// Sets the fill style (unless already set).
    fn set_fill(&mut self, color: BackendColor) {
        if self.state.fill == Some(key(color)) {
            return;
        }
        let c = make_canvas_color(&mut self.colors, color);
        self.context.set_fill_style(c);
        self.state.fill = Some(key(color));
    }

    /// The size of the font this backend last set on the context, if it still holds.
    pub fn font_size(&self) -> Option<f64> {
        self.state.font.map(|f| f64::from_bits(f.1))
    }

    /// Sets the line dash (None: solid) unless already set.
    fn set_dash(&mut self, dash: Option<(f64, f64)>) {
        let want = dash.map(|(on, off)| (on.to_bits(), off.to_bits()));
        if self.state.dash != want {
            let pattern = intern(
                &mut self.dashes,
                8, // patterns kept: the charts use two or three
                |k| *k == want,
                || {
                    let a = match dash {
                        Some((on, off)) => {
                            js_sys::Array::of2(&JsValue::from(on), &JsValue::from(off))
                        }
                        None => js_sys::Array::new(),
                    };
                    (want, a.into())
                },
            );
            self.context
                .unchecked_ref::<Text>()
                .set_line_dash_js(pattern);
            self.state.dash = want;
        }
    }

    /// A stroke is solid unless it is a dashed line's.
    fn solid(&mut self) {
        self.set_dash(None);
    }
}

impl CanvasBackend {
    /// spco-roles patch 4: a dashed straight line in one stroke (`setLineDash`), dashes `dash.0`
    /// long with `dash.1` gaps, the pattern `offset` into its period at `from`. plotters'
    /// backend trait has no dashes, so a dashed crosshair was a rectangle per dash: ~170 calls
    /// into JS per frame at a pixel ratio of 2.
    pub fn draw_dashed_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
        dash: (f64, f64),
        offset: f64,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (from, to) = fine_hor_ver_lines(from, to);
        self.set_line_style(style);
        // The dash stays set until a solid stroke needs it gone (`solid`), so two dashed lines
        // of one pattern set it once.
        self.set_dash(Some(dash));
        self.context.set_line_dash_offset(offset);
        self.context.begin_path();
        self.context.move_to(from.0, from.1);
        self.context.line_to(to.0, to.1);
        self.context.stroke();
        Ok(())
    }
}

/// spco-roles patch 5: the CSS colour strings made so far, as JS strings. A chart uses a few
/// dozen colours, and a frame sets a fill or stroke style ~50 times: each new string was built in
/// wasm and decoded into a JS string again on every set. Bounded: past `COLOR_CACHE` colours it
/// starts again. Lent, not cloned: a clone and its drop are two more calls into JS.
const COLOR_CACHE: usize = 64;

fn make_canvas_color(cache: &mut Vec<(ColorKey, JsValue)>, color: BackendColor) -> &JsValue {
    let k = key(color);
    intern(cache, COLOR_CACHE, |c| *c == k, || (k, css_color(color)))
}

fn css_color(color: BackendColor) -> JsValue {
    let (r, g, b) = color.rgb;
    let a = color.alpha;
    let mut s = format!("rgba({},{},{},", r, g, b);
    push_decimal(&mut s, a);
    s.push(')');
    s.into()
}

/// Appends `v` with at most three decimals. spco-roles patch: `{}` on an f64 links core's float
/// formatting (grisu, dragon and their tables, about 12 KB of wasm); three decimals are finer
/// than a canvas resolves alpha (1/255) or font sizes.
fn push_decimal(s: &mut String, v: f64) {
    let v = if v.is_finite() { v } else { 0.0 };
    let milli = (v.abs() * 1000.0 + 0.5).floor() as u64;
    if v < 0.0 && milli != 0 {
        s.push('-');
    }
    s.push_str(&(milli / 1000).to_string());
    let mut frac = milli % 1000;
    if frac != 0 {
        s.push('.');
        let mut div = 100;
        while frac != 0 {
            s.push(char::from(b'0' + (frac / div) as u8));
            frac %= div;
            div /= 10;
        }
    }
}

impl DrawingBackend for CanvasBackend {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        style: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }

        self.set_fill(style.color());
        self.context
            .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }

        let (from, to) = fine_hor_ver_lines(from, to);
        self.solid();
        self.set_line_style(style);
        self.context.begin_path();
        self.context.move_to(from.0, from.1);
        self.context.line_to(to.0, to.1);
        self.context.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            // A zero-area fillRect draws nothing (canvas spec); skipping it saves the calls into
            // JS (a quadrant frame without whiskers had ~58 of them).
            if bottom_right.0 == upper_left.0 || bottom_right.1 == upper_left.1 {
                return Ok(());
            }
            self.set_fill(style.color());
            self.context.fill_rect(
                f64::from(upper_left.0),
                f64::from(upper_left.1),
                f64::from(bottom_right.0 - upper_left.0),
                f64::from(bottom_right.1 - upper_left.1),
            );
        } else {
            self.solid();
            self.set_line_style(style);
            self.context.stroke_rect(
                f64::from(upper_left.0),
                f64::from(upper_left.1),
                f64::from(bottom_right.0 - upper_left.0),
                f64::from(bottom_right.1 - upper_left.1),
            );
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let mut path = path.into_iter();
        self.context.begin_path();
        if let Some(start) = path.next() {
            self.solid();
            self.set_line_style(style);
            self.context.move_to(f64::from(start.0), f64::from(start.1));
            for next in path {
                self.context.line_to(f64::from(next.0), f64::from(next.1));
            }
        }
        self.context.stroke();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let mut path = path.into_iter();
        self.context.begin_path();
        if let Some(start) = path.next() {
            self.set_fill(style.color());
            self.context.move_to(f64::from(start.0), f64::from(start.1));
            for next in path {
                self.context.line_to(f64::from(next.0), f64::from(next.1));
            }
            self.context.close_path();
        }
        self.context.fill();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.set_fill(style.color());
        } else {
            self.solid();
            self.set_line_style(style);
        }
        self.context.begin_path();
        self.context
            .arc(
                f64::from(center.0),
                f64::from(center.1),
                f64::from(radius),
                0.0,
                std::f64::consts::PI * 2.0,
            )
            .map_err(error_cast)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }

        let (mut x, mut y) = (pos.0, pos.1);

        let degree = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        } / 180.0
            * std::f64::consts::PI;

        if degree != 0.0 {
            self.context.save();
            self.context
                .translate(f64::from(x), f64::from(y))
                .map_err(error_cast)?;
            self.context.rotate(degree).map_err(error_cast)?;
            x = 0;
            y = 0;
        }

        let text_baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.state.baseline != text_baseline {
            let v = self.strings.get(text_baseline);
            self.context.unchecked_ref::<Text>().set_text_baseline_js(v);
            self.state.baseline = text_baseline;
        }

        let text_align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.state.align != text_align {
            let v = self.strings.get(text_align);
            self.context.unchecked_ref::<Text>().set_text_align_js(v);
            self.state.align = text_align;
        }

        self.set_fill(color);
        let family = style.family();
        let family = family.as_str();
        let weight = style.style();
        let weight = weight.as_str();
        let font_key = Some((weight.as_ptr() as usize, style.size().to_bits()));
        if self.state.font != font_key || self.state.family != family {
            let mut font = format!("{weight} ");
            push_decimal(&mut font, style.size());
            font.push_str("px ");
            font.push_str(family);
            let v = self.strings.get(&font);
            self.context.unchecked_ref::<Text>().set_font_js(v);
            self.state.font = font_key;
            self.state.family = family.to_string();
        }
        let v = self.strings.get(text);
        (self.context.unchecked_ref::<Text>()).fill_text_js(v, f64::from(x), f64::from(y));

        if degree != 0.0 {
            self.context.restore();
            // restore() undid what was set since save(): forget it (the dash was not set).
            self.state = State {
                dash: self.state.dash,
                ..State::default()
            };
        }

        Ok(())
    }
}

/// Move line coord to left/right half pixel if the line is vertical/horizontal
/// to prevent line blurry in canvas, see https://stackoverflow.com/a/13879322/10651567
/// and https://developer.mozilla.org/en-US/docs/Web/API/Canvas_API/Tutorial/Applying_styles_and_colors#a_linewidth_example
fn fine_hor_ver_lines(from: BackendCoord, end: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let mut from = (from.0 as f64, from.1 as f64);
    let mut end = (end.0 as f64, end.1 as f64);
    if from.0 == end.0 {
        from.0 -= 0.5;
        end.0 -= 0.5;
    }
    if from.1 == end.1 {
        from.1 -= 0.5;
        end.1 -= 0.5;
    }
    (from, end)
}

#[cfg(test)]
mod decimal_test {
    #[test]
    fn decimals_as_std_prints_them_rounded_to_three_places() {
        for (v, want) in [
            (0.5, "0.5"),
            (1.0, "1"),
            (0.0, "0"),
            (13.25, "13.25"),
            (0.1234, "0.123"),
            (0.9999, "1"),
            (-2.5, "-2.5"),
            (-0.0001, "0"),
            (1.05, "1.05"),
            (f64::NAN, "0"),
        ] {
            let mut s = String::new();
            super::push_decimal(&mut s, v);
            assert_eq!(s, want, "{v}");
        }
    }
}
