//! The data table of a comparison (the `compare` setting): per role, or per hierarchy node, both
//! sides' means and n, B − A, its 95% interval (or why there is none), whether it is clear, and
//! both quadrants, on both scales. Text cells only, like `describe`'s tables. One row builder
//! serves both charts (the shipped bytes: each copy of it costs about a kilobyte of wasm).

use super::describe::{heads, node_rows, quadrant_short, role_rows, signed, Row, Table};
use super::quadrant::side_name;
use super::Item;
use crate::catalogue::Lang;
use crate::chart::fmt_fixed;
use crate::chart::hierarchy::{category_id, spearhead_id, HierarchyLayout, NodeId, NodeSet};
use crate::stats::compare::{Reason, SideFigures};
use crate::stats::{Comparison, Quadrant};
use crate::wording;

const DASH: &str = "–";

/// One scale of a role or roll-up, reduced to what the table shows.
struct Cells {
    a: Option<SideFigures>,
    b: Option<SideFigures>,
    diff: Option<f64>,
    ci95: Option<[f64; 2]>,
    excludes_zero: Option<bool>,
    reason: Option<Reason>,
}

fn opt(v: Option<String>) -> String {
    v.unwrap_or_else(|| DASH.into())
}

/// A scale's seven cells: A mean, A n, B mean, B n, B − A, interval (or why none), clear.
fn push_scale(out: &mut Vec<String>, d: Cells, names: [&str; 2], lang: Lang) {
    for f in [d.a, d.b] {
        out.push(opt(f.map(|f| fmt_fixed(f.mean, 2, lang))));
        out.push(opt(f.and_then(|f| f.n).map(|n| n.to_string())));
    }
    out.push(opt(d.diff.map(|v| signed(v, lang))));
    out.push(match (d.ci95, d.reason) {
        (Some([lo, hi]), _) => {
            let mut s = fmt_fixed(lo, 2, lang);
            s.push_str(" – ");
            s.push_str(&fmt_fixed(hi, 2, lang));
            s
        }
        (None, Some(why)) => wording::compare_reason(lang, why, names),
        (None, None) => DASH.into(),
    });
    out.push(
        match d.excludes_zero {
            Some(true) => wording::CLEAR_YES.get(lang),
            Some(false) => wording::CLEAR_NO.get(lang),
            None => DASH,
        }
        .into(),
    );
}

/// The cells after the name of a role or roll-up node (16 dashes for nodes without figures).
#[inline(never)]
fn node_cells(id: NodeId, cmp: &Comparison, names: [&str; 2], lang: Lang) -> Vec<String> {
    let mut out = Vec::with_capacity(17);
    let quadrants: [Option<Quadrant>; 2];
    if let Some(r) = cmp.roles.iter().find(|r| NodeId::from(r.role) == id) {
        for d in [&r.importance, &r.performance] {
            let c = Cells {
                a: d.a,
                b: d.b,
                diff: d.diff,
                ci95: d.ci95,
                excludes_zero: d.excludes_zero,
                reason: d.reason,
            };
            push_scale(&mut out, c, names, lang);
        }
        quadrants = [r.quadrant_a, r.quadrant_b];
    } else if let Some(r) = cmp
        .spearheads
        .iter()
        .find(|r| r.id.map(spearhead_id) == Some(id))
        .or_else(|| {
            cmp.categories
                .iter()
                .find(|r| r.code.map(category_id) == Some(id))
        })
    {
        for d in [&r.importance, &r.performance] {
            let side = |m: Option<f64>| {
                m.map(|mean| SideFigures {
                    n: None,
                    mean,
                    sd: None,
                })
            };
            let c = Cells {
                a: side(d.a.mean),
                b: side(d.b.mean),
                diff: d.diff,
                ci95: None,
                excludes_zero: None,
                reason: Some(d.reason),
            };
            push_scale(&mut out, c, names, lang);
        }
        quadrants = [r.quadrant_a, r.quadrant_b];
    } else {
        out.resize(16, DASH.into());
        return out;
    }
    for q in quadrants {
        out.push(opt(q.map(|q| quadrant_short(q, lang))));
    }
    out
}

/// The head (in the hierarchy: "Node" first and the parents last) and the caption.
fn table(cmp: &Comparison, lang: Lang, hierarchy: bool, rows: Vec<Row>) -> Table {
    let [a, b] = [side_name(&cmp.a, lang), side_name(&cmp.b, lang)];
    let mut head = heads(&wording::COMPARE_TABLE_HEAD, lang);
    if hierarchy {
        head[0] = wording::COMPARE_TABLE_NODE.get(lang);
        head.push(wording::COMPARE_TABLE_PARENTS.get(lang));
    }
    Table {
        caption: wording::compare_table_caption(lang, [&a, &b]),
        head,
        rows,
    }
}

/// Every role with both sides' figures and the differences.
pub fn compare_table(cmp: &Comparison, lang: Lang, selected: Option<Item>) -> Table {
    let [a, b] = [side_name(&cmp.a, lang), side_name(&cmp.b, lang)];
    let cells = |role: u8| node_cells(NodeId::from(role), cmp, [&a, &b], lang);
    let roles: Vec<u8> = cmp.roles.iter().map(|r| r.role).collect();
    table(cmp, lang, false, role_rows(&roles, lang, selected, cells))
}

/// The nodes laid out now with both sides' figures, the differences and the parents.
pub fn hierarchy_compare_table(
    layout: &HierarchyLayout,
    cmp: &Comparison,
    collapsed: &NodeSet,
    lang: Lang,
    selected: Option<Item>,
) -> Table {
    let [a, b] = [side_name(&cmp.a, lang), side_name(&cmp.b, lang)];
    let cells = |id: NodeId| node_cells(id, cmp, [&a, &b], lang);
    table(
        cmp,
        lang,
        true,
        node_rows(layout, collapsed, lang, selected, cells),
    )
}
