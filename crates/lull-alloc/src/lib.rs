//! Thread-mode allocators for Cortex-M.
//!
//! A *thread-mode allocator* is a heap that only code running in Thread mode
//! — `main`, RTIC's `idle`, an executor's tasks; anything but an exception or
//! interrupt handler — can use. Because Thread mode is one execution context,
//! the heap needs no lock: it never masks interrupts, takes no critical section
//! and uses no atomic read-modify-write. The type system keeps it out of
//! handlers: the only way to use it is a zero-sized *handle* that
//! `A::get()` returns in Thread mode only, and that is neither `Send` nor
//! `Sync`. The [`soundness`] page states the rules: what may cross into a
//! handler, the `Send`/`Sync` of each type, and what `unsafe` heap
//! implementations promise.
//!
//! ```
//! use lull_alloc::{allocator, Box, Rc, String, ThreadModeAllocator, Vec};
//! use lull_tlsf::Tlsf;
//!
//! // A TLSF heap over a 1 KiB block, which it gets at the first `get()`.
//! #[allocator(memory = 1024)]
//! static A: Tlsf = Tlsf::new();
//!
//! # lull_alloc::host::thread_mode(|| {
//! // In Thread mode:
//! let a = A::get().unwrap();
//! let before = a.statistics();
//! let mut v: Vec<u32, A> = Vec::new_in(a);
//! v.push(1);
//! let s = String::from_str_in("hi", a);
//! let b = Box::new_in(v, a);
//! let shared = Rc::new_in(s, a);
//! assert_eq!((b.len(), shared.as_str()), (1, "hi"));
//! drop((b, shared));
//! assert_eq!(a.statistics(), before); // everything returned
//! // In a handler, `A::get()` is `None`.
//! # lull_alloc::host::in_exception(14, || assert!(A::get().is_none()));
//! # });
//! ```
//!
//! # Declaring an allocator
//!
//! [`#[allocator]`](allocator) turns a static item into a handle type of the
//! same name; the item's type is the [`Heap`] and its initializer builds it.
//!
//! - `#[allocator] static A: H = EXPR;` — **eager**: `EXPR` is a constant
//!   expression, evaluated at compile time. `A::get()` is the Thread-mode test
//!   alone: `mrs`, `lsls #23`, and a conditional branch, **3 instructions** on
//!   thumbv7m at `opt-level = "s"`.
//! - `#[allocator(memory = N)] static A: H = EXPR;` — **constant heap with a
//!   block of `N` bytes** (aligned to 8, in `.bss`), for a heap that
//!   implements [`AddMemory`], such as `Tlsf::new()`: `EXPR` is constant, so
//!   the heap is built at compile time in its static, and the first
//!   `A::get()` in Thread mode hands it the block, in place. `get()` costs
//!   what a lazy one does (below). This is the form to use for a heap over a
//!   static buffer: a lazy initializer that builds the heap in a local and
//!   returns it moves it into its static with `memcpy` (396 bytes for the
//!   default `Tlsf`), and that copy and the `memset` that built the local
//!   pull about 1 KB of `memcpy`/`memclr` code into a program that copies
//!   nothing else large. A block the heap refuses (too small for one block)
//!   is a panic that names `memory = N`, at that first `get()`.
//! - `#[allocator(lazy)] static A: H = EXPR;` — **lazy**: `EXPR` runs once, at
//!   the first `A::get()` made in Thread mode, in a separate `#[cold]`
//!   function, so it may call non-`const` functions. The only cost is **one
//!   byte** of state: no atomic read-modify-write, no critical section. After
//!   initialization `get()` is `mrs`, a load of the state's address, `ldrb`,
//!   `orrs` (state | IPSR << 23) and a conditional branch: **5 instructions**.
//!
//! (`cargo xtask bench` measures both as `lull/tm-get`: rows `eager->lazy`
//! and `lazy->end`. On ARMv6-M, which has no shifted-operand `orrs`, the lazy
//! fast path is one instruction longer.) The lazy fast path is written in
//! assembly on Thumb-2 targets so that the state's address is one literal
//! load rather than the `movw`/`movt` pair `opt-level = "s"` picks.
//!
//! Inside the initializer's outermost block, `static mut NAME: T = INIT;`
//! declares a memory block and binds `NAME` to a `&'static mut T` to it. This is
//! sound because the initializer runs exactly once, and it needs no
//! `&mut STATIC` expression, which edition 2024 rejects (`static_mut_refs`):
//! the block is stored in an ordinary `static` with interior mutability and
//! handed out once. The item itself may be written `static` or, as in the
//! original design, `static mut`; either way no `static mut` remains.
//!
//! The handle type gets the item's visibility: `pub static A` gives a
//! `pub struct A`, usable from other modules and crates like any type (its one
//! field stays private to the declaring module, so `A::get()` remains the only
//! way to make one). A private `static A` gives a private type, with the usual
//! `private_interfaces` warning if it appears in a `pub` field.
//!
//! # Collections
//!
//! [`Box`], [`Vec`], [`Rc`] (with [`rc::Weak`]) and [`String`] take their
//! allocator as a type parameter and store a copy of the handle, which is
//! zero-sized: a `Vec<T, A>` is three words, a `Box<T, A>` one. They work with
//! any [`allocator_api2::alloc::Allocator`], not only thread-mode ones. Every
//! operation that allocates has a `try_*` variant returning an error; the
//! others call [`handle_alloc_error`] on failure.
//!
//! # Out of memory
//!
//! [`#[oom]`](oom) marks the function that [`handle_alloc_error`] calls. Without
//! one, it panics with a message naming the layout.
//!
//! # Host testing
//!
//! On targets with an operating system, [`host`] stands in for Thread mode (one
//! thread at a time owns it; [`host::in_exception`] simulates a handler), and
//! [`host::TestHeap`] is a heap over the system allocator, so code using these
//! allocators runs under `cargo test` and Miri.
#![no_std]

mod heap;
mod oom;
mod thread_mode;
mod tm;

pub mod boxed;
pub mod rc;
pub mod soundness;
pub mod string;
pub mod vec;

#[cfg(not(target_os = "none"))]
pub mod host;

pub use allocator_api2;
pub use heap::{AddMemory, Heap};
pub use oom::handle_alloc_error;
pub use thread_mode::is_thread_mode;
#[doc(hidden)]
pub use tm::__private;
pub use tm::ThreadModeAllocator;

pub use boxed::Box;
pub use rc::Rc;
pub use string::String;
pub use vec::Vec;

/// Declares a thread-mode allocator.
///
/// `#[allocator] static NAME: Heap = INIT;` (eager: `INIT` is constant),
/// `#[allocator(memory = N)] static NAME: Heap = INIT;` (`INIT` is constant,
/// and the first `NAME::get()` in Thread mode gives the heap a block of `N`
/// bytes) or
/// `#[allocator(lazy)] static NAME: Heap = INIT;` (lazy: `INIT` runs at the
/// first `NAME::get()` in Thread mode). `NAME` becomes a zero-sized handle type
/// implementing [`ThreadModeAllocator`], [`allocator_api2::alloc::Allocator`],
/// `Copy` and `Debug`, with an inherent `NAME::get() -> Option<NAME>`. See the
/// [crate documentation](crate#declaring-an-allocator) for the initializer's
/// `static mut` memory blocks and the cost of `get()`.
///
/// # Examples
///
/// A TLSF over a 2 KiB block:
///
/// ```
/// use lull_alloc::{allocator, Box, ThreadModeAllocator};
/// use lull_tlsf::Tlsf;
///
/// #[allocator(memory = 2048)]
/// static HEAP: Tlsf = Tlsf::new();
///
/// # lull_alloc::host::thread_mode(|| {
/// let a = HEAP::get().unwrap();
/// assert!(a.statistics().free_bytes > 2000); // the block is in the heap
/// let b = Box::new_in([7u8; 1500], a);
/// assert_eq!(b[1499], 7);
/// # });
/// ```
///
/// A lazy initializer with a memory block of its own:
///
/// ```
/// use lull_alloc::{allocator, host::TestHeap, Vec};
///
/// #[allocator(lazy)]
/// static A: TestHeap = {
///     static mut SCRATCH: [u8; 16] = [0; 16];
///     SCRATCH[0] = 1; // `SCRATCH: &'static mut [u8; 16]`
///     TestHeap::new(1024)
/// };
///
/// # lull_alloc::host::thread_mode(|| {
/// let a = A::get().expect("Thread mode");
/// assert_eq!(format!("{a:?}"), "A");
/// let v: Vec<u8, A> = Vec::from_slice_in(&[1, 2, 3], a);
/// assert_eq!(v, [1, 2, 3]);
/// # });
/// ```
pub use lull_alloc_macros::allocator;

/// Registers the out-of-memory hook: `#[oom] fn name(layout: Layout) -> ! { .. }`.
///
/// [`handle_alloc_error`] calls it whenever an infallible operation cannot
/// allocate. Put it in the binary crate, once per program: a second hook in
/// the same crate is a compile error, and one in another crate of the same
/// program a link error, both naming `__lull_alloc_oom__one_hook_per_program`. On Cortex-M it is
/// found at link time: `#[oom]` defines the symbol `__lull_alloc_oom` (as an
/// alias of the function), which `lull-alloc` references weakly, so without a
/// hook the reference is null and the default hook runs. Stable Rust has no
/// weak linkage, so both sides are a line of assembly. On a hosted target the
/// symbol is not looked up (Miri has no linker): tests use
/// [`host::set_oom_hook`] instead.
///
/// # Example
///
/// ```
/// use core::alloc::Layout;
///
/// #[lull_alloc::oom]
/// fn oom(layout: Layout) -> ! {
///     // On a board: print and reset, or exit via semihosting.
///     panic!("oom({layout:?})")
/// }
/// # let _ = std::panic::catch_unwind(|| oom(Layout::new::<u8>())).unwrap_err();
/// ```
pub use lull_alloc_macros::oom;
