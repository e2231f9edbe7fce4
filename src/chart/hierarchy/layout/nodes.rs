//! The node stage: world boxes through the view to device px, their colours, and as much of
//! each label as the box holds. The higher purpose is a frame: a header (its title and the
//! requirements every SPCO meets) above its items, which get boxes of their own.

use crate::catalogue::{catalogue, Lang};
use crate::chart::text::{ellipsize, wrap};
use crate::chart::{HAlign, Rect, Rgb, TextBox, TextMeasure};

use super::super::color::{text_on, ColorScale, INK, NEUTRAL};
use super::super::graph::{node_kind, node_label, node_short, purpose_role_label};
use super::super::{Arrangement, NodeId, NodeKind};
use super::bands::WorldBox;
use super::fit::{fit_label, place_lines, Scaled, Type, BOLD};
use super::{LabelForm, LaidNode, Plan, GAP};

/// Padding inside a box, in CSS px.
const BOX_PAD_X: f64 = 6.0;
const BOX_PAD_Y: f64 = 4.0;

/// The laid-out nodes, the frame first so that its items are drawn over it.
pub(super) fn lay_nodes(
    plan: &Plan,
    boxes: &[WorldBox],
    scale: &ColorScale,
    measure: &mut dyn TextMeasure,
) -> Vec<LaidNode> {
    let mut nodes: Vec<LaidNode> = Vec::new();
    for wb in boxes {
        let rect = plan.to_dev(&wb.rect);
        let mut node = make_node(plan, scale, wb.id, wb.level, rect, measure);
        if plan.is_open_frame(wb.id) {
            let head = frame_header(plan, &mut node, measure);
            nodes.extend(frame_items(plan, &node, head, scale, measure));
        }
        nodes.push(node);
    }
    crate::lean::small_sort::sort_by_key(&mut nodes, |n| !matches!(n.kind, NodeKind::Purpose));
    nodes
}

/// The frame's header height in device px: fixed in world units at zoom 1, so that items
/// scale with the zoom like every other box.
fn header_height(plan: &Plan, rect: &Rect, note: &str, measure: &mut dyn TextMeasure) -> f64 {
    let (ty, s, zoom) = (Type::body(plan), plan.m.dpr, plan.view.zoom());
    let head_w = (plan.plot.width().min(rect.width() / zoom) - 2.0 * BOX_PAD_X * s).max(1.0);
    let head_lines_1 = 1 + {
        let mut b = Scaled { m: measure, k: 1.0 };
        wrap(note, head_w, ty.px, &mut b).len().min(3)
    };
    (head_lines_1 as f64 * ty.line_h + 2.0 * BOX_PAD_Y * s) * zoom
}

/// The frame's header lines (title, bold, then the requirements note), left-aligned at the
/// top; set only when the whole frame shows (the lines hang from its top-left corner, which
/// a cut frame may not show). Returns the header's height.
fn frame_header(plan: &Plan, node: &mut LaidNode, measure: &mut dyn TextMeasure) -> f64 {
    let (ty, s, rect) = (Type::body(plan), plan.m.dpr, node.rect);
    let (font, line_h) = (ty.px, ty.line_h);
    let note = requirements(plan.scene.lang);
    let inner_w = rect.width() - 2.0 * BOX_PAD_X * s;
    let note_lines = {
        let mut b = Scaled { m: measure, k: 1.0 };
        wrap(&note, inner_w.max(1.0), font, &mut b)
    };
    let head = header_height(plan, &rect, &note, measure);
    let title_rect = Rect::new(
        rect.x0 + BOX_PAD_X * s,
        rect.y0 + BOX_PAD_Y * s,
        rect.x1 - BOX_PAD_X * s,
        rect.y0 + BOX_PAD_Y * s + line_h,
    );
    node.lines.clear();
    if !node.inside {
        return head;
    }
    let mut lines = [node.label.clone()];
    let max_note = (((rect.y0 + head - title_rect.y1 - BOX_PAD_Y * s) / line_h)
        .floor()
        .max(0.0)) as usize;
    let mut nl: Vec<String> = note_lines;
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
    head
}

/// The frame's items below its header (`head` device px high): in a row (top-down) or
/// stacked (left-right).
fn frame_items(
    plan: &Plan,
    frame: &LaidNode,
    head: f64,
    scale: &ColorScale,
    measure: &mut dyn TextMeasure,
) -> Vec<LaidNode> {
    let (s, zoom, rect) = (plan.m.dpr, plan.view.zoom(), frame.rect);
    let items = plan.g.contained.get(&frame.id).cloned().unwrap_or_default();
    let area = Rect::new(
        rect.x0 + BOX_PAD_X * s,
        rect.y0 + head,
        rect.x1 - BOX_PAD_X * s,
        rect.y1 - BOX_PAD_Y * s * zoom,
    );
    let n = items.len().max(1) as f64;
    let ig = plan.px(GAP) * zoom;
    let mut out = Vec::new();
    for (i, &id) in items.iter().enumerate() {
        let r = if plan.tb() {
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
        out.push(make_node(plan, scale, id, frame.level, r, measure));
    }
    out
}

/// "Every SPCO …" and the higher purpose's requirements, for the frame's header.
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

/// A node with its box, colours and label; an open frame gets no lines here (its header is
/// set by `frame_header`).
fn make_node(
    plan: &Plan,
    scale: &ColorScale,
    id: NodeId,
    level: usize,
    rect: Rect,
    measure: &mut dyn TextMeasure,
) -> LaidNode {
    let (scene, plot, font) = (plan.scene, &plan.plot, Type::body(plan).px);
    let lang = scene.lang;
    let kind = node_kind(id).unwrap_or(NodeKind::Role);
    // Group nodes and the higher purpose are set bold; roles and purpose items are not.
    let bold = matches!(
        kind,
        NodeKind::Purpose | NodeKind::Kind | NodeKind::Category
    );
    let frame = plan.is_open_frame(id);
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
    if !frame {
        set_label(plan, &mut node, measure);
    }
    node
}

/// The most of the node's label that its box holds, centred. A box cut by the plot edge
/// (zoomed in) sets its label in the part that shows, like the sticky labels of a map.
fn set_label(plan: &Plan, node: &mut LaidNode, measure: &mut dyn TextMeasure) {
    let ty = Type::body(plan);
    let font = ty.px;
    // The padding grows with the type, so a larger theme font keeps its margins.
    let s = font / plan.m.theme.font;
    // Rect::new would swap the sides of a box thinner than its padding: check first.
    let Some(inner) = node
        .rect
        .intersection(&plan.plot)
        .filter(|r| r.width() > 2.0 * BOX_PAD_X * s && r.height() > 2.0 * BOX_PAD_Y * s)
    else {
        return;
    };
    let inner = Rect::new(
        inner.x0 + BOX_PAD_X * s,
        inner.y0 + BOX_PAD_Y * s,
        inner.x1 - BOX_PAD_X * s,
        inner.y1 - BOX_PAD_Y * s,
    );
    let label = &node.label;
    // The "4 · " or "SR2 · " prefix does not count as showing the label.
    let prefix_len = crate::lean::substr::find(label, " · ").map_or(0, |i| {
        label.get(..i).unwrap_or_default().chars().count() + 3
    });
    let short = node_short(node.id, plan.scene.lang);
    let mut m = Scaled {
        m: measure,
        k: if node.bold { BOLD } else { 1.0 },
    };
    let (w, h) = (inner.width(), inner.height());
    let fitted = fit_label(label, &short, prefix_len, w, h, ty, &mut m);
    node.form = fitted.form;
    node.lines = place_lines(&fitted.lines, &inner, ty, measure, node.bold);
}
