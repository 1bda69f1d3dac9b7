//! Is the CPU in Thread mode?
//!
//! On Cortex-M the answer is in the IPSR register: its low 9 bits hold the
//! number of the exception being handled, 0 in Thread mode. All 9 bits are
//! tested — ARMv7-M and ARMv8-M have up to 496 external interrupts, so an
//! exception number can be 256 or more, and testing only the low 8 bits would
//! take such a handler for Thread mode.
//!
//! On a hosted target (tests, Miri) there is no IPSR; [`crate::host`] stands in
//! for it.

/// Returns `true` when the caller runs in Thread mode and `false` in any
/// exception or interrupt handler.
///
/// On Cortex-M this reads IPSR and tests its 9-bit exception number (`mrs`,
/// `lsls #23`, then a conditional branch at the call site). It never masks
/// interrupts and touches no memory.
///
/// On a hosted target the answer comes from the stand-in described in
/// [`crate::host`]: `true` on the one thread that holds Thread mode, outside
/// any simulated handler.
///
/// # Example
///
/// ```
/// # lull_alloc::host::thread_mode(|| {
/// // In `main` (or anywhere outside a handler) this is Thread mode.
/// assert!(lull_alloc::is_thread_mode());
/// # });
/// ```
#[inline(always)]
#[must_use]
pub fn is_thread_mode() -> bool {
    exception_number() == 0
}

/// The 9-bit number of the active exception: 0 in Thread mode.
#[cfg(all(target_arch = "arm", target_os = "none"))]
#[inline(always)]
pub(crate) fn exception_number() -> u32 {
    ipsr() & 0x1ff
}

/// IPSR as read by `mrs`: bits 8..0 are the exception number, the rest read as
/// zero on every Cortex-M profile (but are masked off all the same).
#[cfg(all(target_arch = "arm", target_os = "none"))]
#[inline(always)]
pub(crate) fn ipsr() -> u32 {
    let ipsr: u32;
    // SAFETY: `mrs` of IPSR only reads a special register; it is available on
    // ARMv6-M, ARMv7-M and ARMv8-M in every privilege level. (Not `pure`: the
    // read stays where `get()` is called, so measurements see all of it.)
    unsafe {
        core::arch::asm!(
            "mrs {}, IPSR",
            out(reg) ipsr,
            options(nomem, nostack, preserves_flags)
        );
    }
    ipsr
}

#[cfg(not(target_os = "none"))]
#[inline(always)]
pub(crate) fn exception_number() -> u32 {
    crate::host::exception_number()
}

#[cfg(not(target_os = "none"))]
#[inline(always)]
pub(crate) fn ipsr() -> u32 {
    crate::host::exception_number()
}

#[cfg(all(target_os = "none", not(target_arch = "arm")))]
compile_error!("lull-alloc supports Cortex-M (target_arch = \"arm\") and hosted targets only");
