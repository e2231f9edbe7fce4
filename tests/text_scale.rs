//! `text-scale`: the factor it resolves to, and drawing at the odd device-pixel ratios it makes.
#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)
mod common;

use spco_roles::chart::{Screen, TextScale, Theme};
use spco_roles::session::{Attr, Settings};

#[test]
fn auto_keeps_ordinary_pages_and_grows_for_a_room() {
    let small = Screen {
        onscreen_height: 400.0,
        layout_height: 400.0,
        viewport_width: 1920.0,
        viewport_height: 1080.0,
        font: 0.0,
    };
    assert_eq!(TextScale::Auto.factor(small), 1.0);
    // Fullscreen at 1080p, untransformed: label line boxes reach 1080 / 50 = 21.6 px.
    let full = Screen {
        onscreen_height: 1080.0,
        layout_height: 1080.0,
        viewport_width: 1920.0,
        viewport_height: 1080.0,
        font: 0.0,
    };
    let f = TextScale::Auto.factor(full);
    let t = Theme::default();
    assert!((t.label_font * t.line * f - 21.6).abs() < 1e-9, "{f}");
    // On a slide scaled 1.2x the transform already does part of it.
    let slide = Screen {
        onscreen_height: 972.0,
        layout_height: 810.0,
        viewport_width: 1920.0,
        viewport_height: 1080.0,
        font: 0.0,
    };
    let g = TextScale::Auto.factor(slide);
    assert!((t.label_font * t.line * g * 1.2 - 21.6).abs() < 1e-9, "{g}");
    assert_eq!(TextScale::Fixed(1.5).factor(small), 1.5);
}

// At 1920x1080 the demo's hierarchy (a 680 px element) once never showed: its plot, 597 px,
// just filled the share of the viewport that reads as a slide; the larger text grew the badge
// below it, the plot shrank to 591 px, the text went back, and so on every frame, each resize
// clearing the canvas. The choice is the element's now, whose size never depends on its content.
#[test]
fn auto_is_the_elements_choice_and_holds_while_the_plot_resizes() {
    let element = |on: f64, vp: f64| Screen {
        onscreen_height: on,
        layout_height: on,
        viewport_width: vp * 16.0 / 9.0,
        viewport_height: vp,
        font: 0.0,
    };
    // A page's chart: the demo's 680 px at 1080p, the default 480 px on an 800 px viewport.
    assert_eq!(TextScale::Auto.factor(element(680.0, 1080.0)), 1.0);
    assert_eq!(TextScale::Auto.factor(element(480.0, 800.0)), 1.0);
    // A slide or fullscreen: 21.6 px line boxes at 1080p, 1.44x the theme's 15 px.
    assert!(TextScale::Auto.factor(element(1000.0, 1080.0)) > 1.4);
    // A portrait phone (390x844) whose chart fills it is in the hand, not on a wall: at 1.13x
    // the demo's hierarchy cut "Strategy &" to "Str…".
    let phone = Screen {
        viewport_width: 390.0,
        ..element(680.0, 844.0)
    };
    assert_eq!(TextScale::Auto.factor(phone), 1.0);
    assert!(TextScale::Auto.factor(element(680.0, 844.0)) > 1.1);
    let mut s = common::reconstructed_session();
    s.set_screen(element(1000.0, 1080.0));
    let mut seen = vec![];
    for plot in [597.0, 591.0, 597.0] {
        s.resize(1366.0, plot, 1.0);
        seen.push(s.size().text_scale);
    }
    assert!(seen.iter().all(|&f| f == seen[0] && f > 1.4), "{seen:?}");
}

// Chartability's "user style change": a reader's (or page's) 20 px font makes the chart's text
// 1.25x; a page's 13 px body text does not shrink it below the theme; `text-scale` multiplies.
#[test]
fn the_users_font_size_reaches_the_canvas() {
    let at = |font: f64| Screen {
        onscreen_height: 400.0,
        layout_height: 400.0,
        viewport_width: 1920.0,
        viewport_height: 1080.0,
        font,
    };
    assert_eq!(TextScale::Auto.factor(at(20.0 / 16.0)), 1.25);
    assert_eq!(TextScale::Auto.factor(at(13.0 / 16.0)), 1.0);
    assert_eq!(TextScale::Auto.factor(at(f64::NAN)), 1.0);
    assert_eq!(TextScale::Fixed(1.5).factor(at(1.25)), 1.875);
    assert_eq!(TextScale::Fixed(3.0).factor(at(2.0)), 4.0);
    // Fullscreen: the larger of the two.
    let full = |font: f64| Screen {
        onscreen_height: 1080.0,
        layout_height: 1080.0,
        viewport_width: 1920.0,
        viewport_height: 1080.0,
        font,
    };
    let presenter = TextScale::Auto.factor(full(0.0));
    assert!(presenter > 1.25);
    assert_eq!(TextScale::Auto.factor(full(1.25)), presenter);
    assert_eq!(TextScale::Auto.factor(full(3.0)), 3.0);
    let mut s = common::reconstructed_session();
    s.resize(900.0, 600.0, 1.0);
    s.set_screen(at(1.5));
    assert_eq!(s.size().text_scale, 1.5);
}

#[test]
fn text_scale_parses_and_refuses() {
    let mut s = Settings::default();
    s.set(Attr::TextScale, Some("1.5")).unwrap();
    assert_eq!(s.text_scale, TextScale::Fixed(1.5));
    s.set(Attr::TextScale, Some("auto")).unwrap();
    assert_eq!(s.text_scale, TextScale::Auto);
    for bad in ["huge", "0", "9", "-1"] {
        let e = s.set(Attr::TextScale, Some(bad)).unwrap_err();
        assert!(e.to_string().contains("text-scale"), "{e}");
    }
}

// A dashed crosshair at a ratio of 1.0017 once never finished drawing (a rounding step too small
// to move on); a fullscreen element at 720 px gave that ratio with 11.5 px labels, 751.3 px does
// with 12 px ones.
#[test]
fn draws_at_the_ratio_auto_gives_a_720px_fullscreen() {
    let mut s = common::reconstructed_session();
    s.resize(900.0, 600.0, 1.0);
    s.set_screen(Screen {
        onscreen_height: 600.0,
        layout_height: 600.0,
        viewport_width: 1920.0,
        viewport_height: 751.3,
        font: 0.0,
    });
    assert!(
        (s.size().text_scale - 1.0017).abs() < 1e-3,
        "{}",
        s.size().text_scale
    );
    let mut m = spco_roles::chart::arial_measure();
    let mut out = String::new();
    {
        let mut b = plotters::prelude::SVGBackend::with_string(&mut out, (900, 600));
        s.draw(&mut b, &mut m, 0.0).unwrap();
    }
    assert!(out.contains("<svg"));
}

// A reader's 200% default font in the demo's 560 px element at 1366x768: the plot left by the
// controls and the number key had no room for 2x text, and the element said "too small". The
// chart's text now steps down until the chart fits with a plot of half the canvas' height or
// more; the requested scale stays the element's (the key and the tooltip keep it).
#[test]
fn a_large_reader_font_shrinks_the_chart_text_before_the_chart() {
    let mut m = spco_roles::chart::arial_measure();
    let mut s = common::reconstructed_session();
    let mut out = String::new();
    let mut label_box = |s: &mut spco_roles::session::Session, w: f64, h: f64| {
        s.resize(w, h, 1.0);
        s.set_screen(Screen {
            onscreen_height: 560.0,
            layout_height: 560.0,
            viewport_width: 1366.0,
            viewport_height: 768.0,
            font: 2.0,
        });
        let mut b = plotters::prelude::SVGBackend::with_string(&mut out, (w as u32, h as u32));
        s.draw(&mut b, &mut m, 0.0).unwrap();
        assert_eq!(s.size().text_scale, 2.0, "the element's scale is unchanged");
        if s.too_small() {
            return None;
        }
        let l = s.layout_css().unwrap();
        assert!(!l.points.is_empty());
        assert!(
            l.plot.h * 2.0 >= h || l.labels[0].h < 15.01,
            "{w}x{h}: plot {}",
            l.plot.h
        );
        // Role labels' line boxes: 15 px at 1x, 30 at 2x.
        Some(l.labels.iter().map(|b| b.h).fold(0.0, f64::max))
    };
    // The demo's case: 1x text with a plot, where 2x said "too small".
    let h = label_box(&mut s, 620.0, 240.0).expect("a chart, not too small");
    assert!((15.0..30.0).contains(&h), "{h}");
    // With more room, larger text.
    let h = label_box(&mut s, 620.0, 520.0).expect("a chart");
    assert!(h > 15.5 && h <= 30.0, "{h}");
    // An element too small even at 1x still says so.
    assert_eq!(label_box(&mut s, 620.0, 60.0), None);
    // A page's own `text-scale` is kept while the chart fits at it, however small the plot.
    let mut set = Settings::default();
    set.set(Attr::TextScale, Some("1")).unwrap();
    s.set_settings(set).unwrap();
    let h = label_box(&mut s, 620.0, 520.0).expect("a chart");
    assert!((h - 30.0).abs() < 0.01, "{h}");
}
