//! Chartability's critical test "small text size": no text either chart draws is smaller than
//! 12 CSS px (9 pt) at the default text scale. Every text box of a layout is listed here and
//! checked; the list is checked against the SVG the same layout draws (as many `<text>`
//! elements, none with a smaller font-size), so a text drawn outside the list would fail.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

mod common;

use spco_roles::catalogue::Lang;
use spco_roles::chart::hierarchy::{
    layout_hierarchy, render_hierarchy_svg, Arrangement, ColorBy, HierView, HierarchyLayout,
    HierarchyScene,
};
use spco_roles::chart::{
    arial_measure, layout_quadrant, render_svg, DrawOptions, QuadrantLayout, QuadrantScene,
    TextBox, ViewTransform, MIN_TEXT_CSS,
};
use spco_roles::session::Attr;

/// Chartability's minimum, written out rather than read from the crate.
const MIN_CSS: f64 = 12.0;

const SIZES: [(f64, f64); 6] = [
    (1400.0, 480.0),
    (1200.0, 480.0),
    (800.0, 600.0),
    (390.0, 844.0),
    (320.0, 568.0),
    (360.0, 300.0),
];

fn quadrant_texts(l: &QuadrantLayout) -> Vec<&TextBox> {
    let mut v: Vec<&TextBox> = Vec::new();
    for a in [&l.x_axis, &l.y_axis] {
        v.extend(a.labels.iter());
        v.push(&a.title);
    }
    v.extend(l.crosshair.x_label.iter());
    v.extend(l.crosshair.y_label.iter());
    v.extend(l.quadrant_names.iter().map(|q| &q.text));
    v.extend(l.legend.entries.iter().map(|e| &e.text));
    v
}

fn hierarchy_texts(l: &HierarchyLayout) -> Vec<&TextBox> {
    let mut v: Vec<&TextBox> = Vec::new();
    for n in &l.nodes {
        v.extend(n.lines.iter());
        v.extend(n.toggle.iter().filter_map(|t| t.label.as_ref()));
    }
    if let Some(lg) = &l.legend {
        v.push(&lg.title);
        v.extend(lg.ticks.iter().map(|(_, t)| t));
        v.extend(lg.neutral.iter().map(|(_, t)| t));
    }
    v
}

/// The font sizes of the SVG's `<text>` elements (device px: the SVG backend writes the size
/// the painter asked for divided by the 1.24 it multiplied by, i.e. the text box's).
fn svg_font_sizes(svg: &str) -> Vec<f64> {
    svg.split("<text")
        .skip(1)
        .map(|t| {
            let a = t.split("font-size=\"").nth(1).expect("a font-size");
            a.split('"').next().unwrap().parse::<f64>().unwrap()
        })
        .collect()
}

fn check(tag: &str, texts: &[&TextBox], dpr: f64, svg: &str, failures: &mut Vec<String>) {
    assert!(!texts.is_empty(), "{tag}: no text at all");
    for t in texts {
        if t.font_px < MIN_CSS * dpr - 1e-9 {
            failures.push(format!("{tag}: {:?} at {} px", t.text, t.font_px / dpr));
        }
    }
    let drawn: Vec<&&TextBox> = texts.iter().filter(|t| !t.text.is_empty()).collect();
    let sizes = svg_font_sizes(svg);
    if sizes.len() != drawn.len() {
        failures.push(format!(
            "{tag}: the SVG has {} texts, the layout lists {}",
            sizes.len(),
            drawn.len()
        ));
    }
    for s in sizes {
        if s < MIN_CSS * dpr - 0.05 {
            failures.push(format!("{tag}: SVG text of {} px", s / dpr));
        }
    }
}

fn quadrant_scene() -> QuadrantScene {
    common::reconstructed_session().scene()
}

fn hierarchy_scene(arr: Arrangement, lang: Lang, collapse: bool) -> HierarchyScene {
    let mut s = common::table3_hierarchy(arr, lang, ColorBy::Gap);
    if collapse {
        // A collapsed spearhead role and kind: their toggles carry "+n" labels.
        let ids: Vec<_> = match arr {
            Arrangement::Spearheads => vec![102, 201],
            Arrangement::Categories => vec![401],
        };
        s.collapsed.extend(ids);
    }
    s
}

#[test]
fn the_theme_is_at_least_chartabilitys_minimum() {
    assert_eq!(MIN_TEXT_CSS, MIN_CSS);
    let t = spco_roles::chart::Theme::default();
    for f in [
        t.font,
        t.tick_font,
        t.label_font,
        t.number_font,
        t.small_font,
    ] {
        assert!(f >= MIN_CSS, "{f}");
    }
}

#[test]
fn no_quadrant_text_is_below_12_css_px() {
    let scene = quadrant_scene();
    let mut failures = Vec::new();
    let (mut m, opts) = (arial_measure(), DrawOptions::svg());
    for (w, h) in SIZES {
        for dpr in [1.0, 2.0] {
            for view in [
                ViewTransform::full(),
                ViewTransform::report(),
                ViewTransform::fit(&scene.points),
            ] {
                let l = layout_quadrant(
                    &scene,
                    &view,
                    ((w * dpr).round(), (h * dpr).round()),
                    dpr,
                    &mut arial_measure(),
                )
                .unwrap();
                let svg = render_svg(&scene, &view, (w, h, dpr), &mut m, &opts).unwrap();
                let mut texts = quadrant_texts(&l);
                let labels: Vec<TextBox> = l.labels.iter().map(|p| p.text_box()).collect();
                texts.extend(labels.iter());
                check(
                    &format!("quadrant {w}x{h}@{dpr}"),
                    &texts,
                    dpr,
                    &svg,
                    &mut failures,
                );
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_hierarchy_text_is_below_12_css_px() {
    let mut failures = Vec::new();
    let (mut m, opts) = (arial_measure(), DrawOptions::svg());
    for arr in [Arrangement::Spearheads, Arrangement::Categories] {
        for lang in [Lang::En, Lang::Nl] {
            for collapse in [false, true] {
                let scene = hierarchy_scene(arr, lang, collapse);
                for (w, h) in SIZES {
                    for dpr in [1.0, 2.0] {
                        let view = HierView::fit();
                        let size = ((w * dpr).round(), (h * dpr).round());
                        let l = layout_hierarchy(&scene, &view, size, dpr, &mut arial_measure())
                            .unwrap();
                        let dims = (w, h, dpr);
                        let svg = render_hierarchy_svg(&scene, &view, dims, &mut m, &opts).unwrap();
                        let tag = format!("{arr:?} {lang:?} {collapse} {w}x{h}@{dpr}");
                        check(&tag, &hierarchy_texts(&l), dpr, &svg, &mut failures);
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// The same through the session at text-scale 1 (what the element draws), in the quadrant chart
// and the hierarchy, Dutch: the chart's own scene building, not only the test's.
#[test]
fn the_session_draws_nothing_below_12_css_px() {
    for view in ["quadrant", "hierarchy"] {
        let mut s = common::reconstructed_session();
        let mut settings = s.settings().clone();
        settings.set(Attr::View, Some(view)).unwrap();
        settings.set(Attr::TextScale, Some("1")).unwrap();
        s.set_settings(settings).unwrap();
        s.resize(390.0, 844.0, 1.0);
        let mut m = arial_measure();
        let svg = s.svg_like_canvas(&mut m).unwrap();
        let sizes = svg_font_sizes(&svg);
        assert!(sizes.len() > 10, "{view}: {} texts", sizes.len());
        for f in sizes {
            assert!(f >= MIN_CSS - 0.05, "{view}: {f}");
        }
    }
}

// Larger text (a reader's 20-24 px font, text scale 1.25-1.5) on a phone: the axis titles are
// cut with an ellipsis inside the element, never dropped (the painter skips a text that leaves
// the canvas; at 390 px and 1.25x both titles were missing).
#[test]
fn axis_titles_are_cut_not_dropped_with_larger_text() {
    let scene = quadrant_scene();
    for scale in [1.0, 1.25, 1.5, 2.0] {
        for w in [320.0, 390.0] {
            let view = ViewTransform::full();
            let l =
                layout_quadrant(&scene, &view, (w, 844.0), scale, &mut arial_measure()).unwrap();
            for t in [&l.x_axis.title, &l.y_axis.title] {
                assert!(
                    t.rect.x0 >= 0.0 && t.rect.x1 <= w && t.text.chars().count() >= 8,
                    "{scale} {w}: {:?} {:?}",
                    t.text,
                    t.rect
                );
            }
        }
    }
}

// A title too wide for a small phone shows its short form, with the scale's range, rather than
// the long one cut mid-parenthesis ("Importance (1 = unimportant … 9 = cru…"); one that fits
// keeps its long form.
#[test]
fn axis_titles_too_wide_show_their_range() {
    let scene = quadrant_scene();
    let view = ViewTransform::full();
    let title = |w: f64, scale: f64| {
        let l = layout_quadrant(&scene, &view, (w, 844.0), scale, &mut arial_measure()).unwrap();
        (l.x_axis.title.text, l.y_axis.title.text)
    };
    let (x, y) = title(900.0, 1.0);
    assert!(
        x.starts_with("Importance (1 = ") && y.starts_with("Performance (1 = "),
        "{x} / {y}"
    );
    assert_eq!(
        title(246.0, 1.0),
        (
            "Importance (mean, 1–9)".into(),
            "Performance (mean, 1–5)".into()
        )
    );
}
