//! The chart without seeing it, natively: the summary sentence and the data table of the
//! current selection (against Table 3 and the reconstructed respondents, with figures worked out
//! by hand or counted from the data file here), and arrow-key neighbours from the last layout.
#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::catalogue::catalogue;
use spco_roles::chart::arial_measure;
use spco_roles::chart::hierarchy::{node_label, spearhead_id};
use spco_roles::session::describe::Direction;
use spco_roles::session::{Attr, Item, Session};

const TABLE3: &[u8] = include_bytes!("../data/table3-summary.csv");
const RECON: &[u8] = include_bytes!("../data/reconstructed-table3.csv");

fn loaded(bytes: &[u8]) -> Session {
    let mut s = Session::new();
    s.load(bytes, "auto", "data.csv").unwrap();
    s.resize(900.0, 600.0, 1.0);
    s.ensure_layout(&mut arial_measure()).unwrap();
    s
}

fn with(s: &mut Session, attr: &str, value: &str) {
    let mut o = s.settings().clone();
    o.set(Attr::from_name(attr).unwrap(), Some(value)).unwrap();
    s.set_settings(o).unwrap();
    s.ensure_layout(&mut arial_measure()).unwrap();
}

#[test]
fn table3_summary_names_the_quadrants_and_the_largest_gap() {
    // Table 3 with the report's crosshair (importance 5, performance 3): every role performs at
    // 3.03 or more; only role 11 has importance under 5 (4.90). Gap = (imp-1)/8 - (perf-1)/4:
    // role 7 (6.80, 3.06) 0.725 - 0.515 = 0.21, the largest (role 1: 0.199, role 5: 0.199).
    let mut s = loaded(TABLE3);
    let text = s.summary_text();
    assert!(
        text.ends_with(
            "13 of 14 roles are important and performing well; 11 Business support services is \
             less crucial but performing well. Largest gap: 7 Links between clusters (+0.21)."
        ),
        "{text}"
    );
    assert!(text.contains("? lists all keys"), "{text}");
    with(&mut s, "lang", "nl");
    let text = s.summary_text();
    assert!(
        text.ends_with(
            "13 van de 14 rollen zijn belangrijk en goed uitgevoerd; 11 Ondersteunende diensten \
             is minder cruciaal maar goed uitgevoerd. Grootste kloof: 7 Verbindingen tussen \
             clusters (+0,21)."
        ),
        "{text}"
    );
}

#[test]
fn table3_table_has_every_role_with_its_figures() {
    let mut s = loaded(TABLE3);
    let t = s.table().unwrap();
    assert_eq!(t.head.len(), 9);
    assert_eq!(t.rows.len(), 14);
    let r5 = t.rows.iter().find(|r| r.item == 5).unwrap();
    // Table 3, role 5: importance 7.63 (SD 1.11, n 30), performance 3.52 (SD 1.04, n 31);
    // gap 6.63/8 - 2.52/4 = 0.19875.
    assert_eq!(
        r5.cells,
        [
            "5 Innovation catalyst",
            "7.63",
            "1.11",
            "30",
            "3.52",
            "1.04",
            "31",
            "Important, performing well",
            "+0.20"
        ]
    );
    assert!(!r5.selected);
    s.set_selected(Some(Item::Role(5)));
    let t = s.table().unwrap();
    assert!(t.rows.iter().find(|r| r.item == 5).unwrap().selected);
    assert_eq!(t.rows.iter().filter(|r| r.selected).count(), 1);
    let r11 = t.rows.iter().find(|r| r.item == 11).unwrap();
    assert_eq!(r11.cells[7], "Less crucial, performing well");
    with(&mut s, "lang", "nl");
    let t = s.table().unwrap();
    assert_eq!(
        t.rows.iter().find(|r| r.item == 5).unwrap().cells[1],
        "7,63"
    );
    assert_eq!(t.head[0], "Rol");
}

#[test]
fn a_group_filter_changes_n_in_the_summary_and_the_table() {
    // Respondents of the SME group, counted from the file itself.
    let text = std::str::from_utf8(RECON).unwrap();
    let mut ids: Vec<&str> = text
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(1) == Some("sme"))
        .map(|l| l.split(',').next().unwrap())
        .collect();
    ids.sort();
    ids.dedup();
    let n = ids.len();
    assert!(n > 0);
    let mut s = loaded(RECON);
    with(&mut s, "group", "sme");
    let summary = s.summary_text();
    assert!(
        summary.contains(&format!("n = {n} respondents. ")),
        "{summary}"
    );
    let t = s.table().unwrap();
    assert!(t.caption.ends_with(&format!("n = {n}")), "{}", t.caption);
    // The summary's counts agree with the table's quadrant column.
    let keep_up = t
        .rows
        .iter()
        .filter(|r| r.cells[7] == "Important, performing well")
        .count();
    let with_quadrant = t.rows.iter().filter(|r| !r.cells[7].is_empty()).count();
    if keep_up > 0 && keep_up < with_quadrant {
        assert!(
            summary.contains(&format!("{keep_up} of {with_quadrant} roles"))
                || summary.contains(&format!("{keep_up} roles are important and performing")),
            "{summary}"
        );
    }
}

#[test]
fn arrows_move_to_the_nearest_role_that_way() {
    let s = loaded(TABLE3);
    // Role 11 (4.90, 3.03) is the leftmost; role 13 (5.50, 3.17) is next to it on the right,
    // nearer than anything else both across and along.
    assert_eq!(
        s.neighbour(Item::Role(11), Direction::Right),
        Some(Item::Role(13))
    );
    assert_eq!(s.neighbour(Item::Role(11), Direction::Left), None);
    // Role 4 performs best (4.32): nothing above it.
    assert_eq!(s.neighbour(Item::Role(4), Direction::Up), None);
    let below = s.neighbour(Item::Role(4), Direction::Down).unwrap();
    let y = |i: Item| s.item_position(i).unwrap().1;
    assert!(y(below) > y(Item::Role(4)));
    // Role 7 (6.80, 3.06) sits lowest but for 11 (3.03): Down from 7 goes to 11.
    assert_eq!(
        s.neighbour(Item::Role(7), Direction::Down),
        Some(Item::Role(11))
    );
    assert_eq!(s.neighbour(Item::Role(11), Direction::Down), None);
    // Every arrow from every role stays on the visible roles and moves the right way.
    for r in 1..=14u8 {
        let (x0, y0) = s.item_position(Item::Role(r)).unwrap();
        for (d, ok) in [
            (
                Direction::Left,
                &(|x: f64, _y: f64| x < x0) as &dyn Fn(f64, f64) -> bool,
            ),
            (Direction::Right, &|x: f64, _y: f64| x > x0),
            (Direction::Up, &|_x: f64, y: f64| y < y0),
            (Direction::Down, &|_x: f64, y: f64| y > y0),
        ] {
            if let Some(n) = s.neighbour(Item::Role(r), d) {
                let (x, y) = s.item_position(n).unwrap();
                assert!(ok(x, y), "role {r} {d:?} -> {n:?}");
            }
        }
    }
}

#[test]
fn hierarchy_table_lists_nodes_with_parents_and_expanded_state() {
    let mut s = loaded(RECON);
    with(&mut s, "view", "hierarchy");
    let t = s.table().unwrap();
    assert_eq!(t.head.len(), 5);
    // Role 5's parents are the spearhead roles that list it as a source, per the catalogue.
    let mut want: Vec<String> = catalogue()
        .spearheads
        .iter()
        .filter(|sp| sp.primary.contains(&5) || sp.secondary.contains(&5))
        .map(|sp| node_label(spearhead_id(sp.id), spco_roles::catalogue::Lang::En))
        .collect();
    want.sort();
    let r5 = t.rows.iter().find(|r| r.item == 5).unwrap();
    let mut got: Vec<String> = r5.cells[4].split(", ").map(String::from).collect();
    got.sort();
    assert_eq!(got, want);
    // SR2 (102) has children: expanded, with a button; collapsing it drops its roles' edges.
    let sr2 = t.rows.iter().find(|r| r.item == 102).unwrap();
    assert_eq!(sr2.expanded, Some(true));
    assert!(sr2.toggle != 0);
    let toggle = Item::from_js(sr2.toggle).unwrap();
    assert!(s.activate(toggle));
    s.ensure_layout(&mut arial_measure()).unwrap();
    let t2 = s.table().unwrap();
    assert_eq!(
        t2.rows.iter().find(|r| r.item == 102).unwrap().expanded,
        Some(false)
    );
    assert!(t2.rows.len() <= t.rows.len());
    let summary = s.summary_text();
    assert!(
        summary.starts_with("Hierarchy of the spearhead roles"),
        "{summary}"
    );
    assert!(summary.contains("Largest gap at "), "{summary}");
}
