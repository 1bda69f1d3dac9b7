//! The timer queue: a fixed-capacity binary min-heap of deadlines, one entry
//! per waker, with a hash index from waker to entry.
//!
//! Plain Rust on `&mut self`, with a few unchecked heap accesses whose
//! indices the heap's invariants bound (each one says why; a debug build
//! asserts it): the driver decides how the queue is protected (see the
//! crate documentation), and the host tests (also run under Miri) exercise
//! exactly the code the firmware runs.
//!
//! # Layout
//!
//! The heap holds 16-byte entries — deadline, insertion number, slot
//! number — so a comparison reads two entries and nothing else (the pair
//! (deadline, insertion number) compared as one 96-bit number). A slot
//! holds the waker, the entry's heap position (written on every move, so
//! that a waker scheduled again is found and moved in O(log n)), its hash
//! chain and the next slot in that chain. The hash of a waker is computed
//! once per schedule and stored, not computed again when it leaves. In all,
//! 34 bytes per unit of capacity on 32-bit targets (heap entry 16, slot 16,
//! chain head 2).
//!
//! # Costs (n = entries in the queue, N = capacity)
//!
//! | operation | cost |
//! |---|---|
//! | [`schedule`](TimerQueue::schedule), new waker | one clone + hash lookup + sift-up: O(log n) |
//! | [`schedule`](TimerQueue::schedule), waker already queued | one clone (dropped) + hash lookup (+ sift-up if earlier): O(log n) |
//! | [`pop_expired`](TimerQueue::pop_expired) | compare with the root; if due: Floyd's sift-down (the hole goes to a leaf, one comparison per level, then the last entry fills it and goes up) + unlink from its hash chain: O(log n) |
//! | [`next_deadline`](TimerQueue::next_deadline) | O(1) |
//!
//! The hash index has N chains for at most N entries (load factor ≤ 1), so
//! a lookup visits one entry on average; its worst case is a chain holding
//! every entry (all N wakers hashing alike), which the multiplicative hash of
//! the waker's two pointers makes practically impossible for wakers that
//! differ in their data pointers (task headers, flags) or vtables (one per
//! interrupt-woken task).
//!
//! Equal deadlines leave in the order they were scheduled: the insertion
//! number is compared unsigned, which is exact unless 2³² schedules happen
//! while two entries with the same deadline wait.

use core::task::Waker;

/// "No slot": end of a chain or of the free list.
const NIL: u16 = u16::MAX;

/// One heap element: a deadline and the slot of its waker. The heap moves
/// these (16 bytes) and compares them without reaching the slots; only the
/// slot's back-pointer (`Slot::pos`) is written on each move.
#[derive(Clone, Copy)]
struct Entry {
    /// Deadline, in ticks.
    at: u64,
    /// Insertion number: entries with equal deadlines leave in FIFO order.
    seq: u32,
    /// The slot holding the waker.
    slot: u32,
}

impl Entry {
    const EMPTY: Entry = Entry {
        at: 0,
        seq: 0,
        slot: 0,
    };

    /// A copy, field by field (a whole-struct copy between two places of
    /// the heap array becomes a `memmove` call).
    #[inline(always)]
    fn get(&self) -> Entry {
        Entry {
            at: self.at,
            seq: self.seq,
            slot: self.slot,
        }
    }

    /// `true` if `self` leaves before `other`: `(at, seq)` compared as one
    /// 96-bit number (three words, one subtract-with-carry chain).
    #[inline(always)]
    fn before(&self, other: &Entry) -> bool {
        let key = |e: &Entry| (u128::from(e.at) << 32) | u128::from(e.seq);
        key(self) < key(other)
    }
}

/// One waiting waker.
struct Slot {
    waker: Option<Waker>,
    /// Position of its entry in the heap, 1-based (while queued).
    pos: u16,
    /// Next slot in the same hash chain (queued), or in the free list.
    chain: u16,
    /// Its hash chain (while queued): unlinking needs no rehash.
    bucket: u16,
}

impl Slot {
    const EMPTY: Slot = Slot {
        waker: None,
        pos: 0,
        chain: NIL,
        bucket: 0,
    };
}

/// `bucket` value meaning "the clone is like the waker: no second lookup".
const NO_BUCKET: usize = usize::MAX;

/// A waker to schedule, its clone to store, and their hash chains.
pub(crate) struct Hashed<'a> {
    waker: &'a Waker,
    bucket: usize,
    clone: Waker,
    /// The clone's chain if the clone differs from the waker, else
    /// `NO_BUCKET`.
    clone_bucket: usize,
}

impl<'a> Hashed<'a> {
    /// Hashes `waker` and its `clone` for a queue of capacity `N`.
    #[inline(always)]
    pub(crate) fn new<const N: usize>(waker: &'a Waker, clone: Waker) -> Self {
        let clone_bucket = if clone.will_wake(waker) {
            NO_BUCKET
        } else {
            TimerQueue::<N>::bucket(&clone)
        };
        Hashed {
            waker,
            bucket: crate::arch::settle(TimerQueue::<N>::bucket(waker)),
            clone,
            clone_bucket: crate::arch::settle(clone_bucket),
        }
    }
}

impl Hashed<'_> {
    /// The clone, for a caller that does not queue it.
    #[inline(always)]
    pub(crate) fn into_clone(self) -> Waker {
        self.clone
    }
}

/// The queue is full: `N` wakers are already waiting.
///
/// ```
/// use core::task::Waker;
/// use lull_time::{QueueFull, TimerQueue};
///
/// # fn two(a: &Waker, b: &Waker) {
/// let mut q = TimerQueue::<1>::new();
/// assert_eq!(q.schedule(10, a), Ok(()));
/// assert_eq!(q.schedule(20, b), Err(QueueFull { capacity: 1 }));
/// # }
/// ```
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QueueFull {
    /// The queue's capacity.
    pub capacity: usize,
}

/// A fixed-capacity timer queue: at most `N` distinct wakers wait for a
/// deadline at a time (`N` a power of two, at most 32 768).
///
/// A waker is queued once: scheduling a waker that is already waiting (the
/// same task's timer polled again, or two timers of one task) keeps the
/// *earlier* of the two deadlines. When that deadline passes the waker is
/// woken, its task polls its timers again and re-schedules the later one —
/// the contract of `embassy-time-driver`'s `schedule_wake`. Wakers are
/// identified as [`Waker::will_wake`] does (data and vtable pointers), after
/// cloning: a hardware generator task of `#[lull::app]` polls with a waker of
/// its own vtable whose clones are all alike, and those are found too.
///
/// Dropping a timer future does not remove its entry (`embassy-time`'s
/// `Timer` has no way to tell the driver); the entry leaves at its deadline
/// with a wake that the task, which no longer waits for it, ignores.
///
/// ```
/// use std::sync::Arc;
/// use std::sync::atomic::{AtomicU32, Ordering};
/// use std::task::{Wake, Waker};
/// use lull_time::TimerQueue;
///
/// struct Count(AtomicU32);
/// impl Wake for Count {
///     fn wake(self: Arc<Self>) {
///         self.0.fetch_add(1, Ordering::Relaxed);
///     }
/// }
/// let count = Arc::new(Count(AtomicU32::new(0)));
/// let waker = Waker::from(count.clone());
///
/// let mut q = TimerQueue::<8>::new();
/// q.schedule(30, &waker).unwrap();
/// q.schedule(20, &waker).unwrap(); // same waker: the earlier deadline stays
/// assert_eq!((q.len(), q.next_deadline()), (1, Some(20)));
/// assert!(q.pop_expired(19).is_none());
/// q.pop_expired(20).unwrap().wake();
/// assert_eq!(count.0.load(Ordering::Relaxed), 1);
/// assert!(q.is_empty());
/// ```
pub struct TimerQueue<const N: usize> {
    /// `heap[..len]`: a binary min-heap on `(at, seq)`; positions are
    /// counted from 1 (`heap[p - 1]`), so the children of `p` are `2p` and
    /// `2p + 1`.
    heap: [Entry; N],
    slots: [Slot; N],
    /// Head of each hash chain.
    buckets: [u16; N],
    len: u16,
    free: u16,
    seq: u32,
}

impl<const N: usize> Default for TimerQueue<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> TimerQueue<N> {
    const CHECK: () = assert!(
        N.is_power_of_two() && N <= 32_768,
        "TimerQueue capacity must be a power of two, at most 32768"
    );
    const BITS: u32 = N.trailing_zeros();

    /// An empty queue.
    pub const fn new() -> Self {
        let () = Self::CHECK;
        let mut slots = [const { Slot::EMPTY }; N];
        let mut i = 0;
        while i < N {
            slots[i].chain = if i + 1 < N { (i + 1) as u16 } else { NIL };
            i += 1;
        }
        TimerQueue {
            heap: [Entry::EMPTY; N],
            slots,
            buckets: [NIL; N],
            len: 0,
            free: 0,
            seq: 0,
        }
    }

    /// The capacity, `N`.
    pub const fn capacity(&self) -> usize {
        N
    }

    /// Wakers waiting.
    pub const fn len(&self) -> usize {
        self.len as usize
    }

    /// `true` when no waker waits.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The earliest deadline, if any waker waits.
    pub fn next_deadline(&self) -> Option<u64> {
        (self.len > 0).then(|| self.heap[0].at)
    }

    /// Queues `waker` to be woken at tick `at`, or moves its deadline earlier
    /// if it is already queued (a later `at` leaves it unchanged).
    ///
    /// # Errors
    /// [`QueueFull`] when the waker is not queued and `N` others are; the
    /// queue is unchanged.
    #[inline]
    pub fn schedule(&mut self, at: u64, waker: &Waker) -> Result<(), QueueFull> {
        let clone = waker.clone();
        let (r, _spare) = self.schedule_with(at, Hashed::new::<N>(waker, clone));
        r
    }

    /// [`schedule`](Self::schedule) with the clone to store made, and the
    /// hashes computed, by the caller (they read no queue state: the driver
    /// does both before masking). Returns the clone if it was not stored
    /// (the waker was already queued, or the queue is full), for the caller
    /// to drop once it has unmasked.
    #[inline(always)]
    pub(crate) fn schedule_with(
        &mut self,
        at: u64,
        w: Hashed<'_>,
    ) -> (Result<(), QueueFull>, Option<Waker>) {
        if let Some(s) = self.find(w.bucket, w.waker) {
            self.move_earlier(s, at);
            return (Ok(()), Some(w.clone));
        }
        // A clone may differ from the waker it was made from (a hardware
        // generator task's poll waker): look for the clone as well.
        if w.clone_bucket != NO_BUCKET
            && let Some(s) = self.find(w.clone_bucket, &w.clone)
        {
            self.move_earlier(s, at);
            return (Ok(()), Some(w.clone));
        }
        let bucket = if w.clone_bucket != NO_BUCKET {
            w.clone_bucket
        } else {
            w.bucket
        };
        match self.insert(at, bucket, w.clone) {
            Ok(()) => (Ok(()), None),
            Err(clone) => (Err(QueueFull { capacity: N }), Some(clone)),
        }
    }

    /// Stores `clone` (found in no chain) in a free slot, chained in
    /// `bucket`; gives it back if every slot is taken.
    #[inline(always)]
    fn insert(&mut self, at: u64, bucket: usize, clone: Waker) -> Result<(), Waker> {
        let s = self.free;
        if s == NIL {
            return Err(clone);
        }
        let slot = &mut self.slots[s as usize % N];
        self.free = slot.chain;
        slot.chain = self.buckets[bucket % N];
        slot.bucket = bucket as u16;
        // A free slot holds no waker: nothing to drop.
        debug_assert!(slot.waker.is_none());
        core::mem::forget(slot.waker.replace(clone));
        self.buckets[bucket % N] = s;
        let e = Entry {
            at,
            seq: self.seq,
            slot: u32::from(s),
        };
        self.seq = self.seq.wrapping_add(1);
        self.len += 1;
        let pos = self.len as usize;
        self.sift_up(pos, e);
        Ok(())
    }

    /// Removes and returns the waker with the earliest deadline if that
    /// deadline is `now` or earlier. Equal deadlines leave in the order they
    /// were first scheduled.
    #[inline]
    pub fn pop_expired(&mut self, now: u64) -> Option<Waker> {
        if self.len == 0 || self.heap[0].at > now {
            return None;
        }
        Some(self.pop())
    }

    /// Removes the root (the queue is not empty) and returns its waker.
    fn pop(&mut self) -> Waker {
        let s = self.heap[0].slot as usize % N;
        let len = self.len as usize - 1;
        self.len = len as u16;
        // Floyd's pop: the hole at the root goes down to a leaf, always
        // taking the earlier child (one comparison per level), then the last
        // entry fills it and goes up (usually not at all: it is a leaf).
        // Positions are 1-based: the children of `p` are `2p` and `2p + 1`.
        let mut pos = 1;
        loop {
            let left = 2 * pos;
            if left > len {
                break;
            }
            let mut child = left;
            // SAFETY: `1 <= left < left + 1 <= len < N`.
            if left < len && unsafe { self.less(left + 1, left) } {
                child = left + 1;
            }
            // SAFETY: `1 <= child <= len < N`.
            let c = unsafe { self.entry(child) };
            self.place(pos, c);
            pos = child;
        }
        if pos <= len {
            // SAFETY: `len + 1 <= N`: the old last position.
            let last = unsafe { self.entry(len + 1) };
            self.sift_up(pos, last);
        }
        let slot = &mut self.slots[s];
        let waker = slot.waker.take();
        let (bucket, chain) = (slot.bucket as usize % N, slot.chain);
        slot.chain = self.free;
        self.free = s as u16;
        // Unlink from the hash chain (on average one entry long).
        if self.buckets[bucket] as usize == s {
            self.buckets[bucket] = chain;
        } else {
            let mut p = self.buckets[bucket];
            while p != NIL {
                let next = self.slots[p as usize % N].chain;
                if next as usize == s {
                    self.slots[p as usize % N].chain = chain;
                    break;
                }
                p = next;
            }
        }
        // A queued slot always holds its waker.
        waker.unwrap_or_else(|| unreachable!())
    }

    /// The hash chain of a waker: a multiplicative hash of its two pointers.
    #[inline(always)]
    fn bucket(waker: &Waker) -> usize {
        if Self::BITS == 0 {
            return 0;
        }
        // Truncating the addresses to 32 bits is fine for a hash.
        let data = waker.data() as usize as u32;
        let vtable = core::ptr::from_ref(waker.vtable()) as usize as u32;
        let h = (data ^ vtable.rotate_left(16)).wrapping_mul(0x9E37_79B9);
        (h >> (32 - Self::BITS)) as usize
    }

    #[inline(always)]
    fn find(&self, bucket: usize, waker: &Waker) -> Option<u16> {
        let mut s = self.buckets[bucket % N];
        while s != NIL {
            let slot = &self.slots[s as usize % N];
            if slot.waker.as_ref().is_some_and(|w| w.will_wake(waker)) {
                return Some(s);
            }
            s = slot.chain;
        }
        None
    }

    fn move_earlier(&mut self, s: u16, at: u64) {
        let pos = self.slots[s as usize % N].pos as usize;
        let mut e = self.heap[pos.wrapping_sub(1) % N].get();
        if at < e.at {
            e.at = at;
            self.sift_up(pos, e);
        }
    }

    /// A copy of the entry at heap position `i` (1-based: the root is 1),
    /// without a bounds check.
    ///
    /// # Safety
    /// `1 <= i <= N`.
    #[inline(always)]
    unsafe fn entry(&self, i: usize) -> Entry {
        debug_assert!((1..=N).contains(&i));
        // SAFETY: `1 <= i <= N` (the caller's promise): inside `heap`.
        unsafe { (*self.heap.as_ptr().add(i - 1)).get() }
    }

    /// `true` if the entry at heap position `i` leaves before the one at `j`.
    ///
    /// # Safety
    /// `1 <= i, j <= N`.
    #[inline(always)]
    unsafe fn less(&self, i: usize, j: usize) -> bool {
        debug_assert!((1..=N).contains(&i) && (1..=N).contains(&j));
        let h = self.heap.as_ptr();
        // SAFETY: `1 <= i, j <= N` (the caller's promise): inside `heap`.
        unsafe { (*h.add(i - 1)).before(&*h.add(j - 1)) }
    }

    /// Puts `e` at position `pos` (`1 <= pos <= N`) and records the position
    /// in its slot.
    #[inline(always)]
    fn place(&mut self, pos: usize, e: Entry) {
        debug_assert!((1..=N).contains(&pos) && (e.slot as usize) < N);
        // SAFETY: `1 <= pos <= N` (every caller's `pos` is a heap position,
        // at most `len <= N`), and an entry's slot number is always below
        // `N` (the free list only holds `0..N`).
        unsafe {
            let h = &mut *self.heap.as_mut_ptr().add(pos - 1);
            h.at = e.at;
            h.seq = e.seq;
            h.slot = e.slot;
            (*self.slots.as_mut_ptr().add(e.slot as usize)).pos = pos as u16;
        }
    }

    /// Puts `e` in the hole at position `pos` (`1 <= pos <= len`), moving it
    /// up past later parents.
    #[inline(always)]
    fn sift_up(&mut self, mut pos: usize, e: Entry) {
        while pos > 1 {
            let parent = pos / 2;
            // SAFETY: `1 <= parent < pos <= N`.
            let p = unsafe { self.entry(parent) };
            if !e.before(&p) {
                break;
            }
            self.place(pos, p);
            pos = parent;
        }
        self.place(pos, e);
    }
}
