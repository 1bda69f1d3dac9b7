//! The timer queue: a fixed-capacity binary min-heap of deadlines, one entry
//! per waker, with a hash index from waker to entry.
//!
//! Everything here is plain safe Rust on `&mut self`: the driver decides how
//! the queue is protected (see the crate documentation), and the host tests
//! (also run under Miri) exercise exactly the code the firmware runs.
//!
//! # Costs (n = entries in the queue, N = capacity)
//!
//! | operation | cost |
//! |---|---|
//! | [`schedule`](TimerQueue::schedule), new waker | hash lookup + one clone + sift-up: O(log n) |
//! | [`schedule`](TimerQueue::schedule), waker already queued | hash lookup (+ sift-up if earlier): O(log n) |
//! | [`pop_expired`](TimerQueue::pop_expired) | compare with the root; if due: unlink from its hash chain + sift-down: O(log n) |
//! | [`next_deadline`](TimerQueue::next_deadline) | O(1) |
//!
//! The hash index has N chains for at most N entries (load factor ≤ 1), so
//! a lookup visits one entry on average; its worst case is a chain holding
//! every entry (all N wakers hashing alike), which the multiplicative hash of
//! the waker's two pointers makes practically impossible for wakers that
//! differ in their data pointers (task headers, flags) or vtables (one per
//! interrupt-woken task).

use core::task::Waker;

/// "No slot": end of a chain or of the free list.
const NIL: u16 = u16::MAX;

/// One waiting waker.
struct Slot {
    /// Deadline, in ticks.
    at: u64,
    /// Insertion number: entries with equal deadlines leave in FIFO order.
    seq: u32,
    /// Position in the heap (while queued).
    pos: u16,
    /// Next slot in the same hash chain (queued), or in the free list.
    chain: u16,
    waker: Option<Waker>,
}

impl Slot {
    const EMPTY: Slot = Slot {
        at: 0,
        seq: 0,
        pos: 0,
        chain: NIL,
        waker: None,
    };
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
    slots: [Slot; N],
    /// Slot indices ordered as a binary min-heap on `(at, seq)`.
    heap: [u16; N],
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
            slots,
            heap: [0; N],
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
        (self.len > 0).then(|| self.slots[self.heap[0] as usize].at)
    }

    /// Queues `waker` to be woken at tick `at`, or moves its deadline earlier
    /// if it is already queued (a later `at` leaves it unchanged).
    ///
    /// # Errors
    /// [`QueueFull`] when the waker is not queued and `N` others are; the
    /// queue is unchanged.
    pub fn schedule(&mut self, at: u64, waker: &Waker) -> Result<(), QueueFull> {
        if let Some(s) = self.find(waker) {
            self.move_earlier(s, at);
            return Ok(());
        }
        // A clone may differ from the waker it was made from (a hardware
        // generator task's poll waker): look for the clone as well.
        let clone = waker.clone();
        if !clone.will_wake(waker)
            && let Some(s) = self.find(&clone)
        {
            self.move_earlier(s, at);
            return Ok(());
        }
        if self.free == NIL {
            return Err(QueueFull { capacity: N });
        }
        let s = self.free;
        let bucket = Self::bucket(&clone);
        let slot = &mut self.slots[s as usize];
        self.free = slot.chain;
        slot.at = at;
        slot.seq = self.seq;
        slot.chain = self.buckets[bucket];
        slot.waker = Some(clone);
        self.buckets[bucket] = s;
        self.seq = self.seq.wrapping_add(1);
        let pos = self.len;
        self.len += 1;
        self.heap[pos as usize] = s;
        self.slots[s as usize].pos = pos;
        self.sift_up(pos);
        Ok(())
    }

    /// Removes and returns the waker with the earliest deadline if that
    /// deadline is `now` or earlier. Equal deadlines leave in the order they
    /// were first scheduled.
    pub fn pop_expired(&mut self, now: u64) -> Option<Waker> {
        if self.len == 0 {
            return None;
        }
        let s = self.heap[0];
        if self.slots[s as usize].at > now {
            return None;
        }
        let waker = self.slots[s as usize].waker.take()?;
        self.unlink(s, &waker);
        self.slots[s as usize].chain = self.free;
        self.free = s;
        self.len -= 1;
        if self.len > 0 {
            let last = self.heap[self.len as usize];
            self.heap[0] = last;
            self.slots[last as usize].pos = 0;
            self.sift_down(0);
        }
        Some(waker)
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

    fn find(&self, waker: &Waker) -> Option<u16> {
        let mut s = self.buckets[Self::bucket(waker)];
        while s != NIL {
            let slot = &self.slots[s as usize];
            if slot.waker.as_ref().is_some_and(|w| w.will_wake(waker)) {
                return Some(s);
            }
            s = slot.chain;
        }
        None
    }

    /// Removes slot `s` (holding a waker like `waker`) from its hash chain.
    fn unlink(&mut self, s: u16, waker: &Waker) {
        let b = Self::bucket(waker);
        if self.buckets[b] == s {
            self.buckets[b] = self.slots[s as usize].chain;
            return;
        }
        let mut p = self.buckets[b];
        while p != NIL {
            let next = self.slots[p as usize].chain;
            if next == s {
                self.slots[p as usize].chain = self.slots[s as usize].chain;
                return;
            }
            p = next;
        }
    }

    fn move_earlier(&mut self, s: u16, at: u64) {
        let slot = &mut self.slots[s as usize];
        if at < slot.at {
            slot.at = at;
            let pos = slot.pos;
            self.sift_up(pos);
        }
    }

    /// `true` if slot `a` leaves before slot `b`.
    #[inline(always)]
    fn before(&self, a: u16, b: u16) -> bool {
        let (a, b) = (&self.slots[a as usize], &self.slots[b as usize]);
        a.at < b.at || (a.at == b.at && (a.seq.wrapping_sub(b.seq) as i32) < 0)
    }

    #[inline(always)]
    fn place(&mut self, pos: u16, s: u16) {
        self.heap[pos as usize] = s;
        self.slots[s as usize].pos = pos;
    }

    fn sift_up(&mut self, mut pos: u16) {
        let s = self.heap[pos as usize];
        while pos > 0 {
            let parent = (pos - 1) / 2;
            let p = self.heap[parent as usize];
            if !self.before(s, p) {
                break;
            }
            self.place(pos, p);
            pos = parent;
        }
        self.place(pos, s);
    }

    fn sift_down(&mut self, mut pos: u16) {
        let s = self.heap[pos as usize];
        loop {
            let left = 2 * pos as usize + 1;
            if left >= self.len as usize {
                break;
            }
            let right = left + 1;
            let mut child = left as u16;
            if right < self.len as usize && self.before(self.heap[right], self.heap[left]) {
                child = right as u16;
            }
            let c = self.heap[child as usize];
            if !self.before(c, s) {
                break;
            }
            self.place(pos, c);
            pos = child;
        }
        self.place(pos, s);
    }
}
