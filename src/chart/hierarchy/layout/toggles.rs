//! The toggle stage: an expand/collapse button beside each node with children (below it
//! top-down and under a frame on top, right of it left-right), where the free space allows; a
//! collapsed node's button widens into a pill that counts what it hides ("+5").

use crate::chart::{HAlign, Rect, TextBox, TextMeasure};

use super::super::{NodeId, NodeKind};
use super::bands::Band;
use super::{subtree, LaidNode, Plan, Toggle};

/// Radius of the round button, in CSS px.
const TOGGLE_R: f64 = 7.0;

/// Gives each node with children its toggle, unless the button would touch another box, run
/// into the next level's band or leave the plot (then the node toggles from its menu only).
pub(super) fn place_toggles(
    plan: &Plan,
    bands_dev: &[Band],
    nodes: &mut [LaidNode],
    measure: &mut dyn TextMeasure,
) {
    let node_rects: Vec<(NodeId, Rect)> = nodes.iter().map(|n| (n.id, n.rect)).collect();
    for n in nodes.iter_mut() {
        // Roles and purpose items are leaves in both arrangements.
        if !plan.g.has_children(n.id) || matches!(n.kind, NodeKind::Role | NodeKind::PurposeItem) {
            continue;
        }
        if let Some(t) = toggle_for(plan, n, &node_rects, bands_dev, measure) {
            n.toggle = Some(t);
        }
    }
}

/// The toggle of node `n` where it fits, with its "+n" label when collapsed.
fn toggle_for(
    plan: &Plan,
    n: &LaidNode,
    node_rects: &[(NodeId, Rect)],
    bands_dev: &[Band],
    measure: &mut dyn TextMeasure,
) -> Option<Toggle> {
    let (s, tb) = (plan.m.dpr, plan.tb());
    let r = plan.px(TOGGLE_R);
    let font = plan.px(plan.m.theme.small_font);
    let collapsed = plan.scene.collapsed.contains(&n.id);
    let hidden_n = if collapsed {
        subtree(plan.scene.arrangement, n.id)
            .iter()
            .filter(|id| **id != n.id && plan.hidden.contains(id))
            .count()
    } else {
        0
    };
    let label_text = format!("+{hidden_n}");
    let tw = measure.text_width(&label_text, font);
    let pill_w = if collapsed {
        (tw + 8.0 * s).max(2.0 * r)
    } else {
        2.0 * r
    };
    let (cx, cy) = n.rect.center();
    // A frame on top: below it, over the trunk that leads down to its children.
    let on_top = plan.on_top(n.level);
    let cx = if on_top { trunk_x(plan, &n.rect) } else { cx };
    // A collapsed node with no room on its right (a phone's lone, plot-wide "Higher purpose")
    // takes its pill below instead: it is the only way back without the menu, and no edge
    // leaves a collapsed node, so the side does not matter.
    let down = tb || on_top || (collapsed && n.rect.x1 + 2.0 * s + pill_w + s > plan.plot.x1);
    let rect = if down {
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
    let next_start = bands_dev.get(n.level + 1).map(|b| b.start);
    let clear = node_rects
        .iter()
        .all(|(id, b)| *id == n.id || !b.intersects(&rect.inflate(s)))
        // Below a node whose next level lies to the right, the next band is no obstacle.
        && ((down && !tb)
            || next_start.is_none_or(|ns| {
                // Reached only when `down` implies top-down.
                if down {
                    rect.y1 + s < ns || ns < n.rect.y1
                } else {
                    rect.x1 + s < ns || ns < n.rect.x1
                }
            }));
    if !clear || !plan.plot.contains_rect(&rect) {
        return None;
    }
    let label = collapsed.then(|| TextBox {
        text: label_text,
        rect: Rect::new(
            rect.center().0 - tw / 2.0,
            rect.y0,
            rect.center().0 + tw / 2.0,
            rect.y1,
        ),
        font_px: font,
        align: HAlign::Center,
    });
    Some(Toggle {
        rect,
        collapsed,
        hidden: hidden_n,
        label,
    })
}

/// Device x of the trunk under a frame on top (`frame`: its box), through the view.
pub(super) fn trunk_x(plan: &Plan, frame: &Rect) -> f64 {
    frame.x0 + plan.px(super::bands::TRUNK) * plan.view.zoom() / 2.0
}
