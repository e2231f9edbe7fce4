//! Layout: margins, plot rectangle, ticks, point positions and collision-free label placement.
//!
//! Everything is in device pixels; CSS sizes are multiplied by the device-pixel ratio so that the
//! chart looks the same on every screen. The result is a plain value the drawing code and the hit
//! test read; nothing here draws.
//!
//! Long (about 750 lines) because the frame's stages (axes, crosshair, legend, points, tints and the
//! comparison's arrows) share one set of geometry types defined here; label placement is in
//! `labels.rs`.

use super::labels::{place_labels, place_quadrant_names, Occupancy};
use super::view::ViewTransform;
use super::{small_n_note, x_axis_title, y_axis_title, QuadrantScene};
use crate::catalogue::{catalogue, Category, Lang};
use crate::chart::geom::{HAlign, Rect, TextBox};
use crate::chart::ticks::{fmt_num, nice_ticks, Ticks};
use crate::chart::{LayoutError, Metrics, TextMeasure};

/// Sizes in CSS pixels of what only this chart has; the shared ones are in `Theme`.
const MARKER_R: f64 = 4.5;
const MARKER_R_EMPH: f64 = 6.5;
/// Gap between a marker's edge and its label.
pub(super) const LABEL_GAP: f64 = 3.0;
/// Free space kept around every placed label.
pub(super) const CLEARANCE: f64 = 1.0;
/// Pointer radius for hit testing.
const HIT_RADIUS: f64 = 10.0;

/// One axis: ticks, their pixel positions (x for the importance axis, y for performance), tick
/// labels and the axis title.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisLayout {
    pub ticks: Ticks,
    pub positions: Vec<f64>,
    pub labels: Vec<TextBox>,
    pub title: TextBox,
}

/// A whisker along one axis, clipped to the plot: pixel ends along the axis, and whether each
/// end is a real end (gets a cap) rather than a cut at the plot edge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Whisker {
    pub from: f64,
    pub to: f64,
    pub cap_from: bool,
    pub cap_to: bool,
}

/// A whisker of a point outside the view that still crosses the plot: zoomed in past a point,
/// its spread stays visible. `at` is its position across its axis (the y of a horizontal one).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StrayWhisker {
    pub role: u8,
    pub horizontal: bool,
    pub at: f64,
    pub whisker: Whisker,
}

/// A visible point.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedPoint {
    pub role: u8,
    /// Index into `scene.points`.
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub radius: f64,
    pub category: Category,
    pub small_n: bool,
    /// Selected: drawn bigger with a ring, labelled first.
    pub emphasis: bool,
    /// The role changes quadrant between two compared groups: a ring around the marker.
    pub ring: bool,
    /// Horizontal whisker at height `y`.
    pub whisker_x: Option<Whisker>,
    /// Vertical whisker at `x`.
    pub whisker_y: Option<Whisker>,
}

impl PlacedPoint {
    /// Radius of everything drawn for the marker: white outline, and the ring when emphasised.
    pub fn outer_radius(&self, dpr: f64) -> f64 {
        self.radius + if self.emphasis || self.ring { 4.5 } else { 1.5 } * dpr
    }

    /// The box a label must keep clear of: the marker with its white outline.
    pub fn marker_box(&self, dpr: f64) -> Rect {
        let h = self.outer_radius(dpr);
        Rect::new(self.x - h, self.y - h, self.x + h, self.y + h)
    }
}

/// A placed label.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    pub role: u8,
    pub rect: Rect,
    pub text: String,
    /// Line from the marker edge to the label, when the label sits away from its point.
    pub leader: Option<((f64, f64), (f64, f64))>,
    /// Only the role number fitted.
    pub number_only: bool,
    pub font_px: f64,
    pub align: HAlign,
}

impl PlacedLabel {
    pub fn text_box(&self) -> TextBox {
        TextBox::new(self.text.clone(), self.rect, self.font_px, self.align)
    }
}

/// A quadrant's name in the outer corner of its visible region.
#[derive(Clone, Debug, PartialEq)]
pub struct QuadrantName {
    /// Catalogue quadrant code (keep_up, overkill, low_priority, concentrate).
    pub code: String,
    pub text: TextBox,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendKind {
    Category(Category),
    /// Hollow marker: few answers.
    SmallN,
    /// A comparison's first group (light marker), its second (full marker, arrow head).
    SideA,
    SideB,
    /// Arrows towards better and worse performance; dashed: the interval includes zero.
    Better,
    Worse,
    Unclear,
    /// Ring: the quadrant changes.
    Moves,
}

/// A comparison arrow in device px, clipped to the plot: from group A's marker to B's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedArrow {
    pub role: u8,
    /// The unclipped ends: A's and B's positions.
    pub from: (f64, f64),
    pub to: (f64, f64),
    /// The drawn segment (clipped to the plot, kept off both markers); None when out of view.
    pub segment: Option<((f64, f64), (f64, f64))>,
    /// A's marker is inside the plot.
    pub from_visible: bool,
    pub clear: bool,
    pub better: bool,
}

impl PlacedArrow {
    /// The box of A's light marker (the same size as B's, without outline).
    pub fn from_box(&self, dpr: f64) -> Rect {
        let h = (A_MARKER_R + 1.0) * dpr;
        Rect::new(
            self.from.0 - h,
            self.from.1 - h,
            self.from.0 + h,
            self.from.1 + h,
        )
    }
}

/// Radius of group A's marker in CSS px: smaller than B's, so the arrow reads A -> B.
pub const A_MARKER_R: f64 = 3.0;

#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub kind: LegendKind,
    /// Centre of the swatch marker.
    pub swatch: (f64, f64),
    pub radius: f64,
    pub text: TextBox,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    pub rect: Rect,
    pub entries: Vec<LegendEntry>,
}

/// The quadrant dividing lines, where visible, and their value labels.
#[derive(Clone, Debug, PartialEq)]
pub struct Crosshair {
    /// Pixel x of the vertical line (importance = crosshair.0).
    pub x: Option<f64>,
    /// Pixel y of the horizontal line.
    pub y: Option<f64>,
    pub x_label: Option<TextBox>,
    pub y_label: Option<TextBox>,
}

/// Everything `draw_quadrant` and `hit_test` need, in device pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct QuadrantLayout {
    pub width: f64,
    pub height: f64,
    pub dpr: f64,
    pub plot: Rect,
    /// The view with its real plot rectangle: keep it for zoom and pan.
    pub transform: ViewTransform,
    pub x_axis: AxisLayout,
    pub y_axis: AxisLayout,
    pub crosshair: Crosshair,
    /// Quadrant regions clipped to the plot, by catalogue code.
    pub tints: Vec<(String, Rect)>,
    pub quadrant_names: Vec<QuadrantName>,
    pub legend: Legend,
    pub points: Vec<PlacedPoint>,
    pub stray_whiskers: Vec<StrayWhisker>,
    pub labels: Vec<PlacedLabel>,
    /// With a comparison: one per role both groups answered.
    pub arrows: Vec<PlacedArrow>,
    /// Roles of visible points that got no label at all (only when the plot is crowded beyond
    /// any free space).
    pub unlabelled: Vec<u8>,
}

/// `text` in body type, cut with an ellipsis to `max_w` device px when it is wider.
/// `text` when it fits `max_w`, else its `short` form ("Importance (mean, 1–9)": the scale's
/// range, where the cut long one lost it), cut with an ellipsis if even that is too wide.
fn fit_width(
    text: &str,
    short: &str,
    max_w: f64,
    m: &Metrics,
    measure: &mut dyn TextMeasure,
) -> String {
    let font = m.px(m.theme.font);
    for t in [text, short] {
        if measure.text_width(t, font) <= max_w {
            return t.to_string();
        }
    }
    crate::chart::text::ellipsize(short, max_w, font, measure)
}

pub(super) fn text_box(
    m: &Metrics,
    measure: &mut dyn TextMeasure,
    text: &str,
    font_px: f64,
    x: f64,
    y_top: f64,
    align: HAlign,
) -> TextBox {
    let w = measure.text_width(text, font_px).max(0.0);
    let h = font_px * m.theme.line;
    let x0 = match align {
        HAlign::Left => x,
        HAlign::Center => x - w / 2.0,
        HAlign::Right => x - w,
    };
    TextBox::new(
        text.to_string(),
        Rect::from_size(x0, y_top, w, h),
        font_px,
        align,
    )
}

/// Lays the chart out for an element of `size_px` device pixels at device-pixel ratio `dpr`,
/// showing the data ranges of `view` (its plot rectangle is replaced by the computed one).
pub fn layout_quadrant(
    scene: &QuadrantScene,
    view: &ViewTransform,
    size_px: (f64, f64),
    dpr: f64,
    measure: &mut dyn TextMeasure,
) -> Result<QuadrantLayout, LayoutError> {
    let (width, height) = size_px;
    if !(width.is_finite() && height.is_finite() && dpr.is_finite())
        || width <= 0.0
        || height <= 0.0
        || !(0.25..=16.0).contains(&dpr)
    {
        return Err(LayoutError::BadSize { width, height, dpr });
    }
    let m = &Metrics::new(dpr);
    let lang = scene.lang;
    let pad = m.px(m.theme.pad);

    let legend = layout_legend(scene, m, measure, width);
    let y_title_top = legend.rect.y1 + m.px(6.0);
    // Titles wider than the element (larger text on a phone) are shortened or cut, not dropped.
    let y_text = fit_width(
        y_axis_title(lang),
        crate::wording::LEGEND_PERFORMANCE.get(lang),
        width - 2.0 * pad,
        m,
        measure,
    );
    let y_title = text_box(
        m,
        measure,
        &y_text,
        m.px(m.theme.font),
        pad,
        y_title_top,
        HAlign::Left,
    );
    let mut plot_y0 = y_title.rect.y1 + m.px(10.0);
    let x_title_h = m.line(m.theme.font);
    let tick_h = m.line(m.theme.tick_font);
    let plot_y1 = height - pad - x_title_h - m.px(6.0) - tick_h - m.px(4.0);
    // A short element (a few rows of controls above a fallback height) puts the y title on the
    // legend's row, at the right, when it fits there: its own row would leave no plot.
    let y_title = if plot_y1 - plot_y0 < m.px(m.theme.min_plot) * 1.5
        && legend.rect.x1 + m.px(16.0) + y_title.rect.width() <= width - pad
    {
        let beside = text_box(
            m,
            measure,
            &y_text,
            m.px(m.theme.font),
            width - pad,
            legend.rect.y0,
            HAlign::Right,
        );
        plot_y0 = legend.rect.y1.max(beside.rect.y1) + m.px(10.0);
        beside
    } else {
        y_title
    };

    // y ticks depend only on the plot height; their label widths then set the left margin.
    let (ylo, yhi) = view.y_range();
    let plot_h = plot_y1 - plot_y0;
    let y_ticks = nice_ticks(ylo, yhi, (plot_h / m.px(70.0)).max(1.0));
    let y_texts = y_ticks.labels(lang);
    let y_label_w = y_texts
        .iter()
        .map(|t| measure.text_width(t, m.px(m.theme.tick_font)))
        .fold(0.0, f64::max);
    let plot_x0 = pad + y_label_w + m.px(6.0);
    let plot_x1 = width - pad;
    let plot = Rect::new(plot_x0, plot_y0, plot_x1, plot_y1);
    if plot_x1 - plot_x0 < m.px(m.theme.min_plot)
        || plot_y1 - plot_y0 < m.px(m.theme.min_plot) * 0.6
    {
        return Err(LayoutError::TooSmall {
            width,
            height,
            plot_width: plot_x1 - plot_x0,
            plot_height: plot_y1 - plot_y0,
        });
    }
    let transform = view.with_plot_rect(plot)?;

    let y_positions: Vec<f64> = y_ticks
        .values
        .iter()
        .map(|&v| transform.to_px(0.0, v).1)
        .collect();
    let y_labels: Vec<TextBox> = y_texts
        .iter()
        .zip(&y_positions)
        .map(|(t, &py)| {
            let h = m.line(m.theme.tick_font);
            text_box(
                m,
                measure,
                t,
                m.px(m.theme.tick_font),
                plot_x0 - m.px(6.0),
                py - h / 2.0,
                HAlign::Right,
            )
        })
        .collect();
    let y_axis = AxisLayout {
        ticks: y_ticks,
        positions: y_positions,
        labels: y_labels,
        title: y_title,
    };

    let x_axis = layout_x_axis(&transform, lang, m, measure, width, height);

    let (cx, cy) = scene.crosshair;
    let crosshair = layout_crosshair(&transform, (cx, cy), lang, m, measure);
    let tints = quadrant_regions(&transform, (cx, cy));

    let (points, stray_whiskers) = place_points(scene, &transform, m);
    let arrows = place_arrows(scene, &transform, &points, dpr);

    let mut occ = Occupancy::default();
    for (i, p) in points.iter().enumerate() {
        occ.boxes.push((p.marker_box(dpr), Some(i)));
    }
    // A's markers and the arrows are taken like markers and leader lines: no label covers them.
    for a in &arrows {
        let own = points.iter().position(|p| p.role == a.role);
        if a.from_visible {
            occ.boxes.push((a.from_box(dpr), own));
        }
        if let Some(seg) = a.segment {
            occ.leaders.push(seg);
        }
    }
    for tb in [&crosshair.x_label, &crosshair.y_label]
        .into_iter()
        .flatten()
    {
        occ.boxes.push((tb.rect, None));
    }
    let quadrant_names = place_quadrant_names(&tints, lang, m, measure, &mut occ, plot);
    let (labels, unlabelled) = place_labels(scene, &points, &crosshair, plot, m, measure, &mut occ);

    Ok(QuadrantLayout {
        width,
        height,
        dpr,
        plot,
        transform,
        x_axis,
        y_axis,
        crosshair,
        tints,
        quadrant_names,
        legend,
        points,
        stray_whiskers,
        labels,
        arrows,
        unlabelled,
    })
}

/// The comparison's arrows: from A's position to the edge of B's marker, clipped to the plot.
fn place_arrows(
    scene: &QuadrantScene,
    t: &ViewTransform,
    points: &[PlacedPoint],
    dpr: f64,
) -> Vec<PlacedArrow> {
    let Some(cmp) = &scene.compare else {
        return Vec::new();
    };
    let plot = t.plot_rect();
    cmp.arrows
        .iter()
        .map(|a| {
            let from = t.to_px(a.from.0, a.from.1);
            let to = t.to_px(a.to.0, a.to.1);
            let (dx, dy) = (to.0 - from.0, to.1 - from.1);
            let len = (dx * dx + dy * dy).sqrt();
            let b_r = points
                .iter()
                .find(|p| p.role == a.role)
                .map_or(0.0, |p| p.outer_radius(dpr));
            let a_r = (A_MARKER_R + 1.0) * dpr;
            // Too short to draw between the two markers: the markers say it all.
            let segment = (len > a_r + b_r + 2.0 * dpr)
                .then(|| {
                    let (ux, uy) = (dx / len, dy / len);
                    let p0 = (from.0 + ux * a_r, from.1 + uy * a_r);
                    let p1 = (to.0 - ux * b_r, to.1 - uy * b_r);
                    let (s0, s1) = crate::chart::geom::clip_params(p0, p1, &plot, false)?;
                    let at = |s: f64| (p0.0 + (p1.0 - p0.0) * s, p0.1 + (p1.1 - p0.1) * s);
                    Some((at(s0), at(s1)))
                })
                .flatten();
            PlacedArrow {
                role: a.role,
                from,
                to,
                segment,
                from_visible: t.contains_data(a.from.0, a.from.1),
                clear: a.clear,
                better: a.better(),
            }
        })
        .collect()
}

fn layout_legend(
    scene: &QuadrantScene,
    m: &Metrics,
    measure: &mut dyn TextMeasure,
    width: f64,
) -> Legend {
    let cat = catalogue();
    let lang = scene.lang;
    let mut kinds: Vec<(LegendKind, String)> = Category::ALL
        .iter()
        .map(|&c| {
            let info = cat.category(c);
            (
                LegendKind::Category(c),
                lang.pick(info.short_nl, info.short_en).to_string(),
            )
        })
        .collect();
    if scene.points.iter().any(|p| p.small_n) {
        kinds.push((LegendKind::SmallN, small_n_note(lang).to_string()));
    }
    if let Some(cmp) = &scene.compare {
        use crate::wording as w;
        let [a, b] = &cmp.names;
        kinds.push((LegendKind::SideA, a.clone()));
        kinds.push((LegendKind::SideB, b.clone()));
        kinds.push((LegendKind::Better, w::LEGEND_BETTER.get(lang).into()));
        kinds.push((LegendKind::Worse, w::LEGEND_WORSE.get(lang).into()));
        kinds.push((LegendKind::Unclear, w::LEGEND_UNCLEAR.get(lang).into()));
        if !cmp.quadrant_changes.is_empty() {
            kinds.push((LegendKind::Moves, w::LEGEND_MOVES.get(lang).into()));
        }
    }
    let pad = m.px(m.theme.pad);
    let font = m.px(m.theme.font);
    let row_h = m.line(m.theme.font);
    let r = m.px(MARKER_R);
    let swatch_w = 2.0 * r + m.px(5.0);
    let entry_gap = m.px(16.0);
    let right = width - pad;
    let (mut x, mut y) = (pad, pad);
    let mut entries = Vec::new();
    let mut max_x: f64 = pad;
    for (kind, text) in kinds {
        let w = swatch_w + measure.text_width(&text, font);
        // Wrap to a new row unless this is the first entry on the row.
        if x > pad && x + w > right {
            x = pad;
            y += row_h + m.px(2.0);
        }
        let tb = text_box(m, measure, &text, font, x + swatch_w, y, HAlign::Left);
        entries.push(LegendEntry {
            kind,
            swatch: (x + r, y + row_h / 2.0),
            radius: r,
            text: tb,
        });
        max_x = max_x.max(x + w);
        x += w + entry_gap;
    }
    Legend {
        rect: Rect::new(pad, pad, max_x, y + row_h),
        entries,
    }
}

fn layout_x_axis(
    t: &ViewTransform,
    lang: Lang,
    m: &Metrics,
    measure: &mut dyn TextMeasure,
    width: f64,
    height: f64,
) -> AxisLayout {
    let plot = t.plot_rect();
    let (lo, hi) = t.x_range();
    let font = m.px(m.theme.tick_font);
    let top = plot.y1 + m.px(4.0);
    let mut target = plot.width() / m.px(80.0);
    let (ticks, positions, labels) = loop {
        let ticks = nice_ticks(lo, hi, target.max(1.0));
        let positions: Vec<f64> = ticks.values.iter().map(|&v| t.to_px(v, 0.0).0).collect();
        let labels: Vec<TextBox> = ticks
            .labels(lang)
            .iter()
            .zip(&positions)
            .map(|(s, &px)| text_box(m, measure, s, font, px, top, HAlign::Center))
            .collect();
        let crowded = labels
            .windows(2)
            .any(|w| w[1].rect.x0 - w[0].rect.x1 < m.px(8.0));
        if !crowded || target <= 1.0 {
            break (ticks, positions, labels);
        }
        target *= 0.6;
    };
    // A label that would stick out of the element is dropped (its grid line stays).
    let labels = labels
        .into_iter()
        .map(|tb| (tb.rect.x0 >= 0.0 && tb.rect.x1 <= width).then_some(tb))
        .collect::<Vec<_>>();
    let title_top = height - m.px(m.theme.pad) - m.line(m.theme.font);
    let edge = m.px(m.theme.pad);
    let cx = (plot.x0 + plot.x1) / 2.0;
    let x_text = fit_width(
        x_axis_title(lang),
        crate::wording::LEGEND_IMPORTANCE.get(lang),
        2.0 * (cx - edge).min(width - edge - cx),
        m,
        measure,
    );
    let title = text_box(
        m,
        measure,
        &x_text,
        m.px(m.theme.font),
        cx,
        title_top,
        HAlign::Center,
    );
    let (positions, labels): (Vec<f64>, Vec<TextBox>) = positions
        .into_iter()
        .zip(labels)
        .filter_map(|(p, l)| l.map(|l| (p, l)))
        .unzip();
    // Keep ticks and positions aligned with the kept labels.
    let kept: Vec<f64> = ticks
        .values
        .iter()
        .copied()
        .filter(|&v| {
            positions
                .iter()
                .any(|&p| (t.to_px(v, 0.0).0 - p).abs() < 1e-9)
        })
        .collect();
    AxisLayout {
        ticks: Ticks {
            values: kept,
            ..ticks
        },
        positions,
        labels,
        title,
    }
}

fn layout_crosshair(
    t: &ViewTransform,
    (cx, cy): (f64, f64),
    lang: Lang,
    m: &Metrics,
    measure: &mut dyn TextMeasure,
) -> Crosshair {
    let plot = t.plot_rect();
    let (xlo, xhi) = t.x_range();
    let (ylo, yhi) = t.y_range();
    let font = m.px(m.theme.tick_font);
    let gap = m.px(4.0);
    let x = (cx.is_finite() && cx > xlo && cx < xhi).then(|| t.to_px(cx, 0.0).0);
    let y = (cy.is_finite() && cy > ylo && cy < yhi).then(|| t.to_px(0.0, cy).1);
    let x_label = x.and_then(|px| {
        let text = fmt_num(cx, lang);
        let mut tb = text_box(
            m,
            measure,
            &text,
            font,
            px + gap,
            plot.y0 + m.px(2.0),
            HAlign::Left,
        );
        if tb.rect.x1 > plot.x1 - m.px(2.0) {
            tb = text_box(
                m,
                measure,
                &text,
                font,
                px - gap,
                plot.y0 + m.px(2.0),
                HAlign::Right,
            );
        }
        plot.contains_rect(&tb.rect).then_some(tb)
    });
    let y_label = y.and_then(|py| {
        let text = fmt_num(cy, lang);
        let h = m.line(m.theme.tick_font);
        let mut tb = text_box(
            m,
            measure,
            &text,
            font,
            plot.x1 - gap,
            py - h - m.px(1.0),
            HAlign::Right,
        );
        if tb.rect.y0 < plot.y0 + m.px(2.0) {
            tb = text_box(
                m,
                measure,
                &text,
                font,
                plot.x1 - gap,
                py + m.px(1.0),
                HAlign::Right,
            );
        }
        plot.contains_rect(&tb.rect).then_some(tb)
    });
    Crosshair {
        x,
        y,
        x_label,
        y_label,
    }
}

/// The four quadrants clipped to the plot: keep_up top right (important, performing well),
/// overkill top left, low_priority bottom left, concentrate bottom right.
fn quadrant_regions(t: &ViewTransform, (cx, cy): (f64, f64)) -> Vec<(String, Rect)> {
    let plot = t.plot_rect();
    let (px, py) = t.to_px(cx, cy);
    // A non-finite crosshair puts everything in one quadrant rather than failing.
    let px = if px.is_finite() {
        crate::lean::number::clamp(px, plot.x0, plot.x1)
    } else {
        plot.x0
    };
    let py = if py.is_finite() {
        crate::lean::number::clamp(py, plot.y0, plot.y1)
    } else {
        plot.y1
    };
    let regions = [
        ("keep_up", Rect::new(px, plot.y0, plot.x1, py)),
        ("overkill", Rect::new(plot.x0, plot.y0, px, py)),
        ("low_priority", Rect::new(plot.x0, py, px, plot.y1)),
        ("concentrate", Rect::new(px, py, plot.x1, plot.y1)),
    ];
    regions
        .into_iter()
        .filter(|(_, r)| r.width() > 0.0 && r.height() > 0.0)
        .map(|(c, r)| (c.to_string(), r))
        .collect()
}

fn place_points(
    scene: &QuadrantScene,
    t: &ViewTransform,
    m: &Metrics,
) -> (Vec<PlacedPoint>, Vec<StrayWhisker>) {
    let plot = t.plot_rect();
    let mut out = Vec::new();
    let mut stray = Vec::new();
    let clip = |a: f64, b: f64, lo: f64, hi: f64| -> Option<Whisker> {
        if !a.is_finite() || !b.is_finite() {
            return None;
        }
        let (a, b) = (a.min(b), a.max(b));
        if b < lo || a > hi || b - a < 0.5 {
            return None;
        }
        Some(Whisker {
            from: a.max(lo),
            to: b.min(hi),
            cap_from: a >= lo,
            cap_to: b <= hi,
        })
    };
    for (index, p) in scene.points.iter().enumerate() {
        if !p.importance.is_finite() || !p.performance.is_finite() {
            continue;
        }
        let (x, y) = t.to_px(p.importance, p.performance);
        let whisker_x = p.importance_err.and_then(|(a, b)| {
            let (pa, pb) = (t.to_px(a, 0.0).0, t.to_px(b, 0.0).0);
            clip(pa, pb, plot.x0, plot.x1)
        });
        let whisker_y = p.performance_err.and_then(|(a, b)| {
            let (pa, pb) = (t.to_px(0.0, a).1, t.to_px(0.0, b).1);
            clip(pa, pb, plot.y0, plot.y1)
        });
        if !t.contains_data(p.importance, p.performance) {
            // Only the part of a whisker whose line runs through the plot.
            let across = [
                (true, y, plot.y0..=plot.y1, whisker_x),
                (false, x, plot.x0..=plot.x1, whisker_y),
            ];
            for (horizontal, at, inside, w) in across {
                if let (true, Some(whisker)) = (inside.contains(&at), w) {
                    stray.push(StrayWhisker {
                        role: p.role,
                        horizontal,
                        at,
                        whisker,
                    });
                }
            }
            continue;
        }
        // Hover stays out of the layout so labels do not jump as the pointer moves.
        let emphasis = scene.selected == Some(p.role);
        let ring = scene
            .compare
            .as_ref()
            .is_some_and(|c| c.quadrant_changes.contains(&p.role));
        out.push(PlacedPoint {
            ring,
            role: p.role,
            index,
            x,
            y,
            radius: m.px(if emphasis { MARKER_R_EMPH } else { MARKER_R }),
            category: p.category,
            small_n: p.small_n,
            emphasis,
            whisker_x,
            whisker_y,
        });
    }
    (out, stray)
}

/// The role under device pixel (px, py): the nearest marker within the hit radius, otherwise a
/// label box containing the pixel.
pub fn hit_test(layout: &QuadrantLayout, px: f64, py: f64) -> Option<u8> {
    if !px.is_finite() || !py.is_finite() {
        return None;
    }
    let reach = HIT_RADIUS * layout.dpr;
    let nearest = layout
        .points
        .iter()
        .map(|p| (p, ((p.x - px).powi(2) + (p.y - py).powi(2)).sqrt()))
        .filter(|(p, d)| *d <= reach.max(p.radius))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((p, _)) = nearest {
        return Some(p.role);
    }
    layout
        .labels
        .iter()
        .find(|l| l.rect.contains_point(px, py))
        .map(|l| l.role)
}
