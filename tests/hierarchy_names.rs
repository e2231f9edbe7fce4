//! Every role box of the hierarchy shows text at every size: its name, or at least its number
//! and as much of its short label as fits (issue 11: at 1200x480, 13 of 14 role boxes were
//! drawn empty). Lines stay inside their box, do not overlap, and are at least 12 CSS px.
//! Every role box shows more than its number (its name, cut at a word, or at least its first
//! three letters: "7 ·" over "Lin…") from 640 px wide or 480 px high, and from 400x400 and
//! 480x320; a portrait phone (390x844) lays the levels out left to right, so the roles get a
//! column. Smaller (320 px wide under 480 px high; 400x360; 480-560 px wide under 320 px high)
//! some boxes hold one line of 12 px type and show their number only.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

mod common;

use spco_roles::catalogue::Lang;
use spco_roles::chart::arial_measure;
use spco_roles::chart::hierarchy::{
    layout_hierarchy, Arrangement, ColorBy, HierView, HierarchyLayout, HierarchyScene, NodeKind,
};

fn scene(arr: Arrangement, lang: Lang) -> HierarchyScene {
    common::table3_hierarchy(arr, lang, ColorBy::Gap)
}

/// The problems of one layout's role boxes, as readable strings (empty when all is well).
fn role_problems(l: &HierarchyLayout, named: bool) -> Vec<String> {
    let dpr = l.dpr;
    let mut out = Vec::new();
    for n in l.nodes.iter().filter(|n| n.kind == NodeKind::Role) {
        let num = n.id.to_string();
        let has_num = n.lines.iter().any(|t| {
            t.text
                .split(|c: char| !c.is_ascii_digit())
                .any(|w| w == num)
        });
        if !has_num {
            out.push(format!("role {} shows {:?} in {:?}", n.id, n.lines, n.rect));
        }
        let letters = n
            .lines
            .iter()
            .flat_map(|t| t.text.chars())
            .filter(|c| c.is_alphabetic())
            .count();
        if named && letters < 3 {
            out.push(format!(
                "role {} shows no name: {:?} in {:.0}x{:.0}",
                n.id,
                n.lines.iter().map(|t| &t.text).collect::<Vec<_>>(),
                n.rect.width() / dpr,
                n.rect.height() / dpr
            ));
        }
        for (j, t) in n.lines.iter().enumerate() {
            if t.font_px < 12.0 * dpr - 1e-9 {
                out.push(format!("role {}: font {}", n.id, t.font_px));
            }
            if !n.rect.inflate(1e-6).contains_rect(&t.rect) {
                out.push(format!(
                    "role {}: line {:?} leaves {:?}",
                    n.id, t.rect, n.rect
                ));
            }
            for u in &n.lines[j + 1..] {
                if t.rect.intersects(&u.rect) {
                    out.push(format!("role {}: lines overlap", n.id));
                }
            }
        }
    }
    out
}

#[test]
fn every_role_box_shows_its_number_at_every_size() {
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut named = 0;
    for arr in [Arrangement::Spearheads, Arrangement::Categories] {
        for lang in [Lang::En, Lang::Nl] {
            let s = scene(arr, lang);
            for w in (320..=1600).step_by(80) {
                for h in (240..=1000).step_by(40) {
                    for dpr in [1.0, 2.0] {
                        let (w, h) = (w as f64, h as f64);
                        let l = layout_hierarchy(
                            &s,
                            &HierView::fit(),
                            (w * dpr, h * dpr),
                            dpr,
                            &mut arial_measure(),
                        )
                        .unwrap_or_else(|e| panic!("{w}x{h}@{dpr}: {e}"));
                        checked += 1;
                        // Where the roles' names hold (measured); below, boxes of 14 px to 29 px
                        // high hold one line, too short for a number and a name.
                        let name = w >= 640.0
                            || h >= 480.0
                            || (w >= 400.0 && h >= 400.0)
                            || (w >= 480.0 && h >= 320.0);
                        named += usize::from(name);
                        for p in role_problems(&l, name) {
                            failures.push(format!("{arr:?} {lang:?} {w}x{h}@{dpr}: {p}"));
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 1000 && named > 1000, "{checked} {named}");
    assert!(
        failures.is_empty(),
        "{} problems, e.g.\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}
