//! spco-roles: statistics and interactive charts of the VUB survey on the roles of Flemish
//! spearhead-cluster organisations.
//!
//! The pure core (everything but `wasm`) never touches `wasm_bindgen`, `web_sys` or `js_sys`, so it
//! is tested natively and renders SVG for tests and export. See ARCHITECTURE.md.

pub mod catalogue;
pub mod chart;
pub mod import;
pub mod lean;
pub mod model;
pub mod reconstruct;
pub mod session;
pub mod stats;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
