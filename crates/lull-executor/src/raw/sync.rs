//! The few read-modify-write operations the raw layer needs.
//!
//! On Cortex-M there is no compare-and-swap at all: claiming a queue word
//! from IDLE and pushing on the inbox are swaps ([`claim_idle`], [`push`]),
//! taking the inbox is a swap, and waker reference counts are
//! `fetch_add`/`fetch_sub`. On cores with exclusive-access instructions
//! (ARMv7-M, ARMv8-M) those are `core::sync::atomic` operations: LDREX/STREX
//! loops that never mask interrupts. ARMv6-M (Cortex-M0/M0+/M1) has no
//! exclusive accesses; there each operation runs with PRIMASK set for its
//! 3–6 instructions. They are on the paths of the wake of a task that is
//! not queued (its claim), of a handler's wake (the push) and of the
//! executor taking the inbox, of waker clone/drop, and of task completion
//! — never on the path of a task switch — and those critical sections are
//! the only places where this crate masks interrupts on ARMv6-M (see the
//! crate documentation). Hosted builds (tests) may have real threads: there
//! claims and pushes are compare-and-swaps.

use core::sync::atomic::{AtomicPtr, AtomicU16, Ordering};

#[cfg(target_has_atomic = "ptr")]
mod imp {
    use super::*;

    // Orderings. Cortex-M is single-core: a handler observes Thread mode's
    // memory accesses in program order, so only the compiler must not reorder
    // around these operations (`compiler_fence`, no `dmb`). Hosted test builds
    // may have real threads: there they use acquire/release orderings.
    #[cfg(target_os = "none")]
    const ACQ_REL: Ordering = Ordering::Relaxed;
    #[cfg(target_os = "none")]
    const ACQUIRE: Ordering = Ordering::Relaxed;
    #[cfg(not(target_os = "none"))]
    const ACQ_REL: Ordering = Ordering::AcqRel;
    #[cfg(not(target_os = "none"))]
    const ACQUIRE: Ordering = Ordering::Acquire;

    #[inline(always)]
    fn fence() {
        core::sync::atomic::compiler_fence(Ordering::SeqCst);
    }

    /// Hosted builds only: Cortex-M claims and pushes with swaps (see
    /// [`claim_idle`]).
    #[cfg(not(target_os = "none"))]
    #[inline(always)]
    pub(crate) fn cas_ptr<T>(a: &AtomicPtr<T>, old: *mut T, new: *mut T) -> Result<(), *mut T> {
        fence();
        let r = a
            .compare_exchange(old, new, ACQ_REL, Ordering::Relaxed)
            .map(drop);
        fence();
        r
    }

    #[inline(always)]
    pub(crate) fn swap_ptr<T>(a: &AtomicPtr<T>, new: *mut T) -> *mut T {
        let r = a.swap(new, ACQUIRE);
        fence();
        r
    }

    #[inline(always)]
    pub(crate) fn fetch_add(a: &AtomicU16, v: u16) -> u16 {
        a.fetch_add(v, Ordering::Relaxed)
    }

    #[inline(always)]
    pub(crate) fn fetch_sub(a: &AtomicU16, v: u16) -> u16 {
        fence();
        let r = a.fetch_sub(v, ACQ_REL);
        fence();
        r
    }
}

#[cfg(not(target_has_atomic = "ptr"))]
mod imp {
    use super::*;

    /// Runs `f` with interrupts masked (PRIMASK), restoring the previous mask.
    #[inline(always)]
    fn critical<R>(f: impl FnOnce() -> R) -> R {
        let primask: u32;
        // SAFETY: reads PRIMASK and sets it; touches no memory. The previous
        // state is restored below, so nesting inside an outer critical
        // section (or a handler that masked interrupts) is preserved.
        unsafe {
            core::arch::asm!("mrs {}, PRIMASK", "cpsid i", out(reg) primask, options(nostack, preserves_flags));
        }
        let r = f();
        if primask & 1 == 0 {
            // SAFETY: interrupts were enabled on entry; re-enabling them
            // restores that state. The asm is a compiler barrier (no
            // `nomem`), so `f`'s accesses stay inside the section.
            unsafe { core::arch::asm!("cpsie i", options(nostack, preserves_flags)) };
        }
        r
    }

    /// Hosted builds only: Cortex-M claims and pushes with swaps (see
    /// [`claim_idle`]).
    #[cfg(not(target_os = "none"))]
    #[inline(always)]
    pub(crate) fn cas_ptr<T>(a: &AtomicPtr<T>, old: *mut T, new: *mut T) -> Result<(), *mut T> {
        critical(|| {
            let cur = a.load(Ordering::Relaxed);
            if cur == old {
                a.store(new, Ordering::Relaxed);
                Ok(())
            } else {
                Err(cur)
            }
        })
    }

    #[inline(always)]
    pub(crate) fn swap_ptr<T>(a: &AtomicPtr<T>, new: *mut T) -> *mut T {
        critical(|| {
            let cur = a.load(Ordering::Relaxed);
            a.store(new, Ordering::Relaxed);
            cur
        })
    }

    #[inline(always)]
    pub(crate) fn fetch_add(a: &AtomicU16, v: u16) -> u16 {
        critical(|| {
            let cur = a.load(Ordering::Relaxed);
            a.store(cur.wrapping_add(v), Ordering::Relaxed);
            cur
        })
    }

    #[inline(always)]
    pub(crate) fn fetch_sub(a: &AtomicU16, v: u16) -> u16 {
        critical(|| {
            let cur = a.load(Ordering::Relaxed);
            a.store(cur.wrapping_sub(v), Ordering::Relaxed);
            cur
        })
    }
}

pub(crate) use imp::*;

/// Claims a queue word from IDLE (null) for `new` (not null); `false`, with
/// the word unchanged, if it was not IDLE. For words that only Thread mode
/// and interrupt handlers of one core write, with the rule of the queue
/// word: a handler writes a word only after claiming it from IDLE.
///
/// On Cortex-M that needs no compare: an unconditional swap, and if the
/// word was not IDLE, a plain store that puts its value back. That is
/// sound on one core because whoever can run between the two (a handler
/// that preempts us) finds a word that is not IDLE either way and leaves
/// it alone, and whoever we preempted (Thread mode, or a lower-priority
/// handler) cannot run until we are done. LLVM's compare-and-swap also
/// materialises its result as a constant and tests it again: the swap
/// saves 3 to 4 instructions per claim.
///
/// Hosted builds may have real threads, for which that argument does not
/// hold: there it is a compare-and-swap.
#[inline(always)]
pub(crate) fn claim_idle<T>(a: &AtomicPtr<T>, new: *mut T) -> bool {
    #[cfg(target_os = "none")]
    {
        let old = swap_ptr(a, new);
        if old.is_null() {
            return true;
        }
        a.store(old, Ordering::Relaxed);
        false
    }
    #[cfg(not(target_os = "none"))]
    {
        cas_ptr(a, core::ptr::null_mut(), new).is_ok()
    }
}

/// Pushes `t`, whose word `link` was just claimed by [`claim_idle`], on the
/// LIFO stack `top`, writing its link (the old top with `tag`). Any context
/// on one core; a compare-and-swap loop on hosts.
///
/// On Cortex-M: a swap of the top, then a plain store of the link. Between
/// the two, only handlers that preempt us can run, and they neither read a
/// claimed task's link nor take the stack (only Thread mode does, and it
/// cannot run until we are done). Other pushes that preempt us link to `t`,
/// which is already the top.
#[inline(always)]
pub(crate) fn push<T>(top: &AtomicPtr<T>, t: *mut T, link: &AtomicPtr<T>, tag: usize) {
    #[cfg(target_os = "none")]
    {
        let old = swap_ptr(top, t);
        link.store(old.map_addr(|a| a | tag), Ordering::Relaxed);
    }
    #[cfg(not(target_os = "none"))]
    {
        let mut head = top.load(Ordering::Relaxed);
        loop {
            link.store(head.map_addr(|a| a | tag), Ordering::Relaxed);
            match cas_ptr(top, head, t) {
                Ok(()) => return,
                Err(now) => head = now,
            }
        }
    }
}

/// Ordering of the loads and stores of a task's `woken` flag. Cortex-M is
/// single-core: plain loads and stores (with compiler fences where the order
/// matters); hosted test builds may have real threads: sequentially
/// consistent.
#[cfg(target_os = "none")]
pub(crate) const FLAG: Ordering = Ordering::Relaxed;
#[cfg(not(target_os = "none"))]
pub(crate) const FLAG: Ordering = Ordering::SeqCst;

/// A compiler-only barrier (Cortex-M is single-core).
#[inline(always)]
pub(crate) fn compiler_fence() {
    core::sync::atomic::compiler_fence(Ordering::SeqCst);
}
