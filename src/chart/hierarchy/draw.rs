//! Painting a `HierarchyLayout` through any plotters `DrawingBackend`, clipped to the plot (boxes
//! and lines are cut at its edges; text is drawn only for boxes wholly inside).
//!
//! The primitives (strokes, text style) are shared with the quadrant chart (`chart::paint`), in
//! the same conventions: explicit anchors, sizes in device pixels, `DrawOptions::font_scale` for
//! the SVG backend.

use plotters_backend::{BackendColor, BackendCoord};

use crate::chart::geom::cos_sin_pi8;
use crate::chart::paint::{color, pt, stroke, svg_document, Backend, Painter, Stroke};
use crate::chart::{DrawError, DrawOptions, Rect};

use super::color::{dimmed_ink, muted_on, DIM_TEXT};
use super::layout::{layout_hierarchy, HierarchyLayout, LaidEdge};
use super::view::HierView;
use super::{HierarchyScene, NodeId, NodeKind};

pub(crate) const DIM: f64 = 0.3;

/// A rectangle with rounded corners as a polygon.
fn rounded(r: &Rect, radius: f64) -> Vec<BackendCoord> {
    let rad = radius.min(r.width() / 2.0).min(r.height() / 2.0).max(0.0);
    // Each corner's quarter arc from its start angle, in steps of 22.5 degrees (pi/8).
    let corners = [
        (r.x1 - rad, r.y0 + rad, -4),
        (r.x1 - rad, r.y1 - rad, 0),
        (r.x0 + rad, r.y1 - rad, 4),
        (r.x0 + rad, r.y0 + rad, 8),
    ];
    let mut v = Vec::new();
    for (cx, cy, start) in corners {
        for i in 0..=4 {
            let (c, s) = cos_sin_pi8(start + i);
            v.push(pt(cx + rad * c, cy + rad * s));
        }
    }
    v
}

/// A rounded box clipped to the painter's clip rectangle.
fn boxed<DB: Backend>(
    p: &mut Painter<'_, DB>,
    r: &Rect,
    fill: BackendColor,
    border: &Stroke,
    radius: f64,
) -> Result<(), DrawError> {
    let Some(c) = r.intersection(&p.clip) else {
        return Ok(());
    };
    let poly = rounded(&c, radius);
    let res = p.db.fill_polygon(poly.clone(), &fill);
    p.check(res)?;
    let mut closed = poly;
    if let Some(&first) = closed.first() {
        closed.push(first);
    }
    let res = p.db.draw_path(closed, border);
    p.check(res)
}

/// The ancestors and the descendants of `h` (each including `h`) along the laid-out edges; the
/// ancestors include the items inside an ancestor container (the higher purpose's aims).
pub fn chains(layout: &HierarchyLayout, h: NodeId) -> (Vec<NodeId>, Vec<NodeId>) {
    let closure = |towards_parents: bool| {
        let mut set = vec![h];
        let mut i = 0;
        while i < set.len() {
            let at = set[i];
            for e in &layout.edges {
                let (near, far) = if towards_parents {
                    (e.to, e.from)
                } else {
                    (e.from, e.to)
                };
                if near == at && !set.contains(&far) {
                    set.push(far);
                }
            }
            i += 1;
        }
        set
    };
    let mut up = closure(true);
    // The higher purpose is its frame and the items inside it: what a role serves is all of it.
    let g = super::graph(layout.arrangement);
    for i in 0..up.len() {
        if let Some(items) = g.contained.get(&up[i]) {
            up.extend(
                items
                    .iter()
                    .filter(|id| !up.contains(id))
                    .collect::<Vec<_>>(),
            );
        }
    }
    (up, closure(false))
}

/// Paints the diagram laid out by `layout_hierarchy` for the same scene. Hovering
/// (`scene.highlighted`) emphasises the node's chains (`chains`) and dims everything else; the
/// selected node gets a heavy outline.
pub fn draw_hierarchy<DB: Backend>(
    backend: &mut DB,
    scene: &HierarchyScene,
    layout: &HierarchyLayout,
    opts: &DrawOptions,
) -> Result<(), DrawError> {
    let s = layout.dpr;
    let pal = &opts.palette;
    let mut p = Painter::new(backend, opts, layout.plot);
    let res = p.db.ensure_prepared();
    p.check(res)?;
    p.fill_rect(
        &Rect::new(0.0, 0.0, layout.width, layout.height),
        color(pal.background, 1.0),
    )?;

    let hl = scene.highlighted.filter(|h| layout.node(*h).is_some());
    // Hovering shows the node's whole chain: every ancestor up to the higher purpose and every
    // descendant down to the roles, with the edges between them (what it serves, what feeds it).
    let (up, down) = hl.map_or((vec![], vec![]), |h| chains(layout, h));
    let on_chain = |e: &LaidEdge| up.contains(&e.to) || down.contains(&e.from);
    let linked = |id: NodeId| hl.is_none() || up.contains(&id) || down.contains(&id);
    let alpha = |id: NodeId| if linked(id) { 1.0 } else { DIM };

    p.stage = "edges";
    // Emphasised edges last, on top.
    for pass in [false, true] {
        for e in &layout.edges {
            let on = hl.is_some() && on_chain(e);
            if on != pass {
                continue;
            }
            let (c, a, w) = if on {
                (pal.ink, 1.0, 2.0 * s)
            } else if hl.is_some() {
                (pal.edge, 0.25, 1.25 * s)
            } else {
                (pal.edge, 1.0, 1.25 * s)
            };
            let dash = (!e.primary).then_some((5.0 * s, 3.5 * s));
            p.polyline(&e.points, &stroke(c, a, w), dash)?;
        }
    }

    p.stage = "nodes";
    let radius = 4.0 * s;
    for n in &layout.nodes {
        let a = alpha(n.id);
        let frame = n.kind == NodeKind::Purpose
            && n.rect.width() > 0.0
            && !scene.collapsed.contains(&n.id)
            && layout.nodes.iter().any(|m| m.kind == NodeKind::PurposeItem);
        let border = if scene.selected == Some(n.id) {
            stroke(pal.ink, 1.0, 2.5 * s)
        } else if hl == Some(n.id) {
            stroke(pal.ink, 1.0, 2.0 * s)
        } else if frame {
            stroke(pal.frame_border, a, s)
        } else {
            stroke(pal.border, a, s)
        };
        // A white underlay keeps dimmed (translucent) boxes from showing edges through.
        boxed(
            &mut p,
            &n.rect,
            color(pal.background, 1.0),
            &stroke(pal.background, 0.0, 1.0),
            radius,
        )?;
        boxed(&mut p, &n.rect, color(n.fill, a), &border, radius)?;
        {
            for l in &n.lines {
                let bold = n.bold && (!frame || std::ptr::eq(l, &n.lines[0]));
                let c = if frame && !std::ptr::eq(l, &n.lines[0]) {
                    muted_on(n.fill, pal.muted)
                } else {
                    n.text_color
                };
                // Dimmed text stays at 3:1 or more (the box fades further).
                let (c, ta) = if a < 1.0 {
                    (dimmed_ink(n.fill, pal.background, c, a), DIM_TEXT)
                } else {
                    (c, 1.0)
                };
                p.text(l, c, ta, bold)?;
            }
        }
    }

    p.stage = "toggles";
    for n in &layout.nodes {
        let Some(t) = &n.toggle else { continue };
        let a = alpha(n.id);
        let r = t.rect;
        boxed(
            &mut p,
            &r,
            color(pal.background, 1.0),
            &stroke(pal.muted, a, s),
            r.height() / 2.0,
        )?;
        let (cx, cy) = r.center();
        if let Some(l) = &t.label {
            p.text(l, pal.muted, if a < 1.0 { DIM_TEXT } else { 1.0 }, false)?;
        } else {
            let arm = r.height() * 0.28;
            p.line(
                (cx - arm, cy),
                (cx + arm, cy),
                &stroke(pal.muted, a, 1.5 * s),
            )?;
        }
    }

    p.stage = "legend";
    p.clip = Rect::new(0.0, 0.0, layout.width, layout.height);
    if let Some(lg) = &layout.legend {
        p.text(&lg.title, pal.ink, 1.0, false)?;
        for (r, c) in &lg.ramp {
            // Overlap by a pixel so that no seams show between the steps.
            let rr = Rect::new(r.x0, r.y0, r.x1 + 1.0, r.y1);
            p.fill_rect(&rr, color(*c, 1.0))?;
        }
        for (x, tb) in &lg.ticks {
            let y = lg.ramp.first().map_or(tb.rect.y0, |(r, _)| r.y1);
            p.line(
                (*x, y - 2.0 * s),
                (*x, y + 1.0 * s),
                &stroke(pal.ink, 1.0, s),
            )?;
            p.text(tb, pal.muted, 1.0, false)?;
        }
        if let Some((sw, tb)) = &lg.neutral {
            boxed(
                &mut p,
                sw,
                color(lg.swatch, 1.0),
                &stroke(pal.border, 1.0, s),
                2.0 * s,
            )?;
            p.text(tb, pal.muted, 1.0, false)?;
        }
    }

    p.finish()
}

/// Renders the diagram as an SVG document of `dims` = (width, height in CSS px, device px per
/// CSS px), measured and set like `render_svg` (Arial or the page's measure and font).
pub fn render_hierarchy_svg(
    scene: &HierarchyScene,
    view: &HierView,
    dims: (f64, f64, f64),
    measure: &mut dyn crate::chart::TextMeasure,
    opts: &DrawOptions,
) -> Result<String, DrawError> {
    svg_document(
        dims,
        |size, dpr| layout_hierarchy(scene, view, size, dpr, measure),
        |b, layout| draw_hierarchy(b, scene, layout, opts),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The polygon as computed before the angle table, with std's cos and sin, unrounded.
    fn rounded_std(r: &Rect, radius: f64) -> Vec<(f64, f64)> {
        let rad = radius.min(r.width() / 2.0).min(r.height() / 2.0).max(0.0);
        let corners = [
            (r.x1 - rad, r.y0 + rad, -90.0f64),
            (r.x1 - rad, r.y1 - rad, 0.0),
            (r.x0 + rad, r.y1 - rad, 90.0),
            (r.x0 + rad, r.y0 + rad, 180.0),
        ];
        let mut v = Vec::new();
        for (cx, cy, start) in corners {
            for i in 0..=4 {
                let a = (start + i as f64 * 22.5).to_radians();
                v.push((cx + rad * a.cos(), cy + rad * a.sin()));
            }
        }
        v
    }

    #[test]
    fn rounded_matches_std_trig() {
        for (r, radius) in [
            (Rect::from_size(10.3, 20.7, 120.0, 36.0), 6.0),
            (Rect::from_size(-5.0, 3.25, 8.0, 30.0), 9.0),
            (Rect::from_size(0.0, 0.0, 300.0, 200.0), 17.4),
            (Rect::from_size(1.0, 1.0, 50.0, 20.0), 0.0),
        ] {
            let got = rounded(&r, radius);
            let want = rounded_std(&r, radius);
            assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(&want) {
                // Same pixels unless the exact point sits on a rounding tie (none here).
                assert_eq!(*g, pt(w.0, w.1));
            }
        }
    }
}
