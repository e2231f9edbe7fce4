//! Timing of the summary-table tools on the report's Table 3: SPRITE-style reconstruction of all
//! 28 items, and the GRIM/GRIMMER check over n = 5..100 for both SD conventions.
//!
//! Run: `cargo bench --bench reconstruct`.

#![allow(clippy::disallowed_methods)] // a benchmark, not shipped: std is fine (clippy.toml)

use std::hint::black_box;
use std::time::Instant;

use spco_roles::reconstruct::{check_table, reconstruct, table3, CheckOptions, ReconstructOptions};

fn median_ms(mut f: impl FnMut(), runs: usize) -> f64 {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let a = Instant::now();
            f();
            a.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[runs / 2]
}

fn main() {
    let with_n = table3(true);
    let mut seed = 0;
    let ms = median_ms(
        || {
            seed += 1;
            let opts = ReconstructOptions {
                seed,
                ..ReconstructOptions::default()
            };
            black_box(reconstruct(&with_n, &opts).expect("Table 3 is consistent"));
        },
        21,
    );
    println!("reconstruct/table3 all 28 items: {ms:.1} ms (median of 21 seeds)");
    let without_n = table3(false);
    let ms = median_ms(
        || drop(black_box(check_table(&without_n, &CheckOptions::default()))),
        5,
    );
    println!("check/table3 without n, n = 5..100, both SD conventions: {ms:.1} ms (median of 5)");
}
