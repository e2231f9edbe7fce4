//! Statistics of respondent-level data against values worked out by hand (arithmetic in the
//! comments).

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::catalogue::{catalogue, Category};
use spco_roles::model::{Dataset, Scale, Survey};
use spco_roles::stats::{
    compute, tdist::t_975, Crosshair, Describe, Quadrant, SdKind, Selection, Stats, StatsError,
    StatsOptions,
};

const EPS: f64 = 1e-12;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= EPS * b.abs().max(1.0)
}

macro_rules! assert_close {
    ($a:expr, $b:expr) => {{
        let (a, b): (f64, f64) = ($a, $b);
        assert!(close(a, b), "{} = {a}, expected {b}", stringify!($a));
    }};
}

/// Five respondents in groups `large` (R1, R2) and `sme` (R3-R5), SPCOs Catalisti and VIL.
///
/// | resp | group | SPCO      | imp 1 | perf 1 |
/// |------|-------|-----------|-------|--------|
/// | R1   | large | Catalisti | 7     | 3      |
/// | R2   | large | VIL       | 9     | 4      |
/// | R3   | sme   | Catalisti | 7     | 4      |
/// | R4   | sme   | VIL       | 5     | skip   |
/// | R5   | sme   | (none)    | 9     | 2      |
///
/// Everybody answers role 2 with 8/2, role 3 with 3/4, role 4 with 2/1 and role 5 with 5/3;
/// roles 6-14 are skipped by all.
fn survey() -> Dataset {
    let cat = catalogue();
    let groups = vec![cat.group_for("large"), cat.group_for("sme")];
    let mut s = Survey::new(groups, vec!["Catalisti".into(), "VIL".into()]);
    let rows: [(u16, Option<u16>, u8, Option<u8>); 5] = [
        (0, Some(0), 7, Some(3)),
        (0, Some(1), 9, Some(4)),
        (1, Some(0), 7, Some(4)),
        (1, Some(1), 5, None),
        (1, None, 9, Some(2)),
    ];
    for (i, (g, spco, imp1, perf1)) in rows.into_iter().enumerate() {
        let r = s.push_respondent(format!("R{}", i + 1), g, spco);
        s.set_answer(r, 1, Scale::Importance, Some(imp1));
        s.set_answer(r, 1, Scale::Performance, perf1);
        for (role, imp, perf) in [(2, 8, 2), (3, 3, 4), (4, 2, 1), (5, 5, 3)] {
            s.set_answer(r, role, Scale::Importance, Some(imp));
            s.set_answer(r, role, Scale::Performance, Some(perf));
        }
    }
    Dataset::Respondents(s)
}

fn run(sel: Selection, sd: SdKind, crosshair: Crosshair) -> Result<Stats, StatsError> {
    compute(&survey(), &sel, &StatsOptions { sd, crosshair })
}

fn all(sd: SdKind) -> Stats {
    run(Selection::default(), sd, Crosshair::Scale).unwrap()
}

fn imp(s: &Stats, role: usize) -> &Describe {
    s.roles[role - 1].importance.as_ref().unwrap()
}

fn perf(s: &Stats, role: usize) -> &Describe {
    s.roles[role - 1].performance.as_ref().unwrap()
}

#[test]
fn odd_n_several_modes_population_sd() {
    let s = all(SdKind::Population);
    assert_eq!(s.n_respondents, Some(5));
    let d = imp(&s, 1);
    // [7, 9, 7, 5, 9]: sum 37, mean 7.4; sorted 5 7 7 9 9, median 7; 7 and 9 twice each.
    assert_eq!(d.n, Some(5));
    assert_close!(d.mean, 7.4);
    assert_eq!(d.median, Some(7.0));
    assert_eq!(d.modes, vec![7.0, 9.0]);
    // Deviations -0.4 1.6 -0.4 -2.4 1.6, squares .16 2.56 .16 5.76 2.56 = 11.2; / 5 = 2.24.
    assert_close!(d.sd.unwrap(), 2.24f64.sqrt());
    assert_close!(d.se.unwrap(), 2.24f64.sqrt() / 5f64.sqrt());
    // t(0.975, 4) = 2.7764 (table); half-width 2.7764 * 0.66933 = 1.8584.
    let [lo, hi] = d.ci95.unwrap();
    let half = t_975(4).unwrap() * (2.24f64 / 5.0).sqrt();
    assert!((t_975(4).unwrap() - 2.7764).abs() < 1e-4);
    assert_close!(lo, 7.4 - half);
    assert_close!(hi, 7.4 + half);
    assert!((lo - 5.5416).abs() < 1e-3 && (hi - 9.2584).abs() < 1e-3);
    assert_eq!((d.min, d.max), (Some(5), Some(9)));
    assert_eq!(d.counts.as_deref(), Some(&[0, 0, 0, 0, 1, 0, 2, 0, 2][..]));
}

#[test]
fn skipped_item_and_even_n() {
    let s = all(SdKind::Population);
    let d = perf(&s, 1);
    // R4 skipped: [3, 4, 4, 2], n 4, mean 13/4 = 3.25; sorted 2 3 4 4, median (3+4)/2 = 3.5.
    assert_eq!(d.n, Some(4));
    assert_close!(d.mean, 3.25);
    assert_eq!(d.median, Some(3.5));
    assert_eq!(d.modes, vec![4.0]);
    // Squares of -0.25 .75 .75 -1.25: .0625+.5625+.5625+1.5625 = 2.75; / 4 = 0.6875.
    assert_close!(d.sd.unwrap(), 0.6875f64.sqrt());
    assert_eq!(d.counts.as_deref(), Some(&[0, 1, 1, 2, 0][..]));
    // Gap: (7.4-1)/8 - (3.25-1)/4 = 0.8 - 0.5625 = 0.2375.
    assert_close!(s.roles[0].gap.unwrap(), 0.2375);
}

#[test]
fn sample_sd() {
    let s = all(SdKind::Sample);
    assert_eq!(s.sd, SdKind::Sample);
    // 11.2 / (5-1) = 2.8 and 2.75 / (4-1).
    assert_close!(imp(&s, 1).sd.unwrap(), 2.8f64.sqrt());
    assert_close!(imp(&s, 1).se.unwrap(), (2.8f64 / 5.0).sqrt());
    assert_close!(perf(&s, 1).sd.unwrap(), (2.75f64 / 3.0).sqrt());
    // The mean, median and modes do not depend on the SD kind.
    assert_close!(imp(&s, 1).mean, 7.4);
}

#[test]
fn group_filter() {
    let sel = Selection {
        groups: vec!["sme".into()],
        spcos: vec![],
    };
    let s = run(sel, SdKind::Population, Crosshair::Scale).unwrap();
    assert_eq!(s.n_respondents, Some(3));
    let d = imp(&s, 1);
    // R3-R5: [7, 5, 9], mean 7, median 7, each value once, var (0+4+4)/3 = 8/3.
    assert_close!(d.mean, 7.0);
    assert_eq!(d.median, Some(7.0));
    assert_eq!(d.modes, vec![5.0, 7.0, 9.0]);
    assert_close!(d.sd.unwrap(), (8.0f64 / 3.0).sqrt());
    // Performance [4, 2]: mean 3, median 3, modes 2 and 4; n 2 < 5.
    let p = perf(&s, 1);
    assert_eq!((p.n, p.median), (Some(2), Some(3.0)));
    assert_eq!(p.modes, vec![2.0, 4.0]);
    assert!(s.roles[0].small_n);
    let sizes: Vec<_> = s
        .groups
        .iter()
        .map(|g| (g.code.as_str(), g.n, g.selected))
        .collect();
    assert_eq!(
        sizes,
        vec![("large", Some(2), false), ("sme", Some(3), true)]
    );

    // A catalogue label finds the group too.
    let sel = Selection {
        groups: vec!["KMO's".into()],
        spcos: vec![],
    };
    assert_eq!(
        run(sel, SdKind::Population, Crosshair::Scale)
            .unwrap()
            .n_respondents,
        Some(3)
    );
}

#[test]
fn unknown_group_lists_the_groups() {
    let sel = Selection {
        groups: vec!["director".into()],
        spcos: vec![],
    };
    let err = run(sel, SdKind::Population, Crosshair::Scale).unwrap_err();
    assert!(matches!(err, StatsError::UnknownGroup { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("director") && msg.contains("large, sme"),
        "{msg}"
    );
}

#[test]
fn spco_filter() {
    let sel = Selection {
        groups: vec![],
        spcos: vec!["vil".into()],
    };
    let s = run(sel.clone(), SdKind::Population, Crosshair::Scale).unwrap();
    // R2 and R4: importance [9, 5] mean 7; performance only R2's 4.
    assert_eq!(s.n_respondents, Some(2));
    assert_close!(imp(&s, 1).mean, 7.0);
    let p = perf(&s, 1);
    assert_eq!(p.n, Some(1));
    // n = 1: the population SD is 0 and SE 0, but no CI without a degree of freedom.
    assert_eq!((p.sd, p.se, p.ci95), (Some(0.0), Some(0.0), None));
    let sizes: Vec<_> = s.groups.iter().map(|g| g.n).collect();
    assert_eq!(sizes, vec![Some(1), Some(1)]);

    // With the sample SD, n = 1 has no SD, SE or CI.
    let s = run(sel, SdKind::Sample, Crosshair::Scale).unwrap();
    let p = perf(&s, 1);
    assert_eq!((p.sd, p.se, p.ci95), (None, None, None));

    // SPCO and group together: VIL and sme is R4 alone, who skipped performance 1.
    let sel = Selection {
        groups: vec!["sme".into()],
        spcos: vec!["VIL".into()],
    };
    let s = run(sel, SdKind::Population, Crosshair::Scale).unwrap();
    assert_eq!(s.n_respondents, Some(1));
    assert!(s.roles[0].performance.is_none());
    assert_eq!(s.roles[0].quadrant, None);

    // A catalogue SPCO nobody rated selects nobody; a name nobody knows is an error.
    let sel = Selection {
        groups: vec![],
        spcos: vec!["De Blauwe Cluster".into()],
    };
    let s = run(sel, SdKind::Population, Crosshair::Scale).unwrap();
    assert_eq!(s.n_respondents, Some(0));
    assert!(s.roles.iter().all(|r| r.importance.is_none() && r.small_n));
    let sel = Selection {
        groups: vec![],
        spcos: vec!["Agoria".into()],
    };
    let err = run(sel, SdKind::Population, Crosshair::Scale).unwrap_err();
    assert!(err.to_string().contains("Catalisti, VIL"), "{err}");
}

#[test]
fn unanswered_roles_are_null() {
    let s = all(SdKind::Population);
    for r in &s.roles[5..] {
        assert!(r.importance.is_none() && r.performance.is_none());
        assert_eq!((r.quadrant, r.gap), (None, None));
        assert!(r.small_n);
    }
    let json = serde_json::to_value(&s).unwrap();
    assert!(json["roles"][5]["importance"].is_null());
}

fn quadrants(s: &Stats) -> Vec<Option<Quadrant>> {
    s.roles[..5].iter().map(|r| r.quadrant).collect()
}

#[test]
fn quadrants_at_each_crosshair() {
    use Quadrant::*;
    // Role means (importance, performance): 1 (7.4, 3.25), 2 (8, 2), 3 (3, 4), 4 (2, 1), 5 (5, 3).
    let s = run(Selection::default(), SdKind::Population, Crosshair::Scale).unwrap();
    assert_eq!(
        (
            s.crosshair.importance,
            s.crosshair.performance,
            s.crosshair.kind
        ),
        (5.0, 3.0, "scale")
    );
    // Role 5 sits on both lines: >= counts as keep-up.
    assert_eq!(
        quadrants(&s),
        vec![
            Some(KeepUp),
            Some(Concentrate),
            Some(Overkill),
            Some(LowPriority),
            Some(KeepUp)
        ]
    );

    // Mean of the role means: (7.4+8+3+2+5)/5 = 5.08 and (3.25+2+4+1+3)/5 = 2.65.
    let s = run(Selection::default(), SdKind::Population, Crosshair::Mean).unwrap();
    assert_close!(s.crosshair.importance, 5.08);
    assert_close!(s.crosshair.performance, 2.65);
    assert_eq!(quadrants(&s)[4], Some(Overkill));
    assert_eq!(
        quadrants(&s)[..4],
        [
            Some(KeepUp),
            Some(Concentrate),
            Some(Overkill),
            Some(LowPriority)
        ]
    );

    // Median of the role means: 2 3 5 7.4 8 -> 5; 1 2 3 3.25 4 -> 3.
    let s = run(Selection::default(), SdKind::Population, Crosshair::Median).unwrap();
    assert_eq!(
        (
            s.crosshair.importance,
            s.crosshair.performance,
            s.crosshair.kind
        ),
        (5.0, 3.0, "median")
    );

    let at = Crosshair::parse("7.5, 3.5").unwrap();
    let s = run(Selection::default(), SdKind::Population, at).unwrap();
    assert_eq!(s.crosshair.kind, "at");
    assert_eq!(
        quadrants(&s),
        vec![
            Some(LowPriority),
            Some(Concentrate),
            Some(Overkill),
            Some(LowPriority),
            Some(LowPriority)
        ]
    );

    for bad in ["10,3", "5,0.5"] {
        let err = run(
            Selection::default(),
            SdKind::Population,
            Crosshair::parse(bad).unwrap(),
        )
        .unwrap_err();
        assert!(
            matches!(err, StatsError::CrosshairOutOfRange { .. }),
            "{bad}: {err}"
        );
    }
    assert!(Crosshair::parse("7;3").is_err());
    // Not a number at all: refused by the parser rather than by the range check.
    for bad in ["nan,3", "7,inf", "-infinity,3"] {
        assert!(
            matches!(Crosshair::parse(bad), Err(StatsError::BadCrosshair(_))),
            "{bad}"
        );
    }
    assert!(Crosshair::parse("x,3").is_err());

    // A mean crosshair needs at least one role mean.
    let sel = Selection {
        groups: vec![],
        spcos: vec!["dbc".into()],
    };
    let err = run(sel, SdKind::Population, Crosshair::Mean).unwrap_err();
    assert!(matches!(err, StatsError::NoDataForCrosshair { .. }));
}

#[test]
fn ci_crossing_the_crosshair() {
    let s = all(SdKind::Population);
    // Role 1 importance CI [5.54, 9.26] misses 5, but performance: se = sqrt(.6875)/2 = 0.41458,
    // t(0.975, 3) = 3.1824, 3.25 -/+ 1.3194 = [1.93, 4.57] contains 3.
    assert!(s.roles[0].ci_crosses_crosshair);
    // Role 5 answered 5/3 by everybody: SD 0, CI [5, 5] and [3, 3], on the crosshair.
    assert_eq!(imp(&s, 5).ci95, Some([5.0, 5.0]));
    assert!(s.roles[4].ci_crosses_crosshair);
    // Role 2 (8, 2) with SD 0: CIs [8, 8] and [2, 2] miss 5 and 3.
    assert!(!s.roles[1].ci_crosses_crosshair);
    assert!(!s.roles[1].small_n);
}

#[test]
fn rollups() {
    let s = all(SdKind::Population);
    let strategic = &s.categories[0];
    assert_eq!(strategic.code, Some(Category::Strategic));
    assert_eq!(strategic.roles, vec![1, 3, 5, 9, 12]);
    // Roles 1, 3, 5 have data: (7.4+3+5)/3 and (3.25+4+3)/3.
    assert_eq!(strategic.importance.n_roles, 3);
    assert_close!(strategic.importance.mean.unwrap(), 15.4 / 3.0);
    assert_close!(strategic.performance.mean.unwrap(), 10.25 / 3.0);
    // Operational 2, 4 with data: (8+2)/2 = 5 >= 5 and (2+1)/2 = 1.5 < 3: concentrate.
    let operational = &s.categories[1];
    assert_close!(operational.importance.mean.unwrap(), 5.0);
    assert_eq!(operational.quadrant, Some(Quadrant::Concentrate));
    // All-round 6, 10, 13: nobody answered.
    let all_round = &s.categories[2];
    assert_eq!(
        (
            all_round.importance.mean,
            all_round.importance.n_roles,
            all_round.quadrant
        ),
        (None, 0, None)
    );

    // SR2 = role 4 (weight 1) + 3, 5, 7, 10, 12, 13 (weight 0.5); data for 4, 3, 5:
    // importance (1*2 + .5*3 + .5*5) / (1 + .5 + .5) = 6/2 = 3 (an unweighted mean would be 3.33),
    // performance (1*1 + .5*4 + .5*3) / 2 = 4.5/2 = 2.25.
    let sr2 = &s.spearheads[1];
    assert_eq!(sr2.id, Some(2));
    assert_eq!(sr2.roles, vec![4, 3, 5, 7, 10, 12, 13]);
    assert_eq!(sr2.weights, vec![1.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    assert_close!(sr2.importance.mean.unwrap(), 3.0);
    assert_close!(sr2.performance.mean.unwrap(), 2.25);
    assert_eq!(sr2.importance.n_roles, 3);
    // Gap (3-1)/8 - (2.25-1)/4 = 0.25 - 0.3125.
    assert_close!(sr2.gap.unwrap(), -0.0625);
    assert_eq!(sr2.quadrant, Some(Quadrant::LowPriority));
    // SR10 = role 3 alone.
    assert_close!(s.spearheads[9].importance.mean.unwrap(), 3.0);
    // SR1 = role 9: no data.
    assert_eq!(s.spearheads[0].importance.mean, None);
}

#[test]
fn json_shape() {
    let s = all(SdKind::Population);
    let j = serde_json::to_value(&s).unwrap();
    assert_eq!(j["source"], "respondents");
    assert_eq!(j["sd"], "population");
    assert_eq!(j["n_respondents"], 5);
    assert_eq!(j["crosshair"]["kind"], "scale");
    assert_eq!(j["crosshair"]["importance"], 5.0);
    assert_eq!(j["groups"][1]["code"], "sme");
    assert_eq!(j["groups"][1]["label_en"], "SME members");
    assert_eq!(j["groups"][1]["known"], true);
    let r1 = &j["roles"][0];
    assert_eq!(r1["role"], 1);
    assert_eq!(r1["category"], "strategic");
    assert_eq!(r1["quadrant"], "keep_up");
    assert_eq!(r1["importance"]["modes"], serde_json::json!([7.0, 9.0]));
    assert_eq!(r1["importance"]["ci95"].as_array().unwrap().len(), 2);
    assert_eq!(
        r1["performance"]["counts"],
        serde_json::json!([0, 1, 1, 2, 0])
    );
    assert_eq!(j["categories"][2]["code"], "all_round");
    assert!(j["categories"][2].get("id").is_none());
    assert_eq!(j["spearheads"][1]["id"], 2);
    assert_eq!(j["spearheads"][1]["kind"], "framework");
    assert!(j["spearheads"][1].get("code").is_none());
    assert!(j["spearheads"][1]["method"]
        .as_str()
        .unwrap()
        .contains("0.5"));
}

#[test]
fn option_parsing() {
    assert_eq!(SdKind::parse("Sample").unwrap(), SdKind::Sample);
    assert_eq!(SdKind::parse("population").unwrap(), SdKind::Population);
    assert!(SdKind::parse("n-1").is_err());
    assert_eq!(Crosshair::parse("mean").unwrap(), Crosshair::Mean);
    assert_eq!(Crosshair::parse("median").unwrap(), Crosshair::Median);
    assert_eq!(Crosshair::parse("scale").unwrap(), Crosshair::Scale);
    assert_eq!(
        Crosshair::parse("7.2,3.5").unwrap(),
        Crosshair::At {
            importance: 7.2,
            performance: 3.5
        }
    );
}

#[test]
fn empty_survey() {
    let s = Survey::new(vec![], vec![]);
    let st = compute(
        &Dataset::Respondents(s),
        &Selection::default(),
        &StatsOptions::default(),
    )
    .unwrap();
    assert_eq!(st.n_respondents, Some(0));
    assert_eq!(st.roles.len(), 14);
}

/// The groups' counts made once (stats/group_hist.rs) give the same statistics as a pass over the
/// respondents, for every set of groups; a selection by SPCO, or counts not yet complete, fall
/// back to the pass. Counted in slices, they equal the counts made at once.
#[test]
fn group_counts_sum_to_the_same_statistics() {
    use spco_roles::stats::{compute_with, GroupHist};
    let d = survey();
    let Dataset::Respondents(s) = &d else {
        unreachable!()
    };
    let whole = GroupHist::of(s);
    let mut sliced = GroupHist::new(s);
    assert!(!sliced.add_rows(s, 2), "2 of 5 counted");
    assert!(!sliced.add_rows(s, 2), "4 of 5 counted");
    assert!(sliced.add_rows(s, 2), "all 5 counted");
    assert_eq!(sliced, whole);
    // R1-R2 large, R3-R5 sme (the table above).
    assert_eq!((whole.n(0), whole.n(1)), (2, 3));

    let opts = StatsOptions::default();
    let sel = |groups: &[&str], spcos: &[&str]| Selection {
        groups: groups.iter().map(|g| g.to_string()).collect(),
        spcos: spcos.iter().map(|g| g.to_string()).collect(),
    };
    for selection in [
        sel(&[], &[]),
        sel(&["large"], &[]),
        sel(&["sme"], &[]),
        sel(&["large", "sme"], &[]),
        sel(&["sme"], &["Catalisti"]),
    ] {
        let by_pass = compute(&d, &selection, &opts).unwrap();
        let by_counts = compute_with(&d, &selection, &opts, Some(&whole)).unwrap();
        assert_eq!(by_counts, by_pass, "{selection:?}");
    }
    // Hand-worked: sme's importance of role 1 is (7 + 5 + 9) / 3 = 7, over n = 3.
    let sme = compute_with(&d, &sel(&["sme"], &[]), &opts, Some(&whole)).unwrap();
    assert_eq!(sme.n_respondents, Some(3));
    assert_close!(sme.roles[0].importance.as_ref().unwrap().mean, 7.0);

    // Counts of part of the respondents are never summed: the pass is made instead.
    let mut part = GroupHist::new(s);
    part.add_rows(s, 3);
    let everyone = compute_with(&d, &sel(&[], &[]), &opts, Some(&part)).unwrap();
    assert_eq!(everyone, compute(&d, &sel(&[], &[]), &opts).unwrap());
    assert_eq!(everyone.n_respondents, Some(5));
}
