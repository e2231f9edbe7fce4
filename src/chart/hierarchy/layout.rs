//! Geometry of the hierarchy: which nodes are visible, where their boxes go (in "world" pixels,
//! the device pixels of the diagram at zoom 1, then through the view), how their labels wrap,
//! the edge paths, the toggles and the legend.
//!
//! Levels are rows (top-down) or columns (left-right, for wide elements). A top-down level too
//! crowded for readable boxes is split into two staggered sub-rows: every other box drops half
//! a row, so each box can be nearly two slots wide, and an edge to a lower box passes through
//! the gap between the two upper boxes beside it (a box is at most two slots minus the gap
//! wide, so a vertical line through the neighbouring slot centre always clears it).

use crate::catalogue::{catalogue, Lang};
use crate::chart::{fmt_num, HAlign, LayoutError, Rect, Rgb, TextBox, TextMeasure};
use crate::lean::substr;

use super::color::{text_on, ColorScale, INK, NEUTRAL};
use super::graph::{graph, node_kind, node_label, node_short, purpose_role_label, Graph};
use super::view::HierView;
use super::{Arrangement, ColorBy, HierarchyScene, Hit, NodeId, NodeKind, NodeMap, NodeSet};

/// Sizes in CSS pixels, multiplied by dpr.
const PAD: f64 = 8.0;
const FONT: f64 = 12.0;
const LEGEND_FONT: f64 = 11.0;
const TICK_FONT: f64 = 10.5;
const LINE_H: f64 = 1.25;
const BOX_PAD_X: f64 = 6.0;
const BOX_PAD_Y: f64 = 4.0;
const GAP: f64 = 8.0;
const TOGGLE_R: f64 = 7.0;
const LEGEND_H: f64 = 44.0;
const LEGEND_BAR_W: f64 = 200.0;
const LEGEND_BAR_H: f64 = 9.0;
/// A top-down level whose slots are narrower than this is staggered.
const MIN_SLOT: f64 = 110.0;
/// Cap of a box's thickness along the level axis (top-down) and across (left-right).
const CAP_ROW: f64 = 60.0;
const CAP_COL: f64 = 300.0;
const CAP_GROUP: f64 = 260.0;
/// Bold text is measured this much wider than regular (Arial Bold vs Arial, with room).
const BOLD: f64 = 1.1;
/// Below this plot size nothing sensible fits.
const MIN_PLOT: f64 = 60.0;

/// Relative thickness of the parts along the level axis.
const W_FRAME_TB: f64 = 2.2;
const W_FRAME_LR: f64 = 1.3;
const W_LEVEL: f64 = 1.0;
const W_SUBGAP: f64 = 0.45;
const W_GAP_TB: f64 = 0.8;
const W_GAP_LR: f64 = 0.5;

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
    /// The short form: "4", "SR2", "S".
    Short,
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

/// Greedy word wrap to `max_w`; a single word wider than the line is cut with an ellipsis.
fn wrap(text: &str, max_w: f64, font: f64, m: &mut dyn TextMeasure) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let cand = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if m.text_width(&cand, font) <= max_w {
            cur = cand;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        }
        if m.text_width(word, font) <= max_w {
            cur = word.to_string();
        } else {
            lines.push(ellipsize(word, max_w, font, m));
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// `text` cut so that it and a trailing ellipsis fit `max_w` (empty if not even "…" fits).
fn ellipsize(text: &str, max_w: f64, font: f64, m: &mut dyn TextMeasure) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    loop {
        let s: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if m.text_width(&s, font) <= max_w {
            return s;
        }
        if chars.pop().is_none() {
            return String::new();
        }
    }
}

/// `text` with words dropped from the end until it and an ellipsis fit; a single word that
/// does not fit is cut.
fn ellipsize_words(text: &str, max_w: f64, font: f64, m: &mut dyn TextMeasure) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words.len() > 1 {
        let s = words.join(" ") + "…";
        if m.text_width(&s, font) <= max_w {
            return s;
        }
        words.pop();
    }
    ellipsize(words.first().copied().unwrap_or(""), max_w, font, m)
}

struct Fitted {
    form: LabelForm,
    lines: Vec<String>,
}

/// The most of `label` that fits a box of inner size `w` x `h` (device px): the whole label
/// wrapped; else, when at least a word beyond the number shows, the wrapped label cut with an
/// ellipsis; else the short form on one line; else nothing.
#[expect(clippy::disallowed_methods, reason = "char patterns: no &str searcher")]
fn fit_label(
    label: &str,
    short: &str,
    prefix_len: usize,
    w: f64,
    h: f64,
    font: f64,
    m: &mut dyn TextMeasure,
) -> Fitted {
    let line_h = font * LINE_H;
    let none = Fitted {
        form: LabelForm::None,
        lines: Vec::new(),
    };
    if w <= 0.0 || h < line_h {
        return none;
    }
    let max_lines = ((h / line_h).floor() as usize).max(1);
    let lines = wrap(label, w, font, m);
    // A word cut by `wrap` ends the usable text: better "6 · Knowledge…" than a broken word.
    let cut = lines
        .iter()
        .position(|l| l.ends_with('…') && !substr::contains(label, "…"))
        .unwrap_or(lines.len());
    if !lines.is_empty() && cut == lines.len() && lines.len() <= max_lines {
        return Fitted {
            form: LabelForm::Full,
            lines,
        };
    }
    let mut kept: Vec<String> = lines.into_iter().take(cut.min(max_lines)).collect();
    // The ellipsis goes after the last whole word that leaves room for it; a line that cannot
    // hold even its first word and the ellipsis is dropped rather than cut mid-word.
    while let Some(last) = kept.pop() {
        let e = ellipsize_words(&last, w, font, m);
        let whole = e.trim_end_matches('…').split_whitespace().count();
        if whole > 0
            && last
                .split_whitespace()
                .take(whole)
                .collect::<Vec<_>>()
                .join(" ")
                == e.trim_end_matches('…').trim_end()
        {
            kept.push(e);
            break;
        }
    }
    let shown: usize = kept
        .iter()
        .map(|l| l.trim_end_matches('…').chars().count())
        .sum::<usize>()
        + kept.len().saturating_sub(1);
    if !kept.is_empty() && shown >= prefix_len + 6 {
        return Fitted {
            form: LabelForm::Truncated,
            lines: kept,
        };
    }
    if !short.is_empty() && m.text_width(short, font) <= w {
        return Fitted {
            form: LabelForm::Short,
            lines: vec![short.to_string()],
        };
    }
    none
}

/// Lines centred in `inner`, as text boxes.
fn place_lines(
    lines: &[String],
    inner: &Rect,
    font: f64,
    m: &mut dyn TextMeasure,
    bold: bool,
) -> Vec<TextBox> {
    let line_h = font * LINE_H;
    let total = line_h * lines.len() as f64;
    let (cx, cy) = inner.center();
    let top = cy - total / 2.0;
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let w = m.text_width(l, font) * if bold { BOLD } else { 1.0 };
            let y0 = top + i as f64 * line_h;
            TextBox {
                text: l.clone(),
                rect: Rect::new(cx - w / 2.0, y0, cx + w / 2.0, y0 + line_h),
                font_px: font,
                align: HAlign::Center,
            }
        })
        .collect()
}

/// A measure that reports bold text wider.
struct Scaled<'a> {
    m: &'a mut dyn TextMeasure,
    k: f64,
}

impl TextMeasure for Scaled<'_> {
    fn text_width(&mut self, text: &str, font_px: f64) -> f64 {
        self.m.text_width(text, font_px) * self.k
    }
}

/// A node box in world coordinates before the view is applied.
struct WorldBox {
    id: NodeId,
    level: usize,
    rect: Rect,
}

/// Main-axis extent of a level's boxes (world).
#[derive(Clone, Copy)]
struct Band {
    start: f64,
    end: f64,
}

/// Lays out the diagram for an element of `size_px` device pixels at `dpr`.
pub fn layout_hierarchy(
    scene: &HierarchyScene,
    view: &HierView,
    size_px: (f64, f64),
    dpr: f64,
    measure: &mut dyn TextMeasure,
) -> Result<HierarchyLayout, LayoutError> {
    let (width, height) = size_px;
    let bad = LayoutError::BadSize { width, height, dpr };
    if !width.is_finite() || !height.is_finite() || width <= 0.0 || height <= 0.0 {
        return Err(bad);
    }
    if !dpr.is_finite() || !(0.25..=16.0).contains(&dpr) {
        return Err(bad);
    }
    let s = dpr;
    let plot = Rect::new(
        PAD * s,
        PAD * s,
        width - PAD * s,
        height - (PAD + LEGEND_H) * s,
    );
    if plot.width() < MIN_PLOT * s || plot.height() < MIN_PLOT * s || plot.y1 <= plot.y0 {
        return Err(LayoutError::TooSmall {
            width,
            height,
            plot_width: plot.width().max(0.0),
            plot_height: plot.height().max(0.0),
        });
    }
    let view = view
        .with_plot_rect(plot)
        .map_err(|_| LayoutError::TooSmall {
            width,
            height,
            plot_width: plot.width(),
            plot_height: plot.height(),
        })?;
    let orientation = if width / height > 1.3 {
        Orientation::LeftRight
    } else {
        Orientation::TopDown
    };
    let tb = orientation == Orientation::TopDown;
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

    // World = the plot at zoom 1, origin at the plot's corner; main axis = across levels.
    let (len_main, len_cross) = if tb {
        (plot.height(), plot.width())
    } else {
        (plot.width(), plot.height())
    };
    let is_frame = |l: &Vec<NodeId>| {
        l.len() == 1 && g.contained.contains_key(&l[0]) && !scene.collapsed.contains(&l[0])
    };
    let gap = GAP * s;
    let subrows: Vec<usize> = levels
        .iter()
        .map(|l| {
            if tb && l.len() >= 4 && len_cross / (l.len() as f64) < MIN_SLOT * s {
                2
            } else {
                1
            }
        })
        .collect();
    let weights: Vec<f64> = levels
        .iter()
        .zip(&subrows)
        .map(|(l, &k)| {
            if is_frame(l) {
                if tb {
                    W_FRAME_TB
                } else {
                    W_FRAME_LR
                }
            } else {
                k as f64 * W_LEVEL + (k as f64 - 1.0) * W_SUBGAP
            }
        })
        .collect();
    let w_gap = if tb { W_GAP_TB } else { W_GAP_LR };
    let total: f64 = weights.iter().sum::<f64>() + w_gap * (levels.len() as f64 - 1.0);
    let unit = len_main / total.max(1e-9);
    let cap_main = if tb { CAP_ROW * s } else { CAP_COL * s };
    let cap_cross = if tb { CAP_COL * s } else { CAP_ROW * s };

    // Cross positions per level: slots, then group levels centred over their children.
    let mut cross: NodeMap<(f64, f64)> = NodeMap::new();
    let mut sub_of: NodeMap<usize> = NodeMap::new();
    for (li, l) in levels.iter().enumerate() {
        let n = l.len() as f64;
        let k = subrows[li];
        if is_frame(l) {
            cross.insert(l[0], (0.0, len_cross));
            continue;
        }
        let slot = len_cross / (n + k as f64 - 1.0);
        let w = (k as f64 * slot - gap).min(cap_cross).max(1.0);
        for (i, &id) in l.iter().enumerate() {
            let c = (i as f64 + k as f64 / 2.0) * slot;
            cross.insert(id, (c - w / 2.0, c + w / 2.0));
            sub_of.insert(id, i % k);
        }
    }
    for li in (0..levels.len().saturating_sub(1)).rev() {
        let l = &levels[li];
        if is_frame(l) {
            continue;
        }
        let spans: Vec<Option<(f64, f64)>> = l
            .iter()
            .map(|&id| {
                let mut span: Option<(f64, f64)> = None;
                for e in g
                    .children(id)
                    .filter(|e| visible.contains(&e.to) && !scene.collapsed.contains(&id))
                {
                    if let Some(&(a, b)) = cross.get(&e.to) {
                        span = Some(span.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
                    }
                }
                span
            })
            .collect();
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
                    let cap = if tb { CAP_GROUP * s } else { CAP_ROW * s };
                    let w = crate::lean::number::clamp(b - a - gap, 1.0, cap);
                    cross.insert(id, (c - w / 2.0, c + w / 2.0));
                    sub_of.insert(id, 0);
                }
            }
        }
    }

    // Main positions.
    let mut world: Vec<WorldBox> = Vec::new();
    let mut bands: Vec<Band> = Vec::new();
    let mut pos = 0.0;
    for (li, l) in levels.iter().enumerate() {
        let k = subrows[li];
        let band_len = weights[li] * unit;
        let mut band = Band {
            start: f64::INFINITY,
            end: f64::NEG_INFINITY,
        };
        for &id in l {
            // Every id of `levels` got a span above; the guard only keeps this panic-free.
            let Some(&(c0, c1)) = cross.get(&id) else {
                continue;
            };
            let (m0, m1) = if is_frame(l) {
                (pos, pos + band_len)
            } else {
                let sub = sub_of.get(&id).copied().unwrap_or(0) as f64;
                let sub_len = W_LEVEL * unit;
                let start = pos + sub * (W_LEVEL + W_SUBGAP) * unit;
                let t = sub_len.min(cap_main);
                let m0 = start + (sub_len - t) / 2.0;
                (m0, m0 + t)
            };
            let _ = k;
            band.start = band.start.min(m0);
            band.end = band.end.max(m1);
            let rect = if tb {
                Rect::new(c0, m0, c1, m1)
            } else {
                Rect::new(m0, c0, m1, c1)
            };
            world.push(WorldBox {
                id,
                level: li,
                rect,
            });
        }
        bands.push(band);
        pos += band_len + w_gap * unit;
    }

    // World -> device.
    let to_dev = |r: &Rect| {
        let (x0, y0) = view.to_px(r.x0 / plot.width(), r.y0 / plot.height());
        let (x1, y1) = view.to_px(r.x1 / plot.width(), r.y1 / plot.height());
        Rect::new(x0, y0, x1, y1)
    };
    let scale = ColorScale::new(scene.color_by, scene.values.values().copied());
    let font = FONT * s;
    let line_h = font * LINE_H;
    let zoom = view.zoom();
    let mut nodes: Vec<LaidNode> = Vec::new();
    let lang = scene.lang;
    for wb in &world {
        let rect = to_dev(&wb.rect);
        let frame = g.contained.contains_key(&wb.id) && !scene.collapsed.contains(&wb.id);
        let bold = matches!(
            node_kind(wb.id),
            Some(NodeKind::Purpose | NodeKind::Kind | NodeKind::Category)
        );
        let mut node = make_node(
            scene, &scale, wb.id, wb.level, rect, &plot, font, bold, frame, measure,
        );
        if frame {
            // Header (title and the requirements note) at the top, items below: in a row
            // (top-down) or stacked (left-right).
            let items = g.contained.get(&wb.id).cloned().unwrap_or_default();
            let note = requirements(lang);
            let inner_w = rect.width() - 2.0 * BOX_PAD_X * s;
            let note_lines = {
                let mut b = Scaled { m: measure, k: 1.0 };
                wrap(&note, inner_w.max(1.0), font, &mut b)
            };
            // The header's height is fixed in world units at zoom 1, so that items scale with
            // the zoom like every other box.
            let head_w = (plot.width().min(rect.width() / zoom) - 2.0 * BOX_PAD_X * s).max(1.0);
            let head_lines_1 = 1 + {
                let mut b = Scaled { m: measure, k: 1.0 };
                wrap(&note, head_w, font, &mut b).len().min(3)
            };
            let head = (head_lines_1 as f64 * line_h + 2.0 * BOX_PAD_Y * s) * zoom;
            let title_rect = Rect::new(
                rect.x0 + BOX_PAD_X * s,
                rect.y0 + BOX_PAD_Y * s,
                rect.x1 - BOX_PAD_X * s,
                rect.y0 + BOX_PAD_Y * s + line_h,
            );
            node.lines.clear();
            if node.inside {
                let mut lines = [node.label.clone()];
                let max_note = (((rect.y0 + head - title_rect.y1 - BOX_PAD_Y * s) / line_h)
                    .floor()
                    .max(0.0)) as usize;
                let mut nl: Vec<String> = note_lines.clone();
                if nl.len() > max_note {
                    nl.truncate(max_note);
                    if let Some(last) = nl.pop() {
                        nl.push(ellipsize(&(last + " "), inner_w, font, measure));
                    }
                }
                let mut b = Scaled {
                    m: measure,
                    k: BOLD,
                };
                if b.text_width(&lines[0], font) > inner_w {
                    lines[0] = ellipsize(&lines[0], inner_w / BOLD, font, measure);
                }
                let mut tbs = Vec::new();
                for (i, l) in lines.iter().chain(nl.iter()).enumerate() {
                    let bw = if i == 0 { BOLD } else { 1.0 };
                    let w = measure.text_width(l, font) * bw;
                    let y0 = title_rect.y0 + i as f64 * line_h;
                    if l.is_empty() || rect.y0 + head < y0 + line_h {
                        continue;
                    }
                    tbs.push(TextBox {
                        text: l.clone(),
                        rect: Rect::new(title_rect.x0, y0, title_rect.x0 + w, y0 + line_h),
                        font_px: font,
                        align: HAlign::Left,
                    });
                }
                node.lines = tbs;
                node.form = LabelForm::Full;
            }
            let area = Rect::new(
                rect.x0 + BOX_PAD_X * s,
                rect.y0 + head,
                rect.x1 - BOX_PAD_X * s,
                rect.y1 - BOX_PAD_Y * s * zoom,
            );
            let n = items.len().max(1) as f64;
            let ig = gap * zoom;
            for (i, &id) in items.iter().enumerate() {
                let r = if tb {
                    let w = (area.width() - ig * (n - 1.0)) / n;
                    let x0 = area.x0 + i as f64 * (w + ig);
                    Rect::new(x0, area.y0, x0 + w, area.y1)
                } else {
                    let h = (area.height() - ig * (n - 1.0)) / n;
                    let y0 = area.y0 + i as f64 * (h + ig);
                    Rect::new(area.x0, y0, area.x1, y0 + h)
                };
                if r.width() < 1.0 || r.height() < 1.0 {
                    continue;
                }
                nodes.push(make_node(
                    scene, &scale, id, wb.level, r, &plot, font, false, false, measure,
                ));
            }
        }
        nodes.push(node);
    }
    // The frame first so that its items are drawn over it.
    crate::lean::small_sort::sort_by_key(&mut nodes, |n| !matches!(n.kind, NodeKind::Purpose));

    // Toggles, where the free space beside the box allows.
    let bands_dev: Vec<Band> = bands
        .iter()
        .map(|b| {
            let r = if tb {
                to_dev(&Rect::new(0.0, b.start, 1.0, b.end))
            } else {
                to_dev(&Rect::new(b.start, 0.0, b.end, 1.0))
            };
            if tb {
                Band {
                    start: r.y0,
                    end: r.y1,
                }
            } else {
                Band {
                    start: r.x0,
                    end: r.x1,
                }
            }
        })
        .collect();
    let next_start = |li: usize| bands_dev.get(li + 1).map(|b| b.start);
    let r = TOGGLE_R * s;
    let node_rects: Vec<(NodeId, Rect)> = nodes.iter().map(|n| (n.id, n.rect)).collect();
    for n in nodes.iter_mut() {
        // Roles and purpose items are leaves in both arrangements.
        if !g.has_children(n.id) || matches!(n.kind, NodeKind::Role | NodeKind::PurposeItem) {
            continue;
        }
        let collapsed = scene.collapsed.contains(&n.id);
        let hidden_n = if collapsed {
            subtree(scene.arrangement, n.id)
                .iter()
                .filter(|id| **id != n.id && hidden.contains(id))
                .count()
        } else {
            0
        };
        let label_text = format!("+{hidden_n}");
        let tw = measure.text_width(&label_text, TICK_FONT * s);
        let pill_w = if collapsed {
            (tw + 8.0 * s).max(2.0 * r)
        } else {
            2.0 * r
        };
        let (cx, cy) = n.rect.center();
        let rect = if tb {
            Rect::new(
                cx - pill_w / 2.0,
                n.rect.y1 + 2.0 * s,
                cx + pill_w / 2.0,
                n.rect.y1 + 2.0 * s + 2.0 * r,
            )
        } else {
            Rect::new(
                n.rect.x1 + 2.0 * s,
                cy - r,
                n.rect.x1 + 2.0 * s + pill_w,
                cy + r,
            )
        };
        // Room: the rect must not touch another box, and must stay inside the plot.
        let clear = node_rects
            .iter()
            .all(|(id, b)| *id == n.id || !b.intersects(&rect.inflate(s)))
            && next_start(n.level).is_none_or(|ns| {
                if tb {
                    rect.y1 + s < ns || ns < n.rect.y1
                } else {
                    rect.x1 + s < ns || ns < n.rect.x1
                }
            });
        if !clear || !plot.contains_rect(&rect) {
            continue;
        }
        let label = collapsed.then(|| TextBox {
            text: label_text,
            rect: Rect::new(
                rect.center().0 - tw / 2.0,
                rect.y0,
                rect.center().0 + tw / 2.0,
                rect.y1,
            ),
            font_px: TICK_FONT * s,
            align: HAlign::Center,
        });
        n.toggle = Some(Toggle {
            rect,
            collapsed,
            hidden: hidden_n,
            label,
        });
    }

    // Edges.
    let lookup: NodeMap<(Rect, usize, Option<Rect>)> = nodes
        .iter()
        .map(|n| (n.id, (n.rect, n.level, n.toggle.as_ref().map(|t| t.rect))))
        .collect();
    let mut edges = Vec::new();
    for e in &g.edges {
        if !visible.contains(&e.from)
            || !visible.contains(&e.to)
            || scene.collapsed.contains(&e.from)
        {
            continue;
        }
        let (Some(&(pr, pl, pt)), Some(&(cr, cl, _))) = (lookup.get(&e.from), lookup.get(&e.to))
        else {
            continue;
        };
        let exit = bands_dev.get(pl).map(|b| b.end).unwrap_or(0.0);
        let entry = bands_dev.get(cl).map(|b| b.start).unwrap_or(0.0);
        let points = if tb {
            let x0 = pr.center().0;
            let y0 = pt.map_or(pr.y1, |t| t.y1);
            let x1 = cr.center().0;
            path_tb((x0, y0), exit.max(y0), entry, (x1, cr.y0))
        } else {
            let y0 = pr.center().1;
            let x0 = pt.map_or(pr.x1, |t| t.x1);
            let y1 = cr.center().1;
            path_tb((y0, x0), exit.max(x0), entry, (y1, cr.x0))
                .into_iter()
                .map(|(a, b)| (b, a))
                .collect()
        };
        edges.push(LaidEdge {
            from: e.from,
            to: e.to,
            primary: e.primary,
            points,
        });
    }

    let legend = layout_legend(scene, &scale, width, height, s, measure);
    Ok(HierarchyLayout {
        width,
        height,
        dpr,
        plot,
        view,
        orientation,
        arrangement: scene.arrangement,
        nodes,
        edges,
        hidden,
        scale,
        legend,
    })
}

/// A top-down edge path (x along, y down): straight from the parent to its level's exit line,
/// a smooth S-curve to the child level's entry line, straight into the child.
fn path_tb(a: (f64, f64), exit: f64, entry: f64, b: (f64, f64)) -> Vec<(f64, f64)> {
    let mut pts = vec![a];
    let y0 = exit.max(a.1);
    let y1 = entry.min(b.1).max(y0);
    if y0 > a.1 {
        pts.push((a.0, y0));
    }
    let ym = (y0 + y1) / 2.0;
    const STEPS: usize = 16;
    for i in 1..=STEPS {
        let t = i as f64 / STEPS as f64;
        let u = 1.0 - t;
        // Cubic Bézier (a.x, y0) (a.x, ym) (b.x, ym) (b.x, y1).
        let x = u * u * u * a.0 + 3.0 * u * u * t * a.0 + 3.0 * u * t * t * b.0 + t * t * t * b.0;
        let y = u * u * u * y0 + 3.0 * u * u * t * ym + 3.0 * u * t * t * ym + t * t * t * y1;
        pts.push((x, y));
    }
    if b.1 > y1 {
        pts.push(b);
    }
    pts
}

fn requirements(lang: Lang) -> String {
    let reqs: Vec<&str> = catalogue()
        .higher_purpose_requirements
        .iter()
        .map(|r| lang.pick(r.nl, r.en))
        .collect();
    format!(
        "{} {}",
        crate::wording::EVERY_SPCO.get(lang),
        reqs.join(" · ")
    )
}

#[allow(clippy::too_many_arguments)]
fn make_node(
    scene: &HierarchyScene,
    scale: &ColorScale,
    id: NodeId,
    level: usize,
    rect: Rect,
    plot: &Rect,
    font: f64,
    bold: bool,
    frame: bool,
    measure: &mut dyn TextMeasure,
) -> LaidNode {
    let lang = scene.lang;
    let kind = node_kind(id).unwrap_or(NodeKind::Role);
    let in_purpose = scene.arrangement == Arrangement::Spearheads
        && kind == NodeKind::Role
        && catalogue()
            .higher_purpose
            .iter()
            .any(|p| p.role == Some(id as u8));
    let label = if in_purpose {
        purpose_role_label(id as u8, lang)
    } else {
        node_label(id, lang)
    };
    let value = scene.values.get(&id).copied().filter(|v| v.is_finite());
    let fill = if frame {
        Rgb(0xf8, 0xf9, 0xfa)
    } else {
        value.map_or(NEUTRAL, |v| scale.color(v))
    };
    // A hair of tolerance: boxes flush with the plot edge come out 1e-13 px over.
    let inside = plot.inflate(1e-6).contains_rect(&rect);
    let mut node = LaidNode {
        id,
        kind,
        level,
        rect,
        label: label.clone(),
        form: LabelForm::None,
        lines: Vec::new(),
        font_px: font,
        bold,
        value,
        fill,
        text_color: if frame { INK } else { text_on(fill) },
        toggle: None,
        inside,
    };
    // A box cut by the plot edge (zoomed in) sets its label in the part that shows, like
    // the sticky labels of a map.
    let shown = rect.intersection(plot);
    let s = font / FONT;
    // Rect::new would swap the sides of a box thinner than its padding: check first.
    let padded =
        shown.filter(|r| r.width() > 2.0 * BOX_PAD_X * s && r.height() > 2.0 * BOX_PAD_Y * s);
    if let (Some(inner), false) = (padded, frame) {
        let inner = Rect::new(
            inner.x0 + BOX_PAD_X * s,
            inner.y0 + BOX_PAD_Y * s,
            inner.x1 - BOX_PAD_X * s,
            inner.y1 - BOX_PAD_Y * s,
        );
        let prefix_len = crate::lean::substr::find(&label, " · ").map_or(0, |i| {
            label.get(..i).unwrap_or_default().chars().count() + 3
        });
        let short = node_short(id, lang);
        let mut m = Scaled {
            m: measure,
            k: if bold { BOLD } else { 1.0 },
        };
        let fitted = fit_label(
            &label,
            &short,
            prefix_len,
            inner.width(),
            inner.height(),
            font,
            &mut m,
        );
        node.form = fitted.form;
        node.lines = place_lines(&fitted.lines, &inner, font, measure, bold);
    }
    node
}

fn legend_title(c: ColorBy, lang: Lang) -> &'static str {
    match c {
        ColorBy::Importance => crate::wording::LEGEND_IMPORTANCE.get(lang),
        ColorBy::Performance => crate::wording::LEGEND_PERFORMANCE.get(lang),
        ColorBy::Gap => crate::wording::LEGEND_GAP.get(lang),
    }
}

fn layout_legend(
    scene: &HierarchyScene,
    scale: &ColorScale,
    width: f64,
    height: f64,
    s: f64,
    m: &mut dyn TextMeasure,
) -> Option<HierLegend> {
    let rect = Rect::new(
        PAD * s,
        height - (PAD + LEGEND_H) * s + 4.0 * s,
        width - PAD * s,
        height - PAD * s,
    );
    let lf = LEGEND_FONT * s;
    let tf = TICK_FONT * s;
    let lh = lf * LINE_H;
    let mut title = legend_title(scene.color_by, scene.lang).to_string();
    let avail = rect.width();
    if m.text_width(&title, lf) > avail {
        title = ellipsize(&title, avail, lf, m);
    }
    let tw = m.text_width(&title, lf);
    let title = TextBox {
        text: title,
        rect: Rect::new(rect.x0, rect.y0, rect.x0 + tw, rect.y0 + lh),
        font_px: lf,
        align: HAlign::Left,
    };
    // Half the tick label width is kept on both ends so that the end labels stay inside.
    let lo_txt = fmt_num(scale.lo, scene.lang);
    let hi_txt = fmt_num(scale.hi, scene.lang);
    let end_w = m.text_width(&lo_txt, tf).max(m.text_width(&hi_txt, tf)) / 2.0;
    let neutral_txt = crate::wording::NO_VALUE.get(scene.lang);
    let nw = m.text_width(neutral_txt, tf) + 16.0 * s;
    let bar_x0 = rect.x0 + end_w;
    let mut bar_w = (LEGEND_BAR_W * s).min(avail - 2.0 * end_w - nw - 12.0 * s);
    let show_neutral = bar_w >= 60.0 * s;
    if !show_neutral {
        bar_w = (LEGEND_BAR_W * s).min(avail - 2.0 * end_w);
    }
    if bar_w < 30.0 * s {
        return None;
    }
    let by = rect.y0 + lh + 3.0 * s;
    let bar = Rect::new(bar_x0, by, bar_x0 + bar_w, by + LEGEND_BAR_H * s);
    let steps = 48;
    let ramp = (0..steps)
        .map(|i| {
            let t0 = i as f64 / steps as f64;
            let t1 = (i + 1) as f64 / steps as f64;
            let v = scale.lo + (t0 + t1) / 2.0 * (scale.hi - scale.lo);
            (
                Rect::new(bar.x0 + t0 * bar_w, bar.y0, bar.x0 + t1 * bar_w, bar.y1),
                scale.color(v),
            )
        })
        .collect();
    let mid = (scale.lo + scale.hi) / 2.0;
    let ticks = [scale.lo, mid, scale.hi]
        .iter()
        .map(|&v| {
            let txt = fmt_num(v, scene.lang);
            let w = m.text_width(&txt, tf);
            let x = bar.x0 + scale.t(v) * bar_w;
            let y0 = bar.y1 + 1.0 * s;
            (
                x,
                TextBox {
                    text: txt,
                    rect: Rect::new(x - w / 2.0, y0, x + w / 2.0, y0 + tf * LINE_H),
                    font_px: tf,
                    align: HAlign::Center,
                },
            )
        })
        .collect();
    let neutral = show_neutral.then(|| {
        let x0 = bar.x1 + end_w + 12.0 * s;
        let sw = Rect::new(x0, bar.y0, x0 + 12.0 * s, bar.y1);
        let tw = m.text_width(neutral_txt, tf);
        let (_, cy) = sw.center();
        let h = tf * LINE_H;
        (
            sw,
            TextBox {
                text: neutral_txt.to_string(),
                rect: Rect::new(
                    sw.x1 + 4.0 * s,
                    cy - h / 2.0,
                    sw.x1 + 4.0 * s + tw,
                    cy + h / 2.0,
                ),
                font_px: tf,
                align: HAlign::Left,
            },
        )
    });
    Some(HierLegend {
        rect,
        title,
        ramp,
        ticks,
        neutral,
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::arial_measure;

    #[test]
    fn wrap_cuts_only_long_words() {
        let mut m = arial_measure();
        // "Bringing stakeholders" at 10 px: 'Bringing' is about 38 px, 'stakeholders' 58 px.
        let l = wrap("Bringing stakeholders together", 60.0, 10.0, &mut m);
        assert_eq!(l, vec!["Bringing", "stakeholders", "together"]);
        let l = wrap("stakeholders", 30.0, 10.0, &mut m);
        assert_eq!(l.len(), 1);
        assert!(l[0].ends_with('…'));
        assert!(m.text_width(&l[0], 10.0) <= 30.0);
    }

    #[test]
    fn labels_shorten_at_word_boundaries() {
        let mut m = arial_measure();
        let fit = |w: f64, m: &mut dyn TextMeasure| {
            let f = fit_label("SR1 · Shaping a roadmap", "SR1", 6, w, 40.0, 12.0, m);
            (f.form, f.lines)
        };
        // At 12 px: "SR1 ·" is about 30 px, "Shaping" 43 px, "Shaping…" 55 px, "Shaping a"
        // 53 px, "roadmap" 46 px. Two lines fit in 40 px (line height 15).
        assert_eq!(
            fit(60.0, &mut m),
            (
                LabelForm::Truncated,
                vec!["SR1 ·".to_string(), "Shaping…".to_string()]
            )
        );
        // 50 px holds "Shaping" but not "Shaping…": the short form, never "Shapin…".
        assert_eq!(
            fit(50.0, &mut m),
            (LabelForm::Short, vec!["SR1".to_string()])
        );
        assert_eq!(fit(20.0, &mut m).0, LabelForm::None);
        let f = fit_label(
            "SR1 · Shaping a roadmap",
            "SR1",
            6,
            200.0,
            40.0,
            12.0,
            &mut m,
        );
        assert_eq!((f.form, f.lines.len()), (LabelForm::Full, 1));
    }
}
