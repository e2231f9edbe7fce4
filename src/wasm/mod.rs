//! The wasm binding: one opaque `Chart` handle per element, owning its `Session` (data, statistics,
//! view) and its canvas. The wrapper passes pixels, deltas and small option strings; nothing bulky
//! crosses the boundary per frame. Every export returns `Result<_, JsError>`; a panic is recorded by
//! the hook so the wrapper can show it (a trap cannot be caught inside wasm).
//! About 440 lines because it is the whole exported surface of one `#[wasm_bindgen]` class, each
//! method a line or two of conversion; splitting the class would split its docs and its d.ts.

use std::cell::RefCell;

use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::catalogue::Lang;
use crate::chart::{CachedMeasure, TextMeasure, FONT_FAMILY_UI};
use crate::session::{opt_to_js, Attr, Item, Session, Settings};

mod alloc;

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&message));
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(message));
    }));
}

/// The message of the last panic, if one happened (the instance is unusable after it).
#[wasm_bindgen]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|p| p.borrow().clone())
}

/// Plain JS objects (not Maps) and plain numbers, as JSON would give.
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn js_err(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// Measures characters with the canvas' own `measureText` (no DOM layout), once per character
/// and font size.
struct CanvasMeasure {
    inner: CachedMeasure<Box<dyn FnMut(char, f64) -> f64>>,
}

impl CanvasMeasure {
    fn new(ctx: CanvasRenderingContext2d) -> CanvasMeasure {
        let mut font_px = 0.0;
        let mut buf = [0u8; 4];
        let f: Box<dyn FnMut(char, f64) -> f64> = Box::new(move |c: char, px: f64| {
            if px != font_px {
                ctx.set_font(&format!(
                    "{}px {FONT_FAMILY_UI}",
                    crate::lean::number::Num(px)
                ));
                font_px = px;
            }
            ctx.measure_text(c.encode_utf8(&mut buf))
                .map(|m| m.width())
                .unwrap_or(px * 0.55)
        });
        CanvasMeasure {
            inner: CachedMeasure::new(f),
        }
    }
}

impl TextMeasure for CanvasMeasure {
    fn text_width(&mut self, text: &str, font_px: f64) -> f64 {
        self.inner.text_width(text, font_px)
    }
}

/// The canvas strokes dashed lines itself (patch 4 of the vendored plotters-canvas) and keeps
/// its font from frame to frame (patch 6).
impl crate::chart::Backend for CanvasBackend {
    fn font_px(&self) -> Option<f64> {
        self.font_size()
    }

    fn dashed_line<S: plotters_backend::BackendStyle>(
        &mut self,
        a: plotters_backend::BackendCoord,
        b: plotters_backend::BackendCoord,
        style: &S,
        dash: (f64, f64),
        offset: f64,
    ) -> Option<Result<(), plotters_backend::DrawingErrorKind<Self::ErrorType>>> {
        Some(self.draw_dashed_line(a, b, style, dash, offset))
    }
}

fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| JsError::new("this browser gives no 2D canvas"))
}

/// One chart element's state in wasm memory.
#[wasm_bindgen]
pub struct Chart {
    session: Session,
    /// Its canvas, kept from frame to frame with the state and JS strings it made
    /// (`begin_frame` forgets the state after the page reset the canvas).
    backend: CanvasBackend,
    measure: CanvasMeasure,
    /// A big import read back and not yet shown (`stage_encoded`, then `load_staged`), with
    /// its per-group counts so far.
    staged: Option<crate::import::Imported>,
    staged_hist: Option<crate::stats::GroupHist>,
}

#[wasm_bindgen]
impl Chart {
    /// A chart drawn on `canvas`. Text is measured on a copy of it, out of the page: measuring
    /// sets the font, and on the drawn canvas that would undo the font the frame before left
    /// set (the backend keeps it), or leave a frame's text in a font the backend did not set.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement) -> Result<Chart, JsError> {
        let ctx = context_2d(&canvas)?;
        let copy = canvas
            .clone_node()
            .map_err(|_| JsError::new("this browser gives no 2D canvas"))?;
        Ok(Chart {
            session: Session::new(),
            backend: CanvasBackend::with_context(canvas.clone(), ctx),
            measure: CanvasMeasure::new(context_2d(copy.unchecked_ref())?),
            staged: None,
            staged_hist: None,
        })
    }

    /// Imports a data file (any format; `format` may be `auto`). `name` is used in messages.
    pub fn load(&mut self, bytes: &[u8], format: &str, name: &str) -> Result<(), JsError> {
        let lang = self.session.settings().lang;
        self.session
            .load(bytes, format, name)
            .map_err(|e| JsError::new(&e.message(lang)))
    }

    /// The language of the messages of the next `load` ("nl" or anything else: English); the
    /// element sets it before importing, as its settings are applied only after the import.
    pub fn set_lang(&mut self, lang: &str) {
        self.session
            .set_lang(if lang == "nl" { Lang::Nl } else { Lang::En });
    }

    /// Data a worker imported (`import_encoded`'s bytes), in steps so the wrapper can make
    /// several tasks of a big import (a pass over 100,000 respondents is 25-55 ms on its first
    /// run): this reads the bytes back (checked); `load_staged` then counts the answers a slice
    /// of respondents per call and shows them once all are counted (the statistics then sum the
    /// groups' counts). The wrapper's `loadEncoded` does both at once for small data.
    pub fn stage_encoded(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.staged_hist = None;
        self.staged = Some(
            crate::import::encode::decode(bytes)
                .ok_or_else(|| JsError::new("the imported data could not be read back"))?,
        );
        Ok(())
    }

    /// Counts up to `max_rows` more staged respondents; once all are counted, shows the staged
    /// data (on error the previous data stay) and returns true.
    pub fn load_staged(&mut self, max_rows: usize) -> Result<bool, JsError> {
        if let Some(crate::import::Imported {
            dataset: crate::model::Dataset::Respondents(s),
            ..
        }) = &self.staged
        {
            let counts = self
                .staged_hist
                .get_or_insert_with(|| crate::stats::GroupHist::new(s));
            if !counts.add_rows(s, max_rows) {
                return Ok(false);
            }
        }
        let imported = self
            .staged
            .take()
            .ok_or_else(|| JsError::new("the imported data could not be read back"))?;
        let hist = self.staged_hist.take();
        self.session
            .load_imported_with(imported, hist)
            .map_err(js_err)?;
        Ok(true)
    }

    /// Format, source kind, groups with n and exclusions of the loaded data (null before).
    pub fn info(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.info())
    }

    /// Applies the element's settings from one object keyed by attribute name (see
    /// `settings_attributes`): a string is the attribute's value, null or absent means the
    /// attribute is absent, `true` a present boolean attribute. On error nothing changes.
    pub fn set_settings(&mut self, attributes: &JsValue) -> Result<(), JsError> {
        let mut settings = Settings::default();
        for a in Attr::ALL {
            let v = js_sys::Reflect::get(attributes, &JsValue::from_str(a.name()))
                .unwrap_or(JsValue::UNDEFINED);
            let text = match v.as_bool() {
                Some(true) => Some(String::new()),
                Some(false) => None,
                None => v.as_string(),
            };
            settings.set(a, text.as_deref()).map_err(js_err)?;
        }
        self.session.set_settings(settings).map_err(js_err)
    }

    /// Shows a zoom (`full`, `report`, `fit` or ranges); `0` still returns to the home zoom.
    pub fn set_zoom(&mut self, zoom: &str) -> Result<(), JsError> {
        self.session.set_zoom(zoom).map_err(js_err)
    }

    /// The element's `zoom` attribute: shown now, and where `reset_zoom` returns.
    pub fn set_home_zoom(&mut self, zoom: &str) -> Result<(), JsError> {
        self.session.set_home_zoom(zoom).map_err(js_err)
    }

    /// Back to the element's own zoom (the `0` key, double-click).
    pub fn reset_zoom(&mut self) {
        self.session.reset_zoom();
    }

    pub fn resize(&mut self, width_css: f64, height_css: f64, dpr: f64) {
        self.session.resize(width_css, height_css, dpr);
    }

    /// Where the element is shown (for `text-scale="auto"`): its height on screen (CSS px of the
    /// page) and in its own CSS px, the viewport's width and height, and the user's font size /
    /// 16 px.
    pub fn set_screen(
        &mut self,
        onscreen_height: f64,
        layout_height: f64,
        viewport_width: f64,
        viewport_height: f64,
        font: f64,
    ) {
        self.session.set_screen(crate::chart::Screen {
            onscreen_height,
            layout_height,
            viewport_width,
            viewport_height,
            font,
        });
    }

    /// The text scale in use (the `text-scale` setting resolved for this size and screen): the
    /// wrapper sizes the tooltip, key and caption with it, as wasm sizes the chart's text.
    pub fn text_scale(&self) -> f64 {
        self.session.size().text_scale
    }

    /// The current view as a standalone SVG document at the element's CSS size. Only in the
    /// on-demand export module (feature `svg`): plotters' SVG backend and the float formatting it
    /// links are ~11 KB brotli that a page pays only when someone exports.
    #[cfg(feature = "svg")]
    pub fn svg(&mut self) -> Result<String, JsError> {
        self.session
            .svg_like_canvas(&mut self.measure)
            .map_err(js_err)
    }

    /// The hierarchy's view and collapsed nodes (`[zoom, cx, cy, ids...]`; empty in the quadrant
    /// view), which the export module shows with `set_hier_state`.
    pub fn hier_state(&self) -> Vec<f64> {
        self.session.hier_state()
    }

    #[cfg(feature = "svg")]
    pub fn set_hier_state(&mut self, state: &[f64]) -> Result<(), JsError> {
        self.session.set_hier_state(state).map_err(js_err)
    }

    /// Draws a frame; returns true when an animation wants another frame.
    pub fn draw(&mut self, now_ms: f64) -> Result<bool, JsError> {
        let size = self.session.size();
        // The wrapper sizes the backing store; keep it in step if a resize raced a draw.
        let canvas = self.backend.canvas();
        if canvas.width() != size.width_px() {
            canvas.set_width(size.width_px());
        }
        if canvas.height() != size.height_px() {
            canvas.set_height(size.height_px());
        }
        self.backend.begin_frame();
        self.session
            .draw(&mut self.backend, &mut self.measure, now_ms)
            .map_err(js_err)
    }

    /// Lays the chart out at the current size without drawing, so the wrapper can size what
    /// follows from the layout (the number key below the plot) before the frame is drawn once.
    /// A failure is left to `draw`, which reports it.
    pub fn prepare(&mut self) {
        let _ = self.session.ensure_layout(&mut self.measure);
    }

    /// Whether the last frame had no room for a plot (drawn blank; the wrapper says why).
    pub fn too_small(&self) -> bool {
        self.session.too_small()
    }

    pub fn view_ranges(&self) -> Vec<f64> {
        let view = self.session.view();
        let (x0, x1) = view.x_range();
        let (y0, y1) = view.y_range();
        vec![x0, x1, y0, y1]
    }

    /// Changes so far of data, settings, selection or collapsed nodes (not of the view): the
    /// wrapper rebuilds the table and summary at once when it moved, else after drawing settles.
    pub fn revision(&self) -> u32 {
        self.session.revision()
    }

    pub fn summary_text(&self) -> String {
        self.session.summary_text()
    }

    pub fn zoom_at(&mut self, x_css: f64, y_css: f64, factor: f64) {
        self.session.zoom_at(x_css, y_css, factor);
    }

    pub fn pan(&mut self, dx_css: f64, dy_css: f64) {
        self.session.pan(dx_css, dy_css);
    }

    pub fn box_zoom(&mut self, x0_css: f64, y0_css: f64, x1_css: f64, y1_css: f64) {
        self.session.box_zoom(x0_css, y0_css, x1_css, y1_css);
    }

    /// The item under a point in CSS px, or 0 (see `item_role` and `item_is_toggle`).
    pub fn hit(&self, x_css: f64, y_css: f64) -> u32 {
        opt_to_js(self.session.hit(x_css, y_css))
    }

    /// The data table of what is shown: { caption, head, rows: [{ item, cells, selected,
    /// expanded, toggle }] } (null before data).
    pub fn table(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.table())
    }

    /// The visible item nearest to `item` in an arrow's direction (0 left, 1 right, 2 up,
    /// 3 down); 0 when nothing lies that way.
    pub fn neighbour(&self, item: u32, dir: u32) -> u32 {
        let found = Item::from_js(item)
            .zip(crate::session::describe::Direction::from_js(dir))
            .and_then(|(i, d)| self.session.neighbour(i, d));
        opt_to_js(found)
    }

    /// The visible item after `current` (0: from the start) in reading order; 0 past the end.
    pub fn next_item(&self, current: u32, dir: i32) -> u32 {
        opt_to_js(self.session.next_item(Item::from_js(current), dir))
    }

    /// Where an item is drawn, [x, y] in CSS px, or [] when it is not visible.
    pub fn item_position(&self, item: u32) -> Vec<f64> {
        Item::from_js(item)
            .and_then(|i| self.session.item_position(i))
            .map(|(x, y)| vec![x, y])
            .unwrap_or_default()
    }

    pub fn set_highlight(&mut self, item: u32) {
        self.session.set_highlight(Item::from_js(item));
    }

    pub fn set_selected(&mut self, item: u32) {
        self.session.set_selected(Item::from_js(item));
    }

    pub fn tooltip(&self, item: u32) -> Result<JsValue, JsError> {
        to_js(&Item::from_js(item).and_then(|i| self.session.tooltip(i)))
    }

    /// The statistics of the current selection as plain objects (the CLI's JSON).
    pub fn stats(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.stats())
    }

    /// The `compare` setting's two groups, per role and scale (the CLI's `--compare` JSON;
    /// null without `compare`).
    pub fn comparison(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.comparison())
    }

    /// The last frame's geometry in CSS px (plot, view, visible points, placed labels).
    pub fn layout(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.layout_css())
    }

    /// A click or Enter on an item: in the hierarchy, zoom to a node's subtree (animated) or
    /// collapse/expand it through its button. True when the view changed.
    pub fn activate(&mut self, item: u32) -> bool {
        Item::from_js(item).is_some_and(|i| self.session.activate(i))
    }

    /// Jump to new views instead of animating them (the reader prefers reduced motion).
    pub fn set_reduced_motion(&mut self, reduced: bool) {
        self.session.set_reduced_motion(reduced);
    }

    /// Escape: leaves a zoomed-in subtree; false when there is nothing to leave.
    pub fn escape(&mut self) -> bool {
        self.session.escape()
    }

    pub fn zoom_out_to(&mut self, depth: u32) {
        self.session.zoom_out_to(depth as usize);
    }

    /// The hierarchy's zoom path as labels (empty in the quadrant view).
    pub fn breadcrumb(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.breadcrumb())
    }
}

/// Imports a data file as `Chart::load` does and returns it in the compact form
/// `Chart::stage_encoded` reads: a worker's or the on-demand module's instance parses, the page's
/// instance only copies. Errors are worded in `lang` ("nl", else English). `progress`, when
/// given, is called with (records read, bytes read) as a text file is read (the worker posts it
/// to the page's progress bar). Only in the on-demand module (feature `full`), which reads every
/// format.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn import_encoded(
    bytes: &[u8],
    format: &str,
    name: &str,
    lang: &str,
    progress: Option<js_sys::Function>,
) -> Result<Vec<u8>, JsError> {
    let lang = if lang == "nl" { Lang::Nl } else { Lang::En };
    let import = || crate::session::import_bytes(bytes, format, name);
    let imported = match progress {
        Some(f) => crate::import::with_progress(
            Box::new(move |rows, read| {
                let _ = f.call2(&JsValue::NULL, &rows.into(), &(read as f64).into());
            }),
            import,
        ),
        None => import(),
    }
    .map_err(|e| JsError::new(&e.message(lang)))?;
    Ok(crate::import::encode::encode(&imported))
}

/// Whether the allocator ever failed to get memory (the trap that follows is "out of memory",
/// not a bug; see `alloc.rs`).
#[wasm_bindgen]
pub fn out_of_memory() -> bool {
    alloc::failed()
}

/// The element attributes that are settings, in the order `set_settings` reads them, separated
/// by spaces.
#[wasm_bindgen]
pub fn settings_attributes() -> String {
    // One string, split by the wrapper: a Vec<String> crossing costs more glue than the words.
    let names: Vec<&str> = Attr::ALL.iter().map(|a| a.name()).collect();
    names.join(" ")
}

/// The role (1-14) an item number stands for, or 0 when it is not a role.
#[wasm_bindgen]
pub fn item_role(item: u32) -> u32 {
    Item::from_js(item)
        .and_then(Item::role)
        .map_or(0, u32::from)
}

/// The item number of role `role` (both charts use it), or 0 for no such role.
#[wasm_bindgen]
pub fn role_item(role: u32) -> u32 {
    u8::try_from(role)
        .ok()
        .and_then(|r| Item::from_js(u32::from(r)))
        .filter(|i| i.role().is_some())
        .map_or(0, Item::to_js)
}

/// Whether an item number is a hierarchy node's expand/collapse button.
#[wasm_bindgen]
pub fn item_is_toggle(item: u32) -> bool {
    matches!(Item::from_js(item), Some(Item::Toggle(_)))
}

/// Parses a summary table (`role,scale,n,mean,median,mode,sd[,group]`) for the tools below.
#[cfg(feature = "tools")]
fn summary_table(text: &str, name: &str) -> Result<crate::model::SummaryTable, JsError> {
    use crate::import::{import_str, Format, ImportOptions};
    let opts = ImportOptions {
        format: Format::Summary,
        file_name: name.to_string(),
        ..ImportOptions::default()
    };
    match import_str(text, &opts).map_err(js_err)?.dataset {
        crate::model::Dataset::Summary(t) => Ok(t),
        crate::model::Dataset::Respondents(_) => Err(JsError::new("expected a summary table")),
    }
}

/// GRIM/GRIMMER consistency checks of a summary table, per row and SD convention (the CLI's
/// `check --format json`).
#[cfg(feature = "tools")]
#[wasm_bindgen]
pub fn check_summary(text: &str, name: &str) -> Result<JsValue, JsError> {
    let table = summary_table(text, name)?;
    to_js(&crate::reconstruct::check_table(
        &table,
        &crate::reconstruct::CheckOptions::default(),
    ))
}

/// Respondent-level answers reconstructed from a summary table with n (SPRITE-style), as long
/// CSV (the CLI's `reconstruct`).
#[cfg(feature = "tools")]
#[wasm_bindgen]
pub fn reconstruct_summary(text: &str, name: &str, seed: u64) -> Result<String, JsError> {
    use crate::reconstruct::{reconstruct, table_roles, to_long_csv, ReconstructOptions};
    let table = summary_table(text, name)?;
    let opts = ReconstructOptions {
        seed,
        ..ReconstructOptions::default()
    };
    let survey = reconstruct(&table, &opts).map_err(js_err)?;
    Ok(to_long_csv(&survey, &table_roles(&table)))
}
