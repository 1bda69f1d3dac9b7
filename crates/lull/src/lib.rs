//! Lull: async Rust for ARM Cortex-M that never gets in the way of hard
//! real-time code.
//!
//! This crate re-exports Lull's parts so that an application adds one
//! dependency. Each part is also a crate of its own, usable without the
//! others:
//!
//! | module | crate | what |
//! |---|---|---|
//! | [`tlsf`] | `lull-tlsf` | constant-time TLSF allocator over memory you give it |
//! | [`app`] | `lull-app` | `#[lull::app]`: SRP real-time framework, hardware/software/generator tasks |
//! | [`alloc`] | `lull-alloc` | thread-mode allocator handles (`#[allocator]`, `#[oom]`) and allocator-generic `Box`, `Vec`, `Rc`, `String` |
//! | [`executor`](mod@executor) | `lull-executor` | thread-mode async executor: `executor!`, `spawn`, `block_on`, `JoinHandle`, `yield_now` |
//! | `time` (feature `time`) | `lull-time` | embassy-time driver on SysTick: `lull::time::init(syst, core_clock_hz)`, then `embassy_time::Timer` etc. in every kind of task |
//!
//! The thread-mode allocator's attributes are re-exported at the top level:
//! `#[lull::allocator]`, `#[lull::oom]`.
#![no_std]

pub use lull_alloc as alloc;
pub use lull_alloc::{allocator, oom};
pub use lull_tlsf as tlsf;

/// The thread-mode executor (`lull::executor!`, `lull::executor::yield_now`,
/// `lull::executor::JoinHandle`).
pub use lull_executor as executor;
pub use lull_executor::executor;

/// The real-time framework: `#[lull::app]` (the attribute) and its runtime
/// (`lull::app::pend`, `lull::app::Mutex`, `lull::app::monotonic`).
pub use lull_app as app;
#[doc(hidden)]
pub use lull_app::__app_export;
pub use lull_app::app;

/// The embassy-time driver (feature `time`): `lull::time::init(syst,
/// core_clock_hz)` starts it; `embassy_time::{Timer, Ticker, with_timeout,
/// Delay}` then work in thread-mode tasks and in generator tasks. Leave the
/// feature off when the HAL provides the embassy-time driver. Feature
/// `time-driver` is the driver without its `SysTick` handler (call
/// `lull::time::on_tick()` from yours).
#[cfg(feature = "time-driver")]
pub use lull_time as time;
