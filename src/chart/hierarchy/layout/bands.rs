//! The first stages: the plot rectangle and the orientation, then each visible node's box in
//! world coordinates and each level's band along the main axis (across the levels).
//!
//! Every level gets a share of the main axis by weight (a staggered level two sub-rows and
//! the gap between them, the higher purpose's frame more for its header). Across, a level's
//! boxes sit in equal slots; a group level whose children do not interleave is then centred
//! over its children, so its edges run short and straight.
//!
//! On a portrait phone the higher purpose's frame is not a column: it is a band across the
//! top (`purpose_band`), and the columns share the width right of a narrow trunk that carries
//! the frame's toggle and its edges down to the kinds.

use crate::chart::{LayoutError, Metrics, Rect};

use super::super::view::HierView;
use super::super::{NodeId, NodeMap};
use super::nodes::TIGHT_PAD_Y;
use super::{Orientation, Plan, GAP, LEGEND_H};

/// A top-down level whose slots are narrower than this is staggered.
const MIN_SLOT: f64 = 110.0;
/// A left-right level whose slots are thinner than a line of body text, the box padding and
/// the gap is staggered too (every other box one column further), so that each box gets
/// nearly two slots: at 1200x480 the 13 roles were otherwise 21 px boxes, too thin to name.
const MIN_SLOT_LR_PAD: f64 = 8.0 + GAP;
/// Below this width (CSS px) a tall element lays the levels out left to right too.
const PORTRAIT_W: f64 = 600.0;
/// Width of the trunk left of the columns under a frame on top, in CSS px: the frame's toggle
/// (14 px) and a pixel or two either side.
pub(super) const TRUNK: f64 = 18.0;
/// The band of a frame on top: this many lines of body text for its header (title and up to
/// three lines of its note) and two per row of items, and padding, in CSS px; at most this
/// share of the plot's height.
const BAND_HEAD_LINES: f64 = 4.0;
const BAND_ITEM_LINES: f64 = 2.5;
const BAND_PAD: f64 = 24.0;
/// Items of a frame on top narrower than this in a row (CSS px) go two rows instead: four in
/// a phone's 360 px were "Positio…" and "Contrib…".
const BAND_ITEM_MIN: f64 = 120.0;
const BAND_MAX: f64 = 0.3;
/// A staggered box thinner than this (CSS px) gets half the gap to its neighbours.
const TIGHT_BOX: f64 = 60.0;
/// Cap of a box's thickness along the level axis (top-down) and across (left-right).
const CAP_ROW: f64 = 60.0;
const CAP_COL: f64 = 300.0;
/// Cap of a group box centred over its children (top-down), so it still reads as one box.
const CAP_GROUP: f64 = 260.0;

/// Relative thickness of the parts along the level axis.
const W_FRAME_TB: f64 = 2.2;
const W_FRAME_LR: f64 = 1.3;
const W_LEVEL: f64 = 1.0;
const W_SUBGAP: f64 = 0.45;
/// The last level (the roles, whose names are the point of the diagram and the longest) gets
/// this much more: on a phone the width or second line it buys shows a role's name (issue 11).
const W_LEAF: f64 = 1.4;
/// Under a frame on top, the first column (two kinds with long names, where the frame's column
/// was) gets this much more than a level's share.
const W_FIRST_UNDER_TOP: f64 = 1.5;
/// Left to right on a wide element, the column before the roles, when it holds this many boxes
/// or more (the ten spearhead roles) and they have room for one line only, gets this much
/// more: at a level's share the demo's hierarchy with slide text (1.2-1.33) showed "SR1 ·
/// Shaping…" three times, and "SR8" and "SR10" without a name.
const W_MID: f64 = 1.6;
const W_MID_NODES: usize = 6;
/// Not on a plot narrower than this (CSS px), where the other columns have no width to spare.
const W_MID_MIN_WIDTH: f64 = 720.0;
const W_GAP_TB: f64 = 0.8;
/// Left to right, a gap holds the edges and the toggles, whose curves read as well in 0.3 of a
/// level's share as in the 0.5 it had: the width went to the names, and the demo's hierarchy at
/// seven laptop and desktop sizes cut 6 names in EN and 15 in NL instead of 10 and 22.
const W_GAP_LR: f64 = 0.3;

/// A node box in world coordinates before the view is applied.
pub(super) struct WorldBox {
    pub id: NodeId,
    pub level: usize,
    pub rect: Rect,
}

/// Main-axis extent of a level's boxes (world, or device px after `to_device`).
#[derive(Clone, Copy)]
pub(super) struct Band {
    pub start: f64,
    pub end: f64,
}

/// The boxes of all visible nodes in level order, and one band per level.
pub(super) struct World {
    pub boxes: Vec<WorldBox>,
    pub bands: Vec<Band>,
}

/// The view placed in the plot rectangle of an element of `size_px` device px: the plot leaves
/// a margin all round and room for the legend below. An error when the size is not a size or
/// leaves too small a plot.
pub(super) fn frame(
    view: &HierView,
    size_px: (f64, f64),
    m: &Metrics,
) -> Result<HierView, LayoutError> {
    let (width, height) = size_px;
    let dpr = m.dpr;
    let bad = LayoutError::BadSize { width, height, dpr };
    if !width.is_finite() || !height.is_finite() || width <= 0.0 || height <= 0.0 {
        return Err(bad);
    }
    if !dpr.is_finite() || !(0.25..=16.0).contains(&dpr) {
        return Err(bad);
    }
    let pad = m.px(m.theme.pad_tight);
    let plot = Rect::new(
        pad,
        pad,
        width - pad,
        height - m.px(m.theme.pad_tight + LEGEND_H),
    );
    let min = m.px(m.theme.min_plot);
    if plot.width() < min || plot.height() < min || plot.y1 <= plot.y0 {
        return Err(LayoutError::TooSmall {
            width,
            height,
            plot_width: plot.width().max(0.0),
            plot_height: plot.height().max(0.0),
        });
    }
    view.with_plot_rect(plot)
        .map_err(|_| LayoutError::TooSmall {
            width,
            height,
            plot_width: plot.width(),
            plot_height: plot.height(),
        })
}

/// Wide elements read the levels left to right, so that long role labels get whole rows; so do
/// tall narrow ones (a portrait phone): 14 roles side by side in 390 px are 45 px boxes, one
/// above the other they get the height and a column as wide as the levels leave.
pub(super) fn orientation((width, height): (f64, f64), m: &Metrics) -> Orientation {
    if width / height > 1.3 || portrait((width, height), m) {
        Orientation::LeftRight
    } else {
        Orientation::TopDown
    }
}

/// A tall, narrow element (a portrait phone).
pub(super) fn portrait((width, height): (f64, f64), m: &Metrics) -> bool {
    width < m.px(PORTRAIT_W) && height > 1.4 * width
}

/// World height of the band of a frame on top.
fn purpose_band(plan: &Plan) -> f64 {
    let n = plan
        .g
        .contained
        .get(&plan.levels[0][0])
        .map_or(1, |v| v.len());
    let rows = n.div_ceil(band_columns(plan, n)) as f64;
    let lines = BAND_HEAD_LINES + BAND_ITEM_LINES * rows;
    let want = lines * plan.m.line(plan.m.theme.font) + plan.px(BAND_PAD + (rows - 1.0) * GAP);
    want.min(BAND_MAX * plan.plot.height())
}

/// Items per row in a frame on top (of `n`): all in one row, or in two rows where one row's
/// boxes would be too narrow for a word. Set at zoom 1 (the plot's width), so zooming scales
/// the grid rather than rearranging it.
pub(super) fn band_columns(plan: &Plan, n: usize) -> usize {
    if n > 2 && plan.plot.width() / (n as f64) < plan.px(BAND_ITEM_MIN) {
        n.div_ceil(2)
    } else {
        n.max(1)
    }
}

/// How the main axis is shared out among the levels.
struct Rows {
    /// Sub-rows per level (2 when staggered).
    subrows: Vec<usize>,
    /// World length of one unit of weight.
    unit: f64,
    weights: Vec<f64>,
    /// Weight of the gap between levels.
    w_gap: f64,
    /// World length across the levels (the columns' share, under a frame on top).
    len_cross: f64,
    /// World length along the main axis that the levels share, from `main0`.
    len_main: f64,
    /// Where the levels start along the main axis (the trunk under a frame on top), and
    /// across (below the frame on top).
    main0: f64,
    cross0: f64,
    /// The frame on top's world height.
    band: f64,
    /// The last level's factor (`W_LEAF` or 1).
    leaf: f64,
}

/// Each visible node's world box and each level's band.
pub(super) fn world(plan: &Plan) -> World {
    let rows = rows(plan);
    let (mut cross, mut sub_of) = slots(plan, &rows);
    centre_groups(plan, &mut cross, &mut sub_of);
    main_positions(plan, &rows, &cross, &sub_of)
}

fn rows(plan: &Plan) -> Rows {
    let tb = plan.tb();
    // World = the plot at zoom 1, origin at the plot's corner; main axis = across levels.
    let (len_main, len_cross) = if tb {
        (plan.plot.height(), plan.plot.width())
    } else {
        (plan.plot.width(), plan.plot.height())
    };
    // A frame on top takes a band across the plot; the columns share what is below it, right
    // of the trunk.
    let (band, main0) = if plan.purpose_on_top {
        (purpose_band(plan), plan.px(TRUNK))
    } else {
        (0.0, 0.0)
    };
    let cross0 = if band > 0.0 { band + plan.px(GAP) } else { 0.0 };
    let (len_main, len_cross) = (len_main - main0, len_cross - cross0);
    let columns = plan.levels.len() - usize::from(plan.purpose_on_top);
    let subrows: Vec<usize> = plan
        .levels
        .iter()
        .enumerate()
        .map(|(li, l)| {
            let slot = len_cross / (l.len() as f64);
            let min = if tb {
                plan.px(MIN_SLOT)
            } else {
                plan.m.line(plan.m.theme.font) + plan.px(MIN_SLOT_LR_PAD)
            };
            // Under a frame on top (a portrait phone) a column before the roles staggers only
            // when its boxes cannot hold a line even with tight padding: staggered, the
            // spearhead roles were two columns of ~27 px boxes in a 250 px element, too thin
            // for even "SR1", where one column of one-line boxes shows them all.
            let keep = plan.purpose_on_top
                && li + 1 < plan.levels.len()
                && slot >= plan.m.line(plan.m.theme.font) + plan.px(GAP + 2.0 * TIGHT_PAD_Y);
            if l.len() >= 4 && !plan.is_frame_level(l) && slot < min && !keep {
                2
            } else {
                1
            }
        })
        .collect();
    let w_gap = if tb { W_GAP_TB } else { W_GAP_LR };
    let shares = |leaf: f64| -> (Vec<f64>, f64) {
        let weights: Vec<f64> = plan
            .levels
            .iter()
            .zip(&subrows)
            .enumerate()
            .map(|(li, (l, &k))| match (plan.is_frame_level(l), tb) {
                _ if plan.on_top(li) => 0.0,
                (true, true) => W_FRAME_TB,
                (true, false) => W_FRAME_LR,
                _ => (k as f64 * W_LEVEL + (k as f64 - 1.0) * W_SUBGAP) * factor(plan, li, leaf),
            })
            .collect();
        let total = weights.iter().sum::<f64>() + w_gap * (columns as f64 - 1.0);
        (weights, len_main / total.max(1e-9))
    };
    // The roles' extra share, unless a top-down higher purpose would be left too short for its
    // title and a line of its items.
    let (mut leaf, (mut weights, mut unit)) = (W_LEAF, shares(W_LEAF));
    let frame_min = 2.0 * plan.m.line(plan.m.theme.font) + plan.px(4.0 * GAP);
    if tb && plan.levels.iter().any(|l| plan.is_frame_level(l)) && W_FRAME_TB * unit < frame_min {
        leaf = 1.0;
        (weights, unit) = shares(1.0);
    }
    Rows {
        subrows,
        unit,
        weights,
        w_gap,
        len_cross,
        len_main,
        main0,
        cross0,
        band,
        leaf,
    }
}

/// A level's factor on its share of the main axis and its boxes' thickness: `leaf` for the
/// roles, more for the first column under a frame on top or for a column of one-line boxes
/// before the roles, else 1.
fn factor(plan: &Plan, li: usize, leaf: f64) -> f64 {
    if li + 1 == plan.levels.len() {
        leaf
    } else if plan.on_top(0) && li == 1 {
        W_FIRST_UNDER_TOP
    } else if li + 2 == plan.levels.len() && !plan.purpose_on_top && one_line(plan, li) {
        W_MID
    } else {
        1.0
    }
}

/// Whether a left-right level of many boxes on a wide plot holds one line per box: two lines
/// of the smallest type its labels step down to, with the padding and the gap, are thicker
/// than its slot. (Where two lines fit, the level's share shows its names, and the roles
/// keep the width.)
fn one_line(plan: &Plan, li: usize) -> bool {
    let n = plan.levels[li].len();
    let two_lines = 2.0 * plan.m.line(super::nodes::smallest_font(plan)) + plan.px(MIN_SLOT_LR_PAD);
    !plan.tb()
        && n >= W_MID_NODES
        && plan.plot.width() >= plan.px(W_MID_MIN_WIDTH)
        && plan.plot.height() / (n as f64) < two_lines
}

/// Cross spans in equal slots per level (a frame level spans everything), and each node's
/// sub-row.
fn slots(plan: &Plan, rows: &Rows) -> (NodeMap<(f64, f64)>, NodeMap<usize>) {
    let gap = plan.px(GAP);
    let cap_cross = plan.px(if plan.tb() { CAP_COL } else { CAP_ROW });
    let mut cross: NodeMap<(f64, f64)> = NodeMap::new();
    let mut sub_of: NodeMap<usize> = NodeMap::new();
    for (li, l) in plan.levels.iter().enumerate() {
        let n = l.len() as f64;
        let k = rows.subrows[li];
        if plan.on_top(li) {
            cross.insert(l[0], (0.0, rows.band));
            continue;
        }
        if plan.is_frame_level(l) {
            cross.insert(l[0], (0.0, rows.len_cross));
            continue;
        }
        let slot = rows.len_cross / (n + k as f64 - 1.0);
        // Staggered boxes this thin (a phone's 14 roles) take half the gap: the few px are what
        // a role's number and first letters need (issue 11), and an edge still passes between.
        let gap = if k > 1 && k as f64 * slot - gap < plan.px(TIGHT_BOX) {
            gap / 2.0
        } else {
            gap
        };
        let w = (k as f64 * slot - gap).min(cap_cross).max(1.0);
        for (i, &id) in l.iter().enumerate() {
            let c = rows.cross0 + (i as f64 + k as f64 / 2.0) * slot;
            cross.insert(id, (c - w / 2.0, c + w / 2.0));
            sub_of.insert(id, i % k);
        }
    }
    (cross, sub_of)
}

/// Bottom-up, a level of at most four nodes whose children's spans do not overlap is centred
/// over them, one node each.
fn centre_groups(plan: &Plan, cross: &mut NodeMap<(f64, f64)>, sub_of: &mut NodeMap<usize>) {
    let gap = plan.px(GAP);
    for li in (0..plan.levels.len().saturating_sub(1)).rev() {
        let l = &plan.levels[li];
        if plan.is_frame_level(l) {
            continue;
        }
        let spans: Vec<Option<(f64, f64)>> =
            l.iter().map(|&id| children_span(plan, cross, id)).collect();
        let disjoint = spans.iter().all(|s| s.is_some()) && {
            let mut v: Vec<(f64, f64)> = spans.iter().flatten().copied().collect();
            crate::lean::small_sort::sort_by(&mut v, |a, b| a.0.total_cmp(&b.0));
            v.windows(2).all(|w| w[0].1 <= w[1].0)
        };
        if disjoint && l.len() <= 4 {
            for (&id, sp) in l.iter().zip(&spans) {
                if let Some((a, b)) = sp {
                    let c = (a + b) / 2.0;
                    // Centred over its children, but a box of ordinary size across the levels'
                    // direction (a column-high box would read as a container).
                    let cap = plan.px(if plan.tb() { CAP_GROUP } else { CAP_ROW });
                    let w = crate::lean::number::clamp(b - a - gap, 1.0, cap);
                    cross.insert(id, (c - w / 2.0, c + w / 2.0));
                    sub_of.insert(id, 0);
                }
            }
        }
    }
}

/// The cross span of a node's visible children (None when collapsed or childless).
fn children_span(plan: &Plan, cross: &NodeMap<(f64, f64)>, id: NodeId) -> Option<(f64, f64)> {
    let mut span: Option<(f64, f64)> = None;
    for e in plan
        .g
        .children(id)
        .filter(|e| plan.visible.contains(&e.to) && !plan.scene.collapsed.contains(&id))
    {
        if let Some(&(a, b)) = cross.get(&e.to) {
            span = Some(span.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
        }
    }
    span
}

/// Main positions: levels one after another by weight, a box in its sub-row, no thicker
/// than the cap and centred in it.
fn main_positions(
    plan: &Plan,
    rows: &Rows,
    cross: &NodeMap<(f64, f64)>,
    sub_of: &NodeMap<usize>,
) -> World {
    let unit = rows.unit;
    let cap_main = plan.px(if plan.tb() { CAP_ROW } else { CAP_COL });
    let mut boxes: Vec<WorldBox> = Vec::new();
    let mut bands: Vec<Band> = Vec::new();
    let mut pos = rows.main0;
    for (li, l) in plan.levels.iter().enumerate() {
        let band_len = rows.weights[li] * unit;
        let mut band = Band {
            start: f64::INFINITY,
            end: f64::NEG_INFINITY,
        };
        for &id in l {
            // Every id of `levels` got a span above; the guard only keeps this panic-free.
            let Some(&(c0, c1)) = cross.get(&id) else {
                continue;
            };
            let (m0, m1) = if plan.on_top(li) {
                // The band across the top: the whole main axis, and no column of its own.
                (0.0, rows.main0 + rows.len_main)
            } else if plan.is_frame_level(l) {
                (pos, pos + band_len)
            } else {
                let sub = sub_of.get(&id).copied().unwrap_or(0) as f64;
                let f = factor(plan, li, rows.leaf);
                let sub_len = W_LEVEL * unit * f;
                let start = pos + sub * (W_LEVEL + W_SUBGAP) * unit * f;
                let t = sub_len.min(cap_main);
                let m0 = start + (sub_len - t) / 2.0;
                (m0, m0 + t)
            };
            band.start = band.start.min(m0);
            band.end = band.end.max(m1);
            let rect = if plan.tb() {
                Rect::new(c0, m0, c1, m1)
            } else {
                Rect::new(m0, c0, m1, c1)
            };
            boxes.push(WorldBox {
                id,
                level: li,
                rect,
            });
        }
        bands.push(band);
        if !plan.on_top(li) {
            pos += band_len + rows.w_gap * unit;
        }
    }
    World { boxes, bands }
}

/// The bands in device px along the main axis, through the view.
pub(super) fn to_device(plan: &Plan, bands: &[Band]) -> Vec<Band> {
    bands
        .iter()
        .map(|b| {
            if plan.tb() {
                let r = plan.to_dev(&Rect::new(0.0, b.start, 1.0, b.end));
                Band {
                    start: r.y0,
                    end: r.y1,
                }
            } else {
                let r = plan.to_dev(&Rect::new(b.start, 0.0, b.end, 1.0));
                Band {
                    start: r.x0,
                    end: r.x1,
                }
            }
        })
        .collect()
}
