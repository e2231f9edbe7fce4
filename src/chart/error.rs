//! The errors of laying out and drawing either chart.

use thiserror::Error;

use super::quadrant::ViewError;

use crate::lean::number::Num;

#[derive(Clone, Debug, PartialEq, Error)]
pub enum LayoutError {
    #[error("element size {} x {} px at dpr {} is not usable", Num(*.width), Num(*.height), Num(*.dpr))]
    BadSize { width: f64, height: f64, dpr: f64 },
    #[error(
        "element {} x {} px leaves a plot of {} x {} px, too small to draw",
        Num(*.width), Num(*.height), Num(*.plot_width), Num(*.plot_height)
    )]
    TooSmall {
        width: f64,
        height: f64,
        plot_width: f64,
        plot_height: f64,
    },
    #[error(transparent)]
    View(#[from] ViewError),
}

#[derive(Debug, Error)]
pub enum DrawError {
    #[error("drawing backend failed while drawing {stage}: {message}")]
    Backend {
        stage: &'static str,
        message: String,
    },
    #[error(transparent)]
    Layout(#[from] LayoutError),
}
