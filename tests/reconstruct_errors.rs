//! Reconstruction of tables it cannot or can only partly honour: clear errors, never a hang.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::model::{Scale, SummaryRow, SummaryTable};
use spco_roles::reconstruct::{reconstruct, ReconstructError, ReconstructOptions};

fn perf_row(role: u8, n: Option<u32>, mean: f64, sd: f64) -> SummaryRow {
    SummaryRow {
        group: None,
        role,
        scale: Scale::Performance,
        n,
        mean,
        median: None,
        mode: None,
        sd: Some(sd),
    }
}

fn table(rows: Vec<SummaryRow>) -> SummaryTable {
    SummaryTable {
        groups: Vec::new(),
        rows,
    }
}

#[test]
fn inconsistent_rows_are_reported_with_their_position() {
    // Row 2: n = 10 cannot give mean 3.48 (GRIM); row 3: SD 2.50 exceeds the 2.00 possible with
    // mean 3.00 on 1-5.
    let t = table(vec![
        perf_row(1, Some(10), 3.0, 1.0),
        perf_row(2, Some(10), 3.48, 1.0),
    ]);
    match reconstruct(&t, &ReconstructOptions::default()) {
        Err(ReconstructError::Inconsistent {
            row: 2, role: 2, ..
        }) => {}
        other => panic!("{other:?}"),
    }
    let t = table(vec![perf_row(3, Some(10), 3.0, 2.5)]);
    let e = reconstruct(&t, &ReconstructOptions::default()).unwrap_err();
    assert!(
        matches!(e, ReconstructError::Inconsistent { row: 1, .. }),
        "{e}"
    );
}

#[test]
fn missing_n_and_too_few_respondents() {
    let t = table(vec![
        perf_row(1, Some(10), 3.0, 1.0),
        perf_row(2, None, 3.0, 1.0),
    ]);
    let e = reconstruct(&t, &ReconstructOptions::default()).unwrap_err();
    assert_eq!(
        e,
        ReconstructError::MissingN {
            row: 2,
            role: 2,
            scale: "performance"
        }
    );
    assert!(e.to_string().contains("n is not given"));
    let t = table(vec![perf_row(1, Some(10), 3.0, 1.0)]);
    let opts = ReconstructOptions {
        respondents: Some(9),
        ..ReconstructOptions::default()
    };
    assert!(matches!(
        reconstruct(&t, &opts),
        Err(ReconstructError::TooFewRespondents {
            n: 10,
            respondents: 9,
            ..
        })
    ));
}

#[test]
fn a_group_rule_that_cannot_hold_is_an_error() {
    // Role 5 performance, all 31 answers 5 (mean 5.00, SD 0): large companies (7 of 31) must
    // answer 2-3, which no histogram allows.
    let t = table(vec![perf_row(5, Some(31), 5.0, 0.0)]);
    let e = reconstruct(&t, &ReconstructOptions::default()).unwrap_err();
    assert!(e.to_string().contains("group difference"), "{e}");
    // Without the rule it reconstructs.
    let opts = ReconstructOptions {
        rules: Vec::new(),
        ..ReconstructOptions::default()
    };
    let s = reconstruct(&t, &opts).expect("no rule");
    assert!((0..31).all(|r| s.answer(r, 5, Scale::Performance) == Some(5)));
}

#[test]
fn extra_respondents_skip_and_budget_is_bounded() {
    // 40 respondents for n = 10: 30 skip.
    let t = table(vec![perf_row(1, Some(10), 3.0, 1.0)]);
    let opts = ReconstructOptions {
        respondents: Some(40),
        ..ReconstructOptions::default()
    };
    let s = reconstruct(&t, &opts).expect("reconstruct");
    assert_eq!(s.len(), 40);
    let answered = (0..40)
        .filter(|&r| s.answer(r, 1, Scale::Performance).is_some())
        .count();
    assert_eq!(answered, 10);
    // A tiny budget gives up with an error instead of searching on.
    let t = table(vec![perf_row(1, Some(500), 3.0, 1.2)]);
    let opts = ReconstructOptions {
        budget: 10,
        ..ReconstructOptions::default()
    };
    assert!(matches!(
        reconstruct(&t, &opts),
        Err(ReconstructError::Undecided { .. })
    ));
}
