//! A stable insertion sort for the handful of items the charts and statistics sort (14 roles,
//! 30 nodes). `slice::sort_by` instantiates its full merge/quick sort per call site, about 3 KB of
//! wasm each; this is a few hundred bytes and just as fast at these sizes.

use std::cmp::Ordering;

pub(crate) fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut w = vec![5.5, -1.0, 2.0];
        sort_by(&mut w, f64::total_cmp);
        assert_eq!(w, vec![-1.0, 2.0, 5.5]);
        let mut e: Vec<u8> = vec![];
        sort(&mut e);
        let mut x = vec![9, 8, 7, 1];
        sort(&mut x);
        assert_eq!(x, vec![1, 7, 8, 9]);
    }
}
