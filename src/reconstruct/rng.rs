//! A small deterministic PRNG (SplitMix64). Own code rather than the `rand` crate: the data set must
//! regenerate bit-for-bit from a seed on every platform and release, and we need only a few draws.

/// SplitMix64 (Steele, Lea & Flood 2014): one 64-bit state, full period, good enough mixing for
/// choosing among valid reconstructions.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// An independent stream for one item, so that reconstructing one row does not shift the draws
    /// of every later row (adding a row to a table leaves the others' answers unchanged).
    pub fn derive(seed: u64, salt: u64) -> SplitMix64 {
        let mut mixer = SplitMix64::new(seed ^ salt.wrapping_mul(0xA24B_AED4_963E_E407));
        SplitMix64::new(mixer.next_u64())
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (0 when `bound` is 0). Multiply-shift: the bias is below 2^-32 for
    /// the small bounds used here, which is irrelevant for picking among valid solutions.
    pub fn below(&mut self, bound: u64) -> u64 {
        if bound == 0 {
            return 0;
        }
        ((self.next_u64() as u128 * bound as u128) >> 64) as u64
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_reference_values() {
        // Reference outputs of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn below_stays_in_bounds_and_shuffle_permutes() {
        let mut r = SplitMix64::new(7);
        for b in 1..50 {
            assert!(r.below(b) < b);
        }
        let mut v: Vec<u32> = (0..20).collect();
        r.shuffle(&mut v);
        let mut sorted = v.clone();
        sorted.sort();
        assert_eq!(sorted, (0..20).collect::<Vec<_>>());
    }
}
