//! The few read-modify-write operations the raw layer needs.
//!
//! On cores with exclusive-access instructions (ARMv7-M, ARMv8-M, hosts) they
//! are `core::sync::atomic` operations: LDREX/STREX loops that never mask
//! interrupts. ARMv6-M (Cortex-M0/M0+/M1) has no compare-and-swap; there each
//! operation runs with PRIMASK set for its 3–6 instructions. Those operations
//! are only on the paths of a wake from an interrupt handler, of waker
//! clone/drop, of spawning and of task completion — never on the path of a
//! task switch — and the critical section is the only place where this crate
//! masks interrupts on ARMv6-M (see the crate documentation).

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

    #[inline(always)]
    pub(crate) fn cas_ptr<T>(a: &AtomicPtr<T>, old: *mut T, new: *mut T) -> Result<(), *mut T> {
        fence();
        let r = a
            .compare_exchange(old, new, ACQ_REL, Ordering::Relaxed)
            .map(drop);
        fence();
        r
    }

    /// Null to `new` (not null): the claim of an IDLE word.
    #[inline(always)]
    pub(crate) fn claim<T>(a: &AtomicPtr<T>, new: *mut T) -> bool {
        cas_ptr(a, core::ptr::null_mut(), new).is_ok()
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

    /// Null to `new` (not null): the claim of an IDLE word.
    #[inline(always)]
    pub(crate) fn claim<T>(a: &AtomicPtr<T>, new: *mut T) -> bool {
        cas_ptr(a, core::ptr::null_mut(), new).is_ok()
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
