//! Lull's benchmark scenarios: one binary per scenario in `src/bin/`.
//!
//! The executor scenarios run the task bodies of `bench_tasks` (shared with
//! every peer); [`setup!`] declares the heap and the executor they run on.
#![no_std]

pub use bench_marker::{done, mark, metric};
pub use bench_tasks as tasks;
// Link the device crate: its interrupt vectors fill cortex-m-rt's table.
pub use lm3s6965 as device;

/// Declares the thread-mode allocator `A` (TLSF over a static pool of
/// `$bytes` bytes) and the executor `X` over it.
#[macro_export]
macro_rules! setup {
    ($bytes:literal) => {
        #[lull_alloc::allocator(memory = $bytes)]
        static A: lull_tlsf::Tlsf = lull_tlsf::Tlsf::new();

        lull_executor::executor!(name = X, allocator = A);
    };
}

/// The no-executor floor: polls tasks in a fixed round robin, one indirect
/// call each, with a waker whose `wake` does nothing (and is inlined away).
/// No run queue, no wake bookkeeping, no sleep: what is left is what
/// polling type-erased `async` tasks costs, the floor under any executor
/// running the same bodies.
pub mod floor {
    use core::convert::Infallible;
    use core::future::Future;
    use core::marker::PhantomData;
    use core::pin::Pin;
    use core::task::{Context, RawWaker, RawWakerVTable, Waker};

    /// One task: its poll function and its future.
    pub struct Task<'a> {
        poll: unsafe fn(*mut ()),
        future: *mut (),
        _pinned: PhantomData<&'a mut ()>,
    }

    static NOOP: RawWakerVTable = RawWakerVTable::new(clone, noop, noop, noop);

    fn clone(p: *const ()) -> RawWaker {
        RawWaker::new(p, &NOOP)
    }

    fn noop(_: *const ()) {}

    /// Polls the future of type `F` at `p` once, with the no-op waker.
    ///
    /// # Safety
    ///
    /// `p` points to a pinned, live `F`.
    unsafe fn poll_one<F: Future>(p: *mut ()) {
        // SAFETY: every function of the vtable ignores the data pointer.
        let waker = unsafe { Waker::from_raw(RawWaker::new(p, &NOOP)) };
        let mut cx = Context::from_waker(&waker);
        // SAFETY: `p` points to a pinned, live `F` (caller).
        let _ = unsafe { Pin::new_unchecked(&mut *p.cast::<F>()) }.poll(&mut cx);
    }

    /// A task of the floor, made of a pinned future.
    pub fn task<'a, F: Future<Output = Infallible>>(f: Pin<&'a mut F>) -> Task<'a> {
        // SAFETY: the pointer is only used by `poll_one::<F>`, as pinned,
        // while the borrow `'a` lasts.
        let p: *mut F = unsafe { f.get_unchecked_mut() };
        Task {
            poll: poll_one::<F>,
            future: p.cast(),
            _pinned: PhantomData,
        }
    }

    /// Polls every task in turn, forever (a task ends the run).
    pub fn run(tasks: &[Task<'_>]) -> ! {
        loop {
            for t in tasks {
                // SAFETY: `t.future` is the pinned future `t.poll` expects,
                // borrowed for as long as `t` lives.
                unsafe { (t.poll)(t.future) };
            }
        }
    }
}
