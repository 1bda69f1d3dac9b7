//! `lull_pool::Pool` behind the TLSF benchmarks' `System` interface, for
//! `pool--tlsf-random` (included with `#[path]`).
//!
//! The random workload's requests (8..8192 bytes, aligned to 4..64) reach
//! the pool as run-time layouts, so each one walks the classes to find its
//! own: this measures the pool's *general* path, not the compile-time class
//! choice of a task spawn (that is `pool--task-alloc`). Ten power-of-two
//! classes from 16 to 8192 bytes, aligned to their size up to 64, their
//! counts chosen so the blocks fill the same 58 KiB the other allocators
//! get.

use bench_tlsf::systems::System;
use core::alloc::Layout;
use core::mem::MaybeUninit;
use core::ptr::{self, NonNull};
use lull_pool::{Class, Classes, Pool};

pub struct PowersOfTwo;
impl Classes for PowersOfTwo {
    const CLASSES: &'static [Class] = &[
        Class::new(16, 16, 64),
        Class::new(32, 32, 64),
        Class::new(64, 64, 64),
        Class::new(128, 64, 40),
        Class::new(256, 64, 24),
        Class::new(512, 64, 14),
        Class::new(1024, 64, 8),
        Class::new(2048, 64, 4),
        Class::new(4096, 64, 2),
        Class::new(8192, 64, 1),
    ];
}

pub type P = Pool<PowersOfTwo, 10>;

pub struct PoolSystem(P);

impl System for PoolSystem {
    const NAME: &'static str = "pool";

    unsafe fn new(pool: *mut u8, len: usize) -> Self {
        assert!(P::BYTES <= len);
        let mut p = P::new();
        // SAFETY: the memory is valid and the allocator's alone for as long
        // as it lives (caller); the benchmark never ends before the program.
        let region: &'static mut [MaybeUninit<u8>] =
            unsafe { core::slice::from_raw_parts_mut(pool.cast(), len) };
        p.extend(region);
        PoolSystem(p)
    }

    #[inline(never)]
    fn alloc(&mut self, layout: Layout) -> *mut u8 {
        self.0
            .allocate(layout)
            .map_or(ptr::null_mut(), NonNull::as_ptr)
    }

    #[inline(never)]
    unsafe fn dealloc(&mut self, p: *mut u8, layout: Layout) {
        // SAFETY: forwarded caller guarantee (`p` is non-null).
        unsafe { self.0.deallocate(NonNull::new_unchecked(p), layout) }
    }

    fn control_block_bytes() -> usize {
        size_of::<P>()
    }
}
