//! Consistency checks: hand-built rows with known verdicts (derivations in the comments), and
//! Table 3 as STUDY.md describes it.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::model::{Scale, SummaryRow};
use spco_roles::reconstruct::{
    check_row, check_table, cli, format_checks, table3, table3_n, CheckOptions, NCheck,
    SdConvention, Verdict,
};

const SUMMARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/table3-summary.csv");

struct Row {
    n: Option<u32>,
    mean: f64,
    sd: Option<f64>,
    median: Option<f64>,
    mode: Option<f64>,
}

fn perf(r: Row) -> SummaryRow {
    SummaryRow {
        group: None,
        role: 1,
        scale: Scale::Performance,
        n: r.n,
        mean: r.mean,
        median: r.median,
        mode: r.mode,
        sd: r.sd,
    }
}

fn row(n: u32, mean: f64, sd: Option<f64>) -> Row {
    Row {
        n: Some(n),
        mean,
        sd,
        median: None,
        mode: None,
    }
}

fn opts(conv: SdConvention) -> CheckOptions {
    CheckOptions {
        conventions: vec![conv],
        ..CheckOptions::default()
    }
}

/// The single check of a row with n given, under one convention.
fn at_n(r: Row, conv: SdConvention) -> NCheck {
    let c = check_row(&perf(r), &opts(conv));
    assert_eq!(c.by_sd.len(), 1);
    assert_eq!(c.by_sd[0].checks.len(), 1);
    c.by_sd[0].checks[0].clone()
}

use SdConvention::{Population, Sample};
use Verdict::{Fail, Pass, Skipped};

#[test]
fn grim_hand_cases() {
    // n = 10: means are multiples of 0.1, so 3.48 (sum 34.8) is unreachable; n = 25: 87/25 = 3.48.
    assert_eq!(at_n(row(10, 3.48, None), Population).grim, Fail);
    assert_eq!(at_n(row(10, 3.48, None), Population).consistent, Fail);
    assert_eq!(at_n(row(25, 3.48, None), Population).grim, Pass);
    // Rounding: n = 7, 24/7 = 3.4286 prints as 3.43; neither 24/7 nor 25/7 = 3.5714 prints 3.44.
    assert_eq!(at_n(row(7, 3.43, None), Population).grim, Pass);
    assert_eq!(at_n(row(7, 3.44, None), Population).grim, Fail);
    // A mean outside the scale is unreachable whatever n.
    assert_eq!(at_n(row(30, 5.20, None), Population).grim, Fail);
    // GRIMMER is not tried when GRIM fails.
    assert_eq!(at_n(row(10, 3.48, Some(1.0)), Population).grimmer, Skipped);
}

#[test]
fn grimmer_hand_cases() {
    // n = 10, mean 3.00 on 1-5: the largest SD is five 1s and five 5s, exactly 2.00.
    assert_eq!(at_n(row(10, 3.0, Some(2.0)), Population).grimmer, Pass);
    assert_eq!(at_n(row(10, 3.0, Some(2.5)), Population).grimmer, Fail);
    // Sum 30: the sum of squares Q has the parity of the sum, so after Q = 90 (all 3s, SD 0) the
    // next is Q = 92: population variance (10*92 - 900)/100 = 0.2, SD 0.447. Nothing in between.
    assert_eq!(at_n(row(10, 3.0, Some(0.0)), Population).grimmer, Pass);
    assert_eq!(at_n(row(10, 3.0, Some(0.10)), Population).grimmer, Fail);
    assert_eq!(at_n(row(10, 3.0, Some(0.45)), Population).grimmer, Pass);
    // Five 2s and five 4s: Q = 100, population SD 1.00, sample SD sqrt(100/90) = 1.054 -> 1.05.
    // A sample SD of 1.00 would need 10Q - 900 within 90 * [0.995^2, 1.005^2] = [89.1, 90.9],
    // i.e. Q = 99, odd: impossible with an even sum.
    assert_eq!(at_n(row(10, 3.0, Some(1.0)), Population).grimmer, Pass);
    assert_eq!(at_n(row(10, 3.0, Some(1.05)), Sample).grimmer, Pass);
    assert_eq!(at_n(row(10, 3.0, Some(1.0)), Sample).grimmer, Fail);
}

#[test]
fn median_and_mode_hand_cases() {
    let shaped = |n, mean, sd, median, mode| Row {
        n: Some(n),
        mean,
        sd,
        median,
        mode,
    };
    // n = 10, mean 1.20 (sum 12), median 3: the 5th and 6th answers average 3, so the 6th to
    // 10th are >= 3 and the smallest sum is four 1s, the 5th and 6th at 3 (or 1 and 5), and four
    // more >= the 6th: 4 + 3 + 3 + 12 = 22 > 12.
    let c = at_n(shaped(10, 1.2, None, Some(3.0), None), Population);
    assert_eq!((c.grim, c.grimmer, c.median_mode), (Pass, Skipped, Fail));
    // With median 1 it fits: eight 1s and two 2s (sum 12), median 1.
    assert_eq!(
        at_n(shaped(10, 1.2, None, Some(1.0), None), Population).median_mode,
        Pass
    );
    // With odd n the median is one answer: 3.5 is impossible at n = 11.
    assert_eq!(
        at_n(shaped(11, 3.0, None, Some(3.5), None), Population).consistent,
        Fail
    );
    // A median outside the scale, or not a half value, is a problem of the figures at any n.
    for median in [6.0, 3.25] {
        let c = check_row(
            &perf(shaped(10, 3.0, None, Some(median), None)),
            &opts(Population),
        );
        assert_eq!(c.problems.len(), 1, "median {median}");
        assert_eq!(c.consistent, Fail);
    }
    // n = 4, mean 3.00 (sum 12). Deviations from 3 lie in -2..2 and sum to 0. SD 1.41 means
    // variance 2, squared deviations summing to 8: only {-2,0,0,2}, i.e. {1,3,3,5} (median 3,
    // mode 3). SD 1.00: squares summing to 4: only {-1,-1,1,1}, i.e. {2,2,4,4} (median 3, modes
    // 2 and 4, a tie: either printed mode fits).
    for (sd, mode, want) in [
        (1.41, 1.0, Fail),
        (1.41, 2.0, Fail),
        (1.41, 3.0, Pass),
        (1.41, 5.0, Fail),
        (1.0, 2.0, Pass),
        (1.0, 3.0, Fail),
        (1.0, 4.0, Pass),
    ] {
        let c = at_n(shaped(4, 3.0, Some(sd), Some(3.0), Some(mode)), Population);
        assert_eq!(c.median_mode, want, "SD {sd}, mode {mode}");
    }
}

#[test]
fn missing_n_lists_the_fitting_n() {
    // Mean 3.50, SD 0.50, median 3.5, mode 3. Odd n below 100 fail GRIM (3.5n is a half number,
    // more than 0.005n away from any whole sum). For even n the population variance must be
    // 0.25 +- 0.005, and 0.25 is the least possible with mean 3.5 (every answer is at least 0.5
    // away): half 3s and half 4s, which has median 3.5 and modes {3, 4}. So every even n fits.
    // Under the sample SD, the population variance would be 0.25(n-1)/n < 0.25 (to within the
    // rounding only from n = 51 on), so no n up to 12 fits.
    let r = perf(Row {
        n: None,
        mean: 3.5,
        sd: Some(0.5),
        median: Some(3.5),
        mode: Some(3.0),
    });
    let o = CheckOptions {
        n_min: 2,
        n_max: 12,
        ..CheckOptions::default()
    };
    let c = check_row(&r, &o);
    assert_eq!(c.by_sd[0].sd, Population);
    assert_eq!(c.by_sd[0].fitting_n, vec![2, 4, 6, 8, 10, 12]);
    assert_eq!(c.by_sd[1].sd, Sample);
    assert!(c.by_sd[1].fitting_n.is_empty());
    assert_eq!(c.consistent, Pass);
    // The JSON the wasm layer exports.
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["by_sd"][0]["sd"], "population");
    assert_eq!(json["by_sd"][0]["checks"][0]["grim"], "pass");
    assert_eq!(json["scale"], "performance");
}

#[test]
fn table3_passes_at_study_n_with_population_sd_only() {
    let t = table3(true);
    let pop = check_table(&t, &opts(Population));
    for c in &pop {
        assert_eq!(c.consistent, Pass, "role {} {:?}", c.role, c.scale);
    }
    // STUDY.md: with the sample SD most rows are not reachable at these n.
    let sample = check_table(&t, &opts(Sample));
    let failing = sample.iter().filter(|c| c.consistent == Fail).count();
    println!("{}", format_checks(&sample, 2));
    assert!(failing > 14, "only {failing} of 28 fail with the sample SD");
    assert!(sample.iter().all(|c| c.consistent != Verdict::Unknown));
}

#[test]
fn table3_without_n_fits_the_study_n() {
    let o = CheckOptions {
        conventions: vec![Population],
        n_min: 20,
        n_max: 40,
        ..CheckOptions::default()
    };
    for c in check_table(&table3(false), &o) {
        let fits = &c.by_sd[0].fitting_n;
        assert!(
            fits.contains(&table3_n(c.role, c.scale)),
            "role {} {:?}: {fits:?}",
            c.role,
            c.scale
        );
        // n = 30 fits every importance row but role 14's, whose n STUDY.md gives as 29
        // (30 does not fit 6.31 with SD 1.88 and median 7).
        if c.scale == Scale::Importance {
            assert_eq!(
                fits.contains(&30),
                c.role != 14,
                "role {}: {fits:?}",
                c.role
            );
        }
    }
}

#[test]
fn cli_check_table_and_json() {
    let args = [SUMMARY.to_string(), "--sd".into(), "population".into()];
    let out = cli::run("check", &args).expect("check");
    assert!(out.contains("28 of 28 rows consistent"), "{out}");
    let args = [
        SUMMARY.to_string(),
        "--sd".into(),
        "sample".into(),
        "--format".into(),
        "json".into(),
    ];
    let json: serde_json::Value =
        serde_json::from_str(&cli::run("check", &args).expect("check")).expect("json");
    assert_eq!(json.as_array().map(|a| a.len()), Some(28));
    // Role 1 importance (row 1 of the file): the sample SD fails GRIMMER at n = 30.
    assert_eq!(json[0]["by_sd"][0]["checks"][0]["grimmer"], "fail");
    let err = cli::run(
        "check",
        &[SUMMARY.to_string(), "--n-range".into(), "9".into()],
    )
    .unwrap_err();
    assert!(err.contains("--n-range"), "{err}");
}

#[test]
fn timing_of_a_full_n_search() {
    // Run with --release for the reported figure: Table 3 without n, n = 5..100, both conventions.
    let t = std::time::Instant::now();
    let checks = check_table(&table3(false), &CheckOptions::default());
    let unknown = checks
        .iter()
        .filter(|c| c.by_sd.iter().any(|s| !s.unknown_n.is_empty()))
        .count();
    println!(
        "check of Table 3 without n (n 5-100, both SD conventions): {:.0} ms ({} profile), {unknown} rows with undecided n",
        t.elapsed().as_secs_f64() * 1000.0,
        if cfg!(debug_assertions) { "debug" } else { "release" }
    );
    assert_eq!(unknown, 0);
}
