//! Runtime of Lull's real-time framework, [`app`].
//!
//! `#[lull::app]` turns a module of tasks into a Stack Resource Policy (SRP)
//! scheduler run by the NVIC, the way RTIC does:
//!
//! - **hardware tasks** (`#[task(binds = IRQ, priority = N)]`) are interrupt
//!   handlers;
//! - **software tasks** (`#[task(priority = N, capacity = K)]`) take inputs,
//!   are started with `task::spawn(inputs)` and run from a *dispatcher*
//!   interrupt (one per priority level, listed in `dispatchers = [..]`);
//! - **generator tasks** are tasks whose function returns a state machine
//!   (`impl Future<Output = Infallible>`): it is built once after `init` and
//!   resumed each time the task is triggered (see [`app`]);
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
//! interrupts on ARMv6-M; nested locks of plain tasks skip the BASEPRI writes
//! that cannot change anything.
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
