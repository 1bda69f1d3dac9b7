//! Unit tests: size classes, regions, splitting and coalescing edge cases.

use super::*;
use std::alloc::{alloc, dealloc};
use std::vec::Vec;

/// Heap memory for a test region, `offset` bytes past a 64-byte boundary.
struct Region {
    base: *mut u8,
    layout: std::alloc::Layout,
    offset: usize,
    len: usize,
}

impl Region {
    fn new(len: usize, offset: usize) -> Self {
        let layout = std::alloc::Layout::from_size_align(len + offset + 1, 64).unwrap();
        // SAFETY: the layout is not zero-sized.
        let base = unsafe { alloc(layout) };
        assert!(!base.is_null());
        Region {
            base,
            layout,
            offset,
            len,
        }
    }

    fn slice(&self) -> NonNull<[u8]> {
        // SAFETY: `offset + len` is inside the allocation.
        let start = unsafe { self.base.add(self.offset) };
        NonNull::slice_from_raw_parts(NonNull::new(start).unwrap(), self.len)
    }

    fn contains(&self, p: *mut u8, n: usize) -> bool {
        let s = self.base.addr() + self.offset;
        p.addr() >= s && p.addr() + n <= s + self.len
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        // SAFETY: allocated in `new` with this layout.
        unsafe { dealloc(self.base, self.layout) };
    }
}

/// A pool of configuration `<FL, SL>` over one region; the region is declared
/// first by the callers so it outlives the pool.
fn pool<const FL: usize, const SL: usize>(r: &Region) -> Tlsf<FL, SL>
where
    Sllen<SL>: SupportedSllen,
{
    let mut t = Tlsf::<FL, SL>::empty();
    // SAFETY: the region outlives the pool in every test.
    unsafe { t.extend_raw(r.slice()) }.unwrap();
    t
}

fn lay(size: usize, align: usize) -> Layout {
    Layout::from_size_align(size, align).unwrap()
}

fn report<const FL: usize, const SL: usize>(t: &Tlsf<FL, SL>) -> HeapReport
where
    Sllen<SL>: SupportedSllen,
{
    t.check_heap().unwrap()
}

/// Lower bound of the size class of flat index `idx`.
fn class_min<const FL: usize, const SL: usize>(idx: usize) -> usize {
    let (fl, sl) = (idx / SL, idx % SL);
    if fl == 0 {
        sl << LOG_GRAN
    } else {
        (SL + sl) << (fl - 1 + LOG_GRAN as usize)
    }
}

fn check_mapping<const FL: usize, const SL: usize>()
where
    Sllen<SL>: SupportedSllen,
{
    let max = Tlsf::<FL, SL>::MAX_BLOCK_SIZE;
    let lists = FL * SL;
    let mut last = 0;
    let mut size = MIN_BLOCK;
    while size <= max {
        let idx = Tlsf::<FL, SL>::index(size);
        assert!(idx < lists, "size {size} -> {idx}");
        assert!(idx >= last, "mapping not monotonic at {size}");
        last = idx;
        // The block lies in its class: at least its lower bound, below the
        // next class's.
        assert!(class_min::<FL, SL>(idx) <= size);
        if idx + 1 < lists {
            assert!(size < class_min::<FL, SL>(idx + 1));
        }
        // The search index: the first class whose lower bound is at least
        // `size`, always in range for requests up to `MAX_SEARCH`.
        if size <= Tlsf::<FL, SL>::MAX_SEARCH {
            let up = Tlsf::<FL, SL>::search_index(size);
            assert!(up < lists);
            if class_min::<FL, SL>(idx) == size {
                assert_eq!(up, idx);
            } else {
                assert_eq!(up, idx + 1);
            }
        }
        // Large steps for large sizes keep the test fast (and Miri happy).
        size += GRAN.max((size >> 7) & !(GRAN - 1));
    }
    // The maximum block maps to the very last list, as does the largest
    // request, which is that list's lower bound.
    assert_eq!(Tlsf::<FL, SL>::index(max), lists - 1);
    let top = Tlsf::<FL, SL>::MAX_SEARCH;
    assert_eq!(class_min::<FL, SL>(lists - 1), top);
    assert_eq!(Tlsf::<FL, SL>::search_index(top), lists - 1);
    assert!(Tlsf::<FL, SL>::index(max + GRAN) >= lists);
}

#[test]
fn mapping_is_monotonic_and_rounds_up_correctly() {
    check_mapping::<12, 8>();
    check_mapping::<8, 4>();
    check_mapping::<5, 2>();
    check_mapping::<14, 16>();
    check_mapping::<10, 32>();
}

#[test]
fn mapping_edges() {
    type T = Tlsf<12, 8>;
    // Small sizes: one list per granule in first level 0.
    assert_eq!(T::index(MIN_BLOCK), MIN_BLOCK / GRAN);
    assert_eq!(T::index(T::SMALL - GRAN), 7);
    // First large class starts exactly at SMALL.
    assert_eq!(T::index(T::SMALL), 8);
    assert_eq!(T::index(2 * T::SMALL - GRAN), 15);
    assert_eq!(T::index(2 * T::SMALL), 16);
    // Above fl 1 a class spans more than one granule, and rounding moves on.
    assert_eq!(T::index(2 * T::SMALL + GRAN), 16);
    let up = |size| T::search_index(size);
    assert_eq!(up(2 * T::SMALL + GRAN), 17);
    assert_eq!(up(2 * T::SMALL), 16);
    assert_eq!(up(T::SMALL), 8);
    assert_eq!(up(T::SMALL - GRAN), 7);
    assert_eq!(up(MIN_BLOCK), MIN_BLOCK / GRAN);
}

#[test]
fn control_block_size() {
    // List heads (the slots of lists 0 and 1, which never hold a block, keep
    // the chunk list and a spilled bitmap word) and the bitmap: `sl` bits a
    // row, at least a byte, padded to a word.
    let expect = |fl: usize, sl: usize| fl * sl * W + (fl * sl.div_ceil(8)).next_multiple_of(W);
    assert_eq!(Tlsf::<12, 8>::CONTROL_BLOCK_BYTES, expect(12, 8));
    assert_eq!(Tlsf::<8, 4>::CONTROL_BLOCK_BYTES, expect(8, 4));
    assert_eq!(Tlsf::<10, 8>::CONTROL_BLOCK_BYTES, expect(10, 8));
    assert_eq!(Tlsf::<14, 16>::CONTROL_BLOCK_BYTES, expect(14, 16));
    assert_eq!(Tlsf::<7, 32>::CONTROL_BLOCK_BYTES, expect(7, 32));
    assert_eq!(Tlsf::<5, 2>::CONTROL_BLOCK_BYTES, expect(5, 2));
    if W == 4 {
        // The figures of the crate documentation and the README.
        assert_eq!(Tlsf::<8, 4>::CONTROL_BLOCK_BYTES, 136);
        assert_eq!(Tlsf::<10, 8>::CONTROL_BLOCK_BYTES, 332);
        assert_eq!(Tlsf::<12, 8>::CONTROL_BLOCK_BYTES, 396);
        assert_eq!(Tlsf::<14, 16>::CONTROL_BLOCK_BYTES, 924);
    }
    // The bitmap array ends in a partial word, so its last word is kept in
    // the slot of list 1, only when its length is not a multiple of 4.
    const {
        assert!(!Tlsf::<12, 8>::SPILL);
        assert!(!Tlsf::<8, 4>::SPILL);
        assert!(!Tlsf::<14, 16>::SPILL);
        assert!(Tlsf::<10, 8>::SPILL);
        assert!(Tlsf::<9, 16>::SPILL);
    }
    // Only the first words of the bitmap array are used.
    assert_eq!(Tlsf::<12, 8>::WORDS, 3);
    assert_eq!(Tlsf::<14, 16>::WORDS, 7);
    assert_eq!(Tlsf::<8, 32>::WORDS, 8);
    assert_eq!(Tlsf::<5, 2>::WORDS, 1);
}

#[test]
fn tiny_and_misaligned_regions() {
    for offset in 0..GRAN {
        // The smallest usable region depends on the start's alignment.
        let lead = W.wrapping_sub(offset) & (GRAN - 1);
        let min = lead + MIN_BLOCK + GRAN;
        let r = Region::new(min - 1, offset);
        let mut t = Tlsf::<12, 8>::new();
        // SAFETY: `r` outlives `t`.
        let res = unsafe { t.extend_raw(r.slice()) };
        assert_eq!(res, Err(RegionTooSmall { len: min - 1 }));
        assert_eq!(report(&t).chunks, 0);
        assert!(t.allocate(lay(1, 1)).is_none());

        let r = Region::new(min, offset);
        let mut t = pool::<12, 8>(&r);
        assert_eq!(t.stats().free_bytes, MIN_BLOCK);
        let p = t.allocate(lay(MIN_BLOCK - W, 1)).unwrap();
        assert!(r.contains(p.as_ptr(), MIN_BLOCK - W));
        assert_eq!(p.as_ptr().addr() % GRAN, 0);
        assert!(t.allocate(lay(1, 1)).is_none());
        // SAFETY: `p` is in use.
        unsafe { t.deallocate(p, lay(MIN_BLOCK - W, 1)) };
        assert_eq!(report(&t).free_blocks, 1);
    }
    // The empty region is refused too.
    let mut t = Tlsf::new();
    assert!(t.extend(&mut []).is_err());
}

#[test]
fn zero_size_and_oversized_requests_give_none() {
    let r = Region::new(4096, 0);
    let mut t = pool::<12, 8>(&r);
    assert!(t.allocate(lay(0, 1)).is_none());
    assert!(t.allocate(lay(0, 4096)).is_none());
    assert!(t.allocate(lay(4096, 1)).is_none()); // bigger than the region
    assert!(
        t.allocate(lay(Tlsf::<12, 8>::MAX_ALLOCATION + 1, 1))
            .is_none()
    );
    assert!(t.allocate(lay(isize::MAX as usize - 4096, 1)).is_none());
    assert!(t.allocate(lay(8, 1 << (usize::BITS - 2))).is_none());
    assert!(t.allocate(lay(1, 1 << 20)).is_none());
    assert_eq!(report(&t).used_blocks, 0);
}

#[test]
fn split_and_coalesce_in_every_order() {
    let orders: [[usize; 3]; 6] = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    for order in orders {
        let r = Region::new(2048, 0);
        let mut t = pool::<12, 8>(&r);
        let total = t.stats().free_bytes;
        let l = lay(100, 8);
        let ps: Vec<_> = (0..3).map(|_| t.allocate(l).unwrap()).collect();
        // A, B, C adjacent, and the rest free.
        assert_eq!(
            ps[1].as_ptr().addr() - ps[0].as_ptr().addr(),
            (100 + W).next_multiple_of(GRAN)
        );
        assert_eq!(report(&t).free_blocks, 1);
        for (k, &i) in order.iter().enumerate() {
            // SAFETY: each block is in use and freed once.
            unsafe { t.deallocate(ps[i], l) };
            let rep = report(&t);
            assert_eq!(rep.used_blocks, 2 - k);
            assert!(rep.free_blocks <= 2);
        }
        let rep = report(&t);
        assert_eq!((rep.free_blocks, rep.free_bytes), (1, total));
    }
}

#[test]
fn block_sizes_round_to_granules_with_one_header_word() {
    let r = Region::new(4096, 0);
    let mut t = pool::<12, 8>(&r);
    for size in 1..=200 {
        let p = t.allocate(lay(size, 1)).unwrap();
        // SAFETY: `p` is in use.
        let usable = unsafe { t.usable_size(p) };
        let block = (size + W).next_multiple_of(GRAN).max(MIN_BLOCK);
        assert_eq!(usable, block - W, "size {size}");
        assert_eq!(t.stats().used_bytes, block);
        // SAFETY: `p` is in use.
        unsafe { t.deallocate(p, lay(size, 1)) };
    }
}

#[test]
fn every_alignment_up_to_4k() {
    let r = Region::new(64 * 1024, 3);
    let mut t = pool::<12, 8>(&r);
    let mut live = Vec::new();
    for shift in 0..=12 {
        for size in [1, 7, 24, 100, 1000] {
            let l = lay(size, 1 << shift);
            let p = t.allocate(l).unwrap();
            assert_eq!(p.as_ptr().addr() % (1 << shift), 0);
            assert!(r.contains(p.as_ptr(), size));
            live.push((p, l));
            report(&t);
        }
    }
    for (p, l) in live {
        // SAFETY: each block is in use and freed once.
        unsafe { t.deallocate(p, l) };
    }
    let rep = report(&t);
    assert_eq!((rep.free_blocks, rep.used_blocks), (1, 0));
}

#[test]
fn alignment_padding_stays_inside_the_block() {
    let r = Region::new(8192, 0);
    let mut t = pool::<12, 8>(&r);
    let a = t.allocate(lay(8, 8)).unwrap(); // moves the free space off 256-alignment
    let b = t.allocate(lay(64, 256)).unwrap();
    assert_eq!(b.as_ptr().addr() % 256, 0);
    let rep = report(&t);
    assert_eq!(
        (rep.used_blocks, rep.free_blocks),
        (2, 1),
        "no free block in front of b"
    );
    // SAFETY: `b` is in use.
    unsafe {
        // The usable size does not count the padding …
        let (blk, h, pad) = Tlsf::<12, 8>::block_of(b);
        assert!(pad > 0 && pad <= 256 - GRAN);
        assert_eq!(blk, a.as_ptr().add(t.usable_size(a)));
        assert_eq!(t.usable_size(b), (h & !FLAGS) - W - pad);
        assert!(t.usable_size(b) >= 64);
        // … and growing and shrinking keep it.
        assert!(t.grow_in_place(b, lay(64, 256), 1000));
        assert!(t.usable_size(b) >= 1000);
        t.shrink_in_place(b, lay(1000, 256), 10);
        assert_eq!(Tlsf::<12, 8>::block_of(b).2, pad);
        assert!(t.usable_size(b) >= 10 && t.usable_size(b) < 64);
        report(&t);
    }
    // SAFETY: both are in use and freed once.
    unsafe {
        t.deallocate(b, lay(10, 256));
        t.deallocate(a, lay(8, 8));
    }
    assert_eq!(report(&t).free_blocks, 1);
}

#[test]
fn exhaustion_then_full_recovery() {
    for offset in [0, 1, 5] {
        let r = Region::new(10_000, offset);
        let mut t = pool::<8, 4>(&r);
        let total = t.stats().free_bytes;
        let mut live = Vec::new();
        let mut size = 1;
        while let Some(p) = t.allocate(lay(size, 4)) {
            live.push((p, lay(size, 4)));
            size = size % 97 + 1;
        }
        // The failed request was larger than any the pool guarantees.
        assert!(t.guaranteed_allocation() < size);
        // Free every other block, then the rest.
        for (p, l) in live.iter().step_by(2) {
            // SAFETY: in use, freed once.
            unsafe { t.deallocate(*p, *l) };
        }
        report(&t);
        for (p, l) in live.iter().skip(1).step_by(2) {
            // SAFETY: in use, freed once.
            unsafe { t.deallocate(*p, *l) };
        }
        let rep = report(&t);
        assert_eq!(
            (rep.free_blocks, rep.free_bytes, rep.used_blocks),
            (rep.chunks, total, 0)
        );
    }
}

#[test]
fn last_resort_uses_a_block_of_the_requests_own_class() {
    let r = Region::new(4096, 0);
    let mut t = pool::<12, 8>(&r);
    // Leave exactly one free block, of 1088 bytes: size class [1024, 1152).
    let big = t.allocate(lay(1088 - W, 8)).unwrap();
    let rest = t.stats().free_bytes;
    let filler = t.allocate(lay(rest - W, 8)).unwrap();
    assert_eq!(t.stats().free_bytes, 0);
    // SAFETY: in use, freed once.
    unsafe { t.deallocate(big, lay(1088 - W, 8)) };
    // A request for a 1040-byte block rounds up to class [1152, 1280), which
    // is empty, but the head of its own class fits.
    let (exact, up) = (
        Tlsf::<12, 8>::index(1040),
        Tlsf::<12, 8>::search_index(1040),
    );
    assert_eq!(up, exact + 1);
    assert!(t.find(up).is_none());
    let p = t.allocate(lay(1040 - W, 8)).unwrap();
    assert_eq!(p, big);
    // One granule more does not fit.
    // SAFETY: in use, freed once.
    unsafe {
        t.deallocate(p, lay(1040 - W, 8));
        assert!(t.allocate(lay(1088 - W + 1, 8)).is_none());
        t.deallocate(filler, lay(rest - W, 8));
    }
    assert_eq!(report(&t).free_blocks, 1);
}

#[test]
fn grow_in_place_takes_from_a_free_successor_only() {
    let r = Region::new(4096, 0);
    let mut t = pool::<12, 8>(&r);
    let l = lay(32, 8);
    let a = t.allocate(l).unwrap();
    let b = t.allocate(l).unwrap();
    // SAFETY: blocks in use with the layouts given.
    unsafe {
        // The successor of `a` is in use.
        assert!(!t.grow_in_place(a, l, 100));
        assert!(t.grow_in_place(a, l, 32)); // no-op
        // `b` grows into the free tail, splitting it.
        assert!(t.grow_in_place(b, l, 1000));
        assert!(t.usable_size(b) >= 1000);
        assert_eq!(report(&t).free_blocks, 1);
        // … and then takes all of it when the rest would be too small.
        let free = t.stats().free_bytes;
        let usable = t.usable_size(b);
        assert!(t.grow_in_place(b, lay(1000, 8), usable + free - MIN_BLOCK + 1));
        assert_eq!(t.stats().free_bytes, 0);
        assert!(!t.grow_in_place(b, lay(1000, 8), t.usable_size(b) + 1));
        t.deallocate(a, l);
        t.deallocate(b, lay(1000, 8));
    }
    assert_eq!(report(&t).free_blocks, 1);
}

#[test]
fn shrink_in_place_releases_what_it_can() {
    let r = Region::new(4096, 0);
    let mut t = pool::<12, 8>(&r);
    let l = lay(500, 8);
    let a = t.allocate(l).unwrap();
    let b = t.allocate(l).unwrap();
    let free0 = t.stats().free_bytes;
    // SAFETY: blocks in use with the layouts given.
    unsafe {
        // Successor in use, tail too small: nothing changes.
        let ua = t.usable_size(a);
        t.shrink_in_place(a, l, ua - GRAN);
        assert_eq!(t.usable_size(a), ua);
        // Successor in use, tail big enough: a new free block.
        t.shrink_in_place(a, l, 100);
        assert_eq!(t.usable_size(a), (100 + W).next_multiple_of(GRAN) - W);
        assert_eq!(report(&t).free_blocks, 2);
        // Successor free: even one granule merges into it.
        let ub = t.usable_size(b);
        t.shrink_in_place(b, l, ub - GRAN);
        assert_eq!(t.usable_size(b), ub - GRAN);
        assert_eq!(t.stats().free_bytes, free0 + (ua - t.usable_size(a)) + GRAN);
        // Shrinking to zero keeps a minimum block.
        t.shrink_in_place(b, lay(ub - GRAN, 8), 0);
        assert_eq!(t.usable_size(b), MIN_BLOCK - W);
        assert_eq!(report(&t).free_blocks, 2);
        t.deallocate(a, lay(100, 8));
        t.deallocate(b, lay(0, 8));
    }
    assert_eq!(report(&t).free_blocks, 1);
}

#[test]
fn blocks_larger_than_the_largest_request_resize_correctly() {
    // A request of MAX_ALLOCATION takes a whole chunk (the rest is too small
    // to split off), so the block holds more than any request could ask for.
    type T = Tlsf<5, 2>;
    // One chunk of MAX_SEARCH + GRAN bytes: header word lead, the chunk, the
    // sentinel.
    let r = Region::new(W + T::MAX_SEARCH + GRAN + GRAN, 0);
    let mut t = pool::<5, 2>(&r);
    let l = lay(T::MAX_ALLOCATION, 8);
    let p = t.allocate(l).unwrap();
    // SAFETY: `p` is in use with the layouts given.
    unsafe {
        let usable = t.usable_size(p);
        assert!(usable > T::MAX_ALLOCATION);
        // Growing within the block succeeds …
        assert!(t.grow_in_place(p, l, usable));
        assert!(!t.grow_in_place(p, lay(usable, 8), usable + 1));
        assert!(!t.grow_in_place(p, lay(usable, 8), usize::MAX));
        // … and shrinking to a size above MAX_ALLOCATION keeps that size.
        t.shrink_in_place(p, lay(usable, 8), usable - GRAN);
        assert!(t.usable_size(p) >= usable - GRAN);
        t.deallocate(p, lay(usable - GRAN, 8));
    }
    assert_eq!(report(&t).free_blocks, 1);
}

#[test]
fn reallocate_moves_only_when_it_must() {
    let r = Region::new(4096, 0);
    let mut t = pool::<12, 8>(&r);
    let l = lay(64, 8);
    let a = t.allocate(l).unwrap();
    // SAFETY: blocks in use with the layouts given; only returned pointers are
    // used afterwards.
    unsafe {
        a.as_ptr().write_bytes(0xA5, 64);
        // Grows in place into the free tail.
        let a2 = t.reallocate(a, l, lay(256, 8)).unwrap();
        assert_eq!(a2, a);
        let blocker = t.allocate(lay(8, 8)).unwrap();
        // Must move now: the successor is in use.
        let a3 = t.reallocate(a2, lay(256, 8), lay(512, 8)).unwrap();
        assert_ne!(a3, a2);
        assert!(
            core::slice::from_raw_parts(a3.as_ptr(), 64)
                .iter()
                .all(|&x| x == 0xA5)
        );
        // Shrinks in place.
        let a4 = t.reallocate(a3, lay(512, 8), lay(16, 8)).unwrap();
        assert_eq!(a4, a3);
        // A stricter alignment the block does not meet forces a move.
        let align = if a4.as_ptr().addr().is_multiple_of(1024) {
            2048
        } else {
            1024
        };
        let a5 = t.reallocate(a4, lay(16, 8), lay(16, align)).unwrap();
        assert_eq!(a5.as_ptr().addr() % align, 0);
        assert!(
            core::slice::from_raw_parts(a5.as_ptr(), 16)
                .iter()
                .all(|&x| x == 0xA5)
        );
        // Zero size and impossible sizes fail and leave the block alone.
        assert!(t.reallocate(a5, lay(16, align), lay(0, 8)).is_none());
        assert!(t.reallocate(a5, lay(16, align), lay(100_000, 8)).is_none());
        assert!(
            core::slice::from_raw_parts(a5.as_ptr(), 16)
                .iter()
                .all(|&x| x == 0xA5)
        );
        t.deallocate(a5, lay(16, align));
        t.deallocate(blocker, lay(8, 8));
    }
    assert_eq!(report(&t).free_blocks, 1);
}

#[test]
fn large_regions_are_cut_into_chunks() {
    type T = Tlsf<5, 2>;
    let max = T::MAX_BLOCK_SIZE;
    let r = Region::new(3 * max + 200, 1);
    let mut t = pool::<5, 2>(&r);
    let rep = report(&t);
    assert_eq!(rep.chunks, 4);
    assert_eq!(rep.free_blocks, 4);
    // Three blocks of this size fit in one chunk, and none spans two.
    let size = ((max / 3) & !(GRAN - 1)) - W;
    let need = size + W;
    let last_chunk = rep.free_bytes - 3 * max;
    let mut live = Vec::new();
    while let Some(p) = t.allocate(lay(size, 8)) {
        live.push(p);
    }
    assert_eq!(live.len(), 9 + last_chunk / need);
    assert!(t.allocate(lay(T::MAX_ALLOCATION, 8)).is_none());
    for p in live {
        // SAFETY: in use, freed once.
        unsafe { t.deallocate(p, lay(size, 8)) };
    }
    let rep = report(&t);
    assert_eq!((rep.chunks, rep.free_blocks), (4, 4));
    let p = t.allocate(lay(T::MAX_ALLOCATION, 8)).unwrap();
    assert!(r.contains(p.as_ptr(), T::MAX_ALLOCATION));
}

#[test]
fn several_regions() {
    let regions: Vec<Region> = (0..4).map(|i| Region::new(300 + 77 * i, i)).collect();
    let mut t = Tlsf::<12, 8>::new();
    for r in &regions {
        // SAFETY: the regions outlive `t` (declared before it).
        unsafe { t.extend_raw(r.slice()) }.unwrap();
    }
    let mut live = Vec::new();
    while let Some(p) = t.allocate(lay(40, 8)) {
        assert!(regions.iter().any(|r| r.contains(p.as_ptr(), 40)));
        live.push(p);
    }
    assert!(live.len() >= 4 * 5);
    for r in &regions {
        assert!(live.iter().any(|p| r.contains(p.as_ptr(), 40)));
    }
    for p in live {
        // SAFETY: in use, freed once.
        unsafe { t.deallocate(p, lay(40, 8)) };
    }
    let rep = report(&t);
    assert_eq!((rep.chunks, rep.free_blocks), (4, 4));
}

#[test]
fn statistics_and_largest_block() {
    let r = Region::new(4096, 0);
    let mut t = pool::<12, 8>(&r);
    let total = t.stats().free_bytes;
    assert_eq!(t.largest_free_block(), total);
    assert!(t.guaranteed_allocation() + W <= total);
    let a = t.allocate(lay(1000, 8)).unwrap();
    let b = t.allocate(lay(10, 8)).unwrap();
    let s = t.stats();
    assert_eq!(s.allocated_blocks, 2);
    // SAFETY: in use.
    let (ua, ub) = unsafe { (t.usable_size(a), t.usable_size(b)) };
    assert_eq!(s.used_bytes, ua + ub + 2 * W);
    assert_eq!(s.free_bytes + s.used_bytes, total);
    // SAFETY: in use, freed once.
    unsafe { t.deallocate(a, lay(1000, 8)) };
    // Two free blocks now: the 1008-byte hole and the tail.
    assert_eq!(t.largest_free_block(), total - ub - W - ua - W);
    let g = t.guaranteed_allocation();
    assert!(t.allocate(lay(g, 8)).is_some());
}

#[test]
fn regions_given_as_static_slices() {
    // The pool lives in a static, as it would on a device, so the leaked
    // regions stay reachable (and Miri does not report them as leaks).
    static POOL: std::sync::Mutex<Tlsf> = std::sync::Mutex::new(Tlsf::new());
    let mut t = POOL.lock().unwrap();
    let buf: &'static mut [u8] = std::boxed::Box::leak(std::vec![0u8; 700].into_boxed_slice());
    t.extend(buf).unwrap();
    let un: &'static mut [MaybeUninit<u8>] =
        std::boxed::Box::leak(std::boxed::Box::new([MaybeUninit::uninit(); 300]));
    t.extend_uninit(un).unwrap();
    assert_eq!(report(&t).chunks, 2);
    let p = t.allocate(lay(600, 8)).unwrap();
    // SAFETY: in use, freed once.
    unsafe { t.deallocate(p, lay(600, 8)) };
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "double free")]
fn double_free_is_caught_in_debug_builds() {
    let r = Region::new(1024, 0);
    let mut t = pool::<12, 8>(&r);
    let a = t.allocate(lay(8, 8)).unwrap();
    let _b = t.allocate(lay(8, 8)).unwrap();
    // SAFETY: deliberately broken (second free); the debug check panics before
    // anything is written.
    unsafe {
        t.deallocate(a, lay(8, 8));
        t.deallocate(a, lay(8, 8));
    }
}

#[test]
fn check_heap_detects_corruption() {
    let r = Region::new(1024, 0);
    let mut t = pool::<12, 8>(&r);
    let a = t.allocate(lay(8, 8)).unwrap();
    // SAFETY: overwrites the header of `a` (a test of the checker); the pool
    // is not used afterwards except by `check_heap`, which only reads.
    unsafe { a.as_ptr().sub(W).cast::<usize>().write(3) };
    assert!(t.check_heap().is_err());
}

#[test]
fn region_error_displays() {
    let e = RegionTooSmall { len: 3 };
    assert_eq!(
        std::format!("{e}"),
        "a region of 3 bytes cannot hold a block"
    );
}

#[test]
fn no_block_below_the_list_tags() {
    type T = Tlsf<12, 8>;
    // Numbers below `LISTS` are list tags; a region may start at `LISTS`.
    assert_eq!(T::LISTS, 96);
    T::check_above_tags(96);
    // An empty region (its address is dangling, 1 here) is refused for its
    // size, not its address.
    let mut t = T::new();
    let empty = NonNull::slice_from_raw_parts(NonNull::<u8>::dangling(), 0);
    assert!(empty.cast::<u8>().as_ptr().addr() < T::LISTS);
    // SAFETY: an empty region: nothing is read or written.
    let res = unsafe { t.extend_raw(empty) };
    assert_eq!(res, Err(RegionTooSmall { len: 0 }));
    // A tag and the head it names.
    let r = Region::new(1024, 0);
    let t = pool::<12, 8>(&r);
    let b = t.chunks();
    let j = T::index(t.stats().free_bytes);
    // SAFETY: `b` is the pool's only block, free, at the head of list `j`.
    unsafe {
        assert_eq!(rdp(b, PREV), T::tag(j));
        assert_eq!(t.heads.as_flattened()[j], b);
    }
}

#[test]
#[should_panic(expected = "lull-tlsf: region starts below address FLLEN * SLLEN")]
fn a_region_below_the_list_tags_panics() {
    Tlsf::<12, 8>::check_above_tags(95);
}
