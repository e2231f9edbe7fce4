//! The edge stage: a path from each visible parent that is not collapsed to each visible
//! child. It leaves below the parent's toggle and bends only between the parent's and the
//! child's level bands, so the curves of many edges meet in the open space, not on boxes;
//! from a frame on top it runs down the trunk (where the frame's toggle sits) and right into
//! the child.

use crate::chart::Rect;

use super::super::NodeMap;
use super::bands::Band;
use super::{LaidEdge, LaidNode, Plan};

/// The edges in graph order, as polylines in device px.
pub(super) fn lay_edges(plan: &Plan, nodes: &[LaidNode], bands_dev: &[Band]) -> Vec<LaidEdge> {
    let lookup: NodeMap<(Rect, usize, Option<Rect>)> = nodes
        .iter()
        .map(|n| (n.id, (n.rect, n.level, n.toggle.as_ref().map(|t| t.rect))))
        .collect();
    let mut edges = Vec::new();
    for e in &plan.g.edges {
        if !plan.visible.contains(&e.from)
            || !plan.visible.contains(&e.to)
            || plan.scene.collapsed.contains(&e.from)
        {
            continue;
        }
        let (Some(&(pr, pl, pt)), Some(&(cr, cl, _))) = (lookup.get(&e.from), lookup.get(&e.to))
        else {
            continue;
        };
        let exit = bands_dev.get(pl).map(|b| b.end).unwrap_or(0.0);
        let entry = bands_dev.get(cl).map(|b| b.start).unwrap_or(0.0);
        let points = if plan.on_top(pl) {
            // Down the trunk from the frame on top (its toggle), then right into the child.
            let x = pt.map_or(super::toggles::trunk_x(plan, &pr), |t| t.center().0);
            let y0 = pt.map_or(pr.y1, |t| t.y1);
            path_trunk((x, y0), (cr.x0, cr.center().1))
        } else if plan.tb() {
            let x0 = pr.center().0;
            let y0 = pt.map_or(pr.y1, |t| t.y1);
            let x1 = cr.center().0;
            path_tb((x0, y0), exit.max(y0), entry, (x1, cr.y0))
        } else {
            // The same path with the axes swapped.
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
    edges
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

/// From the trunk's top `a` straight down to the child's height, then right into the child
/// at `b`: square corners, like the brackets of an outline.
fn path_trunk(a: (f64, f64), b: (f64, f64)) -> Vec<(f64, f64)> {
    vec![a, (a.0, b.1), b]
}
