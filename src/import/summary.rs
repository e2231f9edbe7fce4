//! Summary table: published aggregates, `group,role,scale,n,mean,median,mode,sd` (group and
//! n/median/mode/sd optional, blank allowed). Decimal commas (`7,37`) are accepted.

use super::build::{Groups, Lookup};
use super::error::{Detail, ImportError};
use super::long::{require, GROUP, ROLE};
use super::text::{self, shown};
use crate::model::{GroupIx, Scale, SummaryRow, SummaryTable};

const EXPECTED: &str = "group (optional), role, scale, n, mean, median, mode, sd";
pub(crate) const MEAN: &[&str] = &["mean", "gemiddelde", "average"];

pub(crate) fn parse(text: &str, file: &str) -> Result<SummaryTable, ImportError> {
    let (mut rows, header) = text::open(text, file)?;
    let c_role = require(&header, ROLE, file, "summary", EXPECTED)?;
    let c_scale = require(&header, &["scale", "schaal"], file, "summary", EXPECTED)?;
    let c_mean = require(&header, MEAN, file, "summary", EXPECTED)?;
    let c_group = header.find(GROUP);
    let c_n = header.find(&["n", "count"]);
    let c_median = header.find(&["median", "mediaan"]);
    let c_mode = header.find(&["mode", "modus"]);
    let c_sd = header.find(&["sd", "std", "stdev", "standard deviation"]);

    let mut groups = Groups::default();
    let mut out: Vec<SummaryRow> = Vec::new();
    // Key: group (or none), role, scale; value: index into `out` and `lines`.
    let mut seen = Lookup::default();
    let mut lines: Vec<u64> = Vec::new();
    while rows.next()? {
        header.check(&rows, file)?;
        let (rec, line) = (&rows.rec, rows.line());
        let field_err = |col: usize, expected: Detail| ImportError::InvalidField {
            file: file.to_string(),
            line,
            column: header.name(col),
            expected: Box::new(expected),
            found: shown(&rec[col]),
        };
        let role = text::parse_role(&rec[c_role]).ok_or_else(|| ImportError::UnknownRole {
            file: file.to_string(),
            line,
            column: header.name(c_role),
            found: shown(&rec[c_role]),
        })?;
        let scale_text = String::from_utf8_lossy(&rec[c_scale]);
        let scale = Scale::parse(&scale_text).ok_or_else(|| ImportError::UnknownScale {
            file: file.to_string(),
            line,
            column: header.name(c_scale),
            found: shown(&rec[c_scale]),
        })?;
        let group = match c_group {
            Some(c) if !rec[c].trim_ascii().is_empty() => {
                Some(groups.index(&rec[c]).map_err(|_| ImportError::TooMany {
                    file: file.to_string(),
                    line,
                    column: header.name(c),
                    what: "groups",
                    max: usize::from(GroupIx::MAX),
                })?)
            }
            _ => None,
        };
        let (lo, hi) = (f64::from(scale.min()), f64::from(scale.max()));
        // The bounds as the whole numbers they are: `{}` on an f64 would link float formatting.
        // A statistic on the scale; `None` when the cell is blank or the column absent.
        let stat = |col: Option<usize>| -> Result<Option<f64>, ImportError> {
            let Some(col) = col else { return Ok(None) };
            if rec[col].trim_ascii().is_empty() {
                return Ok(None);
            }
            match text::parse_number(&rec[col]) {
                Some(x) if (lo..=hi).contains(&x) => Ok(Some(x)),
                _ => Err(field_err(col, Detail::OnScale(scale))),
            }
        };
        let mean = stat(Some(c_mean))?.ok_or_else(|| ImportError::MissingValue {
            file: file.to_string(),
            line,
            column: header.name(c_mean),
            expected: "a mean",
        })?;
        let median = stat(c_median)?;
        let mode = stat(c_mode)?;
        let sd = match c_sd {
            Some(c) if !rec[c].trim_ascii().is_empty() => match text::parse_number(&rec[c]) {
                Some(x) if (0.0..=hi - lo).contains(&x) => Some(x),
                _ => return Err(field_err(c, Detail::Sd(scale.max() - scale.min()))),
            },
            _ => None,
        };
        let n = match c_n {
            Some(c) if !rec[c].trim_ascii().is_empty() => match text::parse_whole(&rec[c]) {
                Some(n) if n >= 1 => {
                    Some(u32::try_from(n).map_err(|_| field_err(c, Detail::Count))?)
                }
                _ => return Err(field_err(c, Detail::Count)),
            },
            _ => None,
        };
        let [g0, g1] = group.map_or([0xff; 2], u16::to_le_bytes);
        let key = [u8::from(group.is_some()), g0, g1, role, scale as u8];
        if let Some(&first) = seen.get(&key[..]) {
            let first = lines[first as usize];
            return Err(ImportError::Duplicate {
                file: file.to_string(),
                line,
                column: header.name(c_role),
                what: Detail::RowTwice {
                    role,
                    scale,
                    group: group.map(|g| groups.code(g).to_string()),
                    first,
                },
            });
        }
        seen.insert(key.into(), out.len() as u32);
        lines.push(line);
        out.push(SummaryRow {
            group,
            role,
            scale,
            n,
            mean,
            median,
            mode,
            sd,
        });
    }
    let (groups, remap) = groups.finish();
    for row in &mut out {
        row.group = row.group.and_then(|g| remap.get(usize::from(g)).copied());
    }
    Ok(SummaryTable { groups, rows: out })
}
