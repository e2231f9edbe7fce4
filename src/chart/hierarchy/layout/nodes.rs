//! The node stage: world boxes through the view to device px, their colours, and as much of
//! each label as the box holds. The higher purpose is a frame: a header (its title and the
//! requirements every SPCO meets) above its items, which get boxes of their own.

use crate::catalogue::{catalogue, Lang};
use crate::chart::text::{ellipsize, wrap};
use crate::chart::{HAlign, Rect, Rgb, TextBox, TextMeasure};

use super::super::color::{text_on, ColorScale, INK, NEUTRAL, UNCLEAR};
use super::super::graph::{node_kind, node_label, node_short, purpose_role_label};
use super::super::{Arrangement, NodeId, NodeKind};
use super::bands::WorldBox;
use super::fit::{fit_label, place_lines, Scaled, Type, BOLD};
use super::{LabelForm, LaidNode, Plan, GAP};

/// Padding inside a box, in CSS px.
const BOX_PAD_X: f64 = 6.0;
const BOX_PAD_Y: f64 = 4.0;
/// The padding of a box too small for the usual one, so that it still shows its number. A
/// pixel a side, not two: a 320 px phone's spearhead column left "SR10" (30 px at 12 px) ~29 px
/// and showed "SR…". Over 72 phone sizes in both languages (240-390 x 400-800 px) it changed 70
/// layouts, none with fewer whole names or more empty boxes.
const TIGHT_PAD_X: f64 = 1.0;
pub(super) const TIGHT_PAD_Y: f64 = 1.0;
/// The smallest type a box label is set in, in CSS px (Chartability's minimum).
const MIN_FONT: f64 = crate::chart::MIN_TEXT_CSS;
/// A label that does not show whole in the body type tries this many sizes in all, a CSS px
/// smaller each.
const FONT_STEPS: usize = 3;

/// The smallest type a box label steps down to, in CSS px.
pub(super) fn smallest_font(plan: &Plan) -> f64 {
    (plan.m.theme.font - (FONT_STEPS - 1) as f64).max(MIN_FONT)
}

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
/// scale with the zoom like every other box. The note gives way (fewer lines, then cut) where
/// the frame is short, so that its items keep room for a line of the smallest type each.
fn header_height(plan: &Plan, frame: &LaidNode, note: &str, measure: &mut dyn TextMeasure) -> f64 {
    let (ty, s, zoom, rect) = (Type::body(plan), plan.m.dpr, plan.view.zoom(), frame.rect);
    let head_w = (plan.plot.width().min(rect.width() / zoom) - 2.0 * BOX_PAD_X * s).max(1.0);
    let head_lines_1 = 1 + {
        let mut b = Scaled { m: measure, k: 1.0 };
        wrap(note, head_w, ty.px, &mut b).len().min(3)
    };
    let n = plan.g.contained.get(&frame.id).map_or(1, |v| v.len());
    // A band on top keeps two lines of body text per item (its note gives way first): the
    // items' names are what it is read for.
    let item = if plan.purpose_on_top {
        2.0 * ty.line_h + 2.0 * BOX_PAD_Y * s
    } else {
        plan.m.line(MIN_FONT) + plan.px(2.0 * TIGHT_PAD_Y)
    };
    let rows = grid(plan, n).1 as f64;
    let items = rows * item + (rows - 1.0) * plan.px(GAP);
    let room = rect.height() / zoom - items - 3.0 * BOX_PAD_Y * s;
    let fit = ((room / ty.line_h).floor().max(1.0)) as usize;
    (head_lines_1.min(fit) as f64 * ty.line_h + 2.0 * BOX_PAD_Y * s) * zoom
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
    let head = header_height(plan, node, &note, measure);
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
    // The header was made a whole number of lines high; the tolerance keeps rounding from
    // dropping its last line (the SVG export of a phone's band showed one note line of two).
    let max_note = (((rect.y0 + head - title_rect.y1 - BOX_PAD_Y * s) / line_h + 1e-6)
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

/// The frame's items below its header (`head` device px high), in the grid of `grid`.
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
    let ig = plan.px(GAP) * zoom;
    let (cols, rows) = grid(plan, items.len());
    let (w, h) = (
        (area.width() - ig * (cols as f64 - 1.0)) / cols as f64,
        (area.height() - ig * (rows as f64 - 1.0)) / rows as f64,
    );
    let mut out = Vec::new();
    for (i, &id) in items.iter().enumerate() {
        // Integer division: an f64 remainder would link libm's fmod.
        let (col, row) = ((i % cols) as f64, (i / cols) as f64);
        let (x0, y0) = (area.x0 + col * (w + ig), area.y0 + row * (h + ig));
        let r = Rect::new(x0, y0, x0 + w, y0 + h);
        if r.width() < 1.0 || r.height() < 1.0 {
            continue;
        }
        out.push(make_node(plan, scale, id, frame.level, r, measure));
    }
    out
}

/// Columns and rows of the frame's `n` items: one row top-down, one column left-right, and
/// in a band on top one row, or two where one would be too narrow.
fn grid(plan: &Plan, n: usize) -> (usize, usize) {
    let cols = if plan.purpose_on_top {
        super::bands::band_columns(plan, n)
    } else if plan.tb() {
        n.max(1)
    } else {
        1
    };
    (cols, n.div_ceil(cols).max(1))
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
    let unclear = scene
        .compare
        .as_ref()
        .is_some_and(|c| c.unclear.contains(&id));
    let fill = if frame {
        Rgb(0xf8, 0xf9, 0xfa)
    } else if unclear && value.is_some() {
        UNCLEAR
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
///
/// The body type with its padding first; when that does not show the whole label, smaller
/// type (down to `MIN_FONT`) and then a tight padding, keeping the best form: a name in
/// smaller type reads better than a number, and a number better than an empty box.
fn set_label(plan: &Plan, node: &mut LaidNode, measure: &mut dyn TextMeasure) {
    let Some(visible) = node.rect.intersection(&plan.plot) else {
        return;
    };
    let body = Type::body(plan);
    let label = &node.label;
    // The "4 · " or "SR2 · " prefix does not count as showing the label.
    let prefix_len = crate::lean::substr::find(label, " · ").map_or(0, |i| {
        label.get(..i).unwrap_or_default().chars().count() + 3
    });
    let short = node_short(node.id, plan.scene.lang);
    let k = if node.bold { BOLD } else { 1.0 };
    let rank = |f: LabelForm| match f {
        LabelForm::Full => 0,
        LabelForm::Truncated => 1,
        LabelForm::Initial => 2,
        LabelForm::Short => 3,
        LabelForm::Letters => 4,
        LabelForm::None => 5,
    };
    let mut best: Option<(Type, Rect, super::fit::Fitted)> = None;
    'search: for tight in [false, true] {
        for step in 0..FONT_STEPS {
            let css = (plan.m.theme.font - step as f64).max(MIN_FONT);
            let ty = Type::at(plan, css);
            // The padding grows with the type, so a larger theme font keeps its margins.
            let s = body.px / plan.m.theme.font;
            let (px, py) = if tight {
                (TIGHT_PAD_X * s, TIGHT_PAD_Y * s)
            } else {
                (BOX_PAD_X * s, BOX_PAD_Y * s)
            };
            // Rect::new would swap the sides of a box thinner than its padding: check first.
            if visible.width() <= 2.0 * px || visible.height() <= 2.0 * py {
                continue;
            }
            let inner = Rect::new(
                visible.x0 + px,
                visible.y0 + py,
                visible.x1 - px,
                visible.y1 - py,
            );
            let mut m = Scaled { m: measure, k };
            let fitted = fit_label(
                label,
                &short,
                prefix_len,
                inner.width(),
                inner.height(),
                ty,
                &mut m,
            );
            let better = best
                .as_ref()
                .is_none_or(|b| rank(fitted.form) < rank(b.2.form));
            let done = fitted.form == LabelForm::Full;
            if better {
                best = Some((ty, inner, fitted));
            }
            if done {
                break 'search;
            }
        }
        // Tight padding only rescues a box that shows no words of its name.
        if best.as_ref().is_some_and(|b| rank(b.2.form) <= 1) {
            break;
        }
    }
    if let Some((ty, inner, fitted)) = best {
        node.form = fitted.form;
        node.font_px = ty.px;
        node.lines = place_lines(&fitted.lines, &inner, ty, measure, node.bold);
    }
}
