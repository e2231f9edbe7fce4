//! The data table of a comparison (the `compare` setting): per role, or per hierarchy node, both
//! sides' means and n, B − A, its 95% interval (or why there is none), whether it is clear, and
//! both quadrants, on both scales. Text cells only, like `describe`'s tables.

use super::describe::{quadrant_short, role_name, signed, Row, Table};
use super::quadrant::side_name;
use super::Item;
use crate::catalogue::Lang;
use crate::chart::fmt_fixed;
use crate::chart::hierarchy::{
    category_id, node_label, spearhead_id, HierarchyLayout, NodeId, NodeSet,
};
use crate::stats::compare::{RollupScaleDiff, ScaleDiff};
use crate::stats::{Comparison, Quadrant};
use crate::wording;

const DASH: &str = "–";

fn names(cmp: &Comparison) -> [String; 2] {
    [side_name(&cmp.a.selection), side_name(&cmp.b.selection)]
}

/// A role's seven cells on one scale.
fn scale_cells(d: &ScaleDiff, names: &[String; 2], lang: Lang) -> [String; 7] {
    let mean = |f: &Option<crate::stats::compare::SideFigures>| {
        f.map_or_else(|| DASH.into(), |f| fmt_fixed(f.mean, 2, lang))
    };
    let n = |f: &Option<crate::stats::compare::SideFigures>| {
        f.and_then(|f| f.n)
            .map_or_else(|| DASH.into(), |n| n.to_string())
    };
    let ci = match (d.ci95, d.reason) {
        (Some([lo, hi]), _) => format!("{} – {}", fmt_fixed(lo, 2, lang), fmt_fixed(hi, 2, lang)),
        (None, Some(why)) => wording::compare_reason(lang, why, [&names[0], &names[1]]),
        (None, None) => DASH.into(),
    };
    let clear = match d.excludes_zero {
        Some(true) => wording::CLEAR_YES.get(lang),
        Some(false) => wording::CLEAR_NO.get(lang),
        None => DASH,
    };
    [
        mean(&d.a),
        n(&d.a),
        mean(&d.b),
        n(&d.b),
        d.diff.map_or_else(|| DASH.into(), |v| signed(v, lang)),
        ci,
        clear.into(),
    ]
}

/// A roll-up's seven cells on one scale: no n, and never an interval.
fn rollup_cells(d: &RollupScaleDiff, names: &[String; 2], lang: Lang) -> [String; 7] {
    let mean = |v: Option<f64>| v.map_or_else(|| DASH.into(), |v| fmt_fixed(v, 2, lang));
    [
        mean(d.a.mean),
        DASH.into(),
        mean(d.b.mean),
        DASH.into(),
        d.diff.map_or_else(|| DASH.into(), |v| signed(v, lang)),
        wording::compare_reason(lang, d.reason, [&names[0], &names[1]]),
        DASH.into(),
    ]
}

fn quadrant_cells(a: Option<Quadrant>, b: Option<Quadrant>, lang: Lang) -> [String; 2] {
    let q = |q: Option<Quadrant>| q.map_or_else(|| DASH.into(), |q| quadrant_short(q, lang));
    [q(a), q(b)]
}

/// The cells after the name of a role or roll-up node (None for nodes without figures).
fn node_cells(
    id: NodeId,
    cmp: &Comparison,
    names: &[String; 2],
    lang: Lang,
) -> Option<Vec<String>> {
    let mut cells = Vec::new();
    if let Some(r) = cmp.roles.iter().find(|r| NodeId::from(r.role) == id) {
        cells.extend(scale_cells(&r.importance, names, lang));
        cells.extend(scale_cells(&r.performance, names, lang));
        cells.extend(quadrant_cells(r.quadrant_a, r.quadrant_b, lang));
        return Some(cells);
    }
    let rollup = cmp
        .spearheads
        .iter()
        .find(|r| r.id.map(spearhead_id) == Some(id))
        .or_else(|| {
            cmp.categories
                .iter()
                .find(|r| r.code.map(category_id) == Some(id))
        })?;
    cells.extend(rollup_cells(&rollup.importance, names, lang));
    cells.extend(rollup_cells(&rollup.performance, names, lang));
    cells.extend(quadrant_cells(rollup.quadrant_a, rollup.quadrant_b, lang));
    Some(cells)
}

fn head(lang: Lang, first: wording::Words, last: Option<wording::Words>) -> Vec<&'static str> {
    let mut head = vec![first.get(lang)];
    for scale in wording::COMPARE_TABLE_SCALES {
        head.extend(scale.iter().map(|w| w.get(lang)));
    }
    head.extend(wording::COMPARE_TABLE_QUADRANTS.iter().map(|w| w.get(lang)));
    head.extend(last.map(|w| w.get(lang)));
    head
}

/// Every role with both sides' figures and the differences.
pub fn compare_table(cmp: &Comparison, lang: Lang, selected: Option<Item>) -> Table {
    let names = names(cmp);
    let rows = cmp
        .roles
        .iter()
        .filter_map(|r| {
            let mut cells = vec![role_name(r.role, lang)];
            cells.extend(node_cells(NodeId::from(r.role), cmp, &names, lang)?);
            Some(Row {
                item: u32::from(r.role),
                cells,
                selected: selected == Some(Item::Role(r.role)),
                expanded: None,
                toggle: 0,
            })
        })
        .collect();
    Table {
        caption: wording::compare_table_caption(lang, [&names[0], &names[1]]),
        head: head(lang, wording::COMPARE_TABLE_ROLE, None),
        rows,
    }
}

/// The nodes laid out now with both sides' figures, the differences and the parents.
pub fn hierarchy_compare_table(
    layout: &HierarchyLayout,
    cmp: &Comparison,
    collapsed: &NodeSet,
    lang: Lang,
    selected: Option<Item>,
) -> Table {
    let names = names(cmp);
    let rows = layout
        .nodes
        .iter()
        .filter_map(|n| {
            let item = Item::from_node(n.id)?;
            let mut cells = vec![node_label(n.id, lang)];
            cells.extend(
                node_cells(n.id, cmp, &names, lang).unwrap_or_else(|| vec![DASH.into(); 16]),
            );
            let parents: Vec<String> = layout
                .edges
                .iter()
                .filter(|e| e.to == n.id)
                .map(|e| node_label(e.from, lang))
                .collect();
            cells.push(parents.join(", "));
            Some(Row {
                item: item.to_js(),
                cells,
                selected: selected == Some(item),
                expanded: n.toggle.as_ref().map(|_| !collapsed.contains(&n.id)),
                toggle: n.toggle.as_ref().map_or(0, |_| Item::Toggle(n.id).to_js()),
            })
        })
        .collect();
    Table {
        caption: wording::compare_table_caption(lang, [&names[0], &names[1]]),
        head: head(
            lang,
            wording::COMPARE_TABLE_NODE,
            Some(wording::COMPARE_TABLE_PARENTS),
        ),
        rows,
    }
}
