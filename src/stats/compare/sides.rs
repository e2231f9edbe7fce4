//! The two sides of a comparison: parsing `A,B`, and checking that they are two different,
//! non-overlapping sets of respondents.

use super::CompareError;
use crate::model::Dataset;
use crate::stats::{group_mask, RowFilter, Selection};

/// Parses `A,B`: two sides separated by a comma, each one or more group codes (or labels) joined
/// by `+`, or `spco:NAME` for the respondents who rated an SPCO (a group and an SPCO on one side
/// take the group's members who rated it). Examples: `sme,large`, `sme+large,director`,
/// `spco:VIL,spco:Catalisti`.
#[expect(
    clippy::disallowed_methods,
    reason = "char pattern: a byte search, no &str searcher"
)]
pub fn parse_sides(text: &str) -> Result<[Selection; 2], CompareError> {
    let sides: Vec<&str> = text.split(',').map(str::trim).collect();
    match sides.as_slice() {
        [""] => return Err(CompareError::NeedTwo("got nothing".into())),
        [one] => return Err(CompareError::NeedTwo(format!("got only `{one}`"))),
        [_, _] => {}
        more => {
            return Err(CompareError::NeedTwo(format!(
                "got {} sides in `{}`",
                more.len(),
                text.trim()
            )))
        }
    }
    let mut out = [Selection::default(), Selection::default()];
    for (sel, side) in out.iter_mut().zip(&sides) {
        for token in side.split('+').map(str::trim) {
            let b = token.as_bytes();
            if token.is_empty() {
                return Err(CompareError::NeedTwo(format!(
                    "`{}` has an empty side or name",
                    text.trim()
                )));
            }
            if b.len() > 5 && b[..5].eq_ignore_ascii_case(b"spco:") {
                sel.spcos
                    .push(token.get(5..).unwrap_or("").trim().to_string());
            } else {
                sel.groups.push(token.to_string());
            }
        }
    }
    Ok(out)
}

/// The selection as the user would write it (`sme+large`, `spco:VIL`).
fn side_text(sel: &Selection) -> String {
    let spcos = sel.spcos.iter().map(|s| {
        let mut t = String::from("spco:");
        t.push_str(s);
        t
    });
    let parts: Vec<String> = sel.groups.iter().cloned().chain(spcos).collect();
    if parts.is_empty() {
        "everyone".into()
    } else {
        parts.join("+")
    }
}

/// Errors unless the sides are different, non-overlapping sets of respondents.
pub(super) fn distinct(
    dataset: &Dataset,
    a: &Selection,
    b: &Selection,
) -> Result<(), CompareError> {
    match dataset {
        Dataset::Respondents(s) => {
            let fa = RowFilter::new(s, a)?;
            let fb = RowFilter::new(s, b)?;
            if fa == fb {
                return Err(CompareError::Same(side_text(a)));
            }
            let shared = (0..s.len())
                .filter(|&r| fa.takes(s, r) && fb.takes(s, r))
                .count();
            if shared > 0 {
                let unit = if shared == 1 {
                    "respondent"
                } else {
                    "respondents"
                };
                return Err(CompareError::Overlap(format!(
                    "{shared} {unit} in both {} and {}",
                    side_text(a),
                    side_text(b)
                )));
            }
        }
        Dataset::Summary(t) => {
            // `compute` has already refused SPCO filters and group filters on a table without
            // group rows; an empty side here means the overall rows (or all groups pooled).
            let ga = group_mask(&t.groups, &a.groups)?;
            let gb = group_mask(&t.groups, &b.groups)?;
            if ga == gb && a.groups.is_empty() == b.groups.is_empty() {
                return Err(CompareError::Same(side_text(a)));
            }
            let shared: Vec<String> = ga
                .iter()
                .zip(&gb)
                .zip(&t.groups)
                .filter(|((x, y), _)| **x && **y)
                .map(|(_, g)| g.code.clone())
                .collect();
            if !shared.is_empty() {
                return Err(CompareError::Overlap(format!(
                    "{} on both sides",
                    shared.join(", ")
                )));
            }
        }
    }
    Ok(())
}
