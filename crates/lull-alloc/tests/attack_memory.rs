//! Attacks on `#[allocator(memory = N)]` and on lazy initializers that write
//! their heap in place, from safe code only: a handle exists only in Thread
//! mode; the block is handed to the heap exactly once, at the first `get()`
//! in Thread mode (not in a handler, not on a thread that does not own Thread
//! mode, not again after a refusal); no handle exists before the heap is
//! ready; `N` may come from a `const` or a `macro_rules!`; several such
//! allocators in one crate each get their own 8-aligned block; collections
//! from them return the heap to its start across many `host::thread_mode`
//! runs. Run under Miri too
//! (`cargo +nightly miri test -p lull-alloc --test attack_memory`).

use core::mem::MaybeUninit;
use core::sync::atomic::{AtomicUsize, Ordering};

use lull_alloc::host::{self, TestHeap};
use lull_alloc::{Box, Rc, String, ThreadModeAllocator, Vec, allocator};

mod support;

use support::panic_message;

// --- the first `get()` comes from a handler, or from a non-owner thread ----

#[allocator(memory = 48)]
static FIRST_IN_HANDLER: TestHeap = TestHeap::new(0);

#[test]
fn get_in_handlers_and_other_threads_hands_nothing_out_and_adds_no_block() {
    host::thread_mode(|| {
        // Handlers of every kind, nested, ninth bit set: `None`, nothing
        // added (the block would be added at most once, so adding it here
        // would be visible as a wrong limit below, or as a handle here).
        for number in [1, 14, 15, 16, 17, 255, 256, 300, 511] {
            host::in_exception(number, || {
                assert!(FIRST_IN_HANDLER::get().is_none(), "handler {number}");
                host::in_exception(14, || assert!(FIRST_IN_HANDLER::get().is_none()));
            });
        }
        // A thread that does not own Thread mode is a handler too.
        std::thread::scope(|s| {
            s.spawn(|| assert!(FIRST_IN_HANDLER::get().is_none()))
                .join()
                .unwrap();
        });
        // The first Thread-mode `get()` adds the block, once.
        let a = FIRST_IN_HANDLER::get().expect("Thread mode");
        assert_eq!(a.statistics().limit, 48);
        for _ in 0..3 {
            host::in_exception(17, || assert!(FIRST_IN_HANDLER::get().is_none()));
            let again = FIRST_IN_HANDLER::get().expect("Thread mode");
            assert_eq!(again.statistics().limit, 48, "the block was added twice");
        }
        // The 48 bytes are really there, and no more.
        let b = Box::new_in([7u8; 48], a);
        assert!(Box::try_new_in(0u8, a).is_err());
        assert_eq!(b.iter().map(|&x| usize::from(x)).sum::<usize>(), 7 * 48);
        drop(b);
        assert_eq!(a.statistics().used, 0);
    });
}

// --- `memory = 0` -----------------------------------------------------------

#[allocator(memory = 0)]
static ZERO: TestHeap = TestHeap::new(0);

#[cfg(feature = "tlsf")]
#[allocator(memory = 0)]
static ZERO_TLSF: lull_tlsf::Tlsf = lull_tlsf::Tlsf::new();

#[test]
fn memory_zero_is_an_empty_block_the_heap_may_accept() {
    host::thread_mode(|| {
        let a = ZERO::get().expect("Thread mode");
        assert_eq!(a.statistics().limit, 0);
        // Zero-sized values need no memory; anything else is refused.
        let unit = Box::new_in((), a);
        assert!(Box::try_new_in(1u8, a).is_err());
        drop(unit);
        assert_eq!(a.statistics().used, 0);
    });
}

#[cfg(feature = "tlsf")]
#[test]
fn memory_zero_refused_by_tlsf_panics_naming_memory_and_never_hands_out_a_handle() {
    host::thread_mode(|| {
        // Not in a handler: there it is `None`, without a panic.
        host::in_exception(14, || assert!(ZERO_TLSF::get().is_none()));
        let message = panic_message(|| {
            let _ = ZERO_TLSF::get();
        });
        assert!(message.contains("`memory = N`"), "{message}");
        // Never ready: no handle later, in Thread mode or in a handler.
        for _ in 0..3 {
            let again = panic_message(|| {
                let _ = ZERO_TLSF::get();
            });
            assert!(again.contains("cannot be initialized twice"), "{again}");
            host::in_exception(14, || assert!(ZERO_TLSF::get().is_none()));
        }
    });
}

// --- `N` from a `const`, an expression and a `macro_rules!` -----------------

const BLOCK: usize = 40;

macro_rules! declare {
    ($name:ident, $bytes:expr) => {
        #[allocator(memory = $bytes)]
        static $name: TestHeap = TestHeap::new(0);
    };
}

macro_rules! size {
    () => {
        3 * 8
    };
}

declare!(FROM_MACRO, 56);

#[allocator(memory = BLOCK)]
static FROM_CONST: TestHeap = TestHeap::new(0);

#[allocator(memory = size!())]
static FROM_SIZE_MACRO: TestHeap = TestHeap::new(0);

#[allocator(memory = core::mem::size_of::<[u64; 4]>() + BLOCK)]
static FROM_EXPR: TestHeap = TestHeap::new(8);

#[test]
fn memory_from_a_const_an_expression_and_macros_is_that_many_bytes() {
    host::thread_mode(|| {
        assert_eq!(FROM_MACRO::get().unwrap().statistics().limit, 56);
        assert_eq!(FROM_CONST::get().unwrap().statistics().limit, 40);
        assert_eq!(FROM_SIZE_MACRO::get().unwrap().statistics().limit, 24);
        // The constant heap's own limit (8) plus the block.
        assert_eq!(FROM_EXPR::get().unwrap().statistics().limit, 8 + 32 + 40);
    });
}

// --- two TLSF heaps with blocks: separate, aligned, intact ------------------

#[cfg(feature = "tlsf")]
#[allocator(memory = 1024)]
static LEFT: lull_tlsf::Tlsf = lull_tlsf::Tlsf::new();

#[cfg(feature = "tlsf")]
#[allocator(memory = 1024)]
static RIGHT: lull_tlsf::Tlsf = lull_tlsf::Tlsf::new();

/// The same heap over a 1024-byte region aligned to 8, built by a lazy
/// initializer in place: what `memory = 1024` must amount to.
#[cfg(feature = "tlsf")]
#[allocator(lazy)]
static REFERENCE: lull_tlsf::Tlsf = {
    #[repr(C, align(8))]
    struct Aligned([MaybeUninit<u8>; 1024]);
    static mut REGION: Aligned = Aligned([MaybeUninit::uninit(); 1024]);
    let mut tlsf = lull_tlsf::Tlsf::new();
    lull_alloc::AddMemory::add_memory(&mut tlsf, &mut REGION.0).expect("1024 bytes");
    tlsf
};

#[cfg(feature = "tlsf")]
#[test]
fn two_memory_allocators_get_separate_aligned_blocks() {
    host::thread_mode(|| {
        let (l, r) = (LEFT::get().unwrap(), RIGHT::get().unwrap());
        let reference = REFERENCE::get().unwrap().statistics();
        let (l0, r0) = (l.statistics(), r.statistics());
        // TLSF's granule is 8 bytes on Cortex-M (32-bit) and 16 on 64-bit
        // hosts. An 8-aligned block loses nothing to alignment on 32 bits:
        // as many free bytes as the reference region. On a 64-bit host it
        // may lose the rounding of both ends to 16 (8 + 8 bytes) — and so
        // may the reference, which is only 8-aligned too — no more.
        for stats in [l0, r0] {
            assert_eq!(stats.used_bytes, 0);
            if cfg!(target_pointer_width = "32") {
                assert_eq!(stats, reference);
            } else {
                assert!(
                    stats.free_bytes.abs_diff(reference.free_bytes) <= 16,
                    "{stats:?} vs {reference:?}"
                );
            }
        }
        // Fill both with different patterns; neither overwrites the other
        // (Miri also checks every access stays inside its block).
        let mut left: Vec<Box<[u64; 8], LEFT>, LEFT> = Vec::new_in(l);
        let mut right: Vec<Box<[u64; 8], RIGHT>, RIGHT> = Vec::new_in(r);
        for i in 0..6u64 {
            left.push(Box::new_in([i; 8], l));
            right.push(Box::new_in([!i; 8], r));
        }
        for (i, (a, b)) in left.iter().zip(&right).enumerate() {
            assert!(a.iter().all(|&x| x == i as u64));
            assert!(b.iter().all(|&x| x == !(i as u64)));
            assert_eq!((&raw const **a).addr() % 8, 0);
            assert_eq!((&raw const **b).addr() % 8, 0);
        }
        let (lp, rp) = (left.as_ptr().addr(), right.as_ptr().addr());
        assert!(lp.abs_diff(rp) >= 8 * 8, "blocks overlap");
        drop((left, right));
        assert_eq!((l.statistics(), r.statistics()), (l0, r0));
    });
}

// --- a `pub` allocator with a block, used from other modules ----------------

mod heaps {
    use lull_alloc::{allocator, host::TestHeap};

    #[allocator(memory = 128)]
    pub static SHARED: TestHeap = TestHeap::new(0);
}

mod users {
    use lull_alloc::String;

    use super::heaps::SHARED;

    pub fn greet() -> Option<String<SHARED>> {
        let a = SHARED::get()?;
        let mut s = String::new_in(a);
        s.push_str("hello from another module");
        Some(s)
    }
}

#[test]
fn a_pub_memory_allocator_works_from_another_module() {
    host::thread_mode(|| {
        host::in_exception(15, || assert!(users::greet().is_none()));
        let s = users::greet().expect("Thread mode");
        assert_eq!(s, "hello from another module");
        let a = heaps::SHARED::get().unwrap();
        assert_eq!(a.statistics().limit, 128);
        drop(s);
        assert_eq!(a.statistics().used, 0);
    });
}

// --- collections over many Thread-mode owners -------------------------------

#[allocator(memory = 2048)]
static MANY: TestHeap = TestHeap::new(0);

#[cfg(feature = "tlsf")]
#[allocator(memory = 2048)]
static MANY_TLSF: lull_tlsf::Tlsf = lull_tlsf::Tlsf::new();

#[test]
fn collections_from_a_memory_allocator_across_many_thread_mode_runs() {
    let rounds = if cfg!(miri) { 3 } else { 20 };
    let mut start = None;
    for round in 0..rounds {
        host::thread_mode(|| {
            let a = MANY::get().expect("Thread mode");
            // Every run sees the one block, added once by the first run.
            assert_eq!(a.statistics().limit, 2048, "round {round}");
            let before = a.statistics();
            assert_eq!(*start.get_or_insert(before), before);
            let mut v: Vec<u32, MANY> = Vec::new_in(a);
            v.extend(0..100);
            let b = Box::new_in(round, a);
            let rc = Rc::new_in(String::from_str_in("shared", a), a);
            let rc2 = rc.clone();
            host::in_exception(17, || assert!(MANY::get().is_none()));
            assert_eq!(v.iter().sum::<u32>(), 4950);
            assert_eq!((*b, rc2.as_str()), (round, "shared"));
            drop((v, b, rc, rc2));
            assert_eq!(a.statistics(), before);
        });
    }
    // A thread that is not inside `thread_mode` while nobody owns Thread
    // mode would become the owner; inside another owner's run it is not.
    host::thread_mode(|| {
        std::thread::scope(|s| {
            s.spawn(|| assert!(MANY::get().is_none())).join().unwrap();
        });
    });
}

#[cfg(feature = "tlsf")]
#[test]
fn a_tlsf_memory_allocator_returns_to_its_start_across_thread_mode_runs() {
    let rounds = if cfg!(miri) { 3 } else { 20 };
    let mut start = None;
    for round in 0..rounds {
        host::thread_mode(|| {
            let a = MANY_TLSF::get().expect("Thread mode");
            let before = a.statistics();
            assert_eq!(*start.get_or_insert(before), before, "round {round}");
            let mut v: Vec<u64, MANY_TLSF> = Vec::new_in(a);
            for i in 0..64 {
                v.push(i);
            }
            let rc = Rc::new_in(v, a);
            let weak = Rc::downgrade(&rc);
            assert_eq!(rc.iter().sum::<u64>(), 2016);
            drop(rc);
            assert!(weak.upgrade().is_none());
            drop(weak);
            assert_eq!(a.statistics(), before);
        });
    }
}

// --- lazy initializers and `memory = N` allocators meet ---------------------

static LAZY_INITS: AtomicUsize = AtomicUsize::new(0);

#[allocator(memory = 96)]
static BLOCK_FOR_LAZY: TestHeap = TestHeap::new(0);

/// A lazy heap whose initializer makes the FIRST `get()` of a `memory = N`
/// allocator and uses it (written in place into its slot).
#[allocator(lazy)]
static LAZY_USES_BLOCK: TestHeap = {
    LAZY_INITS.fetch_add(1, Ordering::Relaxed);
    let b = BLOCK_FOR_LAZY::get().expect("Thread mode");
    let v: Vec<u8, BLOCK_FOR_LAZY> = Vec::from_slice_in(&[1; 96], b);
    assert!(Box::try_new_in(0u8, b).is_err(), "the block is 96 bytes");
    TestHeap::new(v.len())
};

#[test]
fn a_lazy_initializer_may_make_the_first_get_of_a_memory_allocator() {
    host::thread_mode(|| {
        host::in_exception(14, || assert!(LAZY_USES_BLOCK::get().is_none()));
        assert_eq!(LAZY_INITS.load(Ordering::Relaxed), 0);
        let a = LAZY_USES_BLOCK::get().expect("Thread mode");
        assert_eq!(a.statistics().limit, 96);
        let b = BLOCK_FOR_LAZY::get().unwrap();
        assert_eq!((b.statistics().limit, b.statistics().used), (96, 0));
        let _ = LAZY_USES_BLOCK::get().unwrap();
        assert_eq!(LAZY_INITS.load(Ordering::Relaxed), 1);
    });
}

/// A lazy initializer that panics when its heap is half built: caught, then
/// `get()` again: never a handle, never a second run.
static HALF_BUILT_INITS: AtomicUsize = AtomicUsize::new(0);

#[allocator(lazy)]
static HALF_BUILT: TestHeap = {
    static mut SCRATCH: [u8; 4] = [0; 4];
    SCRATCH[0] += 1;
    HALF_BUILT_INITS.fetch_add(1, Ordering::Relaxed);
    let heap = TestHeap::new(usize::from(SCRATCH[0]));
    if heap.statistics_limit_is_one() {
        panic!("half built");
    }
    heap
};

trait LimitIsOne {
    fn statistics_limit_is_one(&self) -> bool;
}

impl LimitIsOne for TestHeap {
    fn statistics_limit_is_one(&self) -> bool {
        lull_alloc::Heap::statistics(self).limit == 1
    }
}

#[test]
fn a_lazy_initializer_panicking_after_building_its_heap_hands_out_nothing() {
    host::thread_mode(|| {
        assert_eq!(
            panic_message(|| {
                let _ = HALF_BUILT::get();
            }),
            "half built"
        );
        for _ in 0..3 {
            let again = panic_message(|| {
                let _ = HALF_BUILT::get();
            });
            assert!(again.contains("or panicked earlier"), "{again}");
            host::in_exception(14, || assert!(HALF_BUILT::get().is_none()));
        }
        assert_eq!(HALF_BUILT_INITS.load(Ordering::Relaxed), 1);
    });
}

// --- `return` in a lazy initializer ------------------------------------------

/// A lazy initializer is the body of a function that returns the heap: an
/// early `return heap;` hands over that heap (a bare `return;` is a type
/// error, `tests/ui/lazy_initializer_bare_return.rs`). Found by this file: for
/// a while the initializer was the body of a `fn()` that wrote the heap in
/// place, so a bare `return;` compiled and left the heap unwritten behind a
/// handle (Miri: uninitialized memory).
static EARLY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

#[allocator(lazy)]
static RETURNS_EARLY: TestHeap = {
    if EARLY.load(Ordering::Relaxed) {
        return TestHeap::new(32);
    }
    TestHeap::new(64)
};

#[test]
fn a_lazy_initializer_that_returns_early_hands_out_the_heap_it_returned() {
    host::thread_mode(|| {
        let a = RETURNS_EARLY::get().expect("Thread mode");
        assert_eq!(a.statistics().limit, 32);
        let b = Box::new_in([1u8; 32], a);
        assert!(Box::try_new_in(1u8, a).is_err());
        drop(b);
        assert_eq!(a.statistics().used, 0);
    });
}
