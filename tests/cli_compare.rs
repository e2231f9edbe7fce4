//! `spco-roles stats FILE --compare A,B` end to end: the comparison's sides equal the two
//! selections run separately, the table, and the errors.
#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_spco-roles");
const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/reconstructed-table3.csv");
const TABLE3: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/table3-summary.csv");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn json(o: &Output) -> Value {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "stderr: {err}");
    serde_json::from_slice(&o.stdout).unwrap()
}

fn fails(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(o.status.code(), Some(2), "{args:?} should fail");
    assert!(o.stdout.is_empty());
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn compare_equals_each_group_alone() {
    for extra in [&[][..], &["--sd", "sample", "--crosshair", "median"][..]] {
        // Later options win, so `sel` can override the crosshair of `extra`.
        let args = |sel: &[&str]| {
            let mut a = vec!["stats", DEMO];
            a.extend_from_slice(extra);
            a.extend_from_slice(sel);
            json(&run(&a))
        };
        let c = args(&["--compare", "sme,large"]);
        // A data-driven crosshair is everyone's for both sides: the groups alone are run at it.
        let all = args(&[]);
        let at = format!(
            "{},{}",
            all["crosshair"]["importance"].as_f64().unwrap(),
            all["crosshair"]["performance"].as_f64().unwrap()
        );
        assert_eq!(c["crosshair"], all["crosshair"]);
        let sme = args(&["--group", "sme", "--crosshair", &at]);
        let large = args(&["--group", "large", "--crosshair", &at]);
        assert_eq!(c["a"]["selection"]["groups"][0], "sme");
        assert_eq!(c["a"]["n_respondents"], sme["n_respondents"]);
        assert_eq!(c["b"]["n_respondents"], large["n_respondents"]);
        assert_eq!(c["input"]["format"], "long");
        let roles = c["roles"].as_array().unwrap();
        assert_eq!(roles.len(), 14);
        for (i, r) in roles.iter().enumerate() {
            for scale in ["importance", "performance"] {
                let d = &r[scale];
                let (a, b) = (&sme["roles"][i][scale], &large["roles"][i][scale]);
                for field in ["n", "mean", "sd"] {
                    assert_eq!(d["a"][field], a[field], "role {} {scale} {field}", i + 1);
                    assert_eq!(d["b"][field], b[field], "role {} {scale} {field}", i + 1);
                }
                // serde_json reads floats to within an ulp, hence the tolerance.
                let diff = b["mean"].as_f64().unwrap() - a["mean"].as_f64().unwrap();
                assert!((d["diff"].as_f64().unwrap() - diff).abs() < 1e-12);
            }
            assert_eq!(r["quadrant_a"], sme["roles"][i]["quadrant"]);
            assert_eq!(r["quadrant_b"], large["roles"][i]["quadrant"]);
        }
        for (k, list) in ["categories", "spearheads"].iter().enumerate() {
            for (x, (ya, yb)) in c[list].as_array().unwrap().iter().zip(
                sme[list]
                    .as_array()
                    .unwrap()
                    .iter()
                    .zip(large[list].as_array().unwrap()),
            ) {
                assert_eq!(x["importance"]["a"], ya["importance"], "{k}");
                assert_eq!(x["performance"]["b"], yb["performance"], "{k}");
                assert_eq!(x["quadrant_b"], yb["quadrant"]);
                assert_eq!(x["importance"]["reason"], "rolled_up");
            }
        }
    }
}

#[test]
fn compare_json_fields() {
    let c = json(&run(&["stats", DEMO, "--compare", "sme,large"]));
    let p5 = &c["roles"][4]["performance"];
    // 2.2857 (large) - 3.8 (sme), Welch's interval wholly below zero.
    assert!((p5["diff"].as_f64().unwrap() - (16.0 / 7.0 - 3.8)).abs() < 1e-12);
    assert_eq!(p5["excludes_zero"], true);
    assert_eq!(p5["reason"], Value::Null);
    assert!(p5["ci95"][1].as_f64().unwrap() < 0.0);
    assert_eq!(c["roles"][4]["quadrant_changes"], true);
    assert_eq!(
        (c["differences"].as_u64(), c["clear"].as_u64()),
        (Some(28), Some(1))
    );
    // Multi-group sides: sme+large against director.
    let m = json(&run(&["stats", DEMO, "--compare", "sme+large,director"]));
    let both = json(&run(&["stats", DEMO, "--group", "sme", "--group", "large"]));
    assert_eq!(m["a"]["n_respondents"], 12);
    assert_eq!(
        m["roles"][0]["importance"]["a"]["mean"],
        both["roles"][0]["importance"]["mean"]
    );
}

#[test]
fn compare_table() {
    let o = run(&["stats", DEMO, "--compare", "sme,large", "--format", "table"]);
    assert_eq!(o.status.code(), Some(0));
    let t = String::from_utf8(o.stdout).unwrap();
    assert!(
        t.contains("A = sme (n = 5) against B = large (n = 7)"),
        "{t}"
    );
    assert!(t.contains("B - A with Welch's 95% interval"), "{t}");
    // Role 5 performance: 3.80 (5) against 2.29 (7), -1.51, clear, [-2.54, -0.49].
    let role5 = t.lines().find(|l| l.starts_with("5 ")).unwrap();
    for cell in ["3.80 (5)", "2.29 (7)", "-1.51*", "[-2.54, -0.49]"] {
        assert!(role5.contains(cell), "{role5}");
    }
    assert!(
        t.contains("1 of 28 differences with an interval are clear at 95%"),
        "{t}"
    );
    assert!(t.contains("SR5 Innovation"), "{t}");
}

#[test]
fn compare_errors() {
    let e = fails(&["stats", DEMO, "--compare", "sme"]);
    assert!(
        e.contains("needs two different selections") && e.contains("got only `sme`"),
        "{e}"
    );
    let e = fails(&["stats", DEMO, "--compare", "sme,sme"]);
    assert!(
        e.contains("needs two different selections; both sides select sme"),
        "{e}"
    );
    let e = fails(&["stats", DEMO, "--compare", "sme,huge"]);
    assert!(
        e.contains("unknown group `huge`") && e.contains("director"),
        "{e}"
    );
    let e = fails(&["stats", DEMO, "--compare", "sme,large", "--group", "sme"]);
    assert!(e.contains("drop --group"), "{e}");
    let e = fails(&["stats", DEMO, "--compare", "sme+large,large"]);
    assert!(e.contains("overlap"), "{e}");
    // Table 3 has no per-group rows.
    let e = fails(&["stats", TABLE3, "--compare", "sme,large"]);
    assert!(e.contains("no group figures"), "{e}");
}
