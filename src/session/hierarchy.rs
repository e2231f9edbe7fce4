//! The hierarchy view of a session: its own view (`HierView`), collapsed nodes, the zoom path
//! shown as a breadcrumb, and the animated transition between views.

use super::css::{EdgeCss, LayoutCss, NodeCss, RectCss, ViewCss};
use super::{layout_error, Item, SceneInput, SessionError, Size, Zoom};
use crate::catalogue::Lang;
use crate::chart::hierarchy::{
    self, hit_test_hierarchy, layout_hierarchy, lerp, node_kind, node_label, zoom_to_node,
    HierView, HierarchyLayout, HierarchyScene, Hit, NodeId, NodeKind, NodeSet,
};
use crate::chart::{DrawOptions, TextMeasure};
use crate::wording;

/// How long a zoom-to-subtree transition takes.
const TRANSITION_MS: f64 = 450.0;

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

impl HierState {
    pub fn reset(&mut self) {
        self.view = HierView::fit()
            .with_plot_rect(self.view.plot_rect())
            .unwrap_or_default();
        self.transition = None;
        self.path.clear();
    }

    pub fn scene(&self, input: &SceneInput) -> HierarchyScene {
        let settings = input.settings;
        let (values, compare) = match input.comparison() {
            Some(cmp) => {
                let (values, unclear) = hierarchy::values_from_comparison(cmp, settings.color_by);
                let compare = hierarchy::HierCompare {
                    names: [
                        super::quadrant::side_name(&cmp.a, settings.lang),
                        super::quadrant::side_name(&cmp.b, settings.lang),
                    ],
                    scale: hierarchy::compared_scale(settings.color_by),
                    unclear,
                };
                (values, Some(compare))
            }
            None => (
                input
                    .stats
                    .map(|s| hierarchy::values_from_stats(s, settings.color_by))
                    .unwrap_or_default(),
                None,
            ),
        };
        HierarchyScene {
            arrangement: settings.arrangement,
            lang: settings.lang,
            color_by: settings.color_by,
            values,
            compare,
            collapsed: self.collapsed.clone(),
            highlighted: input.highlighted.and_then(Item::node),
            selected: input.selected.and_then(Item::node),
        }
    }

    pub fn set_zoom(&mut self, zoom: Zoom, text: &str) -> Result<(), SessionError> {
        // The hierarchy has no data axes: every preset shows the whole diagram.
        if let Zoom::Ranges(..) = zoom {
            return Err(SessionError::Zoom(format!(
                "{text}: explicit ranges apply to the quadrant view; the hierarchy takes full or fit"
            )));
        }
        self.reset();
        Ok(())
    }

    /// Lays the chart out for `size` (the session decides when).
    pub fn lay_out(
        &mut self,
        input: &SceneInput,
        size: Size,
        measure: &mut dyn TextMeasure,
    ) -> Result<(), SessionError> {
        let scene = self.scene(input);
        let layout = layout_hierarchy(&scene, &self.view, size.px(), size.ink_dpr(), measure)
            .map_err(layout_error)?;
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

    /// A click or Enter on `item`: a button collapses or expands its node; a node with children
    /// zooms to its subtree. True when something changed.
    pub fn activate(&mut self, item: Item) -> bool {
        let item = match item {
            Item::Toggle(id) => {
                if !self.collapsed.remove(&id) {
                    self.collapsed.insert(id);
                }
                return true;
            }
            other => match other.node() {
                Some(id) => id,
                None => return false,
            },
        };
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
        let mut out = vec![wording::ALL_ROLES.get(lang).to_string()];
        out.extend(self.path.iter().map(|(id, _)| node_label(*id, lang)));
        out
    }

    /// The view and the collapsed nodes as numbers, `[zoom, cx, cy, collapsed ids...]`: what
    /// another instance (the SVG export module) needs to draw the same picture.
    pub fn view_state(&self) -> Vec<f64> {
        let (cx, cy) = self.view.centre();
        let mut v = vec![self.view.zoom(), cx, cy];
        v.extend(self.collapsed.iter().map(|&id| f64::from(id)));
        v
    }

    /// Shows a `view_state` (no transition, no breadcrumb: the picture, not how it was reached).
    pub fn set_view_state(&mut self, state: &[f64]) -> Result<(), String> {
        let [zoom, cx, cy, ids @ ..] = state else {
            return Err("expected zoom, centre and collapsed nodes".to_string());
        };
        let view = HierView::new(*zoom, *cx, *cy).map_err(|e| e.to_string())?;
        let mut collapsed = NodeSet::new();
        for &id in ids {
            // Node ids are small whole numbers; anything else is not one of ours.
            let node = ((0.0..=f64::from(u16::MAX)).contains(&id) && id.fract() == 0.0)
                .then_some(id as NodeId)
                .filter(|n| node_kind(*n).is_some())
                .ok_or_else(|| format!("{} is not a node", crate::lean::number::Num(id)))?;
            collapsed.insert(node);
        }
        self.view = view.with_plot_rect(self.view.plot_rect()).unwrap_or(view);
        self.collapsed = collapsed;
        self.transition = None;
        self.path.clear();
        Ok(())
    }

    /// Direct user zoom or pan ends any transition and the breadcrumb's meaning.
    pub fn user_moved(&mut self, view: HierView) {
        self.transition = None;
        self.view = view;
    }

    pub fn hit(&self, px: f64, py: f64) -> Option<Item> {
        match hit_test_hierarchy(self.layout.as_ref()?, px, py)? {
            Hit::Node(id) => Item::from_node(id),
            Hit::Toggle(id) => Some(Item::Toggle(id)),
        }
    }

    /// Visible nodes in reading order (level by level).
    pub fn order(&self) -> Vec<Item> {
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
        nodes
            .into_iter()
            .filter_map(|n| Item::from_node(n.3))
            .collect()
    }

    /// A node's box centre in device px.
    pub fn position(&self, item: Item) -> Option<(f64, f64)> {
        let n = self.layout.as_ref()?.node(item.node()?)?;
        Some(n.rect.center())
    }

    pub fn layout_css(&self, size: Size, lang: Lang) -> Option<LayoutCss> {
        let l = self.layout.as_ref()?;
        let d = size.dpr;
        let (x0, y0) = l.view.to_diagram(l.plot.x0, l.plot.y0);
        let (x1, y1) = l.view.to_diagram(l.plot.x1, l.plot.y1);
        Some(LayoutCss {
            width_css: size.width_css,
            height_css: size.height_css,
            dpr: d,
            plot: RectCss::from_px(&l.plot, d),
            view: ViewCss { x0, x1, y0, y1 },
            points: Vec::new(),
            labels: Vec::new(),
            arrows: Vec::new(),
            nodes: l
                .nodes
                .iter()
                .map(|n| {
                    let r = RectCss::from_px(&n.rect, d);
                    NodeCss {
                        id: n.id,
                        x: r.x,
                        y: r.y,
                        w: r.w,
                        h: r.h,
                        font_css: n.font_px / d,
                        lines: n.lines.iter().map(|t| t.text.clone()).collect(),
                        line_boxes: n
                            .lines
                            .iter()
                            .map(|t| RectCss::from_px(&t.rect, d))
                            .collect(),
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
            breadcrumb: self.breadcrumb(lang),
            highlighted: None,
            selected: None,
        })
    }

    pub fn summary_text(&self, stats: Option<&crate::stats::Stats>, lang: Lang) -> String {
        super::describe::hierarchy_summary(stats, self.order().len(), lang)
    }

    /// The data table: the nodes laid out now, with their figures and parents.
    pub fn table(&self, input: &SceneInput) -> Option<super::describe::Table> {
        if let Some(cmp) = input.comparison() {
            return Some(super::describe_compare::hierarchy_compare_table(
                self.layout.as_ref()?,
                cmp,
                &self.collapsed,
                input.settings.lang,
                input.selected,
            ));
        }
        Some(super::describe::hierarchy_table(
            self.layout.as_ref()?,
            input.stats,
            &self.collapsed,
            input.settings.lang,
            input.selected,
        ))
    }

    pub fn draw<DB: crate::chart::Backend>(
        &self,
        backend: &mut DB,
        input: &SceneInput,
    ) -> Result<(), SessionError> {
        let layout = self.layout.as_ref().ok_or(SessionError::TooSmall)?;
        hierarchy::draw_hierarchy(
            backend,
            &self.scene(input),
            layout,
            &DrawOptions::canvas().themed(input.settings.theme),
        )
        .map_err(|e| SessionError::Draw(e.to_string()))
    }
}
