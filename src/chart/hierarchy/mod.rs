//! The spearhead-roles hierarchy (the report's Figure 3): the higher purpose, the two kinds of
//! spearhead roles, the ten spearhead roles and the 13 roles that feed them (many-to-many), or
//! alternatively the three categories over the 14 roles. Pure like the quadrant chart:
//! `HierView` (what is visible) -> `layout_hierarchy` (boxes, wrapped labels, edge paths, legend)
//! -> `draw_hierarchy` (paint through any plotters backend) and `hit_test_hierarchy`.
//!
//! Zoom works like a map: positions and boxes scale with the zoom, text stays at its CSS size;
//! a box too small for its label shows a shorter form ("4", "SR2") or nothing.
//!
//! Node ids (shared with the JS side): role k = k (1..=14; role 1 sits in the higher purpose);
//! spearhead role k = 100 + k; kinds 201 framework-setting, 202 action-oriented; higher purpose
//! 300 and its other items 301-303; categories 401 strategic, 402 operational, 403 all-round.

pub(crate) mod color;
pub(crate) mod draw;
mod graph;
mod ids;
mod layout;
mod view;

pub use color::{contrast, ColorScale, NEUTRAL, UNCLEAR};
pub use draw::{chains, draw_hierarchy, render_hierarchy_svg};
pub use graph::{
    category_id, crossings_between, graph, kind_id, node_kind, node_label, node_short, order_graph,
    precomputed_levels, raw_graph, spearhead_id, total_crossings, Graph, GraphEdge, KIND_ACTION,
    KIND_FRAMEWORK, ROOT,
};
pub use ids::{NodeMap, NodeSet};
pub use layout::{
    hit_test_hierarchy, layout_hierarchy, subtree, zoom_to_node, HierLegend, HierarchyLayout,
    LabelForm, LaidEdge, LaidNode, Orientation, Toggle,
};
pub use view::{lerp, HierView, HierViewError, MAX_ZOOM};

use crate::catalogue::Lang;
use crate::stats::Stats;

/// A node of the hierarchy (see the module docs for the numbering).
pub type NodeId = u32;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Arrangement {
    /// Higher purpose -> kinds -> spearhead roles -> roles (the report's Figure 3).
    #[default]
    Spearheads,
    /// Categories -> roles.
    Categories,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ColorBy {
    #[default]
    Importance,
    Performance,
    Gap,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// The higher-purpose root (300), drawn as a frame around its items.
    Purpose,
    /// A purpose item that is not a role (301-303).
    PurposeItem,
    Kind,
    Spearhead,
    Role,
    Category,
}

/// Everything the diagram shows apart from the view.
#[derive(Clone, Debug, PartialEq)]
pub struct HierarchyScene {
    pub arrangement: Arrangement,
    pub lang: Lang,
    pub color_by: ColorBy,
    /// The statistic to colour by, per node (roles, spearhead roles, categories); nodes
    /// without a value are drawn neutral.
    pub values: NodeMap<f64>,
    pub collapsed: NodeSet,
    pub highlighted: Option<NodeId>,
    pub selected: Option<NodeId>,
    /// Two groups compared: `values` are then B - A and the colours diverge around zero.
    pub compare: Option<HierCompare>,
}

/// What the hierarchy shows of a comparison besides the differences themselves.
#[derive(Clone, Debug, PartialEq)]
pub struct HierCompare {
    /// The sides as the legend names them (A, B).
    pub names: [String; 2],
    /// The scale whose means are compared (importance or performance).
    pub scale: ColorBy,
    /// Nodes with a difference that is not clear at 95% (the interval includes zero, or there
    /// is none, as for every roll-up): drawn grey.
    pub unclear: NodeSet,
}

impl HierarchyScene {
    /// The default diagram (spearheads, coloured by importance) without values.
    pub fn new(lang: Lang) -> HierarchyScene {
        HierarchyScene {
            arrangement: Arrangement::default(),
            lang,
            color_by: ColorBy::default(),
            values: NodeMap::new(),
            collapsed: NodeSet::new(),
            highlighted: None,
            selected: None,
            compare: None,
        }
    }
}

/// What is under the pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    Node(NodeId),
    /// The expand/collapse button of a node.
    Toggle(NodeId),
}

/// The values to colour by from computed statistics: role means (or gaps), spearhead and
/// category roll-ups (their weighted means of role means).
pub fn values_from_stats(stats: &Stats, color_by: ColorBy) -> NodeMap<f64> {
    let mut out = NodeMap::new();
    for r in &stats.roles {
        let v = match color_by {
            ColorBy::Importance => r.importance.as_ref().map(|d| d.mean),
            ColorBy::Performance => r.performance.as_ref().map(|d| d.mean),
            ColorBy::Gap => r.gap,
        };
        if let Some(v) = v.filter(|v| v.is_finite()) {
            out.insert(r.role as NodeId, v);
        }
    }
    let rollups = stats
        .spearheads
        .iter()
        .filter_map(|s| Some((spearhead_id(s.id?), s)))
        .chain(
            stats
                .categories
                .iter()
                .filter_map(|c| Some((category_id(c.code?), c))),
        );
    for (id, r) in rollups {
        let v = match color_by {
            ColorBy::Importance => r.importance.mean,
            ColorBy::Performance => r.performance.mean,
            ColorBy::Gap => r.gap,
        };
        if let Some(v) = v.filter(|v| v.is_finite()) {
            out.insert(id, v);
        }
    }
    out
}

/// The scale a comparison colours by: the gap has no interval, so `Gap` compares performance
/// (as the quadrant's arrows are coloured).
pub fn compared_scale(color_by: ColorBy) -> ColorBy {
    match color_by {
        ColorBy::Importance => ColorBy::Importance,
        ColorBy::Performance | ColorBy::Gap => ColorBy::Performance,
    }
}

/// A comparison's differences B - A of `compared_scale(color_by)` per node, and the nodes
/// whose difference is not clear (roll-ups have no interval, so they are never clear).
pub fn values_from_comparison(
    cmp: &crate::stats::Comparison,
    color_by: ColorBy,
) -> (NodeMap<f64>, NodeSet) {
    let perf = compared_scale(color_by) == ColorBy::Performance;
    let mut values = NodeMap::new();
    let mut unclear = NodeSet::new();
    for r in &cmp.roles {
        let d = if perf { &r.performance } else { &r.importance };
        if let Some(v) = d.diff.filter(|v| v.is_finite()) {
            values.insert(r.role as NodeId, v);
            if d.excludes_zero != Some(true) {
                unclear.insert(r.role as NodeId);
            }
        }
    }
    let rollups = cmp
        .spearheads
        .iter()
        .filter_map(|s| Some((spearhead_id(s.id?), s)))
        .chain(
            cmp.categories
                .iter()
                .filter_map(|c| Some((category_id(c.code?), c))),
        );
    for (id, r) in rollups {
        let d = if perf { &r.performance } else { &r.importance };
        if let Some(v) = d.diff.filter(|v| v.is_finite()) {
            values.insert(id, v);
            unclear.insert(id);
        }
    }
    (values, unclear)
}

/// How a roll-up node's value is derived, for a tooltip (None for roles and unrated nodes).
pub fn rollup_method(id: NodeId, lang: Lang) -> Option<&'static str> {
    match node_kind(id)? {
        NodeKind::Spearhead => Some(crate::wording::ROLLUP_SPEARHEAD.get(lang)),
        NodeKind::Category => Some(crate::wording::ROLLUP_CATEGORY.get(lang)),
        _ => None,
    }
}
