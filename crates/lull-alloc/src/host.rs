//! The hosted stand-in for Thread mode, so that code using thread-mode
//! allocators can be tested on a PC and under Miri.
//!
//! A Cortex-M core has one Thread mode; a test process has many threads. The
//! stand-in therefore gives Thread mode to **one thread at a time**:
//!
//! - the first thread that asks ([`crate::is_thread_mode`], or any
//!   `A::get()`) while nobody holds it becomes the owner, and stays the owner
//!   until it exits;
//! - every other thread is treated as if it ran in a handler: `A::get()`
//!   returns `None` there;
//! - [`in_exception`] simulates an exception handler on the current thread.
//!
//! Handles are `!Send`, so they never leave the owning thread; together this
//! keeps the allocator's "one execution context" guarantee on the host.
//!
//! Test harnesses run tests on parallel threads: wrap each test's body in
//! [`thread_mode`], which runs it on a fresh thread once Thread mode is free,
//! and returns when that thread (and with it the ownership) is gone.
//!
//! This module exists only when the target has an operating system
//! (`target_os != "none"`).

extern crate std;

use core::alloc::Layout;
use core::cell::Cell;
use core::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

/// Set while some live thread owns Thread mode.
static CLAIMED: AtomicBool = AtomicBool::new(false);

/// What the stand-in reports for a thread that does not own Thread mode: an
/// exception number like any handler's (the largest one, 511).
const NOT_OWNER: u32 = 0x1ff;

struct ThreadState {
    owner: Cell<bool>,
    exception: Cell<u32>,
    oom_hook: Cell<Option<fn(Layout) -> !>>,
}

impl Drop for ThreadState {
    fn drop(&mut self) {
        if self.owner.get() {
            CLAIMED.store(false, Ordering::Release);
        }
    }
}

std::thread_local! {
    static STATE: ThreadState = const {
        ThreadState {
            owner: Cell::new(false),
            exception: Cell::new(0),
            oom_hook: Cell::new(None),
        }
    };
}

/// The simulated IPSR of the calling thread (see the module docs).
pub(crate) fn exception_number() -> u32 {
    STATE
        .try_with(|s| {
            let exception = s.exception.get();
            if exception != 0 {
                exception
            } else if s.owner.get() || claim(s) {
                0
            } else {
                NOT_OWNER
            }
        })
        // The thread is exiting and its state is gone: not Thread mode.
        .unwrap_or(NOT_OWNER)
}

fn claim(s: &ThreadState) -> bool {
    let won = CLAIMED
        .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
        .is_ok();
    s.owner.set(won);
    won
}

/// Runs `f` on a fresh thread that owns Thread mode, and returns its result.
///
/// Calls are serialized: a second call waits until the first one's thread has
/// exited. If some other thread holds Thread mode (it called `A::get()`
/// without this wrapper), the fresh thread waits until that thread exits.
/// A panic in `f` is resumed in the caller. Do not nest calls: the inner one
/// would wait for the outer one forever.
///
/// # Example
///
/// ```
/// use lull_alloc::host;
///
/// let thread_mode = host::thread_mode(lull_alloc::is_thread_mode);
/// assert!(thread_mode);
/// ```
pub fn thread_mode<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    static SERIAL: Mutex<()> = Mutex::new(());
    let _serial = SERIAL.lock().unwrap_or_else(PoisonError::into_inner);
    std::thread::scope(|scope| {
        let thread = scope.spawn(|| {
            while exception_number() != 0 {
                std::thread::yield_now();
            }
            f()
        });
        thread
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// Runs `f` as if it were the handler of exception `number` (1..=511): for
/// its duration, [`crate::is_thread_mode`] is `false` and every `A::get()`
/// returns `None` on this thread. Handlers may nest.
///
/// The number is what a real core would put in IPSR, e.g. 14 for PendSV or
/// 16 + n for external interrupt n; numbers of 256 and above exercise the
/// ninth bit of the check.
///
/// # Panics
///
/// If `number` is 0 or above 511.
///
/// # Example
///
/// ```
/// use lull_alloc::{host, is_thread_mode};
///
/// host::thread_mode(|| {
///     assert!(is_thread_mode());
///     host::in_exception(14, || assert!(!is_thread_mode()));
///     assert!(is_thread_mode());
/// });
/// ```
pub fn in_exception<R>(number: u32, f: impl FnOnce() -> R) -> R {
    assert!(
        (1..=0x1ff).contains(&number),
        "exception numbers are 1..=511, got {number}"
    );
    struct Restore(u32);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0;
            // The state outlives this guard: it is dropped only at thread exit.
            STATE.with(|s| s.exception.set(previous));
        }
    }
    let _restore = Restore(STATE.with(|s| s.exception.replace(number)));
    f()
}

/// Sets (or with `None`, clears) the out-of-memory hook of the calling thread.
///
/// On Cortex-M the hook is the function marked [`#[oom]`](crate::oom); on the
/// host that symbol cannot be looked up (Miri has no linker), so tests
/// register the hook here instead. It applies to the calling thread only, so
/// tests running in parallel do not see each other's hooks.
///
/// # Example
///
/// ```
/// use core::alloc::Layout;
///
/// fn oom(layout: Layout) -> ! {
///     panic!("test oom: {} bytes", layout.size())
/// }
///
/// lull_alloc::host::set_oom_hook(Some(oom));
/// let panic = std::panic::catch_unwind(|| {
///     lull_alloc::handle_alloc_error(Layout::new::<u64>())
/// })
/// .unwrap_err();
/// assert_eq!(panic.downcast_ref::<String>().unwrap(), "test oom: 8 bytes");
/// ```
pub fn set_oom_hook(hook: Option<fn(Layout) -> !>) {
    STATE.with(|s| s.oom_hook.set(hook));
}

pub(crate) fn oom_hook() -> Option<fn(Layout) -> !> {
    STATE.try_with(|s| s.oom_hook.get()).ok().flatten()
}

/// A [`Heap`](crate::Heap) for tests on the host: blocks come from the
/// standard library's allocator (so Miri checks every access and reports
/// leaks), up to a byte `limit` that makes out-of-memory reproducible.
///
/// # Example
///
/// ```
/// use lull_alloc::{host::TestHeap, ThreadModeAllocator, Vec};
///
/// #[lull_alloc::allocator]
/// static A: TestHeap = TestHeap::new(64);
///
/// # lull_alloc::host::thread_mode(|| {
/// let a = A::get().unwrap();
/// let mut v: Vec<u8, A> = Vec::new_in(a);
/// assert!(v.try_reserve(64).is_ok());
/// assert!(v.try_reserve(65).is_err()); // over the limit
/// assert_eq!(a.statistics().used, 64);
/// # });
/// ```
#[derive(Debug)]
pub struct TestHeap {
    statistics: TestHeapStatistics,
    /// The last region given to `add_memory`, kept (unused) so that it stays
    /// reachable, as it would be on a board.
    region: Option<&'static mut [core::mem::MaybeUninit<u8>]>,
}

/// What a [`TestHeap`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TestHeapStatistics {
    /// Bytes in live blocks.
    pub used: usize,
    /// Live blocks.
    pub blocks: usize,
    /// The most bytes that may be live at once.
    pub limit: usize,
}

impl TestHeap {
    /// A heap that lets at most `limit` bytes be live at once.
    pub const fn new(limit: usize) -> Self {
        TestHeap {
            statistics: TestHeapStatistics {
                used: 0,
                blocks: 0,
                limit,
            },
            region: None,
        }
    }
}

// SAFETY: blocks come from the global allocator, which satisfies every point
// of the contract; nothing here calls a thread-mode allocator.
unsafe impl crate::Heap for TestHeap {
    type Statistics = TestHeapStatistics;

    fn allocate(&mut self, layout: Layout) -> Option<core::ptr::NonNull<u8>> {
        let s = &mut self.statistics;
        if layout.size() > s.limit - s.used {
            return None;
        }
        // SAFETY: the `Heap` contract guarantees a non-zero size.
        let ptr = core::ptr::NonNull::new(unsafe { std::alloc::alloc(layout) })?;
        s.used += layout.size();
        s.blocks += 1;
        Some(ptr)
    }

    unsafe fn deallocate(&mut self, ptr: core::ptr::NonNull<u8>, layout: Layout) {
        // SAFETY: the caller guarantees `ptr` is a live block of `layout`,
        // which `allocate` got from the global allocator.
        unsafe { std::alloc::dealloc(ptr.as_ptr(), layout) };
        self.statistics.used -= layout.size();
        self.statistics.blocks -= 1;
    }

    fn statistics(&self) -> TestHeapStatistics {
        self.statistics
    }
}

// SAFETY: bookkeeping only; nothing here calls a thread-mode allocator.
unsafe impl crate::AddMemory for TestHeap {
    type Error = core::convert::Infallible;

    /// Raises the limit by the region's length. The region itself is not
    /// used: blocks still come from the global allocator.
    fn add_memory(
        &mut self,
        region: &'static mut [core::mem::MaybeUninit<u8>],
    ) -> Result<(), Self::Error> {
        self.statistics.limit += region.len();
        self.region = Some(region);
        Ok(())
    }
}
