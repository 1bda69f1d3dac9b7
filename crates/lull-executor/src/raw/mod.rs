//! The raw executor: task headers, the run ring and the interrupt inbox.
//!
//! **Here be dragons.** Everything in this module is `unsafe` to misuse and
//! exists so that the safe API ([`executor!`](crate::executor),
//! [`JoinHandle`](crate::JoinHandle)) can be thin. Application code never
//! needs it; it is public so that the macro can expand to it and so that
//! people can read how a task switch works.
//!
//! # Memory layout of a task
//!
//! A spawned task is one allocation from the executor's thread-mode
//! allocator:
//!
//! ```text
//! +----------------+ 0
//! | vtable         |  &TaskVTable: poll + the operations of the task's state
//! | queue word     |  run-ring / inbox link and the INBOX flag (see below)
//! | refs (16 bits) |  references: wakers, the JoinHandle, the live future
//! | woken (8 bits) |  woken since its poll started (see "The woken flag")
//! | joined (8 bits)|  the join slot holds a waker
//! +----------------+ 3 words = 12 bytes on Cortex-M
//! | allocator      |  the handle (zero-sized for `#[allocator]` handles)
//! | join slot      |  a union: while the future runs, the waker of the
//! | + future       |  task awaiting the JoinHandle (2 words) and the
//! |   | output     |  future; then the output
//! +----------------+
//! ```
//!
//! The join slot is initialised only while the header's `joined` flag is set
//! (a `JoinHandle` was polled before its task finished). Keeping it in the
//! task's own allocation makes awaiting a `JoinHandle` allocation-free: a
//! program that uses only `try_spawn` never reaches the OOM hook. (It used
//! to be a record allocated on the first such poll, which called the OOM
//! hook when the heap was full; that kept the task 2 words smaller.)
//!
//! The [`Waker`] of a task is the address of its header and one
//! `RawWakerVTable` per executor (a `static` the macro defines). Cloning a
//! waker increments `refs`, dropping it decrements; a task's memory is freed
//! when its future is gone and `refs` reaches zero, so a waker that outlives
//! its task (and is woken after the task finished, from a handler or
//! anywhere) touches valid memory and runs nothing: the finished task is
//! queued for one no-op poll at most (a wake does not test for it), and
//! freed by the executor if that wake dropped its last reference. `refs` counts in steps
//! of 2 in 16 bits: cloning panics when one task has more than 16 383
//! wakers alive, long before the count could wrap. The `block_on` future's
//! header is a `static` in the executor with wakers of their own vtable
//! (`root_waker_vtable`), which are not counted and do nothing once that
//! future completed.
//!
//! # The run ring
//!
//! Ready tasks form a circular singly linked list through their queue words.
//! The executor keeps one pointer, `tail`; the head (next task to poll) is
//! `tail.next`. The head **stays in the ring while it is polled**, so a task
//! that wakes itself (a yield) costs one store afterwards: `tail = head`
//! rotates the ring. A task that did not wake itself is unlinked. Appending
//! (a wake in Thread mode, a spawn) links after `tail` and makes the new task
//! the tail. Every operation is O(1); the order is FIFO: tasks run in the
//! order they were woken, and a task woken while it is being polled goes to
//! the back when that poll returns (after any task it woke during the poll).
//!
//! # The inbox
//!
//! Handlers never touch the ring. A wake from a handler claims the task and
//! pushes it onto `inbox`, a lock-free LIFO stack, and executes `sev`; on
//! Cortex-M the claim and the push are one swap each (see "The invariant"
//! below), on hosts compare-and-swaps. Before choosing each next task the
//! executor checks `inbox` (one load) and, if it is not empty, takes the
//! whole stack with one swap and links it in after the ring's tail, in one
//! pass that reverses it (one task, the common case, is one `ring_insert`):
//! tasks woken by handlers run in the order of their wakes, after the tasks
//! already queued.
//!
//! A handler that drops the last reference of an IDLE task (which must be
//! freed, and only Thread mode may free) pushes it with the `FREE` flag in
//! its inbox link: the drain frees it instead of queueing it. A wake, from a
//! handler or not, does not test whether its task finished: a stale waker
//! queues a finished task for one poll that does nothing, after which
//! `park` frees it if nothing refers to it; finished tasks still in the ring
//! when `block_on` returns are taken off it and freed then.
//!
//! # The queue word
//!
//! ```text
//!                      wake (Thread mode): claim, append to ring
//!            +----------------------------------------------------+
//!            |                                                    v
//!  +------------------+  wake (handler): claim,   +--------------------+
//!  | IDLE             |  push on inbox            | INBOX              |
//!  | word == 0        |-------------------------->| word = next | 0b10 |
//!  +------------------+                           +--------------------+
//!            ^                                               | drain (Thread)
//!            |  poll returned, woken == 0: unlink,           v
//!            |  word = 0, then re-check woken       +--------------------+
//!            +--------------------------------------| RING               |
//!               (free when refs == 0)               | word = next        |
//!                                                   +--------------------+
//!                                                     ^  poll returned,
//!                                                     |  woken == 1:
//!                                                     +- rotate (tail = it)
//! ```
//!
//! A task being polled is the head of the ring: its word is a RING word. An
//! inbox word with the `FREE` flag too (`next | 0b11`: a handler dropped the
//! task's last reference) never reaches RING: the drain frees the task.
//!
//! **The invariant** that makes this safe without masking interrupts: a
//! handler changes a queue word only from IDLE, by a claim, to take the task
//! for the inbox (and then, while it holds the claim, writes the link of the
//! claimed task). Thread mode owns every other transition, and the ring
//! itself (`tail` and the links of RING words) is read and written by Thread
//! mode only, with plain loads and stores. Thread mode claims only an IDLE
//! task itself (a wake, or the executor re-queueing or freeing a task it
//! just made IDLE).
//!
//! **A claim is a swap** on Cortex-M (`sync::claim_idle`): swap in the new
//! word; if the old one was not IDLE, store it back. No compare is needed
//! because the core is single: whoever can run between the swap and the
//! store back (a handler that preempts us) finds a word that is not IDLE
//! either way and leaves it alone, and whoever we preempted (Thread mode, or
//! a lower-priority handler) cannot run until we are done. A Thread-mode
//! wake claims with the task's final ring link (its successor), a handler's
//! with a placeholder that it replaces by its inbox link after swapping the
//! inbox's top (`sync::push`): the drain, which reads that link, runs in
//! Thread mode only. Hosted builds, which may have real threads, use
//! compare-and-swaps for both.
//!
//! # The woken flag
//!
//! Whether a task was woken during its poll is not kept in the queue word
//! but in its own byte, `woken`, which is written with plain stores only:
//!
//! - **every wake** (any context, any state) stores 1, then loads the queue
//!   word and, if it is IDLE, claims and queues the task;
//! - **the executor** stores 0 right before each poll, and loads it right
//!   after: 1 means woken during the poll (rotate: `tail = it`), 0 means
//!   not woken (park).
//!
//! A stale 1 (a wake while the task waited in a queue) is overwritten by the
//! 0 before its poll, which serves that wake. A wake between the executor's
//! 0 and its check after the poll makes the check see 1: the task is polled
//! again. *Park* is the one place where a wake could fall between two steps:
//! the executor saw 0 and is making the task IDLE; a handler's wake in
//! between stores 1 and, finding a RING word, does nothing more. So park
//! unlinks the task, stores 0 in its word (IDLE: from now on wakes claim
//! it), and **loads `woken` again**: 1 means such a wake came; the executor
//! then claims the task itself (from IDLE) and appends it to
//! the ring, unless a handler claimed it for the inbox first. Either way it
//! is polled again, behind the tasks already queued (where rotating would
//! have put it). No wake is lost, none needs an atomic read-modify-write.
//!
//! The `block_on` future's wakers check `root_done` first: `poll_root`
//! stores `root_done` and then 0 in `woken` when the future completes, so the
//! executor takes the park path and returns (a handler runs either wholly
//! before the `root_done` store, and its 1 is overwritten, or after it, and
//! does nothing). `poll_root` also zeroes the root's `refs` (not a count:
//! root wakers are not counted), so that park's common case, which tests
//! `woken == 0` and `refs != 0`, needs no third test for the end of
//! `block_on`.
//!
//! # A task switch
//!
//! For a task that yields (`yield_now().await`, i.e. `wake_by_ref` on its own
//! waker and `Pending`), the whole cost between its code and the next task's
//! code is: store 1 in its `woken`, load its word (not IDLE), return; load
//! `woken`, store `tail`, load the next task from its word; load `inbox`;
//! store 0 in the next task's `woken`; load the vtable and call `poll`. No
//! atomic read-modify-write, no critical section, nothing proportional to the
//! number of tasks.
//!
//! On thumbv7m (`opt-level = "s"`, `cargo xtask bench`, `lull-native-yield`
//! ring) that is 27 instructions from the marker in one task to the marker
//! in the next (`A->B`; over a whole cycle, the `block_on` task's switches
//! included, 29.5 per switch, and 30.8 with the benchmarks' shared yield):
//!
//! ```text
//! yielding task  8  movs #1; strb yielded; strb woken; ldr word; cbnz;
//!                   movs #3; strb state; pop           (wake inlined)
//! executor      12  ldrb woken; cbnz; str tail; ldr next; ldr inbox; cmp;
//!                   beq; strb 0 -> woken; ldr vtable; ldr poll; mov r0; blx
//! next task      7  push; add r7; mov r4, r0; ldrb state; cbz;
//!                   ldrb yielded; cbz
//! ```
//!
//! The benchmark `floor--ring` polls the same three task bodies in a fixed
//! round robin through a function pointer, with a waker that does nothing:
//! no queue, no wake, no interrupts — not an executor, the floor under every
//! executor of type-erased tasks. It measured 16 (3 + 7 + 6) with this
//! `yield_now`. So Lull's scheduling (the wake, FIFO requeue, interrupt
//! inbox check and `woken` handshake) costs 11 instructions over the floor.
//! (Today's `floor--ring` runs the four shared ring bodies with the
//! benchmarks' shared yield: 18 for `A->B` against Lull's 29, 19.3 against
//! 30.8 over a cycle.)
//!
//! # A task-to-task wake
//!
//! One task wakes another that is not queued (IDLE), then blocks itself:
//! the `signal` benchmark's `W->S`, where the spawned signaller calls
//! embassy-sync's `Signal::signal` (which takes the waiter's registered
//! waker and calls `Waker::wake`), then awaits the answer on a second
//! `Signal` (which clones its own waker) and returns `Pending`; the waiter
//! is the `block_on` future. 155 instructions on thumbv7m (same build and
//! run as above), of which these are Lull's:
//!
//! ```text
//! wake (root_waker_wake)         28  push; add r7 | movw; movt; ldrb root_done;
//!   consuming wake, IDLE task,        cbz | movs #1; strb woken | ldr word;
//!   Thread mode                       cmp; bne (queued: done) | mrs IPSR;
//!                                     lsls; beq (handler?) |
//!                                     ldr tail; adds; cmp; beq; ldr head |
//!                                     ldrex; strex; cmp; bne (claim: swap
//!                                     in the ring link); cbnz (was IDLE?) |
//!                                     str tail.next; b; str tail | pop
//! clone (waker_clone)            16  push; mov r7; mov; adds | ldrexh;
//!   the signaller registers           adds #2; strexh; cmp; bne (refs += 1) |
//!   on ACK                            sxth; cmp; bmi (16 383 clones) |
//!                                     movw; mov; movt (vtable) | pop
//! back in the executor (run)     24  ldrb woken; cbnz (not woken: park) |
//!   park + next_head inlined          ldr next; cmp; itee; streq/ldrne/strne
//!                                     (unlink) | str 0 -> word (IDLE) |
//!                                     ldrb woken; cbnz; ldrh refs; cbz |
//!                                     ldr tail; ldr inbox; cbz; cbnz;
//!                                     ldr head; b | strb 0 -> woken;
//!                                     ldr vtable; ldr poll; mov r0; blx
//! poll_root / poll_task frames  ~18  prologues, the lent waker and
//!                                     `Context`, the epilogue after `Pending`
//! ```
//!
//! That is about 86; the other 69 are embassy-sync's `Signal` (two critical
//! sections) and the two task bodies, the same code for every system. The
//! same run: RTIC 113, embassy 142, lilos 160, the floor (no executor) 100.
//! (The wake does not test whether the task finished: a stale waker of a
//! finished task queues it for one no-op poll instead, which saves 4
//! instructions in every Thread-mode wake.)
//! What is left above RTIC is the price of three promises: the waker
//! reference count (about 10 of the clone's 16, and about as many for the
//! release in every consuming wake of a spawned task), the `woken` handshake and FIFO ring (the
//! unlink and two checks in park, the IDLE test in the wake), and the
//! exclusive claim (LDREX/STREX, against handlers). Measured by removing
//! each (unsound; experiments only): reference-counted wakers cost 10 per
//! `W->S` and 17 per `pingpong` round trip; a plain store instead of the
//! claim saves 7 per Thread-mode wake against a compare-and-swap, 4 against
//! the swap.
//!
//! # An interrupt wake
//!
//! A handler wakes a task that is not queued while the executor sleeps:
//! the `irq-wake` benchmark's `irq->task`, from SysTick's marker to the
//! task's first instruction after its `await` (embassy-sync's `Signal`
//! again). 95.6 instructions on average over 32 positions of the idle
//! loop where the interrupt can land, 93 at best (exception entry and
//! return are not instructions and are not counted). Lull's part:
//!
//! ```text
//! in the handler (waker_wake: the consuming wake, all inlined)
//!   wake                         10  push; add r7 | movs #1; strb woken |
//!                                     ldr word; cbz (IDLE?) | adds; mrs IPSR;
//!                                     lsls; beq (handler?)
//!   claim and inbox push         16  mov #CLAIMED; ldrex; strex; cmp; bne;
//!                                     cbz (claim: swap) | movw; movt; ldrex;
//!                                     strex; cmp; bne (push: swap the inbox
//!                                     top) | orr; str (inbox link) | sev; b
//!   release                       9  add | ldrexh; subs #2; strexh; cmp;
//!                                     bne (refs -= 1) | cmp; it; popne
//! in Thread mode (next_head_slow, idle loop and drain inlined)
//!   idle loop                   0–5  ldr inbox; cbz; ldr tail; cbnz; wfe; b
//!   drain                        20  ldr inbox; cbz | ldrex; strex; cmp; bne
//!                                     (take the inbox: swap) | cbz; ldr word;
//!                                     cmp #INBOX; beq (one task, to be
//!                                     polled?) | ldr tail; cmp; itte; ldrne;
//!                                     strne; moveq; str; str tail
//!                                     (ring_insert) | ldr head; pop
//!   run                           7  mov; b | strb 0 -> woken; ldr vtable;
//!                                     ldr poll; mov r0; blx
//!   poll_task prologue         ~6
//! ```
//!
//! The rest (about 25) is the handler's and the task's code: `Signal`'s
//! critical sections and the task's state machine. Same run: RTIC 65
//! (its handler pends the dispatcher, which tail-chains: no Thread mode),
//! lilos 65, embassy 77.6. (106.4 before two changes: the claim and the
//! push were a call of their own, and the drain tested each task's kind,
//! because the inbox also carried finished tasks whose last reference a
//! handler dropped; those now carry the `FREE` flag in their inbox link, so
//! that one comparison of the word tells "one task, to be polled".)
//!
//! ## Tried, and not kept
//!
//! - *A lent waker with a vtable of its own*, whose `wake_by_ref` skips the
//!   IDLE check (the task lending it is being polled, so it is queued):
//!   2 instructions less per yield. But `Waker::will_wake` compares vtables,
//!   so the lent waker would never "will_wake" its own clones, and
//!   registrations that rely on it misbehave: embassy-sync's
//!   `WakerRegistration` wakes the waker it replaces, so a task that
//!   re-registers on every poll would wake itself forever and the core would
//!   never sleep.
//! - *Draining the inbox once per round* (a sentinel task in the ring)
//!   instead of looking at it after every poll: 3 instructions less per
//!   switch, but one extra poll per round (more than it saves below about
//!   six ready tasks), and tasks woken by handlers would overtake queued
//!   ones. Interrupt latency and a plain FIFO rule were worth more.
//! - *The poll function in the header instead of a vtable pointer*: 1 load
//!   less, but the other operations then need a fourth word (or a wider
//!   `JoinHandle` and another home for a joiner's waker).
//! - *No compiler fences around the wake's `woken` store*, hoping LLVM would
//!   merge the `yielded` and state stores of the task into one `strh` as it
//!   does in the floor: it does not merge stores across an atomic store,
//!   and a non-atomic store there would race with handlers.
//! - *Waking before setting `yielded`* in [`yield_now`](crate::yield_now),
//!   so that the `yielded` and state stores are adjacent: LLVM merges them,
//!   but can then no longer drop the store that initialises `yielded`
//!   before the wake: 28.
//! - *`woken` as a bit of the queue word* (a smaller header for small
//!   futures): every wake and every reset becomes a read-modify-write of a
//!   word that also holds the link, 2–3 instructions more per switch.
//! - *Inlining the wake of an IDLE task into `wake_by_ref` too* (it is
//!   inlined into the consuming `wake`): the yield path, which never reaches
//!   it, then needs a stack frame: the ring's switch went from 30.8 to 35.3.
//! - *The claim as `compare_exchange_weak`*, with the strong one out of line
//!   for a failed exclusive store: LLVM still materialises the result, and
//!   adds a second code path: `W->S` 171 instead of 166, 100 bytes more.
//! - *The claim in inline assembly* (the bare LDREX/CMP/STREX loop):
//!   `W->S` 167 instead of 166; the result still needs a test after the
//!   `asm!` block. The swap (`sync::claim_idle`) needs no compare at all.
//! - *Testing `root_done` in handlers only* (a Thread-mode root wake
//!   cannot come between the root future's completion and `block_on`'s
//!   return), with the "handler?" test first: `W->S` 159 -> 157,
//!   `pingpong` 457 -> 455, but the root's yield paid one instruction more
//!   (ring 30.8 -> 31.0) and the code grew by 100 bytes.
//! - *A Thread-mode wake with plain loads and stores*: unsound while a
//!   handler may claim the same word between the load and the store. It
//!   would need a second link word (the inbox's), i.e. a 4-word header.
//! - *Wakers without a reference count* (measured by making clone and drop
//!   no-ops; unsound here, as a waker could then outlive its task's
//!   memory): `pingpong` 465 -> 448, `signal` `W->S` 164 -> 154,
//!   `irq-wake` 112.5 -> 101.5, `fanout` 1935 -> 1765 per round. Keeping
//!   the promise (wakers stay valid after their task ended) for less needs
//!   wakers that point at a slot that outlives the task (a header recycled
//!   by the executor, never freed; a stale wake then polls the task that
//!   reuses the slot once): not done yet. The `block_on` future's wakers,
//!   whose header is a static, are no longer counted.
//!
//! # Bookkeeping: why three words
//!
//! The header is what a spawned task cannot do without: the vtable (the
//! task's type is erased; a `Box<dyn Future>` carries the same word in its
//! fat pointer), the queue word (an intrusive link, so the executor needs no
//! task array and no capacity), and `refs` + `woken` (a task's memory is
//! freed when it is done *and* no waker, `JoinHandle` or queue refers to it
//! any more — wakers may outlive their task, so something must count them).
//! Beyond the header, a running task keeps a 2-word join slot (see "Memory
//! layout"), shared with its output: the price of an await that cannot
//! run out of memory.
//! An executor that keeps tasks in never-freed slots could drop the count
//! (a stale waker would then wake whatever task reuses the slot: a spurious
//! poll), but the slot (link + task pointer) and the vtable are still three
//! words. Under that, pointers become indices (a table of vtables, links as
//! slot numbers in a fixed array): more loads on every switch, and a
//! capacity on every executor. Peers measured in the same run
//! (`task-overhead`): embassy-executor 22 bytes per task (its tasks are
//! statics, never freed), RTIC 4 (static tasks, no waker count needed), Lull
//! 22 (12 of header + 8 of join slot + 2 bytes of padding for the ring's
//! 2-byte future; 14 before the join slot moved into the task).
//!
//! # ARMv6-M
//!
//! Thumbv6m has no exclusive accesses. There the read-modify-write
//! operations of `sync` (the swap of a claim, of an inbox push and of the
//! inbox's take; the reference count) run with PRIMASK set for a handful of
//! instructions. None of them is on the task-switch path above, which uses
//! loads and stores only on every core (park's re-claim, off that path, is
//! such a claim); a wake of a task that is not queued claims it.

use core::cell::Cell;
use core::future::Future;
use core::marker::PhantomData;
use core::mem::{ManuallyDrop, MaybeUninit};
use core::pin::Pin;
use core::ptr::{self, NonNull};
use core::sync::atomic::{
    AtomicBool, AtomicPtr, AtomicU8, AtomicU16, AtomicUsize, Ordering::Relaxed,
};
use core::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

use allocator_api2::alloc::{Allocator, Layout};

mod arch;
#[cfg(not(target_os = "none"))]
pub(crate) mod host;
mod sync;

/// Queue word flag: the task is in the inbox (or claimed, on its way there).
const INBOX: usize = 0b10;
/// Queue word flag of an inbox entry, with [`INBOX`]: the task is there to be
/// freed (a handler dropped its last reference), not to be polled.
const FREE: usize = 0b01;
const FLAGS: usize = INBOX | FREE;
/// A claimed task, about to be linked: not IDLE, so handlers leave it alone.
const CLAIMED: *mut Header = ptr::without_provenance_mut(INBOX);

/// `refs` flag: a `JoinHandle` exists (the output must be kept).
const HANDLE: u16 = 0b1;
/// One reference in `refs`.
const REF: u16 = 0b10;

#[inline(always)]
fn untag(p: *mut Header) -> *mut Header {
    p.map_addr(|a| a & !FLAGS)
}

/// What state a task is in, as seen through its vtable.
///
/// The states in which a wake queues the task come first, so that
/// [`Header::runnable`] is one comparison.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub(crate) enum Kind {
    /// The future exists and is polled when the task is woken.
    Running,
    /// `cancel` was called while the task was being polled (or about to be):
    /// the next `poll` drops the future.
    Cancelling,
    /// The `block_on` future (the executor's static root header).
    Root,
    /// The future finished; its output waits for the `JoinHandle`.
    Done,
    /// Nothing left but the header and memory.
    Dead,
    /// The future panicked while polled (host, `panic = "unwind"`), or its
    /// destructor is running: no future, no output.
    Panicked,
    /// The root header outside `block_on`.
    RootIdle,
}

/// The operations of a task in one state. Generic code creates one per
/// future type and state; the header points to the current one.
#[repr(C)]
pub struct TaskVTable {
    poll: unsafe fn(NonNull<Header>),
    kind: Kind,
    /// Running: drop the future (now, or when next polled if it is the head
    /// of the ring during `block_on`). Done: drop the output.
    discard: unsafe fn(NonNull<Header>),
    /// Done: move the output to `*mut T` and become Dead.
    take_output: unsafe fn(NonNull<Header>, *mut ()),
    /// Running: store (a clone of) the waker of the task awaiting the output.
    set_joiner: unsafe fn(NonNull<Header>, &Waker),
    /// Running: forget the awaiting task's waker, and return it.
    take_joiner: unsafe fn(NonNull<Header>) -> Option<Waker>,
    /// Free the memory (the future and output must be gone).
    dealloc: unsafe fn(NonNull<Header>),
    /// Running: its `poll` panicked (host, `panic = "unwind"`): become
    /// Panicked, drop the future, and return the joiner's waker.
    #[cfg(panic = "unwind")]
    poison: unsafe fn(NonNull<Header>) -> Option<Waker>,
}

/// Per-task bookkeeping: 3 words at the start of every task allocation.
#[repr(C)]
pub struct Header {
    /// Thread mode only.
    vtable: Cell<NonNull<TaskVTable>>,
    /// The queue word (see the module documentation).
    state: AtomicPtr<Header>,
    /// `REF` per reference, plus the `HANDLE` flag.
    refs: AtomicU16,
    /// 1 when the task was woken since the executor last started polling
    /// it: every wake stores 1, the executor stores 0 right before each
    /// poll (see the module documentation).
    woken: AtomicU8,
    /// The join slot holds the waker of a task awaiting the `JoinHandle`
    /// (Thread mode only; in the header's spare byte).
    joined: Cell<bool>,
}

impl Header {
    #[inline(always)]
    fn vtable(&self) -> &'static TaskVTable {
        // SAFETY: the vtable word always points to a static vtable.
        unsafe { self.vtable.get().as_ref() }
    }

    #[inline(always)]
    fn set_vtable(&self, vt: &'static TaskVTable) {
        self.vtable.set(NonNull::from(vt));
    }

    #[inline(always)]
    fn runnable(&self) -> bool {
        // Running, Cancelling and Root are the first three kinds.
        self.vtable().kind as u8 <= Kind::Root as u8
    }
}

#[repr(C)]
struct Task<F: Future, A> {
    header: Header,
    alloc: A,
    stage: Stage<F>,
}

/// The future and its join slot while the task runs, then its output.
union Stage<F: Future> {
    running: ManuallyDrop<Running<F>>,
    output: ManuallyDrop<F::Output>,
}

/// A running task's memory beyond the header.
struct Running<F> {
    /// The waker of the task awaiting the `JoinHandle`: initialised while
    /// the header's `joined` flag is set. It lives here, in the task's own
    /// allocation, so that awaiting a `JoinHandle` never allocates; it
    /// shares its memory with the output, which exists only after it is
    /// gone.
    joiner: MaybeUninit<Waker>,
    future: F,
}

/// Proof that a handle was obtained in Thread mode; only the
/// [`executor!`](crate::executor) macro creates one.
#[derive(Clone, Copy, Debug)]
pub struct Token(PhantomData<*mut ()>);

impl Token {
    /// # Safety
    ///
    /// Only in Thread mode, for a handle that never leaves it (the handle
    /// must be `!Send`, which this token makes it).
    #[doc(hidden)]
    #[inline(always)]
    pub const unsafe fn new() -> Self {
        Token(PhantomData)
    }
}

/// Connects a handle type made by [`executor!`](crate::executor) to its
/// static state.
///
/// # Safety
///
/// `executor()` must return the same `'static` executor every time, used by
/// no other type; `WAKER_VTABLE` must be a `static` built by
/// [`waker_vtable::<Self>()`](waker_vtable); a value of `Self` must only exist
/// in Thread mode (`!Send`, created by `get()`).
pub unsafe trait ExecutorType: Copy + 'static {
    /// The thread-mode allocator tasks are boxed in.
    type Allocator: Allocator + Copy + 'static;
    /// The waker vtable of this executor's tasks (a `static`, so that all
    /// wakers of one task compare equal with `Waker::will_wake`).
    const WAKER_VTABLE: &'static RawWakerVTable;
    /// The waker vtable of the `block_on` future (a `static` built by
    /// [`root_waker_vtable::<Self>()`](root_waker_vtable)).
    const ROOT_WAKER_VTABLE: &'static RawWakerVTable;
    /// `max_spawned_tasks` (`usize::MAX`: no limit but memory; at least 1).
    /// A constant, so that an unbounded executor's spawn tests nothing.
    const CAPACITY: usize;
    /// The executor's state.
    fn executor() -> &'static Executor;
    /// The allocator handle stored in the executor handle.
    fn allocator(self) -> Self::Allocator;
}

/// The state of one executor: a `static` defined by
/// [`executor!`](crate::executor).
#[repr(C)]
pub struct Executor {
    /// Tasks woken from handlers, last woken first.
    inbox: AtomicPtr<Header>,
    /// Last task of the run ring (null: empty). Thread mode only.
    tail: Cell<*mut Header>,
    /// The `block_on` future's header.
    root: Header,
    root_future: Cell<*mut ()>,
    /// The root future completed: root wakes do nothing. Read by handlers.
    root_done: AtomicBool,
    in_block_on: Cell<bool>,
    /// Spawned tasks whose future has not been dropped yet. Written by
    /// Thread mode only (plain load and store, no read-modify-write); atomic
    /// so that `live_tasks` may be read from anywhere (`ExecutorType::
    /// executor()` is a safe function any context can call).
    live: AtomicUsize,
    #[cfg(not(target_os = "none"))]
    pub(crate) host: host::Hooks,
}

// SAFETY: the `Cell`s are accessed in Thread mode only (through handles that
// are `!Send` and created in Thread mode, and through wakers only after
// checking `in_handler()`); what handlers touch is atomic: `inbox`, queue
// words, `refs`.
unsafe impl Sync for Executor {}

const ROOT_IDLE: &TaskVTable = &TaskVTable {
    poll: noop,
    kind: Kind::RootIdle,
    discard: noop,
    take_output: no_output,
    set_joiner: no_joiner,
    take_joiner: no_take_joiner,
    dealloc: noop,
    #[cfg(panic = "unwind")]
    poison: no_poison,
};

unsafe fn noop(_: NonNull<Header>) {}
unsafe fn no_output(_: NonNull<Header>, _: *mut ()) {
    unreachable!("lull-executor: task has no output")
}
unsafe fn no_joiner(_: NonNull<Header>, _: &Waker) {}
unsafe fn no_take_joiner(_: NonNull<Header>) -> Option<Waker> {
    None
}
#[cfg(panic = "unwind")]
unsafe fn no_poison(_: NonNull<Header>) -> Option<Waker> {
    None
}

impl Executor {
    /// A new executor (its capacity is [`ExecutorType::CAPACITY`]).
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Executor {
            inbox: AtomicPtr::new(ptr::null_mut()),
            tail: Cell::new(ptr::null_mut()),
            root: Header {
                vtable: Cell::new(NonNull::from_ref(ROOT_IDLE)),
                state: AtomicPtr::new(ptr::null_mut()),
                // Not a count: the root is a static and its wakers are
                // not counted (`root_waker_vtable`). Thread mode's: zero
                // only from the root future's completion to `park_slow`
                // (so that `park`'s common case needs no test for it),
                // `REF` otherwise, so that nothing takes the root for a
                // task to free.
                refs: AtomicU16::new(REF),
                woken: AtomicU8::new(0),
                joined: Cell::new(false),
            },
            root_future: Cell::new(ptr::null_mut()),
            root_done: AtomicBool::new(false),
            in_block_on: Cell::new(false),
            live: AtomicUsize::new(0),
            #[cfg(not(target_os = "none"))]
            host: host::Hooks::new(),
        }
    }

    /// Spawned tasks that have not finished (nor been cancelled).
    pub fn live_tasks(&self) -> usize {
        self.live.load(Relaxed)
    }

    /// Adds `n` (wrapping) to the live count. Thread mode only.
    #[inline(always)]
    fn add_live(&self, n: usize) {
        self.live
            .store(self.live.load(Relaxed).wrapping_add(n), Relaxed);
    }

    /// Appends a claimed task (queue word CLAIMED or INBOX) to the ring.
    /// Thread mode only.
    unsafe fn ring_insert(&self, t: NonNull<Header>) {
        let t = t.as_ptr();
        let tail = self.tail.get();
        if tail.is_null() {
            // SAFETY: `t` is a live task claimed by the caller: no handler
            // writes its word (it is not IDLE).
            unsafe { (*t).state.store(t, Relaxed) };
        } else {
            // SAFETY: `tail` is in the ring, hence alive; handlers never
            // write the word of a task in the ring.
            let word = unsafe { &(*tail).state };
            let old = word.load(Relaxed);
            word.store(t, Relaxed);
            // SAFETY: as above, `t` is claimed.
            unsafe { (*t).state.store(old, Relaxed) };
        }
        self.tail.set(t);
    }

    /// Claims an IDLE task for the inbox and pushes it there; `false` if it
    /// was not IDLE. Handlers only (a task in the inbox is moved to the ring
    /// by Thread mode, which must not run between the claim and the push).
    ///
    /// On Cortex-M both are a swap (see [`sync::claim_idle`] and
    /// [`sync::push`]): no compare-and-swap, no retry loop.
    ///
    /// `tag` is [`INBOX`] for a wake, `INBOX | FREE` for a task whose last
    /// reference a handler dropped.
    #[inline(always)]
    unsafe fn inbox_claim_push(&self, t: NonNull<Header>, tag: usize) -> bool {
        // SAFETY: `t` is alive (the caller holds a reference).
        let word = unsafe { &t.as_ref().state };
        if !sync::claim_idle(word, CLAIMED) {
            return false;
        }
        // Claimed: no other context writes its word now.
        sync::push(&self.inbox, t.as_ptr(), word, tag);
        true
    }

    /// Moves every task of the inbox to the ring, in the order of their
    /// wakes. Thread mode only.
    ///
    /// One pass: the inbox is a LIFO stack, so each task taken from it is
    /// linked in *front* of the ones taken before it, and the chain is
    /// spliced in after the old tail; the first task taken (the last woken)
    /// becomes the tail.
    #[inline(always)]
    unsafe fn drain(&self) {
        let lifo = sync::swap_ptr(&self.inbox, ptr::null_mut());
        if let Some(t) = NonNull::new(lifo) {
            // SAFETY: tasks in the inbox are alive and claimed (INBOX words):
            // only we write their words now.
            let h = unsafe { t.as_ref() };
            if h.state.load(Relaxed).addr() == INBOX {
                // The common case: one task (no link), to be queued (no
                // FREE flag). Whatever its kind, as for a Thread-mode wake:
                // a finished task's poll does nothing.
                // SAFETY: claimed (INBOX), Thread mode.
                unsafe { self.ring_insert(t) };
                return;
            }
        }
        // SAFETY: Thread mode (caller).
        unsafe { self.drain_many(lifo) };
    }

    /// [`drain`](Self::drain) of more than one task, or of a task to free.
    #[inline(never)]
    unsafe fn drain_many(&self, mut lifo: *mut Header) {
        let tail = self.tail.get();
        // The chain's first task; starts as the ring's head (the task after
        // the old tail), so that the chain's last task links to it.
        let mut first: *mut Header = if tail.is_null() {
            ptr::null_mut()
        } else {
            // SAFETY: the tail is alive and in the ring.
            unsafe { (*tail).state.load(Relaxed) }
        };
        let mut last: *mut Header = ptr::null_mut();
        while let Some(t) = NonNull::new(lifo) {
            // SAFETY: tasks in the inbox are alive and claimed (INBOX words):
            // only we write their words now.
            let h = unsafe { t.as_ref() };
            let word = h.state.load(Relaxed);
            lifo = untag(word);
            if word.addr() & FREE == 0 {
                if last.is_null() {
                    last = t.as_ptr();
                }
                // Never null (not IDLE): the ring's head, the task itself
                // (an empty ring, fixed below) or the chain's first task.
                let next = if first.is_null() { t.as_ptr() } else { first };
                h.state.store(next, Relaxed);
                first = t.as_ptr();
            } else {
                // FREE: a handler dropped the last reference of this IDLE
                // task; with no reference left, nothing can have taken a new
                // one since.
                debug_assert_eq!(h.refs.load(Relaxed), 0);
                // SAFETY: nothing refers to it and it is in no queue.
                unsafe { free(t) };
            }
        }
        if !last.is_null() {
            // Close the chain: the old tail (or, in an empty ring, the new
            // tail) links to its first task.
            let link = if tail.is_null() { last } else { tail };
            // SAFETY: `link` is in the ring or the chain: Thread mode's.
            unsafe { (*link).state.store(first, Relaxed) };
            self.tail.set(last);
        }
    }

    /// Runs tasks until the root future has completed. Thread mode only.
    ///
    /// This is the hot loop: keep it small.
    unsafe fn run(&self) {
        // SAFETY: Thread mode (caller).
        let mut cur = unsafe { self.next_head() };
        loop {
            // SAFETY: the head is a live task in the ring.
            let h = unsafe { &*cur };
            // Wakes from now on count for this poll (earlier ones are
            // served by it).
            h.woken.store(0, sync::FLAG);
            sync::compiler_fence();
            // Host tests unwind: a panicking poll must not leave `cur` in
            // the ring (compiled out with `panic = "abort"`, as on Cortex-M).
            #[cfg(panic = "unwind")]
            let guard = PollGuard { ex: self, cur };
            // SAFETY: `cur` is a live task whose vtable matches its state.
            unsafe { (h.vtable().poll)(NonNull::new_unchecked(cur)) };
            #[cfg(panic = "unwind")]
            core::mem::forget(guard);
            sync::compiler_fence();
            if h.woken.load(sync::FLAG) == 0 {
                // Not woken during the poll.
                // SAFETY: `cur` is the head, just polled.
                if unsafe { self.park(cur) } {
                    return;
                }
                // SAFETY: Thread mode.
                cur = unsafe { self.next_head() };
                continue;
            }
            // Woken during the poll: rotate. Its word (a plain link: ring
            // words have no flag) is the next head, unless handlers queued
            // tasks meanwhile.
            self.tail.set(cur);
            cur = h.state.load(Relaxed);
            if !self.inbox.load(Relaxed).is_null() {
                // SAFETY: Thread mode.
                cur = unsafe { self.after_interrupt() };
            }
        }
    }

    /// The poll of the head `cur` panicked and is unwinding (host): take it
    /// off the ring and make it IDLE, so that the executor stays usable. A
    /// Running task becomes Panicked: its future is dropped, its joiner woken
    /// (awaiting its `JoinHandle` then panics too). The `block_on` future's
    /// header is only unlinked (`block_on` unwinds). Thread mode only.
    #[cfg(panic = "unwind")]
    #[cold]
    #[inline(never)]
    unsafe fn poll_panicked(&self, cur: *mut Header) {
        // SAFETY: `cur` is the live head of the ring (it was being polled).
        let h = unsafe { &*cur };
        let next = h.state.load(Relaxed);
        if ptr::eq(next, cur) {
            self.tail.set(ptr::null_mut());
        } else {
            // SAFETY: the tail is alive and in the ring (Thread mode only).
            unsafe { (*self.tail.get()).state.store(next, Relaxed) };
        }
        // Its word is still a (stale) ring link, not IDLE: nothing frees it
        // or claims it while its future is dropped.
        // SAFETY: `cur` is alive; `poison` is a no-op except for Running.
        let joiner = unsafe { (h.vtable().poison)(NonNull::new_unchecked(cur)) };
        sync::compiler_fence();
        h.state.store(ptr::null_mut(), Relaxed);
        sync::compiler_fence();
        if !ptr::eq(cur, &self.root) {
            // SAFETY: Thread mode, `cur` just became IDLE.
            unsafe { settle(NonNull::new_unchecked(cur)) };
        }
        if let Some(w) = joiner {
            w.wake();
        }
    }

    /// `next_head`, kept off the path of a task switch.
    #[cold]
    #[inline(never)]
    unsafe fn after_interrupt(&self) -> *mut Header {
        // SAFETY: Thread mode (caller).
        unsafe { self.next_head_slow() }
    }

    /// Drains the inbox and returns the head of the ring, sleeping while
    /// there is none. Thread mode only.
    ///
    /// The common case (empty inbox, a task in the ring) is inlined into the
    /// run loop: two loads and two branches.
    #[inline(always)]
    unsafe fn next_head(&self) -> *mut Header {
        let tail = self.tail.get();
        if self.inbox.load(Relaxed).is_null() && !tail.is_null() {
            // SAFETY: `tail` is in the ring; between polls no word in the
            // ring has a flag, so its word is the head.
            return unsafe { (*tail).state.load(Relaxed) };
        }
        // SAFETY: Thread mode (caller).
        unsafe { self.next_head_slow() }
    }

    /// [`next_head`](Self::next_head) when handlers queued tasks or none is
    /// ready.
    #[inline(never)]
    unsafe fn next_head_slow(&self) -> *mut Header {
        loop {
            if !self.inbox.load(Relaxed).is_null() {
                // SAFETY: Thread mode (caller).
                unsafe { self.drain() };
            }
            let tail = self.tail.get();
            if !tail.is_null() {
                // SAFETY: `tail` is in the ring; between polls no word in
                // the ring has a flag, so its word is the head.
                return unsafe { (*tail).state.load(Relaxed) };
            }
            // The inbox was empty after the check above and a handler that
            // queues a task executes `sev` after it: `wfe` returns at once
            // if that happened since.
            arch::wait(self);
        }
    }

    /// The head `cur` was polled and not woken: unlink it and make it IDLE
    /// (or queue it again if a wake came meanwhile). Returns `true` when
    /// `cur` is the root and the root future completed.
    #[inline(always)]
    unsafe fn park(&self, cur: *mut Header) -> bool {
        // SAFETY: `cur` is the live head of the ring.
        let h = unsafe { &*cur };
        // A ring word is written by Thread mode only: a plain link.
        let next = h.state.load(Relaxed);
        if ptr::eq(next, cur) {
            self.tail.set(ptr::null_mut());
        } else {
            // SAFETY: the tail is alive and in the ring: only Thread mode
            // writes its word.
            unsafe { (*self.tail.get()).state.store(next, Relaxed) };
        }
        // RING -> IDLE: from here on, a wake (from a handler) claims it.
        sync::compiler_fence();
        h.state.store(ptr::null_mut(), Relaxed);
        sync::compiler_fence();
        // The common case: not woken meanwhile and still referenced (a
        // Running task's future holds a reference; the root's `refs` is
        // zero only from its completion to here, see `poll_root`).
        if h.woken.load(sync::FLAG) == 0 {
            if h.refs.load(Relaxed) != 0 {
                return false;
            }
            // Unreferenced: the root after its future completed (its
            // `refs` is zero only then; root wakes do nothing any more),
            // or a finished task that no waker or handle refers to.
            if ptr::eq(cur, &self.root) {
                // SAFETY: Thread mode; no task is being polled.
                unsafe { self.end_block_on() };
                return true;
            }
            // SAFETY: `cur` is alive, IDLE, not woken, unreferenced.
            unsafe { free_unreferenced(NonNull::new_unchecked(cur)) };
            return false;
        }
        // SAFETY: `cur` is alive and just became IDLE; Thread mode.
        unsafe { self.park_slow(cur) }
    }

    /// The rest of [`park`](Self::park), off the path of a task switch.
    #[cold]
    #[inline(never)]
    unsafe fn park_slow(&self, cur: *mut Header) -> bool {
        // SAFETY: `cur` is alive (caller).
        let h = unsafe { &*cur };
        let root = ptr::eq(cur, &self.root);
        if root && self.root_done.load(sync::FLAG) {
            // Root wakes do nothing once the root future completed.
            // SAFETY: Thread mode (caller); no task is being polled.
            unsafe { self.end_block_on() };
            return true;
        }
        if h.woken.load(sync::FLAG) != 0 {
            // Woken after the executor's check (necessarily by a handler,
            // as no task runs now), and maybe before the word became IDLE,
            // when that wake saw a queued task and did nothing else. Queue
            // it unless a handler claimed it for the inbox already: either
            // way it is polled again, at the back of the queue.
            if sync::claim_idle(&h.state, CLAIMED) {
                // SAFETY: claimed, Thread mode.
                unsafe { self.ring_insert(NonNull::new_unchecked(cur)) };
            }
            return false;
        }
        if !root {
            // SAFETY: Thread mode, `cur` just became IDLE.
            unsafe { settle(NonNull::new_unchecked(cur)) };
        }
        false
    }

    /// At the end of `block_on`, once the root future completed: gives the
    /// root's `refs` its value back (see `poll_root`), then takes the
    /// finished tasks off the ring and frees those that nothing refers to. A wake does not test whether its
    /// task finished, so a stale waker (woken from a handler, or in Thread
    /// mode) queues a finished task for one no-op poll, after which `park`
    /// frees it; when `block_on` returns before that poll, this frees it
    /// instead of leaving its memory taken until the next `block_on`. (Tasks
    /// still in the inbox, queued by handlers during the last poll, wait for
    /// the next `block_on`, as every task queued then does.)
    /// Thread mode only, with no task being polled.
    #[cold]
    #[inline(never)]
    unsafe fn end_block_on(&self) {
        self.root.refs.store(REF, Relaxed);
        let tail = self.tail.get();
        if tail.is_null() {
            return;
        }
        let mut prev = tail;
        loop {
            // SAFETY: `prev` is in the ring (Thread mode's); so is its link.
            let t = unsafe { (*prev).state.load(Relaxed) };
            // SAFETY: as above.
            let h = unsafe { &*t };
            let next = h.state.load(Relaxed);
            let last = ptr::eq(t, tail);
            if h.runnable() {
                prev = t;
            } else {
                if ptr::eq(next, t) {
                    self.tail.set(ptr::null_mut());
                } else {
                    // SAFETY: `prev` is in the ring.
                    unsafe { (*prev).state.store(next, Relaxed) };
                    if last {
                        self.tail.set(prev);
                    }
                }
                // RING -> IDLE, then free it if unreferenced (a handler
                // may claim it from now on: `settle` frees only what it
                // claims).
                sync::compiler_fence();
                h.state.store(ptr::null_mut(), Relaxed);
                sync::compiler_fence();
                // SAFETY: Thread mode, `t` just became IDLE.
                unsafe { settle(NonNull::new_unchecked(t)) };
            }
            if last {
                return;
            }
        }
    }

    /// The head of the ring, if any. Thread mode only.
    fn head(&self) -> *mut Header {
        let tail = self.tail.get();
        if tail.is_null() {
            tail
        } else {
            // SAFETY: the tail is alive; its link (without flags) is the head.
            untag(unsafe { (*tail).state.load(Relaxed) })
        }
    }
}

/// Takes a panicking task off the ring when the executor unwinds (host).
#[cfg(panic = "unwind")]
struct PollGuard<'a> {
    ex: &'a Executor,
    cur: *mut Header,
}

#[cfg(panic = "unwind")]
impl Drop for PollGuard<'_> {
    fn drop(&mut self) {
        // SAFETY: only dropped while unwinding out of the poll of `cur`,
        // the head of the ring, in Thread mode (`run`).
        unsafe { self.ex.poll_panicked(self.cur) }
    }
}

/// A task just became IDLE in Thread mode: free it if nothing refers to it.
unsafe fn settle(t: NonNull<Header>) {
    // SAFETY: `t` is alive (caller).
    if unsafe { t.as_ref() }.refs.load(Relaxed) == 0 {
        // SAFETY: alive, unreferenced, Thread mode.
        unsafe { free_unreferenced(t) };
    }
}

/// A task that nothing refers to any more (no waker, no handle, no
/// future), in Thread mode: frees it unless it is queued — in the ring
/// (`park` frees it after its poll), or claimed for the inbox by a handler
/// that dropped the last reference after the word became IDLE (the drain
/// frees it). The claim decides which of them frees it. `park` calls it
/// directly when the task it just made IDLE was not woken and has no
/// references: no new wake can come (wakers hold references), so unlike
/// [`settle`] it does not test `refs` again.
#[inline(never)]
unsafe fn free_unreferenced(t: NonNull<Header>) {
    // SAFETY: `t` is alive (caller).
    if sync::claim_idle(&unsafe { t.as_ref() }.state, CLAIMED) {
        // SAFETY: no references, claimed, Thread mode.
        unsafe { free(t) };
    }
}

/// Drops what is left of an unreferenced, unqueued task and frees it.
unsafe fn free(t: NonNull<Header>) {
    // SAFETY: `t` is alive (caller).
    let vt = unsafe { t.as_ref() }.vtable();
    if vt.kind == Kind::Done {
        // SAFETY: the output is there (Done); this makes the task Dead.
        unsafe { (vt.discard)(t) };
    }
    // SAFETY: the future and output are gone; nothing refers to `t`. Every
    // vtable of a task type has the same `dealloc`, so `vt`'s is the one
    // (no reload after `discard`).
    unsafe { (vt.dealloc)(t) };
}

/// Drops `amount` from `refs`; on the last reference, frees the task (Thread
/// mode, if IDLE) or hands it to the executor (handler).
#[inline]
unsafe fn release<E: ExecutorType>(t: NonNull<Header>, amount: u16) {
    // SAFETY: the caller holds the references being released.
    if sync::fetch_sub(&unsafe { t.as_ref() }.refs, amount) == amount {
        // SAFETY: as above.
        unsafe { last_ref::<E>(t) }
    }
}

#[inline(never)]
unsafe fn last_ref<E: ExecutorType>(t: NonNull<Header>) {
    // The memory is alive until freed below or by the executor.
    if arch::in_handler() {
        let ex = E::executor();
        // SAFETY: `t` is alive until the executor frees it. IDLE: the
        // claim succeeds and the drain frees it (the `FREE` flag). Not
        // IDLE (queued or being polled): the claim fails, and `park` frees
        // it after its poll, or `end_block_on` when `block_on` returns.
        if unsafe { ex.inbox_claim_push(t, INBOX | FREE) } {
            arch::signal(ex);
        }
        return;
    }
    // SAFETY: no references, Thread mode.
    unsafe { free_unreferenced(t) }
}

/// Wakes a task: the code of `Waker::wake_by_ref` for this executor.
#[inline(always)]
unsafe fn wake_task<E: ExecutorType>(t: NonNull<Header>) {
    // SAFETY: forwarded.
    unsafe { wake_task_with::<E, false>(t) }
}

/// [`wake_task`] with the wake of an IDLE task inlined (`INLINE`) or called.
#[inline(always)]
unsafe fn wake_task_with<E: ExecutorType, const INLINE: bool>(t: NonNull<Header>) {
    // SAFETY: a waker holds a reference (or borrows one that does).
    let h = unsafe { t.as_ref() };
    // Being polled: the executor polls it again. Queued: harmless (cleared
    // before its poll). IDLE: queued below.
    sync::compiler_fence();
    h.woken.store(1, sync::FLAG);
    sync::compiler_fence();
    if h.state.load(Relaxed).is_null() {
        // SAFETY: as above.
        unsafe {
            if INLINE {
                wake_idle_inline(E::executor(), t);
            } else {
                wake_idle(E::executor(), t);
            }
        }
    }
    // Otherwise it is queued already (in the ring, maybe being polled, or
    // in the inbox).
}

/// The wake of an IDLE task, out of line: what `wake_by_ref` calls, so that
/// a yield (which never gets here) needs no stack frame.
#[inline(never)]
unsafe fn wake_idle(ex: &Executor, t: NonNull<Header>) {
    // SAFETY: forwarded.
    unsafe { wake_idle_inline(ex, t) }
}

/// The wake of an IDLE task, inlined into the consuming `wake` (what
/// `WakerRegistration` and `AtomicWaker` call), except for the part that
/// runs in handlers.
#[inline(always)]
unsafe fn wake_idle_inline(ex: &Executor, t: NonNull<Header>) {
    // SAFETY: the caller holds a reference.
    let h = unsafe { t.as_ref() };
    if arch::in_handler() {
        // SAFETY: as above.
        unsafe { wake_from_handler(ex, t) };
    } else {
        // Whatever its kind: a task that finished (Done, Dead) has a no-op
        // `poll`, so queuing it costs one empty poll when a waker outlives
        // its task, instead of a test of the kind in every wake (4
        // instructions). If the last reference is dropped while it is
        // queued, `park` frees it after that poll: at the executor's next
        // scheduling point, as after a handler's last drop.
        // Claim it with its final ring link (the head, or itself in an
        // empty ring), then link it after the tail: IDLE -> RING.
        let tail = ex.tail.get();
        let next = if tail.is_null() {
            t.as_ptr()
        } else {
            // SAFETY: the tail is alive and in the ring (Thread mode's).
            unsafe { (*tail).state.load(Relaxed) }
        };
        // The word was IDLE when the caller looked at it; a handler that
        // preempted us since may have claimed it for the inbox (then the
        // drain queues it). On Cortex-M a swap (see `sync::claim_idle`).
        if sync::claim_idle(&h.state, next) {
            if !tail.is_null() {
                // SAFETY: as above.
                unsafe { (*tail).state.store(t.as_ptr(), Relaxed) };
            }
            ex.tail.set(t.as_ptr());
        }
    }
}

/// [`wake_idle`] in a handler: claim the task for the inbox, then `sev`.
#[inline(always)]
unsafe fn wake_from_handler(ex: &Executor, t: NonNull<Header>) {
    // SAFETY: `t` is alive (the caller holds a reference).
    if unsafe { ex.inbox_claim_push(t, INBOX) } {
        arch::signal(ex);
    }
}

/// The `RawWakerVTable` of executor `E`'s tasks. The
/// [`executor!`](crate::executor) macro stores it in a `static`.
pub const fn waker_vtable<E: ExecutorType>() -> RawWakerVTable {
    RawWakerVTable::new(
        waker_clone::<E>,
        waker_wake::<E>,
        waker_wake_by_ref::<E>,
        waker_drop::<E>,
    )
}

unsafe fn waker_clone<E: ExecutorType>(p: *const ()) -> RawWaker {
    let t = p.cast::<Header>();
    // SAFETY: `p` is the header of a task kept alive by the waker cloned.
    let old = sync::fetch_add(unsafe { &(*t).refs }, REF);
    if old > u16::MAX / 2 {
        refcount_overflow();
    }
    RawWaker::new(p, E::WAKER_VTABLE)
}

#[cold]
fn refcount_overflow() -> ! {
    panic!("lull-executor: too many clones of one task's waker")
}

unsafe fn waker_wake<E: ExecutorType>(p: *const ()) {
    // SAFETY: `p` is a live task header (this waker holds a reference).
    let t = unsafe { NonNull::new_unchecked(p.cast_mut().cast::<Header>()) };
    // SAFETY: as above; the reference is released after the wake.
    unsafe {
        wake_task_with::<E, true>(t);
        release::<E>(t, REF);
    }
}

unsafe fn waker_wake_by_ref<E: ExecutorType>(p: *const ()) {
    // SAFETY: `p` is a live task header (the borrowed waker holds a
    // reference, or is the one the executor lends to `poll`).
    unsafe { wake_task::<E>(NonNull::new_unchecked(p.cast_mut().cast::<Header>())) }
}

unsafe fn waker_drop<E: ExecutorType>(p: *const ()) {
    // SAFETY: `p` is a live task header and this waker's reference is given
    // back.
    unsafe { release::<E>(NonNull::new_unchecked(p.cast_mut().cast::<Header>()), REF) }
}

/// The `RawWakerVTable` of executor `E`'s `block_on` future (its static
/// root header): a wake after the root future completed does nothing, so
/// that `block_on` returns right away. The header is a `static`, so these
/// wakers are not counted: cloning copies the pointer, dropping does
/// nothing, and a consuming wake is a wake by reference. The
/// [`executor!`](crate::executor) macro stores it in a `static`.
pub const fn root_waker_vtable<E: ExecutorType>() -> RawWakerVTable {
    RawWakerVTable::new(
        root_waker_clone::<E>,
        root_waker_wake::<E>,
        root_waker_wake_by_ref::<E>,
        root_waker_drop,
    )
}

unsafe fn root_waker_clone<E: ExecutorType>(p: *const ()) -> RawWaker {
    RawWaker::new(p, E::ROOT_WAKER_VTABLE)
}

unsafe fn root_waker_wake<E: ExecutorType>(p: *const ()) {
    // SAFETY: forwarded (nothing to give back: not counted).
    unsafe { root_wake::<E, true>(p) }
}

unsafe fn root_waker_wake_by_ref<E: ExecutorType>(p: *const ()) {
    // SAFETY: forwarded.
    unsafe { root_wake::<E, false>(p) }
}

#[inline(always)]
unsafe fn root_wake<E: ExecutorType, const INLINE: bool>(p: *const ()) {
    let ex = E::executor();
    // A handler runs entirely between two Thread-mode instructions: either
    // before `poll_root` stores `root_done` (its `woken` store is then
    // overwritten by `poll_root`) or after (it does nothing).
    if !ex.root_done.load(sync::FLAG) {
        // SAFETY: `p` is the root header, a static.
        unsafe {
            wake_task_with::<E, INLINE>(NonNull::new_unchecked(p.cast_mut().cast::<Header>()))
        }
    }
}

unsafe fn root_waker_drop(_: *const ()) {}

/// The vtables of a task with future `F` on executor `E`.
struct Vt<F, E>(PhantomData<(F, E)>);

impl<F: Future + 'static, E: ExecutorType> Vt<F, E> {
    const RUNNING: &'static TaskVTable = &TaskVTable {
        poll: poll_task::<F, E>,
        kind: Kind::Running,
        discard: cancel_task::<F, E>,
        take_output: no_output,
        set_joiner: set_joiner::<F, E>,
        take_joiner: take_joiner::<F, E>,
        dealloc: dealloc::<F, E>,
        #[cfg(panic = "unwind")]
        poison: poison_task::<F, E>,
    };
    const CANCELLING: &'static TaskVTable = &TaskVTable {
        poll: drop_future::<F, E>,
        kind: Kind::Cancelling,
        discard: noop,
        take_output: no_output,
        set_joiner: no_joiner,
        take_joiner: no_take_joiner,
        dealloc: dealloc::<F, E>,
        #[cfg(panic = "unwind")]
        poison: no_poison,
    };
    const DONE: &'static TaskVTable = &TaskVTable {
        poll: noop,
        kind: Kind::Done,
        discard: drop_output::<F, E>,
        take_output: take_output::<F, E>,
        set_joiner: no_joiner,
        take_joiner: no_take_joiner,
        dealloc: dealloc::<F, E>,
        #[cfg(panic = "unwind")]
        poison: no_poison,
    };
    const DEAD: &'static TaskVTable = &TaskVTable {
        poll: noop,
        kind: Kind::Dead,
        discard: noop,
        take_output: no_output,
        set_joiner: no_joiner,
        take_joiner: no_take_joiner,
        dealloc: dealloc::<F, E>,
        #[cfg(panic = "unwind")]
        poison: no_poison,
    };
    /// While a future's destructor runs: inert. With `panic = "unwind"`
    /// it is Panicked, which stays if the destructor (or, for
    /// `poison_task`, the poll) panicked; otherwise Dead.
    const ENDING: &'static TaskVTable = if cfg!(panic = "unwind") {
        Self::PANICKED
    } else {
        Self::DEAD
    };
    /// The future panicked (or its destructor is running): no future, no
    /// output. A `JoinHandle` awaiting it panics.
    const PANICKED: &'static TaskVTable = &TaskVTable {
        poll: noop,
        kind: Kind::Panicked,
        discard: noop,
        take_output: no_output,
        set_joiner: no_joiner,
        take_joiner: no_take_joiner,
        dealloc: dealloc::<F, E>,
        #[cfg(panic = "unwind")]
        poison: no_poison,
    };
}

type TaskOf<F, E> = Task<F, <E as ExecutorType>::Allocator>;

/// Size and alignment of the memory a task of `F` on `E` takes (recorded in
/// the firmware by `task_sizes`).
pub(crate) const fn task_layout<F: Future + 'static, E: ExecutorType>() -> (usize, usize) {
    (size_of::<TaskOf<F, E>>(), align_of::<TaskOf<F, E>>())
}

/// Polls a running task's future with its waker.
unsafe fn poll_task<F: Future + 'static, E: ExecutorType>(t: NonNull<Header>) {
    let task = t.cast::<TaskOf<F, E>>().as_ptr();
    // The waker the executor lends: no reference of its own, so it must not
    // be dropped (a clone takes a reference).
    // SAFETY: the vtable's functions expect a task header, which `t` is.
    let waker = ManuallyDrop::new(unsafe {
        Waker::from_raw(RawWaker::new(
            t.as_ptr().cast_const().cast(),
            E::WAKER_VTABLE,
        ))
    });
    let mut cx = Context::from_waker(&waker);
    // SAFETY: the task is Running, so the union holds the future; the
    // allocation never moves, so the future is pinned.
    let future = unsafe { Pin::new_unchecked(&mut (*(*task).stage.running).future) };
    if let Poll::Ready(output) = future.poll(&mut cx) {
        // SAFETY: `t` is this Running task.
        unsafe { complete::<F, E>(t, output) };
    }
}

/// Ends a Running (or Cancelling) task's future: takes its joiner, makes
/// it Panicked (inert: nothing can poll it or take an output) while the
/// future's destructor runs, updates the bookkeeping first, then drops the
/// future. If the destructor panics, the task stays Panicked with its
/// counts right; only its memory leaks (the reference of the future is
/// given back before the drop, so the caller must hold another one or the
/// task must be in the ring).
///
/// Returns the joiner's waker, not yet woken.
unsafe fn end_future<F: Future + 'static, E: ExecutorType>(t: NonNull<Header>) -> Option<Waker> {
    let task = t.cast::<TaskOf<F, E>>().as_ptr();
    // SAFETY: `t` is alive; the vtable says whether the join slot is set.
    let joiner = unsafe { take_joiner::<F, E>(t) };
    // SAFETY: `t` is alive.
    unsafe { t.as_ref() }.set_vtable(Vt::<F, E>::ENDING);
    E::executor().add_live(usize::MAX);
    // The future's reference. The caller holds another reference or the
    // task is in the ring (its word is not IDLE), so this is never the last
    // one that frees it: no `last_ref` (its claim would fail); `park` or
    // `settle` frees the task once it is IDLE and unreferenced.
    // SAFETY: `t` is alive.
    sync::fetch_sub(&unsafe { t.as_ref() }.refs, REF);
    // SAFETY: the union holds the future (Running/Cancelling), dropped
    // exactly once here; the memory stays allocated (see above).
    unsafe { ManuallyDrop::drop(&mut (*task).stage.running) };
    joiner
}

/// The future returned `Ready(output)`.
#[inline(never)]
unsafe fn complete<F: Future + 'static, E: ExecutorType>(t: NonNull<Header>, output: F::Output) {
    let task = t.cast::<TaskOf<F, E>>().as_ptr();
    // SAFETY: `t` is alive (it is being polled, so it is in the ring).
    let h = unsafe { t.as_ref() };
    // Queue the awaiting task first (a wake in Thread mode only queues it;
    // it runs after this returns): it is woken even if the future's
    // destructor panics below.
    // SAFETY: Running, in the ring.
    if let Some(w) = unsafe { end_future::<F, E>(t) } {
        w.wake();
    }
    if h.refs.load(Relaxed) & HANDLE != 0 {
        // SAFETY: the future's slot is free.
        unsafe { (*task).stage.output = ManuallyDrop::new(output) };
        h.set_vtable(Vt::<F, E>::DONE);
    } else {
        h.set_vtable(Vt::<F, E>::DEAD);
        drop(output);
    }
}

/// Drops a Running (or Cancelling) task's future now (its joiner, if any,
/// is dropped without a wake: the handle is being cancelled).
unsafe fn drop_future<F: Future + 'static, E: ExecutorType>(t: NonNull<Header>) {
    // SAFETY: Running/Cancelling; called by `cancel_task` (the JoinHandle
    // holds a reference) or by the executor (in the ring).
    drop(unsafe { end_future::<F, E>(t) });
    // SAFETY: `t` is alive (see above).
    unsafe { t.as_ref() }.set_vtable(Vt::<F, E>::DEAD);
}

/// The poll of a Running task panicked (host, `panic = "unwind"`; the task
/// is the head of the ring): it becomes Panicked and its future is dropped.
#[cfg(panic = "unwind")]
unsafe fn poison_task<F: Future + 'static, E: ExecutorType>(t: NonNull<Header>) -> Option<Waker> {
    // SAFETY: Running, in the ring.
    unsafe { end_future::<F, E>(t) }
}

/// `JoinHandle::cancel` of a Running task (its joiner already taken).
unsafe fn cancel_task<F: Future + 'static, E: ExecutorType>(t: NonNull<Header>) {
    let ex = E::executor();
    if ex.in_block_on.get() && ptr::eq(ex.head(), t.as_ptr()) {
        // It is being polled (cancelling itself) or is the very next task:
        // its future must not be dropped under its own feet. Drop it when
        // the executor reaches it.
        // SAFETY: `t` is alive.
        unsafe { t.as_ref() }.set_vtable(Vt::<F, E>::CANCELLING);
        // SAFETY: as above; makes sure it is polled (again).
        unsafe { wake_task::<E>(t) };
    } else {
        // SAFETY: Running, not being polled; the JoinHandle holds a reference.
        unsafe { drop_future::<F, E>(t) };
    }
}

unsafe fn take_output<F: Future + 'static, E: ExecutorType>(t: NonNull<Header>, dst: *mut ()) {
    let task = t.cast::<TaskOf<F, E>>().as_ptr();
    // SAFETY: Done: the union holds the output, moved out exactly once (the
    // task becomes Dead); `dst` points to a `MaybeUninit<F::Output>`.
    unsafe {
        t.as_ref().set_vtable(Vt::<F, E>::DEAD);
        ptr::copy_nonoverlapping(
            (&raw const (*task).stage.output).cast::<F::Output>(),
            dst.cast(),
            1,
        );
    }
}

unsafe fn drop_output<F: Future + 'static, E: ExecutorType>(t: NonNull<Header>) {
    let task = t.cast::<TaskOf<F, E>>().as_ptr();
    // SAFETY: Done: the union holds the output, dropped exactly once.
    unsafe {
        t.as_ref().set_vtable(Vt::<F, E>::DEAD);
        ManuallyDrop::drop(&mut (*task).stage.output);
    }
}

unsafe fn dealloc<F: Future + 'static, E: ExecutorType>(t: NonNull<Header>) {
    let task = t.cast::<TaskOf<F, E>>();
    // SAFETY: the allocator handle is `Copy`; the block was allocated by it
    // with this layout; nothing refers to it any more.
    unsafe {
        let alloc = ptr::read(&raw const (*task.as_ptr()).alloc);
        alloc.deallocate(task.cast(), Layout::new::<TaskOf<F, E>>());
    }
}

/// Stores (a clone of) the waker of the task awaiting a Running task, in
/// the task's join slot: no allocation.
unsafe fn set_joiner<F: Future + 'static, E: ExecutorType>(t: NonNull<Header>, waker: &Waker) {
    let task = t.cast::<TaskOf<F, E>>().as_ptr();
    // SAFETY: `t` is alive and Running: the union holds `running`.
    let (h, slot) = unsafe { (t.as_ref(), &mut (*(*task).stage.running).joiner) };
    if h.joined.get() {
        // SAFETY: `joined` means the slot is initialised; Thread mode (only
        // Thread mode reaches a JoinHandle).
        unsafe { slot.assume_init_mut() }.clone_from(waker);
    } else {
        slot.write(waker.clone());
        h.joined.set(true);
    }
}

/// Removes the joiner of a Running task, if any, and returns its waker.
unsafe fn take_joiner<F: Future + 'static, E: ExecutorType>(t: NonNull<Header>) -> Option<Waker> {
    // SAFETY: `t` is alive.
    let h = unsafe { t.as_ref() };
    if !h.joined.get() {
        return None;
    }
    let task = t.cast::<TaskOf<F, E>>().as_ptr();
    h.joined.set(false);
    // SAFETY: `joined`: the task is Running (the union holds `running`)
    // and the slot is initialised; it is read out once (`joined` is false
    // from now on).
    Some(unsafe { (*(*task).stage.running).joiner.assume_init_read() })
}

/// Why a spawn failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SpawnFailure {
    Full,
    NoMemory(Layout),
}

/// Boxes `future` as a task of `E` and queues it. Thread mode (the handle
/// proves it).
pub(crate) fn try_spawn<E: ExecutorType, F: Future + 'static>(
    handle: E,
    future: F,
) -> Result<NonNull<Header>, (F, SpawnFailure)> {
    spawn_with(handle, future, Ok, |future, why| Err((future, why)))
}

/// [`try_spawn`] with its two outcomes as continuations: `spawn`, which
/// drops the future on failure, gets a `Result` without it, which stays in
/// registers (9 instructions less per spawn on thumbv7m).
#[inline(always)]
pub(crate) fn spawn_with<E: ExecutorType, F: Future + 'static, R>(
    handle: E,
    future: F,
    spawned: impl FnOnce(NonNull<Header>) -> R,
    failed: impl FnOnce(F, SpawnFailure) -> R,
) -> R {
    debug_assert!(
        !arch::in_handler(),
        "lull-executor: spawn called in an interrupt handler: the executor runs in Thread mode \
         only (its handles are !Send and X::get() is None in handlers)"
    );
    let ex = E::executor();
    // Unbounded (`usize::MAX`): no test at all (memory runs out long
    // before the count could reach it).
    if E::CAPACITY != usize::MAX && ex.live.load(Relaxed) >= E::CAPACITY {
        return failed(future, SpawnFailure::Full);
    }
    let layout = Layout::new::<TaskOf<F, E>>();
    let alloc = handle.allocator();
    let Ok(mem) = alloc.allocate(layout) else {
        return failed(future, SpawnFailure::NoMemory(layout));
    };
    let task = mem.cast::<TaskOf<F, E>>();
    // SAFETY: fresh memory with the layout of the task.
    unsafe {
        task.as_ptr().write(Task {
            header: Header {
                vtable: Cell::new(NonNull::from_ref(Vt::<F, E>::RUNNING)),
                state: AtomicPtr::new(CLAIMED),
                // The future's reference and the JoinHandle's.
                refs: AtomicU16::new(REF + REF + HANDLE),
                woken: AtomicU8::new(0),
                joined: Cell::new(false),
            },
            alloc,
            stage: Stage {
                running: ManuallyDrop::new(Running {
                    joiner: MaybeUninit::uninit(),
                    future,
                }),
            },
        });
    }
    ex.add_live(1);
    let t = task.cast::<Header>();
    // SAFETY: claimed (CLAIMED word), Thread mode.
    unsafe { ex.ring_insert(t) };
    spawned(t)
}

struct RootSlot<F: Future> {
    future: F,
    output: Option<F::Output>,
}

struct RootVt<F, E>(PhantomData<(F, E)>);

impl<F: Future, E: ExecutorType> RootVt<F, E> {
    const VT: &'static TaskVTable = &TaskVTable {
        poll: poll_root::<F, E>,
        kind: Kind::Root,
        discard: noop,
        take_output: no_output,
        set_joiner: no_joiner,
        take_joiner: no_take_joiner,
        dealloc: noop,
        #[cfg(panic = "unwind")]
        poison: no_poison,
    };
}

unsafe fn poll_root<F: Future, E: ExecutorType>(t: NonNull<Header>) {
    let ex = E::executor();
    let slot = ex.root_future.get().cast::<RootSlot<F>>();
    // SAFETY: see `poll_task`; the root header is a static.
    let waker = ManuallyDrop::new(unsafe {
        Waker::from_raw(RawWaker::new(
            t.as_ptr().cast_const().cast(),
            E::ROOT_WAKER_VTABLE,
        ))
    });
    let mut cx = Context::from_waker(&waker);
    // SAFETY: while the root vtable is this one, `root_future` points to the
    // `RootSlot<F>` in `block_on`'s frame, which does not move until then.
    let future = unsafe { Pin::new_unchecked(&mut (*slot).future) };
    if let Poll::Ready(output) = future.poll(&mut cx) {
        // SAFETY: as above.
        unsafe { (*slot).output = Some(output) };
        ex.root_done.store(true, sync::FLAG);
        ex.root.set_vtable(ROOT_IDLE);
        // Make sure the executor takes the `park` path, which returns: root
        // wakes (handlers included) see `root_done` and store no 1 after
        // this; and that `park` leaves its common case for `park_slow`
        // (which gives `refs` its value back).
        sync::compiler_fence();
        ex.root.woken.store(0, sync::FLAG);
        ex.root.refs.store(0, Relaxed);
    }
}

/// Runs `future` to completion on executor `E`, running its tasks meanwhile.
#[track_caller]
pub(crate) fn block_on<E: ExecutorType, F: Future>(_handle: E, future: F) -> F::Output {
    if arch::in_handler() {
        block_on_in_handler();
    }
    let ex = E::executor();
    if ex.in_block_on.replace(true) {
        nested_block_on();
    }
    // Restores the executor if `future` or a task panics (host tests unwind).
    struct Guard(&'static Executor);
    impl Drop for Guard {
        fn drop(&mut self) {
            let ex = self.0;
            // After a panic of the `block_on` future the root is out of the
            // ring (`poll_panicked`); its wakers do nothing from now on.
            ex.root_done.store(true, sync::FLAG);
            ex.root.set_vtable(ROOT_IDLE);
            ex.root.refs.store(REF, Relaxed);
            ex.root_future.set(ptr::null_mut());
            ex.in_block_on.set(false);
        }
    }
    let _guard = Guard(ex);
    let mut slot = RootSlot {
        future,
        output: None,
    };
    ex.root_future.set((&raw mut slot).cast());
    ex.root_done.store(false, sync::FLAG);
    ex.root.set_vtable(RootVt::<F, E>::VT);
    // SAFETY: the root header is a static; Thread mode; `run` returns once
    // the root future completed, before `slot` goes away.
    unsafe {
        wake_task::<E>(NonNull::from_ref(&ex.root));
        ex.run();
    }
    match slot.output.take() {
        Some(output) => output,
        None => unreachable!(),
    }
}

#[cold]
#[track_caller]
fn block_on_in_handler() -> ! {
    #[cfg(feature = "defmt")]
    defmt::panic!(
        "lull-executor: block_on called in an interrupt handler: the executor runs in Thread \
         mode only"
    );
    #[cfg(not(feature = "defmt"))]
    panic!(
        "lull-executor: block_on called in an interrupt handler: the executor runs in Thread \
         mode only"
    )
}

#[cold]
#[track_caller]
fn nested_block_on() -> ! {
    #[cfg(feature = "defmt")]
    defmt::panic!(
        "lull-executor: nested block_on: block_on was called while this executor's block_on \
         was already running (from a task or from the block_on future); `spawn` the future \
         and await its JoinHandle instead"
    );
    #[cfg(not(feature = "defmt"))]
    panic!(
        "lull-executor: nested block_on: block_on was called while this executor's block_on \
         was already running (from a task or from the block_on future). Nesting is not \
         allowed because the inner call could wait for a task only the outer one runs; \
         `spawn` the future and await its JoinHandle instead"
    )
}

/// Releases references from Thread mode (JoinHandle).
unsafe fn release_thread(t: NonNull<Header>, amount: u16) {
    // SAFETY: the caller holds the references.
    if sync::fetch_sub(&unsafe { t.as_ref() }.refs, amount) == amount {
        // SAFETY: that was the last reference; Thread mode.
        unsafe { free_unreferenced(t) };
    }
}

/// `JoinHandle::poll`. Thread mode.
pub(crate) unsafe fn join_poll<T>(t: NonNull<Header>, cx: &mut Context<'_>) -> Poll<T> {
    // SAFETY: the handle keeps the task alive.
    let vt = unsafe { t.as_ref() }.vtable();
    match vt.kind {
        Kind::Done => {
            let mut out = MaybeUninit::<T>::uninit();
            // SAFETY: Done, and `T` is the task's output type (the handle's
            // type parameter was fixed at spawn).
            unsafe {
                (vt.take_output)(t, out.as_mut_ptr().cast());
                Poll::Ready(out.assume_init())
            }
        }
        Kind::Running | Kind::Cancelling => {
            // SAFETY: Running; Thread mode.
            unsafe { (vt.set_joiner)(t, cx.waker()) };
            Poll::Pending
        }
        #[cfg(panic = "unwind")]
        Kind::Panicked => task_panicked(),
        _ => panic!("lull-executor: JoinHandle polled after it returned the output"),
    }
}

#[cfg(panic = "unwind")]
#[cold]
#[track_caller]
fn task_panicked() -> ! {
    panic!(
        "lull-executor: the awaited task panicked: it was taken off the run queue and its \
         future dropped, so its JoinHandle has no output"
    )
}

/// `JoinHandle::drop`: detach.
pub(crate) unsafe fn join_drop(t: NonNull<Header>) {
    // SAFETY: the handle keeps the task alive.
    let h = unsafe { t.as_ref() };
    let vt = h.vtable();
    match vt.kind {
        // SAFETY: Running with a waiter: forget it. (Testing `joined`
        // here, not only in `take_joiner`, saves the indirect call when
        // the handle was never awaited, as in `drop(x.spawn(..))`.)
        Kind::Running if h.joined.get() => drop(unsafe { (vt.take_joiner)(t) }),
        // SAFETY: Done: nobody will take the output.
        Kind::Done => unsafe { (vt.discard)(t) },
        _ => {}
    }
    // SAFETY: the handle's reference.
    unsafe { release_thread(t, REF | HANDLE) };
}

/// `JoinHandle::cancel`.
pub(crate) unsafe fn join_cancel<T>(t: NonNull<Header>) -> Option<T> {
    // SAFETY: the handle keeps the task alive.
    let h = unsafe { t.as_ref() };
    let vt = h.vtable();
    let output = match vt.kind {
        Kind::Done => {
            let mut out = MaybeUninit::<T>::uninit();
            // SAFETY: as in `join_poll`.
            unsafe {
                (vt.take_output)(t, out.as_mut_ptr().cast());
                Some(out.assume_init())
            }
        }
        Kind::Running => {
            // SAFETY: Running: forget the waiter, then drop the future.
            unsafe {
                drop((vt.take_joiner)(t));
                (h.vtable().discard)(t);
            }
            None
        }
        _ => None,
    };
    // SAFETY: the handle's reference.
    unsafe { release_thread(t, REF | HANDLE) };
    output
}

/// `JoinHandle::is_finished`.
pub(crate) unsafe fn join_is_finished(t: NonNull<Header>) -> bool {
    // SAFETY: the handle keeps the task alive.
    !matches!(
        unsafe { t.as_ref() }.vtable().kind,
        Kind::Running | Kind::Cancelling
    )
}

/// Bytes of bookkeeping per task beyond the future (or its output, if
/// larger): the header, the join slot (the waker of a task awaiting the
/// `JoinHandle`, which shares its memory with the output) and padding.
pub const fn task_overhead<F: Future>() -> usize {
    let f = core::mem::size_of::<F>();
    let out = core::mem::size_of::<F::Output>();
    core::mem::size_of::<Task<F, ()>>() - if f > out { f } else { out }
}
