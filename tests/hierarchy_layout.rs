//! Layout of the hierarchy diagram: completeness, the many-to-many edges, no overlaps and no
//! small text at many sizes and zooms, collapse, zoom to a node, hit testing.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

mod common;

use spco_roles::catalogue::{catalogue, Lang};
use spco_roles::chart::hierarchy::{
    chains, contrast, hit_test_hierarchy, layout_hierarchy, lerp, render_hierarchy_svg,
    zoom_to_node, Arrangement, ColorBy, HierView, HierarchyLayout, HierarchyScene, Hit, LabelForm,
    NodeId, NodeKind, NodeSet, Orientation, MAX_ZOOM,
};
use spco_roles::chart::{arial_measure, DrawOptions};

fn scene(arr: Arrangement, lang: Lang, color_by: ColorBy) -> HierarchyScene {
    common::table3_hierarchy(arr, lang, color_by)
}

fn lay(s: &HierarchyScene, view: &HierView, w: f64, h: f64, dpr: f64) -> HierarchyLayout {
    layout_hierarchy(s, view, (w * dpr, h * dpr), dpr, &mut arial_measure())
        .unwrap_or_else(|e| panic!("{w}x{h}@{dpr}: {e}"))
}

fn ids(l: &HierarchyLayout) -> NodeSet {
    l.nodes.iter().map(|n| n.id).collect()
}

#[test]
fn every_node_is_laid_out() {
    let s = scene(Arrangement::Spearheads, Lang::En, ColorBy::Importance);
    let l = lay(&s, &HierView::fit(), 1200.0, 700.0, 1.0);
    let want: NodeSet = (1..=14)
        .chain(101..=110)
        .chain([201, 202, 300, 301, 302, 303])
        .collect();
    assert_eq!(ids(&l), want);
    assert_eq!(
        l.node(1).unwrap().label,
        "1 · Competitiveness and economic growth (extra employment)"
    );
    assert_eq!(l.node(102).unwrap().label, "SR2 · Shaping a consortium");
    assert_eq!(
        l.node(4).unwrap().label,
        "4 · Bringing stakeholders together"
    );
    // Role 1 sits inside the higher purpose.
    assert!(l
        .node(300)
        .unwrap()
        .rect
        .contains_rect(&l.node(1).unwrap().rect));

    let s = scene(Arrangement::Categories, Lang::Nl, ColorBy::Gap);
    let l = lay(&s, &HierView::fit(), 700.0, 900.0, 2.0);
    let want: NodeSet = (1..=14).chain(401..=403).collect();
    assert_eq!(ids(&l), want);
    assert_eq!(l.edges.len(), 14);
}

#[test]
fn every_link_is_an_edge_with_the_right_dash() {
    let cat = catalogue();
    let s = scene(Arrangement::Spearheads, Lang::En, ColorBy::Importance);
    for (w, h) in [(1200.0, 700.0), (700.0, 900.0)] {
        let l = lay(&s, &HierView::fit(), w, h, 1.0);
        let mut n_links = 0;
        for sr in cat.spearheads {
            for (list, primary) in [(&sr.primary, true), (&sr.secondary, false)] {
                for &r in list.iter() {
                    n_links += 1;
                    let e = l
                        .edges
                        .iter()
                        .find(|e| e.from == 100 + sr.id as NodeId && e.to == r as NodeId)
                        .unwrap_or_else(|| panic!("SR{} - {r} missing", sr.id));
                    assert_eq!(e.primary, primary, "SR{} - {r}", sr.id);
                    // The path runs from the parent's child side to the child's parent side.
                    let (p, c) = (l.node(e.from).unwrap(), l.node(e.to).unwrap());
                    let (first, last) = (e.points[0], *e.points.last().unwrap());
                    if l.orientation == Orientation::TopDown {
                        assert!(
                            (last.1 - c.rect.y0).abs() < 0.5
                                && (last.0 - c.rect.center().0).abs() < 0.5
                        );
                        assert!(first.1 >= p.rect.y1 - 0.5);
                    } else {
                        assert!(
                            (last.0 - c.rect.x0).abs() < 0.5
                                && (last.1 - c.rect.center().1).abs() < 0.5
                        );
                        assert!(first.0 >= p.rect.x1 - 0.5);
                    }
                }
            }
        }
        // STUDY.md: SR2 has 1 + 6 links, SR3 1 + 2, the other eight one each.
        assert_eq!(n_links, 18);
        // Role 5 is primary for SR5 and SR6: both solid.
        for sr in [105, 106] {
            assert!(l
                .edges
                .iter()
                .any(|e| e.from == sr && e.to == 5 && e.primary));
        }
        // 18 role links, 10 kind -> spearhead, 2 purpose -> kind.
        assert_eq!(l.edges.len(), 30);
    }
}

const SIZES: [(f64, f64); 9] = [
    (320.0, 240.0),
    (360.0, 640.0),
    (420.0, 600.0),
    (700.0, 900.0),
    (800.0, 800.0),
    (1024.0, 768.0),
    (1200.0, 700.0),
    (1800.0, 1000.0),
    (600.0, 300.0),
];

fn views() -> Vec<HierView> {
    vec![
        HierView::fit(),
        HierView::new(2.0, 0.3, 0.7).unwrap(),
        HierView::new(3.5, 0.8, 0.2).unwrap(),
        HierView::new(MAX_ZOOM, 0.5, 0.5).unwrap(),
    ]
}

fn check_geometry(l: &HierarchyLayout, tag: &str) {
    let dpr = l.dpr;
    for (i, a) in l.nodes.iter().enumerate() {
        assert!(a.font_px >= 12.0 * dpr, "{tag}: font {}", a.font_px);
        {
            for t in &a.lines {
                assert!(
                    l.plot.inflate(1e-6).contains_rect(&t.rect),
                    "{tag}: text {:?} {:?} of {} outside the plot {:?}",
                    t.text,
                    t.rect,
                    a.id,
                    l.plot
                );
                assert!(t.font_px >= 12.0 * dpr, "{tag}");
                assert!(
                    a.rect.contains_rect(&t.rect),
                    "{tag}: line {:?} of {} outside {:?}",
                    t.text,
                    a.id,
                    a.rect
                );
            }
            for (j, t) in a.lines.iter().enumerate() {
                for u in &a.lines[j + 1..] {
                    assert!(
                        !t.rect.intersects(&u.rect),
                        "{tag}: lines of {} overlap",
                        a.id
                    );
                }
            }
        }
        for b in &l.nodes[i + 1..] {
            let nested = a.rect.contains_rect(&b.rect) || b.rect.contains_rect(&a.rect);
            let frame = a.kind == NodeKind::Purpose || b.kind == NodeKind::Purpose;
            if frame && nested {
                // Items inside the frame must not overlap its header text.
                let (f, item) = if a.kind == NodeKind::Purpose {
                    (a, b)
                } else {
                    (b, a)
                };
                for t in &f.lines {
                    assert!(
                        !t.rect.intersects(&item.rect),
                        "{tag}: header over {}",
                        item.id
                    );
                }
                continue;
            }
            assert!(
                !a.rect.intersects(&b.rect),
                "{tag}: {} and {} overlap",
                a.id,
                b.id
            );
        }
        if let Some(t) = &a.toggle {
            assert!(l.plot.contains_rect(&t.rect), "{tag}");
            for b in &l.nodes {
                if b.id != a.id && !(b.kind == NodeKind::Purpose && b.rect.contains_rect(&a.rect)) {
                    assert!(
                        !t.rect.intersects(&b.rect),
                        "{tag}: toggle of {} on {}",
                        a.id,
                        b.id
                    );
                }
            }
            if let Some(lb) = &t.label {
                assert!(lb.font_px >= 12.0 * dpr);
            }
        }
    }
    if let Some(lg) = &l.legend {
        assert!(lg.rect.y0 >= l.plot.y1, "{tag}: legend over the plot");
        assert!(lg.title.font_px >= 12.0 * dpr);
        for (_, t) in &lg.ticks {
            assert!(t.font_px >= 12.0 * dpr);
            assert!(
                t.rect.x0 >= 0.0 && t.rect.x1 <= l.width && t.rect.y1 <= l.height,
                "{tag}"
            );
        }
        assert!(lg.title.rect.x1 <= l.width);
    }
}

#[test]
fn no_overlaps_no_small_text_at_any_size_or_zoom() {
    for arr in [Arrangement::Spearheads, Arrangement::Categories] {
        for lang in [Lang::En, Lang::Nl] {
            let s = scene(arr, lang, ColorBy::Gap);
            for &(w, h) in &SIZES {
                for dpr in [1.0, 2.0] {
                    for (vi, v) in views().iter().enumerate() {
                        let l = lay(&s, v, w, h, dpr);
                        check_geometry(&l, &format!("{arr:?} {lang:?} {w}x{h}@{dpr} view {vi}"));
                        if vi == 0 {
                            // Fitted: everything visible and inside the plot.
                            for n in &l.nodes {
                                assert!(
                                    n.inside,
                                    "{w}x{h}: {} at {:?}, plot {:?}",
                                    n.id, n.rect, l.plot
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn labels_grow_with_the_zoom() {
    let s = scene(Arrangement::Spearheads, Lang::En, ColorBy::Importance);
    let fit = lay(&s, &HierView::fit(), 420.0, 600.0, 1.0);
    // At phone width (levels left to right) some of the 13 roles cannot show their whole names...
    assert_eq!(fit.orientation, Orientation::LeftRight);
    assert!(fit.nodes.iter().any(|n| n.kind == NodeKind::Role
        && n.lines
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
            != n.label));
    // ...but zoomed in on them, every role box that is wholly visible shows its full label.
    let deep = lay(
        &s,
        &HierView::new(3.0, 0.85, 0.5).unwrap(),
        420.0,
        600.0,
        1.0,
    );
    let roles: Vec<_> = deep
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Role && n.inside)
        .collect();
    assert!(!roles.is_empty());
    for n in roles {
        let text: Vec<&str> = n.lines.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(text.join(" "), n.label, "role {}", n.id);
    }
    // The font stays at its CSS size whatever the zoom (boxes cut by the plot edge may set
    // their label smaller, never below 12 px).
    assert!(deep
        .nodes
        .iter()
        .all(|n| n.font_px == 13.0 || (!n.inside && n.font_px >= 12.0)));
}

#[test]
fn orientation_follows_the_aspect() {
    let s = scene(Arrangement::Spearheads, Lang::En, ColorBy::Importance);
    let o = |w, h| lay(&s, &HierView::fit(), w, h, 1.0).orientation;
    assert_eq!(o(1200.0, 700.0), Orientation::LeftRight);
    assert_eq!(o(700.0, 900.0), Orientation::TopDown);
    assert_eq!(o(800.0, 800.0), Orientation::TopDown);
    assert_eq!(o(560.0, 700.0), Orientation::TopDown);
    // A portrait phone: the 14 roles one above the other rather than 45 px boxes side by side.
    assert_eq!(o(420.0, 600.0), Orientation::LeftRight);
    assert_eq!(o(390.0, 844.0), Orientation::LeftRight);
}

#[test]
fn layout_is_deterministic() {
    let s = scene(Arrangement::Spearheads, Lang::Nl, ColorBy::Performance);
    let v = HierView::new(2.0, 0.4, 0.6).unwrap();
    assert_eq!(
        lay(&s, &v, 900.0, 600.0, 2.0),
        lay(&s, &v, 900.0, 600.0, 2.0)
    );
}

#[test]
fn collapse_hides_exactly_the_nodes_without_another_visible_parent() {
    let mut s = scene(Arrangement::Spearheads, Lang::En, ColorBy::Importance);
    // Action-oriented roles (202) hide SR4-SR10 and the roles fed only by them: 2, 8, 11, 14.
    // 3 and 5 stay (secondary links to SR2).
    s.collapsed = NodeSet::from([202]);
    let l = lay(&s, &HierView::fit(), 1200.0, 700.0, 1.0);
    let hidden: NodeSet = (104..=110).chain([2, 8, 11, 14]).collect();
    assert_eq!(l.hidden, hidden);
    assert!(ids(&l).is_disjoint(&hidden));
    assert!(ids(&l).contains(&3) && ids(&l).contains(&5));
    let t = l.node(202).unwrap().toggle.as_ref().unwrap();
    assert!(t.collapsed);
    assert_eq!(t.hidden, 11);
    assert_eq!(t.label.as_ref().unwrap().text, "+11");
    assert!(l.edges.iter().all(|e| e.from != 202));

    // SR2 hides only the roles it alone feeds: 4, 7, 10 (12 and 13 also feed SR3).
    s.collapsed = NodeSet::from([102]);
    let l = lay(&s, &HierView::fit(), 700.0, 900.0, 1.0);
    assert_eq!(l.hidden, NodeSet::from([4, 7, 10]));
    // SR2 and SR3 together: also 12 and 13.
    s.collapsed = NodeSet::from([102, 103]);
    let l = lay(&s, &HierView::fit(), 700.0, 900.0, 1.0);
    assert_eq!(l.hidden, NodeSet::from([4, 6, 7, 10, 12, 13]));
    check_geometry(&l, "collapsed");
    // The root hides everything else (29 nodes).
    s.collapsed = NodeSet::from([300]);
    let l = lay(&s, &HierView::fit(), 700.0, 900.0, 1.0);
    assert_eq!(ids(&l), NodeSet::from([300]));
    assert_eq!(l.hidden.len(), 29);
    assert_eq!(l.node(300).unwrap().toggle.as_ref().unwrap().hidden, 29);
}

#[test]
fn zoom_to_node_frames_its_subtree() {
    let s = scene(Arrangement::Spearheads, Lang::En, ColorBy::Importance);
    // On the portrait phone the higher purpose is a band on top and the other three levels
    // share the width, so SR3's subtree (two of three columns) allows less zoom.
    for (w, h, min_zoom) in [(1200.0, 700.0, 1.5), (420.0, 600.0, 1.2)] {
        let l = lay(&s, &HierView::fit(), w, h, 1.0);
        // SR3 feeds from 6 (primary), 12 and 13 (secondary).
        let v = zoom_to_node(&l, 103).unwrap();
        assert!(v.zoom() > min_zoom, "{w}x{h}: zoom {}", v.zoom());
        let z = lay(&s, &v, w, h, 1.0);
        for id in [103, 6, 12, 13] {
            assert!(z.node(id).unwrap().inside, "{w}x{h}: {id} not framed");
        }
        // Not much more than the subtree: the far-away SR9 is out of view.
        assert!(!z.node(109).unwrap().inside);
        assert_eq!(zoom_to_node(&l, 999), None);
    }
}

#[test]
fn hit_test_finds_nodes_toggles_and_nothing() {
    let s = scene(Arrangement::Spearheads, Lang::En, ColorBy::Importance);
    let l = lay(&s, &HierView::fit(), 1200.0, 700.0, 2.0);
    for n in &l.nodes {
        // The frame around the purpose items is hit in its header.
        let (x, y) = if n.kind == NodeKind::Purpose {
            (n.rect.x0 + 4.0, n.rect.y0 + 4.0)
        } else {
            n.rect.center()
        };
        assert_eq!(hit_test_hierarchy(&l, x, y), Some(Hit::Node(n.id)));
        if let Some(t) = &n.toggle {
            let (x, y) = t.rect.center();
            assert_eq!(hit_test_hierarchy(&l, x, y), Some(Hit::Toggle(n.id)));
        }
    }
    // Kinds and spearheads have toggles at fit on a wide screen; roles never do.
    assert!(l.node(102).unwrap().toggle.is_some());
    assert!(l.node(4).unwrap().toggle.is_none());
    // Between the root and the kinds, and outside the plot: nothing.
    let r = l.node(300).unwrap().rect;
    assert_eq!(hit_test_hierarchy(&l, r.x1 + 3.0, l.plot.y0 + 2.0), None);
    assert_eq!(hit_test_hierarchy(&l, -5.0, 10.0), None);
    assert_eq!(hit_test_hierarchy(&l, f64::NAN, 10.0), None);
}

#[test]
fn view_zoom_pan_and_lerp() {
    let s = scene(Arrangement::Spearheads, Lang::En, ColorBy::Importance);
    let l = lay(&s, &HierView::fit(), 800.0, 600.0, 1.0);
    let v = l.view;
    // Zooming at a point keeps the diagram point under it.
    let (px, py) = (300.0, 200.0);
    let z = v.zoom_at(px, py, 2.0);
    let a = v.to_diagram(px, py);
    let b = z.to_diagram(px, py);
    assert!((a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9);
    assert_eq!(z.zoom(), 2.0);
    // Limits: never below the fitted view, never past MAX_ZOOM, never off the diagram.
    assert_eq!(v.zoom_at(px, py, 0.1), v);
    assert_eq!(z.zoom_at(px, py, 1000.0).zoom(), MAX_ZOOM);
    let far = z.pan_px(1e6, -1e6);
    assert_eq!(far.centre(), (0.25, 0.75));
    assert_eq!(v.pan_px(50.0, 50.0), v);
    assert!(HierView::new(0.5, 0.5, 0.5).is_err());
    assert!(HierView::new(2.0, f64::NAN, 0.5).is_err());
    // Box zoom on a quarter of the plot doubles the zoom.
    let p = v.plot_rect();
    let bz = v.box_zoom(p.x0, p.y0, p.center().0, p.center().1);
    assert!((bz.zoom() - 2.0).abs() < 1e-9);
    assert_eq!(bz.centre(), (0.25, 0.25));
    // Lerp: the ends are the two views, the middle in between (eased, geometric zoom).
    let c = HierView::new(4.0, 0.7, 0.3)
        .unwrap()
        .with_plot_rect(p)
        .unwrap();
    assert_eq!(lerp(&v, &c, 0.0), v);
    assert_eq!(lerp(&v, &c, 1.0), c);
    let m = lerp(&v, &c, 0.5);
    assert!((m.zoom() - 2.0).abs() < 1e-9);
    assert!(lerp(&v, &c, 0.1).zoom() < lerp(&v, &c, 0.2).zoom());
}

#[test]
fn text_contrasts_with_its_fill() {
    for cb in [ColorBy::Importance, ColorBy::Performance, ColorBy::Gap] {
        let s = scene(Arrangement::Spearheads, Lang::En, cb);
        let l = lay(&s, &HierView::fit(), 1200.0, 700.0, 1.0);
        for n in &l.nodes {
            // WCAG AA for normal text.
            assert!(
                contrast(n.fill, n.text_color) >= 4.5,
                "{cb:?} node {}",
                n.id
            );
        }
        // Kinds and purpose items carry no value and are neutral.
        assert_eq!(l.node(201).unwrap().value, None);
        assert_eq!(l.node(301).unwrap().value, None);
        assert!(l.node(102).unwrap().value.is_some());
        if cb == ColorBy::Gap {
            assert_eq!(l.scale.lo, -l.scale.hi);
        } else {
            // Table 3: importance 4.90-7.97 -> 4.5-8; performance 3.03-4.32 -> 3-4.5.
            let want = if cb == ColorBy::Importance {
                (4.5, 8.0)
            } else {
                (3.0, 4.5)
            };
            assert_eq!((l.scale.lo, l.scale.hi), want);
        }
    }
}

#[test]
fn renders_svg() {
    let mut s = scene(Arrangement::Spearheads, Lang::En, ColorBy::Gap);
    s.highlighted = Some(102);
    s.selected = Some(4);
    let (view, mut m) = (HierView::fit(), arial_measure());
    let svg =
        render_hierarchy_svg(&s, &view, (1200.0, 700.0, 2.0), &mut m, &DrawOptions::svg()).unwrap();
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("SR2 · Shaping a consortium"));
    assert!(layout_hierarchy(
        &s,
        &HierView::fit(),
        (30.0, 30.0),
        1.0,
        &mut arial_measure()
    )
    .is_err());
    assert!(layout_hierarchy(
        &s,
        &HierView::fit(),
        (f64::NAN, 300.0),
        1.0,
        &mut arial_measure()
    )
    .is_err());
    assert!(layout_hierarchy(
        &s,
        &HierView::fit(),
        (300.0, 300.0),
        0.0,
        &mut arial_measure()
    )
    .is_err());
}

#[test]
fn hover_chains_follow_the_catalogue_up_to_the_purpose_and_down_to_the_roles() {
    // From STUDY.md: role 5 feeds SR2 (secondary), SR5 and SR6; SR2 is framework-setting, SR5
    // and SR6 action-oriented; both kinds serve the higher purpose (300). SR3 is fed by 6
    // (main), 12 and 13. The higher purpose's items (301-303 and role 1) come with it.
    let s = scene(Arrangement::Spearheads, Lang::En, ColorBy::Gap);
    let l = lay(&s, &HierView::fit(), 1200.0, 700.0, 1.0);
    let set = |v: Vec<NodeId>| v.into_iter().collect::<NodeSet>();
    let (up, down) = chains(&l, 5);
    assert_eq!(
        set(up),
        [5, 102, 105, 106, 201, 202, 300, 301, 302, 303, 1]
            .into_iter()
            .collect()
    );
    assert_eq!(set(down), [5].into_iter().collect());
    let (up, down) = chains(&l, 103);
    assert_eq!(
        set(up),
        [103, 201, 300, 301, 302, 303, 1].into_iter().collect()
    );
    assert_eq!(set(down), [103, 6, 12, 13].into_iter().collect());
}

#[test]
fn a_portrait_phone_sets_the_higher_purpose_across_the_top() {
    for lang in [Lang::En, Lang::Nl] {
        let s = scene(Arrangement::Spearheads, lang, ColorBy::Gap);
        for (w, h) in [(390.0, 717.0), (360.0, 629.0), (420.0, 600.0)] {
            let tag = format!("{lang:?} {w}x{h}");
            let l = lay(&s, &HierView::fit(), w, h, 1.0);
            assert_eq!(l.orientation, Orientation::LeftRight, "{tag}");
            assert!(l.purpose_on_top, "{tag}");
            let frame = l
                .nodes
                .iter()
                .find(|n| n.kind == NodeKind::Purpose)
                .unwrap();
            // The band spans the plot's width at its top; every other box lies below it.
            assert!(
                (frame.rect.x0 - l.plot.x0).abs() < 0.5 && (frame.rect.x1 - l.plot.x1).abs() < 0.5,
                "{tag}"
            );
            assert!((frame.rect.y0 - l.plot.y0).abs() < 0.5, "{tag}");
            for n in l
                .nodes
                .iter()
                .filter(|n| !frame.rect.contains_rect(&n.rect))
            {
                assert!(
                    n.rect.y0 > frame.rect.y1,
                    "{tag}: {} not below the band",
                    n.id
                );
            }
            // Its title shows whole, and each item at least one whole word of its name (as a
            // fourth column, 70 px wide, they showed "Highe…" and "Posit…").
            assert_eq!(frame.lines[0].text, frame.label, "{tag}");
            let items: Vec<_> = l
                .nodes
                .iter()
                .filter(|n| frame.rect.contains_rect(&n.rect) && n.id != frame.id)
                .collect();
            assert_eq!(items.len(), 4, "{tag}");
            for n in &items {
                let shown: String = n
                    .lines
                    .iter()
                    .map(|t| t.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let name = n.label.rsplit(" · ").next().unwrap();
                let first = name.split_whitespace().next().unwrap();
                assert!(
                    shown.contains(first),
                    "{tag}: item {} shows {shown:?} of {:?}",
                    n.id,
                    n.label
                );
            }
            // Its edges run down the trunk left of the columns and enter the kinds from the left.
            for e in l.edges.iter().filter(|e| e.from == frame.id) {
                let (first, last) = (e.points[0], *e.points.last().unwrap());
                let kind = l.node(e.to).unwrap();
                assert!(
                    first.1 >= frame.rect.y1 - 0.5 && first.0 < kind.rect.x0,
                    "{tag}"
                );
                assert!(
                    (last.0 - kind.rect.x0).abs() < 0.5
                        && (last.1 - kind.rect.center().1).abs() < 0.5,
                    "{tag}"
                );
                assert!(
                    e.points.windows(2).all(|p| p[1].1 >= p[0].1 - 1e-9),
                    "{tag}: the trunk runs down"
                );
            }
            assert_eq!(
                l.edges.iter().filter(|e| e.from == frame.id).count(),
                2,
                "{tag}"
            );
        }
    }
    // Collapsed, the higher purpose is the only box, up to the plot's width: its "+n" pill goes
    // on its right or, with no room there, below it, so a tap opens it again.
    let mut s = scene(Arrangement::Spearheads, Lang::En, ColorBy::Gap);
    s.collapsed.insert(300);
    for (w, h, dpr) in [
        (390.0, 717.0, 1.0),
        (390.0, 717.0, 3.0),
        (320.0, 600.0, 2.0),
    ] {
        let l = lay(&s, &HierView::fit(), w, h, dpr);
        assert!(!l.purpose_on_top);
        let t = l.node(300).unwrap().toggle.as_ref().expect("a toggle");
        assert!(
            t.collapsed && l.plot.contains_rect(&t.rect),
            "{w}x{h}@{dpr}"
        );
        assert_eq!(
            t.label.as_ref().unwrap().text,
            format!("+{}", l.hidden.len())
        );
    }
    // Wide elements and landscape ones keep the frame as the first column or row.
    let s = scene(Arrangement::Spearheads, Lang::En, ColorBy::Gap);
    for (w, h) in [(1200.0, 700.0), (700.0, 900.0), (560.0, 700.0)] {
        assert!(
            !lay(&s, &HierView::fit(), w, h, 1.0).purpose_on_top,
            "{w}x{h}"
        );
    }
}

/// A legend title too wide for a phone loses its parenthesis whole before anything is cut
/// mid-word; one that fits keeps it.
#[test]
fn a_narrow_legend_drops_the_parenthesis_first() {
    let s = scene(Arrangement::Spearheads, Lang::En, ColorBy::Gap);
    let full = "Gap importance − performance (0–1 scale; orange = falls short)";
    let title = |w: f64| {
        lay(&s, &HierView::fit(), w, 800.0, 3.0)
            .legend
            .unwrap()
            .title
            .text
    };
    assert_eq!(title(1200.0), full);
    assert_eq!(title(320.0), "Gap importance − performance…");
    let cut = title(150.0);
    assert!(cut.ends_with('…') && !cut.contains('('), "{cut}");
}

#[test]
fn on_a_small_phone_every_spearhead_role_shows_at_least_its_number() {
    // A 250 px element under the frame on top: the spearhead roles' column was staggered into
    // two columns of ~27 px boxes, too thin for even "SR1", and all ten showed nothing. One
    // column of one-line boxes holds each one's short form or more.
    for lang in [Lang::En, Lang::Nl] {
        let s = scene(Arrangement::Spearheads, lang, ColorBy::Gap);
        for (w, h) in [
            (250.0, 480.0),
            (250.0, 520.0),
            (260.0, 480.0),
            (280.0, 520.0),
        ] {
            let l = lay(&s, &HierView::fit(), w, h, 2.0);
            assert!(l.purpose_on_top, "{lang:?} {w}x{h}");
            for id in 101..=110 {
                let n = l.node(id).unwrap();
                assert!(
                    n.form != LabelForm::None && !n.lines.is_empty(),
                    "{lang:?} {w}x{h}: SR node {id} shows nothing"
                );
                // Nor its first letters ("SR…" for SR10): the tight padding leaves room for
                // the short form.
                assert!(
                    n.form != LabelForm::Letters,
                    "{lang:?} {w}x{h}: SR node {id} shows {:?}",
                    n.lines.iter().map(|t| &t.text).collect::<Vec<_>>()
                );
            }
        }
    }
}
