//! Timing of the quadrant chart's layout (margins, ticks, label placement) over a zoom sequence,
//! the work a zoom frame does before drawing (plain `Instant`, no harness).
//!
//! Run: `cargo bench --bench layout`. Prints one line per size: the mean time of one layout.

#![allow(clippy::disallowed_methods)] // a benchmark, not shipped: std is fine (clippy.toml)

use std::time::Instant;

use spco_roles::chart::arial_measure;
use spco_roles::session::Session;

/// Passes over the sequence; each pass is 100 layouts.
const PASSES: usize = 20;

fn main() {
    let mut s = Session::new();
    s.load(
        include_bytes!("../data/reconstructed-table3.csv"),
        "auto",
        "reconstructed-table3.csv",
    )
    .expect("the demo data imports");
    let mut measure = arial_measure();
    // In from the full view in 5% steps of the margin and out again, twice (as the peer
    // benchmark's sequence), each a new view to lay out.
    let zooms: Vec<String> = (0..100)
        .map(|i| {
            let k = 1.0 + (i % 50) as f64 * 0.05;
            let (x, y) = (k * 0.3, k * 0.15);
            format!("{},{},{},{}", 1.0 + x, 9.0 - x, 1.0 + y, 5.0 - y)
        })
        .collect();
    for (w, h, dpr, what) in [
        (900.0, 640.0, 2.0, "the peer benchmark's size"),
        (390.0, 500.0, 3.0, "a phone"),
        (320.0, 300.0, 2.0, "crowded"),
    ] {
        s.resize(w, h, dpr);
        let t = Instant::now();
        for _ in 0..PASSES {
            for z in &zooms {
                s.set_zoom(z).expect("a valid zoom");
                s.ensure_layout(&mut measure).expect("a layout");
            }
        }
        let us = t.elapsed().as_secs_f64() * 1e6 / (PASSES * zooms.len()) as f64;
        println!(
            "layout/quadrant {w}x{h} at DPR {dpr} ({what}): {us:.1} us (mean of {})",
            PASSES * zooms.len()
        );
    }
}
