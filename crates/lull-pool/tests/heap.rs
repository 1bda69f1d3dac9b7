//! The pool as a `lull_alloc::Heap`: behind `#[allocator]`, with a TLSF
//! fallback, and behind the executor (a full class is `try_spawn`'s error).

use core::alloc::Layout;
use core::mem::MaybeUninit;

use lull_alloc::{Box, ThreadModeAllocator, Vec, allocator};
use lull_executor::{SpawnErrorKind, executor};
use lull_pool::{Class, Classes, Pool};
use lull_tlsf::Tlsf;

struct Small;
impl Classes for Small {
    const CLASSES: &'static [Class] = &[Class::new(16, 8, 2), Class::new(64, 8, 2)];
}

/// Memory for a test, handed out once (statics are not leaks for Miri).
macro_rules! memory {
    ($n:expr) => {{
        static mut M: [MaybeUninit<u8>; $n] = [MaybeUninit::uninit(); $n];
        // SAFETY: each expansion is its own static, reached only here, once.
        unsafe { &mut *(&raw mut M) }
    }};
}

#[allocator]
static WithTlsf: Pool<Small, 2, Tlsf> = Pool::with_fallback(Tlsf::new());

#[test]
fn fallback_serves_what_no_class_fits_and_takes_the_rest_of_the_memory() {
    lull_alloc::host::thread_mode(|| {
        let a = WithTlsf::get().unwrap();
        a.add_memory(memory!(1024)).unwrap();
        let s = a.statistics();
        assert_eq!((s.classes[0].blocks, s.classes[1].blocks), (2, 2));
        let tlsf_free = s.fallback.free_bytes;
        assert!(
            tlsf_free > 1024 - Pool::<Small, 2, Tlsf>::BYTES - 64,
            "{tlsf_free}"
        );

        // 200 bytes: no class, so the TLSF.
        let big = Box::new_in([7u8; 200], a);
        assert_eq!(a.statistics().fallback.allocated_blocks, 1);
        assert_eq!(a.statistics().used_blocks(), 0);
        // 4 bytes: class 0.
        let small = Box::new_in(1u32, a);
        assert_eq!(a.statistics().classes[0].used, 1);
        drop((big, small));
        let s = a.statistics();
        assert_eq!((s.used_blocks(), s.fallback.allocated_blocks), (0, 0));
        assert_eq!(s.fallback.free_bytes, tlsf_free);
    });
}

#[test]
fn growing_within_a_class_keeps_the_block_and_moves_across_classes() {
    lull_alloc::host::thread_mode(|| {
        let a = WithTlsf::get().unwrap();
        if a.statistics().classes[0].blocks == 0 {
            a.add_memory(memory!(1024)).unwrap();
        }
        let mut v: Vec<u8, A2> = Vec::new_in(A2(a));
        v.push(1);
        let first = v.as_ptr();
        v.extend_from_slice(&[2; 7]); // 8 bytes: still class 0
        assert_eq!(v.as_ptr(), first);
        v.extend_from_slice(&[3; 40]); // 48: class 1, moved and kept
        assert_ne!(v.as_ptr(), first);
        assert_eq!(&v[..9], &[1, 2, 2, 2, 2, 2, 2, 2, 3]);
        assert_eq!(a.statistics().classes[0].used, 0);
        assert_eq!(a.statistics().classes[1].used, 1);
        v.extend_from_slice(&[4; 100]); // no class: the TLSF
        assert_eq!(a.statistics().classes[1].used, 0);
        assert_eq!(v.iter().filter(|&&b| b == 4).count(), 100);
    });
}

/// The Vec's growth policy doubles; this allocator forwards to `WithTlsf`
/// with exact-size requests so the classes above are hit as described.
#[derive(Clone, Copy)]
struct A2(WithTlsf);
// SAFETY: forwards every call to a correct allocator unchanged.
unsafe impl lull_alloc::allocator_api2::alloc::Allocator for A2 {
    fn allocate(
        &self,
        layout: Layout,
    ) -> Result<core::ptr::NonNull<[u8]>, lull_alloc::allocator_api2::alloc::AllocError> {
        self.0.allocate(layout)
    }
    unsafe fn deallocate(&self, ptr: core::ptr::NonNull<u8>, layout: Layout) {
        // SAFETY: forwarded.
        unsafe { self.0.deallocate(ptr, layout) }
    }
    unsafe fn grow(
        &self,
        ptr: core::ptr::NonNull<u8>,
        old: Layout,
        new: Layout,
    ) -> Result<core::ptr::NonNull<[u8]>, lull_alloc::allocator_api2::alloc::AllocError> {
        // SAFETY: forwarded.
        unsafe { self.0.grow(ptr, old, new) }
    }
}

struct Tasks;
impl Classes for Tasks {
    const CLASSES: &'static [Class] = &[Class::new(64, 8, 2)];
}

#[allocator]
static ForTasks: Pool<Tasks, 1> = Pool::new();
executor!(name = X, allocator = ForTasks);

#[test]
fn a_full_class_is_try_spawns_out_of_memory_error() {
    lull_alloc::host::thread_mode(|| {
        let (x, a) = X::get().unwrap();
        a.add_memory(memory!(256)).unwrap();
        let one = x.spawn(async { 1 });
        let two = x.spawn(async { 2 });
        assert_eq!(a.statistics().classes[0].used, 2);
        let err = x.try_spawn(async { 3 }).unwrap_err();
        assert!(matches!(err.kind(), SpawnErrorKind::OutOfMemory(_)));
        assert_eq!(a.statistics().failures, 1);
        // A task larger than every class fails too (no fallback).
        let big = [0u8; 100];
        let err = x.try_spawn(async move { big.len() }).unwrap_err();
        assert!(matches!(err.kind(), SpawnErrorKind::OutOfMemory(l) if l.size() > 100));
        assert_eq!(a.statistics().failures, 2);
        let sum = x.block_on(async { one.await + two.await });
        assert_eq!(sum, 3);
        assert_eq!(a.statistics().used_blocks(), 0);
        // Room again.
        assert_eq!(x.block_on(x.spawn(async { 4 })), 4);
    });
}
