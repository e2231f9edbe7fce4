//! The state of one chart element, pure: the loaded data, the typed settings, the statistics of
//! the current selection and the chart (`ChartState`: the quadrant chart or the hierarchy, each
//! with its own view, layout, hit testing and tooltips). The wasm handle is a thin shell around a
//! `Session` plus a canvas; everything here is tested natively.
//!
//! Coordinates that come in from the wrapper are CSS pixels relative to the plot element; the
//! layouts work in device pixels (`css * dpr`), so the canvas backing store is sharp.
//!
//! Longer than most files (about 1,000 lines) on purpose: it is the one place where every action on
//! an element meets both charts (`ChartState` is matched once per action), so splitting it would
//! scatter that list; the per-chart work is in `quadrant.rs` and `hierarchy.rs`.

use serde::Serialize;
use thiserror::Error;

mod css;
pub mod describe;
mod describe_compare;
mod hierarchy;
mod item;
mod quadrant;
mod settings;
mod tooltip;

pub use css::{ArrowCss, EdgeCss, LabelCss, LayoutCss, NodeCss, PointCss, RectCss, ViewCss};
pub use item::{opt_to_js, Item};
pub use settings::{Attr, ErrorBars, Settings, SettingsError, View};
pub use tooltip::Tooltip;

use hierarchy::HierState;
use quadrant::QuadrantState;

use crate::catalogue::Lang;
use crate::chart::{self, QuadrantLayout, QuadrantScene, Screen, TextMeasure, ViewTransform};
use crate::import::{self, Format, ImportError, ImportOptions, Imported};
use crate::lean::number::clamp;
use crate::model::Dataset;
use crate::stats::{
    self, Comparison, Crosshair, GroupHist, Selection, Stats, StatsError, StatsOptions,
};

#[derive(Debug, Error)]
pub enum SessionError {
    // Not `transparent`: without `full` (the start wasm) an import error's Display is
    // not linked at all; its words are the on-demand module's (ImportError::message).
    #[error("{}", .0.message(Lang::En))]
    Import(#[from] ImportError),
    #[error(transparent)]
    Stats(#[from] StatsError),
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error("compare: {0}")]
    Compare(#[from] stats::CompareError),
    #[error("unknown data format \"{0}\": expected auto, long, wide, qualtrics, json or summary")]
    Format(String),
    #[error("invalid zoom \"{0}\": expected full, report, fit or x0,x1,y0,y1 (importance from, to, performance from, to)")]
    Zoom(String),
    #[error("no data loaded")]
    NoData,
    #[error("drawing failed: {0}")]
    Draw(String),
    /// The element is too small to lay anything out (e.g. collapsed while the page lays out);
    /// `draw` clears the canvas and waits for a usable size instead of reporting an error.
    #[error("the element is too small to draw")]
    TooSmall,
}

impl SessionError {
    /// The message in `lang`: import errors have Dutch wording too; the others are the
    /// element's own faults, reported to developers, in English.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SessionError::Import(e) => e.message(lang),
            other => other.to_string(),
        }
    }
}

pub(crate) fn layout_error(e: chart::LayoutError) -> SessionError {
    match e {
        chart::LayoutError::TooSmall { .. } | chart::LayoutError::BadSize { .. } => {
            SessionError::TooSmall
        }
        other => SessionError::Draw(other.to_string()),
    }
}

/// Imports a data file as `Session::load` does, without a session (a worker only imports).
pub fn import_bytes(bytes: &[u8], format: &str, file_name: &str) -> Result<Imported, SessionError> {
    let format = Format::parse(format).ok_or_else(|| SessionError::Format(format.to_string()))?;
    let opts = ImportOptions {
        format,
        file_name: file_name.to_string(),
        ..ImportOptions::default()
    };
    Ok(import::import(bytes, &opts)?)
}

/// Size of the drawing surface.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    pub width_css: f64,
    pub height_css: f64,
    pub dpr: f64,
    /// The `text-scale` factor resolved for this size and screen (1: the theme as it is).
    pub text_scale: f64,
}

impl Size {
    /// The device-pixel ratio the layouts measure with: the real one times the text scale, so
    /// type, marks, spacing and line widths all grow together while the surface keeps its
    /// pixels (and the pointer its CSS px).
    pub fn ink_dpr(&self) -> f64 {
        clamp(self.dpr * self.text_scale, 0.25, 16.0)
    }

    pub fn width_px(&self) -> u32 {
        (self.width_css * self.dpr).round().max(1.0) as u32
    }
    pub fn height_px(&self) -> u32 {
        (self.height_css * self.dpr).round().max(1.0) as u32
    }
    fn px(&self) -> (f64, f64) {
        (f64::from(self.width_px()), f64::from(self.height_px()))
    }
}

/// What the wrapper needs to know about loaded data.
#[derive(Debug, Serialize)]
pub struct Info<'a> {
    pub format: &'static str,
    pub source: &'static str,
    pub n_respondents: Option<u32>,
    pub groups: Vec<stats::GroupStats>,
    pub excluded: &'a [import::Exclusion],
}

/// A named or explicit zoom.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Zoom {
    #[default]
    Full,
    Report,
    Fit,
    Ranges(f64, f64, f64, f64),
}

impl Zoom {
    #[expect(
        clippy::disallowed_methods,
        reason = "char pattern: a byte search, no &str searcher"
    )]
    pub fn parse(text: &str) -> Result<Zoom, SessionError> {
        let t = text.trim().to_ascii_lowercase();
        match t.as_str() {
            "" | "full" => Ok(Zoom::Full),
            "report" => Ok(Zoom::Report),
            "fit" => Ok(Zoom::Fit),
            _ => {
                let v: Vec<f64> = t
                    .split(',')
                    .map(|p| crate::lean::number::parse_f64(p.trim().as_bytes(), b'.'))
                    .collect::<Option<_>>()
                    .ok_or_else(|| SessionError::Zoom(text.to_string()))?;
                match v[..] {
                    [a, b, c, d] => Ok(Zoom::Ranges(a, b, c, d)),
                    _ => Err(SessionError::Zoom(text.to_string())),
                }
            }
        }
    }
}

/// What a chart reads from the session to build its scene.
pub(crate) struct SceneInput<'a> {
    pub settings: &'a Settings,
    pub stats: Option<&'a Stats>,
    /// The `compare` setting's two groups, when set (read through `comparison()`).
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    pub comparison: Option<&'a Comparison>,
    pub highlighted: Option<Item>,
    pub selected: Option<Item>,
}

impl<'a> SceneInput<'a> {
    /// The comparison, for the charts: None at compile time in the start wasm (no `full`
    /// feature), so the charts' comparison branches drop out of it even where not inlined.
    pub fn comparison(&self) -> Option<&'a Comparison> {
        #[cfg(feature = "full")]
        let c = self.comparison;
        #[cfg(not(feature = "full"))]
        let c = None;
        c
    }
}

/// The drawing options and dimensions (CSS px and ratio) of an SVG made like the canvas (the
/// browser's export): the page's font and palette, and the canvas' own pixels laid out at its ink
/// ratio (the pixel ratio times the text scale), so the layout makes the same choices as on screen.
fn like_canvas(input: &SceneInput, size: Size) -> (chart::DrawOptions, (f64, f64, f64)) {
    let opts = chart::DrawOptions {
        font_family: chart::FONT_FAMILY_UI.to_string(),
        ..chart::DrawOptions::svg().themed(input.settings.theme)
    };
    let ink = size.ink_dpr();
    let dims = (
        f64::from(size.width_px()) / ink,
        f64::from(size.height_px()) / ink,
        ink,
    );
    (opts, dims)
}

/// A session's comparison (`Session::comparison`), as a macro so it borrows one field only.
macro_rules! comparison {
    ($s:expr) => {{
        #[cfg(feature = "full")]
        let c = $s.comparison.as_ref();
        #[cfg(not(feature = "full"))]
        let c: Option<&Comparison> = None;
        c
    }};
}

/// The chart an element shows, with the state only that chart has.
// One per element, never moved about in numbers: boxing the larger variant would save nothing.
#[allow(clippy::large_enum_variant)]
enum ChartState {
    Quadrant(QuadrantState),
    Hierarchy(HierState),
}

impl ChartState {
    fn new(view: View) -> ChartState {
        match view {
            View::Quadrant => ChartState::Quadrant(QuadrantState::default()),
            View::Hierarchy => ChartState::Hierarchy(HierState::default()),
        }
    }

    fn view(&self) -> View {
        match self {
            ChartState::Quadrant(_) => View::Quadrant,
            ChartState::Hierarchy(..) => View::Hierarchy,
        }
    }
}

/// The state of one element.
pub struct Session {
    imported: Option<Imported>,
    /// The imported respondents' per-group counts (stats/group_hist.rs), made once per import.
    group_hist: Option<GroupHist>,
    settings: Settings,
    stats: Option<Stats>,
    #[cfg(feature = "full")]
    comparison: Option<Comparison>,
    chart: ChartState,
    size: Size,
    /// The element's own zoom attribute: where `0` and double-click return.
    home: Zoom,
    /// The layout is stale; the last one is kept until the next frame so hit tests between a
    /// change and the redraw still answer from what is on screen.
    dirty: bool,
    /// The last frame had no room for a plot (drawn blank; the wrapper says so in words).
    too_small: bool,
    highlighted: Option<Item>,
    selected: Option<Item>,
    reduced_motion: bool,
    /// Counts changes of what is shown other than the view and the hover (data, settings,
    /// statistics, selection, collapsed nodes), so the wrapper rebuilds its text alternatives
    /// only when they can have changed.
    revision: u32,
    /// Where the element is shown, for `text-scale="auto"`.
    screen: Screen,
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

impl Session {
    pub fn new() -> Session {
        Session {
            imported: None,
            group_hist: None,
            settings: Settings::default(),
            stats: None,
            #[cfg(feature = "full")]
            comparison: None,
            chart: ChartState::new(View::Quadrant),
            size: Size {
                width_css: 640.0,
                height_css: 400.0,
                dpr: 1.0,
                text_scale: 1.0,
            },
            screen: Screen::default(),
            home: Zoom::Full,
            dirty: true,
            too_small: false,
            highlighted: None,
            selected: None,
            reduced_motion: false,
            revision: 0,
        }
    }

    // ---- data and settings ----------------------------------------------------------------

    /// Imports a data file; on error the previous data stay.
    /// The language of the messages of the next `load` only: the statistics and charts follow
    /// it once the settings are applied.
    pub fn set_lang(&mut self, lang: Lang) {
        self.settings.lang = lang;
    }

    pub fn load(
        &mut self,
        bytes: &[u8],
        format: &str,
        file_name: &str,
    ) -> Result<(), SessionError> {
        let imported = import_bytes(bytes, format, file_name)?;
        self.load_imported(imported)
    }

    /// Shows data imported elsewhere (a worker's instance, see `import::encode`); on error the
    /// previous data stay.
    pub fn load_imported(&mut self, imported: Imported) -> Result<(), SessionError> {
        self.load_imported_with(imported, None)
    }

    /// `load_imported` with the data's per-group counts when the caller made them (a big import
    /// counts them over several tasks); otherwise they are counted here, in one pass.
    pub fn load_imported_with(
        &mut self,
        imported: Imported,
        hist: Option<GroupHist>,
    ) -> Result<(), SessionError> {
        // Counts of other respondents are never summed (stats::respondents checks them).
        let hist = match &imported.dataset {
            Dataset::Respondents(s) => Some(hist.unwrap_or_else(|| GroupHist::of(s))),
            Dataset::Summary(_) => None,
        };
        let previous_hist = std::mem::replace(&mut self.group_hist, hist);
        let previous = self.imported.replace(imported);
        if let Err(e) = self.recompute() {
            self.imported = previous;
            self.group_hist = previous_hist;
            // The old data and settings were consistent; keep showing them.
            let _ = self.recompute();
            return Err(e);
        }
        Ok(())
    }

    pub fn imported(&self) -> Option<&Imported> {
        self.imported.as_ref()
    }

    pub fn stats(&self) -> Option<&Stats> {
        self.stats.as_ref()
    }

    /// The two groups of the `compare` setting (None without it).
    // Without `full` (the start wasm) this is None whatever happens, so the compiler drops the
    // comparison's statistics, scene, tooltips and wording (~N KB brotli): `compare` is refused
    // there with MORE (Settings::set) and the element moves to the on-demand module.
    pub fn comparison(&self) -> Option<&Comparison> {
        comparison!(self)
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Changes so far of what is shown other than the view and the hover (see the field).
    pub fn revision(&self) -> u32 {
        self.revision
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    /// Applies new settings; on error (a group the data do not have) the previous stay.
    pub fn set_settings(&mut self, settings: Settings) -> Result<(), SessionError> {
        let previous = std::mem::replace(&mut self.settings, settings);
        if let Err(e) = self.recompute() {
            self.settings = previous;
            let _ = self.recompute();
            return Err(e);
        }
        let chart_changed = self.settings.view != self.chart.view()
            || (self.settings.view == View::Hierarchy
                && self.settings.arrangement != previous.arrangement);
        if chart_changed {
            // Another chart (or another diagram): its own view, nothing collapsed.
            self.chart = ChartState::new(self.settings.view);
            self.set_reduced_motion(self.reduced_motion);
            // Items of one chart mean nothing in another, except roles.
            self.highlighted = self.highlighted.filter(|i| i.role().is_some());
            self.selected = self.selected.filter(|i| i.role().is_some());
        }
        self.update_text_scale();
        self.dirty = true;
        self.revision = self.revision.wrapping_add(1);
        Ok(())
    }

    fn selection(&self) -> Selection {
        Selection {
            groups: self.settings.groups.clone(),
            spcos: Vec::new(),
        }
    }

    /// Recomputes the statistics of the current selection (on load, and when a filter or a
    /// statistics setting changes; never on zoom).
    fn recompute(&mut self) -> Result<(), SessionError> {
        let Some(imported) = &self.imported else {
            self.stats = None;
            #[cfg(feature = "full")]
            {
                self.comparison = None;
            }
            return Ok(());
        };
        let sd = self.settings.sd;
        let mut crosshair = self.settings.crosshair;
        let selection = self.selection();
        if !self.settings.crosshair_follows
            && matches!(crosshair, Crosshair::Mean | Crosshair::Median)
            && !selection.groups.is_empty()
        {
            // The crosshair stays where the whole sample puts it, so points move against a
            // fixed reference when a reader filters.
            let all = stats::compute_with(
                &imported.dataset,
                &Selection::default(),
                &StatsOptions { sd, crosshair },
                self.group_hist.as_ref(),
            )?;
            crosshair = Crosshair::At {
                importance: all.crosshair.importance,
                performance: all.crosshair.performance,
            };
        }
        self.stats = Some(stats::compute_with(
            &imported.dataset,
            &selection,
            &StatsOptions { sd, crosshair },
            self.group_hist.as_ref(),
        )?);
        // The comparison resolves a mean or median crosshair from everyone itself.
        #[cfg(feature = "full")]
        {
            self.comparison = match &self.settings.compare {
                Some([a, b]) => Some(stats::compare(
                    &imported.dataset,
                    a,
                    b,
                    &StatsOptions {
                        sd,
                        crosshair: self.settings.crosshair,
                    },
                )?),
                None => None,
            };
        }
        self.dirty = true;
        self.revision = self.revision.wrapping_add(1);
        Ok(())
    }

    /// What the wrapper needs to build its controls.
    pub fn info(&self) -> Option<Info<'_>> {
        let imported = self.imported.as_ref()?;
        // Per-group n of the whole dataset, whatever the current filter.
        let all = stats::compute_with(
            &imported.dataset,
            &Selection::default(),
            &StatsOptions::default(),
            self.group_hist.as_ref(),
        )
        .ok();
        Some(Info {
            format: imported.format.name(),
            source: match imported.dataset {
                Dataset::Respondents(_) => "respondents",
                Dataset::Summary(_) => "summary",
            },
            n_respondents: all.as_ref().and_then(|s| s.n_respondents),
            groups: all.map(|s| s.groups).unwrap_or_default(),
            excluded: &imported.excluded,
        })
    }

    fn input(&self) -> SceneInput<'_> {
        SceneInput {
            settings: &self.settings,
            stats: self.stats.as_ref(),
            comparison: comparison!(self),
            highlighted: self.highlighted,
            selected: self.selected,
        }
    }

    // ---- size and view --------------------------------------------------------------------

    pub fn resize(&mut self, width_css: f64, height_css: f64, dpr: f64) {
        let ok = |v: f64| v.is_finite() && v > 0.0;
        let size = Size {
            width_css: if ok(width_css) { width_css } else { 1.0 },
            height_css: if ok(height_css) { height_css } else { 1.0 },
            dpr: if ok(dpr) { clamp(dpr, 0.25, 8.0) } else { 1.0 },
            text_scale: self.size.text_scale,
        };
        if size != self.size {
            self.size = size;
            self.dirty = true;
        }
        self.update_text_scale();
    }

    /// Where the element is shown (for `text-scale="auto"`).
    pub fn set_screen(&mut self, screen: Screen) {
        self.screen = screen;
        self.update_text_scale();
    }

    fn update_text_scale(&mut self) {
        let f = self.settings.text_scale.factor(self.screen);
        if f != self.size.text_scale {
            self.size.text_scale = f;
            self.dirty = true;
        }
    }

    pub fn size(&self) -> Size {
        self.size
    }

    /// Shows a zoom (the zoom buttons); the element's own zoom stays where `0` returns.
    pub fn set_zoom(&mut self, zoom: &str) -> Result<(), SessionError> {
        let parsed = Zoom::parse(zoom)?;
        self.show_zoom(parsed, zoom)
    }

    /// The element's `zoom` attribute: shown now, and where `0` and double-click return.
    pub fn set_home_zoom(&mut self, zoom: &str) -> Result<(), SessionError> {
        let parsed = Zoom::parse(zoom)?;
        self.show_zoom(parsed, zoom)?;
        self.home = parsed;
        Ok(())
    }

    /// Back to the element's own zoom (`0`, double-click).
    pub fn reset_zoom(&mut self) {
        // The home zoom was accepted once; it is valid for the chart it was set on, and the
        // hierarchy refuses only explicit ranges, which then fall back to the whole diagram.
        if self.show_zoom(self.home, "").is_err() {
            let _ = self.show_zoom(Zoom::Full, "");
        }
    }

    fn show_zoom(&mut self, zoom: Zoom, text: &str) -> Result<(), SessionError> {
        let input = SceneInput {
            settings: &self.settings,
            stats: self.stats.as_ref(),
            comparison: comparison!(self),
            highlighted: self.highlighted,
            selected: self.selected,
        };
        match &mut self.chart {
            ChartState::Quadrant(q) => q.set_zoom(zoom, text, &input)?,
            ChartState::Hierarchy(h) => h.set_zoom(zoom, text)?,
        }
        self.dirty = true;
        Ok(())
    }

    /// The quadrant chart's view (the full scale while the hierarchy is shown).
    pub fn view(&self) -> ViewTransform {
        match &self.chart {
            ChartState::Quadrant(q) => q.view,
            ChartState::Hierarchy(..) => ViewTransform::full(),
        }
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the point under (x, y) CSS px fixed.
    pub fn zoom_at(&mut self, x_css: f64, y_css: f64, factor: f64) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let (x, y) = (x_css * self.size.dpr, y_css * self.size.dpr);
        match &mut self.chart {
            ChartState::Quadrant(q) => q.zoom_at(x, y, factor),
            ChartState::Hierarchy(h) => h.user_moved(h.view.zoom_at(x, y, factor)),
        }
        self.dirty = true;
    }

    /// Pans by a pointer movement in CSS px (the content follows the pointer).
    pub fn pan(&mut self, dx_css: f64, dy_css: f64) {
        let (dx, dy) = (dx_css * self.size.dpr, dy_css * self.size.dpr);
        match &mut self.chart {
            ChartState::Quadrant(q) => q.view = q.view.pan_px(dx, dy),
            ChartState::Hierarchy(h) => h.user_moved(h.view.pan_px(dx, dy)),
        }
        self.dirty = true;
    }

    pub fn box_zoom(&mut self, x0_css: f64, y0_css: f64, x1_css: f64, y1_css: f64) {
        let d = self.size.dpr;
        let (x0, y0, x1, y1) = (x0_css * d, y0_css * d, x1_css * d, y1_css * d);
        match &mut self.chart {
            ChartState::Quadrant(q) => q.view = q.view.box_zoom(x0, y0, x1, y1),
            ChartState::Hierarchy(h) => h.user_moved(h.view.box_zoom(x0, y0, x1, y1)),
        }
        self.dirty = true;
    }

    // ---- items: hover, selection, activation ----------------------------------------------

    /// Hover emphasis (a role or a hierarchy node; buttons are not emphasised).
    pub fn set_highlight(&mut self, item: Option<Item>) {
        let item = item.filter(|i| !matches!(i, Item::Toggle(_)));
        if item != self.highlighted {
            self.highlighted = item;
            self.dirty = true;
        }
    }

    /// The selected item (a role or a hierarchy node).
    pub fn set_selected(&mut self, item: Option<Item>) {
        let item = item.filter(|i| !matches!(i, Item::Toggle(_)));
        if item != self.selected {
            self.selected = item;
            self.dirty = true;
            self.revision = self.revision.wrapping_add(1);
        }
    }

    /// Jump to new views instead of animating (`prefers-reduced-motion`).
    pub fn set_reduced_motion(&mut self, reduced: bool) {
        self.reduced_motion = reduced;
        if let ChartState::Hierarchy(h) = &mut self.chart {
            h.reduced_motion = reduced;
        }
    }

    /// A click or Enter on an item. In the hierarchy a node zooms to its subtree (animated) and
    /// a node's button collapses or expands it; true when the view changed.
    pub fn activate(&mut self, item: Item) -> bool {
        let ChartState::Hierarchy(h) = &mut self.chart else {
            return false;
        };
        let changed = h.activate(item);
        self.dirty |= changed;
        if changed {
            self.revision = self.revision.wrapping_add(1);
        }
        changed
    }

    /// Escape: back out one zoom level in the hierarchy; false when there is nothing to leave.
    pub fn escape(&mut self) -> bool {
        let ChartState::Hierarchy(h) = &mut self.chart else {
            return false;
        };
        let done = h.escape();
        self.dirty |= done;
        done
    }

    pub fn zoom_out_to(&mut self, depth: usize) {
        if let ChartState::Hierarchy(h) = &mut self.chart {
            h.zoom_out_to(depth);
            self.dirty = true;
        }
    }

    /// The hierarchy's view and collapsed nodes as numbers (empty in the quadrant view); see
    /// `set_hier_state`.
    pub fn hier_state(&self) -> Vec<f64> {
        match &self.chart {
            ChartState::Hierarchy(h) => h.view_state(),
            ChartState::Quadrant(_) => Vec::new(),
        }
    }

    /// Shows a `hier_state` of another session (the SVG export draws what the page shows).
    pub fn set_hier_state(&mut self, state: &[f64]) -> Result<(), SessionError> {
        let ChartState::Hierarchy(h) = &mut self.chart else {
            return Err(SessionError::Draw("not the hierarchy view".to_string()));
        };
        h.set_view_state(state)
            .map_err(|e| SessionError::Draw(format!("hierarchy state: {e}")))?;
        self.dirty = true;
        self.revision = self.revision.wrapping_add(1);
        Ok(())
    }

    /// The hierarchy's zoom path as labels (empty in the quadrant view).
    pub fn breadcrumb(&self) -> Vec<String> {
        match &self.chart {
            ChartState::Hierarchy(h) => h.breadcrumb(self.lang()),
            ChartState::Quadrant(_) => Vec::new(),
        }
    }

    /// The item under (x, y) CSS px in the last layout.
    pub fn hit(&self, x_css: f64, y_css: f64) -> Option<Item> {
        let (x, y) = (x_css * self.size.dpr, y_css * self.size.dpr);
        match &self.chart {
            ChartState::Quadrant(q) => q.hit(x, y),
            ChartState::Hierarchy(h) => h.hit(x, y),
        }
    }

    /// The next visible item after `current` in reading order (`dir` 1 or -1); None past the end.
    pub fn next_item(&self, current: Option<Item>, dir: i32) -> Option<Item> {
        let order = match &self.chart {
            ChartState::Quadrant(q) => q.order(),
            ChartState::Hierarchy(h) => h.order(),
        };
        let pos = current.and_then(|c| order.iter().position(|&i| i == c));
        match (pos, dir >= 0) {
            (None, true) => order.first().copied(),
            (None, false) => order.last().copied(),
            (Some(i), true) => order.get(i + 1).copied(),
            (Some(i), false) => i.checked_sub(1).and_then(|j| order.get(j).copied()),
        }
    }

    /// Position of an item's marker or box centre in CSS px, if visible.
    pub fn item_position(&self, item: Item) -> Option<(f64, f64)> {
        let (x, y) = match &self.chart {
            ChartState::Quadrant(q) => q.position(item)?,
            ChartState::Hierarchy(h) => h.position(item)?,
        };
        Some((x / self.size.dpr, y / self.size.dpr))
    }

    /// The tooltip of an item: full text and figures, formatted for the current language.
    pub fn tooltip(&self, item: Item) -> Option<Tooltip> {
        let stats = self.stats.as_ref();
        match item {
            Item::Role(r) => match self.comparison() {
                Some(cmp) => tooltip::role_compare(r, cmp, self.lang()),
                None => tooltip::role(r, stats?, self.lang()),
            },
            Item::Node(id) => match self.comparison() {
                Some(cmp) => tooltip::node_compare(id, cmp, self.lang()),
                None => tooltip::node(id, stats, self.lang()),
            },
            Item::Toggle(_) => None,
        }
    }

    // ---- scene, layout, drawing -----------------------------------------------------------

    /// The quadrant chart's content in data units, from the statistics and settings.
    pub fn scene(&self) -> QuadrantScene {
        quadrant::scene(&self.input())
    }

    /// Lays the chart out for the current size if anything changed since the last layout.
    pub fn ensure_layout(&mut self, measure: &mut dyn TextMeasure) -> Result<(), SessionError> {
        let input = SceneInput {
            settings: &self.settings,
            stats: self.stats.as_ref(),
            comparison: comparison!(self),
            highlighted: self.highlighted,
            selected: self.selected,
        };
        let laid_out = match &self.chart {
            ChartState::Quadrant(q) => q.layout.is_some(),
            ChartState::Hierarchy(h) => h.layout.is_some(),
        };
        if laid_out && !self.dirty {
            return Ok(());
        }
        // A reader's large font can leave the plot no room (a 200% default font in a 560 px
        // element said "too small"): the chart's text then steps down towards 1x until the chart
        // fits, and, unless the page set `text-scale` itself, a quadrant's plot keeps half the
        // canvas' height (at 1.5x a 240 px canvas kept a 60 px strip). The number key and the
        // tooltip keep the full scale (`size`): they are HTML that wraps, and their size must not
        // depend on this choice, or the plot's would feed back.
        let auto = self.settings.text_scale == chart::TextScale::Auto;
        let mut size = self.size;
        loop {
            let laid = match &mut self.chart {
                ChartState::Quadrant(q) => q.lay_out(&input, size, measure).and_then(|()| {
                    let cramped = q
                        .layout
                        .as_ref()
                        .is_some_and(|l| l.plot.height() * 2.0 < f64::from(size.height_px()));
                    if cramped && auto && size.text_scale > 1.0 {
                        Err(SessionError::TooSmall)
                    } else {
                        Ok(())
                    }
                }),
                ChartState::Hierarchy(h) => h.lay_out(&input, size, measure),
            };
            match laid {
                Err(SessionError::TooSmall) if size.text_scale > 1.0 => {
                    size.text_scale = (size.text_scale - 0.25).max(1.0);
                }
                other => {
                    other?;
                    break;
                }
            }
        }
        self.dirty = false;
        Ok(())
    }

    /// The quadrant chart's last layout (None in the hierarchy).
    pub fn layout(&self) -> Option<&QuadrantLayout> {
        match &self.chart {
            ChartState::Quadrant(q) => q.layout.as_ref(),
            ChartState::Hierarchy(..) => None,
        }
    }

    /// Geometry of the last layout in CSS px, for tests and for pages that overlay the chart.
    pub fn layout_css(&self) -> Option<LayoutCss> {
        let mut css = match &self.chart {
            ChartState::Quadrant(q) => q.layout_css(self.size)?,
            ChartState::Hierarchy(h) => h.layout_css(self.size, self.lang())?,
        };
        css.highlighted = self.highlighted.map(Item::to_js);
        css.selected = self.selected.map(Item::to_js);
        Some(css)
    }

    /// One sentence for screen readers describing what is shown.
    pub fn summary_text(&self) -> String {
        if self.stats.is_none() {
            return crate::wording::NO_DATA.get(self.lang()).into();
        }
        let mut text = match &self.chart {
            ChartState::Quadrant(q) => {
                let mut text = q.summary_text(&self.input());
                if let Some(stats) = &self.stats {
                    text.push(' ');
                    text.push_str(&describe::quadrant_summary(stats, self.lang()));
                }
                text
            }
            ChartState::Hierarchy(h) => h.summary_text(self.stats.as_ref(), self.lang()),
        };
        if let Some(c) = self.comparison() {
            let names = [
                quadrant::side_name(&c.a, self.lang()),
                quadrant::side_name(&c.b, self.lang()),
            ];
            text.push(' ');
            text.push_str(&crate::wording::compare_summary(
                self.lang(),
                [&names[0], &names[1]],
                c.clear,
                c.differences,
                [c.a.n_respondents, c.b.n_respondents],
                matches!(self.chart, ChartState::Hierarchy(_)),
            ));
        }
        text
    }

    /// The data table of what is shown (None before data or, in the hierarchy, a layout).
    pub fn table(&self) -> Option<describe::Table> {
        if let (Some(cmp), ChartState::Quadrant(_)) = (self.comparison(), &self.chart) {
            return Some(describe_compare::compare_table(
                cmp,
                self.lang(),
                self.selected,
            ));
        }
        match &self.chart {
            ChartState::Quadrant(_) => Some(describe::quadrant_table(
                self.stats.as_ref()?,
                self.lang(),
                self.selected,
            )),
            ChartState::Hierarchy(h) => h.table(&self.input()),
        }
    }

    /// The visible item nearest to `from` in an arrow key's direction (see
    /// `describe::neighbour`), from the last layout; None when nothing lies that way.
    pub fn neighbour(&self, from: Item, dir: describe::Direction) -> Option<Item> {
        let items: Vec<(Item, (f64, f64))> = self
            .next_order()
            .into_iter()
            .filter_map(|i| Some((i, self.item_position(i)?)))
            .collect();
        describe::neighbour(&items, from, dir)
    }

    fn next_order(&self) -> Vec<Item> {
        match &self.chart {
            ChartState::Quadrant(q) => q.order(),
            ChartState::Hierarchy(h) => h.order(),
        }
    }

    /// The chart as a standalone SVG document (for reports and slides), at the current view and
    /// text scale (the document is `text_scale` times the CSS size, so it matches the screen),
    /// measured with Arial metrics.
    pub fn svg(&self, width_css: f64, height_css: f64) -> Result<String, SessionError> {
        let dims = (width_css, height_css, self.size.text_scale);
        self.svg_with(
            dims,
            &mut chart::arial_measure(),
            &chart::DrawOptions::svg(),
        )
    }

    /// The chart as the browser exports it: measured with the page's text measure and set in its
    /// font, so it holds the labels and boxes the screen shows, at the current view (and, for the
    /// hierarchy, collapsed nodes).
    pub fn svg_like_canvas(
        &mut self,
        measure: &mut dyn TextMeasure,
    ) -> Result<String, SessionError> {
        // At the text scale the canvas fits at (`ensure_layout`), which its layout's ratio keeps.
        self.ensure_layout(measure)?;
        let ink = match &self.chart {
            ChartState::Quadrant(q) => q.layout.as_ref().map(|l| l.dpr),
            ChartState::Hierarchy(h) => h.layout.as_ref().map(|l| l.dpr),
        };
        let size = Size {
            text_scale: ink.map_or(self.size.text_scale, |d| d / self.size.dpr),
            ..self.size
        };
        let (opts, dims) = like_canvas(&self.input(), size);
        self.svg_with(dims, measure, &opts)
    }

    fn svg_with(
        &self,
        dims: (f64, f64, f64),
        measure: &mut dyn TextMeasure,
        opts: &chart::DrawOptions,
    ) -> Result<String, SessionError> {
        let input = self.input();
        match &self.chart {
            ChartState::Quadrant(q) => {
                chart::render_svg(&quadrant::scene(&input), &q.view, dims, measure, opts)
            }
            ChartState::Hierarchy(h) => chart::hierarchy::render_hierarchy_svg(
                &h.scene(&input),
                &h.view,
                dims,
                measure,
                opts,
            ),
        }
        .map_err(|e| SessionError::Draw(e.to_string()))
    }

    /// Whether the last frame had no room for a plot (the element is too small for its chart).
    pub fn too_small(&self) -> bool {
        self.too_small
    }

    /// Draws the chart onto any plotters backend of the session's pixel size.
    /// Returns true while an animated transition wants more frames.
    pub fn draw<DB: crate::chart::Backend>(
        &mut self,
        backend: &mut DB,
        measure: &mut dyn TextMeasure,
        now_ms: f64,
    ) -> Result<bool, SessionError> {
        let drawn = self.draw_frame(backend, measure, now_ms);
        self.too_small = matches!(drawn, Err(SessionError::TooSmall));
        match drawn {
            Err(SessionError::TooSmall) => {
                let (w, h) = backend.get_size();
                backend
                    .draw_rect((0, 0), (w as i32, h as i32), &chart::WHITE_BACKEND, true)
                    .map_err(|e| SessionError::Draw(e.to_string()))?;
                Ok(false)
            }
            other => other,
        }
    }

    fn draw_frame<DB: crate::chart::Backend>(
        &mut self,
        backend: &mut DB,
        measure: &mut dyn TextMeasure,
        now_ms: f64,
    ) -> Result<bool, SessionError> {
        // An animated transition moves the view, so it needs a fresh layout this frame.
        let mut more = false;
        if let ChartState::Hierarchy(h) = &mut self.chart {
            if let Some(going) = h.tick(now_ms) {
                self.dirty = true;
                more = going;
            }
        }
        self.ensure_layout(measure)?;
        let input = self.input();
        match &self.chart {
            ChartState::Quadrant(q) => q.draw(backend, &input)?,
            ChartState::Hierarchy(h) => h.draw(backend, &input)?,
        }
        // The last frame of a transition still needs drawing at its end view.
        Ok(more)
    }
}
