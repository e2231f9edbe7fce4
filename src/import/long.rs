//! Long table: one row per respondent and role,
//! `respondent,group,spco,role,importance,performance` (spco optional). A respondent's rows may
//! be anywhere in the file. This is the bulk format, so the loop works on reused byte records.

use super::build::{Groups, Respondents, Spcos};
use super::error::{Conflict, Detail, ImportError};
use super::text::{self, shown, Header, Rows};
use crate::model::{GroupIx, Scale, SpcoIx, Survey};

pub(crate) const RESPONDENT: &[&str] = &[
    "respondent",
    "respondent_id",
    "respondent id",
    "respondentid",
    "id",
    "responseid",
    "response_id",
];
pub(crate) const GROUP: &[&str] = &["group", "groep"];
pub(crate) const SPCO: &[&str] = &["spco"];
pub(crate) const ROLE: &[&str] = &["role", "rol", "role_id"];
const IMPORTANCE: &[&str] = &["importance", "imp", "belang"];
const PERFORMANCE: &[&str] = &["performance", "perf", "prestatie", "uitvoering"];

const EXPECTED: &str = "respondent, group, spco (optional), role, importance, performance";

pub(crate) fn require(
    header: &Header,
    aliases: &[&str],
    file: &str,
    format: &'static str,
    expected: &'static str,
) -> Result<usize, ImportError> {
    header
        .find(aliases)
        .ok_or_else(|| ImportError::MissingColumn {
            file: file.to_string(),
            line: header.line,
            column: aliases[0].to_string(),
            format,
            expected,
        })
}

/// Resolves a respondent's group and SPCO cells against what is known of that respondent,
/// adding the respondent when new. Shared by the long and wide readers.
pub(crate) struct Ctx<'a> {
    pub file: &'a str,
    pub header: &'a Header,
    pub groups: Groups,
    pub spcos: Spcos,
    pub resp: Respondents,
}

impl<'a> Ctx<'a> {
    pub fn new(file: &'a str, header: &'a Header) -> Ctx<'a> {
        Ctx {
            file,
            header,
            groups: Groups::default(),
            spcos: Spcos::default(),
            resp: Respondents::default(),
        }
    }

    /// Adds the respondent of this row, whose id (in column `col`) must be new: formats with one
    /// row per respondent. `seen(id, line)` words the error from the id and its first line.
    pub fn add_new(
        &mut self,
        rows: &Rows,
        col: usize,
        group: GroupIx,
        spco: Option<SpcoIx>,
        seen: fn(String, u64) -> Detail,
    ) -> Result<usize, ImportError> {
        let id = self.id(rows, col)?;
        if let Some(r) = self.resp.find(id) {
            return Err(ImportError::Duplicate {
                file: self.file.to_string(),
                line: rows.line(),
                column: self.header.name(col),
                what: seen(text::shown_str(id), rows.line_at(self.resp.first_byte[r])),
            });
        }
        Ok(self.resp.add(id, group, spco, rows.byte))
    }

    pub fn group(&mut self, rows: &Rows, col: usize) -> Result<GroupIx, ImportError> {
        let raw = rows.rec.get(col).unwrap_or_default();
        if raw.trim_ascii().is_empty() {
            return Err(ImportError::MissingValue {
                file: self.file.to_string(),
                line: rows.line(),
                column: self.header.name(col),
                expected: "a respondent group",
            });
        }
        self.groups.index(raw).map_err(|_| ImportError::TooMany {
            file: self.file.to_string(),
            line: rows.line(),
            column: self.header.name(col),
            what: "groups",
            max: usize::from(GroupIx::MAX),
        })
    }

    pub fn spco(&mut self, rows: &Rows, col: Option<usize>) -> Result<Option<SpcoIx>, ImportError> {
        let Some(col) = col else { return Ok(None) };
        self.spcos
            .index(rows.rec.get(col).unwrap_or_default())
            .map_err(|_| ImportError::TooMany {
                file: self.file.to_string(),
                line: rows.line(),
                column: self.header.name(col),
                what: "SPCOs",
                max: usize::from(SpcoIx::MAX),
            })
    }

    pub fn id<'r>(&self, rows: &'r Rows, col: usize) -> Result<&'r str, ImportError> {
        let rec = &rows.rec;
        let raw = rec.get(col).unwrap_or_default().trim_ascii();
        let id = std::str::from_utf8(raw).unwrap_or_default().trim();
        if id.is_empty() {
            return Err(ImportError::MissingValue {
                file: self.file.to_string(),
                line: rows.line(),
                column: self.header.name(col),
                expected: "a respondent id",
            });
        }
        Ok(id)
    }

    /// Checks that a known respondent keeps the same group and SPCO; a blank SPCO on one row
    /// is filled from another.
    pub fn check_same(
        &mut self,
        r: usize,
        rows: &Rows,
        (gcol, group): (usize, GroupIx),
        (scol, spco): (Option<usize>, Option<SpcoIx>),
    ) -> Result<(), ImportError> {
        let rec = &rows.rec;
        if self.resp.group[r] != group {
            return Err(ImportError::Conflict(Box::new(Conflict {
                file: self.file.to_string(),
                line: rows.line(),
                column: self.header.name(gcol),
                respondent: self.resp.ids[r].clone(),
                what: "group",
                first: self.groups.code(self.resp.group[r]).to_string(),
                first_line: rows.line_at(self.resp.first_byte[r]),
                found: shown(rec.get(gcol).unwrap_or_default()),
            })));
        }
        match (self.resp.spco[r], spco) {
            (Some(a), Some(b)) if a != b => Err(ImportError::Conflict(Box::new(Conflict {
                file: self.file.to_string(),
                line: rows.line(),
                column: scol.map_or_else(String::new, |c| self.header.name(c)),
                respondent: self.resp.ids[r].clone(),
                what: "SPCO",
                first: self
                    .spcos
                    .list
                    .get(usize::from(a))
                    .cloned()
                    .unwrap_or_default(),
                first_line: rows.line_at(self.resp.first_byte[r]),
                found: shown(scol.and_then(|c| rec.get(c)).unwrap_or_default()),
            }))),
            (None, Some(b)) => {
                self.resp.spco[r] = Some(b);
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

pub(crate) fn parse(text: &str, file: &str) -> Result<Survey, ImportError> {
    let (mut rows, header) = text::open(text, file)?;
    let c_resp = require(&header, RESPONDENT, file, "long", EXPECTED)?;
    let c_group = require(&header, GROUP, file, "long", EXPECTED)?;
    let c_role = require(&header, ROLE, file, "long", EXPECTED)?;
    let c_spco = header.find(SPCO);
    let c_imp = header.find(IMPORTANCE);
    let c_perf = header.find(PERFORMANCE);
    if c_imp.is_none() && c_perf.is_none() {
        require(&header, IMPORTANCE, file, "long", EXPECTED)?;
    }
    let scales: Vec<(usize, Scale)> = [(c_imp, Scale::Importance), (c_perf, Scale::Performance)]
        .into_iter()
        .filter_map(|(c, s)| Some((c?, s)))
        .collect();

    let mut ctx = Ctx::new(file, &header);
    while rows.next()? {
        header.check(&rows, file)?;
        // Lines are counted only for messages: this is the bulk path.
        let rec = &rows.rec;
        let role_cell = &rec[c_role];
        let role = text::parse_role(role_cell).ok_or_else(|| ImportError::UnknownRole {
            file: file.to_string(),
            line: rows.line(),
            column: header.name(c_role),
            found: shown(role_cell),
        })?;
        let group = ctx.group(&rows, c_group)?;
        let spco = ctx.spco(&rows, c_spco)?;
        let id = ctx.id(&rows, c_resp)?;
        let r = match ctx.resp.find(id) {
            Some(r) => {
                ctx.check_same(r, &rows, (c_group, group), (c_spco, spco))?;
                r
            }
            None => ctx.resp.add(id, group, spco, rows.byte),
        };
        for &(col, scale) in &scales {
            let cell = &rec[col];
            let v = text::parse_value(cell, scale).map_err(|()| {
                text::invalid_value(file, rows.line(), header.name(col), scale, cell)
            })?;
            if !ctx.resp.set(r, role, scale, v) {
                return Err(ImportError::Duplicate {
                    file: file.to_string(),
                    line: rows.line(),
                    column: header.name(col),
                    what: Detail::AnswerTwice {
                        respondent: shown(id.as_bytes()),
                        scale,
                        role,
                    },
                });
            }
        }
    }
    Ok(ctx.resp.finish(ctx.groups, ctx.spcos))
}
