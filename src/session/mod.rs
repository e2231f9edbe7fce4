//! The state of one chart element, pure: the loaded data, the options, the statistics of the
//! current selection, the view and the last layout. The wasm handle is a thin shell around a
//! `Session` plus a canvas; everything here is tested natively.
//!
//! Coordinates that come in from the wrapper are CSS pixels relative to the plot element; the
//! layout works in device pixels (`css * dpr`), so the canvas backing store is sharp.

use serde::Serialize;
use thiserror::Error;

mod hierarchy;

use hierarchy::HierState;
pub use hierarchy::TOGGLE;

use crate::catalogue::{catalogue, Lang};
use crate::chart::{
    self, fmt_fixed, fmt_num, hit_test, layout_quadrant, QuadrantLayout, QuadrantPoint,
    QuadrantScene, TextMeasure, ViewTransform,
};
use crate::import::{self, Format, ImportError, ImportOptions, Imported};
use crate::model::Dataset;
use crate::stats::{self, Crosshair, Describe, SdKind, Selection, Stats, StatsError, StatsOptions};

#[derive(Debug, Error)]
pub enum SessionError {
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Stats(#[from] StatsError),
    #[error("unknown data format \"{0}\": expected auto, long, wide, qualtrics, json or summary")]
    Format(String),
    #[error("invalid options: {0}")]
    Options(String),
    #[error("invalid zoom \"{0}\": expected full, report, fit or x0,x1,y0,y1 (importance from, to, performance from, to)")]
    Zoom(String),
    #[error("invalid view \"{0}\": expected quadrant or hierarchy")]
    View(String),
    #[error("no data loaded")]
    NoData,
    #[error("drawing failed: {0}")]
    Draw(String),
    /// The element is too small to lay anything out (e.g. collapsed while the page lays out);
    /// `draw` clears the canvas and waits for a usable size instead of reporting an error.
    #[error("the element is too small to draw")]
    TooSmall,
}

pub(crate) fn layout_error(e: chart::LayoutError) -> SessionError {
    match e {
        chart::LayoutError::TooSmall { .. } | chart::LayoutError::BadSize { .. } => {
            SessionError::TooSmall
        }
        other => SessionError::Draw(other.to_string()),
    }
}

/// What the whiskers show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ErrorBars {
    #[default]
    Sd,
    Ci,
    None,
}

impl ErrorBars {
    pub fn parse(text: &str) -> Result<ErrorBars, SessionError> {
        match text.trim() {
            "" | "sd" => Ok(ErrorBars::Sd),
            "ci" => Ok(ErrorBars::Ci),
            "none" => Ok(ErrorBars::None),
            other => Err(SessionError::Options(format!(
                "unknown errorbars \"{other}\": expected sd, ci or none"
            ))),
        }
    }
}

/// Options the wrapper sets from the element's attributes (small, rarely changed).
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub lang: String,
    /// Comma-separated group codes; empty = everyone.
    pub groups: String,
    pub crosshair: String,
    /// With `mean`/`median` crosshairs: follow the selection (true) or stay at the full sample.
    pub crosshair_follows: bool,
    pub errorbars: ErrorBars,
    pub sd: String,
    pub view: String,
    pub hierarchy: String,
    pub color_by: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: "en".into(),
            groups: String::new(),
            crosshair: "scale".into(),
            crosshair_follows: false,
            errorbars: ErrorBars::Sd,
            sd: "population".into(),
            view: "quadrant".into(),
            hierarchy: "spearheads".into(),
            color_by: "gap".into(),
        }
    }
}

/// Size of the drawing surface.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    pub width_css: f64,
    pub height_css: f64,
    pub dpr: f64,
}

impl Size {
    pub fn width_px(&self) -> u32 {
        (self.width_css * self.dpr).round().max(1.0) as u32
    }
    pub fn height_px(&self) -> u32 {
        (self.height_css * self.dpr).round().max(1.0) as u32
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

/// A tooltip: title, the full role text, figure rows (label, value) and a note.
#[derive(Debug, Serialize)]
pub struct Tooltip {
    pub title: String,
    pub text: String,
    pub rows: Vec<(String, String)>,
    pub note: String,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct RectCss {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct ViewCss {
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct PointCss {
    pub role: u8,
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct LabelCss {
    pub role: u8,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub number_only: bool,
    pub leader: bool,
}

/// The geometry of the last frame in CSS pixels (see `Session::layout_css`).
#[derive(Debug, Serialize)]
pub struct LayoutCss {
    pub width_css: f64,
    pub height_css: f64,
    pub dpr: f64,
    pub plot: RectCss,
    pub view: ViewCss,
    pub points: Vec<PointCss>,
    pub labels: Vec<LabelCss>,
    /// Hierarchy nodes (empty in the quadrant view).
    pub nodes: Vec<NodeCss>,
    pub edges: Vec<EdgeCss>,
    pub breadcrumb: Vec<String>,
    pub highlighted: Option<u32>,
    pub selected: Option<u32>,
}

/// A laid-out hierarchy node in CSS px, with the text lines drawn in it.
#[derive(Clone, Debug, Serialize)]
pub struct NodeCss {
    pub id: u32,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub font_css: f64,
    pub lines: Vec<String>,
    pub line_boxes: Vec<RectCss>,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct EdgeCss {
    pub from: u32,
    pub to: u32,
    pub primary: bool,
}

/// A named or explicit zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Zoom {
    Full,
    Report,
    Fit,
    Ranges(f64, f64, f64, f64),
}

impl Zoom {
    pub fn parse(text: &str) -> Result<Zoom, SessionError> {
        let t = text.trim().to_ascii_lowercase();
        match t.as_str() {
            "" | "full" => Ok(Zoom::Full),
            "report" => Ok(Zoom::Report),
            "fit" => Ok(Zoom::Fit),
            _ => {
                #[expect(
                    clippy::disallowed_methods,
                    reason = "ASCII char pattern: a byte search, no &str searcher"
                )]
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

/// The state of one element.
pub struct Session {
    imported: Option<Imported>,
    options: Options,
    lang: Lang,
    stats: Option<Stats>,
    view: ViewTransform,
    size: Size,
    /// The last layout; kept while `dirty` so hit tests between a change and the next frame
    /// still answer from what is on screen.
    layout: Option<QuadrantLayout>,
    dirty: bool,
    hier: HierState,
    /// Hovered and selected items: roles 1-14, or hierarchy nodes.
    highlighted: Option<u32>,
    selected: Option<u32>,
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
            options: Options::default(),
            lang: Lang::En,
            stats: None,
            view: ViewTransform::full(),
            size: Size {
                width_css: 640.0,
                height_css: 400.0,
                dpr: 1.0,
            },
            layout: None,
            dirty: true,
            hier: HierState::default(),
            highlighted: None,
            selected: None,
        }
    }

    /// Imports a data file; on error the previous data stay.
    pub fn load(
        &mut self,
        bytes: &[u8],
        format: &str,
        file_name: &str,
    ) -> Result<(), SessionError> {
        let format =
            Format::parse(format).ok_or_else(|| SessionError::Format(format.to_string()))?;
        let opts = ImportOptions {
            format,
            file_name: file_name.to_string(),
            ..ImportOptions::default()
        };
        let imported = import::import(bytes, &opts)?;
        let previous = self.imported.replace(imported);
        if let Err(e) = self.recompute() {
            self.imported = previous;
            // The old data and options were consistent; keep showing them.
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

    pub fn options(&self) -> &Options {
        &self.options
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Applies new options; on error the previous options stay in force.
    pub fn set_options(&mut self, options: Options) -> Result<(), SessionError> {
        let lang = Lang::parse(&options.lang).ok_or_else(|| {
            SessionError::Options(format!(
                "unknown language \"{}\": expected nl or en",
                options.lang
            ))
        })?;
        if !matches!(options.view.as_str(), "quadrant" | "hierarchy") {
            return Err(SessionError::View(options.view.clone()));
        }
        let arrangement = hierarchy::arrangement(&options)?;
        hierarchy::color_by(&options)?;
        if arrangement != hierarchy::arrangement(&self.options).unwrap_or_default() {
            self.hier.collapsed.clear();
            self.hier.reset();
        }
        let previous = std::mem::replace(&mut self.options, options);
        if let Err(e) = self.recompute() {
            self.options = previous;
            let _ = self.recompute();
            return Err(e);
        }
        self.lang = lang;
        self.dirty = true;
        Ok(())
    }

    #[expect(
        clippy::disallowed_methods,
        reason = "ASCII char pattern: a byte search, no &str searcher"
    )]
    fn selection(&self) -> Selection {
        Selection {
            groups: self
                .options
                .groups
                .split(',')
                .map(str::trim)
                .filter(|g| !g.is_empty())
                .map(String::from)
                .collect(),
            spcos: Vec::new(),
        }
    }

    /// Recomputes the statistics of the current selection (on load, and when a filter or a
    /// statistics option changes; never on zoom).
    fn recompute(&mut self) -> Result<(), SessionError> {
        let Some(imported) = &self.imported else {
            self.stats = None;
            return Ok(());
        };
        let sd = SdKind::parse(&self.options.sd)?;
        let mut crosshair = Crosshair::parse(&self.options.crosshair)?;
        let selection = self.selection();
        if !self.options.crosshair_follows
            && matches!(crosshair, Crosshair::Mean | Crosshair::Median)
            && !selection.groups.is_empty()
        {
            // The crosshair stays where the whole sample puts it, so points move against a
            // fixed reference when a reader filters.
            let all = stats::compute(
                &imported.dataset,
                &Selection::default(),
                &StatsOptions { sd, crosshair },
            )?;
            crosshair = Crosshair::At {
                importance: all.crosshair.importance,
                performance: all.crosshair.performance,
            };
        }
        self.stats = Some(stats::compute(
            &imported.dataset,
            &selection,
            &StatsOptions { sd, crosshair },
        )?);
        self.dirty = true;
        Ok(())
    }

    /// What the wrapper needs to build its controls.
    pub fn info(&self) -> Option<Info<'_>> {
        let imported = self.imported.as_ref()?;
        // Per-group n of the whole dataset, whatever the current filter.
        let all = stats::compute(
            &imported.dataset,
            &Selection::default(),
            &StatsOptions::default(),
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

    // ---- view -----------------------------------------------------------------------------

    pub fn resize(&mut self, width_css: f64, height_css: f64, dpr: f64) {
        let ok = |v: f64| v.is_finite() && v > 0.0;
        let size = Size {
            width_css: if ok(width_css) { width_css } else { 1.0 },
            height_css: if ok(height_css) { height_css } else { 1.0 },
            dpr: if ok(dpr) {
                crate::lean::number::clamp(dpr, 0.25, 8.0)
            } else {
                1.0
            },
        };
        if size != self.size {
            self.size = size;
            self.dirty = true;
        }
    }

    pub fn size(&self) -> Size {
        self.size
    }

    pub fn set_zoom(&mut self, zoom: &str) -> Result<(), SessionError> {
        let parsed = Zoom::parse(zoom)?;
        if self.is_hierarchy() {
            // The hierarchy has no data axes: every preset shows the whole diagram.
            if let Zoom::Ranges(..) = parsed {
                return Err(SessionError::Zoom(format!(
                    "{zoom}: explicit ranges apply to the quadrant view; the hierarchy takes full or fit"
                )));
            }
            self.hier.reset();
            self.dirty = true;
            return Ok(());
        }
        let plot = self.view.plot_rect();
        let view = match parsed {
            Zoom::Full => ViewTransform::full(),
            Zoom::Report => ViewTransform::report(),
            Zoom::Fit => ViewTransform::fit(self.scene().points.iter()),
            Zoom::Ranges(x0, x1, y0, y1) => ViewTransform::new((x0, x1), (y0, y1), plot)
                .map_err(|e| SessionError::Zoom(format!("{zoom}: {e}")))?,
        };
        self.view = view.with_plot_rect(plot).unwrap_or(view);
        self.dirty = true;
        Ok(())
    }

    pub fn view(&self) -> &ViewTransform {
        &self.view
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the data point under (x, y) CSS px fixed.
    pub fn zoom_at(&mut self, x_css: f64, y_css: f64, factor: f64) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let d = self.size.dpr;
        if self.is_hierarchy() {
            let v = self.hier.view.zoom_at(x_css * d, y_css * d, factor);
            self.hier.user_moved(v);
        } else {
            self.view = self.view.zoom_at(x_css * d, y_css * d, factor);
        }
        self.dirty = true;
    }

    /// Pans by a pointer movement in CSS px (the content follows the pointer).
    pub fn pan(&mut self, dx_css: f64, dy_css: f64) {
        let d = self.size.dpr;
        if self.is_hierarchy() {
            let v = self.hier.view.pan_px(dx_css * d, dy_css * d);
            self.hier.user_moved(v);
        } else {
            self.view = self.view.pan_px(dx_css * d, dy_css * d);
        }
        self.dirty = true;
    }

    pub fn box_zoom(&mut self, x0_css: f64, y0_css: f64, x1_css: f64, y1_css: f64) {
        let d = self.size.dpr;
        let (x0, y0, x1, y1) = (x0_css * d, y0_css * d, x1_css * d, y1_css * d);
        if self.is_hierarchy() {
            let v = self.hier.view.box_zoom(x0, y0, x1, y1);
            self.hier.user_moved(v);
        } else {
            self.view = self.view.box_zoom(x0, y0, x1, y1);
        }
        self.dirty = true;
    }

    /// Hover emphasis (a role, or a hierarchy node; 0 for none).
    pub fn set_highlight(&mut self, item: u32) {
        let item = Some(item).filter(|&i| i > 0 && i < TOGGLE);
        if item != self.highlighted {
            self.highlighted = item;
            self.dirty = true;
        }
    }

    /// The selected item (a role, or a hierarchy node; 0 for none).
    pub fn set_selected(&mut self, item: u32) {
        let item = Some(item).filter(|&i| i > 0 && i < TOGGLE);
        if item != self.selected {
            self.selected = item;
            self.dirty = true;
        }
    }

    fn is_hierarchy(&self) -> bool {
        self.options.view == "hierarchy"
    }

    /// Jump to new views instead of animating (`prefers-reduced-motion`).
    pub fn set_reduced_motion(&mut self, reduced: bool) {
        self.hier.reduced_motion = reduced;
    }

    /// A click or Enter on an item. In the hierarchy a node zooms to its subtree (animated) and
    /// a node's button collapses or expands it; true when the view changed.
    pub fn activate(&mut self, item: u32) -> bool {
        if !self.is_hierarchy() || !self.hier.activate(item) {
            return false;
        }
        self.dirty = true;
        true
    }

    /// Escape: back out one zoom level in the hierarchy; false when there is nothing to leave.
    pub fn escape(&mut self) -> bool {
        let done = self.is_hierarchy() && self.hier.escape();
        self.dirty |= done;
        done
    }

    pub fn zoom_out_to(&mut self, depth: usize) {
        if self.is_hierarchy() {
            self.hier.zoom_out_to(depth);
            self.dirty = true;
        }
    }

    /// The hierarchy's zoom path as labels (empty in the quadrant view).
    pub fn breadcrumb(&self) -> Vec<String> {
        if self.is_hierarchy() {
            self.hier.breadcrumb(self.lang)
        } else {
            Vec::new()
        }
    }

    // ---- scene and layout -------------------------------------------------------------------

    /// The chart's content in data units, from the statistics and options.
    pub fn scene(&self) -> QuadrantScene {
        let cat = catalogue();
        let mut points = Vec::new();
        let mut crosshair = (5.0, 3.0);
        if let Some(stats) = &self.stats {
            crosshair = (stats.crosshair.importance, stats.crosshair.performance);
            for r in &stats.roles {
                let (Some(imp), Some(perf)) = (&r.importance, &r.performance) else {
                    continue;
                };
                let Some(role) = cat.role(r.role) else {
                    continue;
                };
                let whisker = |d: &Describe| match self.options.errorbars {
                    ErrorBars::Sd => d.sd.map(|sd| (d.mean - sd, d.mean + sd)),
                    ErrorBars::Ci => d.ci95.map(|[lo, hi]| (lo, hi)),
                    ErrorBars::None => None,
                };
                points.push(QuadrantPoint {
                    role: r.role,
                    importance: imp.mean,
                    performance: perf.mean,
                    importance_err: whisker(imp),
                    performance_err: whisker(perf),
                    category: role.category,
                    label: format!("{}  {}", r.role, role.short(self.lang)),
                    small_n: r.small_n,
                });
            }
        }
        QuadrantScene {
            points,
            crosshair,
            lang: self.lang,
            highlighted: self.highlighted.filter(|&i| i <= 14).map(|i| i as u8),
            selected: self.selected.filter(|&i| i <= 14).map(|i| i as u8),
        }
    }

    /// Lays the chart out for the current size if anything changed since the last layout.
    pub fn ensure_layout(&mut self, measure: &mut dyn TextMeasure) -> Result<(), SessionError> {
        if self.is_hierarchy() {
            if self.dirty || self.hier.layout.is_none() {
                let scene = self.hier_scene();
                self.hier.layout(&scene, self.size, measure)?;
                self.dirty = false;
            }
            return Ok(());
        }
        if self.dirty || self.layout.is_none() {
            let scene = self.scene();
            let layout = layout_quadrant(
                &scene,
                &self.view,
                (self.size.width_px() as f64, self.size.height_px() as f64),
                self.size.dpr,
                measure,
            )
            .map_err(layout_error)?;
            self.view = layout.transform;
            self.layout = Some(layout);
            self.dirty = false;
        }
        Ok(())
    }

    fn hier_scene(&self) -> crate::chart::hierarchy::HierarchyScene {
        self.hier.scene(
            &self.options,
            self.lang,
            self.stats.as_ref(),
            self.highlighted,
            self.selected,
        )
    }

    pub fn layout(&self) -> Option<&QuadrantLayout> {
        self.layout.as_ref()
    }

    /// The role under (x, y) CSS px in the last layout, or 0.
    pub fn hit(&self, x_css: f64, y_css: f64) -> u32 {
        let d = self.size.dpr;
        if self.is_hierarchy() {
            return self.hier.hit(x_css * d, y_css * d);
        }
        self.layout
            .as_ref()
            .and_then(|l| hit_test(l, x_css * d, y_css * d))
            .map_or(0, u32::from)
    }

    /// The next visible item after `current` in reading order (`dir` 1 or -1); 0 past the end.
    pub fn next_item(&self, current: u32, dir: i32) -> u32 {
        let roles: Vec<u32> = if self.is_hierarchy() {
            self.hier.order()
        } else {
            let Some(layout) = &self.layout else { return 0 };
            let mut roles: Vec<u32> = layout.points.iter().map(|p| u32::from(p.role)).collect();
            crate::lean::small_sort::sort(&mut roles);
            roles
        };
        let pos = roles.iter().position(|&r| r == current);
        let next = match (pos, dir >= 0) {
            (None, true) => roles.first().copied(),
            (None, false) => roles.last().copied(),
            (Some(i), true) => roles.get(i + 1).copied(),
            (Some(i), false) => i.checked_sub(1).and_then(|j| roles.get(j).copied()),
        };
        next.unwrap_or(0)
    }

    /// Position of a role's marker in CSS px, if visible.
    pub fn item_position(&self, role: u32) -> Option<(f64, f64)> {
        let d = self.size.dpr;
        if self.is_hierarchy() {
            return self.hier.position(role, d);
        }
        let layout = self.layout.as_ref()?;
        let p = layout.points.iter().find(|p| u32::from(p.role) == role)?;
        Some((p.x / d, p.y / d))
    }

    /// The tooltip of a role: full text and figures, formatted for the current language.
    pub fn tooltip(&self, role: u32) -> Option<Tooltip> {
        if role > 14 {
            return hierarchy::node_tooltip(role, self.stats.as_ref(), self.lang);
        }
        let cat = catalogue();
        let stats = self.stats.as_ref()?;
        let r = stats.roles.iter().find(|r| u32::from(r.role) == role)?;
        let info = cat.role(r.role)?;
        let lang = self.lang;
        let num = |v: f64| fmt_fixed(v, 2, lang);
        let mut rows: Vec<(String, String)> = Vec::new();
        for (name, d) in [
            (lang.pick("Belang", "Importance"), &r.importance),
            (lang.pick("Prestatie", "Performance"), &r.performance),
        ] {
            let Some(d) = d else { continue };
            let mut parts = vec![format!("{} {}", lang.pick("gem.", "mean"), num(d.mean))];
            if let Some(m) = d.median {
                parts.push(format!(
                    "{} {}",
                    lang.pick("med.", "median"),
                    fmt_num(m, lang)
                ));
            }
            if let Some(sd) = d.sd {
                parts.push(format!("SD {}", num(sd)));
            }
            if let Some(n) = d.n {
                parts.push(format!("n = {n}"));
            }
            // No-break spaces inside each figure, so a narrow tooltip wraps only between figures.
            let parts: Vec<String> = parts
                .iter()
                .map(|p| crate::lean::substr::replace(p, " ", "\u{a0}"))
                .collect();
            rows.push((name.to_string(), parts.join(" · ")));
            if let Some([lo, hi]) = d.ci95 {
                rows.push((
                    format!("  {}", lang.pick("95%-BI", "95% CI")),
                    format!("{} – {}", num(lo), num(hi)),
                ));
            }
        }
        if let Some(q) = r.quadrant {
            let qi = cat.quadrants.iter().find(|x| x.code == q.code());
            if let Some(qi) = qi {
                rows.push((
                    lang.pick("Kwadrant", "Quadrant").into(),
                    lang.pick(qi.nl, qi.en).to_string(),
                ));
            }
        }
        if let Some(g) = r.gap {
            rows.push((
                lang.pick("Kloof", "Gap").into(),
                format!("{}{}", if g > 0.0 { "+" } else { "" }, num(g)),
            ));
        }
        let category = cat.category(info.category);
        rows.push((
            lang.pick("Categorie", "Category").into(),
            lang.pick(category.nl, category.en).to_string(),
        ));
        let mut notes = Vec::new();
        if r.small_n {
            notes.push(lang.pick(
                "Weinig antwoorden (n < 5): voorzichtig lezen.",
                "Few answers (n < 5): read with care.",
            ));
        }
        if r.ci_crosses_crosshair {
            notes.push(lang.pick(
                "Het 95%-betrouwbaarheidsinterval overschrijdt de kwadrantgrens.",
                "The 95% confidence interval crosses the quadrant line.",
            ));
        }
        Some(Tooltip {
            title: format!("{} · {}", r.role, info.short(lang)),
            text: info.text(lang).to_string(),
            rows,
            note: notes.join(" "),
        })
    }

    /// Geometry of the last layout in CSS px, for tests and for pages that overlay the chart.
    pub fn layout_css(&self) -> Option<LayoutCss> {
        let d = self.size.dpr;
        let css = |r: &chart::Rect| RectCss {
            x: r.x0 / d,
            y: r.y0 / d,
            w: r.width() / d,
            h: r.height() / d,
        };
        if self.is_hierarchy() {
            let l = self.hier.layout.as_ref()?;
            let (x0, y0) = l.view.to_diagram(l.plot.x0, l.plot.y0);
            let (x1, y1) = l.view.to_diagram(l.plot.x1, l.plot.y1);
            return Some(LayoutCss {
                width_css: self.size.width_css,
                height_css: self.size.height_css,
                dpr: d,
                plot: css(&l.plot),
                view: ViewCss { x0, x1, y0, y1 },
                points: Vec::new(),
                labels: Vec::new(),
                nodes: l
                    .nodes
                    .iter()
                    .map(|n| {
                        let r = css(&n.rect);
                        NodeCss {
                            id: n.id,
                            x: r.x,
                            y: r.y,
                            w: r.w,
                            h: r.h,
                            font_css: n.font_px / d,
                            lines: n.lines.iter().map(|t| t.text.clone()).collect(),
                            line_boxes: n.lines.iter().map(|t| css(&t.rect)).collect(),
                        }
                    })
                    .collect(),
                edges: l
                    .edges
                    .iter()
                    .map(|e| EdgeCss {
                        from: e.from,
                        to: e.to,
                        primary: e.primary,
                    })
                    .collect(),
                breadcrumb: self.hier.breadcrumb(self.lang),
                highlighted: self.highlighted,
                selected: self.selected,
            });
        }
        let layout = self.layout.as_ref()?;
        let (x0, x1) = layout.transform.x_range();
        let (y0, y1) = layout.transform.y_range();
        Some(LayoutCss {
            width_css: self.size.width_css,
            height_css: self.size.height_css,
            dpr: d,
            plot: css(&layout.transform.plot_rect()),
            view: ViewCss { x0, x1, y0, y1 },
            points: layout
                .points
                .iter()
                .map(|p| PointCss {
                    role: p.role,
                    x: p.x / d,
                    y: p.y / d,
                })
                .collect(),
            labels: layout
                .labels
                .iter()
                .map(|l| {
                    let r = css(&l.rect);
                    LabelCss {
                        role: l.role,
                        x: r.x,
                        y: r.y,
                        w: r.w,
                        h: r.h,
                        number_only: l.number_only,
                        leader: l.leader.is_some(),
                    }
                })
                .collect(),
            nodes: Vec::new(),
            edges: Vec::new(),
            breadcrumb: Vec::new(),
            highlighted: self.highlighted,
            selected: self.selected,
        })
    }

    /// One sentence for screen readers describing what is shown.
    pub fn summary_text(&self) -> String {
        let lang = self.lang;
        let Some(stats) = &self.stats else {
            return lang.pick("Geen gegevens", "No data").into();
        };
        if self.is_hierarchy() {
            let shown = self.hier.order().len();
            return match lang {
                Lang::Nl => format!("Hiërarchie van de speerpuntrollen: {shown} knopen zichtbaar. Gebruik Tab om ze te overlopen, Enter om in te zoomen, Escape om terug te gaan."),
                Lang::En => format!("Hierarchy of the spearhead roles: {shown} nodes visible. Use Tab to step through them, Enter to zoom in, Escape to go back."),
            };
        }
        let (x0, x1) = self.view.x_range();
        let (y0, y1) = self.view.y_range();
        let visible = self.layout.as_ref().map_or(0, |l| l.points.len());
        let n = stats
            .n_respondents
            .map(|n| format!(", n = {n}"))
            .unwrap_or_default();
        match lang {
            Lang::Nl => format!(
                "Kwadrantgrafiek van belang ({}–{}) en prestatie ({}–{}) van {} rollen{n}. Gebruik Tab om de rollen te overlopen.",
                fmt_fixed(x0, 1, lang), fmt_fixed(x1, 1, lang), fmt_fixed(y0, 1, lang), fmt_fixed(y1, 1, lang), visible
            ),
            Lang::En => format!(
                "Quadrant chart of importance ({}–{}) and performance ({}–{}) of {} roles{n}. Use Tab to step through the roles.",
                fmt_fixed(x0, 1, lang), fmt_fixed(x1, 1, lang), fmt_fixed(y0, 1, lang), fmt_fixed(y1, 1, lang), visible
            ),
        }
    }

    /// The chart as a standalone SVG document (for reports and slides), at the current view.
    pub fn svg(&self, width_css: f64, height_css: f64) -> Result<String, SessionError> {
        if self.is_hierarchy() {
            return crate::chart::hierarchy::render_hierarchy_svg(
                &self.hier_scene(),
                &self.hier.view,
                width_css,
                height_css,
                1.0,
            )
            .map_err(|e| SessionError::Draw(e.to_string()));
        }
        chart::render_svg(&self.scene(), &self.view, width_css, height_css, 1.0)
            .map_err(|e| SessionError::Draw(e.to_string()))
    }

    /// Draws the chart onto any plotters backend of the session's pixel size.
    /// Returns true while an animated transition wants more frames.
    pub fn draw<DB: plotters_backend::DrawingBackend>(
        &mut self,
        backend: &mut DB,
        measure: &mut dyn TextMeasure,
        now_ms: f64,
    ) -> Result<bool, SessionError> {
        match self.draw_inner(backend, measure, now_ms) {
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

    fn draw_inner<DB: plotters_backend::DrawingBackend>(
        &mut self,
        backend: &mut DB,
        measure: &mut dyn TextMeasure,
        now_ms: f64,
    ) -> Result<bool, SessionError> {
        if self.is_hierarchy() {
            let tick = self.hier.tick(now_ms);
            if tick.is_some() {
                self.dirty = true;
            }
            let more = tick == Some(true);
            self.ensure_layout(measure)?;
            let scene = self.hier_scene();
            let layout = self.hier.layout.as_ref().expect("ensured");
            crate::chart::hierarchy::draw_hierarchy(
                backend,
                &scene,
                layout,
                &chart::DrawOptions::canvas(),
            )
            .map_err(|e| SessionError::Draw(e.to_string()))?;
            // The last frame of a transition still needs drawing at its end view.
            return Ok(more);
        }
        self.ensure_layout(measure)?;
        let scene = self.scene();
        let layout = self.layout.as_ref().expect("ensured");
        chart::draw_quadrant(backend, &scene, layout, &chart::DrawOptions::canvas())
            .map_err(|e| SessionError::Draw(e.to_string()))?;
        Ok(false)
    }
}
