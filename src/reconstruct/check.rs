//! Consistency checks of published summaries: GRIM (Brown & Heathers 2017), GRIMMER (Anaya 2016)
//! and whether a median and mode fit too, all decided exactly by the histogram search.

use super::search::{search, Outcome};
use super::target::{grim_sums, FigureProblem, Figures, SdConvention, Target};
use crate::model::{Scale, SummaryRow, SummaryTable};
use serde::Serialize;
use std::fmt::Write as _;

/// Options of `check_row` / `check_table`.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckOptions {
    /// SD conventions to try; each gets its own verdicts.
    pub conventions: Vec<SdConvention>,
    /// The n tried, inclusive, for rows that do not give one.
    pub n_min: u32,
    pub n_max: u32,
    /// Decimals the figures are printed with (Table 3: 2). A parsed number no longer knows that
    /// "6.70" had two, so it is an option, not guessed.
    pub decimals: u8,
    /// Node budget of each search; past it a verdict is `unknown` rather than a long wait.
    pub budget: u64,
}

impl Default for CheckOptions {
    fn default() -> CheckOptions {
        CheckOptions {
            conventions: SdConvention::ALL.to_vec(),
            n_min: 5,
            n_max: 100,
            decimals: 2,
            budget: 2_000_000,
        }
    }
}

/// Outcome of one test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Pass,
    Fail,
    /// The search budget ran out.
    Unknown,
    /// Not applicable: the figure is not given, or an earlier test already failed.
    Skipped,
}

impl Verdict {
    fn from_outcome(o: &Outcome) -> Verdict {
        match o {
            Outcome::Found(_) => Verdict::Pass,
            Outcome::Impossible => Verdict::Fail,
            Outcome::Undecided => Verdict::Unknown,
        }
    }

    /// Fail beats unknown beats pass; skipped tests do not count.
    fn all(vs: &[Verdict]) -> Verdict {
        if vs.contains(&Verdict::Fail) {
            Verdict::Fail
        } else if vs.contains(&Verdict::Unknown) {
            Verdict::Unknown
        } else {
            Verdict::Pass
        }
    }
}

/// The tests at one n under one SD convention.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NCheck {
    pub n: u32,
    /// The mean is reachable with n whole-number answers.
    pub grim: Verdict,
    /// The SD is reachable together with the mean, within the scale.
    pub grimmer: Verdict,
    /// Some distribution also has the printed median and the printed mode among its modes.
    pub median_mode: Verdict,
    pub consistent: Verdict,
}

/// The verdicts under one SD convention.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConventionCheck {
    pub sd: SdConvention,
    /// With n given: the check at that n. Without: the checks of the n that fit or stay unknown.
    pub checks: Vec<NCheck>,
    /// The n at which everything fits.
    pub fitting_n: Vec<u32>,
    /// The n the budget left undecided.
    pub unknown_n: Vec<u32>,
}

/// Everything `check` says about one summary row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RowCheck {
    pub group: Option<String>,
    pub role: u8,
    pub scale: Scale,
    pub n: Option<u32>,
    pub figures: Figures,
    /// Figures impossible at any n (a median that is not a half value, a mode outside the scale...).
    pub problems: Vec<FigureProblem>,
    pub by_sd: Vec<ConventionCheck>,
    /// Pass when the row is consistent under at least one of the checked conventions.
    pub consistent: Verdict,
}

/// The tests at `n`.
fn check_n(
    n: u32,
    scale: Scale,
    fig: &Figures,
    has_problems: bool,
    conv: SdConvention,
    opts: &CheckOptions,
) -> NCheck {
    let (lo, hi) = (scale.min(), scale.max());
    let grim = if grim_sums(n, fig.mean, opts.decimals, lo, hi).is_empty() {
        Verdict::Fail
    } else {
        Verdict::Pass
    };
    let grimmer = if grim != Verdict::Pass || fig.sd.is_none() || has_problems {
        Verdict::Skipped
    } else {
        let t = Target::new(n, lo, hi, fig, opts.decimals, conv, false);
        Verdict::from_outcome(&search(&t, None, opts.budget, &|_| true))
    };
    let shape_given = fig.median.is_some() || fig.mode.is_some();
    let median_mode = if !shape_given
        || has_problems
        || grim != Verdict::Pass
        || matches!(grimmer, Verdict::Fail | Verdict::Unknown)
    {
        Verdict::Skipped
    } else {
        let t = Target::new(n, lo, hi, fig, opts.decimals, conv, true);
        Verdict::from_outcome(&search(&t, None, opts.budget, &|_| true))
    };
    let consistent = if has_problems {
        Verdict::Fail
    } else {
        Verdict::all(&[grim, grimmer, median_mode])
    };
    NCheck {
        n,
        grim,
        grimmer,
        median_mode,
        consistent,
    }
}

/// Checks one summary row. Pure; `group` is left `None` (the row only holds an index; `check_table`
/// fills in the code).
pub fn check_row(row: &SummaryRow, opts: &CheckOptions) -> RowCheck {
    let fig = Figures {
        mean: row.mean,
        median: row.median,
        mode: row.mode,
        sd: row.sd,
    };
    let problems = fig.problems(row.scale.min(), row.scale.max());
    let has_problems = !problems.is_empty();
    let ns: Vec<u32> = match row.n {
        Some(n) => vec![n],
        None => (opts.n_min.max(1)..=opts.n_max).collect(),
    };
    let by_sd: Vec<ConventionCheck> = opts
        .conventions
        .iter()
        .map(|&conv| {
            let all: Vec<NCheck> = ns
                .iter()
                .map(|&n| check_n(n, row.scale, &fig, has_problems, conv, opts))
                .collect();
            let fitting_n = all
                .iter()
                .filter(|c| c.consistent == Verdict::Pass)
                .map(|c| c.n)
                .collect();
            let unknown_n = all
                .iter()
                .filter(|c| c.consistent == Verdict::Unknown)
                .map(|c| c.n)
                .collect();
            let checks = if row.n.is_some() {
                all
            } else {
                all.into_iter()
                    .filter(|c| c.consistent != Verdict::Fail)
                    .collect()
            };
            ConventionCheck {
                sd: conv,
                checks,
                fitting_n,
                unknown_n,
            }
        })
        .collect();
    let consistent = if by_sd.iter().any(|c| !c.fitting_n.is_empty()) {
        Verdict::Pass
    } else if by_sd.iter().any(|c| !c.unknown_n.is_empty()) {
        Verdict::Unknown
    } else {
        Verdict::Fail
    };
    RowCheck {
        group: None,
        role: row.role,
        scale: row.scale,
        n: row.n,
        figures: fig,
        problems,
        by_sd,
        consistent,
    }
}

/// Checks every row of a table, in order.
pub fn check_table(table: &SummaryTable, opts: &CheckOptions) -> Vec<RowCheck> {
    table
        .rows
        .iter()
        .map(|row| {
            let mut c = check_row(row, opts);
            c.group = row
                .group
                .and_then(|g| table.groups.get(g as usize))
                .map(|g| g.code.clone());
            c
        })
        .collect()
}

/// `25, 29-31, 33`.
fn ranges(ns: &[u32]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < ns.len() {
        let mut j = i;
        while j + 1 < ns.len() && ns[j + 1] == ns[j] + 1 {
            j += 1;
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        if j > i {
            let _ = write!(out, "{}-{}", ns[i], ns[j]);
        } else {
            let _ = write!(out, "{}", ns[i]);
        }
        i = j + 1;
    }
    out
}

fn verdict_text(c: &ConventionCheck, n_given: bool) -> String {
    if !n_given {
        let mut s = if c.fitting_n.is_empty() {
            "fits no n".to_string()
        } else {
            format!("fits n {}", ranges(&c.fitting_n))
        };
        if !c.unknown_n.is_empty() {
            let _ = write!(s, "; unknown n {}", ranges(&c.unknown_n));
        }
        return s;
    }
    let Some(k) = c.checks.first() else {
        return String::new();
    };
    let failed: Vec<&str> = [
        (k.grim, "GRIM"),
        (k.grimmer, "GRIMMER"),
        (k.median_mode, "median/mode"),
    ]
    .iter()
    .filter(|(v, _)| *v == Verdict::Fail)
    .map(|&(_, name)| name)
    .collect();
    match k.consistent {
        Verdict::Pass => "ok".to_string(),
        Verdict::Unknown => "unknown (search budget)".to_string(),
        _ if failed.is_empty() => "FAIL (figures)".to_string(),
        _ => format!("FAIL {}", failed.join(", ")),
    }
}

fn num(x: Option<f64>, decimals: usize) -> String {
    x.map_or("-".to_string(), |v| format!("{v:.decimals$}"))
}

/// A readable table of checks, one line per row, one column per SD convention, then notes.
pub fn format_checks(checks: &[RowCheck], decimals: u8) -> String {
    let d = decimals as usize;
    let convs: Vec<SdConvention> = checks
        .first()
        .map(|c| c.by_sd.iter().map(|s| s.sd).collect())
        .unwrap_or_default();
    let with_group = checks.iter().any(|c| c.group.is_some());
    let mut lines: Vec<Vec<String>> = Vec::new();
    let mut header: Vec<String> = Vec::new();
    if with_group {
        header.push("group".into());
    }
    for h in ["role", "scale", "n", "mean", "median", "mode", "sd"] {
        header.push(h.into());
    }
    for c in &convs {
        header.push(format!("{c} SD"));
    }
    lines.push(header);
    for c in checks {
        let mut l = Vec::new();
        if with_group {
            l.push(c.group.clone().unwrap_or_default());
        }
        l.push(c.role.to_string());
        l.push(c.scale.name().to_string());
        l.push(c.n.map_or("-".to_string(), |n| n.to_string()));
        l.push(format!("{:.d$}", c.figures.mean));
        l.push(num(c.figures.median, 1).trim_end_matches(".0").to_string());
        l.push(num(c.figures.mode, 0));
        l.push(num(c.figures.sd, d));
        for s in &c.by_sd {
            l.push(verdict_text(s, c.n.is_some()));
        }
        lines.push(l);
    }
    let cols = lines.iter().map(|l| l.len()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            lines
                .iter()
                .filter_map(|l| l.get(i))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for l in &lines {
        let cells: Vec<String> = l
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{s:<w$}", w = widths[i]))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    for c in checks {
        for p in &c.problems {
            let _ = writeln!(out, "role {} {}: {p}", c.role, c.scale.name());
        }
    }
    let passed = checks
        .iter()
        .filter(|c| c.consistent == Verdict::Pass)
        .count();
    let _ = writeln!(
        out,
        "{passed} of {} rows consistent under at least one SD convention",
        checks.len()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_compress() {
        assert_eq!(ranges(&[25, 29, 30, 31, 33]), "25, 29-31, 33");
        assert_eq!(ranges(&[]), "");
    }
}
