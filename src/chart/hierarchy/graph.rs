//! The hierarchy as a layered graph built from the catalogue, and the order of the nodes within
//! each level (crossing minimisation).
//!
//! The order is computed once per arrangement for the full graph and kept when nodes are
//! collapsed, so that expanding and collapsing never shuffles the nodes that stay visible.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::catalogue::{catalogue, Category, Kind, Lang};

use super::{Arrangement, NodeId, NodeKind};

/// Id of the higher-purpose root.
pub const ROOT: NodeId = 300;
/// Id of the kind "framework-setting roles".
pub const KIND_FRAMEWORK: NodeId = 201;
/// Id of the kind "action-oriented roles".
pub const KIND_ACTION: NodeId = 202;

/// Id of spearhead role `k` (1..=10).
pub fn spearhead_id(k: u8) -> NodeId {
    100 + k as NodeId
}

/// Id of a category node.
pub fn category_id(c: Category) -> NodeId {
    401 + c.index() as NodeId
}

pub fn kind_id(k: Kind) -> NodeId {
    match k {
        Kind::Framework => KIND_FRAMEWORK,
        Kind::Action => KIND_ACTION,
    }
}

/// An edge from a parent (upper level) to a child (next level).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GraphEdge {
    pub from: NodeId,
    pub to: NodeId,
    /// Primary source role (solid); secondary links are drawn dashed.
    pub primary: bool,
}

/// The full graph of one arrangement: levels of node ids in drawing order, the edges between
/// adjacent levels, and the purpose items contained in the root (no edges drawn to them).
#[derive(Clone, Debug, PartialEq)]
pub struct Graph {
    pub levels: Vec<Vec<NodeId>>,
    pub edges: Vec<GraphEdge>,
    /// Nodes drawn inside their container (the purpose items inside the root), in order.
    pub contained: BTreeMap<NodeId, Vec<NodeId>>,
}

impl Graph {
    pub fn children(&self, id: NodeId) -> impl Iterator<Item = &GraphEdge> + '_ {
        self.edges.iter().filter(move |e| e.from == id)
    }

    pub fn parents(&self, id: NodeId) -> impl Iterator<Item = &GraphEdge> + '_ {
        self.edges.iter().filter(move |e| e.to == id)
    }

    pub fn level_of(&self, id: NodeId) -> Option<usize> {
        self.levels.iter().position(|l| l.contains(&id))
    }

    /// Whether the node has anything below it (edges or contained items).
    pub fn has_children(&self, id: NodeId) -> bool {
        self.children(id).next().is_some() || self.contained.contains_key(&id)
    }
}

/// What kind of node an id is (None for an id not in the catalogue's hierarchy).
pub fn node_kind(id: NodeId) -> Option<NodeKind> {
    match id {
        1..=14 => Some(NodeKind::Role),
        101..=110 => Some(NodeKind::Spearhead),
        201 | 202 => Some(NodeKind::Kind),
        300 => Some(NodeKind::Purpose),
        301..=303 => Some(NodeKind::PurposeItem),
        401..=403 => Some(NodeKind::Category),
        _ => None,
    }
}

/// The full label of a node in `lang`, e.g. "4 · Bringing stakeholders together",
/// "SR2 · Shaping a consortium".
pub fn node_label(id: NodeId, lang: Lang) -> String {
    let cat = catalogue();
    match id {
        1..=14 => match cat.role(id as u8) {
            Some(r) => format!("{id} · {}", r.short(lang)),
            None => id.to_string(),
        },
        101..=110 => match cat.spearheads.iter().find(|s| s.id as NodeId + 100 == id) {
            Some(s) => format!("SR{} · {}", s.id, lang.pick(&s.nl, &s.en)),
            None => format!("SR{}", id - 100),
        },
        201 | 202 => {
            let k = if id == 201 {
                Kind::Framework
            } else {
                Kind::Action
            };
            cat.kinds
                .iter()
                .find(|x| x.code == k)
                .map(|x| lang.pick(&x.nl, &x.en).to_string())
                .unwrap_or_default()
        }
        300 => lang.pick("Hoger doel", "Higher purpose").to_string(),
        301..=303 => purpose_items()
            .get((id - 301) as usize)
            .and_then(|&i| cat.higher_purpose.get(i))
            .map(|p| lang.pick(&p.nl, &p.en).to_string())
            .unwrap_or_default(),
        401..=403 => cat
            .categories
            .get((id - 401) as usize)
            .map(|c| lang.pick(&c.nl, &c.en).to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The label of role 1 when shown as a purpose item: the purpose's wording, with the number.
pub fn purpose_role_label(role: u8, lang: Lang) -> String {
    let cat = catalogue();
    match cat.higher_purpose.iter().find(|p| p.role == Some(role)) {
        Some(p) => format!("{role} · {}", lang.pick(&p.nl, &p.en)),
        None => node_label(role as NodeId, lang),
    }
}

/// The short form shown when the full label does not fit: "4", "SR2", "S".
pub fn node_short(id: NodeId, lang: Lang) -> String {
    match id {
        1..=14 => id.to_string(),
        101..=110 => format!("SR{}", id - 100),
        201 => lang.pick("Kader", "Framework").to_string(),
        202 => lang.pick("Actie", "Action").to_string(),
        300 => lang.pick("Doel", "Purpose").to_string(),
        401..=403 => catalogue()
            .categories
            .get((id - 401) as usize)
            .map(|c| c.letter.clone())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Indices into `higher_purpose` of the items that are not roles, in catalogue order (ids
/// 301, 302, ...).
fn purpose_items() -> Vec<usize> {
    catalogue()
        .higher_purpose
        .iter()
        .enumerate()
        .filter(|(_, p)| p.role.is_none())
        .map(|(i, _)| i)
        .collect()
}

/// The root's contained items in catalogue order: 301.. for plain items, the role number for
/// the role folded into the higher purpose.
fn purpose_children() -> Vec<NodeId> {
    let mut next = 301;
    catalogue()
        .higher_purpose
        .iter()
        .map(|p| match p.role {
            Some(r) => r as NodeId,
            None => {
                let id = next;
                next += 1;
                id
            }
        })
        .collect()
}

/// The graph of an arrangement in catalogue order (before crossing minimisation).
pub fn raw_graph(arr: Arrangement) -> Graph {
    let cat = catalogue();
    match arr {
        Arrangement::Spearheads => {
            let items = purpose_children();
            let in_purpose: Vec<u8> = cat.higher_purpose.iter().filter_map(|p| p.role).collect();
            let mut edges = Vec::new();
            for k in [KIND_FRAMEWORK, KIND_ACTION] {
                edges.push(GraphEdge {
                    from: ROOT,
                    to: k,
                    primary: true,
                });
            }
            for s in &cat.spearheads {
                edges.push(GraphEdge {
                    from: kind_id(s.kind),
                    to: spearhead_id(s.id),
                    primary: true,
                });
            }
            for s in &cat.spearheads {
                for (list, primary) in [(&s.primary, true), (&s.secondary, false)] {
                    for &r in list {
                        edges.push(GraphEdge {
                            from: spearhead_id(s.id),
                            to: r as NodeId,
                            primary,
                        });
                    }
                }
            }
            let roles: Vec<NodeId> = cat
                .roles
                .iter()
                .filter(|r| !in_purpose.contains(&r.id))
                .map(|r| r.id as NodeId)
                .collect();
            Graph {
                levels: vec![
                    vec![ROOT],
                    vec![KIND_FRAMEWORK, KIND_ACTION],
                    cat.spearheads.iter().map(|s| spearhead_id(s.id)).collect(),
                    roles,
                ],
                edges,
                contained: BTreeMap::from([(ROOT, items)]),
            }
        }
        Arrangement::Categories => {
            let edges = cat
                .roles
                .iter()
                .map(|r| GraphEdge {
                    from: category_id(r.category),
                    to: r.id as NodeId,
                    primary: true,
                })
                .collect();
            Graph {
                levels: vec![
                    Category::ALL.iter().map(|&c| category_id(c)).collect(),
                    cat.roles.iter().map(|r| r.id as NodeId).collect(),
                ],
                edges,
                contained: BTreeMap::new(),
            }
        }
    }
}

/// Crossings between the edges of two adjacent levels in the given orders. Edges sharing an
/// endpoint never cross.
pub fn crossings_between(upper: &[NodeId], lower: &[NodeId], edges: &[GraphEdge]) -> usize {
    let pos = |l: &[NodeId], id: NodeId| l.iter().position(|&x| x == id);
    let es: Vec<(usize, usize)> = edges
        .iter()
        .filter_map(|e| Some((pos(upper, e.from)?, pos(lower, e.to)?)))
        .collect();
    let mut n = 0;
    for i in 0..es.len() {
        for j in i + 1..es.len() {
            let (a, b) = (es[i], es[j]);
            if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) {
                n += 1;
            }
        }
    }
    n
}

/// Crossings of a whole layered graph.
pub fn total_crossings(levels: &[Vec<NodeId>], edges: &[GraphEdge]) -> usize {
    levels
        .windows(2)
        .map(|w| crossings_between(&w[0], &w[1], edges))
        .sum()
}

/// The tree parent that keeps a node's siblings together: the kind of a spearhead role. Roles
/// (many-to-many) have none and may go anywhere in their level.
fn group_of(g: &Graph, level: usize, id: NodeId) -> Option<NodeId> {
    if level + 1 == g.levels.len() {
        return None;
    }
    let mut ps = g.parents(id);
    let p = ps.next()?;
    ps.next().is_none().then_some(p.from)
}

/// Stable sort of a level by key, keeping group members together (groups ordered by the mean
/// key of their members, which is what a barycentre order of the parent level would give).
fn sort_level(g: &Graph, li: usize, key: &BTreeMap<NodeId, f64>) -> Vec<NodeId> {
    let level = &g.levels[li];
    let k = |id: &NodeId| key.get(id).copied().unwrap_or(0.0);
    let mut groups: Vec<(Option<NodeId>, Vec<NodeId>)> = Vec::new();
    for &id in level {
        let gr = group_of(g, li, id);
        match groups.iter_mut().find(|(x, _)| *x == gr && gr.is_some()) {
            Some((_, v)) => v.push(id),
            None => groups.push((gr, vec![id])),
        }
    }
    for (_, v) in groups.iter_mut() {
        v.sort_by(|a, b| k(a).total_cmp(&k(b)));
    }
    let mean = |v: &Vec<NodeId>| v.iter().map(k).sum::<f64>() / v.len() as f64;
    groups.sort_by(|a, b| mean(&a.1).total_cmp(&mean(&b.1)));
    groups.into_iter().flat_map(|(_, v)| v).collect()
}

/// Barycentre of each node of level `li` over its neighbours in level `other` (current order);
/// a node without neighbours keeps its own position.
fn barycentres(g: &Graph, li: usize, other: usize) -> BTreeMap<NodeId, f64> {
    let pos: BTreeMap<NodeId, f64> = g.levels[other]
        .iter()
        .enumerate()
        .map(|(i, &id)| (id, i as f64))
        .collect();
    g.levels[li]
        .iter()
        .enumerate()
        .map(|(i, &id)| {
            let ns: Vec<f64> = g
                .edges
                .iter()
                .filter_map(|e| {
                    if e.from == id {
                        pos.get(&e.to).copied()
                    } else if e.to == id {
                        pos.get(&e.from).copied()
                    } else {
                        None
                    }
                })
                .collect();
            let b = if ns.is_empty() {
                i as f64
            } else {
                ns.iter().sum::<f64>() / ns.len() as f64
            };
            // Ties keep the current order.
            (id, b + i as f64 * 1e-6)
        })
        .collect()
}

/// Adjacent swaps that lower the crossings (the "transpose" refinement), respecting groups.
fn transpose(g: &mut Graph) {
    loop {
        let mut improved = false;
        for li in 0..g.levels.len() {
            for i in 0..g.levels[li].len().saturating_sub(1) {
                let (a, b) = (g.levels[li][i], g.levels[li][i + 1]);
                if group_of(g, li, a) != group_of(g, li, b) {
                    continue;
                }
                let before = total_crossings(&g.levels, &g.edges);
                g.levels[li].swap(i, i + 1);
                if total_crossings(&g.levels, &g.edges) < before {
                    improved = true;
                } else {
                    g.levels[li].swap(i, i + 1);
                }
            }
        }
        if !improved {
            break;
        }
    }
}

/// Orders the levels to reduce crossings: barycentre sweeps down and up, each followed by the
/// transpose refinement, keeping the best order seen. Deterministic (no randomness, stable
/// sorts, ties by current position).
pub fn order_graph(mut g: Graph) -> Graph {
    let mut best = g.levels.clone();
    let mut best_n = total_crossings(&g.levels, &g.edges);
    for _ in 0..8 {
        for li in 1..g.levels.len() {
            let key = barycentres(&g, li, li - 1);
            g.levels[li] = sort_level(&g, li, &key);
        }
        for li in (0..g.levels.len().saturating_sub(1)).rev() {
            let key = barycentres(&g, li, li + 1);
            g.levels[li] = sort_level(&g, li, &key);
        }
        transpose(&mut g);
        let n = total_crossings(&g.levels, &g.edges);
        if n < best_n {
            best_n = n;
            best = g.levels.clone();
        }
    }
    g.levels = best;
    g
}

/// The ordered graph of an arrangement, computed once.
pub fn graph(arr: Arrangement) -> &'static Graph {
    static SPEAR: OnceLock<Graph> = OnceLock::new();
    static CATS: OnceLock<Graph> = OnceLock::new();
    let cell = match arr {
        Arrangement::Spearheads => &SPEAR,
        Arrangement::Categories => &CATS,
    };
    cell.get_or_init(|| order_graph(raw_graph(arr)))
}
