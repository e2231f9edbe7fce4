//! The hierarchy's SVG export is of what is shown: a second session (the browser's export module
//! is another wasm instance) given the first one's `hier_state` draws the same zoom and collapsed
//! nodes, so the SVG holds exactly the labels the canvas shows.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::chart::arial_measure;
use spco_roles::session::{Attr, Item, LayoutCss, Session};

const RECON: &[u8] = include_bytes!("../data/reconstructed-table3.csv");

fn hierarchy() -> Session {
    let mut s = Session::new();
    s.load(RECON, "auto", "data.csv").unwrap();
    // A transformed slide's pixel ratio and a text scale: the export lays out on the canvas'
    // own pixels at the same ink ratio, or its text would wrap differently.
    s.resize(900.0, 600.0, 1.5);
    let mut o = s.settings().clone();
    o.set(Attr::from_name("view").unwrap(), Some("hierarchy"))
        .unwrap();
    o.set(Attr::from_name("text-scale").unwrap(), Some("1.3"))
        .unwrap();
    s.set_settings(o).unwrap();
    s.set_reduced_motion(true);
    s.ensure_layout(&mut arial_measure()).unwrap();
    s
}

fn norm(t: &str) -> String {
    t.replace('\u{a0}', " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The texts of an SVG document (plotters writes each between its own tags).
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
        .map(|t| norm(t.split('<').next().unwrap_or("")))
        .collect()
}

/// The node labels drawn on the canvas: lines whose box lies inside the plot (the painter's
/// rule), and all node lines of the layout.
fn labels(l: &LayoutCss) -> (Vec<String>, Vec<String>) {
    let p = &l.plot;
    let inside = |b: &spco_roles::session::RectCss| {
        b.x >= p.x - 0.5
            && b.y >= p.y - 0.5
            && b.x + b.w <= p.x + p.w + 0.5
            && b.y + b.h <= p.y + p.h + 0.5
    };
    let mut shown = Vec::new();
    let mut all = Vec::new();
    for n in &l.nodes {
        for (t, b) in n.lines.iter().zip(&n.line_boxes) {
            all.push(norm(t));
            if inside(b) {
                shown.push(norm(t));
            }
        }
    }
    (shown, all)
}

/// Exports `s` as the browser does: a fresh session with the same data, size and settings,
/// given `hier_state`.
fn export_of(s: &Session) -> String {
    let mut t = hierarchy();
    t.set_hier_state(&s.hier_state()).unwrap();
    t.svg_like_canvas(&mut arial_measure()).unwrap()
}

fn check(s: &mut Session, what: &str) {
    s.ensure_layout(&mut arial_measure()).unwrap();
    let shown_layout = s.layout_css().unwrap();
    let (shown, _) = labels(&shown_layout);
    let (_, everything) = labels(&hierarchy().layout_css().unwrap());
    let svg = export_of(s);
    // The same picture as the session that is shown draws of itself.
    assert_eq!(
        svg,
        s.svg_like_canvas(&mut arial_measure()).unwrap(),
        "{what}"
    );
    // The canvas' pixels: 900 x 600 CSS px at 1.5.
    assert!(
        svg.contains("width=\"1350\" height=\"900\""),
        "{what}: {}",
        svg.get(..120).unwrap_or("")
    );
    let texts = svg_texts(&svg);
    for l in &shown {
        assert!(texts.contains(l), "{what}: SVG lacks the shown label {l:?}");
    }
    let hidden: Vec<&String> = everything.iter().filter(|l| !shown.contains(l)).collect();
    assert!(
        hidden.len() >= 5,
        "{what}: the view hides labels ({hidden:?})"
    );
    for l in hidden {
        assert!(
            !texts.contains(l),
            "{what}: SVG shows {l:?}, which the canvas does not"
        );
    }
}

#[test]
fn zoomed_into_a_spearhead_role() {
    let mut s = hierarchy();
    // SR3 (103): its subtree fills the view; most of the diagram is outside it.
    assert!(s.activate(Item::Node(103)));
    check(&mut s, "zoomed into SR3");
    // Without the state the export module would draw the whole diagram (the old export).
    let whole = hierarchy().svg_like_canvas(&mut arial_measure()).unwrap();
    assert_ne!(whole, export_of(&s));
}

#[test]
fn collapsed_node_and_wheel_zoom() {
    let mut s = hierarchy();
    // Collapse the action-oriented kind (its spearheads 104-110 and their own roles go).
    assert!(s.activate(Item::Toggle(202)));
    check(&mut s, "action-oriented kind collapsed");
    // And a wheel zoom off-centre on top of it.
    s.zoom_at(600.0, 400.0, 2.5);
    check(&mut s, "collapsed and wheel-zoomed");
}

#[test]
fn bad_states_are_refused() {
    let mut s = hierarchy();
    assert!(s.set_hier_state(&[]).is_err());
    assert!(s.set_hier_state(&[20.0, 0.5, 0.5]).is_err(), "zoom past 8");
    assert!(
        s.set_hier_state(&[1.0, 0.5, 0.5, 9999.0]).is_err(),
        "no node 9999"
    );
    assert!(s.set_hier_state(&[1.0, 0.5, 0.5, 1.5]).is_err());
    assert!(s.set_hier_state(&[1.0, 0.5, 0.5, 202.0]).is_ok());
}
