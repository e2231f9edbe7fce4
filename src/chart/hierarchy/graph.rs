//! The hierarchy as a layered graph built from the catalogue, and the order of the nodes within
//! each level (crossing minimisation).
//!
//! The order is computed once per arrangement for the full graph and kept when nodes are
//! collapsed, so that expanding and collapsing never shuffles the nodes that stay visible.
//!
//! Long (about 800 lines) because the exact crossing-minimising search and the precomputed order the
//! browser uses must stay side by side (a test checks they agree).

use std::sync::OnceLock;

use crate::catalogue::{catalogue, Category, Kind, Lang};
use crate::lean::small_sort;

use super::{Arrangement, NodeId, NodeKind, NodeMap};

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
    pub contained: NodeMap<Vec<NodeId>>,
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
            Some(s) => format!("SR{} · {}", s.id, lang.pick(s.nl, s.en)),
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
                .map(|x| lang.pick(x.nl, x.en).to_string())
                .unwrap_or_default()
        }
        300 => crate::wording::HIGHER_PURPOSE.get(lang).to_string(),
        301..=303 => purpose_items()
            .get((id - 301) as usize)
            .and_then(|&i| cat.higher_purpose.get(i))
            .map(|p| lang.pick(p.nl, p.en).to_string())
            .unwrap_or_default(),
        401..=403 => cat
            .categories
            .get((id - 401) as usize)
            .map(|c| lang.pick(c.nl, c.en).to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The label of role 1 when shown as a purpose item: the purpose's wording, with the number.
pub fn purpose_role_label(role: u8, lang: Lang) -> String {
    let cat = catalogue();
    match cat.higher_purpose.iter().find(|p| p.role == Some(role)) {
        Some(p) => format!("{role} · {}", lang.pick(p.nl, p.en)),
        None => node_label(role as NodeId, lang),
    }
}

/// The short form shown when the full label does not fit: "4", "SR2", "S".
pub fn node_short(id: NodeId, lang: Lang) -> String {
    match id {
        1..=14 => id.to_string(),
        101..=110 => format!("SR{}", id - 100),
        201 => crate::wording::KIND_FRAMEWORK_SHORT.get(lang).to_string(),
        202 => crate::wording::KIND_ACTION_SHORT.get(lang).to_string(),
        300 => crate::wording::PURPOSE_SHORT.get(lang).to_string(),
        401..=403 => catalogue()
            .categories
            .get((id - 401) as usize)
            .map(|c| c.letter.to_string())
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
            for s in cat.spearheads {
                edges.push(GraphEdge {
                    from: kind_id(s.kind),
                    to: spearhead_id(s.id),
                    primary: true,
                });
            }
            for s in cat.spearheads {
                for (list, primary) in [(&s.primary, true), (&s.secondary, false)] {
                    for &r in list.iter() {
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
                contained: [(ROOT, items)].into_iter().collect(),
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
                contained: NodeMap::new(),
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
fn sort_level(g: &Graph, li: usize, key: &NodeMap<f64>) -> Vec<NodeId> {
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
        small_sort::sort_by(v, |a, b| k(a).total_cmp(&k(b)));
    }
    let mean = |v: &Vec<NodeId>| v.iter().map(k).sum::<f64>() / v.len() as f64;
    small_sort::sort_by(&mut groups, |a, b| mean(&a.1).total_cmp(&mean(&b.1)));
    groups.into_iter().flat_map(|(_, v)| v).collect()
}

/// Barycentre of each node of level `li` over its neighbours in level `other` (current order);
/// a node without neighbours keeps its own position.
fn barycentres(g: &Graph, li: usize, other: usize) -> NodeMap<f64> {
    let pos: NodeMap<f64> = g.levels[other]
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

/// Crossings between the edges of `u` and of `v` to level `other` when `u` is left of `v`.
fn pair_cost(g: &Graph, other: &[NodeId], u: NodeId, v: NodeId) -> usize {
    let nb = |x: NodeId| -> Vec<usize> {
        g.edges
            .iter()
            .filter_map(|e| {
                let y = if e.from == x {
                    e.to
                } else if e.to == x {
                    e.from
                } else {
                    return None;
                };
                other.iter().position(|&o| o == y)
            })
            .collect()
    };
    let (nu, nv) = (nb(u), nb(v));
    nu.iter()
        .map(|&a| nv.iter().filter(|&&b| a > b).count())
        .sum()
}

/// All permutations of 0..n in lexicographic order: each unused number in turn, in increasing
/// order, followed by the permutations of the rest. Generated in order, since std's sort would
/// cost kilobytes of wasm and an insertion sort of n! items is too slow.
fn permutations(n: usize) -> Vec<Vec<usize>> {
    fn extend(cur: &mut Vec<usize>, used: &mut [bool], out: &mut Vec<Vec<usize>>) {
        if cur.len() == used.len() {
            out.push(cur.clone());
            return;
        }
        for i in 0..used.len() {
            if !used[i] {
                used[i] = true;
                cur.push(i);
                extend(cur, used, out);
                cur.pop();
                used[i] = false;
            }
        }
    }
    let mut out = Vec::new();
    extend(&mut Vec::with_capacity(n), &mut vec![false; n], &mut out);
    out
}

/// Reorders level `li` to the fewest crossings with both neighbouring levels held fixed:
/// exact, because with the neighbours fixed the crossings are a sum over ordered pairs of the
/// level's nodes. Siblings of one group stay contiguous: the group order is enumerated (up to
/// 5 groups, else kept), the order within each group found by dynamic programming over subsets
/// (groups of up to 16 nodes, else kept). Ties keep the earliest order found, so the result is
/// deterministic.
fn exact_level(g: &mut Graph, li: usize) {
    let level = g.levels[li].clone();
    let n = level.len();
    if n < 2 {
        return;
    }
    let mut cost = vec![vec![0usize; n]; n];
    for (i, &u) in level.iter().enumerate() {
        for (j, &v) in level.iter().enumerate() {
            if i != j {
                let mut c = 0;
                if li > 0 {
                    c += pair_cost(g, &g.levels[li - 1], u, v);
                }
                if li + 1 < g.levels.len() {
                    c += pair_cost(g, &g.levels[li + 1], u, v);
                }
                cost[i][j] = c;
            }
        }
    }
    // Groups as index lists, in order of first appearance.
    let mut groups: Vec<(Option<NodeId>, Vec<usize>)> = Vec::new();
    for (i, &id) in level.iter().enumerate() {
        let gr = group_of(g, li, id);
        match groups.iter_mut().find(|(x, _)| *x == gr) {
            Some((_, v)) => v.push(i),
            None => groups.push((gr, vec![i])),
        }
    }
    let inner: Vec<Vec<usize>> = groups
        .iter()
        .map(|(_, m)| {
            let k = m.len();
            if k > 16 {
                return m.clone();
            }
            let mut dp = vec![(usize::MAX, usize::MAX); 1 << k];
            dp[0] = (0, 0);
            for set in 0..(1usize << k) {
                if dp[set].0 == usize::MAX {
                    continue;
                }
                for v in 0..k {
                    if set & (1 << v) != 0 {
                        continue;
                    }
                    let add: usize = (0..k)
                        .filter(|&u| set & (1 << u) != 0)
                        .map(|u| cost[m[u]][m[v]])
                        .sum();
                    let next = set | (1 << v);
                    if dp[set].0 + add < dp[next].0 {
                        dp[next] = (dp[set].0 + add, v);
                    }
                }
            }
            let mut order = Vec::with_capacity(k);
            let mut set = (1usize << k) - 1;
            while set != 0 {
                let v = dp[set].1;
                order.push(m[v]);
                set &= !(1 << v);
            }
            order.reverse();
            order
        })
        .collect();
    let group_orders = if groups.len() <= 5 {
        permutations(groups.len())
    } else {
        vec![(0..groups.len()).collect()]
    };
    let total = |seq: &[usize]| -> usize {
        let mut t = 0;
        for a in 0..seq.len() {
            for b in a + 1..seq.len() {
                t += cost[seq[a]][seq[b]];
            }
        }
        t
    };
    let mut best: Option<(usize, Vec<usize>)> = None;
    for go in group_orders {
        let seq: Vec<usize> = go.iter().flat_map(|&gi| inner[gi].clone()).collect();
        let t = total(&seq);
        if best.as_ref().is_none_or(|(b, _)| t < *b) {
            best = Some((t, seq));
        }
    }
    if let Some((t, seq)) = best {
        let current: Vec<usize> = (0..n).collect();
        if t < total(&current) {
            g.levels[li] = seq.into_iter().map(|i| level[i]).collect();
        }
    }
}

/// Coordinate descent: each level in turn reordered exactly against its fixed neighbours,
/// until a whole round gains nothing. Every step is an improvement, so it terminates.
fn descend(g: &mut Graph) {
    let mut n = total_crossings(&g.levels, &g.edges);
    loop {
        for li in (0..g.levels.len()).chain((0..g.levels.len()).rev()) {
            exact_level(g, li);
        }
        let m = total_crossings(&g.levels, &g.edges);
        if m >= n {
            break;
        }
        n = m;
    }
}

/// Every order of a level that keeps each group contiguous, or None when there are more than
/// `limit`.
fn grouped_orders(g: &Graph, li: usize, limit: usize) -> Option<Vec<Vec<NodeId>>> {
    let mut groups: Vec<(Option<NodeId>, Vec<NodeId>)> = Vec::new();
    for &id in &g.levels[li] {
        let gr = group_of(g, li, id);
        match groups.iter_mut().find(|(x, _)| *x == gr) {
            Some((_, v)) => v.push(id),
            None => groups.push((gr, vec![id])),
        }
    }
    let fact = |n: usize| (1..=n).product::<usize>();
    let count = groups.iter().try_fold(fact(groups.len()), |acc, (_, m)| {
        acc.checked_mul(fact(m.len()))
    })?;
    if count > limit {
        return None;
    }
    let inner: Vec<Vec<Vec<NodeId>>> = groups
        .iter()
        .map(|(_, m)| {
            permutations(m.len())
                .into_iter()
                .map(|p| p.into_iter().map(|i| m[i]).collect())
                .collect()
        })
        .collect();
    let mut out = Vec::with_capacity(count);
    for go in permutations(groups.len()) {
        let mut acc: Vec<Vec<NodeId>> = vec![Vec::new()];
        for &gi in &go {
            let mut next = Vec::with_capacity(acc.len() * inner[gi].len());
            for a in &acc {
                for p in &inner[gi] {
                    let mut x = a.clone();
                    x.extend_from_slice(p);
                    next.push(x);
                }
            }
            acc = next;
        }
        out.extend(acc);
    }
    Some(out)
}

/// Exhaustive search over the orders of the level above the last (when small enough), each
/// with the exactly optimal order of the last level; orders whose lower bound (for every pair
/// of last-level nodes, the cheaper of their two relative orders) cannot beat the best found
/// are skipped. Returns whether the graph was improved.
fn exhaustive_last_two(g: &mut Graph) -> bool {
    let nl = g.levels.len();
    if nl < 2 {
        return false;
    }
    let li = nl - 2;
    let Some(orders) = grouped_orders(g, li, 200_000) else {
        return false;
    };
    let last = g.levels[nl - 1].clone();
    // Neighbours of each last-level node in level li, as indices into level li's node list.
    let upper_ids = g.levels[li].clone();
    let nbrs: Vec<Vec<usize>> = last
        .iter()
        .map(|&v| {
            g.edges
                .iter()
                .filter(|e| e.to == v)
                .filter_map(|e| upper_ids.iter().position(|&u| u == e.from))
                .collect()
        })
        .collect();
    let saved = g.levels.clone();
    let mut best_n = total_crossings(&g.levels, &g.edges);
    let mut best: Option<Vec<Vec<NodeId>>> = None;
    let mut pos = vec![0usize; upper_ids.len()];
    let n = last.len();
    let mut cm = vec![0usize; n * n];
    // Crossings above the two levels do not change.
    let fixed = total_crossings(&g.levels[..li.max(1)], &g.edges) * usize::from(li > 0);
    // Twins (same group, same neighbours) are interchangeable: only one of their two relative
    // orders needs trying.
    let neighbours = |id: NodeId| -> Vec<(NodeId, bool)> {
        let mut v: Vec<(NodeId, bool)> = g
            .edges
            .iter()
            .filter_map(|e| {
                if e.from == id {
                    Some((e.to, true))
                } else if e.to == id {
                    Some((e.from, false))
                } else {
                    None
                }
            })
            .collect();
        small_sort::sort(&mut v);
        v
    };
    let mut twins = Vec::new();
    for i in 0..upper_ids.len() {
        for j in i + 1..upper_ids.len() {
            let (a, b) = (upper_ids[i], upper_ids[j]);
            if group_of(g, li, a) == group_of(g, li, b) && neighbours(a) == neighbours(b) {
                twins.push((i, j));
            }
        }
    }
    for order in orders {
        for (p, id) in order.iter().enumerate() {
            if let Some(k) = upper_ids.iter().position(|u| u == id) {
                pos[k] = p;
            }
        }
        if twins.iter().any(|&(i, j)| pos[i] > pos[j]) {
            continue;
        }
        let above = if li > 0 {
            crossings_between(&g.levels[li - 1], &order, &g.edges)
        } else {
            0
        };
        if above + fixed >= best_n {
            continue;
        }
        for (u, nu) in nbrs.iter().enumerate() {
            for v in 0..n {
                if u == v {
                    continue;
                }
                let mut k = 0;
                for &a in nu {
                    for &b in &nbrs[v] {
                        if pos[a] > pos[b] {
                            k += 1;
                        }
                    }
                }
                cm[u * n + v] = k;
            }
        }
        let mut bound = above + fixed;
        for u in 0..n {
            for v in u + 1..n {
                bound += cm[u * n + v].min(cm[v * n + u]);
            }
        }
        if bound >= best_n || n > 16 {
            continue;
        }
        // Exact order of the last level: DP over subsets; cost of appending v after the set S
        // is the sum of c(u, v) over u in S, built per v by peeling off the lowest bit.
        let full = 1usize << n;
        let mut add = vec![0usize; full * n];
        for set in 1..full {
            let low = set.trailing_zeros() as usize;
            let prev = set & (set - 1);
            for v in 0..n {
                add[set * n + v] = add[prev * n + v] + cm[low * n + v];
            }
        }
        let mut dp = vec![(usize::MAX, 0usize); full];
        dp[0] = (above + fixed, 0);
        for set in 0..full {
            let (d, _) = dp[set];
            if d == usize::MAX || d >= best_n {
                continue;
            }
            for v in 0..n {
                if set & (1 << v) == 0 {
                    let next = set | (1 << v);
                    let t = d + add[set * n + v];
                    if t < dp[next].0 {
                        dp[next] = (t, v);
                    }
                }
            }
        }
        let (t, _) = dp[full - 1];
        if t < best_n {
            let mut seq = Vec::with_capacity(n);
            let mut set = full - 1;
            while set != 0 {
                let v = dp[set].1;
                seq.push(last[v]);
                set &= !(1 << v);
            }
            seq.reverse();
            best_n = t;
            let mut levels = saved.clone();
            levels[li] = order;
            levels[nl - 1] = seq;
            best = Some(levels);
        }
    }
    match best {
        Some(levels) => {
            g.levels = levels;
            true
        }
        None => {
            g.levels = saved;
            false
        }
    }
}

/// Orders the levels to reduce crossings: barycentre sweeps for a start, then exact per-level
/// reordering (coordinate descent), and an exhaustive search of the two lowest levels where
/// that is small (the ten spearhead roles grouped by kind: 2 x 3! x 7! orders), repeated until
/// nothing improves. Deterministic (no randomness, stable sorts, ties by current position).
pub fn order_graph(g: Graph) -> Graph {
    let mut b = g.clone();
    for _ in 0..4 {
        for li in 1..b.levels.len() {
            let key = barycentres(&b, li, li - 1);
            b.levels[li] = sort_level(&b, li, &key);
        }
        for li in (0..b.levels.len().saturating_sub(1)).rev() {
            let key = barycentres(&b, li, li + 1);
            b.levels[li] = sort_level(&b, li, &key);
        }
    }
    let mut best = if total_crossings(&b.levels, &b.edges) <= total_crossings(&g.levels, &g.edges) {
        b
    } else {
        g
    };
    descend(&mut best);
    // The exhaustive result is optimal for the levels above it; only if the descent then
    // changes those is another search worth it.
    while exhaustive_last_two(&mut best) {
        let before = best.levels.clone();
        descend(&mut best);
        if best.levels == before {
            break;
        }
    }
    best
}

/// The ordered graph of an arrangement, computed once.
pub fn graph(arr: Arrangement) -> &'static Graph {
    static SPEAR: OnceLock<Graph> = OnceLock::new();
    static CATS: OnceLock<Graph> = OnceLock::new();
    let cell = match arr {
        Arrangement::Spearheads => &SPEAR,
        Arrangement::Categories => &CATS,
    };
    cell.get_or_init(|| {
        // In the browser the order is the one the exact search finds natively (a test checks
        // they agree): the search is deterministic, so shipping it would only cost bytes and a
        // pause on first draw.
        if cfg!(target_arch = "wasm32") {
            with_levels(raw_graph(arr), precomputed_levels(arr))
        } else {
            order_graph(raw_graph(arr))
        }
    })
}

/// The level orders `order_graph` finds for the catalogue (2 crossings for the spearheads, the
/// proven minimum; 0 for the categories).
pub fn precomputed_levels(arr: Arrangement) -> &'static [&'static [NodeId]] {
    match arr {
        Arrangement::Spearheads => &[
            &[ROOT],
            &[KIND_FRAMEWORK, KIND_ACTION],
            &[101, 103, 102, 110, 105, 106, 104, 107, 108, 109],
            &[9, 6, 12, 13, 4, 7, 10, 3, 5, 2, 14, 8, 11],
        ],
        Arrangement::Categories => &[
            &[401, 402, 403],
            &[1, 3, 5, 9, 12, 2, 4, 7, 8, 11, 14, 6, 10, 13],
        ],
    }
}

fn with_levels(mut g: Graph, levels: &[&[NodeId]]) -> Graph {
    // Fall back to the catalogue order if the catalogue changed and no longer matches.
    let same = |a: &[NodeId], b: &[NodeId]| {
        let (mut a, mut b) = (a.to_vec(), b.to_vec());
        crate::lean::small_sort::sort(&mut a);
        crate::lean::small_sort::sort(&mut b);
        a == b
    };
    if g.levels.len() == levels.len() && g.levels.iter().zip(levels).all(|(a, b)| same(a, b)) {
        g.levels = levels.iter().map(|l| l.to_vec()).collect();
    }
    g
}

#[cfg(test)]
mod tests {
    #[test]
    fn permutations_in_lexicographic_order() {
        assert_eq!(super::permutations(0), vec![Vec::<usize>::new()]);
        let p3 = super::permutations(3);
        let want: Vec<Vec<usize>> = vec![
            vec![0, 1, 2],
            vec![0, 2, 1],
            vec![1, 0, 2],
            vec![1, 2, 0],
            vec![2, 0, 1],
            vec![2, 1, 0],
        ];
        assert_eq!(p3, want);
        let p6 = super::permutations(6);
        assert_eq!(p6.len(), 720);
        assert!(p6.windows(2).all(|w| w[0] < w[1]));
    }
}
