//! Exhaustive, pruned, randomised depth-first search over histograms (counts of each scale value).
//!
//! Why not SPRITE's hill-climbing: with n and the scale this small, the sum is fixed to one or two
//! integers by the mean and the sum of squares to a narrow window by the SD, and median and mode are
//! conditions on cumulative counts. A depth-first search over the counts of 1, 2, ... with bounds on
//! what the remaining answers can still reach is exact (it proves a row impossible instead of giving
//! up after some restarts) and fast. The seed randomises the order in which counts are tried, so
//! different seeds land on different valid histograms.

use super::rng::SplitMix64;
use super::target::{SumTarget, Target};

/// Result of a bounded search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Counts of the values `lo..=hi`.
    Found(Vec<u32>),
    /// The search space is exhausted: no histogram satisfies all constraints.
    Impossible,
    /// The node budget ran out before either.
    Undecided,
}

/// Smallest sum of squares of `r` whole numbers in `a..=b` with sum `s` (as equal as possible).
/// The caller guarantees `r > 0` and `r*a <= s <= r*b`.
fn min_sq(r: i64, s: i64) -> i64 {
    let q = s / r;
    let rem = s % r;
    (r - rem) * q * q + rem * (q + 1) * (q + 1)
}

/// Largest sum of squares of `r` whole numbers in `a..=b` with sum `s` (pushed to the ends).
fn max_sq(r: i64, s: i64, a: i64, b: i64) -> i64 {
    if a == b {
        return r * a * a;
    }
    let extra = s - r * a;
    let k = extra / (b - a);
    if k >= r {
        return r * b * b;
    }
    let mid = a + extra - k * (b - a);
    k * b * b + mid * mid + (r - k - 1) * a * a
}

struct Dfs<'a> {
    t: &'a Target,
    goal: SumTarget,
    counts: Vec<u32>,
    nodes: u64,
    budget: u64,
    /// Sampling mode: count every accepted histogram and keep one uniformly at random.
    rng: Option<&'a mut SplitMix64>,
    found: u64,
    chosen: Option<Vec<u32>>,
    accept: &'a dyn Fn(&[u32]) -> bool,
    /// 1-based positions of the lower and upper middle answers (equal for odd n).
    pos_a: i64,
    pos_b: i64,
}

enum Step {
    Found,
    Exhausted,
    Budget,
}

#[derive(Clone, Copy)]
struct State {
    /// Answers still to place, their remaining sum, and the sum of squares placed so far.
    left: i64,
    sum_left: i64,
    sq_used: i64,
    cum: i64,
    /// Values at positions `pos_a` and `pos_b`, once placed.
    med_a: Option<i64>,
    med_b: Option<i64>,
    /// Largest count below the mode's value, and the mode's count once placed.
    max_before_mode: i64,
    mode_count: Option<i64>,
}

impl Dfs<'_> {
    fn visit(&mut self, v: i64, st: State) -> Step {
        let hi = self.t.hi as i64;
        let first = if v == hi { st.left } else { 0 };
        for c in first..=st.left {
            self.nodes += 1;
            if self.nodes > self.budget {
                return Step::Budget;
            }
            let Some(next) = self.admit(v, c, st) else {
                continue;
            };
            self.counts[(v - self.t.lo as i64) as usize] = c as u32;
            if v == hi {
                if (self.accept)(&self.counts) {
                    match self.rng.as_deref_mut() {
                        None => return Step::Found,
                        Some(rng) => {
                            self.found += 1;
                            if rng.below(self.found) == 0 {
                                self.chosen = Some(self.counts.clone());
                            }
                        }
                    }
                }
                continue;
            }
            match self.visit(v + 1, next) {
                Step::Exhausted => {}
                other => return other,
            }
        }
        self.counts[(v - self.t.lo as i64) as usize] = 0;
        Step::Exhausted
    }

    /// The state after placing `c` answers of value `v`, or `None` when that cannot be completed.
    fn admit(&self, v: i64, c: i64, st: State) -> Option<State> {
        let hi = self.t.hi as i64;
        let left = st.left - c;
        let sum_left = st.sum_left - c * v;
        let sq_used = st.sq_used + c * v * v;
        if left == 0 || v == hi {
            if left != 0 || sum_left != 0 || sq_used < self.goal.sq_lo || sq_used > self.goal.sq_hi
            {
                return None;
            }
        } else {
            let a = v + 1;
            if sum_left < left * a || sum_left > left * hi {
                return None;
            }
            if sq_used + min_sq(left, sum_left) > self.goal.sq_hi
                || sq_used + max_sq(left, sum_left, a, hi) < self.goal.sq_lo
            {
                return None;
            }
        }
        let cum = st.cum + c;
        let med_a = st.med_a.or((cum >= self.pos_a).then_some(v));
        let med_b = st.med_b.or((cum >= self.pos_b).then_some(v));
        if let Some(t) = self.t.median2 {
            let t = t as i64;
            let ok = match (med_a, med_b) {
                (Some(a), Some(b)) => a + b == t,
                (Some(a), None) => a + v < t && t <= a + hi,
                _ => 2 * (v + 1) <= t,
            };
            if !ok {
                return None;
            }
        }
        let mut max_before_mode = st.max_before_mode;
        let mut mode_count = st.mode_count;
        if let Some(mo) = self.t.mode {
            let mo = mo as i64;
            if v < mo {
                max_before_mode = max_before_mode.max(c);
                if left < max_before_mode {
                    return None;
                }
            } else if v == mo {
                if c < max_before_mode || left > c * (hi - mo) {
                    return None;
                }
                mode_count = Some(c);
            } else if mode_count.is_some_and(|m| c > m) {
                return None;
            }
        }
        Some(State {
            left,
            sum_left,
            sq_used,
            cum,
            med_a,
            med_b,
            max_before_mode,
            mode_count,
        })
    }
}

/// Searches a histogram meeting `t` and `accept`, within `budget` nodes. Without `rng`, returns the
/// first one found; with `rng`, enumerates them all and returns one chosen uniformly at random (or,
/// if the budget runs out first, one chosen uniformly among those seen).
pub(crate) fn search(
    t: &Target,
    rng: Option<&mut SplitMix64>,
    budget: u64,
    accept: &dyn Fn(&[u32]) -> bool,
) -> Outcome {
    let n = t.n as i64;
    let bins = (t.hi - t.lo) as usize + 1;
    let Some(&first_goal) = t.sums.first() else {
        return Outcome::Impossible;
    };
    // With odd n the median is one answer, hence whole: a half median is impossible outright
    // (the depth-first bounds would only find that out after a long walk).
    if n == 0 || (n % 2 == 1 && t.median2.is_some_and(|m| m % 2 == 1)) {
        return Outcome::Impossible;
    }
    let mut dfs = Dfs {
        t,
        goal: first_goal,
        counts: vec![0; bins],
        nodes: 0,
        budget,
        rng,
        found: 0,
        chosen: None,
        accept,
        pos_a: if n % 2 == 1 { (n + 1) / 2 } else { n / 2 },
        pos_b: if n % 2 == 1 { (n + 1) / 2 } else { n / 2 + 1 },
    };
    let mut undecided = false;
    for &goal in &t.sums {
        dfs.goal = goal;
        dfs.counts.iter_mut().for_each(|c| *c = 0);
        let start = State {
            left: n,
            sum_left: goal.sum,
            sq_used: 0,
            cum: 0,
            med_a: None,
            med_b: None,
            max_before_mode: 0,
            mode_count: None,
        };
        match dfs.visit(t.lo as i64, start) {
            Step::Found => return Outcome::Found(dfs.counts),
            Step::Exhausted => {}
            Step::Budget => {
                undecided = true;
                break;
            }
        }
    }
    match dfs.chosen {
        Some(h) => Outcome::Found(h),
        None if undecided => Outcome::Undecided,
        None => Outcome::Impossible,
    }
}

#[cfg(test)]
/// Statistics of a histogram, for tests: (n, sum, sum of squares, twice the median,
/// modes).
pub(crate) fn histogram_stats(lo: u8, counts: &[u32]) -> (u32, i64, i64, u32, Vec<u8>) {
    let n: u32 = counts.iter().sum();
    let mut sum = 0i64;
    let mut sq = 0i64;
    for (i, &c) in counts.iter().enumerate() {
        let v = lo as i64 + i as i64;
        sum += c as i64 * v;
        sq += c as i64 * v * v;
    }
    let value_at = |pos: u32| -> u32 {
        let mut cum = 0;
        for (i, &c) in counts.iter().enumerate() {
            cum += c;
            if cum >= pos {
                return lo as u32 + i as u32;
            }
        }
        0
    };
    let median2 = if n == 0 {
        0
    } else if n % 2 == 1 {
        2 * value_at(n.div_ceil(2))
    } else {
        value_at(n / 2) + value_at(n / 2 + 1)
    };
    let top = counts.iter().copied().max().unwrap_or(0);
    let modes = counts
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c == top && c > 0)
        .map(|(i, _)| lo + i as u8)
        .collect();
    (n, sum, sq, median2, modes)
}

#[cfg(test)]
mod tests {
    use super::super::target::{Figures, SdConvention};
    use super::*;

    fn target(n: u32, hi: u8, fig: Figures) -> Target {
        Target::new(n, 1, hi, &fig, 2, SdConvention::Population, true)
    }

    #[test]
    fn sq_bounds_by_hand() {
        // 3 answers summing to 7: as equal as possible {2,2,3} -> 17; within 1..=5 pushed to the
        // ends {1,1,5} -> 27.
        assert_eq!(min_sq(3, 7), 17);
        assert_eq!(max_sq(3, 7, 1, 5), 27);
        // 4 answers summing to 10 in 1..=5: {1,1,3,5} -> 36.
        assert_eq!(max_sq(4, 10, 1, 5), 36);
    }

    #[test]
    fn finds_the_unique_histogram() {
        // n = 4 on 1..=5, mean 3.00, population SD 1.41 (var 2), median 3, mode 3: sum 12, Q = 44.
        // Deviations from 3 in -2..=2 summing to 0 with squares summing to 8: only {-2,0,0,2}, so
        // {1,3,3,5} is the one histogram.
        let t = target(
            4,
            5,
            Figures {
                mean: 3.0,
                median: Some(3.0),
                mode: Some(3.0),
                sd: Some(1.41),
            },
        );
        assert_eq!(
            search(&t, None, 10_000, &|_| true),
            Outcome::Found(vec![1, 0, 2, 0, 1])
        );
    }

    #[test]
    fn proves_impossibility() {
        // n = 4 on 1..=5, mean 3.00, SD 2.50: the largest SD with mean 3 is {1,1,5,5} -> 2.00.
        let t = target(
            4,
            5,
            Figures {
                mean: 3.0,
                median: None,
                mode: None,
                sd: Some(2.5),
            },
        );
        assert_eq!(search(&t, None, 10_000, &|_| true), Outcome::Impossible);
    }

    #[test]
    fn every_seed_gives_a_valid_histogram() {
        // Table 3, role 1 importance at n = 30: mean 7.37, median 7, mode 7, SD 1.49.
        let fig = Figures {
            mean: 7.37,
            median: Some(7.0),
            mode: Some(7.0),
            sd: Some(1.49),
        };
        let t = target(30, 9, fig);
        let mut seen = std::collections::HashSet::new();
        for seed in 0..20 {
            let mut rng = SplitMix64::new(seed);
            let Outcome::Found(h) = search(&t, Some(&mut rng), 1_000_000, &|_| true) else {
                panic!("seed {seed}: not found");
            };
            let (n, sum, sq, med2, modes) = histogram_stats(1, &h);
            assert_eq!((n, sum, med2), (30, 221, 14));
            assert!(modes.contains(&7));
            let sd = ((30.0 * sq as f64 - (sum * sum) as f64) / 900.0).sqrt();
            assert!((sd - 1.49).abs() <= 0.005 + 1e-12, "sd {sd}");
            seen.insert(h);
        }
        // Exhaustive enumeration (below) finds 35 valid histograms; uniform sampling over 20 seeds
        // should hit well over a handful of them.
        assert!(
            seen.len() > 10,
            "seeds should reach different solutions: {}",
            seen.len()
        );
        let all = std::cell::RefCell::new(Vec::new());
        let collect = |h: &[u32]| {
            all.borrow_mut().push(h.to_vec());
            false
        };
        assert_eq!(search(&t, None, 10_000_000, &collect), Outcome::Impossible);
        assert_eq!(all.borrow().len(), 35);
        assert!(seen.iter().all(|h| all.borrow().contains(h)));
    }
}
#[cfg(test)]
mod brute_force {
    use super::super::table3;
    use super::super::target::{Figures, SdConvention, Target};
    use super::*;
    use crate::model::Scale;

    /// Every histogram of `left` answers over the bins from `bin` on.
    fn all(bins: usize, left: u32, prefix: &mut Vec<u32>, out: &mut dyn FnMut(&[u32])) {
        if prefix.len() + 1 == bins {
            prefix.push(left);
            out(prefix);
            prefix.pop();
            return;
        }
        for c in 0..=left {
            prefix.push(c);
            all(bins, left - c, prefix, out);
            prefix.pop();
        }
    }

    /// An independent oracle: enumerate every histogram of n answers on 1..=5 (C(n+4, 4), about
    /// 52,000 at n = 31), compute the statistics in floating point as a reader would, print them
    /// like Table 3, and count those matching. The search must find exactly as many.
    #[test]
    fn search_agrees_with_brute_force_on_table3_performance() {
        let mut counts = Vec::new();
        for row in table3(true).rows {
            if row.scale != Scale::Performance {
                continue;
            }
            let n = row.n.unwrap_or(0);
            let mut matches = 0;
            all(5, n, &mut Vec::new(), &mut |h| {
                let nf = n as f64;
                let mean = h
                    .iter()
                    .enumerate()
                    .map(|(i, &c)| (i + 1) as f64 * c as f64)
                    .sum::<f64>()
                    / nf;
                let var = h
                    .iter()
                    .enumerate()
                    .map(|(i, &c)| c as f64 * ((i + 1) as f64 - mean).powi(2))
                    .sum::<f64>()
                    / nf;
                let mut sorted = Vec::new();
                for (i, &c) in h.iter().enumerate() {
                    sorted.extend(std::iter::repeat_n(i as f64 + 1.0, c as usize));
                }
                let k = n as usize;
                let median = if k % 2 == 1 {
                    sorted[k / 2]
                } else {
                    (sorted[k / 2 - 1] + sorted[k / 2]) / 2.0
                };
                let top = *h.iter().max().unwrap_or(&0);
                let mode_ok = row.mode.is_some_and(|m| h[m as usize - 1] == top);
                if format!("{mean:.2}") == format!("{:.2}", row.mean)
                    && format!("{:.2}", var.sqrt()) == format!("{:.2}", row.sd.unwrap_or(-1.0))
                    && Some(median) == row.median
                    && mode_ok
                {
                    matches += 1;
                }
            });
            let fig = Figures {
                mean: row.mean,
                median: row.median,
                mode: row.mode,
                sd: row.sd,
            };
            let t = Target::new(n, 1, 5, &fig, 2, SdConvention::Population, true);
            let found = std::cell::Cell::new(0);
            let outcome = search(&t, None, 10_000_000, &|_| {
                found.set(found.get() + 1);
                false
            });
            assert_eq!(outcome, Outcome::Impossible, "enumeration completes");
            assert_eq!(found.get(), matches, "role {} performance", row.role);
            counts.push(matches);
        }
        // Every row is reachable (STUDY.md), and several are pinned down to a single histogram.
        assert!(counts.iter().all(|&c| c > 0), "{counts:?}");
    }
}
