//! Painting a `HierarchyLayout` through any plotters `DrawingBackend`, clipped to the plot (boxes
//! and lines are cut at its edges; text is drawn only for boxes wholly inside).
//!
//! The primitives (strokes, text style) are shared with the quadrant chart (`chart::paint`), in
//! the same conventions: explicit anchors, sizes in device pixels, `DrawOptions::font_scale` for
//! the SVG backend.

use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendCoord, DrawingBackend, DrawingErrorKind};

use crate::chart::paint::{color, pt, stroke, Font, Stroke};
use crate::chart::{arial_measure, DrawError, DrawOptions, HAlign, Rect, Rgb, TextBox};

use super::color::INK;
use super::layout::{layout_hierarchy, HierarchyLayout, LaidEdge};
use super::view::HierView;
use super::{HierarchyScene, NodeId, NodeKind};

const WHITE: Rgb = Rgb(255, 255, 255);
const EDGE: Rgb = Rgb(0x8a, 0x92, 0x9b);
const BORDER: Rgb = Rgb(0xa7, 0xae, 0xb6);
const FRAME_BORDER: Rgb = Rgb(0xc9, 0xce, 0xd3);
const MUTED: Rgb = Rgb(0x5f, 0x66, 0x6d);
const DIM: f64 = 0.3;

/// Liang-Barsky: the part of segment a-b inside `r`.
fn clip_segment(a: (f64, f64), b: (f64, f64), r: &Rect) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - r.x0),
        (dx, r.x1 - a.0),
        (-dy, a.1 - r.y0),
        (dy, r.y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then_some((
        (a.0 + t0 * dx, a.1 + t0 * dy),
        (a.0 + t1 * dx, a.1 + t1 * dy),
    ))
}

/// A rectangle with rounded corners as a polygon.
fn rounded(r: &Rect, radius: f64) -> Vec<BackendCoord> {
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
            v.push(pt(cx + rad * a.cos(), cy + rad * a.sin()));
        }
    }
    v
}

struct Painter<'a, DB: DrawingBackend> {
    db: &'a mut DB,
    opts: &'a DrawOptions,
    clip: Rect,
    stage: &'static str,
}

impl<DB: DrawingBackend> Painter<'_, DB> {
    fn check(&self, r: Result<(), DrawingErrorKind<DB::ErrorType>>) -> Result<(), DrawError> {
        r.map_err(|e| DrawError::Backend {
            stage: self.stage,
            message: e.to_string(),
        })
    }

    fn fill_rect(&mut self, r: &Rect, c: BackendColor) -> Result<(), DrawError> {
        let res = self.db.draw_rect(pt(r.x0, r.y0), pt(r.x1, r.y1), &c, true);
        self.check(res)
    }

    /// A line clipped to the plot.
    fn line(&mut self, a: (f64, f64), b: (f64, f64), s: &Stroke) -> Result<(), DrawError> {
        if let Some((a, b)) = clip_segment(a, b, &self.clip) {
            let res = self.db.draw_line(pt(a.0, a.1), pt(b.0, b.1), s);
            self.check(res)?;
        }
        Ok(())
    }

    /// A polyline, solid or dashed; the dash pattern runs on across vertices.
    fn polyline(
        &mut self,
        pts: &[(f64, f64)],
        s: &Stroke,
        dash: Option<(f64, f64)>,
    ) -> Result<(), DrawError> {
        let Some((on, off)) = dash else {
            for w in pts.windows(2) {
                self.line(w[0], w[1], s)?;
            }
            return Ok(());
        };
        let period = on + off;
        if period <= 0.0 {
            return Ok(());
        }
        let mut phase = 0.0;
        for w in pts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
            if len <= 0.0 {
                continue;
            }
            let at = |t: f64| (a.0 + (b.0 - a.0) * t / len, a.1 + (b.1 - a.1) * t / len);
            let mut t = 0.0;
            while t < len {
                let p = phase % period;
                if p < on {
                    let e = (t + on - p).min(len);
                    self.line(at(t), at(e), s)?;
                    phase += e - t;
                    t = e;
                } else {
                    let e = (t + period - p).min(len);
                    phase += e - t;
                    t = e;
                }
            }
        }
        Ok(())
    }

    fn boxed(
        &mut self,
        r: &Rect,
        fill: BackendColor,
        border: &Stroke,
        radius: f64,
    ) -> Result<(), DrawError> {
        let Some(c) = r.intersection(&self.clip) else {
            return Ok(());
        };
        let poly = rounded(&c, radius);
        let res = self.db.fill_polygon(poly.clone(), &fill);
        self.check(res)?;
        let mut closed = poly;
        if let Some(&first) = closed.first() {
            closed.push(first);
        }
        let res = self.db.draw_path(closed, border);
        self.check(res)
    }

    fn text(&mut self, tb: &TextBox, c: Rgb, alpha: f64, bold: bool) -> Result<(), DrawError> {
        if !self.clip.inflate(0.5).contains_rect(&tb.rect) {
            return Ok(());
        }
        let (x, y) = tb.anchor();
        let h = match tb.align {
            HAlign::Left => HPos::Left,
            HAlign::Center => HPos::Center,
            HAlign::Right => HPos::Right,
        };
        let font = Font {
            family: &self.opts.font_family,
            size: tb.font_px * self.opts.font_scale,
            color: color(c, alpha),
            anchor: Pos::new(h, VPos::Center),
            bold,
        };
        let res = self.db.draw_text(&tb.text, &font, pt(x, y));
        self.check(res)
    }
}

/// Paints the diagram laid out by `layout_hierarchy` for the same scene. Hovering
/// (`scene.highlighted`) emphasises the node and its edges and dims everything not linked to
/// it; the selected node gets a heavy outline.
pub fn draw_hierarchy<DB: DrawingBackend>(
    backend: &mut DB,
    scene: &HierarchyScene,
    layout: &HierarchyLayout,
    opts: &DrawOptions,
) -> Result<(), DrawError> {
    let s = layout.dpr;
    let mut p = Painter {
        db: backend,
        opts,
        clip: layout.plot,
        stage: "background",
    };
    let res = p.db.ensure_prepared();
    p.check(res)?;
    p.fill_rect(
        &Rect::new(0.0, 0.0, layout.width, layout.height),
        color(WHITE, 1.0),
    )?;

    let hl = scene.highlighted.filter(|h| layout.node(*h).is_some());
    let touches = |e: &LaidEdge, h: NodeId| e.from == h || e.to == h;
    let linked = |id: NodeId| match hl {
        None => true,
        Some(h) => {
            id == h
                || layout
                    .edges
                    .iter()
                    .any(|e| touches(e, h) && (e.from == id || e.to == id))
        }
    };
    let alpha = |id: NodeId| if linked(id) { 1.0 } else { DIM };

    p.stage = "edges";
    // Emphasised edges last, on top.
    for pass in [false, true] {
        for e in &layout.edges {
            let on = hl.is_some_and(|h| touches(e, h));
            if on != pass {
                continue;
            }
            let (c, a, w) = if on {
                (INK, 1.0, 2.0 * s)
            } else if hl.is_some() {
                (EDGE, 0.25, 1.25 * s)
            } else {
                (EDGE, 1.0, 1.25 * s)
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
            stroke(INK, 1.0, 2.5 * s)
        } else if hl == Some(n.id) {
            stroke(INK, 1.0, 2.0 * s)
        } else if frame {
            stroke(FRAME_BORDER, a, s)
        } else {
            stroke(BORDER, a, s)
        };
        // A white underlay keeps dimmed (translucent) boxes from showing edges through.
        p.boxed(&n.rect, color(WHITE, 1.0), &stroke(WHITE, 0.0, 1.0), radius)?;
        p.boxed(&n.rect, color(n.fill, a), &border, radius)?;
        {
            for l in &n.lines {
                let bold = n.bold && (!frame || std::ptr::eq(l, &n.lines[0]));
                let c = if frame && !std::ptr::eq(l, &n.lines[0]) {
                    MUTED
                } else {
                    n.text_color
                };
                p.text(l, c, a, bold)?;
            }
        }
    }

    p.stage = "toggles";
    for n in &layout.nodes {
        let Some(t) = &n.toggle else { continue };
        let a = alpha(n.id);
        let r = t.rect;
        p.boxed(
            &r,
            color(WHITE, 1.0),
            &stroke(MUTED, a, s),
            r.height() / 2.0,
        )?;
        let (cx, cy) = r.center();
        if let Some(l) = &t.label {
            p.text(l, MUTED, a, false)?;
        } else {
            let arm = r.height() * 0.28;
            p.line((cx - arm, cy), (cx + arm, cy), &stroke(MUTED, a, 1.5 * s))?;
        }
    }

    p.stage = "legend";
    p.clip = Rect::new(0.0, 0.0, layout.width, layout.height);
    if let Some(lg) = &layout.legend {
        p.text(&lg.title, INK, 1.0, false)?;
        for (r, c) in &lg.ramp {
            // Overlap by a pixel so that no seams show between the steps.
            let rr = Rect::new(r.x0, r.y0, r.x1 + 1.0, r.y1);
            p.fill_rect(&rr, color(*c, 1.0))?;
        }
        for (x, tb) in &lg.ticks {
            let y = lg.ramp.first().map_or(tb.rect.y0, |(r, _)| r.y1);
            p.line((*x, y - 2.0 * s), (*x, y + 1.0 * s), &stroke(INK, 1.0, s))?;
            p.text(tb, MUTED, 1.0, false)?;
        }
        if let Some((sw, tb)) = &lg.neutral {
            p.boxed(
                sw,
                color(super::NEUTRAL, 1.0),
                &stroke(BORDER, 1.0, s),
                2.0 * s,
            )?;
            p.text(tb, MUTED, 1.0, false)?;
        }
    }

    p.stage = "present";
    let res = p.db.present();
    p.check(res)
}

/// Renders the diagram as an SVG document of `width_css` x `height_css` CSS pixels at `dpr`,
/// text measured with Arial metrics.
pub fn render_hierarchy_svg(
    scene: &HierarchyScene,
    view: &HierView,
    width_css: f64,
    height_css: f64,
    dpr: f64,
) -> Result<String, DrawError> {
    let w = (width_css * dpr).round();
    let h = (height_css * dpr).round();
    let mut measure = arial_measure();
    let layout = layout_hierarchy(scene, view, (w, h), dpr, &mut measure)?;
    let mut out = String::new();
    {
        let mut backend =
            plotters::backend::SVGBackend::with_string(&mut out, (w as u32, h as u32));
        draw_hierarchy(&mut backend, scene, &layout, &DrawOptions::svg())?;
    }
    Ok(out)
}
