//! The hierarchy view of a session: its own view (`HierView`), collapsed nodes, the zoom path
//! shown as a breadcrumb, and the animated transition between views.

use crate::catalogue::{catalogue, Lang};
use crate::chart::hierarchy::{
    self, hit_test_hierarchy, layout_hierarchy, lerp, node_kind, node_label, rollup_method,
    zoom_to_node, Arrangement, ColorBy, HierView, HierarchyLayout, HierarchyScene, Hit, NodeId,
    NodeKind, NodeSet,
};
use crate::chart::{fmt_fixed, TextMeasure};
use crate::stats::Stats;

use super::{Options, SessionError, Size, Tooltip};

/// How long a zoom-to-subtree transition takes.
const TRANSITION_MS: f64 = 450.0;

/// Item numbers for the expand/collapse buttons: `TOGGLE + node id`, so the wrapper can pass
/// whatever `hit` returned back to `activate`.
pub const TOGGLE: u32 = 10_000;

#[derive(Clone, Debug)]
struct Transition {
    from: HierView,
    to: HierView,
    start_ms: Option<f64>,
}

#[derive(Clone, Debug, Default)]
pub(super) struct HierState {
    pub view: HierView,
    pub layout: Option<HierarchyLayout>,
    pub collapsed: NodeSet,
    transition: Option<Transition>,
    /// The nodes zoomed into, outermost first, each with the view to return to.
    path: Vec<(NodeId, HierView)>,
    /// The reader asked for less motion: jump instead of animating.
    pub reduced_motion: bool,
}

pub(super) fn arrangement(options: &Options) -> Result<Arrangement, SessionError> {
    match options.hierarchy.as_str() {
        "" | "spearheads" => Ok(Arrangement::Spearheads),
        "categories" => Ok(Arrangement::Categories),
        other => Err(SessionError::Options(format!(
            "unknown hierarchy \"{other}\": expected spearheads or categories"
        ))),
    }
}

pub(super) fn color_by(options: &Options) -> Result<ColorBy, SessionError> {
    match options.color_by.as_str() {
        "" | "gap" => Ok(ColorBy::Gap),
        "importance" => Ok(ColorBy::Importance),
        "performance" => Ok(ColorBy::Performance),
        other => Err(SessionError::Options(format!(
            "unknown color-by \"{other}\": expected importance, performance or gap"
        ))),
    }
}

impl HierState {
    pub fn reset(&mut self) {
        self.view = HierView::fit()
            .with_plot_rect(self.view.plot_rect())
            .unwrap_or_default();
        self.transition = None;
        self.path.clear();
    }

    pub fn scene(
        &self,
        options: &Options,
        lang: Lang,
        stats: Option<&Stats>,
        highlighted: Option<u32>,
        selected: Option<u32>,
    ) -> HierarchyScene {
        let arrangement = arrangement(options).unwrap_or_default();
        let color_by = color_by(options).unwrap_or(ColorBy::Gap);
        HierarchyScene {
            arrangement,
            lang,
            color_by,
            values: stats
                .map(|s| hierarchy::values_from_stats(s, color_by))
                .unwrap_or_default(),
            collapsed: self.collapsed.clone(),
            highlighted,
            selected,
        }
    }

    pub fn layout(
        &mut self,
        scene: &HierarchyScene,
        size: Size,
        measure: &mut dyn TextMeasure,
    ) -> Result<(), SessionError> {
        let layout = layout_hierarchy(
            scene,
            &self.view,
            (size.width_px() as f64, size.height_px() as f64),
            size.dpr,
            measure,
        )
        .map_err(super::layout_error)?;
        self.view = layout.view;
        self.layout = Some(layout);
        Ok(())
    }

    /// Advances a running transition to `now_ms`: None when none runs, else whether it has
    /// frames to go.
    pub fn tick(&mut self, now_ms: f64) -> Option<bool> {
        let tr = self.transition.as_mut()?;
        let start = *tr.start_ms.get_or_insert(now_ms);
        let t = crate::lean::number::clamp((now_ms - start) / TRANSITION_MS, 0.0, 1.0);
        let next = lerp(&tr.from, &tr.to, t);
        self.view = next.with_plot_rect(self.view.plot_rect()).unwrap_or(next);
        if t >= 1.0 {
            self.transition = None;
            return Some(false);
        }
        Some(true)
    }

    fn animate_to(&mut self, to: HierView) {
        if self.reduced_motion {
            self.view = to.with_plot_rect(self.view.plot_rect()).unwrap_or(to);
            self.transition = None;
            return;
        }
        self.transition = Some(Transition {
            from: self.view,
            to,
            start_ms: None,
        });
    }

    /// A click or Enter on `item` (a node, or `TOGGLE + id` for its button): a toggle collapses
    /// or expands; a node with children zooms to its subtree. True when something changed.
    pub fn activate(&mut self, item: u32) -> bool {
        if item > TOGGLE {
            let id = item - TOGGLE;
            if !self.collapsed.remove(&id) {
                self.collapsed.insert(id);
            }
            return true;
        }
        let Some(layout) = &self.layout else {
            return false;
        };
        if matches!(
            node_kind(item),
            None | Some(NodeKind::Role | NodeKind::PurposeItem)
        ) {
            return false;
        }
        if self.path.last().map(|(id, _)| *id) == Some(item) {
            return false;
        }
        let Some(to) = zoom_to_node(layout, item) else {
            return false;
        };
        self.path.push((item, self.view));
        self.animate_to(to);
        true
    }

    /// Escape: back out one level of zoom. False when at the top.
    pub fn escape(&mut self) -> bool {
        let Some((_, back)) = self.path.pop() else {
            return false;
        };
        self.animate_to(back);
        true
    }

    /// Back out to breadcrumb `depth` (0 = the whole diagram).
    pub fn zoom_out_to(&mut self, depth: usize) {
        if depth >= self.path.len() {
            return;
        }
        let (_, back) = self.path[depth];
        self.path.truncate(depth);
        self.animate_to(back);
    }

    /// Breadcrumb labels: the whole diagram, then each node zoomed into.
    pub fn breadcrumb(&self, lang: Lang) -> Vec<String> {
        let mut out = vec![lang.pick("Alle rollen", "All roles").to_string()];
        out.extend(self.path.iter().map(|(id, _)| node_label(*id, lang)));
        out
    }

    /// Direct user zoom or pan ends any transition and the breadcrumb's meaning.
    pub fn user_moved(&mut self, view: HierView) {
        self.transition = None;
        self.view = view;
    }

    pub fn hit(&self, px: f64, py: f64) -> u32 {
        match self
            .layout
            .as_ref()
            .and_then(|l| hit_test_hierarchy(l, px, py))
        {
            Some(Hit::Node(id)) => id,
            Some(Hit::Toggle(id)) => TOGGLE + id,
            None => 0,
        }
    }

    /// Visible nodes in reading order (level by level).
    pub fn order(&self) -> Vec<u32> {
        let Some(l) = &self.layout else {
            return Vec::new();
        };
        let mut nodes: Vec<_> = l
            .nodes
            .iter()
            .filter(|n| l.plot.intersects(&n.rect))
            .map(|n| {
                (
                    n.level,
                    (n.rect.y0 * 4.0) as i64,
                    (n.rect.x0 * 4.0) as i64,
                    n.id,
                )
            })
            .collect();
        crate::lean::small_sort::sort(&mut nodes);
        nodes.into_iter().map(|n| n.3).collect()
    }

    pub fn position(&self, id: u32, dpr: f64) -> Option<(f64, f64)> {
        let n = self.layout.as_ref()?.node(id)?;
        let (x, y) = n.rect.center();
        Some((x / dpr, y / dpr))
    }
}

/// Tooltip of a hierarchy node that is not a role (roles share the quadrant's tooltip).
pub(super) fn node_tooltip(id: u32, stats: Option<&Stats>, lang: Lang) -> Option<Tooltip> {
    let kind = node_kind(id)?;
    let cat = catalogue();
    let num = |v: f64| fmt_fixed(v, 2, lang);
    let mut rows = Vec::new();
    let mut text = String::new();
    let rollup = stats.and_then(|s| match kind {
        NodeKind::Spearhead => s
            .spearheads
            .iter()
            .find(|r| r.id.map(u32::from) == Some(id - 100)),
        NodeKind::Category => s
            .categories
            .iter()
            .find(|r| r.code.map(|c| c.index() as u32 + 401) == Some(id)),
        _ => None,
    });
    match kind {
        NodeKind::Spearhead => {
            if let Some(sr) = cat.spearheads.iter().find(|s| u32::from(s.id) + 100 == id) {
                let list =
                    |ids: &[u8]| ids.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
                text = if sr.secondary.is_empty() {
                    format!(
                        "{}: {}",
                        lang.pick("Uit rol", "From role"),
                        list(sr.primary)
                    )
                } else {
                    format!(
                        "{}: {}; {}: {}",
                        lang.pick("Hoofdrol", "Main role"),
                        list(sr.primary),
                        lang.pick("ook", "also"),
                        list(sr.secondary)
                    )
                };
            }
        }
        NodeKind::Category => {
            if let Some(c) = cat
                .categories
                .iter()
                .find(|c| c.code.index() as u32 + 401 == id)
            {
                text = lang.pick(c.nl, c.en).to_string();
            }
        }
        NodeKind::Purpose => {
            text = cat
                .higher_purpose_requirements
                .iter()
                .map(|r| lang.pick(r.nl, r.en))
                .collect::<Vec<_>>()
                .join(" · ");
        }
        _ => {}
    }
    if let Some(r) = rollup {
        if let Some(m) = r.importance.mean {
            rows.push((lang.pick("Belang", "Importance").to_string(), num(m)));
        }
        if let Some(m) = r.performance.mean {
            rows.push((lang.pick("Prestatie", "Performance").to_string(), num(m)));
        }
        if let Some(g) = r.gap {
            let sign = if g > 0.0 { "+" } else { "" };
            rows.push((
                lang.pick("Kloof", "Gap").to_string(),
                format!("{sign}{}", num(g)),
            ));
        }
    }
    let note = rollup_method(id, lang)
        .map(|m| format!("{}: {m}.", lang.pick("Samengevat als", "Rolled up as")))
        .unwrap_or_default();
    Some(Tooltip {
        title: node_label(id, lang),
        text,
        rows,
        note,
    })
}
