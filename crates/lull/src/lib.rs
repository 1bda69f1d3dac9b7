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
//! | [`app`](mod@app) | `lull-app` | `#[lull::app]`: SRP real-time framework, hardware/software/generator tasks |
//! | [`alloc`] | `lull-alloc` | thread-mode allocator handles (`#[allocator]`, `#[oom]`) and allocator-generic `Box`, `Vec`, `Rc`, `String` |
//! | [`executor`](mod@executor) | `lull-executor` | thread-mode async executor: `executor!`, `spawn`, `block_on`, `JoinHandle`, `yield_now` |
//! | `time` (feature `time`) | `lull-time` | embassy-time driver on SysTick: `lull::time::init(syst, core_clock_hz)`, then `embassy_time::Timer` etc. in every kind of task |
//!
//! The thread-mode allocator's attributes are re-exported at the top level:
//! `#[lull::allocator]`, `#[lull::oom]`.
//!
//! # An application
//!
//! `#[lull::app]` ([reference](lull_app::reference)) with async code on the
//! thread-mode executor in `idle`, over a TLSF heap that only thread mode
//! can reach. On a device `device` is the PAC (`device = lm3s6965`); here a
//! stand-in lets the example build on the host. `templates/app/` of the
//! repository is this program as a project that runs in QEMU.
//!
//! ```rust
//! # use lull::__app_export::cortex_m;
//! # pub mod device {
//! #     pub const NVIC_PRIO_BITS: u8 = 3;
//! #     #[derive(Clone, Copy)]
//! #     #[repr(u16)]
//! #     pub enum Interrupt { UART0 = 0, GPIOA = 1 }
//! #     // SAFETY: distinct numbers below the NVIC's limit.
//! #     unsafe impl lull::__app_export::cortex_m::interrupt::InterruptNumber for Interrupt {
//! #         fn number(self) -> u16 { self as u16 }
//! #     }
//! #     pub struct Peripherals;
//! #     impl Peripherals {
//! #         /// # Safety
//! #         /// Stand-in.
//! #         pub unsafe fn steal() -> Self { Peripherals }
//! #     }
//! # }
//! use lull::tlsf::Tlsf;
//!
//! // The thread-mode heap: `A::get()` is `Some` in thread mode only.
//! #[lull::allocator(memory = 1024)]
//! static A: Tlsf = Tlsf::new();
//!
//! // The thread-mode executor, spawning its tasks on `A`.
//! lull::executor!(name = Executor, allocator = A);
//!
//! #[lull::app(device = crate::device, executor = Executor)]
//! mod app {
//!     use lull::alloc::Box;
//! #   use lull::__app_export::cortex_m;
//!
//!     #[shared]
//!     struct Shared {
//!         presses: u32,
//!     }
//!     #[local]
//!     struct Local {}
//!
//!     #[init]
//!     fn init(_: init::Context) -> (Shared, Local) {
//!         (Shared { presses: 0 }, Local {})
//!     }
//!
//!     // Thread mode: `cx.executor` and `cx.allocator` exist only here.
//!     #[idle(shared = [presses])]
//!     fn idle(mut cx: idle::Context) -> ! {
//!         let boxed = Box::new_in(7u32, cx.allocator);
//!         cx.executor.spawn(async move {
//!             let _ = *boxed;
//!             lull::executor::yield_now().await;
//!         });
//!         let n = cx.executor.block_on(async { 1 });
//!         cx.shared.presses.lock(|p| *p += n);
//!         loop {
//!             cortex_m::asm::wfi();
//!         }
//!     }
//!
//!     #[task(binds = GPIOA, priority = 1, shared = [presses])]
//!     fn button(mut cx: button::Context) {
//!         cx.shared.presses.lock(|p| *p += 1);
//!     }
//! }
//! # fn main() {}
//! ```
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
