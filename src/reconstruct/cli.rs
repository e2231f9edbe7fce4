//! The `reconstruct` and `check` subcommands of the native CLI.

use super::{
    check_table, format_checks, reconstruct, table_roles, to_long_csv, CheckOptions,
    ReconstructOptions, SdConvention,
};
use crate::import::{import_str, Format, ImportOptions};
use crate::model::{Dataset, SummaryTable};

const RECONSTRUCT_USAGE: &str = "usage: spco-roles reconstruct SUMMARY.csv [--seed N] [--sd population|sample] [--respondents N] [--decimals N] [--no-group-rules]";
const CHECK_USAGE: &str = "usage: spco-roles check SUMMARY.csv [--sd population|sample] [--n-range 5..100] [--format table|json] [--decimals N] [--budget N]";

/// Runs subcommand `cmd` (`reconstruct` or `check`) with its arguments; returns what to print.
pub fn run(cmd: &str, args: &[String]) -> Result<String, String> {
    match cmd {
        "reconstruct" => run_reconstruct(args),
        "check" => run_check(args),
        _ => Err(format!("unknown subcommand `{cmd}`")),
    }
}

/// Splits `args` into one positional path and `--flag value` / `--switch` options.
struct Args<'a> {
    path: Option<&'a str>,
    options: Vec<(&'a str, Option<&'a str>)>,
}

/// `Ok(None)` when help is asked for (`--help` or `-h` where an option may stand).
fn split_args<'a>(
    args: &'a [String],
    switches: &[&str],
    usage: &str,
) -> Result<Option<Args<'a>>, String> {
    let mut out = Args {
        path: None,
        options: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if a == "--help" || a == "-h" {
            return Ok(None);
        }
        if let Some(flag) = a.strip_prefix("--") {
            if let Some((k, v)) = flag.split_once('=') {
                out.options.push((k, Some(v)));
            } else if switches.contains(&flag) {
                out.options.push((flag, None));
            } else {
                let v = args
                    .get(i + 1)
                    .ok_or_else(|| format!("--{flag} needs a value\n{usage}"))?;
                out.options.push((flag, Some(v.as_str())));
                i += 1;
            }
        } else if out.path.is_none() {
            out.path = Some(a);
        } else {
            return Err(format!("unexpected argument `{a}`\n{usage}"));
        }
        i += 1;
    }
    Ok(Some(out))
}

fn number<T: std::str::FromStr>(flag: &str, v: Option<&str>) -> Result<T, String> {
    v.and_then(|v| v.trim().parse().ok()).ok_or_else(|| {
        format!(
            "--{flag}: expected a whole number, got `{}`",
            v.unwrap_or("")
        )
    })
}

fn read_input(path: Option<&str>, usage: &str) -> Result<String, String> {
    match path {
        None => Err(format!("missing SUMMARY.csv\n{usage}")),
        Some("-") => std::io::read_to_string(std::io::stdin()).map_err(|e| format!("stdin: {e}")),
        Some(p) => std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}")),
    }
}

fn run_reconstruct(args: &[String]) -> Result<String, String> {
    let Some(a) = split_args(args, &["no-group-rules"], RECONSTRUCT_USAGE)? else {
        return Ok(RECONSTRUCT_USAGE.to_string());
    };
    let mut opts = ReconstructOptions::default();
    for &(k, v) in &a.options {
        match k {
            "seed" => opts.seed = number(k, v)?,
            "sd" => opts.sd = parse_sd(v)?,
            "respondents" => opts.respondents = Some(number(k, v)?),
            "decimals" => opts.decimals = number(k, v)?,
            "budget" => opts.budget = number(k, v)?,
            "no-group-rules" => opts.rules.clear(),
            _ => return Err(format!("unknown option --{k}\n{RECONSTRUCT_USAGE}")),
        }
    }
    let table = load_summary(&read_input(a.path, RECONSTRUCT_USAGE)?, a.path)?;
    let survey = reconstruct(&table, &opts).map_err(|e| e.to_string())?;
    Ok(to_long_csv(&survey, &table_roles(&table)))
}

fn parse_sd(v: Option<&str>) -> Result<SdConvention, String> {
    let v = v.unwrap_or("");
    SdConvention::parse(v).ok_or_else(|| format!("--sd: expected population or sample, got `{v}`"))
}

fn run_check(args: &[String]) -> Result<String, String> {
    let Some(a) = split_args(args, &[], CHECK_USAGE)? else {
        return Ok(CHECK_USAGE.to_string());
    };
    let mut opts = CheckOptions::default();
    let mut json = false;
    for &(k, v) in &a.options {
        match k {
            "sd" => opts.conventions = vec![parse_sd(v)?],
            "n-range" => {
                let text = v.unwrap_or("");
                let (lo, hi) = text
                    .split_once("..=")
                    .or_else(|| text.split_once(".."))
                    .ok_or_else(|| format!("--n-range: expected A..B, got `{text}`"))?;
                opts.n_min = number(k, Some(lo))?;
                opts.n_max = number(k, Some(hi))?;
                if opts.n_min == 0 || opts.n_min > opts.n_max || opts.n_max > 10_000 {
                    return Err(format!(
                        "--n-range: expected 1 <= A <= B <= 10000, got `{text}`"
                    ));
                }
            }
            "format" => {
                json = match v.unwrap_or("") {
                    "json" => true,
                    "table" | "text" => false,
                    other => {
                        return Err(format!("--format: expected table or json, got `{other}`"))
                    }
                }
            }
            "decimals" => opts.decimals = number(k, v)?,
            "budget" => opts.budget = number(k, v)?,
            _ => return Err(format!("unknown option --{k}\n{CHECK_USAGE}")),
        }
    }
    let table = load_summary(&read_input(a.path, CHECK_USAGE)?, a.path)?;
    let checks = check_table(&table, &opts);
    if json {
        serde_json::to_string_pretty(&checks)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string())
    } else {
        Ok(format_checks(&checks, opts.decimals))
    }
}

/// Reads a summary table with the importer, so that the CLI accepts exactly what the importer
/// (and the demo) accept.
fn load_summary(text: &str, path: Option<&str>) -> Result<SummaryTable, String> {
    let opts = ImportOptions {
        format: Format::Summary,
        file_name: path.unwrap_or("stdin").to_string(),
        ..ImportOptions::default()
    };
    match import_str(text, &opts).map_err(|e| e.to_string())?.dataset {
        Dataset::Summary(t) => Ok(t),
        Dataset::Respondents(_) => Err("expected a summary table".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_n_is_a_clear_error() {
        let dir = std::env::temp_dir().join("spco-roles-cli-missing-n.csv");
        std::fs::write(
            &dir,
            "role,scale,n,mean,median,mode,sd\n1,importance,,7.37,7,7,1.49\n",
        )
        .unwrap();
        let e = run("reconstruct", &[dir.display().to_string()]).unwrap_err();
        assert!(e.contains("row 1") && e.contains("n is not given"), "{e}");
        let _ = std::fs::remove_file(dir);
    }
}
