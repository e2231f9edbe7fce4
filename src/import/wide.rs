//! Wide table: one row per respondent,
//! `respondent,group,spco,importance_1 .. importance_14,performance_1 .. performance_14`
//! (spco optional; `imp_1` / `perf_1` accepted too).

use super::build::{Groups, Respondents, Spcos};
use super::error::ImportError;
use super::long::{require, Ctx, GROUP, RESPONDENT, SPCO};
use super::text::{self, Header};
use crate::model::{Scale, Survey, N_ROLES};

const EXPECTED: &str =
    "respondent, group, spco (optional), importance_1 .. importance_14, performance_1 .. performance_14";

/// A header like `importance_3` or `perf_12`: its scale and the number after the underscore
/// (`None` when that is not a whole number that fits; range is checked by the caller).
pub(crate) fn role_column(norm: &str) -> Option<(Scale, Option<u64>)> {
    let (prefix, num) = norm.rsplit_once(['_', ' '])?;
    let scale = Scale::parse(prefix)?;
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((scale, num.parse().ok()))
}

pub(crate) fn parse(text: &str, file: &str) -> Result<Survey, ImportError> {
    let mut rows = text::Rows::new(text);
    if !rows.next()? {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    }
    let header = Header::new(&rows.rec, rows.line());
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
                what: format!("a second column for the {} of role {role}", scale.name()),
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

    let mut ctx = Ctx {
        file,
        header: &header,
        groups: Groups::default(),
        spcos: Spcos::default(),
        resp: Respondents::default(),
    };
    while rows.next()? {
        header.check(&rows, file)?;
        let (rec, line) = (&rows.rec, rows.line());
        let group = ctx.group(&rows, c_group)?;
        let spco = ctx.spco(&rows, c_spco)?;
        let id = ctx.id(&rows, c_resp)?;
        if let Some(r) = ctx.resp.find(id) {
            return Err(ImportError::Duplicate {
                file: file.to_string(),
                line,
                column: header.name(c_resp),
                what: format!(
                    "respondent \"{}\" already has a row, on line {}",
                    text::shown_str(id),
                    rows.line_at(ctx.resp.first_byte[r])
                ),
            });
        }
        let r = ctx.resp.add(id, group, spco, rows.byte);
        for &(col, role, scale) in &cols {
            let cell = &rec[col];
            let v = text::parse_value(cell, scale)
                .map_err(|()| text::invalid_value(file, line, header.name(col), scale, cell))?;
            ctx.resp.set(r, role, scale, v);
        }
    }
    Ok(ctx.resp.finish(ctx.groups, ctx.spcos))
}
