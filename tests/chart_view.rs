//! ViewTransform and tick tests: invariants checked against hand-computed values.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::catalogue::Lang;
use spco_roles::chart::{nice_ticks, Rect, ViewError, ViewTransform, MIN_SPAN, X_LIMITS, Y_LIMITS};

fn plot() -> Rect {
    Rect::new(50.0, 20.0, 850.0, 420.0)
}

fn assert_valid(v: &ViewTransform) {
    // A view is valid exactly when the checked constructor accepts its ranges again.
    ViewTransform::new(v.x_range(), v.y_range(), v.plot_rect())
        .unwrap_or_else(|e| panic!("invalid view {v:?}: {e}"));
}

#[test]
fn round_trip_and_orientation() {
    let v = ViewTransform::new((1.0, 9.0), (1.0, 5.0), plot()).unwrap();
    // Importance 1 is the left edge, 9 the right; performance 1 the bottom (y = 420), 5 the top.
    assert_eq!(v.to_px(1.0, 1.0), (50.0, 420.0));
    assert_eq!(v.to_px(9.0, 5.0), (850.0, 20.0));
    // Midpoint (5, 3) is the plot centre (450, 220).
    assert_eq!(v.to_px(5.0, 3.0), (450.0, 220.0));
    for &(x, y) in &[(7.37, 3.39), (4.9, 3.03), (1.0, 5.0), (8.99, 1.01)] {
        let (px, py) = v.to_px(x, y);
        let (bx, by) = v.to_data(px, py);
        assert!((bx - x).abs() < 1e-12 && (by - y).abs() < 1e-12);
    }
}

#[test]
fn invalid_bounds_rejected() {
    let p = plot();
    assert!(matches!(
        ViewTransform::new((f64::NAN, 9.0), (1.0, 5.0), p),
        Err(ViewError::NonFinite { .. })
    ));
    assert!(matches!(
        ViewTransform::new((9.0, 1.0), (1.0, 5.0), p),
        Err(ViewError::Inverted { .. })
    ));
    assert!(matches!(
        ViewTransform::new((5.0, 5.01), (1.0, 5.0), p),
        Err(ViewError::TooNarrow { .. })
    ));
    assert!(matches!(
        ViewTransform::new((1.0, 9.0), (1.0, 7.0), p),
        Err(ViewError::OutOfLimits { .. })
    ));
    assert!(matches!(
        ViewTransform::new((1.0, 9.0), (1.0, 5.0), Rect::new(0.0, 0.0, 0.5, 100.0)),
        Err(ViewError::BadPlotRect { .. })
    ));
    assert!(ViewTransform::full()
        .with_plot_rect(Rect::new(0.0, 0.0, f64::INFINITY, 1.0))
        .is_err());
}

#[test]
fn presets() {
    assert_eq!(ViewTransform::report().x_range(), (4.5, 9.0));
    assert_eq!(ViewTransform::report().y_range(), (2.5, 5.0));
    let f = ViewTransform::full();
    assert!(f.x_range().0 < 1.0 && f.x_range().1 > 9.0);
    assert!(f.y_range().0 < 1.0 && f.y_range().1 > 5.0);
    assert_valid(&f.with_plot_rect(plot()).unwrap());
    // No points: the full view.
    assert_eq!(ViewTransform::fit(&[]), ViewTransform::full());
}

#[test]
fn zoom_keeps_cursor_point_fixed() {
    let v = ViewTransform::new((1.0, 9.0), (1.0, 5.0), plot()).unwrap();
    let (px, py) = (300.0, 150.0);
    let before = v.to_data(px, py);
    let z = v.zoom_at(px, py, 2.0);
    let after = z.to_data(px, py);
    assert!((before.0 - after.0).abs() < 1e-9 && (before.1 - after.1).abs() < 1e-9);
    // Twice the zoom: half the span (8 -> 4, 4 -> 2).
    assert!((z.x_range().1 - z.x_range().0 - 4.0).abs() < 1e-9);
    assert!((z.y_range().1 - z.y_range().0 - 2.0).abs() < 1e-9);
    // Zooming back out by the same factor restores the view.
    let back = z.zoom_at(px, py, 0.5);
    assert!((back.x_range().0 - 1.0).abs() < 1e-9 && (back.y_range().1 - 5.0).abs() < 1e-9);
    // Junk factors change nothing.
    assert_eq!(v.zoom_at(px, py, f64::NAN), v);
    assert_eq!(v.zoom_at(px, py, -2.0), v);
}

#[test]
fn zoom_and_pan_never_escape_limits() {
    let mut v = ViewTransform::full().with_plot_rect(plot()).unwrap();
    // Deterministic pseudo-random walk (LCG), mixing extreme zooms, pans and box zooms.
    let mut s: u64 = 42;
    let mut rnd = || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    for _ in 0..2000 {
        let (px, py) = (rnd() * 1200.0 - 200.0, rnd() * 700.0 - 150.0);
        v = match (rnd() * 4.0) as u32 {
            0 => v.zoom_at(px, py, (rnd() * 8.0 - 4.0).exp()),
            1 => v.pan_px(rnd() * 4000.0 - 2000.0, rnd() * 4000.0 - 2000.0),
            2 => v.box_zoom(px, py, rnd() * 900.0, rnd() * 500.0),
            _ => v.zoom_at(px, py, 1e6),
        };
        assert_valid(&v);
        let (x, y) = (v.x_range(), v.y_range());
        assert!(x.0 >= X_LIMITS.0 && x.1 <= X_LIMITS.1 && x.1 - x.0 >= MIN_SPAN * 0.999);
        assert!(y.0 >= Y_LIMITS.0 && y.1 <= Y_LIMITS.1 && y.1 - y.0 >= MIN_SPAN * 0.999);
    }
}

#[test]
fn pan_moves_content_with_the_pointer() {
    let v = ViewTransform::new((1.0, 9.0), (1.0, 5.0), plot()).unwrap();
    // Dragging 100 px right (8 units per 800 px = 1 unit) shows data 1 unit further left;
    // dragging 100 px down (4 units per 400 px) shows data 1 unit higher.
    let p = v.pan_px(100.0, 100.0);
    assert!((p.x_range().0 - 0.0).abs() < 1e-9 && (p.x_range().1 - 8.0).abs() < 1e-9);
    assert!((p.y_range().0 - 2.0).abs() < 1e-9 && (p.y_range().1 - 6.0).abs() < 1e-9);
    // Further right is blocked by the limit 0 without changing the span.
    let q = p.pan_px(500.0, 0.0);
    assert_eq!(q.x_range(), (0.0, 8.0));
}

#[test]
fn box_zoom_selects_the_box() {
    let v = ViewTransform::new((1.0, 9.0), (1.0, 5.0), plot()).unwrap();
    // Pixels (450, 220)-(850, 20) are data (5, 3)-(9, 5): the top-right quadrant.
    let b = v.box_zoom(850.0, 20.0, 450.0, 220.0);
    assert!((b.x_range().0 - 5.0).abs() < 1e-9 && (b.x_range().1 - 9.0).abs() < 1e-9);
    assert!((b.y_range().0 - 3.0).abs() < 1e-9 && (b.y_range().1 - 5.0).abs() < 1e-9);
    // A zero-size box grows to the minimum span around its point.
    let c = v.box_zoom(450.0, 220.0, 450.0, 220.0);
    assert!((c.x_range().1 - c.x_range().0 - MIN_SPAN).abs() < 1e-9);
    assert!(((c.x_range().0 + c.x_range().1) / 2.0 - 5.0).abs() < 1e-9);
}

#[test]
fn nice_ticks_for_known_ranges() {
    // 8.8 units, about 8 ticks wanted: step 1 (8.8 intervals) beats 2 (4.4); ticks 1..9.
    let t = nice_ticks(0.6, 9.4, 8.0);
    assert_eq!(t.step, 1.0);
    assert_eq!(t.values, (1..=9).map(f64::from).collect::<Vec<_>>());
    assert_eq!(t.labels(Lang::Nl)[0], "1");
    // The report's performance range 2.5-5 at about 5 ticks: step 0.5.
    let t = nice_ticks(2.5, 5.0, 5.0);
    assert_eq!(t.values, vec![2.5, 3.0, 3.5, 4.0, 4.5, 5.0]);
    assert_eq!(
        t.labels(Lang::Nl),
        vec!["2,5", "3,0", "3,5", "4,0", "4,5", "5,0"]
    );
    // Deep zoom: step 0.1, labels with one decimal.
    let t = nice_ticks(3.7, 4.5, 8.0);
    assert_eq!(t.step, 0.1);
    assert_eq!(t.values.len(), 9);
    assert_eq!(t.labels(Lang::En)[0], "3.7");
    // Minimum span: hundredths.
    let t = nice_ticks(6.31, 6.36, 5.0);
    assert_eq!(t.values, vec![6.31, 6.32, 6.33, 6.34, 6.35, 6.36]);
    assert_eq!(t.labels(Lang::Nl)[5], "6,36");
    // Few ticks on a narrow plot: step 2 (4.4 intervals) beats 5 (1.76) for a target of 3.5.
    assert_eq!(nice_ticks(0.6, 9.4, 3.5).values, vec![2.0, 4.0, 6.0, 8.0]);
    // A narrow plot's target (2.5 intervals) is nearest to a step of 5, which shows one tick
    // (5) in 0.6-9.4; the step of 2 shows four.
    assert_eq!(nice_ticks(0.6, 9.4, 2.5).values, vec![2.0, 4.0, 6.0, 8.0]);
    assert_eq!(nice_ticks(0.6, 9.4, 1.0).values, vec![2.0, 4.0, 6.0, 8.0]);
    assert!(nice_ticks(5.0, 5.0, 4.0).values.is_empty());
    assert!(nice_ticks(f64::NAN, 5.0, 4.0).values.is_empty());
}

/// `Rect::intersects` on literal rectangles, answers worked out by hand. The placement's own
/// overlap checks use `intersects` too, so a bug in it would hide there; these cases do not.
#[test]
fn rect_intersects_literal_cases() {
    let r = |x0, y0, x1, y1| Rect::new(x0, y0, x1, y1);
    let a = r(0.0, 0.0, 10.0, 10.0);
    // (b, expected, why)
    let cases = [
        (r(5.0, 5.0, 15.0, 15.0), true, "overlapping corners"),
        (
            r(-5.0, 2.0, 1.0, 3.0),
            true,
            "overlapping by 1 on the left edge",
        ),
        (
            r(9.0, -1.0, 20.0, 0.5),
            true,
            "overlapping a 1 x 0.5 corner sliver",
        ),
        (r(10.0, 0.0, 20.0, 10.0), false, "touching the right edge"),
        (r(0.0, 10.0, 10.0, 20.0), false, "touching the bottom edge"),
        (r(-10.0, -10.0, 0.0, 0.0), false, "touching at one corner"),
        (r(11.0, 0.0, 20.0, 10.0), false, "disjoint to the right"),
        (r(0.0, 12.0, 10.0, 14.0), false, "disjoint below"),
        (r(12.0, 12.0, 14.0, 14.0), false, "disjoint diagonally"),
        (
            r(5.0, -20.0, 6.0, -11.0),
            false,
            "beside in x, disjoint in y",
        ),
        (r(2.0, 3.0, 4.0, 5.0), true, "contained"),
        (r(-1.0, -1.0, 11.0, 11.0), true, "containing"),
        (r(0.0, 0.0, 10.0, 10.0), true, "identical"),
        // A zero-size rectangle strictly inside lies in the interior: it intersects...
        (r(5.0, 5.0, 5.0, 5.0), true, "zero-size point inside"),
        (r(2.0, 5.0, 8.0, 5.0), true, "zero-height segment inside"),
        // ...but one on the border only touches, and one outside is disjoint.
        (
            r(10.0, 5.0, 10.0, 5.0),
            false,
            "zero-size point on the right edge",
        ),
        (r(0.0, 0.0, 0.0, 0.0), false, "zero-size point on a corner"),
        (r(20.0, 5.0, 20.0, 5.0), false, "zero-size point outside"),
    ];
    for (b, want, why) in cases {
        assert_eq!(a.intersects(&b), want, "{why}: a.intersects(b)");
        assert_eq!(b.intersects(&a), want, "{why}: b.intersects(a)");
    }
    // Two zero-size rectangles at the same point: nothing to overlap.
    let p = r(3.0, 3.0, 3.0, 3.0);
    assert!(!p.intersects(&p));
    // Corners given in any order make the same rectangle.
    assert!(r(10.0, 10.0, 0.0, 0.0).intersects(&r(9.0, 9.0, 12.0, 12.0)));
    assert!(!r(10.0, 10.0, 0.0, 0.0).intersects(&r(10.0, 10.0, 12.0, 12.0)));
}
