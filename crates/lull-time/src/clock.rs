//! The 64-bit tick count: one writer (the tick handler), readers anywhere.

use core::sync::atomic::{AtomicU32, Ordering};

// Cortex-M is single-core: a handler sees the memory accesses of the code it
// preempted in program order, so only the compiler must keep the order
// (`compiler_fence`). Hosted builds (tests, Miri) may run readers on other
// threads: there the orderings are real acquire/release.
#[cfg(target_os = "none")]
const PUBLISH: Ordering = Ordering::Relaxed;
#[cfg(target_os = "none")]
const OBSERVE: Ordering = Ordering::Relaxed;
#[cfg(not(target_os = "none"))]
const PUBLISH: Ordering = Ordering::Release;
#[cfg(not(target_os = "none"))]
const OBSERVE: Ordering = Ordering::Acquire;

#[inline(always)]
fn fence() {
    #[cfg(target_os = "none")]
    core::sync::atomic::compiler_fence(Ordering::SeqCst);
    #[cfg(not(target_os = "none"))]
    core::sync::atomic::fence(Ordering::SeqCst);
}

/// A 64-bit counter with one writer and wait-free readers in any context.
///
/// Cortex-M has no 64-bit atomic load, and a reader may preempt the writer
/// (an interrupt above the tick's priority) or be preempted by it (Thread
/// mode, lower interrupts). The count is kept in **two slots** and a
/// generation number: slot `generation & 1` holds the current value. The
/// writer computes the next value into the *other* slot and then publishes
/// it with one store of `generation + 1`. A reader loads `generation`, the two
/// words of slot `generation & 1`, and `generation` again:
///
/// - a reader that **preempts** the writer reads a slot the writer is not
///   writing (the writer only writes the other one before its publishing
///   store), so its first attempt is always consistent: no waiting on a
///   writer that cannot run (a seqlock would spin forever there);
/// - a reader that **is preempted** by the writer sees `generation` change and
///   reads again; it retries once per tick that passes during its read.
///
/// ```
/// use lull_time::TickClock;
/// let c = TickClock::new();
/// assert_eq!(c.now(), 0);
/// c.advance();
/// assert_eq!(c.advance(), 2);
/// assert_eq!(c.now(), 2);
/// ```
pub struct TickClock {
    generation: AtomicU32,
    /// `[lo0, hi0, lo1, hi1]`.
    words: [AtomicU32; 4],
}

impl Default for TickClock {
    fn default() -> Self {
        Self::new()
    }
}

impl TickClock {
    /// A clock at 0.
    pub const fn new() -> Self {
        TickClock {
            generation: AtomicU32::new(0),
            words: [const { AtomicU32::new(0) }; 4],
        }
    }

    /// The count. Wait-free when called from a context that preempted the
    /// writer; otherwise it retries once per `advance` that completes while
    /// it reads.
    #[inline]
    pub fn now(&self) -> u64 {
        self.read(|| {})
    }

    /// [`now`](Self::now) with `between` called after each load (tests
    /// inject a preempting writer there).
    #[inline(always)]
    pub(crate) fn read(&self, mut between: impl FnMut()) -> u64 {
        loop {
            let g = self.generation.load(OBSERVE);
            fence();
            between();
            let i = (g & 1) as usize * 2;
            let lo = self.words[i].load(Ordering::Relaxed);
            between();
            let hi = self.words[i + 1].load(Ordering::Relaxed);
            between();
            fence();
            if self.generation.load(Ordering::Relaxed) == g {
                return (hi as u64) << 32 | lo as u64;
            }
        }
    }

    /// Adds one tick and returns the new count. **One writer only**: every
    /// call must come from the same context (the tick handler), never from
    /// two contexts that can preempt each other — two writers would publish
    /// the same slot twice.
    #[inline]
    pub fn advance(&self) -> u64 {
        self.advance_with(|| {})
    }

    #[inline(always)]
    pub(crate) fn advance_with(&self, mut between: impl FnMut()) -> u64 {
        let g = self.generation.load(Ordering::Relaxed);
        let cur = (g & 1) as usize * 2;
        let next = ((g + 1) & 1) as usize * 2;
        let v = ((self.words[cur + 1].load(Ordering::Relaxed) as u64) << 32
            | self.words[cur].load(Ordering::Relaxed) as u64)
            .wrapping_add(1);
        self.words[next].store(v as u32, Ordering::Relaxed);
        between();
        self.words[next + 1].store((v >> 32) as u32, Ordering::Relaxed);
        between();
        fence();
        self.generation.store(g.wrapping_add(1), PUBLISH);
        v
    }

    /// Sets the count (tests of the 32-bit carry).
    #[cfg(test)]
    pub(crate) fn set(&self, v: u64) {
        let g = self.generation.load(Ordering::Relaxed);
        let i = (g & 1) as usize * 2;
        self.words[i].store(v as u32, Ordering::Relaxed);
        self.words[i + 1].store((v >> 32) as u32, Ordering::Relaxed);
    }
}
