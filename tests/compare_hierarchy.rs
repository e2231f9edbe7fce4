//! Issue 14, the hierarchy and the data table of a comparison: `compare="sme,large"` colours
//! each node by B − A on a blue–orange scale centred on zero, grey where the 95% interval
//! includes zero or there is none (every roll-up); the data table gains both groups' figures,
//! the difference, its interval and whether it is clear, in Dutch and English.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::catalogue::Lang;
use spco_roles::chart::hierarchy::{
    layout_hierarchy, values_from_comparison, ColorBy, HierCompare, HierView, HierarchyScene,
    NodeKind, NEUTRAL, UNCLEAR,
};
use spco_roles::chart::{arial_measure, fmt_fixed};
use spco_roles::session::{Attr, Item, Session};
use spco_roles::stats::{compare, Comparison, Selection, StatsOptions};

const RECON: &[u8] = include_bytes!("../data/reconstructed-table3.csv");

fn group(g: &str) -> Selection {
    Selection {
        groups: vec![g.into()],
        spcos: vec![],
    }
}

fn comparison() -> Comparison {
    let imported = spco_roles::session::import_bytes(RECON, "auto", "data.csv").unwrap();
    compare(
        &imported.dataset,
        &group("sme"),
        &group("large"),
        &StatsOptions::default(),
    )
    .unwrap()
}

fn with(s: &mut Session, attr: &str, value: &str) {
    let mut o = s.settings().clone();
    o.set(Attr::from_name(attr).unwrap(), Some(value)).unwrap();
    s.set_settings(o).unwrap();
}

fn session(view: &str, lang: &str) -> Session {
    let mut s = Session::new();
    s.load(RECON, "auto", "data.csv").unwrap();
    s.resize(1000.0, 700.0, 1.0);
    with(&mut s, "view", view);
    with(&mut s, "lang", lang);
    with(&mut s, "compare", "sme,large");
    s.ensure_layout(&mut arial_measure()).unwrap();
    s
}

#[test]
fn nodes_are_coloured_by_the_difference_and_grey_when_not_clear() {
    let cmp = comparison();
    let (mut clear, mut grey) = (0, 0);
    for color_by in [ColorBy::Importance, ColorBy::Performance] {
        let (values, unclear) = values_from_comparison(&cmp, color_by);
        let mut scene = HierarchyScene::new(Lang::En);
        scene.color_by = color_by;
        scene.values = values;
        scene.compare = Some(HierCompare {
            names: ["sme".into(), "large".into()],
            scale: color_by,
            unclear,
        });
        let l = layout_hierarchy(
            &scene,
            &HierView::fit(),
            (1000.0, 700.0),
            1.0,
            &mut arial_measure(),
        )
        .unwrap();
        // Centred on zero.
        assert!(l.scale.diff);
        assert_eq!(l.scale.lo, -l.scale.hi);
        assert_eq!(l.scale.t(0.0), 0.5);
        for n in &l.nodes {
            let role = cmp.roles.iter().find(|r| u32::from(r.role) == n.id);
            let d = role.map(|r| {
                if color_by == ColorBy::Performance {
                    r.performance
                } else {
                    r.importance
                }
            });
            match (n.kind, d) {
                (NodeKind::Role, Some(d)) => {
                    let diff = d.diff.unwrap();
                    assert_eq!(n.value, Some(diff));
                    if d.excludes_zero == Some(true) {
                        clear += 1;
                        assert_eq!(n.fill, l.scale.color(diff), "role {}", n.id);
                        // Blue where B (large) rates higher, orange where lower.
                        let f = n.fill;
                        if diff > 0.0 {
                            assert!(f.2 > f.0, "role {} {diff}: {f:?}", n.id);
                        } else {
                            assert!(f.0 > f.2, "role {} {diff}: {f:?}", n.id);
                        }
                    } else {
                        grey += 1;
                        assert_eq!(n.fill, UNCLEAR, "role {}", n.id);
                    }
                }
                // Roll-ups have a difference but never an interval: grey.
                (NodeKind::Spearhead | NodeKind::Category, _) => {
                    assert!(n.value.is_some(), "node {}", n.id);
                    assert_eq!(n.fill, UNCLEAR, "node {}", n.id);
                }
                (NodeKind::Kind, _) => assert_eq!(n.fill, NEUTRAL),
                _ => {}
            }
        }
        let lg = l.legend.as_ref().unwrap();
        assert_eq!(lg.swatch, UNCLEAR);
        assert!(lg.title.text.contains("large − sme"), "{}", lg.title.text);
        // On a phone the title is cut, and what is cut is its end: the sides stay.
        let phone = layout_hierarchy(
            &scene,
            &HierView::fit(),
            (390.0 * 3.0, 800.0 * 3.0),
            3.0,
            &mut arial_measure(),
        )
        .unwrap();
        let t = &phone.legend.as_ref().unwrap().title.text;
        assert!(
            t.starts_with("large − sme: difference in ") && t.ends_with('…'),
            "{t}"
        );
    }
    // The demo data has both kinds of role (sme vs large: none clear on importance, some on
    // performance).
    assert!(clear >= 1 && grey >= 1, "{clear} clear, {grey} grey");
}

#[test]
fn gap_compares_performance() {
    let cmp = comparison();
    let (gap, _) = values_from_comparison(&cmp, ColorBy::Gap);
    let (perf, _) = values_from_comparison(&cmp, ColorBy::Performance);
    assert_eq!(gap, perf);
}

#[test]
fn quadrant_table_has_both_groups_and_the_difference() {
    let cmp = comparison();
    for (lang, want) in [("en", "Importance 95% CI"), ("nl", "Belang 95%-BI")] {
        let s = session("quadrant", lang);
        let t = s.table().unwrap();
        assert_eq!(t.head.len(), 17);
        assert_eq!(t.head[6], want);
        assert_eq!(t.rows.len(), 14);
        let l = if lang == "nl" { Lang::Nl } else { Lang::En };
        for (row, r) in t.rows.iter().zip(&cmp.roles) {
            assert_eq!(row.cells.len(), 17);
            for (k, d) in [(1, &r.importance), (8, &r.performance)] {
                let a = d.a.unwrap();
                let b = d.b.unwrap();
                assert_eq!(row.cells[k], fmt_fixed(a.mean, 2, l));
                assert_eq!(row.cells[k + 1], a.n.unwrap().to_string());
                assert_eq!(row.cells[k + 2], fmt_fixed(b.mean, 2, l));
                assert_eq!(row.cells[k + 3], b.n.unwrap().to_string());
                let diff = fmt_fixed(d.diff.unwrap(), 2, l);
                assert!(row.cells[k + 4].ends_with(diff.trim_start_matches('-')));
                let [lo, hi] = d.ci95.unwrap();
                assert_eq!(
                    row.cells[k + 5],
                    format!("{} – {}", fmt_fixed(lo, 2, l), fmt_fixed(hi, 2, l))
                );
                let yes = if lang == "nl" { "ja" } else { "yes" };
                assert_eq!(row.cells[k + 6] == yes, d.excludes_zero == Some(true));
            }
        }
        // The sides by their groups' labels in the table's language (the catalogue's).
        let names = if lang == "nl" {
            "A = KMO's, B = Grote bedrijfsleden"
        } else {
            "A = SME members, B = Large member companies"
        };
        assert!(t.caption.contains(names), "{}", t.caption);
    }
}

#[test]
fn hierarchy_table_and_tooltips_give_the_comparison_in_dutch() {
    let s = session("hierarchy", "nl");
    let t = s.table().unwrap();
    assert_eq!(t.head.len(), 18);
    assert_eq!(t.head[17], "Bovenliggend");
    // A spearhead role: both roll-up means and the reason there is no interval, in Dutch.
    let sr = t.rows.iter().find(|r| r.item == 101).expect("SR1 row");
    assert_eq!(sr.cells.len(), 18);
    assert!(sr.cells[6].starts_with("geen interval"), "{:?}", sr.cells);
    let tip = s.tooltip(Item::Node(101)).unwrap();
    let rows: Vec<String> = tip.rows.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    assert!(
        rows.iter()
            .any(|r| r.contains("KMO's") && r.contains("Grote bedrijfsleden")),
        "{rows:?}"
    );
    assert!(rows.iter().any(|r| r.contains("geen interval")), "{rows:?}");
    assert!(tip.note.contains("grijs"), "{}", tip.note);
    // A role: both groups' figures and the difference with its interval.
    let tip = s.tooltip(Item::Role(4)).unwrap();
    assert!(tip.rows.iter().any(|(k, _)| k.contains("verschil, 95%-BI")));
}

#[test]
fn reasons_name_the_side_in_both_languages() {
    use spco_roles::stats::Reason;
    use spco_roles::wording::compare_reason;
    let names = ["sme", "large"];
    assert_eq!(
        compare_reason(Lang::En, Reason::NoAnswersB, names),
        "no answers for this role in large"
    );
    assert_eq!(
        compare_reason(Lang::Nl, Reason::NoAnswersA, names),
        "geen antwoorden voor deze rol in sme"
    );
    assert_eq!(
        compare_reason(Lang::Nl, Reason::SingleAnswerB, names),
        "geen interval: large heeft minder dan 2 antwoorden"
    );
    assert_eq!(
        compare_reason(Lang::En, Reason::SingleAnswerA, names),
        "no interval: sme has fewer than 2 answers"
    );
}
