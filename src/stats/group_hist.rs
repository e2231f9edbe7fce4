//! Each group's answer counts, made once per dataset, so the statistics of any set of groups are a
//! sum over groups instead of a pass over every respondent.
//!
//! Why: a 100,000-respondent file was passed over once by the import's statistics, once by the
//! groups' n (`Session::info`) and once more when the element applied its settings, each pass
//! 5-7 ms once V8 has optimised the code and 25-55 ms on its first run, which made the page's
//! read-back of a big import a long task. The counts are built in steps (`add_rows`), so the
//! wrapper can spread the one pass left over several tasks; a refilter by group no longer grows
//! with the number of respondents. A selection by SPCO still passes over the respondents.

use super::describe::SLOTS;
use crate::model::{Survey, ROW_LEN};

/// Per-group counts: `counts[(g * ROW_LEN + col) * SLOTS + slot]`, and respondents per group.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupHist {
    counts: Vec<u32>,
    n: Vec<u32>,
    /// Respondents counted so far (all of them: complete).
    rows: usize,
}

impl GroupHist {
    pub fn new(s: &Survey) -> GroupHist {
        GroupHist {
            counts: vec![0; s.groups.len() * ROW_LEN * SLOTS],
            n: vec![0; s.groups.len()],
            rows: 0,
        }
    }

    /// The counts of all of `s` at once.
    pub fn of(s: &Survey) -> GroupHist {
        GroupHist::of_where(s, &|_| true)
    }

    /// The counts of the respondents `keep` takes (a selection by SPCO), at once.
    pub fn of_where(s: &Survey, keep: &dyn Fn(usize) -> bool) -> GroupHist {
        let mut h = GroupHist::new(s);
        h.add_rows_where(s, usize::MAX, keep);
        h
    }

    /// Counts up to `max_rows` more respondents; true when every respondent is counted.
    pub fn add_rows(&mut self, s: &Survey, max_rows: usize) -> bool {
        self.add_rows_where(s, max_rows, &|_| true)
    }

    // One loop for every use (a `dyn` test per row rather than a copy of the loop per caller:
    // the start module is held to a byte budget).
    fn add_rows_where(
        &mut self,
        s: &Survey,
        max_rows: usize,
        keep: &dyn Fn(usize) -> bool,
    ) -> bool {
        let end = self.rows.saturating_add(max_rows).min(s.len());
        for r in (self.rows..end).filter(|&r| keep(r)) {
            let g = usize::from(s.group[r]);
            let Some(n) = self.n.get_mut(g) else { continue };
            *n += 1;
            let base = g * ROW_LEN * SLOTS;
            for (col, &v) in s.row(r).iter().enumerate() {
                self.counts[base + col * SLOTS + usize::from(v).min(SLOTS - 1)] += 1;
            }
        }
        self.rows = end;
        self.is_complete(s)
    }

    /// Whether these are all of `s`'s counts.
    pub fn is_complete(&self, s: &Survey) -> bool {
        self.rows == s.len() && self.n.len() == s.groups.len()
    }

    /// Respondents of group `g`.
    pub fn n(&self, g: usize) -> u32 {
        self.n[g]
    }

    /// Adds group `g`'s counts into `hist` (`ROW_LEN * SLOTS` long).
    pub fn add_group_to(&self, g: usize, hist: &mut [u32]) {
        let from = &self.counts[g * ROW_LEN * SLOTS..(g + 1) * ROW_LEN * SLOTS];
        for (h, c) in hist.iter_mut().zip(from) {
            *h += c;
        }
    }
}
