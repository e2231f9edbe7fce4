// spco-roles patch: upstream calls web-sys setters that newer web-sys marks deprecated.
#![allow(deprecated)]
// Upstream style, left as it is so the diff against upstream stays the one patch.
#![allow(clippy::needless_return, clippy::clone_on_copy)]
/*!
   The Plotters HTML5 Canvas backend.

   This backend allows Plotters operates the HTML5 Canvas when targeted to Webassembly.

   See the documentation for [CanvasBackend](struct.CanvasBackend.html) for more details.
*/
mod canvas;

pub use canvas::CanvasBackend;
