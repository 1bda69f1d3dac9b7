//! Reference of `#[lull::app]`: every argument, item, attribute and context
//! field, each with a minimal example.
//!
//! Every example on this page is a doc test: it builds on the host against
//! a stand-in device crate (hidden lines; a real application names its PAC,
//! e.g. `device = lm3s6965`), the way `tests/host_app.rs` does. On the host
//! `pend` does nothing and no task runs, so the examples check what
//! compiles and what `spawn` returns. Complete programs that run in QEMU are
//! in `examples/src/bin/app_*.rs` and `gen_*.rs` of the repository (their
//! `device = lull_examples::device` names interrupt lines `SWI0`..`SWI5`
//! that every QEMU board of the tests has; a real application names its PAC
//! and the interrupts it uses), and `templates/app/` is a project to start
//! from.
//!
//! In the examples `lull` is this crate (`extern crate lull_app as lull`,
//! hidden); an application depends on the umbrella crate `lull`, where this
//! crate is `lull::app`: write `lull::app::monotonic::SysTick` for
//! `lull::monotonic::SysTick`, `lull::app::Mutex` for `lull::Mutex`.
//!
//! What may cross from thread mode (`init`, `idle`) into a task, and what
//! the compiler checks about it, is in the crate's
//! [Soundness rules](crate#soundness-rules-what-crosses-from-thread-mode-to-a-handler).
//!
//! # The skeleton
//!
//! ```rust
//! # extern crate lull_app as lull;
//! # pub mod device {
//! #     pub const NVIC_PRIO_BITS: u8 = 3;
//! #     #[derive(Clone, Copy)]
//! #     #[repr(u16)]
//! #     pub enum Interrupt { UART0 = 0, GPIOA = 1, SSI0 = 2, QEI0 = 3 }
//! #     // SAFETY: distinct numbers below the NVIC's limit.
//! #     unsafe impl cortex_m::interrupt::InterruptNumber for Interrupt {
//! #         fn number(self) -> u16 { self as u16 }
//! #     }
//! #     pub struct Peripherals;
//! #     impl Peripherals {
//! #         /// # Safety
//! #         /// Stand-in.
//! #         pub unsafe fn steal() -> Self { Peripherals }
//! #     }
//! # }
//! #[lull::app(device = crate::device)]
//! mod app {
//!     #[shared]
//!     struct Shared {}
//!
//!     #[local]
//!     struct Local {}
//!
//!     #[init]
//!     fn init(_cx: init::Context) -> (Shared, Local) {
//!         (Shared {}, Local {})
//!     }
//! }
//! # fn main() {}
//! ```
//!
//! The attribute goes on an inline module. The module holds exactly one
//! `#[shared]` struct, one `#[local]` struct and one `#[init]` function;
//! optionally one `#[idle]` function; any number of `#[task]` functions;
//! and any other items (`use`, helper functions, constants), kept as they
//! are. Every task gets a module of the same name holding its `Context`
//! (and `spawn` for software tasks).
//!
//! At reset the generated `main` disables interrupts, sets the priority of
//! every interrupt the app uses, calls `init`, moves the resources it
//! returned into their statics, builds the generator tasks (in `SVCall`,
//! see the soundness rules), unmasks the interrupts, enables them and
//! enters `idle` — or, without `#[idle]`, sleeps (`wfi`) between tasks.
//!
//! # Arguments
//!
//! | argument | required | what |
//! |---|---|---|
//! | `device = path` | yes | the device crate (PAC). It must provide `Interrupt` (an enum implementing `cortex_m::interrupt::InterruptNumber`; `binds` and `dispatchers` name its variants), `NVIC_PRIO_BITS` and `Peripherals::steal()`, as every svd2rust PAC with the `rt` feature does |
//! | `dispatchers = [IRQ, ..]` | when there are software tasks | free interrupts (no hardware task binds them, no peripheral raises them) that run software tasks: one per priority level used by software tasks, assigned in order from the lowest level |
//! | `executor = X` | no | the thread-mode executor (`lull::executor!(name = X, allocator = A)`, declared anywhere the module can name it) that `#[idle]` receives as `cx.executor` and `cx.allocator`; needs `#[idle]` |
//! | `monotonic = path` | no | a [`Monotonic`](crate::monotonic::Monotonic) timer (e.g. [`lull::app::monotonic::SysTick`](crate::monotonic::SysTick)): generator tasks get `cx.started()` / `trigger.started()`, the instant their handler was entered for the current resumption |
//!
//! `dispatchers` and `monotonic`:
//!
//! ```rust
//! # extern crate lull_app as lull;
//! # pub mod device {
//! #     pub const NVIC_PRIO_BITS: u8 = 3;
//! #     #[derive(Clone, Copy)]
//! #     #[repr(u16)]
//! #     pub enum Interrupt { UART0 = 0, GPIOA = 1, SSI0 = 2, QEI0 = 3 }
//! #     // SAFETY: distinct numbers below the NVIC's limit.
//! #     unsafe impl cortex_m::interrupt::InterruptNumber for Interrupt {
//! #         fn number(self) -> u16 { self as u16 }
//! #     }
//! #     pub struct Peripherals;
//! #     impl Peripherals {
//! #         /// # Safety
//! #         /// Stand-in.
//! #         pub unsafe fn steal() -> Self { Peripherals }
//! #     }
//! # }
//! #[lull::app(
//!     device = crate::device,
//!     dispatchers = [SSI0, QEI0],
//!     monotonic = lull::monotonic::SysTick,
//! )]
//! mod app {
//!     use core::{convert::Infallible, future::Future};
//!
//!     #[shared]
//!     struct Shared {}
//!     #[local]
//!     struct Local {}
//!
//!     #[init]
//!     fn init(mut cx: init::Context) -> (Shared, Local) {
//!         lull::monotonic::SysTick::start(&mut cx.core.SYST);
//!         (Shared {}, Local {})
//!     }
//!
//!     // Two software priority levels: two dispatchers (SSI0 runs priority
//!     // 1, QEI0 priority 2).
//!     #[task(priority = 1)]
//!     fn log(_cx: log::Context, _line: u32) {}
//!
//!     #[task(priority = 2)]
//!     fn urgent(_cx: urgent::Context) {}
//!
//!     // `monotonic` gives generator tasks `started()`.
//!     #[task(binds = UART0, priority = 3)]
//!     fn rx(cx: rx::Context) -> impl Future<Output = Infallible> {
//!         async move {
//!             loop {
//!                 cx.next().await;
//!                 let _entered: lull::monotonic::Ticks = cx.started();
//!             }
//!         }
//!     }
//! }
//! # fn main() {}
//! ```
//!
//! `executor = X` is shown under [`#[idle]`](#idle); its example is a doc
//! test of the `lull` crate (it needs the executor and allocator crates).
//!
//! # `#[shared]` and `#[local]`
//!
//! The two structs list the resources `init` creates. Each `#[shared]`
//! field is a resource that tasks name in their `shared = [..]` list; each
//! `#[local]` field belongs to the one task that names it in its
//! `local = [..]` list. Field attributes:
//!
//! - `#[lock_free]` on a `#[shared]` field: every task using it runs at one
//!   priority level (checked at compile time), so it needs no lock; the
//!   task's proxy dereferences to `&mut T`. The compiler suggests it when
//!   a locked resource is used at one level only.
//! - `#[cfg(..)]` on any field: the resource exists only when the predicate
//!   holds; the entries naming it in task lists carry the same `#[cfg]`.
//!
//! ```rust
//! # extern crate lull_app as lull;
//! # pub mod device {
//! #     pub const NVIC_PRIO_BITS: u8 = 3;
//! #     #[derive(Clone, Copy)]
//! #     #[repr(u16)]
//! #     pub enum Interrupt { UART0 = 0, GPIOA = 1, SSI0 = 2, QEI0 = 3 }
//! #     // SAFETY: distinct numbers below the NVIC's limit.
//! #     unsafe impl cortex_m::interrupt::InterruptNumber for Interrupt {
//! #         fn number(self) -> u16 { self as u16 }
//! #     }
//! #     pub struct Peripherals;
//! #     impl Peripherals {
//! #         /// # Safety
//! #         /// Stand-in.
//! #         pub unsafe fn steal() -> Self { Peripherals }
//! #     }
//! # }
//! #[lull::app(device = crate::device)]
//! mod app {
//!     #[shared]
//!     struct Shared {
//!         #[lock_free]
//!         bytes: u32,
//!     }
//!     #[local]
//!     struct Local {
//!         last: u8,
//!     }
//!
//!     #[init]
//!     fn init(_: init::Context) -> (Shared, Local) {
//!         (Shared { bytes: 0 }, Local { last: 0 })
//!     }
//!
//!     // `bytes` is used at priority 2 only: no lock.
//!     #[task(binds = UART0, priority = 2, shared = [bytes], local = [last])]
//!     fn rx(cx: rx::Context) {
//!         *cx.shared.bytes += 1;
//!         *cx.local.last = 0x55;
//!     }
//! }
//! # fn main() {}
//! ```
//!
//! # `#[init]`
//!
//! `fn init(cx: init::Context) -> (Shared, Local)` runs first, in thread
//! mode with interrupts disabled, and returns every resource. Its one
//! argument is `#[init(local = [..])]` with declared locals only
//! (`name: Type = expr`), `&'static mut` because `init` runs once.
//!
//! # `#[idle]`
//!
//! `fn idle(cx: idle::Context) -> !` runs in thread mode (priority 0) after
//! `init`, preempted by every task; without it the core sleeps between
//! tasks. Arguments: `shared = [..]` and `local = [..]` as for tasks.
//! With `executor = X` in the app's arguments, `cx.executor` (the executor
//! handle `X`) and `cx.allocator` (its thread-mode heap handle) run async
//! code in idle — on a heap no interrupt handler can reach:
//!
//! ```rust,ignore
//! #[lull::allocator(memory = 4096)]
//! static A: lull::tlsf::Tlsf = lull::tlsf::Tlsf::new();
//! lull::executor!(name = X, allocator = A);
//!
//! #[lull::app(device = lm3s6965, executor = X)]
//! mod app {
//!     // ..
//!     #[idle]
//!     fn idle(cx: idle::Context) -> ! {
//!         cx.executor.spawn(async { /* .. */ });
//!         cx.executor.block_on(async { /* .. */ loop {} })
//!     }
//! }
//! ```
//!
//! (The complete program is a doc test of the `lull` crate, the umbrella
//! that provides `lull::executor` and `lull::allocator`; `templates/app/`
//! and `examples/src/bin/app_idle.rs` run it in QEMU.)
//!
//! # `#[task]`: the three kinds
//!
//! | kind | written as | runs |
//! |---|---|---|
//! | hardware task | `#[task(binds = IRQ, ..)] fn t(cx: t::Context)` | as the handler of interrupt `IRQ`, at the task's priority, whenever it is pending |
//! | software task | `#[task(..)] fn t(cx: t::Context, a: A, b: B)` (no `binds`) | from its priority level's dispatcher, once per `t::spawn(a, b)` |
//! | generator task | either of the above returning `impl Future<Output = Infallible>` | the function is a *constructor*, called once before any task runs; the state machine it returns is resumed by the task's handler each time the task is triggered (its interrupt, or `t::spawn(..)`) |
//!
//! A generator task's state machine is stored in a `static` sized at
//! compile time (`t::STATE_BYTES`); it waits for its next trigger with
//! `cx.next().await` (or `trigger.next().await` once the context has been
//! taken apart) and may await any other future between triggers: a wake
//! re-runs its handler. It never completes (`Infallible`). With the
//! `nightly` feature of `lull` it may instead return
//! `impl Coroutine<..>` (literal `yield`).
//!
//! ## Attributes of `#[task]`
//!
//! | attribute | tasks | default | what |
//! |---|---|---|---|
//! | `binds = IRQ` | hardware | — (software task) | the `device::Interrupt` variant whose handler the task is; a core exception is rejected |
//! | `priority = N` | all | 1 | an integer literal in `1..=2^NVIC_PRIO_BITS` (1 is the lowest; checked at compile time against the device) |
//! | `capacity = K` | software | 1 | how many spawns may wait in the queue, `1..=254` |
//! | `shared = [a, &b, #[cfg(..)] c]` | all, and `#[idle]` | `[]` | the `#[shared]` resources the task uses: `a` through a lock (a proxy with `lock`), `&b` share-only (a `&T`, no lock; `T: Sync` when several priorities share it) |
//! | `local = [x, y: T = expr, #[cfg(..)] z]` | all, `#[idle]`; `#[init]` (declared only) | `[]` | `x`: a `#[local]` field `init` made, owned by this task; `y: T = expr`: a `static` declared here, initialised at compile time (`expr` is a constant expression); both `&'static mut` in generator tasks |
//! | `resume = T` | software generator | `()` | the type `spawn` takes and `cx.next().await` evaluates to |
//!
//! `#[cfg(..)]` on the task function leaves the whole task (its module, its
//! handler, its interrupt's setup) out when the predicate is false.
//!
//! ## Hardware task
//!
//! ```rust
//! # extern crate lull_app as lull;
//! # pub mod device {
//! #     pub const NVIC_PRIO_BITS: u8 = 3;
//! #     #[derive(Clone, Copy)]
//! #     #[repr(u16)]
//! #     pub enum Interrupt { UART0 = 0, GPIOA = 1, SSI0 = 2, QEI0 = 3 }
//! #     // SAFETY: distinct numbers below the NVIC's limit.
//! #     unsafe impl cortex_m::interrupt::InterruptNumber for Interrupt {
//! #         fn number(self) -> u16 { self as u16 }
//! #     }
//! #     pub struct Peripherals;
//! #     impl Peripherals {
//! #         /// # Safety
//! #         /// Stand-in.
//! #         pub unsafe fn steal() -> Self { Peripherals }
//! #     }
//! # }
//! #[lull::app(device = crate::device)]
//! mod app {
//!     #[shared]
//!     struct Shared {
//!         presses: u32,
//!         config: [u8; 4],
//!     }
//!     #[local]
//!     struct Local {}
//!
//!     #[init]
//!     fn init(_: init::Context) -> (Shared, Local) {
//!         (Shared { presses: 0, config: [1, 2, 3, 4] }, Local {})
//!     }
//!
//!     // Interrupt GPIOA at priority 2; `n` is a static of this task.
//!     #[task(binds = GPIOA, priority = 2, shared = [presses, &config], local = [n: u32 = 0])]
//!     fn button(mut cx: button::Context) {
//!         *cx.local.n += u32::from(cx.shared.config[0]);
//!         cx.shared.presses.lock(|p| *p += 1);
//!     }
//!
//!     // `presses` is shared with priority 1: its ceiling is 2, so this
//!     // lock raises the running priority to 2 for the closure.
//!     #[task(binds = UART0, priority = 1, shared = [presses])]
//!     fn report(mut cx: report::Context) {
//!         let _n = cx.shared.presses.lock(|p| *p);
//!     }
//! }
//! # fn main() {}
//! ```
//!
//! ## Software task and `spawn`
//!
//! `t::spawn(inputs..)` returns `Result<(), Input>`: `Ok(())` when the
//! input was queued and the dispatcher pended, `Err(input)` (the input
//! given back) when `capacity` spawns are waiting already. `Input` is the
//! one argument's type, or a tuple of all of them (`()` without inputs).
//! It may be called from any context: `init`, `idle`, any task, or code
//! outside the app. Inputs must be `Send`.
//!
//! ```rust
//! # extern crate lull_app as lull;
//! # pub mod device {
//! #     pub const NVIC_PRIO_BITS: u8 = 3;
//! #     #[derive(Clone, Copy)]
//! #     #[repr(u16)]
//! #     pub enum Interrupt { UART0 = 0, GPIOA = 1, SSI0 = 2, QEI0 = 3 }
//! #     // SAFETY: distinct numbers below the NVIC's limit.
//! #     unsafe impl cortex_m::interrupt::InterruptNumber for Interrupt {
//! #         fn number(self) -> u16 { self as u16 }
//! #     }
//! #     pub struct Peripherals;
//! #     impl Peripherals {
//! #         /// # Safety
//! #         /// Stand-in.
//! #         pub unsafe fn steal() -> Self { Peripherals }
//! #     }
//! # }
//! #[lull::app(device = crate::device, dispatchers = [SSI0])]
//! mod app {
//!     #[shared]
//!     struct Shared {}
//!     #[local]
//!     struct Local {}
//!
//!     #[init]
//!     fn init(_: init::Context) -> (Shared, Local) {
//!         (Shared {}, Local {})
//!     }
//!
//!     #[task(priority = 1, capacity = 2)]
//!     fn store(_cx: store::Context, key: u8, value: u32) {
//!         let _ = (key, value);
//!     }
//! }
//!
//! fn main() {
//!     // On the host nothing dispatches: the queue fills up.
//!     assert_eq!(app::store::spawn(1, 10), Ok(()));
//!     assert_eq!(app::store::spawn(2, 20), Ok(()));
//!     assert_eq!(app::store::spawn(3, 30), Err((3, 30)));
//! }
//! ```
//!
//! ## Generator tasks
//!
//! A hardware generator task resumes on each interrupt; `next()` completes
//! only for runs that the interrupt caused, not for wakes of the futures it
//! awaits. A software generator task resumes on each `spawn`; with
//! `resume = T` the spawn's input is what `next()` evaluates to.
//!
//! ```rust
//! # extern crate lull_app as lull;
//! # pub mod device {
//! #     pub const NVIC_PRIO_BITS: u8 = 3;
//! #     #[derive(Clone, Copy)]
//! #     #[repr(u16)]
//! #     pub enum Interrupt { UART0 = 0, GPIOA = 1, SSI0 = 2, QEI0 = 3 }
//! #     // SAFETY: distinct numbers below the NVIC's limit.
//! #     unsafe impl cortex_m::interrupt::InterruptNumber for Interrupt {
//! #         fn number(self) -> u16 { self as u16 }
//! #     }
//! #     pub struct Peripherals;
//! #     impl Peripherals {
//! #         /// # Safety
//! #         /// Stand-in.
//! #         pub unsafe fn steal() -> Self { Peripherals }
//! #     }
//! # }
//! #[lull::app(device = crate::device, dispatchers = [SSI0])]
//! mod app {
//!     use core::{convert::Infallible, future::Future};
//!
//!     #[shared]
//!     struct Shared {
//!         edges: u32,
//!     }
//!     #[local]
//!     struct Local {
//!         buf: [u8; 8],
//!     }
//!
//!     #[init]
//!     fn init(_: init::Context) -> (Shared, Local) {
//!         (Shared { edges: 0 }, Local { buf: [0; 8] })
//!     }
//!
//!     // Hardware generator task: one resumption per GPIOA interrupt.
//!     #[task(binds = GPIOA, priority = 2, shared = [edges], local = [buf])]
//!     fn edge(cx: edge::Context) -> impl Future<Output = Infallible> {
//!         // Take the context apart: locals are `&'static mut`, the shared
//!         // proxies and the trigger are zero-sized.
//!         let edge::Context { mut shared, local, trigger } = cx;
//!         async move {
//!             let mut count = 0u8;
//!             loop {
//!                 trigger.next().await;
//!                 count = count.wrapping_add(1);
//!                 local.buf[0] = count;
//!                 shared.edges.lock(|e| *e += 1);
//!             }
//!         }
//!     }
//!
//!     // Software generator task: `spawn(u32)` resumes it with the value.
//!     #[task(priority = 1, capacity = 2, resume = u32, shared = [edges])]
//!     fn sum(mut cx: sum::Context) -> impl Future<Output = Infallible> {
//!         async move {
//!             let mut total = 0u32;
//!             loop {
//!                 let x: u32 = cx.next().await;
//!                 total = total.wrapping_add(x);
//!                 cx.shared.edges.lock(|e| *e = total);
//!             }
//!         }
//!     }
//! }
//!
//! fn main() {
//!     assert_eq!(app::sum::spawn(1), Ok(()));
//!     assert_eq!(app::sum::spawn(2), Ok(()));
//!     assert_eq!(app::sum::spawn(3), Err(3));
//!     // The state machines live in statics of known size.
//!     assert!(app::edge::STATE_BYTES > 0);
//! }
//! ```
//!
//! A generator task's state machine must not hold a lock across an
//! `.await` (`lock` takes a closure; awaiting inside it does not compile).
//!
//! Every task's static storage is recorded in the firmware, in the ELF
//! section `.lull.app` (never flashed, no RAM, no instruction): the bytes
//! and alignment of each generator task's state machine and of each
//! software task's input queue. `cargo xtask task-sizes <elf>` prints them
//! next to the tasks spawned on an executor's heap.
//!
//! ## `#[cfg]` on tasks, fields and list entries
//!
//! ```rust
//! # extern crate lull_app as lull;
//! # pub mod device {
//! #     pub const NVIC_PRIO_BITS: u8 = 3;
//! #     #[derive(Clone, Copy)]
//! #     #[repr(u16)]
//! #     pub enum Interrupt { UART0 = 0, GPIOA = 1, SSI0 = 2, QEI0 = 3 }
//! #     // SAFETY: distinct numbers below the NVIC's limit.
//! #     unsafe impl cortex_m::interrupt::InterruptNumber for Interrupt {
//! #         fn number(self) -> u16 { self as u16 }
//! #     }
//! #     pub struct Peripherals;
//! #     impl Peripherals {
//! #         /// # Safety
//! #         /// Stand-in.
//! #         pub unsafe fn steal() -> Self { Peripherals }
//! #     }
//! # }
//! #[lull::app(device = crate::device)]
//! mod app {
//!     #[shared]
//!     struct Shared {
//!         count: u32,
//!         #[cfg(debug_assertions)]
//!         trace: u32,
//!     }
//!     #[local]
//!     struct Local {}
//!
//!     #[init]
//!     fn init(_: init::Context) -> (Shared, Local) {
//!         let shared = Shared {
//!             count: 0,
//!             #[cfg(debug_assertions)]
//!             trace: 0,
//!         };
//!         (shared, Local {})
//!     }
//!
//!     #[task(binds = UART0, priority = 1, shared = [count, #[cfg(debug_assertions)] trace])]
//!     fn rx(mut cx: rx::Context) {
//!         cx.shared.count.lock(|c| *c += 1);
//!         #[cfg(debug_assertions)]
//!         cx.shared.trace.lock(|t| *t += 1);
//!     }
//!
//!     // Only in debug builds; `trace`'s ceiling counts it only then.
//!     #[cfg(debug_assertions)]
//!     #[task(binds = GPIOA, priority = 3, shared = [trace])]
//!     fn dump(mut cx: dump::Context) {
//!         cx.shared.trace.lock(|t| *t = 0);
//!     }
//! }
//! # fn main() {}
//! ```
//!
//! # Context fields
//!
//! | field | in | type | what |
//! |---|---|---|---|
//! | `core` | `init` | `cortex_m::Peripherals` | the core peripherals (SYST, NVIC, SCB, ..), owned |
//! | `device` | `init` | `device::Peripherals` | the device peripherals, owned (taken with `steal`: do not take them again) |
//! | `local` | every context | `t::LocalResources` | `&mut` to each `local = [..]` entry (`&'static mut` in `init` and generator tasks) |
//! | `shared` | `idle`, tasks | `t::SharedResources` | a proxy per `shared = [..]` entry: `lock(\|r\| ..)` for locked resources, `&T` for share-only ones, `&mut T` for `#[lock_free]` ones |
//! | `executor` | `idle`, with `executor = X` | `X` | the thread-mode executor handle: `spawn`, `block_on` |
//! | `allocator` | `idle`, with `executor = X` | the executor's allocator handle `A` | `Box::new_in(v, cx.allocator)`, `Vec::new_in(..)` on the thread-mode heap |
//! | `trigger` | generator tasks | `t::Trigger` (zero-sized, `Copy`, `!Send`) | `trigger.next()`: the future of the next trigger; `trigger.started()` with `monotonic`: the instant the handler was entered |
//!
//! Generator-task contexts also have `cx.next()` and `cx.started()`, the
//! same as `cx.trigger`'s. Plain tasks' contexts borrow their task's
//! priority (`t::Context<'a>`), so they cannot outlive the handler;
//! generator tasks' are `'static` and zero-sized apart from locals.
//!
//! # Priorities
//!
//! - Thread mode (`init`, `idle`, code they call) is priority 0.
//! - Tasks take `priority = 1..=2^NVIC_PRIO_BITS` (8 levels with 3 bits);
//!   a higher number preempts a lower one. The bound is checked at compile
//!   time against the device crate's `NVIC_PRIO_BITS`.
//! - A resource's *ceiling* is the highest priority of the tasks using it;
//!   `lock` raises the running priority to the ceiling (BASEPRI on ARMv7-M
//!   and ARMv8-M Mainline; NVIC masks of the users on ARMv6-M and ARMv8-M
//!   Baseline, whose tasks and dispatchers must use interrupts 0..32). A
//!   task at the ceiling locks for free.
//! - `#[idle]` may use shared resources; its locks raise it from 0.
//!
//! # Locks
//!
//! `cx.shared.r.lock(|r| ..)` locks one resource. Several resources of one
//! context are locked at once, with one priority raise to the highest of
//! their ceilings, by locking a tuple of proxies (or `&mut` to them):
//! `(a, b).lock(|a, b| ..)` for two, up to four (traits
//! [`Lock2`](crate::Lock2), [`Lock3`](crate::Lock3), [`Lock4`](crate::Lock4),
//! in scope in every app module). [`Mutex`](crate::Mutex) is the trait of
//! one proxy, for generic code.
//!
//! ```rust
//! # extern crate lull_app as lull;
//! # pub mod device {
//! #     pub const NVIC_PRIO_BITS: u8 = 3;
//! #     #[derive(Clone, Copy)]
//! #     #[repr(u16)]
//! #     pub enum Interrupt { UART0 = 0, GPIOA = 1, SSI0 = 2, QEI0 = 3 }
//! #     // SAFETY: distinct numbers below the NVIC's limit.
//! #     unsafe impl cortex_m::interrupt::InterruptNumber for Interrupt {
//! #         fn number(self) -> u16 { self as u16 }
//! #     }
//! #     pub struct Peripherals;
//! #     impl Peripherals {
//! #         /// # Safety
//! #         /// Stand-in.
//! #         pub unsafe fn steal() -> Self { Peripherals }
//! #     }
//! # }
//! #[lull::app(device = crate::device)]
//! mod app {
//!     #[shared]
//!     struct Shared {
//!         rx: [u8; 4],
//!         bytes: u32,
//!         errors: u32,
//!     }
//!     #[local]
//!     struct Local {}
//!
//!     #[init]
//!     fn init(_: init::Context) -> (Shared, Local) {
//!         (Shared { rx: [0; 4], bytes: 0, errors: 0 }, Local {})
//!     }
//!
//!     #[task(binds = UART0, priority = 1, shared = [rx, bytes, errors])]
//!     fn stats(mut cx: stats::Context) {
//!         let s = &mut cx.shared;
//!         (&mut s.rx, &mut s.bytes).lock(|rx, bytes| *bytes += rx.len() as u32);
//!         (&mut s.rx, &mut s.bytes, &mut s.errors).lock(|_, _, e| *e = 0);
//!         bump(&mut s.errors);
//!     }
//!
//!     #[task(binds = GPIOA, priority = 2, shared = [rx, bytes, errors])]
//!     fn fill(cx: fill::Context) {
//!         let s = cx.shared;
//!         (s.rx, s.bytes, s.errors).lock(|rx, b, _| {
//!             rx[0] = 1;
//!             *b += 1;
//!         });
//!     }
//!
//!     fn bump(r: &mut impl lull::Mutex<T = u32>) {
//!         r.lock(|e| *e += 1);
//!     }
//! }
//! # fn main() {}
//! ```
