//! A thread-mode async executor for Cortex-M.
//!
//! All cooperative (async) code of a program runs in one context, ARM's
//! *Thread mode* (`main`, RTIC's `idle`): interrupt handlers stay free of it,
//! and keep their latency. Because Thread mode is a single context, tasks
//! share data with `Cell`, `RefCell` and `Rc` — no `Send`, no mutex — and the
//! tasks are boxed in a *thread-mode allocator* (`lull-alloc`) that needs no
//! lock either.
//!
//! ```
//! use core::cell::Cell;
//! use lull_alloc::{allocator, host::TestHeap, Rc};
//! use lull_executor::{executor, yield_now};
//!
//! #[allocator]
//! static A: TestHeap = TestHeap::new(4096);
//!
//! executor!(name = X, allocator = A);
//!
//! # lull_alloc::host::thread_mode(|| {
//! let (x, a) = X::get().expect("Thread mode");
//! let log = Rc::new_in(Cell::new(0u32), a);
//! let l = log.clone();
//! let task = x.spawn(async move {
//!     l.set(l.get() + 1);
//!     yield_now().await;
//!     l.set(l.get() + 10);
//!     "done"
//! });
//! let answer = x.block_on(async {
//!     assert_eq!(task.await, "done");
//!     42
//! });
//! assert_eq!((answer, log.get()), (42, 11));
//! # });
//! ```
//!
//! # The API
//!
//! [`executor!`]`(name = X, allocator = A)` declares the executor `X` over
//! the thread-mode allocator `A`; `max_spawned_tasks = N` bounds the number
//! of running tasks. `X::get()` returns `(X, A)` in Thread mode and `None` in
//! a handler; both handles are `Copy` and neither `Send` nor `Sync`.
//!
//! - `x.spawn(future)` boxes a `'static` future (no `Send` bound) as a task
//!   and queues it, without running it. It returns a [`JoinHandle`]: await it
//!   for the output, drop it to detach the task, or
//!   [`cancel`](JoinHandle::cancel) it. `x.try_spawn(future)` gives the
//!   future back in a [`SpawnError`] when the executor is full or the
//!   allocator is out of memory; `spawn` then panics (naming the capacity) or
//!   calls the allocator's OOM hook (`lull_alloc::handle_alloc_error`).
//! - `x.block_on(future)` drives `future` (not boxed, need not be `'static`)
//!   to completion, running the spawned tasks meanwhile, and returns its
//!   output as soon as it completes — tasks that are not finished stay queued
//!   for the next `block_on`. Calling `block_on` inside `block_on` panics: the
//!   inner call could wait for something only a task of the outer one does
//!   (a deadlock); spawn and await instead.
//!
//! # Scheduling
//!
//! Only woken tasks are polled. Wakers are ordinary [`core::task::Waker`]s,
//! so any future works (`embassy-sync` channels, `embedded-hal-async`
//! drivers, …); a waker may be woken from an interrupt handler, from another
//! task, many times, or after its task finished — all safe, and all O(1).
//!
//! **Run order is FIFO.** Tasks run in the order they were woken. A spawned
//! task is queued as if woken by `spawn`. A task woken while it is being
//! polled (`yield_now`, or woken by a handler mid-poll) goes to the back of
//! the queue when its poll returns, behind the tasks it woke itself during
//! that poll. Tasks woken by interrupt handlers join the back of the queue in
//! the order of their wakes, at the executor's next scheduling decision (the
//! return of the poll that was interrupted). The `block_on` future is
//! scheduled like a task.
//!
//! **Sleep.** When no task is ready the core executes `wfe`. A handler that
//! wakes a task executes `sev` after queueing it, which sets the event
//! register: if that happens between the executor's last look at its queues
//! and its `wfe`, the `wfe` returns at once. No wake-up is lost and
//! interrupts are never masked around the sleep.
//!
//! **Interrupts are never masked** (on ARMv7-M and ARMv8-M): handlers queue
//! tasks with LDREX/STREX swaps on an *inbox* separate from the run queue,
//! and the executor's own bookkeeping is arranged so that a handler can only
//! make two kinds of change that Thread mode races with (see [`raw`]).
//! ARMv6-M (Cortex-M0/M0+) has no exclusive accesses: there the few
//! read-modify-write operations (the claim of a task that is not queued, a
//! handler's push on the inbox and the executor's take of it, waker
//! clone/drop) run with PRIMASK set for 3–6 instructions. The task switch
//! itself never does.
//!
//! **Cost.** A task switch is O(1) and touches no atomic read-modify-write:
//! the run queue is a ring in which the task being polled stays, so a task
//! that yields is re-queued by one store. Measured on thumbv7m (`cargo xtask
//! bench`, `ring` scenarios, every task awaiting the same yield future as
//! the peers' tasks; mean instructions per task switch over a steady cycle,
//! the `block_on` task's switches included): 30.8 with 4 tasks, 28.4 with
//! 31, 28.0 with 301. A wake of a task that is not queued costs more (its
//! claim, and the waker's reference count): one task waking another through
//! an embassy-sync `Signal` and blocking, 155 instructions from the
//! `signal()` to the woken task's code, and a wake from an interrupt
//! handler, 106 (see [`raw`] for both, instruction by instruction). Each
//! task carries 3 words of
//! bookkeeping (12 bytes on Cortex-M) in front of its future, and a 2-word
//! join slot next to it (the waker of a task awaiting its `JoinHandle`),
//! plus padding to the future's alignment; the memory of the future and
//! join slot holds the output after it finishes. Awaiting a `JoinHandle`
//! never allocates.
//!
//! # Soundness
//!
//! The run queue, the task list and the `block_on` state are Thread-mode
//! state: plain `Cell`s, no lock, no masking. The rule that keeps that
//! sound: **only wakers cross to handlers.**
//!
//! - **What may cross.** A [`Waker`](core::task::Waker) of a task (or of the
//!   `block_on` future) is `Send` and `Sync`, as `core` requires, and that
//!   is sound: from a handler it only stores 1 in the task's `woken` byte
//!   and claims the task for the *inbox* (a swap on Cortex-M); the
//!   executor moves it to the run queue in Thread mode (see [`raw`]).
//!   Cloning and dropping are atomic reference counts (the `block_on`
//!   future's wakers, whose header is a static, are not counted); the last
//!   reference dropped in a handler hands the task to the executor to free. Waking a
//!   finished task runs nothing (at most one no-op poll of its header);
//!   waking after the executor stopped does nothing.
//! - **What may not.** Everything else that reaches the executor stays in
//!   Thread mode, by type: the handle made by [`executor!`] (`X`) is
//!   `!Send + !Sync` and `X::get()` is `None` in a handler; a
//!   [`JoinHandle`] is `!Send + !Sync`; so is a
//!   `coroutine::CoroutineTask` (nightly feature). So none
//!   of them can be moved into a handler, a `critical_section::Mutex`
//!   static, or a closure run elsewhere (compile-fail tests in
//!   `tests/ui`). In depth: `block_on` panics naming this rule when called
//!   in a handler anyway (through `unsafe` code or a framework bug), and
//!   `spawn` does in debug builds (that check is not in release, to keep
//!   `spawn` as fast as it was); `CoroutineTask::poll` and `r#await!` panic
//!   outside Thread mode, because the context `r#await!` uses is a global.
//! - **Plain data.** [`YieldNow`] (a `bool`) is `Send + Sync`: polled in a
//!   handler it only wakes that handler's own waker. [`SpawnError<F>`]
//!   holds only the future that was not spawned and the reason: `Send`
//!   exactly when `F` is. [`SpawnErrorKind`] is `Send + Sync`.
//! - **Reading counts.** [`raw::Executor::live_tasks`] (reachable without
//!   a handle through the safe `ExecutorType::executor()`) reads an atomic
//!   that only Thread mode writes, so it is a valid, if racy, read anywhere.
//!
//! **Panics.** With `panic = "abort"` (every Cortex-M build: the profile's
//! setting and the thumb targets' default) a panicking task ends the
//! program through the `#[panic_handler]`; nothing of the executor runs
//! after it. With `panic = "unwind"` (host tests, `catch_unwind`) the
//! panic propagates out of the `block_on` that polled the task, and the
//! executor stays usable: a task whose poll panicked is taken off the run
//! queue, its future is dropped and it counts as finished — its
//! [`JoinHandle`] reports `is_finished()`, [`cancel`](JoinHandle::cancel)
//! returns `None`, and awaiting it panics ("the awaited task panicked"),
//! waking a task that was already waiting for it. A panicking `block_on`
//! future is taken off the queue likewise; the tasks continue at the next
//! `block_on`. A future whose destructor panics is left finished and its
//! memory is leaked. (That bookkeeping exists only with `panic =
//! "unwind"`: it costs firmware nothing.)
//!
//! # Cancel safety
//!
//! Every async API of this crate notes what dropping its future mid-way
//! does; in short: [`yield_now`] and [`JoinHandle`] are cancel-safe (a
//! dropped `JoinHandle` future detaches the task, which keeps running).
//!
//! # Generators
//!
//! The original design wrote tasks as generators with `#[r#async]` and
//! `r#await!`; on stable Rust those are `async fn` and `.await`. With the
//! `nightly` cargo feature, `lull_executor::coroutine(..)` also accepts a
//! literal coroutine (`#[coroutine] || { yield; }`) as a task, where a bare
//! `yield` lets the other tasks run and `r#await!(future)` awaits a future
//! (module `coroutine`, nightly only).
#![no_std]
#![cfg_attr(feature = "nightly", feature(coroutine_trait))]

use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::ptr::NonNull;
use core::task::{Context, Poll};

use allocator_api2::alloc::Layout;

pub mod raw;
mod task_sizes;

#[cfg(feature = "nightly")]
pub mod coroutine;
#[cfg(feature = "nightly")]
#[doc(hidden)]
pub use coroutine::__poll as __coroutine_poll;
#[cfg(feature = "nightly")]
pub use coroutine::coroutine;

/// Declares a thread-mode executor.
///
/// ```text
/// executor!(name = X, allocator = A);
/// executor!(name = X, allocator = A, max_spawned_tasks = N);
/// executor!(name = pub(crate) X, allocator = A);   // with a visibility
/// ```
///
/// `A` is a thread-mode allocator handle type (`#[lull_alloc::allocator]`).
/// `X` becomes a zero-sized, `Copy`, `!Send`, `!Sync` handle type with:
///
/// - `X::get() -> Option<(X, A)>`: `Some` in Thread mode only;
/// - `x.spawn(future) -> JoinHandle<T>` and
///   `x.try_spawn(future) -> Result<JoinHandle<T>, SpawnError<F>>`;
/// - `x.block_on(future) -> T`;
/// - `x.live_tasks()` (spawned, not finished) and `x.capacity()`
///   (`max_spawned_tasks`, or `usize::MAX`).
///
/// With `max_spawned_tasks = N`, at most `N` spawned tasks exist at a time;
/// the executor has no task list to grow (tasks are linked through their own
/// headers), so the limit costs no memory.
///
/// # Example
///
/// ```
/// use lull_alloc::{allocator, host::TestHeap};
/// use lull_executor::executor;
///
/// #[allocator]
/// static A: TestHeap = TestHeap::new(1024);
///
/// executor!(name = X, allocator = A, max_spawned_tasks = 1);
///
/// # lull_alloc::host::thread_mode(|| {
/// let (x, _a) = X::get().unwrap();
/// assert_eq!(x.capacity(), 1);
/// let one = x.spawn(async { 1 });
/// // Full: the future comes back.
/// let err = x.try_spawn(async { 2 }).unwrap_err();
/// assert_eq!(err.kind(), lull_executor::SpawnErrorKind::Full { capacity: 1 });
/// let two = err.into_future();
/// assert_eq!(x.block_on(async { one.await + two.await }), 3);
/// assert_eq!(x.live_tasks(), 0);
/// # lull_alloc::host::in_exception(14, || assert!(X::get().is_none()));
/// # });
/// ```
#[macro_export]
macro_rules! executor {
    (name = $vis:vis $name:ident, allocator = $alloc:ty $(,)?) => {
        $crate::executor!(@define [$vis] $name, $alloc, ::core::primitive::usize::MAX);
    };
    (name = $vis:vis $name:ident, allocator = $alloc:ty, max_spawned_tasks = $cap:expr $(,)?) => {
        $crate::executor!(@define [$vis] $name, $alloc, $cap);
    };
    (@define [$vis:vis] $name:ident, $alloc:ty, $cap:expr) => {
        /// A thread-mode executor handle (see `lull_executor::executor!`).
        #[derive(Clone, Copy)]
        $vis struct $name {
            alloc: $alloc,
            _token: $crate::raw::Token,
        }

        const _: () = {
            static EXECUTOR: $crate::raw::Executor = $crate::raw::Executor::new();
            const CAPACITY: usize = $cap;
            const _: () = ::core::assert!(CAPACITY > 0, "max_spawned_tasks must be at least 1");
            static WAKER_VTABLE: ::core::task::RawWakerVTable =
                $crate::raw::waker_vtable::<$name>();
            static ROOT_WAKER_VTABLE: ::core::task::RawWakerVTable =
                $crate::raw::root_waker_vtable::<$name>();

            // SAFETY: one static executor and waker vtable per handle type;
            // handles are `!Send` (the token) and made by `get()` only.
            unsafe impl $crate::raw::ExecutorType for $name {
                type Allocator = $alloc;
                const WAKER_VTABLE: &'static ::core::task::RawWakerVTable = &WAKER_VTABLE;
                const ROOT_WAKER_VTABLE: &'static ::core::task::RawWakerVTable =
                    &ROOT_WAKER_VTABLE;
                const CAPACITY: usize = CAPACITY;
                #[inline(always)]
                fn executor() -> &'static $crate::raw::Executor {
                    &EXECUTOR
                }
                #[inline(always)]
                fn allocator(self) -> $alloc {
                    self.alloc
                }
            }
        };

        impl ::core::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(::core::stringify!($name))
            }
        }

        #[allow(dead_code)]
        impl $name {
            /// The executor and allocator handles: `Some` in Thread mode only.
            #[inline]
            $vis fn get() -> ::core::option::Option<($name, $alloc)> {
                let alloc = <$alloc as $crate::__private::ThreadModeAllocator>::get()?;
                // SAFETY: the allocator's `get()` returned `Some`: Thread mode.
                let token = unsafe { $crate::raw::Token::new() };
                ::core::option::Option::Some(($name { alloc, _token: token }, alloc))
            }

            /// Spawns `future` as a task (see `lull_executor::spawn`).
            #[inline]
            #[track_caller]
            $vis fn spawn<F>(self, future: F) -> $crate::JoinHandle<F::Output>
            where
                F: ::core::future::Future + 'static,
            {
                $crate::spawn(self, future)
            }

            /// Spawns `future`, or gives it back (see `lull_executor::try_spawn`).
            #[inline]
            $vis fn try_spawn<F>(
                self,
                future: F,
            ) -> ::core::result::Result<$crate::JoinHandle<F::Output>, $crate::SpawnError<F>>
            where
                F: ::core::future::Future + 'static,
            {
                $crate::try_spawn(self, future)
            }

            /// Runs `future` to completion (see `lull_executor::block_on`).
            #[inline]
            #[track_caller]
            $vis fn block_on<F: ::core::future::Future>(self, future: F) -> F::Output {
                $crate::block_on(self, future)
            }

            /// Spawned tasks that have not finished or been cancelled.
            #[inline]
            $vis fn live_tasks(self) -> usize {
                <$name as $crate::raw::ExecutorType>::executor().live_tasks()
            }

            /// `max_spawned_tasks` (`usize::MAX` when not given).
            #[inline]
            $vis fn capacity(self) -> usize {
                <$name as $crate::raw::ExecutorType>::CAPACITY
            }
        }
    };
}

#[doc(hidden)]
pub mod __private {
    pub use lull_alloc::ThreadModeAllocator;
}

/// Spawns `future` as a task of executor `x` (what `X::spawn` calls).
///
/// The future is boxed in the executor's allocator and queued; it first runs
/// when a `block_on` of this executor reaches it. Panics if the executor has
/// `max_spawned_tasks` tasks already; calls `lull_alloc::handle_alloc_error`
/// if the allocator is out of memory.
///
/// ```
/// # use lull_alloc::{allocator, host::TestHeap};
/// # use lull_executor::executor;
/// # #[allocator] static A: TestHeap = TestHeap::new(1024);
/// # executor!(name = X, allocator = A);
/// # lull_alloc::host::thread_mode(|| {
/// let (x, _) = X::get().unwrap();
/// let h = lull_executor::spawn(x, async { 7 });
/// assert_eq!(x.block_on(h), 7);
/// # });
/// ```
#[track_caller]
pub fn spawn<E: raw::ExecutorType, F: Future + 'static>(x: E, future: F) -> JoinHandle<F::Output> {
    task_sizes::record::<F, E>();
    // The failure carries no future (dropped at once): the result is a
    // pointer or a small error, tested in registers. The panics are here,
    // not in a closure, so that `#[track_caller]` names the user's call.
    match raw::spawn_with(x, future, Ok, |future, why| {
        drop(future);
        Err(why)
    }) {
        Ok(t) => JoinHandle::new(t),
        Err(raw::SpawnFailure::NoMemory(layout)) => lull_alloc::handle_alloc_error(layout),
        Err(raw::SpawnFailure::Full) => full(E::CAPACITY),
    }
}

#[cold]
#[track_caller]
fn full(capacity: usize) -> ! {
    #[cfg(feature = "defmt")]
    defmt::panic!(
        "lull-executor: cannot spawn: the executor has max_spawned_tasks = {=usize} tasks \
         running already (use try_spawn to handle a full executor)",
        capacity
    );
    #[cfg(not(feature = "defmt"))]
    panic!(
        "lull-executor: cannot spawn: the executor has max_spawned_tasks = {capacity} tasks \
         running already (use try_spawn to handle a full executor)"
    )
}

/// Spawns `future`, or returns it in the error when the executor is full or
/// the allocator is out of memory (what `X::try_spawn` calls).
///
/// ```
/// # use lull_alloc::{allocator, host::TestHeap};
/// # use lull_executor::{executor, SpawnErrorKind};
/// // 64 bytes: not enough for this task.
/// #[allocator] static A: TestHeap = TestHeap::new(64);
/// executor!(name = X, allocator = A);
/// # lull_alloc::host::thread_mode(|| {
/// let (x, _) = X::get().unwrap();
/// let buffer = [0u8; 256];
/// let big = async move { buffer.len() };
/// let err = lull_executor::try_spawn(x, big).unwrap_err();
/// assert!(matches!(err.kind(), SpawnErrorKind::OutOfMemory(_)));
/// // Run it in place instead.
/// assert_eq!(x.block_on(err.into_future()), 256);
/// # });
/// ```
pub fn try_spawn<E: raw::ExecutorType, F: Future + 'static>(
    x: E,
    future: F,
) -> Result<JoinHandle<F::Output>, SpawnError<F>> {
    task_sizes::record::<F, E>();
    match raw::try_spawn(x, future) {
        Ok(t) => Ok(JoinHandle::new(t)),
        Err((future, raw::SpawnFailure::Full)) => Err(SpawnError {
            future,
            kind: SpawnErrorKind::Full {
                capacity: E::CAPACITY,
            },
        }),
        Err((future, raw::SpawnFailure::NoMemory(layout))) => Err(SpawnError {
            future,
            kind: SpawnErrorKind::OutOfMemory(layout),
        }),
    }
}

/// Drives `future` to completion on executor `x`, running its spawned tasks
/// while `future` waits (what `X::block_on` calls).
///
/// Returns as soon as `future` completes; spawned tasks that did not finish
/// stay queued and continue at the next `block_on`. Panics if called while a
/// `block_on` of the same executor is running (from a task or from the
/// `block_on` future itself), and if called in an interrupt handler (see
/// [Soundness](crate#soundness)).
///
/// ```
/// # use lull_alloc::{allocator, host::TestHeap};
/// # use lull_executor::executor;
/// # #[allocator] static A: TestHeap = TestHeap::new(1024);
/// # executor!(name = X, allocator = A);
/// # lull_alloc::host::thread_mode(|| {
/// let (x, _) = X::get().unwrap();
/// let mut local = 1; // block_on's future may borrow
/// lull_executor::block_on(x, async { local += 1 });
/// assert_eq!(local, 2);
/// # });
/// ```
#[track_caller]
pub fn block_on<E: raw::ExecutorType, F: Future>(x: E, future: F) -> F::Output {
    raw::block_on(x, future)
}

/// Lets the other ready tasks run once, then continues.
///
/// Wakes the current task and returns `Pending` once: the task goes to the
/// back of the run queue. Works on any executor.
///
/// **Cancel safety:** cancel-safe; dropping it has no effect.
///
/// ```
/// # use core::cell::RefCell;
/// # use lull_alloc::{allocator, host::TestHeap, Rc, Vec};
/// # use lull_executor::{executor, yield_now};
/// # #[allocator] static A: TestHeap = TestHeap::new(4096);
/// # executor!(name = X, allocator = A);
/// # lull_alloc::host::thread_mode(|| {
/// let (x, a) = X::get().unwrap();
/// let log = Rc::new_in(RefCell::new(Vec::new_in(a)), a);
/// let l = log.clone();
/// x.spawn(async move {
///     l.borrow_mut().push("A0");
///     yield_now().await;
///     l.borrow_mut().push("A1");
/// });
/// x.block_on(async {
///     log.borrow_mut().push("B0");
///     yield_now().await;
///     log.borrow_mut().push("B1");
/// });
/// // A was spawned (queued) before block_on queued its future: FIFO.
/// assert_eq!(*log.borrow(), ["A0", "B0", "A1", "B1"]);
/// # });
/// ```
#[inline]
pub fn yield_now() -> YieldNow {
    YieldNow { yielded: false }
}

/// The future of [`yield_now`].
#[derive(Debug)]
#[must_use = "futures do nothing unless awaited"]
pub struct YieldNow {
    yielded: bool,
}

impl Future for YieldNow {
    type Output = ();

    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            Poll::Ready(())
        } else {
            self.yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// The handle of a spawned task: await it for the task's output, drop it to
/// detach the task, or [`cancel`](Self::cancel) it.
///
/// Like the executor handle it is `!Send` and `!Sync`: it stays in Thread
/// mode. Awaiting it never allocates: the awaiting task's waker is kept in
/// the task's own memory.
///
/// If the task's poll panicked (only possible with `panic = "unwind"`, see
/// [Soundness](crate#soundness)), the handle is finished, `cancel` returns
/// `None`, and awaiting it panics.
///
/// **Cancel safety:** awaiting is cancel-safe: dropping the `.await` (e.g.
/// in a `select`) drops the handle, which detaches the task; the task keeps
/// running and its output is dropped when it finishes.
///
/// ```
/// # use lull_alloc::{allocator, host::TestHeap};
/// # use lull_executor::{executor, yield_now};
/// # #[allocator] static A: TestHeap = TestHeap::new(4096);
/// # executor!(name = X, allocator = A);
/// # lull_alloc::host::thread_mode(|| {
/// let (x, _) = X::get().unwrap();
/// let h = x.spawn(async {
///     yield_now().await;
///     6 * 7
/// });
/// assert!(!h.is_finished());
/// assert_eq!(x.block_on(h), 42);
/// # });
/// ```
pub struct JoinHandle<T> {
    task: NonNull<raw::Header>,
    _marker: PhantomData<(T, *mut ())>,
}

impl<T> JoinHandle<T> {
    fn new(task: NonNull<raw::Header>) -> Self {
        JoinHandle {
            task,
            _marker: PhantomData,
        }
    }

    /// Whether the task finished (its output is ready) or was cancelled.
    ///
    /// ```
    /// # use lull_alloc::{allocator, host::TestHeap};
    /// # use lull_executor::executor;
    /// # #[allocator] static A: TestHeap = TestHeap::new(1024);
    /// # executor!(name = X, allocator = A);
    /// # lull_alloc::host::thread_mode(|| {
    /// let (x, _) = X::get().unwrap();
    /// let h = x.spawn(async {});
    /// assert!(!h.is_finished()); // spawned, not run yet
    /// x.block_on(async { lull_executor::yield_now().await });
    /// assert!(h.is_finished());
    /// # });
    /// ```
    pub fn is_finished(&self) -> bool {
        // SAFETY: the handle keeps the task alive.
        unsafe { raw::join_is_finished(self.task) }
    }

    /// Cancels the task: its future is dropped and never polled again.
    /// Returns the output instead if the task had finished already.
    ///
    /// The future is dropped now — except when the task cancels itself (or
    /// is the very next task to run during `block_on`): then it is dropped
    /// when the executor reaches it, before it could be polled.
    ///
    /// ```
    /// # use core::cell::Cell;
    /// # use lull_alloc::{allocator, host::TestHeap, Rc};
    /// # use lull_executor::{executor, yield_now};
    /// # #[allocator] static A: TestHeap = TestHeap::new(4096);
    /// # executor!(name = X, allocator = A);
    /// # lull_alloc::host::thread_mode(|| {
    /// let (x, a) = X::get().unwrap();
    /// let polls = Rc::new_in(Cell::new(0), a);
    /// let p = polls.clone();
    /// let forever = x.spawn(async move {
    ///     loop {
    ///         p.set(p.get() + 1);
    ///         yield_now().await;
    ///     }
    /// });
    /// x.block_on(async { yield_now().await; yield_now().await });
    /// assert_eq!(forever.cancel(), None::<()>);
    /// let n = polls.get();
    /// x.block_on(async { yield_now().await });
    /// assert_eq!(polls.get(), n); // never polled again
    /// assert_eq!(Rc::strong_count(&polls), 1); // its future was dropped
    /// # });
    /// ```
    pub fn cancel(self) -> Option<T> {
        let this = core::mem::ManuallyDrop::new(self);
        // SAFETY: the handle keeps the task alive and is consumed here.
        unsafe { raw::join_cancel(this.task) }
    }
}

impl<T> Future for JoinHandle<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        // SAFETY: the handle keeps the task alive; `T` is its output type.
        unsafe { raw::join_poll(self.task, cx) }
    }
}

impl<T> Drop for JoinHandle<T> {
    fn drop(&mut self) {
        // SAFETY: the handle's reference is given back once.
        unsafe { raw::join_drop(self.task) }
    }
}

impl<T> fmt::Debug for JoinHandle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JoinHandle")
            .field("task", &self.task)
            .field("finished", &self.is_finished())
            .finish()
    }
}

/// Why [`try_spawn`] failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpawnErrorKind {
    /// `max_spawned_tasks` tasks are running already.
    Full {
        /// The executor's `max_spawned_tasks`.
        capacity: usize,
    },
    /// The allocator could not allocate the task (this layout).
    OutOfMemory(Layout),
}

/// A failed [`try_spawn`]: holds the future that was not spawned.
///
/// ```
/// # use lull_executor::SpawnErrorKind;
/// # use lull_alloc::{allocator, host::TestHeap};
/// # use lull_executor::executor;
/// # #[allocator] static A: TestHeap = TestHeap::new(1024);
/// # executor!(name = X, allocator = A, max_spawned_tasks = 1);
/// # lull_alloc::host::thread_mode(|| {
/// # let (x, _) = X::get().unwrap();
/// # let _first = x.spawn(async {});
/// let err = x.try_spawn(async { 5 }).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "cannot spawn: the executor has max_spawned_tasks = 1 tasks running already"
/// );
/// let fut = err.into_future();
/// # drop(fut);
/// # });
/// ```
pub struct SpawnError<F> {
    future: F,
    kind: SpawnErrorKind,
}

impl<F> SpawnError<F> {
    /// Why the spawn failed.
    pub fn kind(&self) -> SpawnErrorKind {
        self.kind
    }

    /// The future that was not spawned.
    pub fn into_future(self) -> F {
        self.future
    }
}

impl<F> fmt::Debug for SpawnError<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SpawnError")
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

#[cfg(feature = "defmt")]
impl defmt::Format for SpawnErrorKind {
    fn format(&self, f: defmt::Formatter<'_>) {
        match self {
            SpawnErrorKind::Full { capacity } => {
                defmt::write!(f, "Full {{ capacity: {=usize} }}", capacity)
            }
            SpawnErrorKind::OutOfMemory(layout) => defmt::write!(
                f,
                "OutOfMemory {{ size: {=usize}, align: {=usize} }}",
                layout.size(),
                layout.align()
            ),
        }
    }
}

#[cfg(feature = "defmt")]
impl<F> defmt::Format for SpawnError<F> {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(f, "SpawnError {{ kind: {} }}", self.kind)
    }
}

impl<F> fmt::Display for SpawnError<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            SpawnErrorKind::Full { capacity } => write!(
                f,
                "cannot spawn: the executor has max_spawned_tasks = {capacity} tasks running already"
            ),
            SpawnErrorKind::OutOfMemory(layout) => write!(
                f,
                "cannot spawn: out of memory for a task of {} bytes aligned to {}",
                layout.size(),
                layout.align()
            ),
        }
    }
}

impl<F> core::error::Error for SpawnError<F> {}

/// Host stand-ins for the executor's sleep (`wfe`) and an interrupt
/// handler's signal (`sev`), for tests on a PC.
///
/// When no task is ready, the executor calls the *sleep hook* instead of
/// `wfe`; a test uses it to simulate the interrupt that would wake the core
/// (e.g. `lull_alloc::host::in_exception(n, || waker.wake())`). Without a
/// hook it panics: on a host nothing else could ever wake it. The *pend
/// hook* is called where a handler's wake executes `sev`.
///
/// ```
/// use lull_alloc::{allocator, host::TestHeap};
/// use lull_executor::executor;
///
/// #[allocator]
/// static A: TestHeap = TestHeap::new(1024);
/// executor!(name = X, allocator = A);
///
/// lull_executor::host::set_sleep_hook::<X>(Some(|| {}));
/// lull_executor::host::set_sleep_hook::<X>(None);
/// lull_executor::host::set_pend_hook::<X>(None);
/// ```
#[cfg(not(target_os = "none"))]
pub mod host {
    use crate::raw::ExecutorType;

    /// Sets (or clears) the function called when executor `E` would sleep.
    pub fn set_sleep_hook<E: ExecutorType>(hook: Option<fn()>) {
        E::executor().host.set_sleep(hook);
    }

    /// Sets (or clears) the function called when a handler wakes a task of
    /// executor `E` (where Cortex-M executes `sev`).
    pub fn set_pend_hook<E: ExecutorType>(hook: Option<fn()>) {
        E::executor().host.set_pend(hook);
    }
}
