//! The handle: `get()` in Thread mode and in handlers, lazy initialization,
//! the initializer's memory blocks, and the `Allocator` impl.

use core::alloc::Layout;
use core::ptr::NonNull;
use core::sync::atomic::{AtomicUsize, Ordering};

use lull_alloc::allocator_api2::alloc::Allocator;
use lull_alloc::host::{self, TestHeap};
use lull_alloc::{Box, Heap, ThreadModeAllocator, Vec, allocator, is_thread_mode};
use lull_tlsf::Tlsf;

#[allocator]
static EAGER: TestHeap = TestHeap::new(1024);

static INITS: AtomicUsize = AtomicUsize::new(0);

/// The design's shape: a lazily built TLSF heap over an inner memory block.
#[allocator(lazy)]
static mut LAZY: Tlsf = {
    static mut MEMORY: [u8; 512] = [0; 512];
    INITS.fetch_add(1, Ordering::Relaxed);
    let mut tlsf = Tlsf::new();
    tlsf.extend(MEMORY).unwrap();
    tlsf
};

#[test]
fn get_is_some_in_thread_mode_only() {
    host::thread_mode(|| {
        assert!(is_thread_mode());
        assert!(EAGER::get().is_some());
        for exception in [2, 3, 11, 14, 15, 16, 255, 256, 257, 300, 511] {
            host::in_exception(exception, || {
                assert!(!is_thread_mode(), "exception {exception}");
                assert!(EAGER::get().is_none(), "exception {exception}");
                assert!(LAZY::get().is_none(), "exception {exception}");
            });
        }
        // Nested handlers, and back to Thread mode.
        host::in_exception(15, || {
            host::in_exception(256, || assert!(EAGER::get().is_none()))
        });
        assert!(EAGER::get().is_some());
    });
}

#[test]
fn exception_number_256_is_not_thread_mode() {
    // An 8-bit check would see 256 as 0, i.e. Thread mode.
    host::thread_mode(|| host::in_exception(256, || assert_eq!(EAGER::get().map(|_| ()), None)));
}

#[test]
fn only_one_thread_is_in_thread_mode() {
    host::thread_mode(|| {
        assert!(EAGER::get().is_some());
        let other = std::thread::spawn(|| (is_thread_mode(), EAGER::get().is_some()));
        assert_eq!(other.join().unwrap(), (false, false));
    });
}

#[test]
fn handles_are_zero_sized_copy_and_debug() {
    host::thread_mode(|| {
        let a = EAGER::get().unwrap();
        let b = a;
        assert_eq!(core::mem::size_of_val(&b), 0);
        assert_eq!(format!("{a:?} {:?}", Some(b)), "EAGER Some(EAGER)");
        assert_eq!(format!("{:?}", LAZY::get()), "Some(LAZY)");
    });
}

#[test]
fn lazy_initializer_runs_once_at_the_first_thread_mode_get() {
    host::thread_mode(|| {
        // Other tests may have initialized it already; a handler never does.
        let before = INITS.load(Ordering::Relaxed);
        host::in_exception(14, || assert!(LAZY::get().is_none()));
        assert_eq!(INITS.load(Ordering::Relaxed), before);
        let a = LAZY::get().unwrap();
        let _ = LAZY::get().unwrap();
        assert_eq!(INITS.load(Ordering::Relaxed), 1);
        // The heap runs on the 512-byte inner block.
        let stats = a.statistics();
        assert!(stats.free_bytes + stats.used_bytes > 400);
        assert!(Box::try_new_in([0u8; 600], a).is_err());
        let b = Box::new_in([7u8; 100], a);
        assert_eq!(a.statistics().allocated_blocks, stats.allocated_blocks + 1);
        drop(b);
        assert_eq!(a.statistics(), stats);
    });
}

static REENTRANT_INITS: AtomicUsize = AtomicUsize::new(0);

#[allocator(lazy)]
static REENTRANT: TestHeap = {
    REENTRANT_INITS.fetch_add(1, Ordering::Relaxed);
    let _ = REENTRANT::get();
    TestHeap::new(16)
};

#[test]
fn a_reentrant_initializer_panics_instead_of_running_twice() {
    let first = std::panic::catch_unwind(|| host::thread_mode(|| REENTRANT::get().is_some()));
    let message = *first.unwrap_err().downcast::<&str>().unwrap();
    assert!(message.contains("cannot be initialized twice"), "{message}");
    assert!(std::panic::catch_unwind(|| host::thread_mode(|| REENTRANT::get().is_some())).is_err());
    assert_eq!(REENTRANT_INITS.load(Ordering::Relaxed), 1);
}

/// A const-constructible heap for the eager form with an inner memory block.
/// It keeps a raw pointer: re-borrowing the `&'static mut` for every block
/// would invalidate the blocks handed out before.
struct Bump {
    base: *mut u8,
    len: usize,
    used: usize,
}

impl Bump {
    const fn new(memory: &'static mut [u8]) -> Self {
        Bump {
            len: memory.len(),
            base: memory.as_mut_ptr(),
            used: 0,
        }
    }
}

// SAFETY: blocks are disjoint, aligned parts of the memory block, which the
// heap owns for the rest of the program; nothing calls an allocator.
unsafe impl Heap for Bump {
    type Statistics = usize;
    fn allocate(&mut self, layout: Layout) -> Option<NonNull<u8>> {
        let start = self.used
            + self
                .base
                .wrapping_add(self.used)
                .align_offset(layout.align());
        let end = start.checked_add(layout.size())?;
        if end > self.len {
            return None;
        }
        self.used = end;
        NonNull::new(self.base.wrapping_add(start))
    }
    unsafe fn deallocate(&mut self, _: NonNull<u8>, _: Layout) {}
    fn statistics(&self) -> usize {
        self.used
    }
}

#[allocator]
pub(crate) static BUMP: Bump = {
    static mut ARENA: [u8; 64] = [0; 64];
    Bump::new(ARENA)
};

#[test]
fn eager_initializer_gets_its_memory_block_at_compile_time() {
    host::thread_mode(|| {
        let a = BUMP::get().unwrap();
        let v: Vec<u8, BUMP> = Vec::from_slice_in(&[1; 40], a);
        assert_eq!(a.statistics(), 40);
        assert!(Vec::<u8, BUMP>::try_with_capacity_in(40, a).is_err());
        drop(v);
    });
}

#[test]
fn handles_implement_allocator() {
    host::thread_mode(|| {
        let a = EAGER::get().unwrap();
        let layout = Layout::new::<[u32; 4]>();
        let block = a.allocate(layout).unwrap();
        assert_eq!(block.len(), 16);
        assert_eq!(a.statistics().used, 16);
        // SAFETY: `block` came from `a` with `layout`.
        let grown = unsafe { a.grow(block.cast(), layout, Layout::new::<[u32; 8]>()) }.unwrap();
        // SAFETY: `grown` came from `a` with this layout.
        let shrunk = unsafe {
            a.shrink(
                grown.cast(),
                Layout::new::<[u32; 8]>(),
                Layout::new::<u32>(),
            )
        }
        .unwrap();
        assert_eq!(a.statistics().used, 4);
        // SAFETY: `shrunk` came from `a` with this layout.
        unsafe { a.deallocate(shrunk.cast(), Layout::new::<u32>()) };
        // Zero-sized blocks never reach the heap.
        let empty = a.allocate(Layout::from_size_align(0, 8).unwrap()).unwrap();
        assert_eq!(empty.cast::<u8>().as_ptr() as usize % 8, 0);
        // SAFETY: as above.
        unsafe { a.deallocate(empty.cast(), Layout::from_size_align(0, 8).unwrap()) };
        assert_eq!(a.statistics().used, 0);
        assert!(a.allocate(Layout::new::<[u8; 2048]>()).is_err());
    });
}

#[lull_alloc::oom]
fn oom(layout: Layout) -> ! {
    panic!("hook: {}", layout.size())
}

#[test]
fn oom_attribute_keeps_the_function_callable() {
    let p = std::panic::catch_unwind(|| oom(Layout::new::<u16>())).unwrap_err();
    assert_eq!(p.downcast_ref::<String>().unwrap(), "hook: 2");
}
