//! Helpers that exist only to keep the shipped wasm small. Each replaces something std or core
//! already offers, because that version links tables or panic paths that cost kilobytes of wasm
//! (measured with twiggy; README "Figures"):
//!
//! - `number`: f64 parsing and formatting without core's float parsing/printing tables
//!   (~25 KB of wasm together with Debug escaping), and an `f64` clamp without `{:?}` in its panic;
//! - `substr`: `&str` searching and checked slicing without core's two-way searcher and the
//!   char-boundary panic that formats a `char` with `{:?}`;
//! - `small_sort`: one insertion sort for the few short lists we sort, instead of a std sort
//!   instantiated per call site (-23 KB).
//!
//! `clippy.toml` forbids the std versions in library code, so a new call is caught by `npm test`.

pub mod number;
pub(crate) mod small_sort;
pub(crate) mod substr;
