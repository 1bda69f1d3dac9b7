//! Literal coroutines as tasks (cargo feature `nightly`).
//!
//! The design wrote tasks as generators; with the feature, a literal
//! coroutine still works as one:
//!
//! ```
//! #![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
//! # use lull_alloc::{allocator, host::TestHeap};
//! use lull_executor::{coroutine, executor, r#await};
//! # #[allocator] static A: TestHeap = TestHeap::new(4096);
//! # executor!(name = X, allocator = A);
//! # lull_alloc::host::thread_mode(|| {
//! let (x, _) = X::get().unwrap();
//! let c = x.spawn(coroutine(#[coroutine] || {
//!     yield; // let the other tasks run once
//!     21
//! }));
//! // `static`: `r#await!` keeps the awaited future pinned across `yield`s.
//! let answer = x.block_on(coroutine(#[coroutine] static move || {
//!     let half = r#await!(c); // await a future inside a coroutine
//!     half * 2
//! }));
//! assert_eq!(answer, 42);
//! # });
//! ```
//!
//! A coroutine that uses `r#await!` holds the pinned
//! future across its `yield`s, a borrow of its own state: declare it
//! `static` (immovable), which is what the design's "self-referential
//! generators" limitation comes down to today. A coroutine with bare
//! `yield`s only can stay movable.

use core::cell::Cell;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

pub use core::ops::Coroutine;
use core::ops::CoroutineState;

/// The context of the coroutine being resumed by a [`CoroutineTask`], for
/// `r#await!`.
struct Current {
    cx: Cell<*mut ()>,
    wait: Cell<bool>,
}

#[cfg(target_os = "none")]
mod current {
    pub(super) struct Static(pub(super) super::Current);
    // SAFETY: `with` is the only access and runs in Thread mode only: its
    // callers (`CoroutineTask::poll`, `__poll`) call `thread_mode_only`
    // first, which panics in a handler. Thread mode is one context, so no
    // two accesses overlap.
    unsafe impl Sync for Static {}
    pub(super) static CURRENT: Static = Static(super::Current {
        cx: core::cell::Cell::new(core::ptr::null_mut()),
        wait: core::cell::Cell::new(false),
    });
    pub(super) fn with<R>(f: impl FnOnce(&super::Current) -> R) -> R {
        f(&CURRENT.0)
    }
}

#[cfg(not(target_os = "none"))]
mod current {
    extern crate std;
    std::thread_local! {
        static CURRENT: super::Current = const {
            super::Current {
                cx: core::cell::Cell::new(core::ptr::null_mut()),
                wait: core::cell::Cell::new(false),
            }
        };
    }
    pub(super) fn with<R>(f: impl FnOnce(&super::Current) -> R) -> R {
        CURRENT.with(f)
    }
}

/// Panics unless in Thread mode: the context `r#await!` reads is one
/// global per core, shared by every coroutine task, so a coroutine task
/// resumed in a handler would race with one resumed in Thread mode.
#[inline(always)]
#[track_caller]
fn thread_mode_only() {
    if !lull_alloc::is_thread_mode() {
        in_handler();
    }
}

#[cold]
#[track_caller]
fn in_handler() -> ! {
    panic!(
        "lull-executor: a coroutine task (or r#await!) was resumed in an interrupt handler: \
         coroutine tasks run in Thread mode only, because the context r#await! uses is one \
         global shared with Thread mode"
    )
}

/// A future that runs a coroutine: each bare `yield` lets the other tasks
/// run once; `r#await!` inside it awaits a future.
///
/// It is `!Send` and `!Sync`, and polling it in an interrupt handler
/// panics: the context `r#await!` reads is one global per core, which only
/// Thread mode may use.
///
/// **Cancel safety:** dropping it drops the coroutine where it stopped.
#[derive(Debug)]
#[must_use = "futures do nothing unless awaited"]
pub struct CoroutineTask<C> {
    coroutine: C,
    _thread_mode: PhantomData<*mut ()>,
}

/// Turns a coroutine (`#[coroutine] || { .. yield; .. }`, resume argument
/// `()`, yield type `()`) into a future, e.g. to spawn it. See the
/// [module](self) example.
pub fn coroutine<C>(coroutine: C) -> CoroutineTask<C>
where
    C: Coroutine<(), Yield = ()>,
{
    CoroutineTask {
        coroutine,
        _thread_mode: PhantomData,
    }
}

impl<C: Coroutine<(), Yield = ()>> Future for CoroutineTask<C> {
    type Output = C::Return;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<C::Return> {
        thread_mode_only();
        // SAFETY: structural pinning of the coroutine (the other field is a
        // zero-sized marker).
        let coroutine = unsafe { self.map_unchecked_mut(|s| &mut s.coroutine) };
        let cx_ptr: *mut Context<'_> = cx;
        let saved = current::with(|c| {
            c.wait.set(false);
            c.cx.replace(cx_ptr.cast())
        });
        let result = coroutine.resume(());
        let wait = current::with(|c| {
            c.cx.set(saved);
            c.wait.replace(false)
        });
        match result {
            CoroutineState::Yielded(()) => {
                if !wait {
                    // A bare `yield`: run again after the others.
                    cx.waker().wake_by_ref();
                }
                Poll::Pending
            }
            CoroutineState::Complete(output) => Poll::Ready(output),
        }
    }
}

#[doc(hidden)]
#[track_caller]
pub fn __poll<F: Future>(future: Pin<&mut F>) -> Poll<F::Output> {
    thread_mode_only();
    let cx = current::with(|c| c.cx.get());
    assert!(
        !cx.is_null(),
        "lull-executor: r#await! used outside a coroutine run by lull_executor::coroutine"
    );
    // SAFETY: `cx` was set by `CoroutineTask::poll` for the resumption in
    // progress (this code runs inside it) and is restored when it returns.
    let cx = unsafe { &mut *cx.cast::<Context<'_>>() };
    let poll = future.poll(cx);
    if poll.is_pending() {
        // The future registered the waker: do not self-wake at the yield.
        current::with(|c| c.wait.set(true));
    }
    poll
}

/// Awaits a future inside a coroutine task (the design's `r#await!`): polls
/// it, and `yield`s without re-queueing the task until its waker is woken.
///
/// Use it only in a coroutine run by [`coroutine`]; see the
/// [module](crate::coroutine()) example.
///
/// **Cancel safety:** dropping the coroutine while it awaits drops the
/// future.
#[macro_export]
macro_rules! r#await {
    ($future:expr) => {{
        let mut future = ::core::pin::pin!($future);
        loop {
            match $crate::__coroutine_poll(future.as_mut()) {
                ::core::task::Poll::Ready(value) => break value,
                ::core::task::Poll::Pending => yield,
            }
        }
    }};
}
