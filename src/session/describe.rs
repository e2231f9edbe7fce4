//! The chart without seeing it: a text summary of the current selection's figures, a data table
//! of what is shown (plain rows of text the element renders with textContent), and the
//! nearest item in an arrow key's direction. Pure: it reads statistics and the last layout.

use serde::Serialize;

use super::Item;
use crate::catalogue::{catalogue, Lang};
use crate::chart::fmt_fixed;
use crate::chart::hierarchy::{
    node_label, values_from_stats, ColorBy, HierarchyLayout, NodeId, NodeSet,
};
use crate::stats::{Quadrant, RoleStats, Stats};
use crate::wording;

/// The four quadrants in the report's order; ties in the summary keep this order.
const QUADRANTS: [Quadrant; 4] = [
    Quadrant::KeepUp,
    Quadrant::Concentrate,
    Quadrant::Overkill,
    Quadrant::LowPriority,
];

/// "7 Links between clusters": the role's number and short name.
pub fn role_name(role: u8, lang: Lang) -> String {
    match catalogue().role(role) {
        Some(r) => format!("{role} {}", r.short(lang)),
        None => role.to_string(),
    }
}

/// The role whose importance outruns its performance most (gap on the common 0-1 scale).
pub fn largest_gap(stats: &Stats) -> Option<&RoleStats> {
    let mut best: Option<&RoleStats> = None;
    for r in &stats.roles {
        let Some(g) = r.gap.filter(|g| g.is_finite()) else {
            continue;
        };
        if best.and_then(|b| b.gap).is_none_or(|bg| g > bg) {
            best = Some(r);
        }
    }
    best
}

/// The roles in each quadrant, largest group first (ties in the report's order).
pub fn quadrant_groups(stats: &Stats) -> Vec<(Quadrant, Vec<u8>)> {
    let mut groups: Vec<(Quadrant, Vec<u8>)> = QUADRANTS
        .iter()
        .map(|&q| {
            let roles = stats
                .roles
                .iter()
                .filter(|r| r.quadrant == Some(q))
                .map(|r| r.role)
                .collect();
            (q, roles)
        })
        .filter(|(_, roles): &(Quadrant, Vec<u8>)| !roles.is_empty())
        .collect();
    // Stable insertion by size (at most four groups).
    for i in 1..groups.len() {
        let mut j = i;
        while j > 0 && groups[j].1.len() > groups[j - 1].1.len() {
            groups.swap(j, j - 1);
            j -= 1;
        }
    }
    groups
}

/// The quadrant chart's summary, from the statistics of the current selection.
pub fn quadrant_summary(stats: &Stats, lang: Lang) -> String {
    let total = stats.roles.iter().filter(|r| r.quadrant.is_some()).count();
    let groups = quadrant_groups(stats);
    let mut parts = Vec::new();
    for (i, (q, roles)) in groups.iter().enumerate() {
        let names: Vec<String> = roles.iter().map(|&r| role_name(r, lang)).collect();
        parts.push(if i == 0 {
            wording::quadrant_share(lang, roles.len(), total, *q)
        } else {
            wording::quadrant_members(lang, &names, *q)
        });
    }
    let mut out = wording::respondents(lang, stats.n_respondents);
    out.push_str(&parts.join("; "));
    out.push('.');
    if let Some(r) = largest_gap(stats) {
        out.push(' ');
        out.push_str(&wording::largest_gap(
            lang,
            &role_name(r.role, lang),
            &signed(r.gap.unwrap_or(0.0), lang),
        ));
    }
    out
}

/// The hierarchy's summary: nodes shown, and the spearhead roles (or categories) with the
/// largest and the smallest gap.
pub fn hierarchy_summary(stats: Option<&Stats>, shown: usize, lang: Lang) -> String {
    let mut out = wording::hierarchy_summary(lang, shown);
    let Some(stats) = stats else { return out };
    let rollups = if stats.spearheads.is_empty() {
        &stats.categories
    } else {
        &stats.spearheads
    };
    let mut hi: Option<(f64, String)> = None;
    let mut lo: Option<(f64, String)> = None;
    for r in rollups {
        let Some(g) = r.gap.filter(|g| g.is_finite()) else {
            continue;
        };
        let id = match (r.id, r.code) {
            (Some(id), _) => crate::chart::hierarchy::spearhead_id(id),
            (None, Some(c)) => crate::chart::hierarchy::category_id(c),
            _ => continue,
        };
        let name = node_label(id, lang);
        if hi.as_ref().is_none_or(|(v, _)| g > *v) {
            hi = Some((g, name.clone()));
        }
        if lo.as_ref().is_none_or(|(v, _)| g < *v) {
            lo = Some((g, name));
        }
    }
    if let (Some((hg, hn)), Some((lg, ln))) = (hi, lo) {
        out.push(' ');
        out.push_str(&wording::gap_range(
            lang,
            (&hn, &signed(hg, lang)),
            (&ln, &signed(lg, lang)),
        ));
    }
    if let Some(r) = largest_gap(stats) {
        out.push(' ');
        out.push_str(&wording::largest_gap(
            lang,
            &role_name(r.role, lang),
            &signed(r.gap.unwrap_or(0.0), lang),
        ));
    }
    out
}

pub(super) fn signed(v: f64, lang: Lang) -> String {
    let s = fmt_fixed(v, 2, lang);
    if v > 0.0 {
        format!("+{s}")
    } else {
        s
    }
}

pub(super) fn quadrant_short(q: Quadrant, lang: Lang) -> String {
    catalogue()
        .quadrants
        .iter()
        .find(|x| x.code == q.code())
        .map(|x| lang.pick(x.short_nl, x.short_en).to_string())
        .unwrap_or_default()
}

/// One row of the data table: the item it describes (JS number), its cells as text, whether it
/// is the selected item, and for a hierarchy node with children whether it is expanded (its
/// button then is `toggle`).
#[derive(Debug, Serialize)]
pub struct Row {
    pub item: u32,
    pub cells: Vec<String>,
    pub selected: bool,
    pub expanded: Option<bool>,
    pub toggle: u32,
}

/// The data table of what is shown.
#[derive(Debug, Serialize)]
pub struct Table {
    pub caption: String,
    pub head: Vec<&'static str>,
    pub rows: Vec<Row>,
}

fn mean_sd_n(d: Option<&crate::stats::Describe>, lang: Lang) -> [String; 3] {
    match d {
        Some(d) => [
            fmt_fixed(d.mean, 2, lang),
            d.sd.map_or_else(|| "–".into(), |s| fmt_fixed(s, 2, lang)),
            d.n.map_or_else(|| "–".into(), |n| n.to_string()),
        ],
        None => ["–".into(), "–".into(), "–".into()],
    }
}

/// Every role of the current selection with its figures, quadrant and gap.
pub fn quadrant_table(stats: &Stats, lang: Lang, selected: Option<Item>) -> Table {
    let cells = |role: u8| {
        let mut cells = Vec::new();
        if let Some(r) = stats.roles.iter().find(|r| r.role == role) {
            cells.extend(mean_sd_n(r.importance.as_ref(), lang));
            cells.extend(mean_sd_n(r.performance.as_ref(), lang));
            cells.push(
                r.quadrant
                    .map_or_else(String::new, |q| quadrant_short(q, lang)),
            );
            cells.push(r.gap.map_or_else(|| "–".into(), |g| signed(g, lang)));
        }
        cells
    };
    let roles: Vec<u8> = stats.roles.iter().map(|r| r.role).collect();
    Table {
        caption: wording::table_caption(lang, stats.n_respondents),
        head: heads(&wording::QUADRANT_TABLE_HEAD, lang),
        rows: role_rows(&roles, lang, selected, cells),
    }
}

/// The words of a table's head in `lang`.
pub(super) fn heads(words: &[wording::Words], lang: Lang) -> Vec<&'static str> {
    words.iter().map(|w| w.get(lang)).collect()
}

/// One row per role: its name, then `cells(role)`. Shared by the plain and the comparison table.
pub(super) fn role_rows(
    roles: &[u8],
    lang: Lang,
    selected: Option<Item>,
    cells: impl Fn(u8) -> Vec<String>,
) -> Vec<Row> {
    roles
        .iter()
        .map(|&role| {
            let mut c = vec![role_name(role, lang)];
            c.extend(cells(role));
            Row {
                item: u32::from(role),
                cells: c,
                selected: selected == Some(Item::Role(role)),
                expanded: None,
                toggle: 0,
            }
        })
        .collect()
}

/// The nodes laid out now (collapsed branches left out), with their figures and parents.
pub fn hierarchy_table(
    layout: &HierarchyLayout,
    stats: Option<&Stats>,
    collapsed: &NodeSet,
    lang: Lang,
    selected: Option<Item>,
) -> Table {
    let maps = [ColorBy::Importance, ColorBy::Performance, ColorBy::Gap]
        .map(|c| stats.map(|s| values_from_stats(s, c)).unwrap_or_default());
    let cells = |id: NodeId| {
        maps.iter()
            .enumerate()
            .map(|(i, m)| {
                m.get(&id).map_or_else(
                    || "–".into(),
                    |&v| {
                        if i == 2 {
                            signed(v, lang)
                        } else {
                            fmt_fixed(v, 2, lang)
                        }
                    },
                )
            })
            .collect()
    };
    Table {
        caption: wording::hierarchy_table_caption(lang),
        head: heads(&wording::HIERARCHY_TABLE_HEAD, lang),
        rows: node_rows(layout, collapsed, lang, selected, cells),
    }
}

/// One row per node laid out: its name, `cells(node)`, then its parents. Shared by the plain
/// and the comparison table.
pub(super) fn node_rows(
    layout: &HierarchyLayout,
    collapsed: &NodeSet,
    lang: Lang,
    selected: Option<Item>,
    cells: impl Fn(NodeId) -> Vec<String>,
) -> Vec<Row> {
    layout
        .nodes
        .iter()
        .filter_map(|n| {
            let item = Item::from_node(n.id)?;
            let mut c = vec![node_label(n.id, lang)];
            c.extend(cells(n.id));
            let parents: Vec<String> = layout
                .edges
                .iter()
                .filter(|e| e.to == n.id)
                .map(|e| node_label(e.from, lang))
                .collect();
            c.push(parents.join(", "));
            Some(Row {
                item: item.to_js(),
                cells: c,
                selected: selected == Some(item),
                expanded: n.toggle.as_ref().map(|_| !collapsed.contains(&n.id)),
                toggle: n.toggle.as_ref().map_or(0, |_| Item::Toggle(n.id).to_js()),
            })
        })
        .collect()
}

/// An arrow key's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    /// 0 left, 1 right, 2 up, 3 down (the numbers the wrapper sends).
    pub fn from_js(n: u32) -> Option<Direction> {
        [
            Direction::Left,
            Direction::Right,
            Direction::Up,
            Direction::Down,
        ]
        .get(n as usize)
        .copied()
    }
}

/// The item nearest to `from` in `dir` among `items` (screen positions, y down): only items
/// strictly on that side count, and distance across the direction weighs double, so the key
/// follows a row or column before it jumps sideways. None when nothing lies that way.
pub fn neighbour(items: &[(Item, (f64, f64))], from: Item, dir: Direction) -> Option<Item> {
    let &(_, (x0, y0)) = items.iter().find(|(i, _)| *i == from)?;
    let mut best: Option<(f64, Item)> = None;
    for &(item, (x, y)) in items {
        if item == from {
            continue;
        }
        let (along, across) = match dir {
            Direction::Left => (x0 - x, y - y0),
            Direction::Right => (x - x0, y - y0),
            Direction::Up => (y0 - y, x - x0),
            Direction::Down => (y - y0, x - x0),
        };
        if along <= 0.5 {
            continue;
        }
        let score = along + 2.0 * across.abs();
        if best.is_none_or(|(s, _)| score < s) {
            best = Some((score, item));
        }
    }
    best.map(|(_, i)| i)
}
