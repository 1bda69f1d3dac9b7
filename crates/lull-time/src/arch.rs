//! What the driver needs from the core: masking up to the timer's priority,
//! the priority of the running exception, SysTick's registers.
//!
//! Priorities here are *hardware* values (0 = most urgent, as in the NVIC's
//! priority registers).

#[cfg(target_os = "none")]
mod regs {
    /// SysTick control and status: ENABLE (0), TICKINT (1), CLKSOURCE (2),
    /// COUNTFLAG (16, cleared by every read).
    pub const SYST_CSR: *mut u32 = 0xE000_E010 as *mut u32;
    pub const SYST_RVR: *mut u32 = 0xE000_E014 as *mut u32;
    pub const SYST_CVR: *mut u32 = 0xE000_E018 as *mut u32;
    /// Interrupt control and state (PENDSTSET is bit 26).
    pub const ICSR: *mut u32 = 0xE000_ED04 as *mut u32;
    /// System handler priority registers (SHPR1 on v7-M; SHPR2/3 everywhere).
    pub const SHPR: *mut u32 = 0xE000_ED18 as *mut u32;
    /// NVIC interrupt priority registers.
    pub const IPR: *mut u32 = 0xE000_E400 as *mut u32;
    #[cfg(lull_time_nvic)]
    pub const ISER: *mut u32 = 0xE000_E100 as *mut u32;
    #[cfg(lull_time_nvic)]
    pub const ICER: *mut u32 = 0xE000_E180 as *mut u32;
}

/// What `mask` changed, for `unmask` to restore.
#[derive(Clone, Copy)]
pub(crate) struct Masked(#[allow(dead_code)] u32);

/// Masks every context that may use the timer queue except SysTick itself
/// (SysTick is kept out by the `locked` flag, see `Time::schedule`):
///
/// - ARMv7-M / ARMv8-M mainline: `BASEPRI_MAX = prio` — masks every
///   exception of priority `prio` or less urgent, SysTick included;
///   interrupts more urgent than `prio` are untouched.
/// - ARMv6-M: clears, in the NVIC, the enable bits of the interrupts in
///   `nvic` (those of priority `prio` or less urgent, found by `init`);
///   SysTick, not an NVIC interrupt, keeps running.
/// - Host: nothing (no interrupts).
#[inline(always)]
#[allow(unused_variables)]
pub(crate) fn mask(prio: u8, nvic: u32) -> Masked {
    #[cfg(lull_time_basepri)]
    {
        let old: u32;
        // SAFETY: reads BASEPRI, then raises it with BASEPRI_MAX (which
        // never lowers the running priority). No memory is touched; the asm
        // is a compiler barrier (no `nomem`), so the queue accesses that
        // follow stay after it.
        unsafe {
            core::arch::asm!(
                "mrs {old}, BASEPRI",
                "msr BASEPRI_MAX, {new}",
                old = out(reg) old,
                new = in(reg) prio as u32,
                options(nostack, preserves_flags),
            )
        };
        Masked(old)
    }
    #[cfg(lull_time_nvic)]
    {
        // SAFETY: ISER0/ICER0 are the NVIC's set/clear-enable registers;
        // writing 1 bits to ICER only disables those interrupts.
        let old = unsafe { regs::ISER.read_volatile() } & nvic;
        // SAFETY: as above.
        unsafe { regs::ICER.write_volatile(nvic) };
        // The disable takes effect before the next instruction only after
        // DSB + ISB (ARMv6-M ARM B3.4.1).
        cortex_m::asm::dsb();
        cortex_m::asm::isb();
        Masked(old)
    }
    #[cfg(not(any(lull_time_basepri, lull_time_nvic)))]
    {
        Masked(0)
    }
}

/// Returns `x`, computed before this point: the compiler may not move the
/// computation of `x` past it (e.g. into the masked section that [`mask`]
/// opens next). Costs no instruction.
#[inline(always)]
pub(crate) fn settle(x: usize) -> usize {
    #[cfg(target_arch = "arm")]
    {
        let mut x = x;
        // SAFETY: an empty asm statement: it only claims to read and write
        // `x`'s register. Not `pure`, so it stays in order with `mask`'s asm.
        unsafe {
            core::arch::asm!("/* {0} */", inout(reg) x, options(nomem, nostack, preserves_flags))
        };
        x
    }
    #[cfg(not(target_arch = "arm"))]
    {
        x
    }
}

/// Undoes [`mask`].
#[inline(always)]
#[allow(unused_variables)]
pub(crate) fn unmask(m: Masked) {
    #[cfg(lull_time_basepri)]
    {
        // SAFETY: restores the BASEPRI found by `mask`; a compiler barrier
        // (no `nomem`) keeps the queue accesses before it.
        unsafe {
            core::arch::asm!("msr BASEPRI, {}", in(reg) m.0, options(nostack, preserves_flags))
        };
    }
    #[cfg(lull_time_nvic)]
    {
        core::sync::atomic::compiler_fence(core::sync::atomic::Ordering::SeqCst);
        // SAFETY: re-enables exactly the interrupts `mask` found enabled.
        unsafe { regs::ISER.write_volatile(m.0) };
    }
}

/// Sets SysTick pending (ICSR.PENDSTSET).
#[inline(always)]
pub(crate) fn pend_tick() {
    #[cfg(target_os = "none")]
    // SAFETY: writing PENDSTSET only sets SysTick pending; the other bits
    // written as 0 have no effect.
    unsafe {
        regs::ICSR.write_volatile(1 << 26)
    };
}

/// Reads and clears SysTick's COUNTFLAG: `true` if the counter reached 0
/// since the last read of SYST_CSR.
#[cfg(target_os = "none")]
#[inline(always)]
pub(crate) fn take_countflag() -> bool {
    // SAFETY: a read of SYST_CSR; its only side effect is clearing
    // COUNTFLAG, which only the tick handler relies on.
    unsafe { regs::SYST_CSR.read_volatile() & (1 << 16) != 0 }
}

/// The number of the running exception (IPSR), 0 in Thread mode.
#[cfg(target_os = "none")]
#[inline(always)]
pub(crate) fn exception_number() -> u32 {
    let ipsr: u32;
    // SAFETY: reads IPSR; no memory or flags touched.
    unsafe {
        core::arch::asm!("mrs {}, IPSR", out(reg) ipsr, options(nomem, nostack, preserves_flags))
    };
    ipsr & 0x1FF
}

/// The hardware priority of exception `n` (4 or more; word accesses only,
/// which every core supports).
#[cfg(target_os = "none")]
pub(crate) fn exception_priority(n: u32) -> u8 {
    let (base, i) = if n >= 16 {
        (regs::IPR, n - 16)
    } else {
        (regs::SHPR, n - 4)
    };
    // SAFETY: an aligned word read of a priority register that exists for
    // exception `n` (it is running, so it exists).
    let word = unsafe { base.add((i / 4) as usize).read_volatile() };
    (word >> ((i % 4) * 8)) as u8
}

/// Sets SysTick's priority and returns the number of implemented priority
/// bits (found by writing all ones and reading back).
#[cfg(target_os = "none")]
pub(crate) fn set_systick_priority(logical: u8) -> (u8, u32) {
    // SysTick is exception 15: byte 3 of SHPR3 (word 2 from SHPR1).
    let shpr3 = regs::SHPR.wrapping_add(2);
    // SAFETY: SHPR3 exists on every Cortex-M; only SysTick's byte changes.
    let w = unsafe { shpr3.read_volatile() };
    // SAFETY: as above.
    unsafe { shpr3.write_volatile(w | 0xFF00_0000) };
    // SAFETY: as above.
    let implemented = (unsafe { shpr3.read_volatile() } >> 24) as u8;
    let bits = implemented.leading_ones();
    assert!(
        logical >= 1 && u32::from(logical) < 1 << bits,
        "lull-time: timer priority {logical} out of range: this core has {bits} priority \
         bits, so it must be 1..={} (the highest level, {}, cannot be masked by BASEPRI)",
        (1u32 << bits) - 1,
        1u32 << bits
    );
    let hw = (((1u32 << bits) - u32::from(logical)) << (8 - bits)) as u8;
    // SAFETY: as above.
    unsafe { shpr3.write_volatile((w & 0x00FF_FFFF) | (u32::from(hw) << 24)) };
    (hw, bits)
}

/// The NVIC interrupts (0–31) of priority `hw` or less urgent: the ones
/// `mask` disables on ARMv6-M.
#[cfg(lull_time_nvic)]
pub(crate) fn nvic_users(hw: u8) -> u32 {
    let mut m = 0;
    for irq in 0..32u32 {
        if exception_priority(irq + 16) >= hw {
            m |= 1 << irq;
        }
    }
    m
}

/// Starts SysTick on the core clock: period `cycles`, interrupt on.
#[cfg(target_os = "none")]
pub(crate) fn start_systick(cycles: u32) {
    // SAFETY: SysTick's own registers; the caller owns `SYST`.
    unsafe {
        regs::SYST_CSR.write_volatile(0);
        regs::SYST_RVR.write_volatile(cycles - 1);
        regs::SYST_CVR.write_volatile(0);
        // COUNTFLAG was cleared by the CVR write.
        regs::SYST_CSR.write_volatile(0b111);
    }
}
