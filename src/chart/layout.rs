//! Layout: margins, plot rectangle, ticks, point positions and collision-free label placement.
//!
//! Everything is in device pixels; CSS sizes are multiplied by the device-pixel ratio so that the
//! chart looks the same on every screen. The result is a plain value the drawing code and the hit
//! test read; nothing here draws.

use thiserror::Error;

use super::paint::cos_sin_pi8;
use super::text::TextMeasure;
use super::ticks::{fmt_num, nice_ticks, Ticks};
use super::view::{Rect, ViewError, ViewTransform};
use super::{small_n_note, x_axis_title, y_axis_title, QuadrantScene};
use crate::catalogue::{catalogue, Category, Lang};
use crate::lean::number::Num;

/// Sizes in CSS pixels; multiplied by dpr.
const PAD: f64 = 12.0;
const FONT: f64 = 12.0;
const TICK_FONT: f64 = 11.0;
const LABEL_FONT: f64 = 11.5;
const NUMBER_FONT: f64 = 11.0;
const QUAD_FONT: f64 = 11.5;
const LINE: f64 = 1.25;
const MARKER_R: f64 = 4.5;
const MARKER_R_EMPH: f64 = 6.5;
/// Gap between a marker's edge and its label.
const LABEL_GAP: f64 = 3.0;
/// Free space kept around every placed label.
const CLEARANCE: f64 = 1.0;
/// Pointer radius for hit testing.
const HIT_RADIUS: f64 = 10.0;
/// Minimum plot size that still makes sense.
const MIN_PLOT: f64 = 60.0;

#[derive(Clone, Debug, PartialEq, Error)]
pub enum LayoutError {
    #[error("element size {} x {} px at dpr {} is not usable", Num(*.width), Num(*.height), Num(*.dpr))]
    BadSize { width: f64, height: f64, dpr: f64 },
    #[error(
        "element {} x {} px leaves a plot of {} x {} px, too small to draw",
        Num(*.width), Num(*.height), Num(*.plot_width), Num(*.plot_height)
    )]
    TooSmall {
        width: f64,
        height: f64,
        plot_width: f64,
        plot_height: f64,
    },
    #[error(transparent)]
    View(#[from] ViewError),
}

/// Horizontal text alignment within a box (and at its anchor).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HAlign {
    Left,
    Center,
    Right,
}

/// A single line of text and the box it occupies (width as measured, height one line).
#[derive(Clone, Debug, PartialEq)]
pub struct TextBox {
    pub text: String,
    pub rect: Rect,
    pub font_px: f64,
    pub align: HAlign,
}

impl TextBox {
    fn new(text: String, rect: Rect, font_px: f64, align: HAlign) -> TextBox {
        TextBox {
            text,
            rect,
            font_px,
            align,
        }
    }

    /// Where to anchor the text when drawing (vertical centre, aligned per `align`).
    pub fn anchor(&self) -> (f64, f64) {
        let y = (self.rect.y0 + self.rect.y1) / 2.0;
        let x = match self.align {
            HAlign::Left => self.rect.x0,
            HAlign::Center => (self.rect.x0 + self.rect.x1) / 2.0,
            HAlign::Right => self.rect.x1,
        };
        (x, y)
    }
}

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
    /// Horizontal whisker at height `y`.
    pub whisker_x: Option<Whisker>,
    /// Vertical whisker at `x`.
    pub whisker_y: Option<Whisker>,
}

impl PlacedPoint {
    /// Radius of everything drawn for the marker: white outline, and the ring when emphasised.
    pub fn outer_radius(&self, dpr: f64) -> f64 {
        self.radius + if self.emphasis { 4.5 } else { 1.5 } * dpr
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
}

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
    /// Roles of visible points that got no label at all (only when the plot is crowded beyond
    /// any free space).
    pub unlabelled: Vec<u8>,
}

struct Metrics {
    dpr: f64,
}

impl Metrics {
    fn px(&self, css: f64) -> f64 {
        css * self.dpr
    }
    fn line(&self, font_css: f64) -> f64 {
        self.px(font_css) * LINE
    }
}

fn text_box(
    measure: &mut dyn TextMeasure,
    text: &str,
    font_px: f64,
    x: f64,
    y_top: f64,
    align: HAlign,
) -> TextBox {
    let w = measure.text_width(text, font_px).max(0.0);
    let h = font_px * LINE;
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
        || !(0.25..=8.0).contains(&dpr)
    {
        return Err(LayoutError::BadSize { width, height, dpr });
    }
    let m = Metrics { dpr };
    let lang = scene.lang;
    let pad = m.px(PAD);

    let legend = layout_legend(scene, &m, measure, width);
    let y_title_top = legend.rect.y1 + m.px(6.0);
    let y_title = text_box(
        measure,
        y_axis_title(lang),
        m.px(FONT),
        pad,
        y_title_top,
        HAlign::Left,
    );
    let plot_y0 = y_title.rect.y1 + m.px(10.0);
    let x_title_h = m.line(FONT);
    let tick_h = m.line(TICK_FONT);
    let plot_y1 = height - pad - x_title_h - m.px(6.0) - tick_h - m.px(4.0);

    // y ticks depend only on the plot height; their label widths then set the left margin.
    let (ylo, yhi) = view.y_range();
    let plot_h = plot_y1 - plot_y0;
    let y_ticks = nice_ticks(ylo, yhi, (plot_h / m.px(70.0)).max(1.0));
    let y_texts = y_ticks.labels(lang);
    let y_label_w = y_texts
        .iter()
        .map(|t| measure.text_width(t, m.px(TICK_FONT)))
        .fold(0.0, f64::max);
    let plot_x0 = pad + y_label_w + m.px(6.0);
    let plot_x1 = width - pad;
    let plot = Rect::new(plot_x0, plot_y0, plot_x1, plot_y1);
    if plot_x1 - plot_x0 < m.px(MIN_PLOT) || plot_y1 - plot_y0 < m.px(MIN_PLOT) * 0.6 {
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
            let h = m.line(TICK_FONT);
            text_box(
                measure,
                t,
                m.px(TICK_FONT),
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

    let x_axis = layout_x_axis(&transform, lang, &m, measure, width, height);

    let (cx, cy) = scene.crosshair;
    let crosshair = layout_crosshair(&transform, (cx, cy), lang, &m, measure);
    let tints = quadrant_regions(&transform, (cx, cy));

    let (points, stray_whiskers) = place_points(scene, &transform, &m);

    let mut occ = Occupancy::default();
    for (i, p) in points.iter().enumerate() {
        occ.boxes.push((p.marker_box(dpr), Some(i)));
    }
    for tb in [&crosshair.x_label, &crosshair.y_label]
        .into_iter()
        .flatten()
    {
        occ.boxes.push((tb.rect, None));
    }
    let quadrant_names = place_quadrant_names(&tints, lang, &m, measure, &mut occ, plot);
    let (labels, unlabelled) =
        place_labels(scene, &points, &crosshair, plot, &m, measure, &mut occ);

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
        unlabelled,
    })
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
    let pad = m.px(PAD);
    let font = m.px(FONT);
    let row_h = m.line(FONT);
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
        let tb = text_box(measure, &text, font, x + swatch_w, y, HAlign::Left);
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
    let font = m.px(TICK_FONT);
    let top = plot.y1 + m.px(4.0);
    let mut target = plot.width() / m.px(80.0);
    let (ticks, positions, labels) = loop {
        let ticks = nice_ticks(lo, hi, target.max(1.0));
        let positions: Vec<f64> = ticks.values.iter().map(|&v| t.to_px(v, 0.0).0).collect();
        let labels: Vec<TextBox> = ticks
            .labels(lang)
            .iter()
            .zip(&positions)
            .map(|(s, &px)| text_box(measure, s, font, px, top, HAlign::Center))
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
    let title_top = height - m.px(PAD) - m.line(FONT);
    let title = text_box(
        measure,
        x_axis_title(lang),
        m.px(FONT),
        (plot.x0 + plot.x1) / 2.0,
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
    let font = m.px(TICK_FONT);
    let gap = m.px(4.0);
    let x = (cx.is_finite() && cx > xlo && cx < xhi).then(|| t.to_px(cx, 0.0).0);
    let y = (cy.is_finite() && cy > ylo && cy < yhi).then(|| t.to_px(0.0, cy).1);
    let x_label = x.and_then(|px| {
        let text = fmt_num(cx, lang);
        let mut tb = text_box(
            measure,
            &text,
            font,
            px + gap,
            plot.y0 + m.px(2.0),
            HAlign::Left,
        );
        if tb.rect.x1 > plot.x1 - m.px(2.0) {
            tb = text_box(
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
        let h = m.line(TICK_FONT);
        let mut tb = text_box(
            measure,
            &text,
            font,
            plot.x1 - gap,
            py - h - m.px(1.0),
            HAlign::Right,
        );
        if tb.rect.y0 < plot.y0 + m.px(2.0) {
            tb = text_box(
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
        out.push(PlacedPoint {
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

type Segment = ((f64, f64), (f64, f64));

/// Boxes (with the point they belong to, if any) and leader lines already taken.
#[derive(Default)]
struct Occupancy {
    boxes: Vec<(Rect, Option<usize>)>,
    leaders: Vec<Segment>,
}

impl Occupancy {
    fn box_free(&self, b: &Rect, clearance: f64) -> bool {
        // More room to the sides than above and below: two labels side by side with a hair
        // between them read as one phrase, stacked ones read as lines.
        let side = clearance * 5.0;
        let g = Rect::new(b.x0 - side, b.y0 - clearance, b.x1 + side, b.y1 + clearance);
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

/// Whether the segment passes through the interior of the rectangle.
fn segment_hits_rect(a: (f64, f64), b: (f64, f64), r: &Rect) -> bool {
    super::paint::clip_params(a, b, r, true).is_some()
}

fn segments_cross((a, b): Segment, (c, d): Segment) -> bool {
    let orient = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
        (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
    };
    let (d1, d2) = (orient(c, d, a), orient(c, d, b));
    let (d3, d4) = (orient(a, b, c), orient(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

fn place_quadrant_names(
    tints: &[(String, Rect)],
    lang: Lang,
    m: &Metrics,
    measure: &mut dyn TextMeasure,
    occ: &mut Occupancy,
    plot: Rect,
) -> Vec<QuadrantName> {
    let cat = catalogue();
    let font = m.px(QUAD_FONT);
    let inset = m.px(6.0);
    let mut out = Vec::new();
    for (code, region) in tints {
        let Some(info) = cat.quadrants.iter().find(|q| q.code == code) else {
            continue;
        };
        let text = lang.pick(info.short_nl, info.short_en);
        let top = region.y0 <= plot.y0 + 0.5;
        let right = region.x1 >= plot.x1 - 0.5;
        let h = m.line(QUAD_FONT);
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
            let tb = text_box(measure, text, font, x, y_top, align);
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
    leader: Option<Segment>,
}

/// Positions right next to the marker, best first.
fn near_candidates(p: &PlacedPoint, w: f64, h: f64, m: &Metrics) -> Vec<Candidate> {
    let g = p.outer_radius(m.dpr) + m.px(LABEL_GAP - 1.5);
    let d = g * 0.72;
    let (x, y) = (p.x, p.y);
    let mk = |x0: f64, y0: f64, align| Candidate {
        rect: Rect::from_size(x0, y0, w, h),
        align,
        leader: None,
    };
    vec![
        mk(x + g, y - h / 2.0, HAlign::Left),
        mk(x - g - w, y - h / 2.0, HAlign::Right),
        mk(x + d, y - d - h, HAlign::Left),
        mk(x + d, y + d, HAlign::Left),
        mk(x - d - w, y - d - h, HAlign::Right),
        mk(x - d - w, y + d, HAlign::Right),
        mk(x - w / 2.0, y - g - h, HAlign::Center),
        mk(x - w / 2.0, y + g, HAlign::Center),
        mk(x + g, y - h * 0.9, HAlign::Left),
        mk(x + g, y - h * 0.1, HAlign::Left),
        mk(x - g - w, y - h * 0.9, HAlign::Right),
        mk(x - g - w, y - h * 0.1, HAlign::Right),
    ]
}

/// Positions further out, joined to the marker by a leader line, nearest ring first.
fn far_candidates(p: &PlacedPoint, w: f64, h: f64, m: &Metrics, rings: &[f64]) -> Vec<Candidate> {
    let mut out = Vec::new();
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
                out.push(Candidate {
                    rect,
                    align,
                    leader: Some(leader_for(p, &rect, m)),
                });
            }
        }
    }
    out
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
fn sweep_candidates(p: &PlacedPoint, w: f64, h: f64, m: &Metrics, plot: Rect) -> Vec<Candidate> {
    let diag = (plot.width().powi(2) + plot.height().powi(2)).sqrt();
    let step = h.max(m.px(8.0));
    let mut rings = Vec::new();
    let mut r = m.px(24.0);
    while r < diag {
        rings.push(r / m.dpr);
        r += step;
    }
    far_candidates(p, w, h, m, &rings)
}

fn place_labels(
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
    let full_font = m.px(LABEL_FONT);
    let num_font = m.px(NUMBER_FONT);
    let full_w: Vec<f64> = points
        .iter()
        .map(|p| measure.text_width(&scene.points[p.index].label, full_font))
        .collect();

    let try_place = |i: usize,
                     cands: Vec<Candidate>,
                     soft_ok: bool,
                     strict: bool,
                     text: &str,
                     font: f64,
                     number_only: bool,
                     occ: &mut Occupancy|
     -> Option<PlacedLabel> {
        let p = &points[i];
        for c in cands {
            if !inner.contains_rect(&c.rect) || !occ.box_free(&c.rect, clearance) {
                continue;
            }
            if !soft_ok && soft.iter().any(|s| s.intersects(&c.rect)) {
                continue;
            }
            if let Some(seg) = c.leader {
                if strict && !occ.leader_free(seg, i) {
                    continue;
                }
            }
            occ.boxes.push((c.rect, None));
            if let Some(seg) = c.leader {
                occ.leaders.push(seg);
            }
            return Some(PlacedLabel {
                role: p.role,
                rect: c.rect,
                text: text.to_string(),
                leader: c.leader,
                number_only,
                font_px: font,
                align: c.align,
            });
        }
        None
    };

    let full_h = full_font * LINE;
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
            let c = near_candidates(&points[i], full_w[i], full_h, m);
            placed[i] = try_place(i, c, soft_ok, true, text, full_font, false, occ);
        }
    }
    // Pass 2: full labels further out with a leader.
    for &i in &order {
        if placed[i].is_some() || scene.points[points[i].index].label.is_empty() {
            continue;
        }
        let text = &scene.points[points[i].index].label;
        let c = far_candidates(&points[i], full_w[i], full_h, m, &[12.0, 24.0, 40.0]);
        placed[i] = try_place(i, c, true, true, text, full_font, false, occ);
    }
    // Pass 3: the role number alone, near, then with a leader, then anywhere free.
    let num_h = num_font * LINE;
    for &i in &order {
        if placed[i].is_some() {
            continue;
        }
        let p = &points[i];
        let text = p.role.to_string();
        let w = measure.text_width(&text, num_font);
        let mut c = near_candidates(p, w, num_h, m);
        c.extend(far_candidates(p, w, num_h, m, &[8.0, 16.0, 28.0]));
        placed[i] = try_place(i, c, true, true, &text, num_font, true, occ);
        if placed[i].is_none() {
            let c = sweep_candidates(p, w, num_h, m, plot);
            placed[i] = try_place(i, c, true, true, &text, num_font, true, occ);
        }
        // In a very crowded plot a leader may have to cross other things; boxes still never do.
        if placed[i].is_none() {
            let c = sweep_candidates(p, w, num_h, m, plot);
            placed[i] = try_place(i, c, true, false, &text, num_font, true, occ);
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

#[cfg(test)]
mod tests {
    use super::*;

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
                        leader: Some(leader_for(p, &rect, m)),
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
                whisker_x: None,
                whisker_y: None,
            };
            let m = Metrics { dpr };
            let rings = [6.0, 18.0, 40.0, 333.3];
            let got = far_candidates(&p, 57.0, 14.0, &m, &rings);
            let want = far_candidates_std(&p, 57.0, 14.0, &m, &rings);
            assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(&want) {
                assert_eq!(g.align, w.align);
                let (gr, wr) = (&g.rect, &w.rect);
                assert!(close(gr.x0, wr.x0) && close(gr.y0, wr.y0));
                assert!(close(gr.x1, wr.x1) && close(gr.y1, wr.y1));
                let (((a, b), (c, d)), ((e, f), (gg, hh))) = (g.leader.unwrap(), w.leader.unwrap());
                assert!(close(a, e) && close(b, f) && close(c, gg) && close(d, hh));
            }
        }
    }
}
