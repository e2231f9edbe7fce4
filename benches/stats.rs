//! Timing of `stats::compute` on a large synthetic survey (plain `Instant`, no harness).
//!
//! Run: `cargo bench --bench stats`. Prints one line per measurement.

#![allow(clippy::disallowed_methods)] // a benchmark, not shipped: std is fine (clippy.toml)

use std::hint::black_box;
use std::time::{Duration, Instant};

use spco_roles::catalogue::catalogue;
use spco_roles::import::{import_str, Format, ImportOptions};
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
    let groups = cat.groups.iter().map(|g| cat.group_for(g.code)).collect();
    let spcos = cat.spcos.iter().map(|s| s.name.to_string()).collect();
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

/// The same survey as a long CSV (one row per respondent and role, blank = skipped).
fn long_csv(s: &Survey) -> String {
    let mut out = String::with_capacity(s.len() * N_ROLES * 32);
    out.push_str("respondent,group,spco,role,importance,performance\n");
    let cell = |v: Option<u8>| v.map_or_else(String::new, |v| v.to_string());
    for r in 0..s.len() {
        let group = &s.groups[usize::from(s.group[r])].code;
        let spco = s.spco[r].map_or("", |i| s.spcos[usize::from(i)].as_str());
        for role in 1..=N_ROLES as u8 {
            out.push_str(&format!(
                "{},{group},{spco},{role},{},{}\n",
                s.respondents[r],
                cell(s.answer(r, role, Scale::Importance)),
                cell(s.answer(r, role, Scale::Performance)),
            ));
        }
    }
    out
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
    let survey = synthetic();
    let csv = long_csv(&survey);
    let data = Dataset::Respondents(survey);
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
    let import_opts = ImportOptions {
        format: Format::Long,
        ..ImportOptions::default()
    };
    let imported = import_str(&csv, &import_opts).unwrap();
    // Group order may differ after a round trip; the role statistics may not.
    let direct = compute(&data, &everyone, &opts).unwrap();
    let round_trip = compute(&imported.dataset, &everyone, &opts).unwrap();
    assert!(
        direct.roles == round_trip.roles,
        "the long CSV must import to the same answers"
    );
    report(
        &format!("import+stats/long-csv ({:.1} MB)", csv.len() as f64 / 1e6),
        time(|| {
            let imported = import_str(&csv, &import_opts).unwrap();
            compute(&imported.dataset, &everyone, &opts).unwrap()
        }),
    );
}
