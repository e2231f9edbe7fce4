//! Comparison of two selections (`stats::compare`): Welch's interval against SciPy, n < 2, no
//! spread, summary tables by hand, and the errors.
//! (Longer than most files: every case carries its reference values and their source.)
//!
//! Reference values were computed with SciPy 1.17.1 (numpy 2.4.6) by this script, run from the
//! repository root (`ttest_ind(b, a)` so that the interval is for B - A, as `compare` gives it):
//!
//! ```python
//! import csv
//! from scipy import stats
//! rows = list(csv.DictReader(open("data/reconstructed-table3.csv")))
//! def answers(group, role, scale):
//!     return [int(r[scale]) for r in rows
//!             if r["group"] == group and r["role"] == str(role) and r[scale] != ""]
//! for role, scale in [(1, "importance"), (5, "performance"), (9, "importance"),
//!                     (11, "performance"), (14, "importance")]:
//!     a, b = answers("sme", role, scale), answers("large", role, scale)
//!     res = stats.ttest_ind(b, a, equal_var=False)
//!     ci = res.confidence_interval(0.95)
//!     print(role, scale, len(a), len(b), repr(res.df), repr(ci.low), repr(ci.high))
//! def case(a, b):
//!     res = stats.ttest_ind(b, a, equal_var=False)
//!     ci = res.confidence_interval(0.95)
//!     print(repr(res.statistic), repr(res.df), repr(ci.low), repr(ci.high))
//! case(SLEEP_2, SLEEP_1)   # the arrays below
//! case(WIKI_A1, WIKI_A2)
//! case([1, 9], [2, 9, 2, 9, 6])
//! for df in [1.25, 1.5, 1.9, 2.5, 3.7, 7.584668949471002, 17.776473516178488, 999.5, 1500.25]:
//!     print(df, repr(stats.t.ppf(0.975, df)))
//! print(repr(stats.t.ppf(0.975, 50 / 7)))
//! ```
#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::catalogue::catalogue;
use spco_roles::import::{import, ImportOptions};
use spco_roles::model::{Dataset, Scale, SummaryRow, SummaryTable, Survey};
use spco_roles::stats::compare::ScaleDiff;
use spco_roles::stats::{
    compare, compute, parse_sides, tdist::t_quantile_real, welch, CompareError, Comparison,
    Crosshair, Quadrant, Reason, SdKind, Selection, StatsError, StatsOptions,
};

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs().max(1.0)
}

macro_rules! assert_close {
    ($a:expr, $b:expr, $rel:expr) => {{
        let (a, b): (f64, f64) = ($a, $b);
        assert!(close(a, b, $rel), "{} = {a}, expected {b}", stringify!($a));
    }};
}

fn groups(codes: &[&str]) -> Selection {
    Selection {
        groups: codes.iter().map(|s| s.to_string()).collect(),
        spcos: vec![],
    }
}

fn demo() -> Dataset {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/reconstructed-table3.csv");
    let bytes = std::fs::read(path).unwrap();
    import(&bytes, &ImportOptions::default()).unwrap().dataset
}

fn sme_large(opts: &StatsOptions) -> Comparison {
    compare(&demo(), &groups(&["sme"]), &groups(&["large"]), opts).unwrap()
}

fn scale(c: &Comparison, role: u8, s: Scale) -> &ScaleDiff {
    let r = &c.roles[usize::from(role) - 1];
    assert_eq!(r.role, role);
    match s {
        Scale::Importance => &r.importance,
        Scale::Performance => &r.performance,
    }
}

fn mean(x: &[f64]) -> f64 {
    x.iter().sum::<f64>() / x.len() as f64
}

fn sample_var(x: &[f64]) -> f64 {
    let m = mean(x);
    x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (x.len() as f64 - 1.0)
}

/// `welch` on raw samples, B - A.
fn welch_of(a: &[f64], b: &[f64]) -> spco_roles::stats::compare::Welch {
    welch(
        mean(a),
        sample_var(a),
        a.len() as f64,
        mean(b),
        sample_var(b),
        b.len() as f64,
    )
    .unwrap()
}

#[test]
fn t_quantile_at_fractional_df_matches_scipy() {
    // (df, scipy.stats.t.ppf(0.975, df), documented relative accuracy)
    let cases = [
        (1.25, 8.027951377252052, 1.2e-5),
        (1.5, 6.016663104427929, 1.2e-5),
        (1.9, 4.527118077100328, 1.2e-5),
        (2.5, 3.5746548420036817, 1e-7),
        (3.7, 2.8675207071911895, 3e-9),
        (7.584668949471002, 2.3281700471056324, 3e-9),
        (17.776473516178488, 2.1028172415698023, 3e-9),
        (50.0 / 7.0, 2.3550709061969854, 3e-9),
        (999.5, 1.9623402703838457, 3e-9),
        (1500.25, 1.9615464899348274, 3e-9),
        // Whole df: the exact quantile.
        (1.0, 12.706204736174694, 1e-12),
    ];
    for (df, want, rel) in cases {
        let got = t_quantile_real(0.975, df).unwrap();
        assert!(close(got, want, rel), "df {df}: {got}, scipy {want}");
        assert_close!(t_quantile_real(0.025, df).unwrap(), -want, rel);
    }
    assert_eq!(t_quantile_real(0.975, 0.5), None);
    assert_eq!(t_quantile_real(0.975, f64::NAN), None);
    assert_eq!(t_quantile_real(1.0, 3.5), None);
}

#[test]
fn welch_textbook_cases() {
    // R's `sleep` data: `t.test(extra ~ group, data = sleep)` prints t = -1.8608, df = 17.776,
    // 95% CI -3.3654832 0.2054832 for group 1 - group 2; SciPy agrees to all digits.
    let sleep_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    let sleep_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    let w = welch_of(&sleep_2, &sleep_1);
    assert_close!(w.diff / w.se, -1.8608134674868526, 1e-12);
    assert_close!(w.df, 17.776473516178488, 1e-12);
    assert_close!(w.ci95[0], -3.3654832307117104, 1e-9);
    assert_close!(w.ci95[1], 0.20548323071171137, 1e-9);

    // Wikipedia, "Welch's t-test", example 1 (A2 - A1): SciPy t 2.455356398286006,
    // df 24.988529290231416, CI [0.3492370661924069, 3.984096267140929].
    let a1 = [
        27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4,
    ];
    let a2 = [
        27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4,
    ];
    let w = welch_of(&a1, &a2);
    assert_close!(w.diff / w.se, 2.455356398286006, 1e-12);
    assert_close!(w.df, 24.988529290231416, 1e-12);
    assert_close!(w.ci95[0], 0.3492370661924069, 1e-9);
    assert_close!(w.ci95[1], 3.984096267140929, 1e-9);

    // Two answers against five: df 1.32, where the fractional-df quantile is least exact.
    let w = welch_of(&[1.0, 9.0], &[2.0, 9.0, 2.0, 9.0, 6.0]);
    assert_close!(w.df, 1.3233185599634039, 1e-12);
    assert_close!(w.ci95[0], -30.68365388079208, 1.2e-5);
    assert_close!(w.ci95[1], 31.88365388079208, 1.2e-5);

    // n < 2 or no spread at all: no interval.
    assert_eq!(welch(5.0, 0.0, 1.0, 6.0, 2.0, 4.0), None);
    assert_eq!(welch(5.0, 0.0, 3.0, 6.0, 0.0, 4.0), None);
}

#[test]
fn demo_sme_against_large_matches_scipy() {
    let c = sme_large(&StatsOptions::default());
    // (role, scale, n sme, n large, df, ci low, ci high) from the script above.
    let want = [
        (
            1,
            Scale::Importance,
            5,
            7,
            7.584668949471002,
            -4.106948936387291,
            0.8498060792444351,
        ),
        (
            5,
            Scale::Performance,
            5,
            7,
            5.945768664946452,
            -2.5372745112341386,
            -0.4912969173372901,
        ),
        (
            9,
            Scale::Importance,
            5,
            6,
            8.642857142857142,
            -1.1905704285239764,
            2.990570428523977,
        ),
        // Every SME answered 3: one side without spread, df = n_large - 1.
        (
            11,
            Scale::Performance,
            3,
            7,
            6.0,
            -0.5339599417503038,
            0.5339599417503038,
        ),
        (
            14,
            Scale::Importance,
            5,
            6,
            8.954671600370027,
            -1.9052747630246447,
            2.571941429691311,
        ),
    ];
    for (role, s, na, nb, df, lo, hi) in want {
        let d = scale(&c, role, s);
        assert_eq!(d.a.unwrap().n, Some(na), "role {role}");
        assert_eq!(d.b.unwrap().n, Some(nb), "role {role}");
        assert_close!(d.df.unwrap(), df, 1e-12);
        let [got_lo, got_hi] = d.ci95.unwrap();
        assert_close!(got_lo, lo, 1e-8);
        assert_close!(got_hi, hi, 1e-8);
        assert_eq!(d.reason, None);
        assert_eq!(d.excludes_zero, Some(lo > 0.0 || hi < 0.0));
    }
    // Role 5 performance is the one difference the report states (SMEs higher than large
    // companies), and the only clear one in the demo data.
    assert_eq!(scale(&c, 5, Scale::Performance).excludes_zero, Some(true));
    assert!(c.roles[4].clear);
    assert_eq!((c.differences, c.intervals, c.clear), (28, 28, 1));

    // The interval uses sample variances whatever the SD option; the sides' SDs follow it.
    let s = sme_large(&StatsOptions {
        sd: SdKind::Sample,
        crosshair: Crosshair::Scale,
    });
    for (x, y) in c.roles.iter().zip(&s.roles) {
        for (p, q) in [
            (&x.importance, &y.importance),
            (&x.performance, &y.performance),
        ] {
            let (p, q) = (p.ci95.unwrap(), q.ci95.unwrap());
            assert_close!(p[0], q[0], 1e-13);
            assert_close!(p[1], q[1], 1e-13);
        }
    }
    let (p, q) = (
        scale(&c, 1, Scale::Importance),
        scale(&s, 1, Scale::Importance),
    );
    assert!(p.a.unwrap().sd.unwrap() < q.a.unwrap().sd.unwrap());
}

#[test]
fn sides_equal_each_selection_alone() {
    let opts = StatsOptions::default();
    let c = sme_large(&opts);
    let a = compute(&demo(), &groups(&["sme"]), &opts).unwrap();
    let b = compute(&demo(), &groups(&["large"]), &opts).unwrap();
    assert_eq!((c.a.n_respondents, c.b.n_respondents), (Some(5), Some(7)));
    for ((r, ra), rb) in c.roles.iter().zip(&a.roles).zip(&b.roles) {
        for (d, da, db) in [
            (&r.importance, &ra.importance, &rb.importance),
            (&r.performance, &ra.performance, &rb.performance),
        ] {
            let (da, db) = (da.as_ref().unwrap(), db.as_ref().unwrap());
            let (fa, fb) = (d.a.unwrap(), d.b.unwrap());
            assert_eq!((fa.n, fa.mean, fa.sd), (da.n, da.mean, da.sd));
            assert_eq!((fb.n, fb.mean, fb.sd), (db.n, db.mean, db.sd));
            assert_eq!(d.diff, Some(db.mean - da.mean));
        }
        assert_eq!((r.quadrant_a, r.quadrant_b), (ra.quadrant, rb.quadrant));
        assert_eq!(r.quadrant_changes, Some(ra.quadrant != rb.quadrant));
    }
    // Role 5: SMEs keep up, large companies fall short on performance (2.29 < 3).
    assert_eq!(c.roles[4].quadrant_a, Some(Quadrant::KeepUp));
    assert_eq!(c.roles[4].quadrant_b, Some(Quadrant::Concentrate));
    for (x, (ya, yb)) in c
        .spearheads
        .iter()
        .zip(a.spearheads.iter().zip(&b.spearheads))
    {
        assert_eq!(x.importance.a, ya.importance);
        assert_eq!(x.importance.b, yb.importance);
        let want = yb.importance.mean.unwrap() - ya.importance.mean.unwrap();
        assert_eq!(x.importance.diff, Some(want));
        assert_eq!(x.importance.reason, Reason::RolledUp);
        assert!(x.importance.same_roles);
    }
    assert_eq!(c.categories.len(), 3);
    assert_eq!(c.spearheads.len(), 10);
}

#[test]
fn data_driven_crosshair_is_everyones() {
    let opts = StatsOptions {
        sd: SdKind::Population,
        crosshair: Crosshair::Mean,
    };
    let c = sme_large(&opts);
    let all = compute(&demo(), &Selection::default(), &opts).unwrap();
    assert_eq!(c.crosshair, all.crosshair);
    assert_eq!(c.crosshair.kind, "mean");
    for r in &c.roles {
        let (i, p) = (r.importance.b.unwrap().mean, r.performance.b.unwrap().mean);
        assert_eq!(r.quadrant_b, Some(Quadrant::of(i, p, &all.crosshair)));
    }
}

/// Group `a`: one respondent (role 1 answered 5/3, role 2 skipped); group `b`: three
/// respondents (role 1: 7/4, 8/4, 9/4; role 2: 6/2 each; role 3: 4/2 each, as group a's 4/2).
fn small_survey() -> Dataset {
    let cat = catalogue();
    let mut s = Survey::new(vec![cat.group_for("a"), cat.group_for("b")], vec![]);
    let r = s.push_respondent("A1".into(), 0, None);
    s.set_answer(r, 1, Scale::Importance, Some(5));
    s.set_answer(r, 1, Scale::Performance, Some(3));
    s.set_answer(r, 3, Scale::Importance, Some(4));
    s.set_answer(r, 3, Scale::Performance, Some(2));
    for (i, imp) in [7, 8, 9].into_iter().enumerate() {
        let r = s.push_respondent(format!("B{i}"), 1, None);
        s.set_answer(r, 1, Scale::Importance, Some(imp));
        s.set_answer(r, 1, Scale::Performance, Some(4));
        s.set_answer(r, 2, Scale::Importance, Some(6));
        s.set_answer(r, 2, Scale::Performance, Some(2));
        s.set_answer(r, 3, Scale::Importance, Some(4));
        s.set_answer(r, 3, Scale::Performance, Some(2));
    }
    Dataset::Respondents(s)
}

#[test]
fn single_answers_missing_answers_and_no_spread() {
    let c = compare(
        &small_survey(),
        &groups(&["a"]),
        &groups(&["b"]),
        &StatsOptions::default(),
    )
    .unwrap();
    // Role 1: a difference (8 - 5 = 3, 4 - 3 = 1) but no interval with one answer in A.
    let d = scale(&c, 1, Scale::Importance);
    assert_eq!(d.diff, Some(3.0));
    assert_eq!((d.ci95, d.se, d.excludes_zero), (None, None, None));
    assert_eq!(d.reason, Some(Reason::SingleAnswerA));
    assert_eq!(scale(&c, 1, Scale::Performance).diff, Some(1.0));
    assert!(!c.roles[0].clear);
    // Role 2: nobody in A answered, so no difference.
    let d = scale(&c, 2, Scale::Importance);
    assert_eq!((d.a, d.diff), (None, None));
    assert_eq!(d.reason, Some(Reason::NoAnswersA));
    assert_eq!(c.roles[1].quadrant_changes, None);
    // Role 4: nobody at all; A is named first.
    assert_eq!(
        scale(&c, 4, Scale::Importance).reason,
        Some(Reason::NoAnswersA)
    );
    // The other way round the reasons name B.
    let c2 = compare(
        &small_survey(),
        &groups(&["b"]),
        &groups(&["a"]),
        &StatsOptions::default(),
    )
    .unwrap();
    assert_eq!(scale(&c2, 1, Scale::Importance).diff, Some(-3.0));
    assert_eq!(
        scale(&c2, 1, Scale::Importance).reason,
        Some(Reason::SingleAnswerB)
    );
    assert_eq!(
        scale(&c2, 2, Scale::Importance).reason,
        Some(Reason::NoAnswersB)
    );
    // Roles 1 and 3 on both scales.
    assert_eq!(c.differences, 4);
    assert_eq!(c.intervals, 0);

    // Every answer the same on both sides: no standard error, no interval.
    let mut s = match small_survey() {
        Dataset::Respondents(s) => s,
        _ => unreachable!(),
    };
    let r = s.push_respondent("A2".into(), 0, None);
    s.set_answer(r, 3, Scale::Importance, Some(4));
    s.set_answer(r, 3, Scale::Performance, Some(2));
    let c = compare(
        &Dataset::Respondents(s),
        &groups(&["a"]),
        &groups(&["b"]),
        &StatsOptions::default(),
    )
    .unwrap();
    let d = scale(&c, 3, Scale::Importance);
    assert_eq!((d.diff, d.ci95), (Some(0.0), None));
    assert_eq!(d.reason, Some(Reason::NoSpread));
}

fn row(group: u16, n: Option<u32>, mean: f64, sd: Option<f64>) -> SummaryRow {
    SummaryRow {
        group: Some(group),
        role: 1,
        scale: Scale::Importance,
        n,
        mean,
        median: None,
        mode: None,
        sd,
    }
}

#[test]
fn summary_table_by_hand() {
    let cat = catalogue();
    let table = |rows| {
        Dataset::Summary(SummaryTable {
            groups: vec![
                cat.group_for("g1"),
                cat.group_for("g2"),
                cat.group_for("g3"),
            ],
            rows,
        })
    };
    // g1: n 4, mean 6, population SD 1.5 -> sample variance 2.25 * 4/3 = 3, s^2/n = 0.75.
    // g2: n 9, mean 7.5, population SD 2 -> sample variance 4 * 9/8 = 4.5, s^2/n = 0.5.
    // diff 1.5; se^2 = 1.25; df = 1.25^2 / (0.75^2/3 + 0.5^2/8) = 1.5625 / 0.21875 = 50/7;
    // t(0.975, 50/7) = 2.3550709061969854 (SciPy); CI = 1.5 -/+ t sqrt(1.25).
    // g3: n 1 (no interval) and g3's performance row lacks n.
    let mut rows = vec![
        row(0, Some(4), 6.0, Some(1.5)),
        row(1, Some(9), 7.5, Some(2.0)),
        row(2, Some(1), 8.0, Some(0.0)),
    ];
    let mut perf = row(2, None, 3.0, Some(1.0));
    perf.scale = Scale::Performance;
    rows.push(perf);
    let mut perf = row(0, Some(4), 3.5, None);
    perf.scale = Scale::Performance;
    rows.push(perf);
    let d = table(rows);
    let half = 2.3550709061969854 * 1.25f64.sqrt();
    for sd in [SdKind::Population, SdKind::Sample] {
        let opts = StatsOptions {
            sd,
            crosshair: Crosshair::Scale,
        };
        let c = compare(&d, &groups(&["g1"]), &groups(&["g2"]), &opts).unwrap();
        let x = scale(&c, 1, Scale::Importance);
        assert_eq!(x.diff, Some(1.5));
        assert_close!(x.se.unwrap(), 1.25f64.sqrt(), 1e-14);
        assert_close!(x.df.unwrap(), 50.0 / 7.0, 1e-14);
        assert_close!(x.ci95.unwrap()[0], 1.5 - half, 1e-8);
        assert_close!(x.ci95.unwrap()[1], 1.5 + half, 1e-8);
        assert_eq!(x.excludes_zero, Some(false));
        // Performance: g1 has no SD; g2 has no row at all.
        assert_eq!(
            scale(&c, 1, Scale::Performance).reason,
            Some(Reason::NoAnswersB)
        );
    }
    let c = compare(
        &d,
        &groups(&["g1"]),
        &groups(&["g3"]),
        &StatsOptions::default(),
    )
    .unwrap();
    assert_eq!(scale(&c, 1, Scale::Importance).diff, Some(2.0));
    assert_eq!(
        scale(&c, 1, Scale::Importance).reason,
        Some(Reason::SingleAnswerB)
    );
    assert_eq!(scale(&c, 1, Scale::Performance).diff, Some(-0.5));
    assert_eq!(
        scale(&c, 1, Scale::Performance).reason,
        Some(Reason::UnknownSdA)
    );
    let c = compare(
        &d,
        &groups(&["g3"]),
        &groups(&["g1"]),
        &StatsOptions::default(),
    )
    .unwrap();
    assert_eq!(
        scale(&c, 1, Scale::Performance).reason,
        Some(Reason::UnknownNA)
    );
    // Several groups on a side are pooled as `compute` pools them (n-weighted mean 80/13).
    let c = compare(
        &d,
        &groups(&["g1", "g2"]),
        &groups(&["g3"]),
        &StatsOptions::default(),
    )
    .unwrap();
    assert_close!(
        scale(&c, 1, Scale::Importance).a.unwrap().mean,
        (24.0 + 67.5) / 13.0,
        1e-14
    );
    assert!(c.notes.iter().any(|n| n.starts_with("A: 2 groups pooled")));
}

#[test]
fn parse_sides_syntax() {
    let [a, b] = parse_sides(" sme , large ").unwrap();
    assert_eq!((a, b), (groups(&["sme"]), groups(&["large"])));
    let [a, b] = parse_sides("sme+large,director").unwrap();
    assert_eq!((a, b), (groups(&["sme", "large"]), groups(&["director"])));
    let [a, b] = parse_sides("spco:VIL,SPCO: Catalisti+sme").unwrap();
    assert_eq!(a.spcos, vec!["VIL"]);
    assert!(a.groups.is_empty());
    assert_eq!(
        (b.groups, b.spcos),
        (vec!["sme".to_string()], vec!["Catalisti".to_string()])
    );
    for bad in ["", "sme", "sme,large,director", "sme,", "sme+,large"] {
        let e = parse_sides(bad).unwrap_err();
        assert!(matches!(e, CompareError::NeedTwo(_)), "{bad}: {e:?}");
        assert!(
            e.to_string().contains("needs two different selections"),
            "{e}"
        );
    }
    assert!(parse_sides("sme")
        .unwrap_err()
        .to_string()
        .contains("got only `sme`"));
}

#[test]
fn errors_with_words() {
    let d = demo();
    let o = StatsOptions::default();
    let err = |a: &str| {
        let [x, y] = parse_sides(a).unwrap();
        compare(&d, &x, &y, &o).unwrap_err()
    };
    match err("sme,huge") {
        CompareError::Stats(StatsError::UnknownGroup { code, available }) => {
            assert_eq!(code, "huge");
            for g in ["large", "sme", "knowledge", "intermediary", "director"] {
                assert!(available.iter().any(|x| x == g), "{available:?}");
            }
        }
        e => panic!("{e:?}"),
    }
    let e = err("sme,SME");
    assert!(matches!(e, CompareError::Same(_)), "{e:?}");
    assert!(
        e.to_string().contains("needs two different selections"),
        "{e}"
    );
    let e = err("sme+large,large");
    assert!(matches!(e, CompareError::Overlap(_)), "{e:?}");
    assert!(e.to_string().contains("7 respondents in both"), "{e}");
    // The demo data has no SPCOs: an SPCO the catalogue does not know is an error.
    let e = err("spco:Nowhere,sme");
    assert!(e.to_string().contains("unknown SPCO `Nowhere`"), "{e}");
}
