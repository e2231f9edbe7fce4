//! Fixtures shared by several integration tests (a module, not a test binary of its own).
// Each test binary compiles this module and uses only some of it.
#![allow(dead_code)]

use spco_roles::catalogue::Lang;
use spco_roles::chart::hierarchy::{values_from_stats, Arrangement, ColorBy, HierarchyScene};
use spco_roles::import::{import_str, ImportOptions};
use spco_roles::session::Session;
use spco_roles::stats::{compute, Selection, StatsOptions};

/// The hierarchy scene of the report's Table 3 (everyone), coloured by `color_by`.
pub fn table3_hierarchy(arr: Arrangement, lang: Lang, color_by: ColorBy) -> HierarchyScene {
    let imported = import_str(
        include_str!("../../data/table3-summary.csv"),
        &ImportOptions::default(),
    )
    .unwrap();
    let stats = compute(
        &imported.dataset,
        &Selection::default(),
        &StatsOptions::default(),
    )
    .unwrap();
    let mut s = HierarchyScene::new(lang);
    s.arrangement = arr;
    s.color_by = color_by;
    s.values = values_from_stats(&stats, color_by);
    s
}

/// A session holding the demo's reconstructed Table 3 respondents (everyone, default settings).
pub fn reconstructed_session() -> Session {
    let mut s = Session::new();
    let bytes = std::fs::read("data/reconstructed-table3.csv").unwrap();
    s.load(&bytes, "auto", "table").unwrap();
    s
}
