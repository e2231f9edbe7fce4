//! Accumulates respondents, groups and SPCOs while a file is read, then builds the `Survey`.
//! Group indices are provisional while reading, because the final order (catalogue groups in
//! catalogue order, then unknown groups in order of appearance) is known only at the end.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::catalogue::catalogue;
use crate::model::{Group, GroupIx, Scale, SpcoIx, Survey, ROW_LEN};

/// FxHash: a multiply-rotate hash, several times cheaper than SipHash on the short ids and
/// labels hashed once per row. Inputs are the user's own files, so hash flooding is no concern.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().unwrap_or_default());
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn write_usize(&mut self, i: usize) {
        self.write(&(i as u64).to_le_bytes());
    }
    /// The multiply leaves the best-mixed bits at the top, but hashbrown picks the bucket from
    /// the low bits; without the rotation, ids such as `resp12345` (whose varying digits sit in
    /// the high bytes of a word) crowd into a few buckets.
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

/// The one map type of the import layer (group, SPCO and respondent lookups, summary keys):
/// every distinct `HashMap` instantiation brings its own copy of the table code into the wasm.
pub(crate) type Lookup = HashMap<Box<[u8]>, u32, BuildHasherDefault<Fx>>;

/// Too many distinct values for the index type.
pub(crate) struct Overflow;

#[derive(Default)]
pub(crate) struct Groups {
    pub list: Vec<Group>,
    cache: Lookup,
    last: Option<(Box<[u8]>, GroupIx)>,
}

impl Groups {
    /// Provisional index of the group written as `raw` (code, Dutch or English label, or any
    /// other text for a group the catalogue does not know).
    pub fn index(&mut self, raw: &[u8]) -> Result<GroupIx, Overflow> {
        let key = raw.trim_ascii();
        if let Some((k, ix)) = &self.last {
            if **k == *key {
                return Ok(*ix);
            }
        }
        let ix = match self.cache.get(key) {
            Some(&ix) => ix as GroupIx,
            None => {
                let g = catalogue().group_for(&String::from_utf8_lossy(key));
                let ix = match self.list.iter().position(|x| x.code == g.code) {
                    Some(i) => i,
                    None => {
                        self.list.push(g);
                        self.list.len() - 1
                    }
                };
                let ix = GroupIx::try_from(ix).map_err(|_| Overflow)?;
                self.cache.insert(key.into(), u32::from(ix));
                ix
            }
        };
        self.last = Some((key.into(), ix));
        Ok(ix)
    }

    pub fn code(&self, ix: GroupIx) -> &str {
        self.list
            .get(usize::from(ix))
            .map_or("", |g| g.code.as_str())
    }

    /// The final group list and the map from provisional to final index: catalogue groups in
    /// catalogue order, then the others in order of appearance. Built by placing rather than
    /// sorting, which keeps a sort instantiation out of the wasm.
    pub fn finish(self) -> (Vec<Group>, Vec<GroupIx>) {
        let n = self.list.len();
        let mut order: Vec<usize> = Vec::with_capacity(n);
        let mut placed = vec![false; n];
        for c in catalogue().groups {
            if let Some(i) = self.list.iter().position(|g| g.known && g.code == c.code) {
                if !placed[i] {
                    placed[i] = true;
                    order.push(i);
                }
            }
        }
        order.extend((0..n).filter(|&i| !placed[i]));
        let mut remap = vec![0; n];
        for (new, &old) in order.iter().enumerate() {
            remap[old] = new as GroupIx;
        }
        let mut list: Vec<Option<Group>> = self.list.into_iter().map(Some).collect();
        let groups = order.iter().filter_map(|&i| list[i].take()).collect();
        (groups, remap)
    }
}

#[derive(Default)]
pub(crate) struct Spcos {
    pub list: Vec<String>,
    cache: Lookup,
    last: Option<(Box<[u8]>, SpcoIx)>,
}

impl Spcos {
    /// Index of the SPCO written as `raw`; `None` when blank. Catalogue SPCOs (by code or name)
    /// get the catalogue's spelling, others keep the text as found.
    pub fn index(&mut self, raw: &[u8]) -> Result<Option<SpcoIx>, Overflow> {
        let key = raw.trim_ascii();
        if key.is_empty() {
            return Ok(None);
        }
        if let Some((k, ix)) = &self.last {
            if **k == *key {
                return Ok(Some(*ix));
            }
        }
        if let Some(&ix) = self.cache.get(key) {
            let ix = ix as SpcoIx;
            self.last = Some((key.into(), ix));
            return Ok(Some(ix));
        }
        let text = String::from_utf8_lossy(key);
        let text = text.trim();
        let name = catalogue()
            .spcos
            .iter()
            .find(|s| s.code.eq_ignore_ascii_case(text) || s.name.eq_ignore_ascii_case(text))
            .map_or_else(|| text.to_string(), |s| s.name.to_string());
        let ix = match self.list.iter().position(|x| *x == name) {
            Some(i) => i,
            None => {
                self.list.push(name);
                self.list.len() - 1
            }
        };
        let ix = SpcoIx::try_from(ix).map_err(|_| Overflow)?;
        self.cache.insert(key.into(), u32::from(ix));
        self.last = Some((key.into(), ix));
        Ok(Some(ix))
    }
}

/// Respondents in order of first appearance, with their answers (0 = skipped) and which
/// cells were given, so that a second answer for the same cell is caught.
#[derive(Default)]
pub(crate) struct Respondents {
    pub ids: Vec<String>,
    pub group: Vec<GroupIx>,
    pub spco: Vec<Option<SpcoIx>>,
    /// Byte offset of each respondent's first row (see `Rows::line_at`).
    pub first_byte: Vec<usize>,
    answers: Vec<u8>,
    given: Vec<u32>,
    lookup: Lookup,
    last: Option<usize>,
}

impl Respondents {
    pub fn find(&mut self, id: &str) -> Option<usize> {
        if let Some(r) = self.last {
            if self.ids[r] == id {
                return Some(r);
            }
        }
        let r = *self.lookup.get(id.as_bytes())? as usize;
        self.last = Some(r);
        Some(r)
    }

    pub fn add(&mut self, id: &str, group: GroupIx, spco: Option<SpcoIx>, byte: usize) -> usize {
        let r = self.ids.len();
        self.ids.push(id.to_string());
        self.lookup.insert(id.as_bytes().into(), r as u32);
        self.group.push(group);
        self.spco.push(spco);
        self.first_byte.push(byte);
        self.answers.extend_from_slice(&[0; ROW_LEN]);
        self.given.push(0);
        self.last = Some(r);
        r
    }

    /// Records an answer; `false` when this respondent already gave one for this cell.
    pub fn set(&mut self, r: usize, role: u8, scale: Scale, value: Option<u8>) -> bool {
        let Some(v) = value else { return true };
        let col = Survey::column(role, scale);
        let bit = 1u32 << col;
        if self.given[r] & bit != 0 {
            return false;
        }
        self.given[r] |= bit;
        self.answers[r * ROW_LEN + col] = v;
        true
    }

    pub fn finish(self, groups: Groups, spcos: Spcos) -> Survey {
        let (groups, remap) = groups.finish();
        let mut s = Survey::new(groups, spcos.list);
        for (r, id) in self.ids.into_iter().enumerate() {
            let g = remap.get(usize::from(self.group[r])).copied().unwrap_or(0);
            let i = s.push_respondent(id, g, self.spco[r]);
            let row = &self.answers[r * ROW_LEN..(r + 1) * ROW_LEN];
            for scale in Scale::ALL {
                for role in 1..=crate::model::N_ROLES as u8 {
                    let v = row[Survey::column(role, scale)];
                    if v != 0 {
                        s.set_answer(i, role, scale, Some(v));
                    }
                }
            }
        }
        s
    }
}
