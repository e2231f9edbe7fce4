//! A compact binary form of `Imported`, for moving an import made in a Web Worker's own wasm
//! instance into the element's: the worker parses a big file and sends `encode`'s bytes (32 bytes
//! a respondent), and the element's instance reads them back with `decode`, which is far cheaper
//! than parsing the text again on the page's main thread.
//!
//! Respondent ids are left out: the import has used them (duplicates are found there, in the
//! worker), and nothing after it reads them; turning 100,000 of them back into strings was 35 of
//! the 55 ms the page's main thread spent in `decode`. The decoded survey has empty ids.
//!
//! Layout (little-endian): magic `SPC1`, format, dataset kind, then the dataset and the
//! exclusions; strings are a u32 length and UTF-8 bytes. `decode` checks everything it reads
//! (lengths, indices, answers within their scales, UTF-8) and gives `None` for anything else, so
//! a damaged buffer never makes an invalid `Survey`.

use super::{Exclusion, Format, Imported};
use crate::model::{Dataset, Group, Scale, SummaryRow, SummaryTable, Survey, SurveyColumns};

const MAGIC: &[u8; 4] = b"SPC1";
const NONE16: u16 = u16::MAX;

/// The bytes of `imported` (see the module docs).
pub fn encode(imported: &Imported) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.0.extend_from_slice(MAGIC);
    w.u8(Format::ALL
        .iter()
        .position(|&f| f == imported.format)
        .unwrap_or(0) as u8);
    match &imported.dataset {
        Dataset::Respondents(s) => {
            w.u8(0);
            w.groups(&s.groups);
            w.u32(s.spcos.len() as u32);
            for name in &s.spcos {
                w.str(name);
            }
            w.u32(s.len() as u32);
            for &g in &s.group {
                w.u16(g);
            }
            for &sp in &s.spco {
                w.u16(sp.unwrap_or(NONE16));
            }
            w.0.extend_from_slice(s.answers());
        }
        Dataset::Summary(t) => {
            w.u8(1);
            w.groups(&t.groups);
            w.u32(t.rows.len() as u32);
            for r in &t.rows {
                w.u16(r.group.unwrap_or(NONE16));
                w.u8(r.role);
                w.u8(r.scale.index() as u8);
                w.opt_u32(r.n);
                w.f64(r.mean);
                w.opt_f64(r.median);
                w.opt_f64(r.mode);
                w.opt_f64(r.sd);
            }
        }
    }
    w.u32(imported.excluded.len() as u32);
    for e in &imported.excluded {
        w.str(&e.reason);
        w.u32(e.count as u32);
    }
    w.0
}

/// Reads what `encode` wrote; `None` for anything else.
pub fn decode(bytes: &[u8]) -> Option<Imported> {
    let mut r = Reader(bytes);
    if r.take(4)? != MAGIC {
        return None;
    }
    let format = *Format::ALL.get(usize::from(r.u8()?))?;
    let dataset = match r.u8()? {
        0 => {
            let groups = r.groups()?;
            let n_spcos = r.len()?;
            let spcos = (0..n_spcos).map(|_| r.str()).collect::<Option<Vec<_>>>()?;
            let n = r.len()?;
            // Empty strings do not allocate.
            let respondents = vec![String::new(); n];
            let group: Vec<u16> = r.u16s(n)?.collect();
            let spco = r.u16s(n)?.map(|v| (v != NONE16).then_some(v)).collect();
            let answers = r.take(n.checked_mul(crate::model::ROW_LEN)?)?.to_vec();
            Dataset::Respondents(Survey::from_columns(SurveyColumns {
                respondents,
                group,
                spco,
                groups,
                spcos,
                answers,
            })?)
        }
        1 => {
            let groups = r.groups()?;
            let n = r.len()?;
            let rows = (0..n)
                .map(|_| {
                    let group = r.u16()?;
                    let group = (group != NONE16).then_some(group);
                    if group.is_some_and(|g| usize::from(g) >= groups.len()) {
                        return None;
                    }
                    Some(SummaryRow {
                        group,
                        role: r.u8()?,
                        scale: *Scale::ALL.get(usize::from(r.u8()?))?,
                        n: r.opt_u32()?,
                        mean: r.f64()?,
                        median: r.opt_f64()?,
                        mode: r.opt_f64()?,
                        sd: r.opt_f64()?,
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            Dataset::Summary(SummaryTable { groups, rows })
        }
        _ => return None,
    };
    let n = r.len()?;
    let excluded = (0..n)
        .map(|_| {
            Some(Exclusion {
                reason: r.str()?,
                count: r.u32()? as usize,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    r.0.is_empty().then_some(Imported {
        dataset,
        format,
        excluded,
    })
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn f64(&mut self, v: f64) {
        self.0.extend_from_slice(&v.to_bits().to_le_bytes());
    }
    fn opt_u32(&mut self, v: Option<u32>) {
        self.u8(u8::from(v.is_some()));
        self.u32(v.unwrap_or(0));
    }
    fn opt_f64(&mut self, v: Option<f64>) {
        self.u8(u8::from(v.is_some()));
        self.f64(v.unwrap_or(0.0));
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn groups(&mut self, groups: &[Group]) {
        self.u32(groups.len() as u32);
        for g in groups {
            self.str(&g.code);
            self.str(&g.label_nl);
            self.str(&g.label_en);
            self.u8(u8::from(g.known));
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.array::<1>()?[0])
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.array()?))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }
    /// A count, no larger than the bytes left (each item takes at least one byte), so a damaged
    /// count cannot ask for a huge allocation.
    /// `n` u16 values in one slice (no per-value bounds check).
    fn u16s(&mut self, n: usize) -> Option<impl Iterator<Item = u16> + 'a> {
        let bytes = self.take(n.checked_mul(2)?)?;
        Some(
            bytes
                .chunks_exact(2)
                .map(|b| u16::from_le_bytes([b[0], b[1]])),
        )
    }
    fn len(&mut self) -> Option<usize> {
        let n = self.u32()? as usize;
        (n <= self.0.len()).then_some(n)
    }
    fn f64(&mut self) -> Option<f64> {
        Some(f64::from_bits(u64::from_le_bytes(self.array()?)))
    }
    fn flag(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    fn opt_u32(&mut self) -> Option<Option<u32>> {
        let some = self.flag()?;
        let v = self.u32()?;
        Some(some.then_some(v))
    }
    fn opt_f64(&mut self) -> Option<Option<f64>> {
        let some = self.flag()?;
        let v = self.f64()?;
        Some(some.then_some(v))
    }
    fn str(&mut self) -> Option<String> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).ok().map(str::to_owned)
    }
    fn groups(&mut self) -> Option<Vec<Group>> {
        let n = self.len()?;
        (0..n)
            .map(|_| {
                Some(Group {
                    code: self.str()?,
                    label_nl: self.str()?,
                    label_en: self.str()?,
                    known: self.flag()?,
                })
            })
            .collect()
    }
}
