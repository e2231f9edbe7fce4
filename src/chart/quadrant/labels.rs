//! Label placement: every visible role gets a label that overlaps no other label, marker,
//! quadrant name or leader line. Greedy, in priority order (selected first, then crowded points),
//! over candidate positions next to the marker, then on rings around it with a leader line, then
//! a sweep of the plot, then the role number alone.

use super::layout::{
    text_box, Crosshair, PlacedLabel, PlacedPoint, QuadrantName, CLEARANCE, LABEL_GAP,
};
use super::QuadrantScene;
use crate::catalogue::{catalogue, Lang};
use crate::chart::geom::{cos_sin_pi8, segment_hits_rect, segments_cross, HAlign, Rect, Segment};
use crate::chart::{Metrics, TextMeasure};

/// Boxes (with the point they belong to, if any) and leader lines already taken.
#[derive(Default)]
pub(super) struct Occupancy {
    pub boxes: Vec<(Rect, Option<usize>)>,
    pub leaders: Vec<Segment>,
}

impl Occupancy {
    fn box_free(&self, b: &Rect, clearance: f64) -> bool {
        // More room to the sides than above and below: two labels side by side with a hair
        // between them read as one phrase, stacked ones read as lines.
        let side = clearance * 5.0;
        // `b` is ordered and the margins are not negative: no `Rect::new` (its min and max).
        let g = Rect {
            x0: b.x0 - side,
            y0: b.y0 - clearance,
            x1: b.x1 + side,
            y1: b.y1 + clearance,
        };
        self.boxes.iter().all(|(o, _)| !g.intersects(o))
            && self
                .leaders
                .iter()
                .all(|&(p, q)| !segment_hits_rect(p, q, &g))
    }

    /// A leader may not cross any box but its own point's marker, nor another leader.
    fn leader_free(&self, s: Segment, own: usize) -> bool {
        self.boxes
            .iter()
            .filter(|(_, owner)| *owner != Some(own))
            .all(|(o, _)| !segment_hits_rect(s.0, s.1, o))
            && self.leaders.iter().all(|&l| !segments_cross(s, l))
    }
}

pub(super) fn place_quadrant_names(
    tints: &[(String, Rect)],
    lang: Lang,
    m: &Metrics,
    measure: &mut dyn TextMeasure,
    occ: &mut Occupancy,
    plot: Rect,
) -> Vec<QuadrantName> {
    let cat = catalogue();
    let font = m.px(m.theme.label_font);
    let inset = m.px(6.0);
    let mut out = Vec::new();
    for (code, region) in tints {
        let Some(info) = cat.quadrants.iter().find(|q| q.code == code) else {
            continue;
        };
        let text = lang.pick(info.short_nl, info.short_en);
        let top = region.y0 <= plot.y0 + 0.5;
        let right = region.x1 >= plot.x1 - 0.5;
        let h = m.line(m.theme.label_font);
        let w = measure.text_width(text, font);
        if w + 2.0 * inset > region.width() || h + 2.0 * inset > region.height() {
            continue;
        }
        let (x, align) = if right {
            (region.x1 - inset, HAlign::Right)
        } else {
            (region.x0 + inset, HAlign::Left)
        };
        // Slide away from the outer corner along the outer edge until clear of points.
        let steps = crate::lean::number::clamp(
            ((region.height() - h - 2.0 * inset) / (h * 0.5)).floor(),
            0.0,
            6.0,
        ) as usize;
        let mut chosen = None;
        for k in 0..=steps {
            let dy = k as f64 * h * 0.5;
            let y_top = if top {
                region.y0 + inset + dy
            } else {
                region.y1 - inset - h - dy
            };
            let tb = text_box(m, measure, text, font, x, y_top, align);
            if occ.box_free(&tb.rect, m.px(CLEARANCE)) {
                chosen = Some(tb);
                break;
            }
        }
        if let Some(tb) = chosen {
            occ.boxes.push((tb.rect, None));
            out.push(QuadrantName {
                code: code.clone(),
                text: tb,
            });
        }
    }
    out
}

/// A candidate label box: its rect, alignment and optional leader.
struct Candidate {
    rect: Rect,
    align: HAlign,
    /// Joined to the marker by a leader line (made only for a candidate whose box is free).
    leader: bool,
}

// The candidates are visited, not collected: most labels take the first or second, and the
// sweep's rings reach across the plot (over a thousand positions), so building them all before
// testing any cost more than placing (a visitor `f` returns true to stop).

/// Positions right next to the marker, best first.
fn near_candidates(
    p: &PlacedPoint,
    w: f64,
    h: f64,
    m: &Metrics,
    f: &mut dyn FnMut(Candidate) -> bool,
) -> bool {
    let g = p.outer_radius(m.dpr) + m.px(LABEL_GAP - 1.5);
    let d = g * 0.72;
    let (x, y) = (p.x, p.y);
    let (l, r, c) = (HAlign::Left, HAlign::Right, HAlign::Center);
    [
        (x + g, y - h / 2.0, l),
        (x - g - w, y - h / 2.0, r),
        (x + d, y - d - h, l),
        (x + d, y + d, l),
        (x - d - w, y - d - h, r),
        (x - d - w, y + d, r),
        (x - w / 2.0, y - g - h, c),
        (x - w / 2.0, y + g, c),
        (x + g, y - h * 0.9, l),
        (x + g, y - h * 0.1, l),
        (x - g - w, y - h * 0.9, r),
        (x - g - w, y - h * 0.1, r),
    ]
    .into_iter()
    .any(|(x0, y0, align)| {
        f(Candidate {
            rect: Rect::from_size(x0, y0, w, h),
            align,
            leader: false,
        })
    })
}

/// Positions further out, joined to the marker by a leader line, nearest ring first.
fn far_candidates(
    p: &PlacedPoint,
    w: f64,
    h: f64,
    m: &Metrics,
    rings: &[f64],
    f: &mut dyn FnMut(Candidate) -> bool,
) -> bool {
    // 0, +-22.5, ..., +-90 degrees on each side.
    let n_angles = 9;
    for &ring in rings {
        let r = p.outer_radius(m.dpr) + m.px(ring);
        for k in 0..n_angles {
            // Alternate around the horizontal: 0, +22.5, -22.5, +45, ... degrees, then the left side.
            let step = (k + 1) / 2 * if k % 2 == 1 { 1 } else { -1 };
            let (c, s) = cos_sin_pi8(step);
            for side in [1.0, -1.0] {
                let (ax, ay) = (p.x + side * r * c, p.y - r * s);
                let dir = side * c;
                let (rect, align) = if dir > 0.38 {
                    (Rect::from_size(ax, ay - h / 2.0, w, h), HAlign::Left)
                } else if dir < -0.38 {
                    (Rect::from_size(ax - w, ay - h / 2.0, w, h), HAlign::Right)
                } else if s > 0.0 {
                    (Rect::from_size(ax - w / 2.0, ay - h, w, h), HAlign::Center)
                } else {
                    (Rect::from_size(ax - w / 2.0, ay, w, h), HAlign::Center)
                };
                if f(Candidate {
                    rect,
                    align,
                    leader: true,
                }) {
                    return true;
                }
            }
        }
    }
    false
}

fn leader_for(p: &PlacedPoint, rect: &Rect, m: &Metrics) -> Segment {
    let (tx, ty) = rect.nearest_point(p.x, p.y);
    let (dx, dy) = (tx - p.x, ty - p.y);
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    let start_r = p.outer_radius(m.dpr);
    let end_gap = m.px(1.0).min(len / 4.0);
    (
        (p.x + dx / len * start_r, p.y + dy / len * start_r),
        (tx - dx / len * end_gap, ty - dy / len * end_gap),
    )
}

/// Last resort: rings of positions spreading over the whole plot.
fn sweep_candidates(
    p: &PlacedPoint,
    w: f64,
    h: f64,
    m: &Metrics,
    plot: Rect,
    f: &mut dyn FnMut(Candidate) -> bool,
) -> bool {
    let diag = (plot.width().powi(2) + plot.height().powi(2)).sqrt();
    let step = h.max(m.px(8.0));
    let mut r = m.px(24.0);
    while r < diag {
        if far_candidates(p, w, h, m, &[r / m.dpr], f) {
            return true;
        }
        r += step;
    }
    false
}

pub(super) fn place_labels(
    scene: &QuadrantScene,
    points: &[PlacedPoint],
    crosshair: &Crosshair,
    plot: Rect,
    m: &Metrics,
    measure: &mut dyn TextMeasure,
    occ: &mut Occupancy,
) -> (Vec<PlacedLabel>, Vec<u8>) {
    let inner = plot.inflate(-m.px(2.0));
    let clearance = m.px(CLEARANCE);
    // The selected point chooses first; then role order, which keeps the result stable as the
    // view changes.
    let mut order: Vec<usize> = (0..points.len()).collect();
    crate::lean::small_sort::sort_by_key(&mut order, |&i| {
        let p = &points[i];
        let rank = if scene.selected == Some(p.role) { 0 } else { 1 };
        (rank, p.role, i)
    });
    // Crosshair lines are soft obstacles: a label prefers not to sit across them.
    let line_w = m.px(1.0);
    let mut soft = Vec::new();
    if let Some(x) = crosshair.x {
        soft.push(Rect::new(x - line_w, plot.y0, x + line_w, plot.y1));
    }
    if let Some(y) = crosshair.y {
        soft.push(Rect::new(plot.x0, y - line_w, plot.x1, y + line_w));
    }

    let mut placed: Vec<Option<PlacedLabel>> = vec![None; points.len()];
    let full_font = m.px(m.theme.label_font);
    let num_font = m.px(m.theme.number_font);
    let full_w: Vec<f64> = points
        .iter()
        .map(|p| measure.text_width(&scene.points[p.index].label, full_font))
        .collect();

    // A free candidate's leader (None inside: it has none); None: the candidate is taken.
    let free = |i: usize,
                c: &Candidate,
                soft_ok: bool,
                strict: bool,
                occ: &Occupancy|
     -> Option<Option<Segment>> {
        if !inner.contains_rect(&c.rect) || !occ.box_free(&c.rect, clearance) {
            return None;
        }
        if !soft_ok && soft.iter().any(|s| s.intersects(&c.rect)) {
            return None;
        }
        if !c.leader {
            return Some(None);
        }
        let seg = leader_for(&points[i], &c.rect, m);
        (!strict || occ.leader_free(seg, i)).then_some(Some(seg))
    };
    // The first free candidate that `visit` offers, taken.
    type Visit<'v> = dyn FnMut(&mut dyn FnMut(Candidate) -> bool) -> bool + 'v;
    let place = |i: usize,
                 visit: &mut Visit<'_>,
                 soft_ok: bool,
                 strict: bool,
                 text: &str,
                 font: f64,
                 number_only: bool,
                 occ: &mut Occupancy|
     -> Option<PlacedLabel> {
        let mut got = None;
        visit(&mut |c| {
            got = free(i, &c, soft_ok, strict, occ).map(|l| (c, l));
            got.is_some()
        });
        let (c, leader) = got?;
        occ.boxes.push((c.rect, None));
        if let Some(seg) = leader {
            occ.leaders.push(seg);
        }
        Some(PlacedLabel {
            role: points[i].role,
            rect: c.rect,
            text: text.to_string(),
            leader,
            number_only,
            font_px: font,
            align: c.align,
        })
    };

    let full_h = full_font * m.theme.line;
    // Pass 1: full labels next to their points, first keeping off the crosshair lines.
    for soft_ok in [false, true] {
        for &i in &order {
            if placed[i].is_some() {
                continue;
            }
            let text = &scene.points[points[i].index].label;
            if text.is_empty() {
                continue;
            }
            let (p, w) = (&points[i], full_w[i]);
            let near =
                &mut |f: &mut dyn FnMut(Candidate) -> bool| near_candidates(p, w, full_h, m, f);
            placed[i] = place(i, near, soft_ok, true, text, full_font, false, occ);
        }
    }
    // Pass 2: full labels further out with a leader.
    for &i in &order {
        if placed[i].is_some() || scene.points[points[i].index].label.is_empty() {
            continue;
        }
        let text = &scene.points[points[i].index].label;
        let (p, w) = (&points[i], full_w[i]);
        let far = &mut |f: &mut dyn FnMut(Candidate) -> bool| {
            far_candidates(p, w, full_h, m, &[12.0, 24.0, 40.0], f)
        };
        placed[i] = place(i, far, true, true, text, full_font, false, occ);
    }
    // Pass 3: the role number alone, near, then with a leader, then anywhere free.
    let num_h = num_font * m.theme.line;
    for &i in &order {
        if placed[i].is_some() {
            continue;
        }
        let p = &points[i];
        let text = p.role.to_string();
        let w = measure.text_width(&text, num_font);
        let close = &mut |f: &mut dyn FnMut(Candidate) -> bool| {
            near_candidates(p, w, num_h, m, f)
                || far_candidates(p, w, num_h, m, &[8.0, 16.0, 28.0], f)
        };
        placed[i] = place(i, close, true, true, &text, num_font, true, occ);
        let sweep =
            &mut |f: &mut dyn FnMut(Candidate) -> bool| sweep_candidates(p, w, num_h, m, plot, f);
        if placed[i].is_none() {
            placed[i] = place(i, sweep, true, true, &text, num_font, true, occ);
        }
        // In a very crowded plot a leader may have to cross other things; boxes still never do.
        if placed[i].is_none() {
            placed[i] = place(i, sweep, true, false, &text, num_font, true, occ);
        }
    }
    let mut unlabelled = Vec::new();
    let mut labels = Vec::new();
    for &i in &order {
        match placed[i].take() {
            Some(l) => labels.push(l),
            None => unlabelled.push(points[i].role),
        }
    }
    (labels, unlabelled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Category;

    /// The ring candidates as computed before the angle table, with std's cos and sin.
    fn far_candidates_std(
        p: &PlacedPoint,
        w: f64,
        h: f64,
        m: &Metrics,
        rings: &[f64],
    ) -> Vec<Candidate> {
        let mut out = Vec::new();
        for &ring in rings {
            let r = p.outer_radius(m.dpr) + m.px(ring);
            for k in 0..9 {
                let step = (k as f64 / 2.0).ceil() * if k % 2 == 1 { 1.0 } else { -1.0 };
                let theta = step * std::f64::consts::PI / 8.0;
                let (c, s) = (theta.cos(), theta.sin());
                for side in [1.0, -1.0] {
                    let (ax, ay) = (p.x + side * r * c, p.y - r * s);
                    let dir = side * c;
                    let (rect, align) = if dir > 0.38 {
                        (Rect::from_size(ax, ay - h / 2.0, w, h), HAlign::Left)
                    } else if dir < -0.38 {
                        (Rect::from_size(ax - w, ay - h / 2.0, w, h), HAlign::Right)
                    } else if s > 0.0 {
                        (Rect::from_size(ax - w / 2.0, ay - h, w, h), HAlign::Center)
                    } else {
                        (Rect::from_size(ax - w / 2.0, ay, w, h), HAlign::Center)
                    };
                    out.push(Candidate {
                        rect,
                        align,
                        leader: true,
                    });
                }
            }
        }
        out
    }

    #[test]
    fn far_candidates_match_std_trig() {
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9;
        for (x, y, emphasis, dpr) in [
            (100.0, 80.0, false, 1.0),
            (412.25, 37.5, true, 2.0),
            (0.0, 0.0, false, 1.5),
        ] {
            let p = PlacedPoint {
                role: 1,
                index: 0,
                x,
                y,
                radius: 5.0 * dpr,
                category: Category::Strategic,
                small_n: false,
                emphasis,
                ring: false,
                whisker_x: None,
                whisker_y: None,
            };
            let m = Metrics::new(dpr);
            let rings = [6.0, 18.0, 40.0, 333.3];
            let mut got = Vec::new();
            far_candidates(&p, 57.0, 14.0, &m, &rings, &mut |c| {
                got.push(c);
                false
            });
            let want = far_candidates_std(&p, 57.0, 14.0, &m, &rings);
            assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(&want) {
                assert_eq!(g.align, w.align);
                let (gr, wr) = (&g.rect, &w.rect);
                assert!(close(gr.x0, wr.x0) && close(gr.y0, wr.y0));
                assert!(close(gr.x1, wr.x1) && close(gr.y1, wr.y1));
                assert!(g.leader && w.leader);
            }
        }
    }
}
