//! Statistics of summary tables: the study's Table 3 and small grouped tables worked out by hand.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::catalogue::catalogue;
use spco_roles::model::{Dataset, Scale, SummaryRow, SummaryTable};
use spco_roles::stats::{
    compute, tdist::t_975, Crosshair, Quadrant, SdKind, Selection, Source, StatsError, StatsOptions,
};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * b.abs().max(1.0)
}

/// `data/table3-summary.csv` (columns role,scale,n,mean,median,mode,sd), read by hand here so the
/// test does not depend on the importer.
fn table3() -> Dataset {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/table3-summary.csv"
    ))
    .unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("role,scale,n,mean,median,mode,sd"));
    let rows = lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            SummaryRow {
                group: None,
                role: f[0].parse().unwrap(),
                scale: Scale::parse(f[1]).unwrap(),
                n: Some(f[2].parse().unwrap()),
                mean: f[3].parse().unwrap(),
                median: Some(f[4].parse().unwrap()),
                mode: Some(f[5].parse().unwrap()),
                sd: Some(f[6].parse().unwrap()),
            }
        })
        .collect::<Vec<_>>();
    assert_eq!(rows.len(), 28);
    Dataset::Summary(SummaryTable {
        groups: vec![],
        rows,
    })
}

#[test]
fn table3_quadrants_at_scale_midpoint() {
    let s = compute(&table3(), &Selection::default(), &StatsOptions::default()).unwrap();
    assert_eq!(s.source, Source::Summary);
    assert_eq!(s.n_respondents, Some(31));
    // STUDY.md, Figure 4: at (5, 3) 13 roles keep up, role 11 (importance 4.90) does not.
    for r in &s.roles {
        let want = if r.role == 11 {
            Quadrant::Overkill
        } else {
            Quadrant::KeepUp
        };
        assert_eq!(r.quadrant, Some(want), "role {}", r.role);
    }
    let keep_up = s
        .roles
        .iter()
        .filter(|r| r.quadrant == Some(Quadrant::KeepUp))
        .count();
    assert_eq!(keep_up, 13);

    let r1 = &s.roles[0];
    let i = r1.importance.as_ref().unwrap();
    // Role 1 importance: n 30, mean 7.37, SD 1.49 (population); se = 1.49/sqrt(30) = 0.27204;
    // t(0.975, 29) = 2.0452, half-width 0.55638.
    assert_eq!(i.n, Some(30));
    assert!(close(i.se.unwrap(), 1.49 / 30f64.sqrt()));
    let [lo, hi] = i.ci95.unwrap();
    assert!(close(hi - 7.37, t_975(29).unwrap() * 1.49 / 30f64.sqrt()));
    assert!((lo - 6.8136).abs() < 1e-4, "{lo}");
    assert_eq!((i.median, i.modes.clone()), (Some(7.0), vec![7.0]));
    assert_eq!((i.min, i.max, i.counts.clone()), (None, None, None));
    // Gap (7.37-1)/8 - (3.39-1)/4 = 0.79625 - 0.5975 = 0.19875.
    assert!(close(r1.gap.unwrap(), 0.19875));
    assert!(!r1.small_n);
    // Role 11's performance (3.03, SD 0.76, n 29) has a CI around 3: the quadrant is uncertain.
    assert!(s.roles[10].ci_crosses_crosshair);
    // Role 4 (7.97, 4.32, small SDs) is far from the crosshair.
    assert!(!s.roles[3].ci_crosses_crosshair);
}

#[test]
fn table3_sample_sd_and_other_crosshairs() {
    let opts = StatsOptions {
        sd: SdKind::Sample,
        crosshair: Crosshair::Mean,
    };
    let s = compute(&table3(), &Selection::default(), &opts).unwrap();
    // Role 14 importance, n 29: sample SD = 1.88 * sqrt(29/28).
    let d = s.roles[13].importance.as_ref().unwrap();
    assert!(close(d.sd.unwrap(), 1.88 * (29.0f64 / 28.0).sqrt()));
    // Mean of the 14 importance means: 93.41 / 14; of the performance means
    // 3.39+3.84+3.42+4.32+3.52+3.65+3.06+3.57+3.42+3.29+3.03+3.55+3.17+3.63 = 48.86, / 14 = 3.49.
    assert!(close(s.crosshair.importance, 93.41 / 14.0));
    assert!(close(s.crosshair.performance, 48.86 / 14.0));
    // Role 4 (7.97, 4.32) stays keep-up; role 11 (4.90, 3.03) is below both: low priority.
    assert_eq!(s.roles[3].quadrant, Some(Quadrant::KeepUp));
    assert_eq!(s.roles[10].quadrant, Some(Quadrant::LowPriority));
    // Role 2 (6.93, 3.84): above 6.672 and 3.49.
    assert_eq!(s.roles[1].quadrant, Some(Quadrant::KeepUp));
    // Role 7 (6.80, 3.06): important, below the performance mean.
    assert_eq!(s.roles[6].quadrant, Some(Quadrant::Concentrate));

    // Median of the importance means: sorted ... 6.57, 6.63 ... -> (6.63 + 6.70)/2 = 6.665.
    let opts = StatsOptions {
        sd: SdKind::Population,
        crosshair: Crosshair::Median,
    };
    let s = compute(&table3(), &Selection::default(), &opts).unwrap();
    assert!(close(s.crosshair.importance, 6.665));
    // Performance: 3.42 (3), 3.42 (9), 3.52, 3.55 ... sorted 3.03 3.06 3.17 3.29 3.39 3.42 3.42
    // | 3.52 3.55 3.57 3.63 3.65 3.84 4.32 -> (3.42 + 3.52)/2 = 3.47.
    assert!(close(s.crosshair.performance, 3.47));
}

#[test]
fn table3_spearhead_rollup() {
    let s = compute(&table3(), &Selection::default(), &StatsOptions::default()).unwrap();
    // SR3 = role 6 (1) + roles 12, 13 (0.5 each):
    // (7.33 + 0.5*6.40 + 0.5*5.50) / 2 = (7.33 + 3.20 + 2.75)/2 = 13.28/2 = 6.64.
    let sr3 = &s.spearheads[2];
    assert!(close(sr3.importance.mean.unwrap(), 6.64));
    // Performance (3.65 + 0.5*3.55 + 0.5*3.17)/2 = (3.65 + 1.775 + 1.585)/2 = 3.505.
    assert!(close(sr3.performance.mean.unwrap(), 3.505));
    // Operational category 2, 4, 7, 8, 11, 14: (6.93+7.97+6.80+6.63+4.90+6.31)/6 = 39.54/6 = 6.59.
    assert!(close(s.categories[1].importance.mean.unwrap(), 6.59));
}

#[test]
fn table3_filters_are_errors() {
    let sel = Selection {
        groups: vec!["sme".into()],
        spcos: vec![],
    };
    let err = compute(&table3(), &sel, &StatsOptions::default()).unwrap_err();
    assert!(matches!(err, StatsError::NoGroupFigures { .. }), "{err}");
    assert!(err.to_string().contains("no group figures"));
    let sel = Selection {
        groups: vec![],
        spcos: vec!["VIL".into()],
    };
    let err = compute(&table3(), &sel, &StatsOptions::default()).unwrap_err();
    assert!(matches!(err, StatsError::SpcoFilterOnSummary(_)), "{err}");
}

fn row(
    group: Option<u16>,
    role: u8,
    scale: Scale,
    n: Option<u32>,
    mean: f64,
    sd: Option<f64>,
) -> SummaryRow {
    SummaryRow {
        group,
        role,
        scale,
        n,
        mean,
        median: Some(mean.round()),
        mode: Some(mean.round()),
        sd,
    }
}

/// Role 1 importance per group only: large n 10, mean 6, SD 1; sme n 30, mean 8, SD 2;
/// performance large n 10 mean 3 (no SD), sme n 30 mean 4 SD 1.
fn grouped() -> Dataset {
    let cat = catalogue();
    Dataset::Summary(SummaryTable {
        groups: vec![
            cat.group_for("large"),
            cat.group_for("sme"),
            cat.group_for("knowledge"),
        ],
        rows: vec![
            row(Some(0), 1, Scale::Importance, Some(10), 6.0, Some(1.0)),
            row(Some(1), 1, Scale::Importance, Some(30), 8.0, Some(2.0)),
            row(Some(0), 1, Scale::Performance, Some(10), 3.0, None),
            row(Some(1), 1, Scale::Performance, Some(30), 4.0, Some(1.0)),
            row(Some(2), 1, Scale::Importance, None, 5.0, Some(1.0)),
        ],
    })
}

#[test]
fn pooled_groups() {
    let sel = Selection {
        groups: vec!["large".into(), "sme".into()],
        spcos: vec![],
    };
    let s = compute(&grouped(), &sel, &StatsOptions::default()).unwrap();
    let d = s.roles[0].importance.as_ref().unwrap();
    // n 40; mean (10*6 + 30*8)/40 = 300/40 = 7.5;
    // SS = 10*(1 + (6-7.5)^2) + 30*(4 + (8-7.5)^2) = 10*3.25 + 30*4.25 = 32.5 + 127.5 = 160;
    // SD = sqrt(160/40) = 2.
    assert_eq!(d.n, Some(40));
    assert!(close(d.mean, 7.5));
    assert!(close(d.sd.unwrap(), 2.0));
    assert_eq!((d.median, d.modes.is_empty()), (None, true));
    // Performance: mean (30 + 120)/40 = 3.75; one SD missing, so no pooled SD, SE or CI.
    let p = s.roles[0].performance.as_ref().unwrap();
    assert!(close(p.mean, 3.75));
    assert_eq!((p.sd, p.se, p.ci95), (None, None, None));
    assert!(!s.notes.is_empty());
    // Quadrant at (5, 3): keep up; gap (7.5-1)/8 - (3.75-1)/4 = 0.8125 - 0.6875 = 0.125.
    assert_eq!(s.roles[0].quadrant, Some(Quadrant::KeepUp));
    assert!(close(s.roles[0].gap.unwrap(), 0.125));
}

#[test]
fn single_group_and_missing_n() {
    let sel = Selection {
        groups: vec!["sme".into()],
        spcos: vec![],
    };
    let s = compute(&grouped(), &sel, &StatsOptions::default()).unwrap();
    let d = s.roles[0].importance.as_ref().unwrap();
    assert_eq!(
        (d.n, d.mean, d.sd, d.median),
        (Some(30), 8.0, Some(2.0), Some(8.0))
    );
    assert!(s.groups[1].selected && !s.groups[0].selected);
    assert_eq!(s.groups[1].n, Some(30));

    // No group selected and no overall rows: all three groups pooled, but knowledge has no n,
    // so the mean is the unweighted (6 + 8 + 5)/3 and n and SD are unknown.
    let s = compute(&grouped(), &Selection::default(), &StatsOptions::default()).unwrap();
    let d = s.roles[0].importance.as_ref().unwrap();
    assert!(close(d.mean, 19.0 / 3.0));
    assert_eq!((d.n, d.sd), (None, None));
    // Unknown n is not "small".
    assert!(!s.roles[0].small_n);

    let sel = Selection {
        groups: vec!["intermediary".into()],
        spcos: vec![],
    };
    let err = compute(&grouped(), &sel, &StatsOptions::default()).unwrap_err();
    assert!(err.to_string().contains("large, sme, knowledge"), "{err}");
}
