//! What the raw layer needs from the core: "am I in a handler?", sleep, and
//! the signal that ends a sleep.

/// `true` in an exception or interrupt handler (IPSR ≠ 0; on a host, inside
/// `lull_alloc::host::in_exception`).
#[inline(always)]
pub(crate) fn in_handler() -> bool {
    !lull_alloc::is_thread_mode()
}

/// Signals the executor that a handler queued a task (sets the event register
/// so that a `wfe` about to run, or running, returns).
#[inline(always)]
pub(crate) fn signal(ex: &super::Executor) {
    #[cfg(all(target_arch = "arm", target_os = "none"))]
    {
        let _ = ex;
        // SAFETY: `sev` only sets the event register; it touches no memory
        // or register and cannot fault.
        unsafe { core::arch::asm!("sev", options(nomem, nostack, preserves_flags)) };
    }
    #[cfg(not(target_os = "none"))]
    ex.host.pend();
    #[cfg(all(target_os = "none", not(target_arch = "arm")))]
    let _ = ex;
}

/// Waits for an event: returns after a handler called [`signal`] (now or
/// since the last wait), or spuriously; the caller re-checks its queues.
#[inline(always)]
pub(crate) fn wait(ex: &super::Executor) {
    #[cfg(all(target_arch = "arm", target_os = "none"))]
    {
        let _ = ex;
        // SAFETY: `wfe` suspends the core until the event register is set
        // (it is cleared on return); no memory or register is touched.
        // Interrupts stay enabled, so a handler runs while we sleep and
        // sets the register with `sev` after queueing a task.
        unsafe { core::arch::asm!("wfe", options(nomem, nostack, preserves_flags)) };
    }
    #[cfg(not(target_os = "none"))]
    ex.host.sleep();
    #[cfg(all(target_os = "none", not(target_arch = "arm")))]
    let _ = ex;
}
