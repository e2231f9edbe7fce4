//! Reconstruction of respondent-level data from published summaries (SPRITE), and consistency
//! checks of summary tables (GRIM, GRIMMER).

pub mod cli;
pub mod rng;
mod search;
mod target;

pub use target::{FigureProblem, Figures, SdConvention};
