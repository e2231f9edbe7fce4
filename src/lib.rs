//! spco-roles: statistics and interactive charts of the VUB survey on the roles of Flemish
//! spearhead-cluster organisations.
//!
//! The pure core (everything but `wasm`) never touches `wasm_bindgen`, `web_sys` or `js_sys`, so it
//! is tested natively and renders SVG for tests and export. See ARCHITECTURE.md.

// A size rule (ARCHITECTURE.md, "Size discipline"; the others are in clippy.toml): `s[a..b]` on a
// str links a char-boundary panic that formats a char with {:?} (~8 KB of wasm), so strings are
// sliced with `get` or `split_at_checked`.
#![warn(clippy::string_slice)]

pub mod catalogue;
pub mod chart;
pub mod import;
pub mod lean;
pub mod model;
pub mod reconstruct;
pub mod session;
pub mod stats;
pub mod wording;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
