//! Layout tests on the report's Table 3 means: label placement never overlaps, culling, hit test,
//! and SVG rendering.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::catalogue::{catalogue, Lang};
use spco_roles::chart::{
    arial_measure, hit_test, layout_quadrant, render_svg, DrawOptions, LayoutError, QuadrantLayout,
    QuadrantPoint, QuadrantScene, Rect, ViewTransform,
};

/// Table 3: (role, importance mean, SD, performance mean, SD), copied from STUDY.md.
const TABLE3: [(u8, f64, f64, f64, f64); 14] = [
    (1, 7.37, 1.49, 3.39, 0.61),
    (2, 6.93, 2.05, 3.84, 0.81),
    (3, 6.70, 1.68, 3.42, 0.94),
    (4, 7.97, 0.91, 4.32, 0.69),
    (5, 7.63, 1.11, 3.52, 1.04),
    (6, 7.33, 1.40, 3.65, 0.78),
    (7, 6.80, 1.54, 3.06, 0.88),
    (8, 6.63, 1.66, 3.57, 0.80),
    (9, 6.57, 1.56, 3.42, 0.79),
    (10, 6.37, 2.15, 3.29, 0.89),
    (11, 4.90, 1.94, 3.03, 0.76),
    (12, 6.40, 2.22, 3.55, 0.84),
    (13, 5.50, 1.95, 3.17, 0.52),
    (14, 6.31, 1.88, 3.63, 0.75),
];

fn scene(lang: Lang) -> QuadrantScene {
    let cat = catalogue();
    QuadrantScene {
        points: TABLE3
            .iter()
            .map(|&(role, im, isd, pm, psd)| {
                let r = cat.role(role).unwrap();
                QuadrantPoint {
                    role,
                    importance: im,
                    performance: pm,
                    importance_err: Some((im - isd, im + isd)),
                    performance_err: Some((pm - psd, pm + psd)),
                    category: r.category,
                    label: format!("{role}  {}", r.short(lang)),
                    small_n: role == 13,
                }
            })
            .collect(),
        crosshair: (5.0, 3.0),
        lang,
        highlighted: None,
        selected: Some(4),
        compare: None,
    }
}

fn layout(scene: &QuadrantScene, view: &ViewTransform, w: f64, h: f64, dpr: f64) -> QuadrantLayout {
    layout_quadrant(scene, view, (w * dpr, h * dpr), dpr, &mut arial_measure())
        .unwrap_or_else(|e| panic!("{w}x{h}@{dpr}: {e}"))
}

/// Every placement promise, checked on the finished layout.
fn check(scene: &QuadrantScene, l: &QuadrantLayout, what: &str) {
    let (xr, yr) = (l.transform.x_range(), l.transform.y_range());
    // Visible points, computed independently of the layout: centre inside both ranges.
    let mut visible: Vec<u8> = scene
        .points
        .iter()
        .filter(|p| {
            p.importance >= xr.0
                && p.importance <= xr.1
                && p.performance >= yr.0
                && p.performance <= yr.1
        })
        .map(|p| p.role)
        .collect();
    visible.sort();
    let mut placed: Vec<u8> = l.points.iter().map(|p| p.role).collect();
    placed.sort();
    assert_eq!(placed, visible, "{what}: culling");
    let mut labelled: Vec<u8> = l.labels.iter().map(|x| x.role).collect();
    labelled.sort();
    assert_eq!(
        labelled, visible,
        "{what}: every visible point labelled, once"
    );
    assert!(l.unlabelled.is_empty(), "{what}");

    for (i, a) in l.labels.iter().enumerate() {
        assert!(
            l.plot.contains_rect(&a.rect),
            "{what}: label {} outside plot",
            a.role
        );
        for b in &l.labels[i + 1..] {
            assert!(
                !a.rect.intersects(&b.rect),
                "{what}: labels {} and {} overlap",
                a.role,
                b.role
            );
        }
        for p in &l.points {
            assert!(
                !a.rect.intersects(&p.marker_box(l.dpr)),
                "{what}: label {} over marker {}",
                a.role,
                p.role
            );
        }
        for q in &l.quadrant_names {
            assert!(
                !a.rect.intersects(&q.text.rect),
                "{what}: label {} over {}",
                a.role,
                q.code
            );
        }
        assert!(
            !a.rect.intersects(&l.legend.rect),
            "{what}: label {} over legend",
            a.role
        );
        for c in [&l.crosshair.x_label, &l.crosshair.y_label]
            .into_iter()
            .flatten()
        {
            assert!(
                !a.rect.intersects(&c.rect),
                "{what}: label {} over crosshair label",
                a.role
            );
        }
        // Label text: the full label or the bare role number.
        let full = &scene
            .points
            .iter()
            .find(|p| p.role == a.role)
            .unwrap()
            .label;
        if a.number_only {
            assert_eq!(a.text, a.role.to_string());
        } else {
            assert_eq!(&a.text, full);
        }
    }
    for q in &l.quadrant_names {
        assert!(
            l.plot.contains_rect(&q.text.rect),
            "{what}: {} outside plot",
            q.code
        );
    }
}

/// Deterministic pseudo-random numbers in [0, 1) (LCG).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[test]
fn presets_at_many_sizes_never_overlap() {
    let sizes = [
        (320.0, 240.0),
        (480.0, 360.0),
        (800.0, 520.0),
        (1024.0, 700.0),
        (1600.0, 1000.0),
    ];
    for lang in [Lang::En, Lang::Nl] {
        let s = scene(lang);
        for view in [
            ViewTransform::full(),
            ViewTransform::report(),
            ViewTransform::fit(&s.points),
        ] {
            for &(w, h) in &sizes {
                for dpr in [1.0, 2.0] {
                    let l = layout(&s, &view, w, h, dpr);
                    check(&s, &l, &format!("{lang:?} {view:?} {w}x{h}@{dpr}"));
                }
            }
        }
    }
}

#[test]
fn random_zooms_never_overlap() {
    let s = scene(Lang::En);
    let mut rng = Lcg(7);
    for k in 0..60 {
        let w = 320.0 + rng.next() * 1280.0;
        let h = 240.0 + rng.next() * 760.0;
        let dpr = if k % 2 == 0 { 1.0 } else { 2.0 };
        let base = layout(&s, &ViewTransform::full(), w, h, dpr);
        let p = base.plot;
        let (px, py) = (
            p.x0 + rng.next() * p.width(),
            p.y0 + rng.next() * p.height(),
        );
        let view = base.transform.zoom_at(px, py, 1.0 + rng.next() * 20.0);
        let l = layout(&s, &view, w, h, dpr);
        check(&s, &l, &format!("random {k}: {w:.0}x{h:.0}@{dpr} {view:?}"));
    }
}

#[test]
fn culls_points_outside_the_view() {
    let s = scene(Lang::En);
    // Importance 7-9 x performance 3.5-5 holds roles 4 (7.97, 4.32), 5 (7.63, 3.52), 6 (7.33, 3.65)
    // only; role 1 (7.37, 3.39) is just below.
    let plot = Rect::new(0.0, 0.0, 100.0, 100.0);
    let view = ViewTransform::new((7.0, 9.0), (3.5, 5.0), plot).unwrap();
    let l = layout(&s, &view, 800.0, 520.0, 1.0);
    let mut roles: Vec<u8> = l.points.iter().map(|p| p.role).collect();
    roles.sort();
    assert_eq!(roles, vec![4, 5, 6]);
    check(&s, &l, "culling");
    // Whiskers are clipped to the plot: role 4's importance whisker 7.06-8.88 fits, its
    // performance whisker 3.63-5.01 is cut at the top edge (no cap there).
    let p4 = l.points.iter().find(|p| p.role == 4).unwrap();
    let wy = p4.whisker_y.unwrap();
    assert!((wy.from - l.plot.y0).abs() < 1e-9 && !wy.cap_from && wy.cap_to);
    let wx = p4.whisker_x.unwrap();
    assert!(wx.cap_from && wx.cap_to && wx.from > l.plot.x0 && wx.to < l.plot.x1);
    // Role 5's performance whisker 2.48-4.56 is cut at the bottom.
    let p5 = l.points.iter().find(|p| p.role == 5).unwrap();
    let wy = p5.whisker_y.unwrap();
    assert!((wy.to - l.plot.y1).abs() < 1e-9 && !wy.cap_to);
}

#[test]
fn quadrant_names_sit_in_their_quadrants() {
    let s = scene(Lang::Nl);
    let l = layout(&s, &ViewTransform::full(), 1024.0, 700.0, 1.0);
    let (cx, cy) = l.transform.to_px(5.0, 3.0);
    let names: Vec<&str> = l.quadrant_names.iter().map(|q| q.code.as_str()).collect();
    assert_eq!(names.len(), 4, "{names:?}");
    for q in &l.quadrant_names {
        let r = q.text.rect;
        // keep_up: important (right of the vertical line) and performing well (above, smaller y).
        let (right, above) = match q.code.as_str() {
            "keep_up" => (true, true),
            "overkill" => (false, true),
            "low_priority" => (false, false),
            "concentrate" => (true, false),
            other => panic!("{other}"),
        };
        assert_eq!(r.x0 > cx, right, "{}", q.code);
        assert_eq!(r.y1 < cy, above, "{}", q.code);
    }
    assert!(l
        .quadrant_names
        .iter()
        .any(|q| q.text.text == "Groot belang, goede prestatie"));
}

#[test]
fn hit_test_finds_roles() {
    let s = scene(Lang::En);
    let l = layout(&s, &ViewTransform::report(), 1024.0, 700.0, 2.0);
    let css = l.dpr;
    let mut alone_tried = 0;
    for p in &l.points {
        // Exactly on a marker, and 3 CSS px off it in each direction.
        assert_eq!(hit_test(&l, p.x, p.y), Some(p.role));
        for (dx, dy) in [(3.0, 0.0), (-3.0, 0.0), (0.0, 3.0), (0.0, -3.0)] {
            let (x, y) = (p.x + dx * css, p.y + dy * css);
            assert_eq!(
                hit_test(&l, x, y),
                Some(p.role),
                "role {} off by {dx},{dy}",
                p.role
            );
        }
        // 8 CSS px off, outside the marker (5 CSS px) but within the 10 CSS px hit reach, when
        // no other marker is within twice that reach.
        let alone = l
            .points
            .iter()
            .all(|q| q.role == p.role || (q.x - p.x).hypot(q.y - p.y) > 20.0 * css);
        if alone {
            assert!(p.radius < 8.0 * css);
            assert_eq!(
                hit_test(&l, p.x + 8.0 * css, p.y),
                Some(p.role),
                "role {}",
                p.role
            );
            alone_tried += 1;
        }
    }
    assert!(alone_tried >= 3, "{alone_tried}");
    // A label's centre hits its role when no marker is in reach.
    let reach = 10.0 * l.dpr;
    let mut tried = 0;
    for lab in &l.labels {
        let (x, y) = lab.rect.center();
        if l.points.iter().all(|p| (p.x - x).hypot(p.y - y) > reach) {
            assert_eq!(hit_test(&l, x, y), Some(lab.role));
            tried += 1;
        }
    }
    assert!(tried > 5);
    // Empty plot corner and junk input: nothing.
    assert_eq!(hit_test(&l, l.plot.x0 + 2.0, l.plot.y1 - 2.0), None);
    assert_eq!(hit_test(&l, f64::NAN, 3.0), None);
}

#[test]
fn bad_sizes_are_errors_not_panics() {
    let s = scene(Lang::En);
    let v = ViewTransform::full();
    let mut m = arial_measure();
    assert!(matches!(
        layout_quadrant(&s, &v, (0.0, 100.0), 1.0, &mut m),
        Err(LayoutError::BadSize { .. })
    ));
    assert!(matches!(
        layout_quadrant(&s, &v, (800.0, 600.0), f64::NAN, &mut m),
        Err(LayoutError::BadSize { .. })
    ));
    assert!(matches!(
        layout_quadrant(&s, &v, (90.0, 60.0), 1.0, &mut m),
        Err(LayoutError::TooSmall { .. })
    ));
}

#[test]
fn svg_has_every_label_and_axis_title() {
    let s = scene(Lang::Nl);
    let (view, mut m) = (ViewTransform::report(), arial_measure());
    let svg = render_svg(&s, &view, (800.0, 520.0, 1.0), &mut m, &DrawOptions::svg()).unwrap();
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("Belang (1 = onbelangrijk … 9 = cruciaal)"));
    assert!(svg.contains("Prestatie (1 = zeer zwak … 5 = zeer sterk)"));
    // Dutch tick labels use the decimal comma.
    assert!(svg.contains("2,5") && svg.contains("4,5"));
}

#[test]
fn layout_is_fast() {
    let s = scene(Lang::En);
    let mut m = arial_measure();
    let start = std::time::Instant::now();
    let n = 50;
    for _ in 0..n {
        layout_quadrant(&s, &ViewTransform::report(), (800.0, 520.0), 1.0, &mut m).unwrap();
    }
    let per = start.elapsed().as_secs_f64() / n as f64;
    // Generous for debug builds on a busy machine; release builds are far below a millisecond.
    assert!(per < 0.02, "{per} s per layout");
}

#[test]
fn hover_does_not_move_labels() {
    let mut s = scene(Lang::En);
    let calm = layout(&s, &ViewTransform::report(), 800.0, 520.0, 1.0);
    s.highlighted = Some(9);
    let hover = layout(&s, &ViewTransform::report(), 800.0, 520.0, 1.0);
    assert_eq!(calm, hover);
    // The selected role is drawn bigger and labelled first.
    let sel = calm.points.iter().find(|p| p.role == 4).unwrap();
    let other = calm.points.iter().find(|p| p.role == 5).unwrap();
    assert!(sel.emphasis && sel.radius > other.radius);
    assert_eq!(calm.labels[0].role, 4);
}

#[test]
fn whiskers_of_points_just_outside_the_view_still_show_where_they_cross_it() {
    // Role 4 (Table 3): importance 7.97 ± 0.91, performance 4.32 ± 0.69. In a view of
    // importance 6-7.5 and performance 4-4.6 the point lies off to the right; its horizontal
    // whisker (7.06 to 8.88, at 4.32) crosses the view, its vertical one (at 7.97) does not.
    let s = scene(Lang::En);
    let plot = Rect::new(0.0, 0.0, 100.0, 100.0);
    let view = ViewTransform::new((6.0, 7.5), (4.0, 4.6), plot).unwrap();
    let l = layout(&s, &view, 800.0, 520.0, 1.0);
    assert!(l.points.iter().all(|p| p.role != 4));
    let mine: Vec<_> = l.stray_whiskers.iter().filter(|w| w.role == 4).collect();
    assert_eq!(mine.len(), 1, "{:?}", l.stray_whiskers);
    let w = mine[0];
    let t = &l.transform;
    assert!(w.horizontal);
    assert!((w.at - t.to_px(7.0, 4.32).1).abs() < 1e-9);
    assert!((w.whisker.from - t.to_px(7.97 - 0.91, 4.32).0).abs() < 1e-9);
    assert_eq!(w.whisker.to, l.plot.x1);
    // A cap at the real end in view, none where the plot edge cuts it.
    assert!(w.whisker.cap_from && !w.whisker.cap_to);
    // Every stray whisker runs inside the plot, for a point that is not drawn.
    for sw in &l.stray_whiskers {
        assert!(l.points.iter().all(|p| p.role != sw.role));
        let (lo, hi) = if sw.horizontal {
            (l.plot.y0, l.plot.y1)
        } else {
            (l.plot.x0, l.plot.x1)
        };
        assert!(sw.at >= lo && sw.at <= hi);
    }
}
