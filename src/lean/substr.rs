//! Substring search without `str`'s `&str` patterns. Their searcher also serves the empty needle
//! by slicing the haystack at a checked char boundary, and the panic path of that slice formats
//! a `char` and a `Range` with `{:?}`: that links core's Debug escaping and its Unicode printable
//! tables (about 4 KB of wasm). Byte comparison finds the same matches: a valid UTF-8 needle
//! only matches at char boundaries. The texts searched are labels and headers, so the simple
//! quadratic scan is fast enough.

/// The byte index of the first `needle` in `hay` (`Some(0)` for an empty needle), as `str::find`.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

/// The byte index of the last `needle` in `hay` (`Some(hay.len())` for an empty needle), as
/// `str::rfind`.
pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.as_bytes()
        .windows(needle.len())
        .rposition(|w| w == needle.as_bytes())
}

pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// As `str::rsplit_once` with a `&str` separator.
pub fn rsplit_once<'a>(hay: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    let i = rfind(hay, sep)?;
    Some((hay.get(..i)?, hay.get(i + sep.len()..)?))
}

/// As `str::replace` with a non-empty `&str` pattern (left to right, matches not overlapping).
pub fn replace(hay: &str, from: &str, to: &str) -> String {
    if from.is_empty() {
        return hay.to_string();
    }
    let mut out = String::with_capacity(hay.len());
    let mut rest = hay;
    while let Some(i) = find(rest, from) {
        out.push_str(rest.get(..i).unwrap_or_default());
        out.push_str(to);
        rest = rest.get(i + from.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // std is the reference the tests compare with
mod tests {
    use super::*;

    #[test]
    fn agrees_with_str_methods() {
        let hays = [
            "",
            "a",
            "  ",
            "   ",
            "a  b   c",
            "SR1 · Shaping · x",
            "één - twee - drie",
            "x - ",
            " - ",
            "ab",
            "ééé",
            "日本 - 語 · 日本",
        ];
        let needles = ["  ", " · ", " - ", "a", "é", "日本", "b   c", "zz", "ééé"];
        for h in hays {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(rfind(h, n), h.rfind(n), "{h:?} {n:?}");
                assert_eq!(contains(h, n), h.contains(n), "{h:?} {n:?}");
                assert_eq!(rsplit_once(h, n), h.rsplit_once(n), "{h:?} {n:?}");
                assert_eq!(
                    replace(h, n, "\u{a0} "),
                    h.replace(n, "\u{a0} "),
                    "{h:?} {n:?}"
                );
            }
            assert_eq!(find(h, ""), h.find(""));
            assert_eq!(rfind(h, ""), h.rfind(""));
        }
    }
}
