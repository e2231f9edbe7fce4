//! A size-class heap for the wasm build, in place of std's dlmalloc (about 7 KB of wasm, for a
//! module whose budget is counted in kilobytes).
//!
//! Every block is a power of two from 16 bytes up, and every block of class `k` starts at an
//! address aligned to `min(2^k, 64 KiB)`, so a block satisfies any alignment up to its size.
//! Freed blocks go onto a singly linked list per class (the link lives in the block) and are
//! reused first; otherwise blocks are cut from the end of the memory grown so far. Blocks are
//! never split or merged: a chart allocates the same few sizes again and again (strings, label
//! lists, columns), and the waste is bounded by the power-of-two rounding (under 2x of the peak).
//!
//! The logic is generic over how memory grows so that it is tested natively on a `Vec`; the wasm
//! binding plugs in `memory.grow`.

/// One wasm page, the unit memory grows by.
pub const PAGE: usize = 65536;
const MIN_CLASS: u32 = 4;
const CLASSES: usize = usize::BITS as usize;
/// Memory grows by at least this much, so that a burst of small allocations does not call
/// `memory.grow` (which detaches the JS views of memory) once per page.
const MIN_GROW_PAGES: usize = 16;

/// The heap's state: a free list per class and the unused tail of the last grown region.
pub struct Heap {
    free: [usize; CLASSES],
    next: usize,
    end: usize,
}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    pub const fn new() -> Heap {
        Heap {
            free: [0; CLASSES],
            next: 0,
            end: 0,
        }
    }

    /// The class of a request: the smallest power of two holding `size` and `align` (and 16).
    fn class(size: usize, align: usize) -> Option<u32> {
        let need = size.max(align).max(1 << MIN_CLASS);
        // Alignments beyond a page cannot be promised by page-granular growth.
        if align > PAGE || need > usize::MAX / 4 {
            return None;
        }
        Some(need.next_power_of_two().trailing_zeros())
    }

    /// Puts `[from, to)` onto the free lists as the largest aligned blocks that fit, so that
    /// alignment padding is not lost.
    ///
    /// # Safety
    /// The range must be unused memory owned by this heap, with `from` 16-byte aligned.
    unsafe fn recycle(&mut self, mut from: usize, to: usize) {
        while to - from >= 1 << MIN_CLASS {
            let align = 1usize << from.trailing_zeros().min(PAGE.trailing_zeros());
            let mut size = align;
            while size > to - from {
                size >>= 1;
            }
            self.push(size.trailing_zeros(), from);
            from += size;
        }
    }

    unsafe fn push(&mut self, class: u32, block: usize) {
        // SAFETY: the block is at least 16 bytes, aligned, and owned by the heap.
        unsafe { (block as *mut usize).write(self.free[class as usize]) };
        self.free[class as usize] = block;
    }

    /// A block for `size` bytes at `align`, or 0 when memory cannot grow. `grow(pages)` grows the
    /// memory and returns the address where the new pages start (or `None`).
    ///
    /// # Safety
    /// `grow` must hand out memory that nothing else uses, and the heap must be the only user of
    /// the blocks it returns until they are passed back to `dealloc`.
    pub unsafe fn alloc(
        &mut self,
        size: usize,
        align: usize,
        grow: impl FnOnce(usize) -> Option<usize>,
    ) -> usize {
        let Some(class) = Self::class(size, align) else {
            return 0;
        };
        let head = self.free[class as usize];
        if head != 0 {
            // SAFETY: a free block holds the address of the next one.
            self.free[class as usize] = unsafe { (head as *const usize).read() };
            return head;
        }
        let block = 1usize << class;
        let align = block.min(PAGE);
        let mut start = self.next.next_multiple_of(align);
        if start.checked_add(block).is_none_or(|e| e > self.end) {
            let pages = (block + align).div_ceil(PAGE).max(MIN_GROW_PAGES);
            let Some(base) = grow(pages) else {
                return 0;
            };
            if base != self.end {
                // Not contiguous with the old tail (or the first growth): keep the old tail.
                unsafe { self.recycle(self.next, self.end) };
                self.next = base;
            }
            self.end = base + pages * PAGE;
            start = self.next.next_multiple_of(align);
        }
        unsafe { self.recycle(self.next, start) };
        self.next = start + block;
        start
    }

    /// Returns a block from `alloc` with the same `size` and `align`.
    ///
    /// # Safety
    /// `block` must come from this heap's `alloc(size, align)` and not be used afterwards.
    pub unsafe fn dealloc(&mut self, block: usize, size: usize, align: usize) {
        if let Some(class) = Self::class(size, align) {
            unsafe { self.push(class, block) };
        }
    }

    /// Whether a block allocated for `old` bytes also holds `new` bytes (same class), so that
    /// `realloc` can keep it in place.
    pub fn fits_in_place(old: usize, new: usize, align: usize) -> bool {
        Self::class(old, align) == Self::class(new, align)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A heap over a Vec standing in for wasm memory: addresses are offsets into `mem` plus its
    /// base, and `grow` appends pages.
    struct Mem {
        heap: Heap,
        mem: Vec<u8>,
        base: usize,
        pages: usize,
        max_pages: usize,
    }

    impl Mem {
        fn new(max_pages: usize) -> Mem {
            // Over-allocate so the simulated memory can start at a page boundary.
            let mem = vec![0u8; (max_pages + 1) * PAGE];
            let base = (mem.as_ptr() as usize).next_multiple_of(PAGE);
            Mem {
                heap: Heap::new(),
                mem,
                base,
                pages: 0,
                max_pages,
            }
        }
        fn alloc(&mut self, size: usize, align: usize) -> usize {
            let (base, pages, max) = (self.base, &mut self.pages, self.max_pages);
            let p = unsafe {
                self.heap.alloc(size, align, |n| {
                    (*pages + n <= max).then(|| {
                        *pages += n;
                        base + (*pages - n) * PAGE
                    })
                })
            };
            if p != 0 {
                let lo = self.mem.as_ptr() as usize;
                assert!(p >= lo && p + size <= lo + self.mem.len(), "outside memory");
            }
            p
        }
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_keep_their_contents() {
        let mut m = Mem::new(1024);
        // A deterministic mix of sizes, alignments, frees and reuse (xorshift).
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut rnd = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut live: Vec<(usize, usize, usize, u8)> = Vec::new();
        for step in 0..20_000u32 {
            if live.len() > 400 || (rnd() % 3 == 0 && !live.is_empty()) {
                let i = (rnd() as usize) % live.len();
                let (p, size, align, tag) = live.swap_remove(i);
                let bytes = unsafe { std::slice::from_raw_parts(p as *const u8, size) };
                assert!(bytes.iter().all(|&b| b == tag), "block overwritten");
                unsafe { m.heap.dealloc(p, size, align) };
            } else {
                let size = match rnd() % 10 {
                    0 => (rnd() % 200_000) as usize,
                    1..=3 => (rnd() % 2000) as usize,
                    _ => (rnd() % 64) as usize + 1,
                };
                let align = 1usize << (rnd() % 6);
                let p = m.alloc(size, align);
                assert_ne!(p, 0, "out of memory at step {step}");
                assert_eq!(p % align, 0);
                for &(q, qs, _, _) in &live {
                    assert!(p + size <= q || q + qs <= p, "overlapping blocks");
                }
                let tag = (step % 251) as u8;
                unsafe { std::ptr::write_bytes(p as *mut u8, tag, size) };
                live.push((p, size, align, tag));
            }
        }
    }

    #[test]
    fn freed_blocks_are_reused_before_memory_grows() {
        let mut m = Mem::new(64);
        let a = m.alloc(100, 8);
        let pages = m.pages;
        unsafe { m.heap.dealloc(a, 100, 8) };
        // 100 and 120 bytes share the 128-byte class.
        assert_eq!(m.alloc(120, 8), a);
        assert_eq!(m.pages, pages);
        assert!(Heap::fits_in_place(100, 128, 8));
        assert!(!Heap::fits_in_place(100, 129, 8));
    }

    #[test]
    fn alignment_padding_is_recycled_not_lost() {
        let mut m = Mem::new(64);
        let small = m.alloc(16, 1);
        // A 4 KiB block must start 4 KiB-aligned: the gap after `small` becomes free blocks...
        let big = m.alloc(4096, 1);
        assert_eq!(big % 4096, 0);
        assert!(big > small);
        // ...one of each size from 16 to 2048 bytes, which later requests use.
        let pages = m.pages;
        for class in 4..12 {
            let p = m.alloc(1 << class, 1);
            assert!(p > small && p < big, "gap not reused");
        }
        assert!(m.alloc(16, 1) > big);
        assert_eq!(m.pages, pages);
    }

    #[test]
    fn exhausted_memory_and_impossible_requests_give_null() {
        let mut m = Mem::new(MIN_GROW_PAGES);
        assert_eq!(m.alloc(MIN_GROW_PAGES * PAGE + 1, 8), 0);
        assert_eq!(m.alloc(8, 2 * PAGE), 0);
        assert_eq!(m.alloc(usize::MAX / 2, 8), 0);
        assert_ne!(m.alloc(1000, 8), 0);
    }
}
