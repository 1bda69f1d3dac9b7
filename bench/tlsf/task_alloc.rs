//! The `task-alloc` workload: allocate and free blocks whose layout is a
//! constant at the call site, as a task spawn does (`size_of` of the task is
//! known inside `spawn`), on each allocator (included with `#[path]` by the
//! `<system>--task-alloc` binaries).
//!
//! Four kinds of block, the task sizes of the `pool_stress` and
//! `pool_tasks` examples: 36, 100 and 120 bytes aligned to 4, 264 aligned to
//! 8. 20,000 operations from a seeded xorshift32: allocate a block of a
//! random kind (55 %) while fewer than four of that kind are live, else free
//! a random live block. Every allocator gets the same 4 KiB region (the
//! pool's classes of four blocks each take 2,092 bytes of it), so no request
//! fails.
//!
//! Each operation is one call of `#[inline(never)]` `alloc_kind` /
//! `dealloc_kind` for every allocator: inside it a `match` on the kind
//! picks a constant layout and the allocator's own `allocate` /
//! `deallocate` is inlined where it allows, so its constant parts can fold
//! (for the pool: the class). Markers `=alloc` / `=dealloc` and `/workload`
//! bracket the call.

// Each binary includes this file and runs one of the systems.
#![allow(dead_code)]

use bench_marker::{done, mark, metric};
use core::alloc::Layout;
use core::mem::MaybeUninit;
use core::ptr::{self, NonNull};

/// The four kinds.
const KINDS: [Layout; 4] = [
    Layout::new::<[u32; 9]>(),
    Layout::new::<[u32; 25]>(),
    Layout::new::<[u32; 30]>(),
    Layout::new::<[u64; 33]>(),
];
/// Live blocks per kind at most.
const PER_KIND: usize = 4;
const OPS: usize = 20_000;
const REGION: usize = 4096;

#[repr(C, align(8))]
struct Region([MaybeUninit<u8>; REGION]);
static mut MEMORY: Region = Region([MaybeUninit::uninit(); REGION]);

/// An allocator whose `alloc` / `dealloc` are inlined into the caller.
pub trait Direct: Sized {
    /// An allocator over `len` bytes at `mem`.
    ///
    /// # Safety
    /// The memory is valid, the allocator's alone, and outlives it.
    unsafe fn new(mem: *mut u8, len: usize) -> Self;
    /// Null when there is no room.
    fn alloc(&mut self, layout: Layout) -> *mut u8;
    /// # Safety
    /// `p` came from `alloc(layout)` of this value and is freed once.
    unsafe fn dealloc(&mut self, p: *mut u8, layout: Layout);
    /// Its struct (plus any table it keeps in the region).
    fn control_block_bytes() -> usize;
}

#[inline(never)]
fn alloc_kind<S: Direct>(s: &mut S, kind: usize) -> *mut u8 {
    match kind {
        0 => s.alloc(KINDS[0]),
        1 => s.alloc(KINDS[1]),
        2 => s.alloc(KINDS[2]),
        _ => s.alloc(KINDS[3]),
    }
}

/// # Safety
/// `p` is a live block of `s` of this kind.
#[inline(never)]
unsafe fn dealloc_kind<S: Direct>(s: &mut S, p: *mut u8, kind: usize) {
    // SAFETY: forwarded caller guarantee.
    unsafe {
        match kind {
            0 => s.dealloc(p, KINDS[0]),
            1 => s.dealloc(p, KINDS[1]),
            2 => s.dealloc(p, KINDS[2]),
            _ => s.dealloc(p, KINDS[3]),
        }
    }
}

fn xorshift(s: &mut u32) -> u32 {
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    *s
}

/// Runs the workload on `S` and ends the program.
pub fn run<S: Direct>() -> ! {
    // SAFETY: `MEMORY` is used by this one allocator only.
    let mut s = unsafe { S::new((&raw mut MEMORY).cast(), REGION) };
    let mut live = [[ptr::null_mut::<u8>(); PER_KIND]; 4];
    let mut count = [0usize; 4];
    let mut rng = 0x9E37_79B9u32;
    for _ in 0..OPS {
        let r = xorshift(&mut rng);
        let kind = (r % 4) as usize;
        let total: usize = count.iter().sum();
        if total == 0 || (count[kind] < PER_KIND && (r >> 8) % 100 < 55) {
            mark!(0, "=alloc");
            let p = alloc_kind(&mut s, kind);
            mark!(1, "/workload");
            assert!(!p.is_null() && p.addr() % KINDS[kind].align() == 0);
            live[kind][count[kind]] = p;
            count[kind] += 1;
        } else {
            // The `pick`-th live block over all kinds.
            let mut pick = (r >> 16) as usize % total;
            let mut k = 0;
            while pick >= count[k] {
                pick -= count[k];
                k += 1;
            }
            let p = live[k][pick];
            count[k] -= 1;
            live[k][pick] = live[k][count[k]];
            mark!(2, "=dealloc");
            // SAFETY: `p` is a live block of kind `k`, freed once.
            unsafe { dealloc_kind(&mut s, p, k) };
            mark!(3, "/workload");
        }
    }
    metric("control-block-bytes", S::control_block_bytes() as u32);
    done()
}

/// `lull_pool::Pool`: one class per kind, four blocks each.
pub mod pool {
    use super::*;
    use lull_pool::{Class, Classes, Pool};

    pub struct Kinds;
    impl Classes for Kinds {
        const CLASSES: &'static [Class] = &[
            Class::new(36, 4, PER_KIND),
            Class::new(100, 4, PER_KIND),
            Class::new(120, 4, PER_KIND),
            Class::new(264, 8, PER_KIND),
        ];
    }

    pub struct System(Pool<Kinds, 4>);

    impl Direct for System {
        unsafe fn new(mem: *mut u8, len: usize) -> Self {
            let mut p = Pool::new();
            // SAFETY: forwarded caller guarantee; the program never ends
            // before the allocator.
            p.extend(unsafe { core::slice::from_raw_parts_mut(mem.cast(), len) });
            System(p)
        }
        #[inline(always)]
        fn alloc(&mut self, layout: Layout) -> *mut u8 {
            self.0
                .allocate(layout)
                .map_or(ptr::null_mut(), NonNull::as_ptr)
        }
        #[inline(always)]
        unsafe fn dealloc(&mut self, p: *mut u8, layout: Layout) {
            // SAFETY: forwarded caller guarantee.
            unsafe { self.0.deallocate(NonNull::new_unchecked(p), layout) }
        }
        fn control_block_bytes() -> usize {
            size_of::<Pool<Kinds, 4>>()
        }
    }
}

/// `lull_tlsf::Tlsf` (default configuration).
pub mod lull {
    use super::*;

    pub struct System(lull_tlsf::Tlsf);

    impl Direct for System {
        unsafe fn new(mem: *mut u8, len: usize) -> Self {
            let mut t = lull_tlsf::Tlsf::new();
            let region = NonNull::slice_from_raw_parts(NonNull::new(mem).unwrap(), len);
            // SAFETY: forwarded caller guarantee.
            unsafe { t.extend_raw(region) }.unwrap();
            System(t)
        }
        #[inline(always)]
        fn alloc(&mut self, layout: Layout) -> *mut u8 {
            self.0
                .allocate(layout)
                .map_or(ptr::null_mut(), NonNull::as_ptr)
        }
        #[inline(always)]
        unsafe fn dealloc(&mut self, p: *mut u8, layout: Layout) {
            // SAFETY: forwarded caller guarantee.
            unsafe { self.0.deallocate(NonNull::new_unchecked(p), layout) }
        }
        fn control_block_bytes() -> usize {
            size_of::<lull_tlsf::Tlsf>()
        }
    }
}

/// rlsf 0.2, the configuration of the TLSF benchmarks.
pub mod rlsf {
    use super::*;
    use bench_tlsf::systems::RlsfTlsf;

    pub struct System(RlsfTlsf);

    impl Direct for System {
        unsafe fn new(mem: *mut u8, len: usize) -> Self {
            let mut t = RlsfTlsf::new();
            let region = NonNull::slice_from_raw_parts(NonNull::new(mem).unwrap(), len);
            // SAFETY: forwarded caller guarantee.
            assert!(unsafe { t.insert_free_block_ptr(region) }.is_some());
            System(t)
        }
        #[inline(always)]
        fn alloc(&mut self, layout: Layout) -> *mut u8 {
            self.0
                .allocate(layout)
                .map_or(ptr::null_mut(), NonNull::as_ptr)
        }
        #[inline(always)]
        unsafe fn dealloc(&mut self, p: *mut u8, layout: Layout) {
            // SAFETY: forwarded caller guarantee.
            unsafe { self.0.deallocate(NonNull::new_unchecked(p), layout.align()) }
        }
        fn control_block_bytes() -> usize {
            size_of::<RlsfTlsf>()
        }
    }
}

/// talc 5, the configuration of the TLSF benchmarks.
pub mod talc {
    use super::*;
    use bench_tlsf::systems::TalcBase;

    pub struct System(TalcBase);

    impl Direct for System {
        unsafe fn new(mem: *mut u8, len: usize) -> Self {
            let mut t = TalcBase::new(::talc::source::Manual);
            // SAFETY: forwarded caller guarantee.
            assert!(unsafe { t.claim(mem, len) }.is_some());
            System(t)
        }
        #[inline(always)]
        fn alloc(&mut self, layout: Layout) -> *mut u8 {
            // SAFETY: no request is zero bytes.
            unsafe { self.0.allocate(layout) }.map_or(ptr::null_mut(), NonNull::as_ptr)
        }
        #[inline(always)]
        unsafe fn dealloc(&mut self, p: *mut u8, layout: Layout) {
            // SAFETY: forwarded caller guarantee.
            unsafe { self.0.deallocate(p, layout) }
        }
        fn control_block_bytes() -> usize {
            use ::talc::base::binning::Binning;
            size_of::<TalcBase>()
                + ::talc::DefaultBinning::BIN_COUNT as usize * size_of::<*mut u8>()
        }
    }
}
