//! Painting a `QuadrantLayout` through any plotters `DrawingBackend`. Only drawing primitives are
//! used, with explicit text anchors, so no backend is ever asked to measure text.

use super::layout::{layout_quadrant, LegendKind, QuadrantLayout, Whisker};
use super::view::ViewTransform;
use super::QuadrantScene;
use crate::chart::paint::{color, stroke, svg_document, Backend, DrawOptions, Painter, Stroke};
use crate::chart::{category_color, DrawError, Rect, Rgb};

/// The least opacity of a dimmed role label (kept legible: 3:1, see the tests).
const DIM_LABEL: f64 = 0.6;
/// Comparison arrows: ColorBrewer RdBu's dark ends, told apart with the common colour-vision
/// deficiencies and by lightness in greyscale; blue = B performs better than A, red = worse.
pub(crate) const BETTER: Rgb = Rgb(0x21, 0x66, 0xac);
pub(crate) const WORSE: Rgb = Rgb(0xb2, 0x18, 0x2b);
/// Alpha of arrows whose interval includes zero on both scales (they are also dashed).
const FAINT: f64 = 0.55;

/// Paints the chart laid out by `layout_quadrant` for the same scene.
pub fn draw_quadrant<DB: Backend>(
    backend: &mut DB,
    scene: &QuadrantScene,
    layout: &QuadrantLayout,
    opts: &DrawOptions,
) -> Result<(), DrawError> {
    let dpr = layout.dpr;
    let plot = layout.plot;
    let c = &opts.palette;
    // The quadrant draws axes and titles outside the plot; it clips what it must itself.
    let (w, h) = (layout.width, layout.height);
    let mut p = Painter::new(backend, opts, Rect::new(0.0, 0.0, w, h));
    let res = p.db.ensure_prepared();
    p.check(res)?;
    // The background only around the plot: the quadrant tints cover the plot itself, and
    // painting it twice is a full-canvas raster pass per frame for nothing.
    for r in [
        Rect::new(0.0, 0.0, w, plot.y0),
        Rect::new(0.0, plot.y1, w, h),
        Rect::new(0.0, plot.y0, plot.x0, plot.y1),
        Rect::new(plot.x1, plot.y0, w, plot.y1),
    ] {
        p.fill_rect(&r, color(c.background, 1.0))?;
    }

    // The legend and the axis titles go first when the frame before left the canvas in their
    // font, else last: one change of font a frame, not two (in Chromium a change is ~25 us, and
    // the first text drawn after it ~20 us more).
    let legend_first = p.db.font_px() == Some(layout.x_axis.title.font_px * opts.font_scale);
    if legend_first {
        paint_legend(&mut p, layout, dpr)?;
    }

    p.stage = "quadrants";
    for (code, r) in &layout.tints {
        p.fill_rect(r, color(c.tint(code), 1.0))?;
    }

    p.stage = "grid";
    let grid = stroke(c.grid, 1.0, dpr);
    // Vertical and horizontal lines each in one call (they cross each other, so not together).
    let verticals: Vec<_> = layout
        .x_axis
        .positions
        .iter()
        .filter(|&&x| x > plot.x0 + 0.5 && x < plot.x1 - 0.5)
        .map(|&x| ((x, plot.y0), (x, plot.y1)))
        .collect();
    p.segments(&verticals, &grid)?;
    let horizontals: Vec<_> = layout
        .y_axis
        .positions
        .iter()
        .filter(|&&y| y > plot.y0 + 0.5 && y < plot.y1 - 0.5)
        .map(|&y| ((plot.x0, y), (plot.x1, y)))
        .collect();
    p.segments(&horizontals, &grid)?;

    p.stage = "crosshair";
    let cross = stroke(c.crosshair, 1.0, 1.25 * dpr);
    if let Some(x) = layout.crosshair.x {
        p.polyline(
            &[(x, plot.y0), (x, plot.y1)],
            &cross,
            Some((5.0 * dpr, 3.0 * dpr)),
        )?;
    }
    if let Some(y) = layout.crosshair.y {
        p.polyline(
            &[(plot.x0, y), (plot.x1, y)],
            &cross,
            Some((5.0 * dpr, 3.0 * dpr)),
        )?;
    }
    for tb in [&layout.crosshair.x_label, &layout.crosshair.y_label]
        .into_iter()
        .flatten()
    {
        p.text(tb, c.crosshair, 1.0, false)?;
    }

    p.stage = "axes";
    let axis = stroke(c.axis, 1.0, dpr);
    p.line((plot.x0, plot.y1), (plot.x1, plot.y1), &axis)?;
    // The y axis and the x ticks are disjoint verticals: one call.
    let mut verticals = vec![((plot.x0, plot.y0), (plot.x0, plot.y1))];
    verticals.extend(
        layout
            .x_axis
            .positions
            .iter()
            .map(|&x| ((x, plot.y1), (x, plot.y1 + 3.0 * dpr))),
    );
    p.segments(&verticals, &axis)?;
    for tb in layout.x_axis.labels.iter().chain(&layout.y_axis.labels) {
        p.text(tb, c.tick_ink, 1.0, false)?;
    }

    p.stage = "quadrant names";
    for q in &layout.quadrant_names {
        p.text(&q.text, c.quad_ink, 1.0, false)?;
    }

    // Hovering dims everything but the hovered and the selected role. Hover is drawing-only
    // (the layout ignores it), so labels stay put while the pointer moves.
    let hovered = |role: u8| scene.highlighted == Some(role);
    let lit = |role: u8| hovered(role) || scene.selected == Some(role);
    let dim = |role: u8| {
        if scene.highlighted.is_some() && !lit(role) {
            0.35
        } else {
            1.0
        }
    };

    p.stage = "whiskers";
    let cap = 3.0 * dpr;
    // `at` is the position across the whisker's axis; caps only at real ends.
    let mut whisker = |w: &Whisker, horizontal: bool, at: f64, s: &Stroke| {
        let pt = |along: f64, across: f64| {
            if horizontal {
                (along, across)
            } else {
                (across, along)
            }
        };
        p.line(pt(w.from, at), pt(w.to, at), s)?;
        for (end, real) in [(w.from, w.cap_from), (w.to, w.cap_to)] {
            if real {
                p.line(pt(end, at - cap), pt(end, at + cap), s)?;
            }
        }
        Ok::<(), DrawError>(())
    };
    for pp in &layout.points {
        let s = stroke(c.whisker, dim(pp.role), dpr);
        if let Some(w) = &pp.whisker_x {
            whisker(w, true, pp.y, &s)?;
        }
        if let Some(w) = &pp.whisker_y {
            whisker(w, false, pp.x, &s)?;
        }
    }
    for sw in &layout.stray_whiskers {
        whisker(
            &sw.whisker,
            sw.horizontal,
            sw.at,
            &stroke(c.whisker, dim(sw.role), dpr),
        )?;
    }

    p.stage = "arrows";
    // Arrows come only with a comparison, which the start wasm (no `full` feature) never
    // makes (`SceneInput::comparison`): `cfg!` drops their painting from it too.
    for a in layout.arrows.iter().filter(|_| cfg!(feature = "full")) {
        let background = opts.palette.background;
        let c = if a.better { BETTER } else { WORSE };
        let al = dim(a.role) * if a.clear { 1.0 } else { FAINT };
        if a.from_visible {
            // Group A: a small light ring of the role's category colour.
            if let Some(pp) = layout.points.iter().find(|pp| pp.role == a.role) {
                let r = super::layout::A_MARKER_R * dpr;
                p.circle(a.from, r, &stroke(background, al, 1.0), true)?;
                p.circle(
                    a.from,
                    r,
                    &stroke(category_color(pp.category), al, dpr),
                    false,
                )?;
            }
        }
        let Some((s0, s1)) = a.segment else {
            continue;
        };
        let width = if a.clear { 2.0 } else { 1.25 } * dpr;
        let dash = (!a.clear).then_some((4.0 * dpr, 3.0 * dpr));
        p.polyline(&[s0, s1], &stroke(c, al, width), dash)?;
        // The head at B's end: two strokes back along the shaft at +-30 degrees.
        let (dx, dy) = (s1.0 - s0.0, s1.1 - s0.1);
        let len = (dx * dx + dy * dy).sqrt().max(1e-9);
        let (ux, uy) = (dx / len, dy / len);
        let head = (6.0 * dpr).min(len * 0.6);
        let (c30, s30) = (0.866, 0.5);
        for sgn in [1.0, -1.0] {
            let (hx, hy) = (ux * c30 - sgn * uy * s30, sgn * ux * s30 + uy * c30);
            p.line(
                s1,
                (s1.0 - hx * head, s1.1 - hy * head),
                &stroke(c, al, width),
            )?;
        }
    }

    p.stage = "leaders";
    for l in &layout.labels {
        if let Some((a, b)) = l.leader {
            p.line(a, b, &stroke(c.leader, dim(l.role), dpr))?;
        }
    }

    p.stage = "label halos";
    // A translucent halo keeps labels legible over whiskers and grid lines.
    for l in &layout.labels {
        let r = l.rect.inflate(dpr);
        p.fill_rect(&r, color(c.background, 0.7))?;
    }

    p.stage = "points";
    // Selected and hovered points last, so they sit on top.
    for pass in [false, true] {
        for pp in layout.points.iter().filter(|pp| lit(pp.role) == pass) {
            let a = dim(pp.role);
            let cat = category_color(pp.category);
            let outline = 1.5 * dpr;
            p.circle(
                (pp.x, pp.y),
                pp.radius + outline,
                &stroke(c.background, a, 1.0),
                true,
            )?;
            if pp.small_n {
                p.circle(
                    (pp.x, pp.y),
                    pp.radius - 0.75 * dpr,
                    &stroke(cat, a, 1.5 * dpr),
                    false,
                )?;
            } else {
                p.circle((pp.x, pp.y), pp.radius, &stroke(cat, a, 1.0), true)?;
            }
            if hovered(pp.role) && !pp.emphasis {
                // Inside the white outline, so it needs no room of its own in the layout.
                p.circle(
                    (pp.x, pp.y),
                    pp.radius + 0.75 * dpr,
                    &stroke(c.ink, 1.0, 1.5 * dpr),
                    false,
                )?;
            }
            if pp.ring && !pp.emphasis {
                // Quadrant changes between the two groups: a thin ring, dashed-free and dark.
                p.circle(
                    (pp.x, pp.y),
                    pp.radius + 3.0 * dpr,
                    &stroke(c.tick_ink, a, dpr),
                    false,
                )?;
            }
            if pp.emphasis {
                p.circle(
                    (pp.x, pp.y),
                    pp.radius + 3.0 * dpr,
                    &stroke(c.ink, 1.0, 1.5 * dpr),
                    false,
                )?;
            }
        }
    }

    p.stage = "labels";
    for l in &layout.labels {
        p.text(&l.text_box(), c.ink, dim(l.role).max(DIM_LABEL), false)?;
    }

    if !legend_first {
        paint_legend(&mut p, layout, dpr)?;
    }
    p.finish()
}

/// The legend and the axis titles: outside the plot, overlapping nothing, and in one font size.
fn paint_legend<DB: Backend>(
    p: &mut Painter<'_, DB>,
    layout: &QuadrantLayout,
    dpr: f64,
) -> Result<(), DrawError> {
    let c = &p.opts.palette;
    p.stage = "legend";
    p.text(&layout.x_axis.title, c.ink, 1.0, false)?;
    p.text(&layout.y_axis.title, c.ink, 1.0, false)?;
    for e in &layout.legend.entries {
        match e.kind {
            LegendKind::Category(cat) => {
                p.circle(
                    e.swatch,
                    e.radius,
                    &stroke(category_color(cat), 1.0, 1.0),
                    true,
                )?;
            }
            LegendKind::SmallN => {
                p.circle(
                    e.swatch,
                    e.radius - 0.75 * dpr,
                    &stroke(c.tick_ink, 1.0, 1.5 * dpr),
                    false,
                )?;
            }
            // The comparison's entries: never in the start wasm (see the arrows).
            _ if !cfg!(feature = "full") => {}
            LegendKind::SideA => {
                let r = super::layout::A_MARKER_R * dpr;
                p.circle(e.swatch, r, &stroke(c.tick_ink, FAINT, dpr), false)?;
            }
            LegendKind::SideB => {
                p.circle(e.swatch, e.radius, &stroke(c.tick_ink, 1.0, 1.0), true)?;
            }
            LegendKind::Moves => {
                p.circle(
                    e.swatch,
                    e.radius * 0.6,
                    &stroke(c.tick_ink, 1.0, 1.0),
                    true,
                )?;
                p.circle(e.swatch, e.radius, &stroke(c.tick_ink, 1.0, dpr), false)?;
            }
            LegendKind::Better | LegendKind::Worse | LegendKind::Unclear => {
                let (c, al, dash) = match e.kind {
                    LegendKind::Better => (BETTER, 1.0, None),
                    LegendKind::Worse => (WORSE, 1.0, None),
                    _ => (c.tick_ink, FAINT, Some((3.0 * dpr, 2.0 * dpr))),
                };
                let (x, y) = e.swatch;
                let r = e.radius;
                p.polyline(&[(x - r, y), (x + r, y)], &stroke(c, al, 2.0 * dpr), dash)?;
            }
        }
        p.text(&e.text, c.ink, 1.0, false)?;
    }

    Ok(())
}

/// Renders the chart as an SVG document of `dims` = (width, height in CSS px, device px per CSS
/// px), text placed with `measure` and set as `opts` says: Arial metrics and
/// `DrawOptions::svg()` for a file, the page's measure and font for the browser's export (which
/// then places its labels exactly where the screen shows them).
pub fn render_svg(
    scene: &QuadrantScene,
    view: &ViewTransform,
    dims: (f64, f64, f64),
    measure: &mut dyn crate::chart::TextMeasure,
    opts: &DrawOptions,
) -> Result<String, DrawError> {
    svg_document(
        dims,
        |size, dpr| layout_quadrant(scene, view, size, dpr, measure),
        |b, layout| draw_quadrant(b, scene, layout, opts),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::hierarchy::color::blend;
    use crate::chart::hierarchy::contrast;

    const CODES: [&str; 4] = ["keep_up", "overkill", "low_priority", "concentrate"];

    /// Every text colour of every palette against what it is drawn on (issue 11: dark and forced
    /// colours keep 4.5:1). Quadrant names over each tint and over a grid line; tick labels,
    /// crosshair values, titles and legend text over the background and the tints (values sit
    /// inside the plot); a label's background: its 0.7 halo over the darkest thing a label may
    /// cover (a whisker on a tint), plain labels 4.5:1, dimmed ones 3:1. The hierarchy's muted
    /// text (toggles, legend ticks) on the background.
    #[test]
    fn canvas_text_contrast() {
        use crate::chart::{Palette, Rgb};
        for (name, c) in [
            ("light", Palette::LIGHT),
            ("dark", Palette::DARK),
            ("contrast-light", Palette::CONTRAST_LIGHT),
            ("contrast-dark", Palette::CONTRAST_DARK),
        ] {
            let grounds: Vec<Rgb> = CODES
                .iter()
                .map(|k| c.tint(k))
                .chain([c.background])
                .collect();
            for g in &grounds {
                for (what, ink) in [
                    ("quadrant name", c.quad_ink),
                    ("tick", c.tick_ink),
                    ("crosshair", c.crosshair),
                    ("ink", c.ink),
                    ("muted", c.muted),
                ] {
                    let r = contrast(ink, *g);
                    assert!(r >= 4.5, "{name} {what} on {g:?}: {r}");
                }
            }
            assert!(contrast(c.quad_ink, c.grid) >= 4.5, "{name} on grid");
            for code in CODES {
                let halo = blend(c.background, blend(c.whisker, c.tint(code), 1.0), 0.7);
                assert!(contrast(c.ink, halo) >= 4.5, "{name} {code}");
                let dimmed = blend(c.ink, halo, DIM_LABEL);
                let r = contrast(dimmed, halo);
                assert!(r >= 3.0, "{name} {code}: {r}");
            }
        }
    }
}
