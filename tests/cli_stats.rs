//! The `spco-roles` binary end to end: files, stdin, options, errors and exit codes.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_spco-roles");

fn table3() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/data/table3-summary.csv").to_string()
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Same five respondents as tests/stats_respondents.rs, roles 1-5 only, as a long CSV:
/// role 1 importance 7 9 7 5 9, performance 3 4 4 (skip) 2.
fn long_csv() -> String {
    let people = [
        ("R1", "large", "Catalisti", "7", "3"),
        ("R2", "large", "VIL", "9", "4"),
        ("R3", "sme", "Catalisti", "7", "4"),
        ("R4", "sme", "VIL", "5", ""),
        ("R5", "sme", "", "9", "2"),
    ];
    let mut out = String::from("respondent,group,spco,role,importance,performance\n");
    for (id, g, spco, imp, perf) in people {
        out.push_str(&format!("{id},{g},{spco},1,{imp},{perf}\n"));
        for (role, i, p) in [(2, 8, 2), (3, 3, 4), (4, 2, 1), (5, 5, 3)] {
            out.push_str(&format!("{id},{g},{spco},{role},{i},{p}\n"));
        }
    }
    out
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spco-roles-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn table3_json() {
    let j = json(&run(&["stats", &table3()]));
    assert_eq!(j["source"], "summary");
    assert_eq!(j["sd"], "population");
    assert_eq!(j["n_respondents"], 31);
    assert_eq!(j["input"]["format"], "summary");
    let quadrants: Vec<&str> = j["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["quadrant"].as_str().unwrap())
        .collect();
    assert_eq!(quadrants.iter().filter(|&&q| q == "keep_up").count(), 13);
    assert_eq!(quadrants[10], "overkill");
    assert_eq!(j["roles"][0]["importance"]["mean"], 7.37);
}

#[test]
fn table3_table_format() {
    let o = run(&["stats", &table3(), "--format", "table"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let role11 = out.lines().find(|l| l.starts_with("11 ")).unwrap();
    assert!(
        role11.contains("Business support services")
            && role11.contains("4.90")
            && role11.contains("Less crucial, performing well"),
        "{role11}"
    );
    assert!(out.contains("SR2 Shaping a consortium"));
}

#[test]
fn long_file_with_filters() {
    let p = temp_file("long.csv", &long_csv());
    let path = p.to_str().unwrap();
    let j = json(&run(&["stats", path]));
    assert_eq!(j["source"], "respondents");
    assert_eq!(j["n_respondents"], 5);
    // Role 1 importance [7, 9, 7, 5, 9]: mean 7.4, modes 7 and 9; performance n 4, median 3.5.
    assert_eq!(j["roles"][0]["importance"]["mean"], 7.4);
    assert_eq!(
        j["roles"][0]["importance"]["modes"],
        serde_json::json!([7.0, 9.0])
    );
    assert_eq!(j["roles"][0]["performance"]["n"], 4);
    assert_eq!(j["roles"][0]["performance"]["median"], 3.5);

    // --group sme --sd sample: [7, 5, 9], sample SD sqrt(8/2) = 2.
    let j = json(&run(&["stats", path, "--group", "sme", "--sd", "sample"]));
    assert_eq!(j["n_respondents"], 3);
    assert_eq!(j["roles"][0]["importance"]["sd"], 2.0);
    // --spco=VIL: R2 and R4, importance (9+5)/2 = 7.
    let j = json(&run(&["stats", path, "--spco=VIL"]));
    assert_eq!(j["roles"][0]["importance"]["mean"], 7.0);
    // --crosshair 7.5,3.5: role 1 (7.4, 3.25) is low priority.
    let j = json(&run(&["stats", path, "--crosshair", "7.5,3.5"]));
    assert_eq!(j["crosshair"]["kind"], "at");
    assert_eq!(j["roles"][0]["quadrant"], "low_priority");
}

#[test]
fn stdin_input() {
    let o = run_stdin(&["stats", "-", "--input-format", "long"], &long_csv());
    let j = json(&o);
    assert_eq!(j["n_respondents"], 5);
    assert_eq!(j["input"]["file"], "stdin");
}

#[test]
fn errors_exit_2_with_a_message() {
    let o = run(&["stats", "/no/such/file.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/no/such/file.csv"), "{}", stderr(&o));

    let o = run(&["stats", &table3(), "--group", "sme"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no group figures"));

    let p = temp_file("long2.csv", &long_csv());
    let o = run(&["stats", p.to_str().unwrap(), "--group", "director"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("large, sme"), "{}", stderr(&o));

    for args in [
        &["stats"][..],
        &["stats", "a", "b"],
        &["stats", "x", "--sd"],
        &["stats", "x", "--sd", "n-1"],
        &["stats", "x", "--bogus"],
        &["stats", "x", "--format", "xml"],
        &["frobnicate"],
        &[],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&o).is_empty(), "{args:?}");
    }
    // Garbage in: an error, never a panic (101).
    let o = run_stdin(&["stats", "-"], "\u{0}\u{1}garbage,,,\n\"unterminated");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let p = temp_file("bad.bin", "");
    std::fs::write(&p, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    assert_eq!(run(&["stats", p.to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn header_only_file_is_an_error() {
    let p = temp_file(
        "header-only.csv",
        "respondent,group,spco,role,importance,performance\n",
    );
    let o = run(&["stats", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert!(
        err.contains("header-only.csv: the file has a header but no answers."),
        "{err}"
    );
    let o = run_stdin(&["stats", "-"], "role,scale,n,mean,median,mode,sd\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("stdin: the file has a header but no answers."));
}

#[test]
fn help() {
    for args in [&["--help"][..], &["help"], &["stats", "--help"]] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).contains("--crosshair"));
    }
}

#[test]
fn reconstruct_and_check_help_exit_0_with_their_usage() {
    for (cmd, option) in [("reconstruct", "--seed"), ("check", "--n-range")] {
        for flag in ["--help", "-h"] {
            let o = run(&[cmd, flag]);
            assert_eq!(o.status.code(), Some(0), "{cmd} {flag}: {}", stderr(&o));
            let out = stdout(&o);
            assert!(
                out.starts_with(&format!("usage: spco-roles {cmd} SUMMARY.csv")),
                "{out}"
            );
            assert!(out.contains(option), "{out}");
            assert!(stderr(&o).is_empty(), "{}", stderr(&o));
        }
    }
    // An unknown command is still an error, with exit code 2.
    let o = run(&["reconstrukt", "--help"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown command `reconstrukt`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn svg_subcommand_draws_the_chart() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_spco-roles"))
        .args([
            "svg",
            "data/reconstructed-table3.csv",
            "--group",
            "sme",
            "--lang",
            "nl",
            "--zoom",
            "report",
            "--size",
            "800x500",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.starts_with("<svg width=\"800\" height=\"500\""));
    // Dutch axis title and decimal commas on the report zoom's ticks.
    assert!(svg.contains("Belang (1 = onbelangrijk"));
    assert!(svg.contains("4,5"));
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_spco-roles"))
        .args([
            "svg",
            "data/reconstructed-table3.csv",
            "--group",
            "astronauts",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("astronauts"));
}

#[test]
fn svg_import_errors_follow_lang() {
    let csv = "respondent,group,spco,role,importance,performance\nr1,sme,,15,5,3\n";
    let nl = run_stdin(&["svg", "-", "--lang", "nl"], csv);
    assert_eq!(nl.status.code(), Some(2));
    assert_eq!(
        stderr(&nl).trim(),
        "spco-roles: stdin, regel 2, kolom \"role\": verwacht een rolnummer van 1 tot 14, gevonden \"15\"."
    );
    let en = run_stdin(&["svg", "-"], csv);
    assert!(stderr(&en).contains("line 2, column \"role\": expected a role number"));
}
