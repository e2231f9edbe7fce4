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

//! Running out of memory: when `memory.grow` fails talc returns null, and std then calls
//! `handle_alloc_error`, which with `panic = "abort"` traps (`unreachable`) without running the
//! panic hook, so the trap alone cannot tell a full memory from a bug. `Guarded` notes every null
//! it hands out, and the wrapper asks `out_of_memory()` after a trap: set, the message is "not
//! enough memory for this file". (A fallible `try_reserve` that gets null and recovers would set
//! it too; the flag is read only after a trap, and no code here uses `try_reserve`.)

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, Ordering};

static FAILED: AtomicBool = AtomicBool::new(false);

/// Whether an allocation ever failed in this instance.
pub fn failed() -> bool {
    FAILED.load(Ordering::Relaxed)
}

fn noted(p: *mut u8) -> *mut u8 {
    if p.is_null() {
        FAILED.store(true, Ordering::Relaxed);
    }
    p
}

struct Guarded(talc::wasm::WasmDynamicTalc);

// SAFETY: every call is passed on unchanged to talc's allocator; only null results are noted.
unsafe impl GlobalAlloc for Guarded {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        noted(unsafe { self.0.alloc(layout) })
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        noted(unsafe { self.0.alloc_zeroed(layout) })
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { self.0.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        noted(unsafe { self.0.realloc(ptr, layout, new_size) })
    }
}

#[global_allocator]
static TALC: Guarded = Guarded(talc::wasm::new_wasm_dynamic_allocator());
