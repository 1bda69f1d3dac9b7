//! # Soundness rules
//!
//! This page states what keeps a thread-mode heap free of data races and
//! aliasing without any lock, what you may and may not move into an interrupt
//! or exception handler, and what an implementation of [`Heap`] or
//! [`AddMemory`] promises. It has no items; it is documentation only.
//!
//! ## The promise and what it rests on
//!
//! A thread-mode heap is used by Thread mode only. Thread mode is one
//! execution context: a handler can interrupt it, but Thread mode never runs
//! twice at once. So while Thread mode is inside `allocate`, nothing else can
//! be inside the heap, and the heap needs no critical section. Three things
//! make that true for every safe program:
//!
//! 1. **Only `get()` makes a handle, and only in Thread mode.** `A::get()`
//!    reads IPSR and returns `None` in every handler (all 9 bits of the
//!    exception number are tested). A handle's one field has the type
//!    `Token<A>`, which has no `Default` and whose only constructor is
//!    `unsafe`; the field is private outside the module that declares the
//!    allocator, and inside it a token taken out of one allocator's handle
//!    fits only a handle of that same allocator. A lazy allocator's `get()`
//!    runs the initializer first, so every handle points to an initialized
//!    heap.
//! 2. **Nothing that holds a handle leaves Thread mode.** Handles are neither
//!    `Send` nor `Sync`, and neither is anything that stores one (table
//!    below). Every way a value reaches a handler — a `static` (needs
//!    `Sync`), a `critical_section::Mutex` (needs `Send`), a channel, a
//!    framework's resources and task arguments (RTIC-style frameworks,
//!    including `#[lull::app]`, require `Send`) — is closed to them.
//! 3. **The heap is never borrowed twice.** The allocator borrows the heap
//!    `&mut` only for the duration of one [`Heap`] or [`AddMemory`] method, and
//!    those methods promise not to call back into any thread-mode allocator
//!    (their `unsafe` contracts, below). Code that runs *between* heap calls —
//!    destructors of elements, `Clone`, iterators fed to `extend`, the
//!    `#[oom]` hook — may use the allocator freely.
//!
//! ## What may cross from Thread mode to a handler
//!
//! May not cross (they would let a handler enter the heap while Thread mode
//! is inside it):
//!
//! - a handle `A`, `&A`, or `Option<A>`;
//! - a [`Box`](crate::Box), [`Vec`](crate::Vec),
//!   [`vec::IntoIter`](crate::vec::IntoIter), [`String`](crate::String),
//!   [`Rc`](crate::Rc) or [`rc::Weak`](crate::rc::Weak) whose allocator is a
//!   thread-mode handle, a reference to one, or anything containing one (a
//!   future that captured one, a struct with such a field).
//!
//! May cross (when the data itself is `Send`):
//!
//! - values moved *out* of the heap: `Box::into_inner(b)`, an element popped
//!   from a `Vec`, a copy of a `String`'s bytes in a fixed-size buffer;
//! - a heap's statistics: a plain copy of numbers, which reaches nothing;
//! - `&'static mut T` from [`Box::leak`](crate::Box::leak): the block is never
//!   freed, so the heap no longer touches it and the reference owns it;
//! - [`TryReserveError`](crate::vec::TryReserveError) and
//!   [`Layout`](core::alloc::Layout) values.
//!
//! ## `Send` and `Sync` of each public type
//!
//! `A` is a handle type made by [`#[allocator]`](crate::allocator). The
//! collections are generic over any [`Allocator`](allocator_api2::alloc::Allocator);
//! with a thread-mode handle as the allocator the conditions below are never
//! met, so the "with a handle" column is what matters here. Each line is
//! checked by `tests/ui/collections_not_send.rs` and
//! `tests/ui/collections_not_sync.rs`.
//!
//! | type | `Send` | `Sync` | with a handle `A` |
//! |---|---|---|---|
//! | handle `A` | never | never | neither |
//! | `Box<T, A>` | `T: Send`, `A: Send` | `T: Sync`, `A: Sync` | neither |
//! | `Vec<T, A>`, `vec::IntoIter<T, A>` | `T: Send`, `A: Send` | `T: Sync`, `A: Sync` | neither |
//! | `String<A>` | `A: Send` | `A: Sync` | neither |
//! | `Rc<T, A>`, `rc::Weak<T, A>` | never | never | neither |
//! | heap statistics (`lull_tlsf::Stats`, `host::TestHeapStatistics`) | yes | yes | (hold no handle) |
//! | `vec::TryReserveError` | yes | yes | (holds no handle) |
//!
//! `Rc` is never `Send`, whatever the allocator, because its counts are
//! plain cells. The heap value itself (a `Tlsf`, say) may be `Send`, but once
//! it is the heap of an allocator it lives in a hidden static reached only
//! through handles.
//!
//! ## Lazy initializers
//!
//! A lazy allocator's initializer runs once, in Thread mode, at the first
//! `get()` made there; a handler calling `get()` meanwhile gets `None`. The
//! initializer may use *other* allocators (their heaps are not borrowed).
//! If it calls `get()` on its own allocator, directly or through a cycle of
//! lazy allocators, or if it panics, the allocator stays "being initialized"
//! for good: every later `get()` in Thread mode panics, even after the first
//! panic was caught with `catch_unwind`. It is never retried, because a retry
//! would hand out the initializer's `static mut` memory blocks a second time,
//! and it never hands out the half-built heap (`tests/routes.rs`).
//!
//! ## What `Heap` and `AddMemory` implementations promise
//!
//! Both traits are `unsafe` to implement, because the allocator relies on
//! them for memory safety:
//!
//! - [`Heap`]: blocks are valid, aligned as asked and disjoint from every
//!   other live block until they are freed; `grow`/`shrink` keep the contents
//!   and leave the old block intact when they fail; and **no method calls back
//!   into a thread-mode allocator** (no `get()`, no allocation or
//!   deallocation through a handle, no `statistics()`), directly or through
//!   code it calls, because the heap is borrowed `&mut` while it runs.
//! - [`AddMemory`]: the same no-callback rule for `add_memory`, which runs
//!   under the same `&mut` borrow; the `&'static mut` region it receives
//!   becomes the heap's for the rest of the program.
//!
//! Implementing neither trait needs `unsafe` anywhere else: the generated
//! handle and `ThreadModeAllocator` impls come from `#[allocator]`.
//!
//! ## The out-of-memory hook
//!
//! [`handle_alloc_error`](crate::handle_alloc_error) is called by the
//! collections after the heap returned, in the context that asked for memory
//! (Thread mode for a thread-mode allocator), so the [`#[oom]`](crate::oom)
//! hook may use the allocator. There is one hook per program: a second one is
//! a compile error in the same crate and a link error in another crate.
//!
//! ## On the host
//!
//! [`host`](crate::host) stands in for Thread mode in tests: one thread at a
//! time owns it, and [`host::in_exception`](crate::host::in_exception)
//! simulates a handler on the current thread. The stand-in proves less than
//! IPSR does, in two ways: the closure given to `in_exception` need not be
//! `Send`, so it can capture a handle or a collection (a real handler never
//! could); and a `thread_local!` holding a collection can be destroyed after
//! its thread gave up Thread mode, when another thread may own it. So on a
//! hosted target every heap entry point (allocate, free, grow, shrink,
//! `statistics`, `add_memory`) also checks for Thread mode and panics
//! outside it instead of touching the heap (`tests/routes.rs`). On Cortex-M
//! the handle is the proof and the check compiles to nothing.
//!
//! [`Heap`]: crate::Heap
//! [`AddMemory`]: crate::AddMemory
