//! The module's allocator: talc's `WasmDynamicTalc`, which takes memory from `memory.grow` and
//! extends one heap with each growth, in place of std's dlmalloc.
//!
//! Why talc, measured on one workload of CSV imports of 24, 40 and 10 MB in one instance (chunked
//! read, doubling Vec, copies, id map, columns), as peak grown memory over peak live bytes:
//! talc 5.1 1.43x, dlmalloc 1.45x, and 2.24x (267 of 119 MiB) for the size-class heap this module
//! replaces. Wasm memory never shrinks, so what an allocator wastes at its peak stays with the
//! page. That heap never split, merged or resized blocks in place, so memory grew to the sum of
//! each size class's own peak (21x on 32 MiB live in one size, freed, then the next of 16 sizes;
//! talc and dlmalloc 1.32x). talc splits and merges free chunks and grows a block in place when
//! the chunk after it is free, which a doubling Vec relies on.
//!
//! Size: after `wasm-opt -Oz` on a minimal cdylib, talc adds 2,883 B, dlmalloc 9,110 B and the old
//! heap 2,579 B; README "Figures" has the shipped module before and after.
//!
//! Safety: talc's single-threaded cell refuses to be built for wasm with atomics (its constructor
//! panics at compile time there), so a threaded build cannot silently share it; the old heap's
//! `unsafe impl Sync` rested on a comment.
//!
//! `tests/alloc_memory.rs` holds the memory claim: the same allocator on a simulated
//! `memory.grow` imports 24, 40 and 10 MB files through `Session::load` and stays under 1.6x.

#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
