//! Runtime of Lull's real-time framework, [`app`].
//!
//! **[The reference](mod@reference)** lists every argument of `#[lull::app]`,
//! every task kind and attribute, every context field, what `spawn`
//! returns and the priority range, each with a tested example.
//!
//! `#[lull::app]` turns a module of tasks into a Stack Resource Policy (SRP)
//! scheduler run by the NVIC, the way RTIC does:
//!
//! - **hardware tasks** (`#[task(binds = IRQ, priority = N)]`) are interrupt
//!   handlers; `binds = SysTick` or `binds = PendSV` makes a core exception
//!   a task (on ARMv6-M, whose NVIC cannot mask them, a lock whose ceiling
//!   covers such a task disables interrupts instead; with `lull`'s `time`
//!   feature the time driver owns `SysTick`, and binding it is a compile
//!   error);
//! - **software tasks** (`#[task(priority = N, capacity = K)]`) take inputs,
//!   are started with `task::spawn(inputs)` and run from a *dispatcher*
//!   interrupt (one per priority level, listed in `dispatchers = [..]`);
//! - **generator tasks** are tasks whose function returns a state machine
//!   (`impl Future<Output = Infallible>`): it is built once after `init` and
//!   resumed each time the task is triggered (see [generator
//!   tasks](mod@reference#generator-tasks));
//! - **resources** in `#[shared]` are reached with `lock(|r| ..)`, whose
//!   ceiling is computed at compile time; `&r` in a task's list is share-only
//!   (no lock), `#[lock_free]` resources are used at one priority only;
//!   `#[local]` resources belong to one task.
//!
//! - **`#[idle]`** runs in thread mode after `init` and never returns;
//!   without one the core sleeps (`wfi`) between tasks. With
//!   `executor = X` in the attribute (`X` declared by
//!   `lull::executor!(name = X, allocator = A)`), idle's context carries
//!   `cx.executor: X` and `cx.allocator: A`: async code runs in idle on the
//!   thread-mode executor and heap, which no interrupt handler can reach, so
//!   it never delays a task (`examples/src/bin/app_idle.rs`).
//!
//! Locks raise BASEPRI on ARMv7-M / ARMv8-M mainline and mask NVIC
//! interrupts on ARMv6-M and ARMv8-M Baseline (whose tasks and dispatchers
//! must use interrupts 0..32: checked at compile time); nested locks of
//! plain tasks skip the BASEPRI writes that cannot change anything.
//!
//! # Soundness rules: what crosses from thread mode to a handler
//!
//! Lull keeps one promise that the rest of its design leans on: the
//! thread-mode heap (`#[allocator]`), everything allocated on it, and the
//! thread-mode executor are reached from thread mode only, so they need no
//! lock and never mask an interrupt. Thread mode here is `main`, `#[init]`
//! and `#[idle]`; every task runs in an interrupt handler. The handles that
//! reach thread-mode state (`A` of `#[allocator] static A`, `Box<T, A>`,
//! `Vec<T, A>`, `Rc<T, A>`, the executor handle, `JoinHandle`) are `!Send`,
//! and the app checks `Send` wherever a value made in thread mode can end
//! up in a handler:
//!
//! | what | made in | used in | bound |
//! |---|---|---|---|
//! | `#[shared]` resource used by any task | `init` | handlers | `Send` (error at the field's type) |
//! | `#[shared]` resource used by `#[idle]` only | `init` | thread mode | none: `!Send` values may stay |
//! | share-only (`&r`) resource used at several priorities | `init` | several contexts at once | `Sync` too |
//! | `#[local]` resource of a task | `init` | its handler | `Send` |
//! | `#[local]` resource of `#[idle]` | `init` | thread mode | none |
//! | `local = [x: T = value]` of a task | compile time (a `static`) | its handler | none: no thread-mode code made it |
//! | software-task input, generator `resume = T` | any context's `spawn` | the dispatcher | `Send` |
//! | a generator task's state machine | its constructor and first poll, run **in handler mode** | its handler | none needed: see below |
//!
//! A generator task's constructor and its first poll put values into the
//! state machine that its handler later resumes. `main` therefore runs them
//! inside the `SVCall` exception (an `svc` after `init`, with every task
//! interrupt still masked in the NVIC and `SVCall` at the lowest task
//! priority, so a constructor may start a `lull::time` timer): there, as in
//! the handler, `A::get()` of a thread-mode allocator and an executor's
//! `get()` are `None`, so no thread-mode handle can be captured. Apps with
//! generator tasks own `SVCall` (a second `svc` panics; defining `SVCall`
//! elsewhere fails to link). Interrupts are enabled for the `svc`, so a core
//! exception the application enabled in `init` (SysTick, a `SysTick` or
//! `PendSV` task) may run before or during the build: every resource is
//! already written, and no state machine is reachable from it.
//!
//! The zero-sized handles a task's context holds — resource proxies,
//! `Trigger`, and the future `next()` returns — are `!Send`: they belong to
//! the task whose context made them, and cannot be parked in a resource,
//! sent as a spawn input or made by another task (`Next::new` is `unsafe`).
//!
//! A hardware generator task's `next()` completes only for runs of its
//! handler that a hardware event caused. Its wakers (handed to the futures
//! it awaits between events) pend the same interrupt, but first set a flag
//! the handler tests, so a wake polls the state machine without completing
//! `next()`. If an edge-triggered (pulse) event and a wake land in the same
//! run, that run counts as the wake; level-triggered peripheral interrupts,
//! the usual kind, pend again while their status flag is set, so their event
//! is seen on the next run.
//!
//! What the compiler cannot see, and the rules above do not cover: `unsafe`
//! code (a `static mut`, `Waker::from_raw`, `svc` in `asm!`), and values made
//! `Send` by an `unsafe impl`.
//!
//! This crate is reached through the umbrella crate (`lull::app`); the
//! examples in `examples/src/bin/` of the repository run in QEMU.
//!
//! ```ignore
//! // Firmware: see examples/src/bin/app_lock.rs for the full program.
//! #[lull::app(device = lm3s6965, dispatchers = [SSI0])]
//! mod app {
//!     #[shared]
//!     struct Shared { count: u32 }
//!     #[local]
//!     struct Local {}
//!
//!     #[init]
//!     fn init(_: init::Context) -> (Shared, Local) {
//!         lull::app::pend(lm3s6965::Interrupt::UART0);
//!         (Shared { count: 0 }, Local {})
//!     }
//!
//!     #[task(binds = UART0, priority = 1, shared = [count])]
//!     fn uart0(mut cx: uart0::Context) {
//!         cx.shared.count.lock(|c| *c += 1);
//!     }
//! }
//! ```
#![no_std]
#![cfg_attr(feature = "nightly", feature(coroutine_trait))]

#[doc(hidden)]
pub mod export;
pub mod monotonic;
pub mod reference;

/// `#[lull::app(device = PAC, ..)] mod app { .. }`: see [the
/// reference](crate::reference) for its arguments, items and contexts.
pub use lull_app_macros::app;

#[doc(hidden)]
pub use export as __app_export;

/// Access to a resource shared between tasks of different priorities.
///
/// The proxies in `cx.shared` have an inherent `lock` as well; the trait lets
/// generic code take any of them.
///
/// ```ignore
/// fn bump(mut counter: impl lull::app::Mutex<T = u32>) {
///     counter.lock(|c| *c += 1);
/// }
/// ```
pub trait Mutex {
    /// The resource's type.
    type T;
    /// Runs `f` with exclusive access to the resource: the running priority
    /// is raised to the resource's ceiling for the duration of `f`.
    fn lock<R>(&mut self, f: impl FnOnce(&mut Self::T) -> R) -> R;
}

macro_rules! multi_lock {
    ($(#[$doc:meta])* $name:ident: $($p:ident $v:ident),+) => {
        $(#[$doc])*
        pub trait $name {
            $(
                #[doc = concat!("The type of resource `", stringify!($v), "`.")]
                type $p;
            )+
            /// Runs `f` with exclusive access to every resource of the
            /// tuple, at the highest of their ceilings (one priority raise).
            fn lock<R>(self, f: impl FnOnce($(&mut Self::$p),+) -> R) -> R;
        }

        impl<$($p: export::Proxy),+> $name for ($($p,)+) {
            $(type $p = <$p as export::Proxy>::T;)+
            #[inline(always)]
            fn lock<R>(self, f: impl FnOnce($(&mut Self::$p),+) -> R) -> R {
                let ($($v,)+) = self;
                let mut ceiling = 0;
                $(if <$p as export::Proxy>::CEILING > ceiling {
                    ceiling = <$p as export::Proxy>::CEILING;
                })+
                let mask = 0 $(| <$p as export::Proxy>::MASK)+;
                let free = true $(&& <$p as export::Proxy>::FREE)+;
                multi_lock!(@first first, $($v),+);
                // SAFETY: the proxies are distinct fields of one task's
                // context (two `&mut` to one proxy cannot coexist), so the
                // resources are distinct; the ceiling covers all of them;
                // the borrows end with `f`.
                unsafe {
                    export::lock_many(first, free, ceiling, mask, || f($(&mut *$v.ptr()),+))
                }
            }
        }
    };
    (@first $f:ident, $v0:ident $(, $v:ident)*) => {
        let $f = &$v0;
    };
}

multi_lock!(
    /// Locks two resources at once: `(a, b).lock(|a, b| ..)`.
    ///
    /// The proxies (or `&mut` to them) are those of one task's context; the
    /// running priority is raised once, to the highest of their ceilings,
    /// instead of once per resource as nested `lock`s would. In scope in
    /// every `#[lull::app]` module.
    ///
    /// ```ignore
    /// #[task(binds = UART0, priority = 1, shared = [rx, stats])]
    /// fn uart0(mut cx: uart0::Context) {
    ///     (&mut cx.shared.rx, &mut cx.shared.stats).lock(|rx, stats| {
    ///         stats.bytes += rx.len() as u32;
    ///     });
    /// }
    /// ```
    Lock2: A a, B b
);
multi_lock!(
    /// Locks three resources at once; see [`Lock2`].
    Lock3: A a, B b, C c
);
multi_lock!(
    /// Locks four resources at once; see [`Lock2`].
    Lock4: A a, B b, C c, D d
);

/// Sets interrupt `irq` pending: its hardware task (or the dispatcher bound
/// to it) runs as soon as the running priority allows. If that priority is
/// higher than the caller's, the task has run when `pend` returns (the pend
/// is followed by DSB + ISB).
///
/// ```ignore
/// lull::app::pend(lm3s6965::Interrupt::UART0);
/// ```
#[inline(always)]
pub fn pend<I: cortex_m::interrupt::InterruptNumber>(irq: I) {
    export::pend_raw(irq.number())
}
