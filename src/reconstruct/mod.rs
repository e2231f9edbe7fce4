//! Reconstruction of respondent-level data from published summaries (SPRITE-style), and consistency
//! checks of summary tables (GRIM, GRIMMER, median and mode).

// Not in the shipped wasm (exported only with the `tools` feature, for benchmarks), so the size
// rules of clippy.toml do not apply.
#![allow(clippy::disallowed_methods)]

mod assign;
mod check;
pub mod cli;
pub mod rng;
mod search;
mod table3;
mod target;

pub use assign::{
    group_sizes, reconstruct, table_roles, to_long_csv, GroupRule, ReconstructError,
    ReconstructOptions, DEFAULT_SEED,
};
pub use check::{
    check_row, check_table, format_checks, CheckOptions, ConventionCheck, NCheck, RowCheck, Verdict,
};
pub use table3::{table3, table3_n};
pub use target::{FigureProblem, Figures, SdConvention};
