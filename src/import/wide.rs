//! Wide table: one row per respondent,
//! `respondent,group,spco,importance_1 .. importance_14,performance_1 .. performance_14`
//! (spco optional; `imp_1` / `perf_1` accepted too).

use super::error::{Detail, ImportError};
use super::long::{require, Ctx, GROUP, RESPONDENT, SPCO};
use super::text;
use crate::model::{Scale, Survey, N_ROLES};
// An integer by `from_str`: clippy.toml forbids `str::parse`, whose f64 case links float parsing.
use std::str::FromStr;

const EXPECTED: &str =
    "respondent, group, spco (optional), importance_1 .. importance_14, performance_1 .. performance_14";

/// A header like `importance_3` or `perf_12`: its scale and the number after the underscore
/// (`None` when that is not a whole number that fits; range is checked by the caller).
pub(crate) fn role_column(norm: &str) -> Option<(Scale, Option<u64>)> {
    #[expect(clippy::disallowed_methods, reason = "char pattern: no &str searcher")]
    let (prefix, num) = norm.rsplit_once(['_', ' '])?;
    let scale = Scale::parse(prefix)?;
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((scale, u64::from_str(num).ok()))
}

pub(crate) fn parse(text: &str, file: &str) -> Result<Survey, ImportError> {
    let (mut rows, header) = text::open(text, file)?;
    let c_resp = require(&header, RESPONDENT, file, "wide", EXPECTED)?;
    let c_group = require(&header, GROUP, file, "wide", EXPECTED)?;
    let c_spco = header.find(SPCO);

    let mut cols: Vec<(usize, u8, Scale)> = Vec::new();
    for (i, name) in header.norm.iter().enumerate() {
        let Some((scale, num)) = role_column(name) else {
            continue;
        };
        let role = match num {
            Some(n @ 1..=14) => n as u8,
            _ => {
                return Err(ImportError::UnknownRole {
                    file: file.to_string(),
                    line: header.line,
                    column: header.name(i),
                    found: header.name(i),
                })
            }
        };
        if cols.iter().any(|&(_, r, s)| r == role && s == scale) {
            return Err(ImportError::Duplicate {
                file: file.to_string(),
                line: header.line,
                column: header.name(i),
                what: Detail::ColumnTwice { scale, role },
            });
        }
        cols.push((i, role, scale));
    }
    for scale in Scale::ALL {
        for role in 1..=N_ROLES as u8 {
            if !cols.iter().any(|&(_, r, s)| r == role && s == scale) {
                return Err(ImportError::MissingColumn {
                    file: file.to_string(),
                    line: header.line,
                    column: format!("{}_{role}", scale.name()),
                    format: "wide",
                    expected: EXPECTED,
                });
            }
        }
    }

    let mut ctx = Ctx::new(file, &header);
    while rows.next()? {
        header.check(&rows, file)?;
        let (rec, line) = (&rows.rec, rows.line());
        let group = ctx.group(&rows, c_group)?;
        let spco = ctx.spco(&rows, c_spco)?;
        let r = ctx.add_new(&rows, c_resp, group, spco, |id, first| {
            Detail::RowOfRespondent { id, first }
        })?;
        for &(col, role, scale) in &cols {
            let cell = &rec[col];
            let v = text::parse_value(cell, scale)
                .map_err(|()| text::invalid_value(file, line, header.name(col), scale, cell))?;
            ctx.resp.set(r, role, scale, v);
        }
    }
    Ok(ctx.resp.finish(ctx.groups, ctx.spcos))
}
