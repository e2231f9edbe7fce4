//! Timing of `stats::compute` on a large synthetic survey (plain `Instant`, no harness).
//!
//! Run: `cargo bench --bench stats`. Prints one line per measurement.

use std::hint::black_box;
use std::time::{Duration, Instant};

use spco_roles::catalogue::catalogue;
use spco_roles::model::{Dataset, Scale, Survey, N_ROLES};
use spco_roles::stats::{compute, Crosshair, Selection, StatsOptions};

const RESPONDENTS: usize = 100_000;
const RUNS: usize = 20;

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn synthetic() -> Survey {
    let cat = catalogue();
    let groups = cat.groups.iter().map(|g| cat.group_for(&g.code)).collect();
    let spcos = cat.spcos.iter().map(|s| s.name.clone()).collect();
    let mut s = Survey::new(groups, spcos);
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    for i in 0..RESPONDENTS {
        let g = rng.below(5) as u16;
        let spco = Some(rng.below(6) as u16);
        let r = s.push_respondent(format!("R{i}"), g, spco);
        for role in 1..=N_ROLES as u8 {
            for scale in Scale::ALL {
                // About 3% skipped items.
                let v = if rng.below(100) < 3 {
                    None
                } else {
                    Some(1 + rng.below(u64::from(scale.max())) as u8)
                };
                s.set_answer(r, role, scale, v);
            }
        }
    }
    s
}

/// Median of `RUNS` timings of `f`.
fn time<T>(mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn report(name: &str, d: Duration) {
    println!(
        "{name} {RESPONDENTS} respondents: {:.1} ms (median of {RUNS})",
        d.as_secs_f64() * 1000.0
    );
}

fn main() {
    let data = Dataset::Respondents(synthetic());
    let everyone = Selection::default();
    let sme = Selection {
        groups: vec!["sme".into()],
        spcos: vec![],
    };
    let opts = StatsOptions::default();
    let mean = StatsOptions {
        crosshair: Crosshair::Mean,
        ..StatsOptions::default()
    };
    report(
        "stats/compute",
        time(|| compute(&data, &everyone, &opts).unwrap()),
    );
    report(
        "stats/compute group=sme crosshair=mean",
        time(|| compute(&data, &sme, &mean).unwrap()),
    );
}
