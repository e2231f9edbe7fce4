//! The native command line: statistics of a survey file, and the `reconstruct`/`check`
//! subcommands. Arguments are parsed by hand to keep the binary and its build small.
//! About 550 lines: the usage text and the hand-written argument parsing of four commands.

#![allow(clippy::disallowed_methods)] // the native CLI, not shipped: std is fine (clippy.toml)

use std::io::Read;

#[path = "cli/compare.rs"]
mod compare_table;

use serde::Serialize;
use std::process::ExitCode;

use spco_roles::catalogue::{catalogue, Lang};
use spco_roles::import::{import, Exclusion, Format, ImportOptions, Imported};
use spco_roles::stats::{
    compare, compute, parse_sides, Crosshair, Describe, Rollup, SdKind, Selection, Stats,
    StatsOptions,
};

const USAGE: &str = "\
spco-roles: statistics of the VUB survey on the roles of Flemish spearhead-cluster organisations

USAGE:
    spco-roles stats FILE [OPTIONS]
    spco-roles svg FILE [OPTIONS]   a chart as an SVG document on standard output
    spco-roles reconstruct ...      (see `spco-roles reconstruct --help`)
    spco-roles check ...            (see `spco-roles check --help`)
    spco-roles help | --help

STATS:
    FILE                      survey data, or - for standard input
    --group CODE              only this respondent group (repeatable; default everyone)
    --spco NAME               only respondents rating this SPCO (repeatable; default all)
    --compare A,B             compare two selections instead: per role B - A with Welch's 95%
                              interval, quadrants and roll-ups. A side is a group, or groups
                              joined by + (sme+large,director), or spco:NAME; not with --group
                              or --spco
    --crosshair KIND          scale (default: importance 5, performance 3), mean, median,
                              or IMPORTANCE,PERFORMANCE such as 7.2,3.5
    --sd KIND                 population (default, as the report) or sample
    --format FORMAT           json (default) or table
    --input-format FORMAT     auto (default), long, wide, qualtrics, json or summary

SVG:
    FILE                      survey data (any format above)
    --group CODE              only this respondent group (repeatable)
    --lang nl|en              language of labels and numbers (default en)
    --zoom ZOOM               full (default), report (4.5-9 x 2.5-5), fit, or x0,x1,y0,y1
    --errorbars KIND          sd (default), ci or none
    --crosshair KIND          as for stats
    --view VIEW               quadrant (default) or hierarchy (the spearhead roles, report Figure 3)
    --hierarchy KIND          spearheads (default) or categories
    --color-by STAT           hierarchy node colour: gap (default), importance or performance
    --size WIDTHxHEIGHT       in CSS pixels (default 900x600)

Errors go to standard error with exit code 2.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            if !out.ends_with('\n') {
                println!();
            }
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("spco-roles: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let Some(cmd) = args.first() else {
        return Err(format!("no command given\n\n{USAGE}"));
    };
    match cmd.as_str() {
        "help" | "--help" | "-h" => Ok(USAGE.to_string()),
        "stats" => stats(&args[1..]),
        "svg" => svg(&args[1..]),
        "reconstruct" | "check" => spco_roles::reconstruct::cli::run(cmd, &args[1..]),
        other => Err(format!(
            "unknown command `{other}`; try `spco-roles --help`"
        )),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum OutFormat {
    Json,
    Table,
}

struct StatsArgs {
    file: String,
    sel: Selection,
    compare: Option<String>,
    opts: StatsOptions,
    out: OutFormat,
    input: Format,
}

fn parse_stats_args(args: &[String]) -> Result<Option<StatsArgs>, String> {
    let mut file = None;
    let mut sel = Selection::default();
    let mut compare = None;
    let mut opts = StatsOptions::default();
    let mut out = OutFormat::Json;
    let mut input = Format::Auto;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        // `--name=value` and `--name value` both work.
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || -> Result<String, String> {
            match &inline {
                Some(v) => Ok(v.clone()),
                None => it
                    .next()
                    .cloned()
                    .ok_or_else(|| format!("{name} needs a value")),
            }
        };
        match name {
            "--help" | "-h" => return Ok(None),
            "--group" => sel.groups.push(value()?),
            "--spco" => sel.spcos.push(value()?),
            "--compare" => compare = Some(value()?),
            "--crosshair" => {
                opts.crosshair = Crosshair::parse(&value()?).map_err(|e| e.to_string())?
            }
            "--sd" => opts.sd = SdKind::parse(&value()?).map_err(|e| e.to_string())?,
            "--format" => {
                out = match value()?.to_ascii_lowercase().as_str() {
                    "json" => OutFormat::Json,
                    "table" => OutFormat::Table,
                    v => return Err(format!("unknown --format `{v}`; expected json or table")),
                }
            }
            "--input-format" => {
                let v = value()?;
                input = Format::parse(&v).ok_or_else(|| {
                    format!("unknown --input-format `{v}`; expected auto, long, wide, qualtrics, json or summary")
                })?;
            }
            "-" => set_file(&mut file, arg)?,
            _ if name.starts_with('-') => {
                return Err(format!("unknown option `{name}`; try `spco-roles --help`"))
            }
            _ => set_file(&mut file, arg)?,
        }
    }
    let file = file.ok_or("stats needs a FILE (or - for standard input)")?;
    Ok(Some(StatsArgs {
        file,
        sel,
        compare,
        opts,
        out,
        input,
    }))
}

fn set_file(file: &mut Option<String>, arg: &str) -> Result<(), String> {
    if let Some(f) = file {
        return Err(format!("more than one FILE given (`{f}` and `{arg}`)"));
    }
    *file = Some(arg.to_string());
    Ok(())
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("file not found: {path}"),
            _ => format!("cannot read {path}: {e}"),
        })
    }
}

fn stats(args: &[String]) -> Result<String, String> {
    let Some(a) = parse_stats_args(args)? else {
        return Ok(USAGE.to_string());
    };
    let bytes = read_input(&a.file)?;
    let file_name = if a.file == "-" {
        "stdin".to_string()
    } else {
        a.file.clone()
    };
    let opts = ImportOptions {
        format: a.input,
        file_name: file_name.clone(),
        ..ImportOptions::default()
    };
    let imported = import(&bytes, &opts).map_err(|e| e.to_string())?;
    if let Some(text) = &a.compare {
        if !a.sel.groups.is_empty() || !a.sel.spcos.is_empty() {
            return Err(
                "--compare names its own selections; drop --group and --spco (an SPCO on one side is spco:NAME)"
                    .to_string(),
            );
        }
        let [sa, sb] = parse_sides(text).map_err(|e| e.to_string())?;
        let c = compare(&imported.dataset, &sa, &sb, &a.opts).map_err(|e| e.to_string())?;
        return match a.out {
            OutFormat::Json => json(&c, &imported, &file_name),
            OutFormat::Table => Ok(compare_table::table(&c, &imported)),
        };
    }
    let stats = compute(&imported.dataset, &a.sel, &a.opts).map_err(|e| e.to_string())?;
    match a.out {
        OutFormat::Json => json(&stats, &imported, &file_name),
        OutFormat::Table => Ok(table(&stats, &imported)),
    }
}

/// The `Stats` (or `Comparison`) JSON followed by an `input` object (file, detected format,
/// excluded rows).
fn json<T: Serialize>(stats: &T, imported: &Imported, file: &str) -> Result<String, String> {
    #[derive(Serialize)]
    struct Input<'a> {
        file: &'a str,
        format: Format,
        excluded: &'a [Exclusion],
    }
    #[derive(Serialize)]
    struct Output<'a, T: Serialize> {
        #[serde(flatten)]
        stats: &'a T,
        input: Input<'a>,
    }
    let out = Output {
        stats,
        input: Input {
            file,
            format: imported.format,
            excluded: &imported.excluded,
        },
    };
    serde_json::to_string_pretty(&out).map_err(|e| e.to_string())
}

fn num(v: Option<f64>, decimals: usize) -> String {
    match v {
        Some(x) => format!("{x:.decimals$}"),
        None => "-".to_string(),
    }
}

fn count(v: Option<u32>) -> String {
    v.map_or_else(|| "-".to_string(), |n| n.to_string())
}

fn scale_cells(d: &Option<Describe>) -> [String; 4] {
    match d {
        None => ["0".into(), "-".into(), "-".into(), "-".into()],
        Some(d) => [
            count(d.n),
            num(Some(d.mean), 2),
            num(d.median, 1),
            num(d.sd, 2),
        ],
    }
}

fn quadrant_label(code: Option<&str>) -> String {
    let Some(code) = code else {
        return "-".to_string();
    };
    catalogue()
        .quadrants
        .iter()
        .find(|q| q.code == code)
        .map_or_else(|| code.to_string(), |q| q.short_en.to_string())
}

/// Aligns columns: text columns (`left`) to the left, numbers to the right.
fn render(rows: &[Vec<String>], left: &[usize]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(c, s)| {
                if left.contains(&c) {
                    format!("{s:<w$}", w = widths[c])
                } else {
                    format!("{s:>w$}", w = widths[c])
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn table(s: &Stats, imported: &Imported) -> String {
    let cat = catalogue();
    let mut out = String::new();
    let who = if s.selection.groups.is_empty() && s.selection.spcos.is_empty() {
        "everyone".to_string()
    } else {
        let mut parts = Vec::new();
        if !s.selection.groups.is_empty() {
            parts.push(format!("groups {}", s.selection.groups.join(", ")));
        }
        if !s.selection.spcos.is_empty() {
            parts.push(format!("SPCOs {}", s.selection.spcos.join(", ")));
        }
        parts.join("; ")
    };
    out.push_str(&format!(
        "{} data ({}), {}: n = {}; SD: {}; crosshair ({}): importance {:.2}, performance {:.2}\n\n",
        match s.source {
            spco_roles::stats::Source::Respondents => "Respondent",
            spco_roles::stats::Source::Summary => "Summary",
        },
        imported.format,
        who,
        count(s.n_respondents),
        match s.sd {
            SdKind::Population => "population (divided by n)",
            SdKind::Sample => "sample (divided by n - 1)",
        },
        s.crosshair.kind,
        s.crosshair.importance,
        s.crosshair.performance,
    ));

    let mut rows = vec![vec![
        "role".to_string(),
        "label".into(),
        "imp n".into(),
        "mean".into(),
        "median".into(),
        "sd".into(),
        "perf n".into(),
        "mean".into(),
        "median".into(),
        "sd".into(),
        "gap".into(),
        "quadrant".into(),
        "flags".into(),
    ]];
    for r in &s.roles {
        let label = cat
            .role(r.role)
            .map_or("", |x| x.short(Lang::En))
            .to_string();
        let mut row = vec![r.role.to_string(), label];
        row.extend(scale_cells(&r.importance));
        row.extend(scale_cells(&r.performance));
        row.push(num(r.gap, 3));
        row.push(quadrant_label(r.quadrant.map(|q| q.code())));
        let mut flags = Vec::new();
        if r.small_n {
            flags.push("n<5");
        }
        if r.ci_crosses_crosshair {
            flags.push("CI~crosshair");
        }
        row.push(flags.join(" "));
        rows.push(row);
    }
    out.push_str(&render(&rows, &[0, 1, 11, 12]));

    let rollup_rows = |name: &str, items: &[(String, &Rollup)]| {
        let mut rows = vec![vec![
            name.to_string(),
            "roles".into(),
            "imp".into(),
            "perf".into(),
            "gap".into(),
            "quadrant".into(),
        ]];
        for (label, r) in items {
            let roles: Vec<String> = r
                .roles
                .iter()
                .zip(&r.weights)
                .map(|(id, w)| {
                    if *w == 1.0 {
                        id.to_string()
                    } else {
                        format!("{id}({w})")
                    }
                })
                .collect();
            rows.push(vec![
                label.clone(),
                roles.join(" "),
                num(r.importance.mean, 2),
                num(r.performance.mean, 2),
                num(r.gap, 3),
                quadrant_label(r.quadrant.map(|q| q.code())),
            ]);
        }
        render(&rows, &[0, 1, 5])
    };
    let categories: Vec<(String, &Rollup)> = s
        .categories
        .iter()
        .map(|r| (category_label(r.code), r))
        .collect();
    out.push('\n');
    out.push_str(&rollup_rows("category", &categories));
    let spearheads: Vec<(String, &Rollup)> = s
        .spearheads
        .iter()
        .map(|r| (spearhead_label(r.id), r))
        .collect();
    out.push('\n');
    out.push_str(&rollup_rows("spearhead role", &spearheads));
    out.push_str(
        "\nRoll-ups: mean of the source roles' means; spearhead secondary roles weigh 0.5.\n",
    );
    out.push_str(
        "Flags: n<5 = fewer than 5 answers; CI~crosshair = a 95% CI contains the crosshair.\n",
    );
    for note in &s.notes {
        out.push_str(&format!("Note: {note}\n"));
    }
    out.push_str(&excluded_notes(&imported.excluded));
    out
}

fn excluded_notes(excluded: &[Exclusion]) -> String {
    if excluded.is_empty() {
        return String::new();
    }
    let mut out = String::from("Excluded rows:\n");
    for e in excluded {
        out.push_str(&format!("  {} x {}\n", e.count, e.reason));
    }
    out
}

/// `spco-roles svg`: the same chart the browser draws, through the same session code.
fn svg(args: &[String]) -> Result<String, String> {
    use spco_roles::session::{Attr, Session, Settings};
    let mut session = Session::new();
    let mut settings = Settings::default();
    let mut groups = Vec::new();
    let mut zoom = String::from("full");
    let (mut width, mut height) = (900.0, 600.0);
    let mut file = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value"))
        };
        match arg.as_str() {
            "--help" | "-h" => return Ok(USAGE.to_string()),
            "--group" => groups.push(value()?),
            "--zoom" => zoom = value()?,
            // The element's settings, by their attribute names (--lang, --view, --color-by, ...).
            flag if flag
                .strip_prefix("--")
                .and_then(Attr::from_name)
                .is_some_and(|a| a != Attr::Group) =>
            {
                let attr = Attr::from_name(&flag[2..]).expect("checked above");
                settings
                    .set(attr, Some(&value()?))
                    .map_err(|e| e.to_string())?
            }
            "--size" => {
                let v = value()?;
                let parsed = v
                    .split_once('x')
                    .and_then(|(w, h)| {
                        Some((w.trim().parse::<f64>().ok()?, h.trim().parse::<f64>().ok()?))
                    })
                    .filter(|(w, h)| {
                        (100.0..=10000.0).contains(w) && (100.0..=10000.0).contains(h)
                    });
                (width, height) = parsed.ok_or_else(|| {
                    format!("--size {v}: expected WIDTHxHEIGHT such as 900x600, each 100 to 10000")
                })?;
            }
            _ if arg.starts_with('-') && arg != "-" => {
                return Err(format!("unknown option {arg}\n\n{USAGE}"))
            }
            _ => set_file(&mut file, arg)?,
        }
    }
    let path = file.ok_or_else(|| format!("svg needs a FILE\n\n{USAGE}"))?;
    let bytes = read_input(&path)?;
    let name = if path == "-" {
        "stdin".to_string()
    } else {
        path.clone()
    };
    // An import error in the chosen --lang (the element's errors follow its language too).
    session
        .load(&bytes, "auto", &name)
        .map_err(|e| e.message(settings.lang))?;
    settings
        .set(Attr::Group, Some(&groups.join(",")))
        .map_err(|e| e.to_string())?;
    session.set_settings(settings).map_err(|e| e.to_string())?;
    session.resize(width, height, 1.0);
    session.set_zoom(&zoom).map_err(|e| e.to_string())?;
    session.svg(width, height).map_err(|e| e.to_string())
}

/// A category's English name for the tables (empty when unknown).
fn category_label(code: Option<spco_roles::catalogue::Category>) -> String {
    code.map_or_else(String::new, |c| {
        spco_roles::catalogue::catalogue()
            .category(c)
            .en
            .to_string()
    })
}

/// "SR2 Shaping a consortium" for the tables.
fn spearhead_label(id: Option<u8>) -> String {
    let id = id.unwrap_or(0);
    let label = spco_roles::catalogue::catalogue()
        .spearheads
        .iter()
        .find(|x| x.id == id)
        .map_or("", |x| x.en);
    format!("SR{id} {label}")
}
