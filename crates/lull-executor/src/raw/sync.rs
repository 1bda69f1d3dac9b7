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

use core::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};

#[cfg(target_has_atomic = "ptr")]
mod imp {
    use super::*;

    #[inline(always)]
    pub(crate) fn cas_ptr<T>(a: &AtomicPtr<T>, old: *mut T, new: *mut T) -> Result<(), *mut T> {
        a.compare_exchange(old, new, Ordering::AcqRel, Ordering::Relaxed)
            .map(drop)
    }

    #[inline(always)]
    pub(crate) fn swap_ptr<T>(a: &AtomicPtr<T>, new: *mut T) -> *mut T {
        a.swap(new, Ordering::Acquire)
    }

    #[inline(always)]
    pub(crate) fn fetch_add(a: &AtomicUsize, v: usize) -> usize {
        a.fetch_add(v, Ordering::Relaxed)
    }

    #[inline(always)]
    pub(crate) fn fetch_sub(a: &AtomicUsize, v: usize) -> usize {
        a.fetch_sub(v, Ordering::AcqRel)
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

    #[inline(always)]
    pub(crate) fn swap_ptr<T>(a: &AtomicPtr<T>, new: *mut T) -> *mut T {
        critical(|| {
            let cur = a.load(Ordering::Relaxed);
            a.store(new, Ordering::Relaxed);
            cur
        })
    }

    #[inline(always)]
    pub(crate) fn fetch_add(a: &AtomicUsize, v: usize) -> usize {
        critical(|| {
            let cur = a.load(Ordering::Relaxed);
            a.store(cur.wrapping_add(v), Ordering::Relaxed);
            cur
        })
    }

    #[inline(always)]
    pub(crate) fn fetch_sub(a: &AtomicUsize, v: usize) -> usize {
        critical(|| {
            let cur = a.load(Ordering::Relaxed);
            a.store(cur.wrapping_sub(v), Ordering::Relaxed);
            cur
        })
    }
}

pub(crate) use imp::*;
