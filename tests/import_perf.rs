//! Times a long CSV of 100,000 respondents x 14 roles (1.4 M rows), in every `cargo test` (and so
//! `npm test`, which runs the debug build). The bound is generous for the profile it runs in:
//! 20 s in debug, where the import takes about 3 s on this project's shared 2-core machine, and
//! 5 s in release (about 0.45 s). An import made quadratic (a linear search for the respondent
//! id instead of the hash lookup) took 77 s in debug, so the test fails on that, not on a busy
//! machine.
//! `cargo test --release --test import_perf -- --nocapture` prints the release figure.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use std::time::Instant;

use spco_roles::import::{import, ImportOptions};
use spco_roles::model::{Dataset, Scale};

const GROUPS: [&str; 6] = [
    "sme",
    "Grote bedrijfsleden",
    "knowledge",
    "Overheid",
    "SPCO-directies",
    "KMO's",
];
const SPCOS: [&str; 6] = ["VIL", "catalisti", "Flux50", "MEDVIA", "dbc", "ff"];

#[test]
fn long_csv_100k_respondents() {
    let n = 100_000usize;
    let mut text = String::with_capacity(n * 14 * 28);
    text.push_str("respondent,group,spco,role,importance,performance\n");
    for r in 0..n {
        for role in 1..=14 {
            let imp = 1 + (r + role) % 9;
            // Every seventh performance answer skipped.
            let perf = if (r * 14 + role) % 7 == 0 {
                String::new()
            } else {
                (1 + (r * 3 + role) % 5).to_string()
            };
            text.push_str(&format!(
                "resp{r},{},{},{role},{imp},{perf}\n",
                GROUPS[r % GROUPS.len()],
                SPCOS[r % SPCOS.len()]
            ));
        }
    }
    let bytes = text.into_bytes();
    let opts = ImportOptions::default();
    // Best of 3 in release; one run in debug, whose bound is wide anyway.
    let (runs, bound) = if cfg!(debug_assertions) {
        (1, 20.0)
    } else {
        (3, 5.0)
    };
    let mut best = f64::INFINITY;
    for _ in 0..runs {
        let t = Instant::now();
        let imp = import(&bytes, &opts).expect("valid");
        best = best.min(t.elapsed().as_secs_f64());
        let Dataset::Respondents(s) = imp.dataset else {
            panic!("respondents")
        };
        assert_eq!(s.len(), n);
        // "sme" and "KMO's" are one group; "Overheid" is unknown and comes last.
        let codes: Vec<_> = s.groups.iter().map(|g| g.code.as_str()).collect();
        assert_eq!(codes, ["large", "sme", "knowledge", "director", "Overheid"]);
        // Respondent r answered importance 1 + (r + role) mod 9.
        for (r, role) in [(12_345usize, 3usize), (99_999, 14)] {
            let want = (1 + (r + role) % 9) as u8;
            assert_eq!(s.answer(r, role as u8, Scale::Importance), Some(want));
        }
    }
    eprintln!(
        "imported {} bytes, {} rows, in {:.0} ms (best of {runs}, {} profile)",
        bytes.len(),
        n * 14,
        best * 1000.0,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    assert!(best < bound, "far too slow: {best:.2} s (bound {bound} s)");
}
