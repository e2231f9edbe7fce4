//! The per-element state (what the wasm handle wraps), natively: load, options, filters,
//! crosshair, zoom, layout, hit testing and tooltips.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::chart::arial_measure;
use spco_roles::session::{Attr, Item, Session};

const TABLE3: &[u8] = include_bytes!("../data/table3-summary.csv");
const RECON: &[u8] = include_bytes!("../data/reconstructed-table3.csv");

fn loaded(bytes: &[u8]) -> Session {
    let mut s = Session::new();
    s.load(bytes, "auto", "data.csv").unwrap();
    s.resize(900.0, 600.0, 1.0);
    s
}

/// Sets one attribute as the element would: parsed from its text, then applied.
fn with(s: &mut Session, attr: &str, value: &str) -> Result<(), String> {
    let mut o = s.settings().clone();
    o.set(Attr::from_name(attr).unwrap(), Some(value))
        .map_err(|e| e.to_string())?;
    s.set_settings(o).map_err(|e| e.to_string())
}

#[test]
fn table3_tooltip_in_both_languages() {
    let mut s = loaded(TABLE3);
    s.ensure_layout(&mut arial_measure()).unwrap();
    let tip = serde_json::to_string(&s.tooltip(Item::Role(4)).unwrap())
        .unwrap()
        .replace('\u{a0}', " ");
    assert!(
        tip.contains("Bringing together and coordinating diverse stakeholders"),
        "{tip}"
    );
    assert!(
        tip.contains("mean 7.97") && tip.contains("SD 0.91") && tip.contains("n = 30"),
        "{tip}"
    );
    assert!(
        tip.contains("Great importance, SPCOs perform very well"),
        "{tip}"
    );
    with(&mut s, "lang", "nl").unwrap();
    let tip = serde_json::to_string(&s.tooltip(Item::Role(4)).unwrap())
        .unwrap()
        .replace('\u{a0}', " ");
    assert!(tip.contains("Het samenbrengen en coördineren"), "{tip}");
    assert!(
        tip.contains("gem. 7,97") && tip.contains("SD 0,91"),
        "{tip}"
    );
    assert!(
        Item::from_js(15).is_none(),
        "no role 15, so no tooltip to ask for"
    );
}

#[test]
fn group_filter_and_crosshair_that_stays_or_follows() {
    let mut s = loaded(RECON);
    let all = s.stats().unwrap().n_respondents.unwrap();
    assert_eq!(all, 31);
    // The mean crosshair of the whole sample: the mean of the 14 role means.
    with(&mut s, "crosshair", "mean").unwrap();
    let full = s.stats().unwrap().crosshair;
    let imp_means: f64 = s
        .stats()
        .unwrap()
        .roles
        .iter()
        .map(|r| r.importance.as_ref().unwrap().mean)
        .sum::<f64>()
        / 14.0;
    assert!((full.importance - imp_means).abs() < 1e-12);

    with(&mut s, "group", "sme").unwrap();
    let sme = s.stats().unwrap();
    assert_eq!(sme.n_respondents, Some(5));
    assert_eq!(
        sme.crosshair.importance, full.importance,
        "stays at the full sample by default"
    );
    with(&mut s, "crosshair-follows", "").unwrap();
    let follow = s.stats().unwrap().crosshair;
    let sme_means: f64 = s
        .stats()
        .unwrap()
        .roles
        .iter()
        .map(|r| r.importance.as_ref().unwrap().mean)
        .sum::<f64>()
        / 14.0;
    assert!((follow.importance - sme_means).abs() < 1e-12);
    assert!((follow.importance - full.importance).abs() > 1e-6);
}

#[test]
fn errors_keep_the_previous_state() {
    let mut s = loaded(RECON);
    let before = serde_json::to_string(&s.stats()).unwrap();
    let e = s
        .load(
            b"respondent,group,role,importance,performance\nr1,sme,4,12,3\n",
            "auto",
            "mine.csv",
        )
        .unwrap_err();
    assert!(e.to_string().contains("mine.csv, line 2"), "{e}");
    assert_eq!(serde_json::to_string(&s.stats()).unwrap(), before);
    let e = with(&mut s, "group", "astronauts").unwrap_err();
    assert!(e.contains("astronauts"), "{e}");
    assert!(s.settings().groups.is_empty());
    assert_eq!(serde_json::to_string(&s.stats()).unwrap(), before);
    assert!(with(&mut s, "lang", "fr").is_err());
    assert!(s.set_zoom("1,2,3").is_err());
    assert!(s.set_zoom("9,1,1,5").is_err(), "inverted range");
    let e = s.load(b"x", "xml", "a.xml").unwrap_err();
    assert!(e.to_string().contains("unknown data format"));
    // A summary table has no groups to filter by.
    let mut t = loaded(TABLE3);
    assert!(with(&mut t, "group", "sme").is_err());
}

#[test]
fn zoom_layout_hit_and_focus_order() {
    let mut s = loaded(TABLE3);
    let mut m = arial_measure();
    s.set_zoom("report").unwrap();
    s.ensure_layout(&mut m).unwrap();
    assert_eq!(s.view().x_range(), (4.5, 9.0));
    assert_eq!(s.view().y_range(), (2.5, 5.0));
    // Role 11 (importance 4.90) is inside the report zoom; every role is laid out once.
    assert_eq!(s.layout().unwrap().points.len(), 14);
    let (x, y) = s.item_position(Item::Role(4)).unwrap();
    assert_eq!(s.hit(x, y), Some(Item::Role(4)));
    assert_eq!(s.hit(x + 0.5, y - 0.5), Some(Item::Role(4)));
    // Zooming in at role 4 keeps role 4 where it was and hides far-away roles.
    s.zoom_at(x, y, 4.0);
    s.ensure_layout(&mut m).unwrap();
    let (x2, y2) = s.item_position(Item::Role(4)).unwrap();
    assert!((x - x2).abs() < 1e-6 && (y - y2).abs() < 1e-6);
    assert!(s.item_position(Item::Role(11)).is_none());
    // Tab order walks the visible roles in number order, then leaves.
    let visible: Vec<Item> = {
        let mut v: Vec<u8> = s.layout().unwrap().points.iter().map(|p| p.role).collect();
        v.sort();
        v.into_iter().map(Item::Role).collect()
    };
    let mut seen = vec![];
    let mut cur = None;
    while let Some(next) = s.next_item(cur, 1) {
        seen.push(next);
        cur = Some(next);
    }
    assert_eq!(seen, visible);
    // The layout JSON is in CSS px: at dpr 2 the same numbers as at dpr 1.
    s.set_zoom("full").unwrap();
    s.ensure_layout(&mut m).unwrap();
    let a: serde_json::Value = serde_json::to_value(s.layout_css().unwrap()).unwrap();
    s.resize(900.0, 600.0, 2.0);
    s.ensure_layout(&mut arial_measure()).unwrap();
    let b: serde_json::Value = serde_json::to_value(s.layout_css().unwrap()).unwrap();
    assert_eq!(a["points"].as_array().unwrap().len(), 14);
    for (p, q) in a["points"]
        .as_array()
        .unwrap()
        .iter()
        .zip(b["points"].as_array().unwrap())
    {
        assert!((p["x"].as_f64().unwrap() - q["x"].as_f64().unwrap()).abs() < 1.0);
    }
}

#[test]
fn svg_export_has_every_role() {
    let s = loaded(TABLE3);
    let svg = s.svg(800.0, 520.0).unwrap();
    assert!(svg.starts_with("<svg"));
    // plotters puts each text on its own line between the tags.
    let texts: Vec<String> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| t.split('>').nth(1))
        .map(|t| {
            let t = t.split('<').next().unwrap_or("").trim();
            t.replace('\u{a0}', " ").replace("&amp;", "&")
        })
        .collect();
    for role in 1..=14u8 {
        let short = spco_roles::catalogue::catalogue()
            .role(role)
            .unwrap()
            .short_en;
        let full = format!("{role}  {short}");
        assert!(
            texts.iter().any(|t| *t == full || *t == role.to_string()),
            "role {role} not labelled in {texts:?}"
        );
    }
}

#[test]
fn hierarchy_view_zooms_to_a_subtree_and_back() {
    let mut s = loaded(RECON);
    with(&mut s, "view", "hierarchy").unwrap();
    let mut m = arial_measure();
    s.draw(&mut NullBackend(900, 600), &mut m, 0.0).unwrap();
    let all = s.layout_css().unwrap();
    // 1 purpose frame + 3 items + role 1 + 2 kinds + 10 spearheads + 13 roles = 30 nodes.
    assert_eq!(all.nodes.len(), 30);
    assert_eq!(all.breadcrumb, vec!["All roles"]);
    // SR2's many-to-many links: primary 4, secondary 3, 5, 7, 10, 12, 13.
    let mut sr2: Vec<(u32, bool)> = all
        .edges
        .iter()
        .filter(|e| e.from == 102)
        .map(|e| (e.to, e.primary))
        .collect();
    sr2.sort();
    assert_eq!(
        sr2,
        vec![
            (3, false),
            (4, true),
            (5, false),
            (7, false),
            (10, false),
            (12, false),
            (13, false)
        ]
    );
    // Click SR3 (103): an animated zoom to its subtree.
    let n = all.nodes.iter().find(|n| n.id == 103).unwrap();
    assert_eq!(
        s.hit(n.x + n.w / 2.0, n.y + n.h / 2.0),
        Some(Item::Node(103))
    );
    assert!(s.activate(Item::Node(103)));
    assert!(
        s.draw(&mut NullBackend(900, 600), &mut m, 1000.0).unwrap(),
        "first frame of the transition"
    );
    assert!(
        !s.draw(&mut NullBackend(900, 600), &mut m, 2000.0).unwrap(),
        "transition done"
    );
    let zoomed = s.layout_css().unwrap();
    assert_eq!(
        zoomed.breadcrumb,
        vec![
            "All roles".to_string(),
            "SR3 · Shaping experience and collective intelligence".into()
        ]
    );
    let span =
        |l: &spco_roles::session::LayoutCss| (l.view.x1 - l.view.x0) * (l.view.y1 - l.view.y0);
    assert!(span(&zoomed) < span(&all) * 0.8, "zoomed in");
    // Roles 6, 12 and 13 feed SR3: they are in view now.
    for id in [6, 12, 13] {
        let node = zoomed.nodes.iter().find(|n| n.id == id).unwrap();
        assert!(
            node.x >= zoomed.plot.x - 1.0 && node.x + node.w <= zoomed.plot.x + zoomed.plot.w + 1.0,
            "node {id}"
        );
    }
    // Escape animates back to the whole diagram.
    assert!(s.escape());
    s.draw(&mut NullBackend(900, 600), &mut m, 3000.0).unwrap();
    s.draw(&mut NullBackend(900, 600), &mut m, 4000.0).unwrap();
    let back = s.layout_css().unwrap();
    assert!((span(&back) - span(&all)).abs() < 1e-9);
    assert!(!s.escape(), "nothing left to leave");
    // The collapse button of the action-oriented kind hides its spearheads and their own roles.
    assert!(s.activate(Item::Toggle(202)));
    s.draw(&mut NullBackend(900, 600), &mut m, 5000.0).unwrap();
    let collapsed = s.layout_css().unwrap();
    assert!(collapsed.nodes.iter().all(|n| !(104..=110).contains(&n.id)));
    assert!(
        collapsed.nodes.iter().any(|n| n.id == 5),
        "role 5 also feeds SR2 (framework)"
    );
    // A tooltip of a spearhead says how it is rolled up.
    let tip = s.tooltip(Item::Node(102)).unwrap();
    assert!(
        tip.note
            .contains("primary roles weight 1, secondary roles 0.5"),
        "{}",
        tip.note
    );
    assert!(tip.rows.iter().any(|(k, _)| k == "Gap"));
}

/// A backend that draws nothing, for driving `Session::draw` natively.
struct NullBackend(u32, u32);

impl spco_roles::chart::Backend for NullBackend {}

impl plotters_backend::DrawingBackend for NullBackend {
    type ErrorType = std::io::Error;
    fn get_size(&self) -> (u32, u32) {
        (self.0, self.1)
    }
    fn ensure_prepared(
        &mut self,
    ) -> Result<(), plotters_backend::DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), plotters_backend::DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn draw_pixel(
        &mut self,
        _: plotters_backend::BackendCoord,
        _: plotters_backend::BackendColor,
    ) -> Result<(), plotters_backend::DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn draw_text<S: plotters_backend::BackendTextStyle>(
        &mut self,
        _: &str,
        _: &S,
        _: plotters_backend::BackendCoord,
    ) -> Result<(), plotters_backend::DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
}

#[test]
fn reduced_motion_jumps_without_frames() {
    let mut s = loaded(RECON);
    with(&mut s, "view", "hierarchy").unwrap();
    s.set_reduced_motion(true);
    let mut m = arial_measure();
    s.draw(&mut NullBackend(900, 600), &mut m, 0.0).unwrap();
    let before = s.layout_css().unwrap().view;
    assert!(s.activate(Item::Node(103)));
    assert!(
        !s.draw(&mut NullBackend(900, 600), &mut m, 1.0).unwrap(),
        "no animation frames"
    );
    let after = s.layout_css().unwrap().view;
    assert!(
        (after.x1 - after.x0) < (before.x1 - before.x0) * 0.9,
        "zoomed at once"
    );
}

#[test]
fn a_transient_tiny_size_draws_nothing_and_recovers() {
    for view in ["quadrant", "hierarchy"] {
        let mut s = loaded(RECON);
        with(&mut s, "view", view).unwrap();
        let mut m = arial_measure();
        s.resize(1.0, 347.0, 1.0);
        assert!(
            !s.draw(&mut NullBackend(1, 347), &mut m, 0.0).unwrap(),
            "{view}: no error, nothing to animate"
        );
        s.resize(900.0, 600.0, 1.0);
        s.draw(&mut NullBackend(900, 600), &mut m, 1.0).unwrap();
        let l = s.layout_css().unwrap();
        assert!(
            l.points.len() + l.nodes.len() >= 14,
            "{view}: laid out again"
        );
    }
}
