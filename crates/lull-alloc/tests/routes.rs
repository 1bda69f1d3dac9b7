//! Routes to the heap that are not type errors but must still never hand out
//! a handle to an uninitialized or already borrowed heap: lazy initializers
//! that reach other allocators, that fail, or that are caught unwinding; and
//! `pub` allocators used from other modules. Run under Miri by the suite.

use core::sync::atomic::{AtomicUsize, Ordering};
use std::panic::catch_unwind;

use lull_alloc::host::{self, TestHeap};
use lull_alloc::{Box, ThreadModeAllocator, Vec, allocator};

mod support;

use support::panic_message;

// --- a lazy initializer that uses another lazy allocator -------------------

static INNER_INITS: AtomicUsize = AtomicUsize::new(0);

#[allocator(lazy)]
static INNER: TestHeap = {
    INNER_INITS.fetch_add(1, Ordering::Relaxed);
    TestHeap::new(256)
};

#[allocator(lazy)]
static OUTER: TestHeap = {
    // Initializes `INNER`, allocates from it and frees again: `INNER`'s heap
    // is not borrowed while `OUTER`'s initializer runs.
    let inner = INNER::get().expect("Thread mode");
    let v: Vec<u32, INNER> = Vec::from_slice_in(&[1, 2, 3], inner);
    assert_eq!(v.iter().sum::<u32>(), 6);
    TestHeap::new(64)
};

#[test]
fn a_lazy_initializer_may_use_another_lazy_allocator() {
    host::thread_mode(|| {
        let outer = OUTER::get().unwrap();
        let inner = INNER::get().unwrap();
        assert_eq!(INNER_INITS.load(Ordering::Relaxed), 1);
        assert_eq!(inner.statistics().used, 0);
        let b = Box::new_in(5u64, outer);
        assert_eq!((*b, outer.statistics().used), (5, 8));
    });
}

// --- a cycle of lazy initializers ------------------------------------------

#[allocator(lazy)]
static PING: TestHeap = {
    let _ = PONG::get();
    TestHeap::new(16)
};

#[allocator(lazy)]
static PONG: TestHeap = {
    let _ = PING::get();
    TestHeap::new(16)
};

#[test]
fn a_cycle_of_lazy_initializers_panics_and_stays_unusable() {
    host::thread_mode(|| {
        let first = panic_message(|| {
            let _ = PING::get();
        });
        assert!(first.contains("cannot be initialized twice"), "{first}");
        // Both are left mid-initialization: neither may hand out a handle,
        // now or later (a retry would take their memory blocks twice).
        for _ in 0..2 {
            assert!(catch_unwind(|| PING::get().is_some()).is_err());
            assert!(catch_unwind(|| PONG::get().is_some()).is_err());
        }
        // A handler still gets `None`, without panicking.
        host::in_exception(14, || {
            assert!(PING::get().is_none() && PONG::get().is_none())
        });
    });
}

// --- a lazy initializer that panics, caught by `catch_unwind` ---------------

static FAILING_INITS: AtomicUsize = AtomicUsize::new(0);

#[allocator(lazy)]
static FAILING: TestHeap = {
    static mut BLOCK: [u8; 8] = [0; 8];
    BLOCK[0] += 1; // A second run would hand out `BLOCK` twice.
    FAILING_INITS.fetch_add(1, Ordering::Relaxed);
    panic!("the heap cannot be built")
};

#[test]
fn a_panicking_initializer_never_hands_out_the_uninitialized_heap() {
    host::thread_mode(|| {
        let first = panic_message(|| {
            let _ = FAILING::get();
        });
        assert_eq!(first, "the heap cannot be built");
        for _ in 0..3 {
            let again = panic_message(|| {
                let _ = FAILING::get();
            });
            assert!(again.contains("or panicked earlier"), "{again}");
        }
        assert_eq!(FAILING_INITS.load(Ordering::Relaxed), 1);
    });
}

// --- a `pub` allocator ------------------------------------------------------

mod heaps {
    use lull_alloc::{allocator, host::TestHeap};

    /// A heap shared with the rest of the crate (and its users).
    #[allocator(lazy)]
    pub static SHARED: TestHeap = TestHeap::new(128);
}

/// A `pub` struct with a field of the `pub` handle type.
pub struct Buffer {
    /// Bytes in the shared heap.
    pub bytes: Vec<u8, heaps::SHARED>,
}

#[test]
fn a_pub_allocator_is_usable_from_other_modules() {
    host::thread_mode(|| {
        let a = heaps::SHARED::get().unwrap();
        let buffer = Buffer {
            bytes: Vec::from_slice_in(b"abc", a),
        };
        assert_eq!(a.statistics().used, 3);
        assert_eq!(format!("{a:?} {:?}", buffer.bytes), "SHARED [97, 98, 99]");
        drop(buffer);
        assert_eq!(a.statistics().used, 0);
        host::in_exception(16, || assert!(heaps::SHARED::get().is_none()));
    });
}

// --- the host stand-in's own gaps ------------------------------------------

/// A heap over a static block, so that a block stranded by the tests below
/// (its free panicked) is not reported by Miri as a leak.
#[allocator(lazy)]
static STATIC_HEAP: lull_tlsf::Tlsf = {
    static mut MEMORY: [u8; 1024] = [0; 1024];
    let mut tlsf = lull_tlsf::Tlsf::new();
    tlsf.extend(MEMORY).unwrap();
    tlsf
};

#[test]
fn a_collection_captured_into_a_simulated_handler_cannot_reach_the_heap() {
    // On a board a handler cannot capture a `Vec`; `host::in_exception` takes
    // any closure, so the heap entry points check for Thread mode themselves.
    host::thread_mode(|| {
        let a = STATIC_HEAP::get().unwrap();
        let before = a.statistics().allocated_blocks;
        let v: Vec<u8, STATIC_HEAP> = Vec::from_slice_in(b"captured", a);
        let message = panic_message(move || host::in_exception(14, move || drop(v)));
        assert!(message.contains("outside Thread mode"), "{message}");
        // The block was not freed from the "handler": still allocated.
        assert_eq!(a.statistics().allocated_blocks, before + 1);
        let mut grown: Vec<u8, STATIC_HEAP> = Vec::new_in(a);
        let message = panic_message(std::panic::AssertUnwindSafe(|| {
            host::in_exception(15, || grown.push(1))
        }));
        assert!(message.contains("outside Thread mode"), "{message}");
        let message = panic_message(|| {
            host::in_exception(16, || {
                let _ = a.statistics();
            })
        });
        assert!(message.contains("outside Thread mode"), "{message}");
    });
}

/// What the thread-local below saw when it was destroyed.
static TLS_DROP: std::sync::Mutex<Option<(bool, bool)>> = std::sync::Mutex::new(None);

struct HeldInThreadLocal(Option<Vec<u8, STATIC_HEAP>>);

impl Drop for HeldInThreadLocal {
    fn drop(&mut self) {
        let thread_mode = lull_alloc::is_thread_mode();
        let v = self.0.take();
        let panicked = catch_unwind(std::panic::AssertUnwindSafe(|| drop(v))).is_err();
        *TLS_DROP.lock().unwrap() = Some((thread_mode, panicked));
    }
}

std::thread_local! {
    static HELD: std::cell::RefCell<HeldInThreadLocal> =
        const { std::cell::RefCell::new(HeldInThreadLocal(None)) };
}

#[test]
fn a_collection_in_a_thread_local_is_not_freed_after_its_thread_left_thread_mode() {
    std::thread::spawn(|| {
        // Registered before the stand-in's own thread-local, so destroyed
        // after it, when this thread no longer owns Thread mode and another
        // one may already have taken it.
        HELD.with(|_| {});
        while !lull_alloc::is_thread_mode() {
            std::thread::yield_now();
        }
        let a = STATIC_HEAP::get().unwrap();
        HELD.with(|h| h.borrow_mut().0 = Some(Vec::from_slice_in(b"late", a)));
    })
    .join()
    .unwrap();
    let (thread_mode, panicked) = TLS_DROP.lock().unwrap().expect("destructor ran");
    // Outside Thread mode the heap must refuse (the free panics, the block
    // stays allocated); in Thread mode it must work.
    assert_eq!(panicked, !thread_mode);
    // On this host the stand-in's state is destroyed first: the case the
    // check exists for.
    assert!(
        !thread_mode,
        "the destructor order changed: this test no longer attacks anything"
    );
}

// --- `memory = N`: the block joins the heap at the first `get()`, once -----

#[allocator(memory = 64)]
static WITH_BLOCK: TestHeap = TestHeap::new(0);

#[cfg(feature = "tlsf")]
#[allocator(memory = 256)]
static TLSF_WITH_BLOCK: lull_tlsf::Tlsf = lull_tlsf::Tlsf::new();

#[cfg(feature = "tlsf")]
#[allocator(memory = 4)]
static BLOCK_TOO_SMALL: lull_tlsf::Tlsf = lull_tlsf::Tlsf::new();

#[test]
fn a_memory_block_joins_the_heap_at_the_first_get_and_only_once() {
    host::thread_mode(|| {
        // Not in a handler: `get()` there is `None` and adds nothing.
        host::in_exception(14, || assert!(WITH_BLOCK::get().is_none()));
        let a = WITH_BLOCK::get().expect("Thread mode");
        assert_eq!(a.statistics().limit, 64);
        let b = Box::new_in([1u8; 40], a);
        // A second `get()` does not add the block again.
        let a = WITH_BLOCK::get().expect("Thread mode");
        assert_eq!(a.statistics().limit, 64);
        assert!(Box::try_new_in([0u8; 40], a).is_err());
        drop(b);
        assert_eq!(a.statistics().used, 0);
    });
}

#[cfg(feature = "tlsf")]
#[test]
fn a_tlsf_with_a_memory_block_returns_to_its_start() {
    host::thread_mode(|| {
        let a = TLSF_WITH_BLOCK::get().expect("Thread mode");
        let before = a.statistics();
        // 256 bytes, minus the chunk's bookkeeping (a few words).
        assert!((200..=256).contains(&before.free_bytes), "{before:?}");
        let v: Vec<u32, TLSF_WITH_BLOCK> = Vec::from_slice_in(&[1, 2, 3], a);
        assert_eq!(v.iter().sum::<u32>(), 6);
        drop(v);
        assert_eq!(a.statistics(), before);
    });
}

#[cfg(feature = "tlsf")]
#[test]
fn a_memory_block_the_heap_refuses_panics_naming_memory_and_no_handle_exists() {
    host::thread_mode(|| {
        let message = panic_message(|| {
            let _ = BLOCK_TOO_SMALL::get();
        });
        assert!(
            message.contains("refused its `memory = N` block"),
            "{message}"
        );
        // The heap never became ready: later calls panic too (the lazy
        // state's rule), and never hand out a handle.
        let message = panic_message(|| {
            let _ = BLOCK_TOO_SMALL::get();
        });
        assert!(message.contains("cannot be initialized twice"), "{message}");
    });
}
