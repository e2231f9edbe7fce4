//! Issue 14, the chart side of a comparison: `compare="sme,large"` draws one arrow per role from
//! the SME mean to the large-company mean (each end equal to that group's statistics alone),
//! solid where the 95% interval excludes zero, and no label covers a marker or an arrow.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::chart::{arial_measure, Rect};
use spco_roles::session::{Attr, Session};
use spco_roles::stats::{self, Selection, StatsOptions};

const RECON: &[u8] = include_bytes!("../data/reconstructed-table3.csv");

fn with(s: &mut Session, attr: &str, value: &str) -> Result<(), String> {
    let mut o = s.settings().clone();
    o.set(Attr::from_name(attr).unwrap(), Some(value))
        .map_err(|e| e.to_string())?;
    s.set_settings(o).map_err(|e| e.to_string())
}

fn session(w: f64, h: f64) -> Session {
    let mut s = Session::new();
    s.load(RECON, "auto", "data.csv").unwrap();
    s.resize(w, h, 1.0);
    with(&mut s, "compare", "sme,large").unwrap();
    s.ensure_layout(&mut arial_measure()).unwrap();
    s
}

/// Does segment a-b pass through the (open) rectangle? Sampled finely: a test, not a hot path.
fn segment_hits(a: (f64, f64), b: (f64, f64), r: &Rect) -> bool {
    (0..=400).any(|i| {
        let t = i as f64 / 400.0;
        let (x, y) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        x > r.x0 && x < r.x1 && y > r.y0 && y < r.y1
    })
}

#[test]
fn arrows_join_each_groups_own_means() {
    let s = session(900.0, 600.0);
    let layout = s.layout().unwrap();
    assert_eq!(layout.arrows.len(), 14, "one arrow per role");
    let Some(imported) = s.imported() else {
        panic!("loaded")
    };
    let alone = |g: &str| {
        let sel = Selection {
            groups: vec![g.into()],
            spcos: vec![],
        };
        stats::compute(&imported.dataset, &sel, &StatsOptions::default()).unwrap()
    };
    let (sme, large) = (alone("sme"), alone("large"));
    let t = &layout.transform;
    for a in &layout.arrows {
        let r = a.role as usize - 1;
        let px = |st: &stats::Stats| {
            let role = &st.roles[r];
            t.to_px(
                role.importance.as_ref().unwrap().mean,
                role.performance.as_ref().unwrap().mean,
            )
        };
        let (f, to) = (px(&sme), px(&large));
        assert!((a.from.0 - f.0).abs() < 1e-9 && (a.from.1 - f.1).abs() < 1e-9);
        assert!((a.to.0 - to.0).abs() < 1e-9 && (a.to.1 - to.1).abs() < 1e-9);
        // B's marker sits at the arrow's head.
        let p = layout.points.iter().find(|p| p.role == a.role).unwrap();
        assert!((p.x - to.0).abs() < 1e-9 && (p.y - to.1).abs() < 1e-9);
    }
    // Solid exactly where the comparison finds an interval that excludes zero.
    let cmp = s.comparison().unwrap();
    for a in &layout.arrows {
        assert_eq!(
            a.clear,
            cmp.roles[a.role as usize - 1].clear,
            "role {}",
            a.role
        );
    }
    let clear: Vec<u8> = layout
        .arrows
        .iter()
        .filter(|a| a.clear)
        .map(|a| a.role)
        .collect();
    assert_eq!(
        clear,
        vec![5],
        "role 5's performance difference is the one clear at 95%"
    );
}

#[test]
fn labels_keep_off_markers_and_arrows_at_three_sizes() {
    for (w, h) in [(900.0, 600.0), (640.0, 420.0), (480.0, 400.0)] {
        let s = session(w, h);
        let l = s.layout().unwrap();
        let dpr = l.dpr;
        assert_eq!(l.labels.len() + l.unlabelled.len(), l.points.len());
        for lab in &l.labels {
            for p in &l.points {
                assert!(
                    !lab.rect.intersects(&p.marker_box(dpr)),
                    "{w}x{h}: label {} over marker {}",
                    lab.role,
                    p.role
                );
            }
            for a in &l.arrows {
                if a.from_visible {
                    assert!(
                        !lab.rect.intersects(&a.from_box(dpr)),
                        "{w}x{h}: label {} over A marker {}",
                        lab.role,
                        a.role
                    );
                }
                if let Some((p, q)) = a.segment {
                    assert!(
                        !segment_hits(p, q, &lab.rect),
                        "{w}x{h}: label {} over arrow {}",
                        lab.role,
                        a.role
                    );
                }
            }
            for other in &l.labels {
                if other.role != lab.role {
                    assert!(!lab.rect.intersects(&other.rect), "{w}x{h}: labels overlap");
                }
            }
        }
    }
}

#[test]
fn bad_comparisons_get_words() {
    let mut s = Session::new();
    s.load(RECON, "auto", "data.csv").unwrap();
    let e = with(&mut s, "compare", "sme").unwrap_err();
    assert!(e.contains("needs two"), "{e}");
    let e = with(&mut s, "compare", "sme,sme").unwrap_err();
    assert!(e.contains("two different"), "{e}");
    let e = with(&mut s, "compare", "sme,nope").unwrap_err();
    assert!(
        e.contains("nope") && e.contains("large"),
        "names those there are: {e}"
    );
    // The error left the previous (no) comparison in place; clearing works.
    assert!(s.comparison().is_none());
    with(&mut s, "compare", "sme,large").unwrap();
    assert!(s.comparison().is_some());
    with(&mut s, "compare", "").unwrap();
    assert!(s.comparison().is_none());
}

#[test]
fn tooltip_and_summary_give_both_groups_and_the_count_of_clear_differences() {
    let s = session(900.0, 600.0);
    let cmp = s.comparison().unwrap();
    let r5 = &cmp.roles[4];
    let t = s.tooltip(spco_roles::session::Item::Role(5)).unwrap();
    let all: String = t.rows.iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
    // Both groups' performance means and the interval of the difference, as the statistics say.
    let f = |v: f64| format!("{v:.2}");
    let p = &r5.performance;
    assert!(
        all.contains(&f(p.a.unwrap().mean)) && all.contains(&f(p.b.unwrap().mean)),
        "{all}"
    );
    let [lo, hi] = p.ci95.unwrap();
    assert!(all.contains(&format!("[{} – {}]", f(lo), f(hi))), "{all}");
    // The sides are named by their groups' labels (the catalogue's), not their codes.
    assert!(
        all.contains("SME members") && all.contains("Large member companies"),
        "{all}"
    );
    assert!(t.note.starts_with("Clear at 95%"), "{}", t.note);
    let t1 = s.tooltip(spco_roles::session::Item::Role(1)).unwrap();
    assert!(t1.note.starts_with("Not clear"), "{}", t1.note);
    let sum = s.summary_text();
    let want = format!(
        "{} of {} differences are clear at 95%",
        cmp.clear, cmp.differences
    );
    assert!(sum.contains(&want), "{sum}");
    assert_eq!((cmp.clear, cmp.differences), (1, 28));
}
