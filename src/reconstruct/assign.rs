//! From a summary table to respondents: one histogram per row (see `search`), skips spread over
//! distinct respondents, answers dealt to respondents at random except where a stated group
//! difference constrains them.
//! About 480 lines: the dealing and its constraint checks belong together (a change to one
//! breaks the other).

use super::rng::SplitMix64;
use super::search::{search, Outcome};
use super::target::{Figures, SdConvention, Target};
use crate::catalogue::catalogue;
use crate::model::{Group, GroupIx, Scale, SummaryTable, Survey};
use std::collections::BTreeSet;

/// What the report says about one group on one item: its answers lie in `min..=max`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupRule {
    pub group: String,
    pub role: u8,
    pub scale: Scale,
    pub min: u8,
    pub max: u8,
}

impl GroupRule {
    /// The only group differences the report states (STUDY.md): for role 5 performance, SMEs rate
    /// it average to strong (3-5), large companies between poor and moderate (2-3).
    pub fn study_rules() -> Vec<GroupRule> {
        vec![
            GroupRule {
                group: "sme".into(),
                role: 5,
                scale: Scale::Performance,
                min: 3,
                max: 5,
            },
            GroupRule {
                group: "large".into(),
                role: 5,
                scale: Scale::Performance,
                min: 2,
                max: 3,
            },
        ]
    }
}

/// Options of `reconstruct`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReconstructOptions {
    pub seed: u64,
    /// The SD convention of the summary (Table 3: population).
    pub sd: SdConvention,
    /// Respondents to create when the table has no group rows; default the largest n. Ignored for
    /// per-group tables, where each group gets its largest n.
    pub respondents: Option<u32>,
    /// Decimals the mean and SD are printed with.
    pub decimals: u8,
    pub rules: Vec<GroupRule>,
    /// Node budget of each row's search.
    pub budget: u64,
}

impl Default for ReconstructOptions {
    fn default() -> ReconstructOptions {
        ReconstructOptions {
            seed: DEFAULT_SEED,
            sd: SdConvention::Population,
            respondents: None,
            decimals: 2,
            rules: GroupRule::study_rules(),
            budget: 5_000_000,
        }
    }
}

/// The seed of the shipped `data/reconstructed-table3.csv`.
pub const DEFAULT_SEED: u64 = 2024;

/// Why a table cannot be reconstructed. `row` is the 1-based position of the row in the table.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReconstructError {
    #[error("the summary table has no rows")]
    Empty,
    #[error("row {row} (role {role} {scale}): n is not given; reconstruction needs it (try `check` to find which n fit)")]
    MissingN {
        row: usize,
        role: u8,
        scale: &'static str,
    },
    #[error("row {row} (role {role} {scale}): n = 0")]
    ZeroN {
        row: usize,
        role: u8,
        scale: &'static str,
    },
    #[error("row {row} (role {role} {scale}): repeats row {first}")]
    Duplicate {
        row: usize,
        first: usize,
        role: u8,
        scale: &'static str,
    },
    #[error(
        "row {row}: the table mixes rows for all respondents with per-group rows; keep one kind"
    )]
    MixedGroups { row: usize },
    #[error("row {row} (role {role} {scale}): {reason}")]
    Inconsistent {
        row: usize,
        role: u8,
        scale: &'static str,
        reason: String,
    },
    #[error("row {row} (role {role} {scale}): no answer found within the search budget of {budget} steps")]
    Undecided {
        row: usize,
        role: u8,
        scale: &'static str,
        budget: u64,
    },
    #[error(
        "row {row} (role {role} {scale}): n = {n} exceeds the {respondents} respondents asked for"
    )]
    TooFewRespondents {
        row: usize,
        role: u8,
        scale: &'static str,
        n: u32,
        respondents: u32,
    },
}

/// Splits `total` in proportion to `weights` by largest remainder (ties to the earlier weight).
pub fn group_sizes(weights: &[u32], total: u32) -> Vec<u32> {
    let sum: u64 = weights.iter().map(|&w| w as u64).sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let mut sizes: Vec<u32> = weights
        .iter()
        .map(|&w| (w as u64 * total as u64 / sum) as u32)
        .collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // Remainder of w*total/sum, compared exactly as w*total mod sum.
    order.sort_by_key(|&i| std::cmp::Reverse(weights[i] as u64 * total as u64 % sum));
    let short = total - sizes.iter().sum::<u32>();
    for &i in order.iter().take(short as usize) {
        sizes[i] += 1;
    }
    sizes
}

/// Can every constrained respondent (interval `min..=max`) get a distinct answer from `counts`
/// (counts of `lo..`)? Greedy by earliest interval end, smallest fitting value: optimal for
/// matching points to intervals.
fn intervals_fit(lo: u8, counts: &[u32], intervals: &[(u8, u8)]) -> bool {
    let mut left = counts.to_vec();
    let mut by_end = intervals.to_vec();
    by_end.sort_by_key(|&(a, b)| (b, a));
    by_end.iter().all(|&(a, b)| {
        (a.max(lo)..=b).any(|v| {
            let i = (v - lo) as usize;
            match left.get_mut(i) {
                Some(c) if *c > 0 => {
                    *c -= 1;
                    true
                }
                _ => false,
            }
        })
    })
}

/// One partition of the table: rows for all respondents, or for one group.
struct Part {
    group: Option<GroupIx>,
    rows: Vec<usize>,
}

fn scale_name(s: Scale) -> &'static str {
    s.name()
}

/// Reconstructs respondent-level answers whose statistics reproduce every row of `table`.
///
/// Deterministic for a given seed. Tables without groups get the catalogue's five groups in the
/// focus groups' proportions (a synthetic split); per-group tables keep their groups.
pub fn reconstruct(
    table: &SummaryTable,
    opts: &ReconstructOptions,
) -> Result<Survey, ReconstructError> {
    if table.rows.is_empty() {
        return Err(ReconstructError::Empty);
    }
    // Validate rows and partition them.
    let grouped = table.rows[0].group.is_some();
    // (group, role, scale) of each row seen, with its position.
    type Key = (Option<GroupIx>, u8, Scale);
    let mut seen: Vec<(Key, usize)> = Vec::new();
    let mut parts: Vec<Part> = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let pos = i + 1;
        let scale = scale_name(row.scale);
        if row.group.is_some() != grouped {
            return Err(ReconstructError::MixedGroups { row: pos });
        }
        let n = row.n.ok_or(ReconstructError::MissingN {
            row: pos,
            role: row.role,
            scale,
        })?;
        if n == 0 {
            return Err(ReconstructError::ZeroN {
                row: pos,
                role: row.role,
                scale,
            });
        }
        let key = (row.group, row.role, row.scale);
        if let Some(&(_, first)) = seen.iter().find(|(k, _)| *k == key) {
            return Err(ReconstructError::Duplicate {
                row: pos,
                first,
                role: row.role,
                scale,
            });
        }
        seen.push((key, pos));
        match parts.iter_mut().find(|p| p.group == row.group) {
            Some(p) => p.rows.push(i),
            None => parts.push(Part {
                group: row.group,
                rows: vec![i],
            }),
        }
    }

    let cat = catalogue();
    let groups: Vec<Group> = if grouped {
        table.groups.clone()
    } else {
        cat.groups.iter().map(|g| cat.group_for(g.code)).collect()
    };
    let mut survey = Survey::new(groups.clone(), Vec::new());

    // Respondents per partition, in group order.
    let max_n = |p: &Part| p.rows.iter().filter_map(|&i| table.rows[i].n).max();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let total: u32 = if grouped {
        parts.iter().filter_map(max_n).sum()
    } else {
        let need = max_n(&parts[0]).unwrap_or(0);
        let want = opts.respondents.unwrap_or(need);
        if let Some(&i) = parts[0]
            .rows
            .iter()
            .find(|&&i| table.rows[i].n.unwrap_or(0) > want)
        {
            let row = &table.rows[i];
            return Err(ReconstructError::TooFewRespondents {
                row: i + 1,
                role: row.role,
                scale: scale_name(row.scale),
                n: row.n.unwrap_or(0),
                respondents: want,
            });
        }
        want
    };
    let width = total.max(1).to_string().len().max(2);
    let mut next_id = 1;
    let mut add = |survey: &mut Survey, g: GroupIx| {
        let id = format!("R{next_id:0width$}");
        next_id += 1;
        survey.push_respondent(id, g, None)
    };
    if grouped {
        for p in &parts {
            let g = p.group.unwrap_or(0);
            let count = max_n(p).unwrap_or(0);
            members.push((0..count).map(|_| add(&mut survey, g)).collect());
        }
    } else {
        let weights: Vec<u32> = cat.groups.iter().map(|g| g.focus_group).collect();
        let mut all = Vec::new();
        for (g, size) in group_sizes(&weights, total).into_iter().enumerate() {
            for _ in 0..size {
                all.push(add(&mut survey, g as GroupIx));
            }
        }
        members.push(all);
    }

    // Skips: each row's missing answers go to the respondents with the fewest skips so far (ties
    // at random), so no one skips much and different items are skipped by different people.
    let mut skip_rng = SplitMix64::derive(opts.seed, 0x5_4B1B);
    let mut skips = vec![0u32; survey.len()];
    let mut answering: Vec<Vec<usize>> = vec![Vec::new(); table.rows.len()];
    for (p, part) in parts.iter().enumerate() {
        for &i in &part.rows {
            let n = table.rows[i].n.unwrap_or(0) as usize;
            let mut order = members[p].clone();
            skip_rng.shuffle(&mut order);
            order.sort_by_key(|&r| skips[r]);
            let k = order.len() - n;
            for &r in &order[..k] {
                skips[r] += 1;
            }
            let mut ans = order[k..].to_vec();
            ans.sort_unstable();
            answering[i] = ans;
        }
    }

    for (i, row) in table.rows.iter().enumerate() {
        let pos = i + 1;
        let scale = scale_name(row.scale);
        let (lo, hi) = (row.scale.min(), row.scale.max());
        let fig = Figures {
            mean: row.mean,
            median: row.median,
            mode: row.mode,
            sd: row.sd,
        };
        if let Some(p) = fig.problems(lo, hi).first() {
            return Err(ReconstructError::Inconsistent {
                row: pos,
                role: row.role,
                scale,
                reason: p.to_string(),
            });
        }
        let n = row.n.unwrap_or(0);
        // Respondents this row's group rules constrain (only in the synthetic split).
        let constrained: Vec<(usize, u8, u8)> = if grouped {
            Vec::new()
        } else {
            answering[i]
                .iter()
                .filter_map(|&r| {
                    let code = &groups[survey.group[r] as usize].code;
                    opts.rules
                        .iter()
                        .find(|g| g.role == row.role && g.scale == row.scale && &g.group == code)
                        .map(|g| (r, g.min, g.max))
                })
                .collect()
        };
        let intervals: Vec<(u8, u8)> = constrained.iter().map(|&(_, a, b)| (a, b)).collect();
        let accept = |h: &[u32]| intervals_fit(lo, h, &intervals);
        let target = Target::new(n, lo, hi, &fig, opts.decimals, opts.sd, true);
        let salt = ((row.group.map_or(0, |g| g as u64 + 1)) << 16)
            | ((row.role as u64) << 4)
            | row.scale.index() as u64;
        let mut rng = SplitMix64::derive(opts.seed, salt);
        let counts = match search(&target, Some(&mut rng), opts.budget, &accept) {
            Outcome::Found(h) => h,
            Outcome::Impossible => {
                let reason = if target.sums.is_empty() {
                    format!(
                        "no {n} whole-number answers have mean {} and {} SD {:?} (GRIM/GRIMMER)",
                        row.mean, opts.sd, row.sd
                    )
                } else if intervals.is_empty() {
                    format!("no {n} whole-number answers match mean, SD, median and mode together")
                } else {
                    "no answers match the figures and the stated group difference together"
                        .to_string()
                };
                return Err(ReconstructError::Inconsistent {
                    row: pos,
                    role: row.role,
                    scale,
                    reason,
                });
            }
            Outcome::Undecided => {
                return Err(ReconstructError::Undecided {
                    row: pos,
                    role: row.role,
                    scale,
                    budget: opts.budget,
                })
            }
        };

        // Deal: constrained respondents first, each taking a random value in its interval that
        // leaves the others satisfiable; then the rest at random.
        let mut left = counts;
        let mut order = constrained.clone();
        rng.shuffle(&mut order);
        for (k, &(r, a, b)) in order.iter().enumerate() {
            let rest: Vec<(u8, u8)> = order[k + 1..].iter().map(|&(_, a, b)| (a, b)).collect();
            let mut values: Vec<u8> = (a.max(lo)..=b.min(hi)).collect();
            rng.shuffle(&mut values);
            let pick = values.into_iter().find(|&v| {
                let j = (v - lo) as usize;
                if left[j] == 0 {
                    return false;
                }
                left[j] -= 1;
                let ok = intervals_fit(lo, &left, &rest);
                left[j] += 1;
                ok
            });
            // `accept` guaranteed a complete matching, so a value is always found.
            if let Some(v) = pick {
                left[(v - lo) as usize] -= 1;
                survey.set_answer(r, row.role, row.scale, Some(v));
            }
        }
        let taken: BTreeSet<usize> = constrained.iter().map(|&(r, _, _)| r).collect();
        let mut pool: Vec<u8> = Vec::with_capacity(n as usize);
        for (j, &c) in left.iter().enumerate() {
            pool.extend(std::iter::repeat_n(lo + j as u8, c as usize));
        }
        rng.shuffle(&mut pool);
        let free = answering[i].iter().filter(|r| !taken.contains(r));
        for (&r, v) in free.zip(pool) {
            survey.set_answer(r, row.role, row.scale, Some(v));
        }
    }
    Ok(survey)
}

/// The long CSV `respondent,group,spco,role,importance,performance`: one line per respondent and
/// role (roles `roles`), blank where skipped.
pub fn to_long_csv(survey: &Survey, roles: &[u8]) -> String {
    let mut out = String::from("respondent,group,spco,role,importance,performance\n");
    let cell = |v: Option<u8>| v.map_or(String::new(), |v| v.to_string());
    for r in 0..survey.len() {
        let group = survey
            .groups
            .get(survey.group[r] as usize)
            .map_or("", |g| g.code.as_str());
        let spco = survey.spco[r]
            .and_then(|s| survey.spcos.get(s as usize))
            .map_or("", String::as_str);
        for &role in roles {
            let fields = [
                survey.respondents[r].as_str(),
                group,
                spco,
                &role.to_string(),
                &cell(survey.answer(r, role, Scale::Importance)),
                &cell(survey.answer(r, role, Scale::Performance)),
            ];
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_csv_field(&mut out, f);
            }
            out.push('\n');
        }
    }
    out
}

/// Quotes a field only when it must be (as the `csv` crate's default writer does, so the shipped
/// file regenerates byte for byte): when it holds the delimiter, a quote or a line break, which
/// readers would otherwise split on. Quotes inside are doubled.
fn push_csv_field(out: &mut String, f: &str) {
    if f.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&f.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(f);
    }
}

/// Roles present in a table, ascending.
pub fn table_roles(table: &SummaryTable) -> Vec<u8> {
    let set: BTreeSet<u8> = table.rows.iter().map(|r| r.role).collect();
    set.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_quoted_only_when_needed() {
        // Expected strings written out by hand per RFC 4180.
        let mut out = String::new();
        for f in [
            "plain",
            "",
            "a,b",
            "say \"hi\"",
            "two\nlines",
            "cr\r",
            "KMO's; x",
        ] {
            push_csv_field(&mut out, f);
            out.push('|');
        }
        assert_eq!(
            out,
            "plain||\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\"cr\r\"|KMO's; x|"
        );
    }

    #[test]
    fn focus_group_split_scaled_to_31() {
        // 8,6,9,8,6 of 37 scaled to 31: 6.70, 5.03, 7.54, 6.70, 5.03 -> floors 6,5,7,6,5 (29);
        // the two largest remainders (.70, .70: large and intermediary) get one more.
        assert_eq!(group_sizes(&[8, 6, 9, 8, 6], 31), vec![7, 5, 7, 7, 5]);
        assert_eq!(group_sizes(&[8, 6, 9, 8, 6], 37), vec![8, 6, 9, 8, 6]);
        assert_eq!(group_sizes(&[0, 0], 3), vec![0, 0]);
    }

    #[test]
    fn interval_matching() {
        // Values {2, 3, 3, 4} (counts of 1..=5: 0,1,2,1,0). Three people in 2..=3 fit; four do
        // not; 2..=3 twice plus 3..=5 twice fit only by giving 4 and a 3 to the 3..=5 pair; three
        // in 3..=5 take {3, 3, 4} and leave 2 for 2..=3, but then nothing is left for exactly 3.
        let h = [0, 1, 2, 1, 0];
        assert!(intervals_fit(1, &h, &[(2, 3), (2, 3), (2, 3)]));
        assert!(!intervals_fit(1, &h, &[(2, 3), (2, 3), (2, 3), (2, 3)]));
        assert!(intervals_fit(1, &h, &[(3, 5), (2, 3), (3, 5), (2, 3)]));
        assert!(intervals_fit(1, &h, &[(3, 5), (3, 5), (3, 5), (2, 3)]));
        assert!(!intervals_fit(1, &h, &[(3, 5), (3, 5), (3, 5), (3, 3)]));
    }
}
