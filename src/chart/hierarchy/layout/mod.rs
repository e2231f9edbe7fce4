//! Geometry of the hierarchy: which nodes are visible, where their boxes go (in "world" pixels,
//! the device pixels of the diagram at zoom 1, then through the view), how their labels wrap,
//! the edge paths, the toggles and the legend.
//!
//! Levels are rows (top-down) or columns (left-right, for wide elements). On a portrait phone
//! the levels are columns too, but the higher purpose's frame is a band across the top: as a
//! fourth column of 70 px its title, note and items showed a few letters each. A level too crowded
//! for readable boxes is split into two staggered sub-rows (sub-columns): every other box drops
//! half a row, so each box can be nearly two slots wide, and an edge to a lower box passes through
//! the gap between the two upper boxes beside it (a box is at most two slots minus the gap
//! wide, so a vertical line through the neighbouring slot centre always clears it).
//!
//! `layout_hierarchy` runs in stages, one file each: `bands` (the plot, the orientation and
//! the world boxes per level), `nodes` (boxes through the view, their labels, the higher
//! purpose's frame; `fit` sets a label into its box), `toggles`, `edges`, `legend`. Each
//! stage reads the `Plan`: what every stage needs and none changes once it is made.

mod bands;
mod edges;
mod fit;
mod legend;
mod nodes;
mod toggles;

use crate::chart::{LayoutError, Metrics, Rect, Rgb, TextBox, TextMeasure};

use super::color::ColorScale;
use super::graph::{graph, Graph};
use super::view::HierView;
use super::{Arrangement, HierarchyScene, Hit, NodeId, NodeKind, NodeSet};

/// Room kept for the legend below the plot, in CSS px (the plot and the legend both need it).
const LEGEND_H: f64 = 44.0;
/// Gap between neighbouring boxes, and between the items of the higher purpose, in CSS px.
const GAP: f64 = 8.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// Levels are rows, parents above children.
    TopDown,
    /// Levels are columns, parents left of children (for wide elements).
    LeftRight,
}

/// How much of a label a box shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelForm {
    Full,
    /// Wrapped and cut with an ellipsis.
    Truncated,
    /// The number and the first letters of the name ("7 ·" over "Lin…"): where a box is too
    /// narrow for a whole word, more than a bare number (issue 11: a role box never shows only
    /// its number). Only for labels whose short form is a number.
    Initial,
    /// The short form: "4", "SR2", "S".
    Short,
    /// The first letters of the short form or the name ("Fram…"), where neither a word nor
    /// the short form fits: less than the short form at a smaller size ("SR10" rather than
    /// "SR…").
    Letters,
    None,
}

/// The expand/collapse button of a node with children.
#[derive(Clone, Debug, PartialEq)]
pub struct Toggle {
    pub rect: Rect,
    pub collapsed: bool,
    /// Nodes hidden below a collapsed node (the "+n").
    pub hidden: usize,
    /// "+n" when collapsed.
    pub label: Option<TextBox>,
}

/// A visible node.
#[derive(Clone, Debug, PartialEq)]
pub struct LaidNode {
    pub id: NodeId,
    pub kind: NodeKind,
    /// Level index (0 = top or left).
    pub level: usize,
    /// The box in device pixels (may reach outside the plot when zoomed in).
    pub rect: Rect,
    /// The full label (tooltips use it when the box shows less).
    pub label: String,
    pub form: LabelForm,
    /// Lines as drawn, each inside `rect` (only for boxes inside the plot).
    pub lines: Vec<TextBox>,
    pub font_px: f64,
    pub bold: bool,
    pub value: Option<f64>,
    pub fill: Rgb,
    pub text_color: Rgb,
    pub toggle: Option<Toggle>,
    /// Whether the box lies entirely inside the plot. A box cut by the plot edge sets its text
    /// in the visible part (the frame of the higher purpose only when wholly inside).
    pub inside: bool,
}

/// An edge as drawn: a polyline in device pixels from the parent's child side to the child's
/// parent side.
#[derive(Clone, Debug, PartialEq)]
pub struct LaidEdge {
    pub from: NodeId,
    pub to: NodeId,
    pub primary: bool,
    pub points: Vec<(f64, f64)>,
}

/// The colour legend: title, ramp (as small rectangles), tick labels, and the neutral swatch.
#[derive(Clone, Debug, PartialEq)]
pub struct HierLegend {
    pub rect: Rect,
    pub title: TextBox,
    pub ramp: Vec<(Rect, Rgb)>,
    pub ticks: Vec<(f64, TextBox)>,
    pub neutral: Option<(Rect, TextBox)>,
    /// The swatch's fill: `NEUTRAL` ("no value"), or `UNCLEAR` in a comparison.
    pub swatch: Rgb,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HierarchyLayout {
    pub width: f64,
    pub height: f64,
    pub dpr: f64,
    pub plot: Rect,
    /// The view with its real plot rectangle: keep it for zoom and pan.
    pub view: HierView,
    pub orientation: Orientation,
    /// Left-right with the higher purpose's frame as a band across the top (a portrait phone).
    pub purpose_on_top: bool,
    pub arrangement: Arrangement,
    pub nodes: Vec<LaidNode>,
    pub edges: Vec<LaidEdge>,
    /// Nodes of the arrangement hidden by collapsing.
    pub hidden: NodeSet,
    pub scale: ColorScale,
    pub legend: Option<HierLegend>,
}

impl HierarchyLayout {
    pub fn node(&self, id: NodeId) -> Option<&LaidNode> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

/// What the stages share: the scene and its graph, what collapsing leaves visible, the plot
/// and view, the sizes.
struct Plan<'a> {
    scene: &'a HierarchyScene,
    g: &'static Graph,
    visible: NodeSet,
    /// Nodes of the arrangement hidden by collapsing.
    hidden: NodeSet,
    /// The visible nodes of each level, in order; levels left empty by collapsing dropped.
    levels: Vec<Vec<NodeId>>,
    orientation: Orientation,
    /// The first level is the open frame of the higher purpose, laid across the top of the
    /// columns rather than as the first of them (`bands::purpose_band`).
    purpose_on_top: bool,
    plot: Rect,
    /// The view with `plot` as its rectangle.
    view: HierView,
    m: Metrics,
}

impl<'a> Plan<'a> {
    fn new(
        scene: &'a HierarchyScene,
        view: HierView,
        orientation: Orientation,
        portrait: bool,
        m: Metrics,
    ) -> Self {
        let g = graph(scene.arrangement);
        let visible = visibility(g, &scene.collapsed);
        let all: NodeSet = g
            .levels
            .iter()
            .flatten()
            .chain(g.contained.values().flatten())
            .copied()
            .collect();
        let hidden: NodeSet = all.difference(&visible).copied().collect();
        let levels: Vec<Vec<NodeId>> = g
            .levels
            .iter()
            .map(|l| {
                l.iter()
                    .copied()
                    .filter(|id| visible.contains(id))
                    .collect::<Vec<_>>()
            })
            .filter(|l: &Vec<NodeId>| !l.is_empty())
            .collect();
        let mut plan = Plan {
            scene,
            g,
            visible,
            hidden,
            levels,
            orientation,
            purpose_on_top: false,
            plot: view.plot_rect(),
            view,
            m,
        };
        plan.purpose_on_top = portrait
            && orientation == Orientation::LeftRight
            && plan.levels.len() > 1
            && plan.is_frame_level(&plan.levels[0]);
        plan
    }

    fn tb(&self) -> bool {
        self.orientation == Orientation::TopDown
    }

    /// The frame on top: the level that takes no column.
    fn on_top(&self, level: usize) -> bool {
        self.purpose_on_top && level == 0
    }

    /// CSS px to device px.
    fn px(&self, css: f64) -> f64 {
        self.m.px(css)
    }

    /// A container shown open: drawn as a frame around its items.
    fn is_open_frame(&self, id: NodeId) -> bool {
        self.g.contained.contains_key(&id) && !self.scene.collapsed.contains(&id)
    }

    /// A level that is only an open frame takes the level's whole cross length.
    fn is_frame_level(&self, l: &[NodeId]) -> bool {
        l.len() == 1 && self.is_open_frame(l[0])
    }

    /// World (the plot at zoom 1, origin at its corner) to device px through the view.
    fn to_dev(&self, r: &Rect) -> Rect {
        let (w, h) = (self.plot.width(), self.plot.height());
        let (x0, y0) = self.view.to_px(r.x0 / w, r.y0 / h);
        let (x1, y1) = self.view.to_px(r.x1 / w, r.y1 / h);
        Rect::new(x0, y0, x1, y1)
    }
}

/// Lays out the diagram for an element of `size_px` device pixels at `dpr`.
pub fn layout_hierarchy(
    scene: &HierarchyScene,
    view: &HierView,
    size_px: (f64, f64),
    dpr: f64,
    measure: &mut dyn TextMeasure,
) -> Result<HierarchyLayout, LayoutError> {
    let m = Metrics::new(dpr);
    let view = bands::frame(view, size_px, &m)?;
    let orientation = bands::orientation(size_px, &m);
    let plan = Plan::new(scene, view, orientation, bands::portrait(size_px, &m), m);
    let world = bands::world(&plan);
    let values = scene.values.values().copied();
    let scale = match &scene.compare {
        Some(c) => ColorScale::difference(c.scale, values),
        None => ColorScale::new(scene.color_by, values),
    };
    let mut nodes = nodes::lay_nodes(&plan, &world.boxes, &scale, measure);
    let bands_dev = bands::to_device(&plan, &world.bands);
    toggles::place_toggles(&plan, &bands_dev, &mut nodes, measure);
    let edges = edges::lay_edges(&plan, &nodes, &bands_dev);
    let legend = legend::layout_legend(scene, &scale, size_px, &m, measure);
    Ok(HierarchyLayout {
        width: size_px.0,
        height: size_px.1,
        dpr,
        plot: plan.plot,
        view: plan.view,
        orientation,
        purpose_on_top: plan.purpose_on_top,
        arrangement: scene.arrangement,
        nodes,
        edges,
        hidden: plan.hidden,
        scale,
        legend,
    })
}

/// The visible nodes: level-0 nodes, contained items of a visible expanded container, and any
/// node with a visible, expanded parent.
fn visibility(g: &Graph, collapsed: &NodeSet) -> NodeSet {
    let mut vis = NodeSet::new();
    for (li, level) in g.levels.iter().enumerate() {
        for &id in level {
            let shown = li == 0
                || g.parents(id)
                    .any(|e| vis.contains(&e.from) && !collapsed.contains(&e.from));
            if shown {
                vis.insert(id);
                if !collapsed.contains(&id) {
                    if let Some(items) = g.contained.get(&id) {
                        vis.extend(items.iter().copied());
                    }
                }
            }
        }
    }
    vis
}

/// A node and everything below it (edges, primary and secondary, and contained items).
pub fn subtree(arr: Arrangement, id: NodeId) -> NodeSet {
    let g = graph(arr);
    let mut out = NodeSet::new();
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        if !out.insert(n) {
            continue;
        }
        stack.extend(g.children(n).map(|e| e.to));
        if let Some(items) = g.contained.get(&n) {
            stack.extend(items.iter().copied());
        }
    }
    out
}

/// What is at device pixel (px, py): a toggle (on top), else the innermost node.
pub fn hit_test_hierarchy(layout: &HierarchyLayout, px: f64, py: f64) -> Option<Hit> {
    if !px.is_finite() || !py.is_finite() || !layout.plot.contains_point(px, py) {
        return None;
    }
    if let Some(n) = layout.nodes.iter().find(|n| {
        n.toggle
            .as_ref()
            .is_some_and(|t| t.rect.inflate(2.0 * layout.dpr).contains_point(px, py))
    }) {
        return Some(Hit::Toggle(n.id));
    }
    // Items are listed after their frame: the last hit is the innermost.
    layout
        .nodes
        .iter()
        .rev()
        .find(|n| n.rect.contains_point(px, py))
        .map(|n| Hit::Node(n.id))
}

/// The view that frames a node and everything below it that is visible (its primary and
/// secondary children, recursively, and contained items), with a small margin. None when the
/// node is not laid out.
pub fn zoom_to_node(layout: &HierarchyLayout, id: NodeId) -> Option<HierView> {
    layout.node(id)?;
    let sub = subtree(layout.arrangement, id);
    let mut bb: Option<Rect> = None;
    for n in layout.nodes.iter().filter(|n| sub.contains(&n.id)) {
        let mut r = n.rect;
        if let Some(t) = &n.toggle {
            r = Rect::new(
                r.x0.min(t.rect.x0),
                r.y0.min(t.rect.y0),
                r.x1.max(t.rect.x1),
                r.y1.max(t.rect.y1),
            );
        }
        bb = Some(bb.map_or(r, |b| {
            Rect::new(
                b.x0.min(r.x0),
                b.y0.min(r.y0),
                b.x1.max(r.x1),
                b.y1.max(r.y1),
            )
        }));
    }
    let bb = bb?;
    let v = &layout.view;
    let (u0, v0) = v.to_diagram(bb.x0, bb.y0);
    let (u1, v1) = v.to_diagram(bb.x1, bb.y1);
    Some(v.frame_diagram(u0, v0, u1, v1, 1.08))
}
