//! The `reconstruct` and `check` subcommands of the native CLI.

use super::{
    check_table, format_checks, reconstruct, table_roles, to_long_csv, CheckOptions,
    ReconstructOptions, SdConvention,
};
use crate::catalogue::catalogue;
use crate::model::{GroupIx, Scale, SummaryRow, SummaryTable};

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

fn split_args<'a>(args: &'a [String], switches: &[&str], usage: &str) -> Result<Args<'a>, String> {
    let mut out = Args {
        path: None,
        options: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
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
    Ok(out)
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
    let a = split_args(args, &["no-group-rules"], RECONSTRUCT_USAGE)?;
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
    let table = parse_summary(&read_input(a.path, RECONSTRUCT_USAGE)?)?;
    let survey = reconstruct(&table, &opts).map_err(|e| e.to_string())?;
    Ok(to_long_csv(&survey, &table_roles(&table)))
}

fn parse_sd(v: Option<&str>) -> Result<SdConvention, String> {
    let v = v.unwrap_or("");
    SdConvention::parse(v).ok_or_else(|| format!("--sd: expected population or sample, got `{v}`"))
}

fn run_check(args: &[String]) -> Result<String, String> {
    let a = split_args(args, &[], CHECK_USAGE)?;
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
    let table = parse_summary(&read_input(a.path, CHECK_USAGE)?)?;
    let checks = check_table(&table, &opts);
    if json {
        serde_json::to_string_pretty(&checks)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string())
    } else {
        Ok(format_checks(&checks, opts.decimals))
    }
}

/// The summary format `role,scale,n,mean,median,mode,sd` with an optional `group` column; `n`,
/// `median`, `mode` and `sd` may be blank.
///
/// NOTE: a stop-gap until `import::import_str` (branch `import`) is merged; then this should call
/// it so that the CLI accepts exactly what the importer accepts.
fn parse_summary(text: &str) -> Result<SummaryTable, String> {
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| format!("line 1: {e}"))?
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let need = |name: &str| col(name).ok_or_else(|| format!("line 1: no `{name}` column"));
    let (c_role, c_scale, c_mean) = (need("role")?, need("scale")?, need("mean")?);
    let (c_n, c_median, c_mode, c_sd, c_group) = (
        col("n"),
        col("median"),
        col("mode"),
        col("sd"),
        col("group"),
    );
    let mut table = SummaryTable::default();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| format!("line {line}: {e}"))?;
        let cell = |c: Option<usize>| c.and_then(|c| rec.get(c)).filter(|s| !s.is_empty());
        let num = |c: Option<usize>, name: &str| -> Result<Option<f64>, String> {
            cell(c)
                .map(|s| {
                    s.replace(',', ".")
                        .parse::<f64>()
                        .ok()
                        .filter(|x| x.is_finite())
                        .ok_or_else(|| format!("line {line}, column {name}: `{s}` is not a number"))
                })
                .transpose()
        };
        let role: u8 = cell(Some(c_role))
            .and_then(|s| s.parse().ok())
            .filter(|r| (1..=14).contains(r))
            .ok_or_else(|| format!("line {line}, column role: expected 1-14"))?;
        let scale = cell(Some(c_scale)).and_then(Scale::parse).ok_or_else(|| {
            format!("line {line}, column scale: expected importance or performance")
        })?;
        let mean = num(Some(c_mean), "mean")?
            .ok_or_else(|| format!("line {line}, column mean: missing"))?;
        let n = cell(c_n)
            .map(|s| {
                s.parse::<u32>()
                    .map_err(|_| format!("line {line}, column n: `{s}` is not a whole number"))
            })
            .transpose()?;
        let group = match cell(c_group) {
            None => None,
            Some(text) => {
                let g = catalogue().group_for(text);
                let ix = match table.groups.iter().position(|x| x.code == g.code) {
                    Some(ix) => ix,
                    None => {
                        table.groups.push(g);
                        table.groups.len() - 1
                    }
                };
                Some(ix as GroupIx)
            }
        };
        table.rows.push(SummaryRow {
            group,
            role,
            scale,
            n,
            mean,
            median: num(c_median, "median")?,
            mode: num(c_mode, "mode")?,
            sd: num(c_sd, "sd")?,
        });
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_summary_and_reports_positions() {
        let t = parse_summary(
            "role,scale,n,mean,median,mode,sd\n5,performance,31,3.52,4,4,1.04\n1,imp,,7.37,,,\n",
        )
        .unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].n, Some(31));
        assert_eq!(t.rows[1].n, None);
        assert_eq!(t.rows[1].scale, Scale::Importance);
        let e = parse_summary("role,scale,n,mean\n1,importance,x,7\n").unwrap_err();
        assert!(e.starts_with("line 2, column n"), "{e}");
    }

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
