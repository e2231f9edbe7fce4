//! The legend stage: below the plot, the title of what colours the boxes, a colour ramp with
//! its lowest, middle and highest values, and (when there is room) the swatch for nodes
//! without a value.

use crate::catalogue::Lang;
use crate::chart::text::ellipsize;
use crate::chart::{fmt_num, HAlign, Metrics, Rect, Rgb, TextBox, TextMeasure};

use super::super::color::{ColorScale, NEUTRAL, UNCLEAR};
use super::super::{ColorBy, HierarchyScene};
use super::{HierLegend, LEGEND_H};

/// The ramp's widest and its height, in CSS px.
const LEGEND_BAR_W: f64 = 200.0;
const LEGEND_BAR_H: f64 = 9.0;
/// Steps of the ramp: enough that neighbouring steps look continuous.
const RAMP_STEPS: usize = 48;

fn legend_title(c: ColorBy, lang: Lang) -> &'static str {
    match c {
        ColorBy::Importance => crate::wording::LEGEND_IMPORTANCE.get(lang),
        ColorBy::Performance => crate::wording::LEGEND_PERFORMANCE.get(lang),
        ColorBy::Gap => crate::wording::LEGEND_GAP.get(lang),
    }
}

/// The legend in the strip below the plot of an element of `size_px` device px; None when
/// not even a short ramp fits.
pub(super) fn layout_legend(
    scene: &HierarchyScene,
    scale: &ColorScale,
    (width, height): (f64, f64),
    m: &Metrics,
    measure: &mut dyn TextMeasure,
) -> Option<HierLegend> {
    let s = m.dpr;
    let pad = m.px(m.theme.pad_tight);
    let rect = Rect::new(
        pad,
        height - m.px(m.theme.pad_tight + LEGEND_H) + 4.0 * s,
        width - pad,
        height - pad,
    );
    let title = title_box(scene, &rect, m, measure);
    let tf = m.px(m.theme.small_font);
    // Half the tick label width is kept on both ends so that the end labels stay inside.
    let lo_txt = fmt_num(scale.lo, scene.lang);
    let hi_txt = fmt_num(scale.hi, scene.lang);
    let end_w = measure
        .text_width(&lo_txt, tf)
        .max(measure.text_width(&hi_txt, tf))
        / 2.0;
    let neutral_txt = match scene.compare {
        Some(_) => crate::wording::NOT_CLEAR_SWATCH.get(scene.lang),
        None => crate::wording::NO_VALUE.get(scene.lang),
    };
    let nw = measure.text_width(neutral_txt, tf) + 16.0 * s;
    let avail = rect.width();
    let bar_x0 = rect.x0 + end_w;
    let mut bar_w = (LEGEND_BAR_W * s).min(avail - 2.0 * end_w - nw - 12.0 * s);
    let show_neutral = bar_w >= 60.0 * s;
    if !show_neutral {
        bar_w = (LEGEND_BAR_W * s).min(avail - 2.0 * end_w);
    }
    if bar_w < 30.0 * s {
        return None;
    }
    let by = title.rect.y1 + 3.0 * s;
    let bar = Rect::new(bar_x0, by, bar_x0 + bar_w, by + LEGEND_BAR_H * s);
    let neutral = show_neutral.then(|| {
        let x0 = bar.x1 + end_w + 12.0 * s;
        neutral_swatch(
            neutral_txt,
            Rect::new(x0, bar.y0, x0 + 12.0 * s, bar.y1),
            m,
            measure,
        )
    });
    Some(HierLegend {
        rect,
        title,
        ramp: ramp(scale, &bar, bar_w),
        ticks: ticks(scene.lang, scale, &bar, bar_w, m, measure),
        neutral,
        swatch: if scene.compare.is_some() {
            UNCLEAR
        } else {
            NEUTRAL
        },
    })
}

/// The title at the legend's top left; when wider than the legend, without its parenthesis,
/// then cut with an ellipsis.
fn title_box(
    scene: &HierarchyScene,
    rect: &Rect,
    m: &Metrics,
    measure: &mut dyn TextMeasure,
) -> TextBox {
    let lf = m.px(m.theme.tick_font);
    let lh = lf * m.theme.line;
    let mut title = match &scene.compare {
        Some(c) => crate::wording::legend_difference(
            scene.lang,
            c.scale == ColorBy::Performance,
            [&c.names[0], &c.names[1]],
        ),
        None => legend_title(scene.color_by, scene.lang).to_string(),
    };
    let avail = rect.width();
    // Too wide (a phone): the parenthesis goes first, whole, since the ramp below shows what
    // its words say; only a title still too wide is cut mid-word.
    if measure.text_width(&title, lf) > avail {
        let head: String = title.chars().take_while(|&c| c != '(').collect();
        title = ellipsize(&head, avail, lf, measure);
    }
    let tw = measure.text_width(&title, lf);
    TextBox {
        text: title,
        rect: Rect::new(rect.x0, rect.y0, rect.x0 + tw, rect.y0 + lh),
        font_px: lf,
        align: HAlign::Left,
    }
}

/// The ramp as small rectangles, each in the colour of its middle value. `bar_w` is the
/// width the bar was made with (`bar.width()` can differ from it in the last bit).
fn ramp(scale: &ColorScale, bar: &Rect, bar_w: f64) -> Vec<(Rect, Rgb)> {
    (0..RAMP_STEPS)
        .map(|i| {
            let t0 = i as f64 / RAMP_STEPS as f64;
            let t1 = (i + 1) as f64 / RAMP_STEPS as f64;
            let v = scale.lo + (t0 + t1) / 2.0 * (scale.hi - scale.lo);
            (
                Rect::new(bar.x0 + t0 * bar_w, bar.y0, bar.x0 + t1 * bar_w, bar.y1),
                scale.color(v),
            )
        })
        .collect()
}

/// The lowest, middle and highest value under the ramp, each at its x.
fn ticks(
    lang: Lang,
    scale: &ColorScale,
    bar: &Rect,
    bar_w: f64,
    m: &Metrics,
    measure: &mut dyn TextMeasure,
) -> Vec<(f64, TextBox)> {
    let (s, tf) = (m.dpr, m.px(m.theme.small_font));
    let mid = (scale.lo + scale.hi) / 2.0;
    [scale.lo, mid, scale.hi]
        .iter()
        .map(|&v| {
            let txt = fmt_num(v, lang);
            let w = measure.text_width(&txt, tf);
            let x = bar.x0 + scale.t(v) * bar_w;
            let y0 = bar.y1 + 1.0 * s;
            (
                x,
                TextBox {
                    text: txt,
                    rect: Rect::new(x - w / 2.0, y0, x + w / 2.0, y0 + tf * m.theme.line),
                    font_px: tf,
                    align: HAlign::Center,
                },
            )
        })
        .collect()
}

/// The "no value" swatch `sw` and its label to the right.
fn neutral_swatch(
    text: &str,
    sw: Rect,
    m: &Metrics,
    measure: &mut dyn TextMeasure,
) -> (Rect, TextBox) {
    let (s, tf) = (m.dpr, m.px(m.theme.small_font));
    let tw = measure.text_width(text, tf);
    let (_, cy) = sw.center();
    let h = tf * m.theme.line;
    (
        sw,
        TextBox {
            text: text.to_string(),
            rect: Rect::new(
                sw.x1 + 4.0 * s,
                cy - h / 2.0,
                sw.x1 + 4.0 * s + tw,
                cy + h / 2.0,
            ),
            font_px: tf,
            align: HAlign::Left,
        },
    )
}
