//! Device support for QEMU's MPS2 boards (`mps2-an386`, Cortex-M4F;
//! `mps2-an505`, Cortex-M33), which no device crate on crates.io covers:
//! what `#[lull::app(device = ..)]` needs (`Interrupt`, `NVIC_PRIO_BITS`,
//! `Peripherals`) and the interrupt part of the vector table.
//!
//! Only eight interrupt lines are named: `IRQ24`..`IRQ31`, which no device
//! of either board raises in QEMU (the examples pend them in software), so
//! they serve as hardware-task lines and dispatchers alike. Lines 0..23
//! keep cortex-m-rt's `DefaultHandler`.
#![no_std]

// Links cortex-m-rt (reset handler, `DefaultHandler`) into apps that name
// none of its items.
use cortex_m_rt as _;

/// The interrupt lines the examples use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
#[allow(missing_docs)]
pub enum Interrupt {
    IRQ24 = 24,
    IRQ25 = 25,
    IRQ26 = 26,
    IRQ27 = 27,
    IRQ28 = 28,
    IRQ29 = 29,
    IRQ30 = 30,
    IRQ31 = 31,
}

// SAFETY: every number is an interrupt line both boards implement (their
// NVICs have 32 or more), and the numbers are distinct.
unsafe impl cortex_m::interrupt::InterruptNumber for Interrupt {
    #[inline(always)]
    fn number(self) -> u16 {
        self as u16
    }
}

/// Priority bits the examples rely on. QEMU 7.2's NVIC implements all
/// eight; a real Cortex-M4/M33 implements three or more, and priorities
/// set with three bits are the same on both (the low bits stay zero).
pub const NVIC_PRIO_BITS: u8 = 3;

/// The device peripherals: none are modelled here.
pub struct Peripherals;

impl Peripherals {
    /// The (empty) device peripherals.
    ///
    /// # Safety
    /// None: there is nothing to alias. `unsafe` for the shape every PAC's
    /// `steal` has.
    #[inline(always)]
    pub unsafe fn steal() -> Self {
        Peripherals
    }
}

/// One entry of the vector table.
#[doc(hidden)]
pub union Vector {
    _handler: unsafe extern "C" fn(),
}

unsafe extern "C" {
    fn DefaultHandler();
    fn IRQ24();
    fn IRQ25();
    fn IRQ26();
    fn IRQ27();
    fn IRQ28();
    fn IRQ29();
    fn IRQ30();
    fn IRQ31();
}

/// Interrupts 0..31 for cortex-m-rt's vector table (its `device` feature):
/// 0..23 go to `DefaultHandler`; 24..31 to the handlers above, which
/// `device.x` defaults to `DefaultHandler` unless an app binds them.
#[doc(hidden)]
#[unsafe(link_section = ".vector_table.interrupts")]
#[unsafe(no_mangle)]
pub static __INTERRUPTS: [Vector; 32] = {
    let mut v = [const {
        Vector {
            _handler: DefaultHandler,
        }
    }; 32];
    v[24] = Vector { _handler: IRQ24 };
    v[25] = Vector { _handler: IRQ25 };
    v[26] = Vector { _handler: IRQ26 };
    v[27] = Vector { _handler: IRQ27 };
    v[28] = Vector { _handler: IRQ28 };
    v[29] = Vector { _handler: IRQ29 };
    v[30] = Vector { _handler: IRQ30 };
    v[31] = Vector { _handler: IRQ31 };
    v
};
