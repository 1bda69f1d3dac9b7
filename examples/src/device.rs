//! The device crate of the examples' `#[lull::app]`s, the same on every
//! board: `#[lull::app(device = lull_examples::device, dispatchers = [SWI4,
//! SWI5])]`, `#[task(binds = SWI0)]`, `pend(Interrupt::SWI0)`.
//!
//! It is what `#[lull::app(device = ..)]` needs of a PAC — [`Interrupt`],
//! [`NVIC_PRIO_BITS`], [`Peripherals::steal`] — and the interrupt part of
//! cortex-m-rt's vector table, nothing else: the examples pend their
//! interrupts from software and touch no peripheral, so one set of names
//! serves all four QEMU boards and an example is a plain program.
//!
//! # The lines
//!
//! Six interrupt lines, `SWI0`..`SWI5` ("software interrupts": the examples
//! pend them), are interrupt lines that no peripheral of the board raises
//! in QEMU. Their numbers, the priority bits and the length of the vector
//! table are the board's (selected by the `board-*` feature):
//!
//! | board | `SWI0`..`SWI5` | `NVIC_PRIO_BITS` | vectors |
//! |---|---|---|---|
//! | lm3s6965evb | 0, 1, 2, 3, 7, 13 (GPIO ports A–D, SSI0, QEI0 of the `lm3s6965` PAC; none configured) | 3 | 44 |
//! | microbit | 20..25 (the nRF51's SWI0..SWI5; ARMv6-M has 32 lines at most) | 2 | 26 |
//! | mps2-an386, mps2-an505 | 24..29 (no device of either board uses them; no device crate on crates.io covers the boards) | 3 | 32 |
//!
//! The order of the numbers is the order of the PAC names the examples used
//! before, so two pending interrupts of equal priority still run in the
//! same order (the lower number first) and the output is the same.
//!
//! # In your application
//!
//! A real application names its chip's PAC and the interrupts it really
//! uses: `#[lull::app(device = stm32f4xx_hal::pac, dispatchers = [EXTI1])]`
//! and `#[task(binds = USART2)]` — see `templates/app` and `boards/`. The
//! PAC (with its `rt` feature) then provides the vector table; it cannot be
//! linked together with this module, whose `__INTERRUPTS` has the same
//! symbol name.

// cortex-m-rt provides `DefaultHandler` and reads `device.x` (the examples'
// build script puts it next to `memory.x`).
use cortex_m_rt as _;

#[cfg(feature = "board-lm3s6965evb")]
mod board {
    pub const LINES: [u16; 6] = [0, 1, 2, 3, 7, 13];
    pub const NVIC_PRIO_BITS: u8 = 3;
    pub const VECTORS: usize = 44;
}

#[cfg(feature = "board-microbit")]
mod board {
    pub const LINES: [u16; 6] = [20, 21, 22, 23, 24, 25];
    pub const NVIC_PRIO_BITS: u8 = 2;
    pub const VECTORS: usize = 26;
}

#[cfg(any(feature = "board-mps2-an386", feature = "board-mps2-an505"))]
mod board {
    pub const LINES: [u16; 6] = [24, 25, 26, 27, 28, 29];
    pub const NVIC_PRIO_BITS: u8 = 3;
    pub const VECTORS: usize = 32;
}

/// The interrupt lines the examples bind and pend (the table above gives
/// each one's number on each board).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum Interrupt {
    /// Line 1 of 6 (the first hardware task of an example).
    SWI0 = board::LINES[0],
    /// Line 2 of 6.
    SWI1 = board::LINES[1],
    /// Line 3 of 6.
    SWI2 = board::LINES[2],
    /// Line 4 of 6.
    SWI3 = board::LINES[3],
    /// Line 5 of 6 (the first dispatcher of an example).
    SWI4 = board::LINES[4],
    /// Line 6 of 6 (the second dispatcher).
    SWI5 = board::LINES[5],
}

// SAFETY: every number is an interrupt line the board's NVIC implements
// (below `board::VECTORS`), and the numbers are distinct.
unsafe impl cortex_m::interrupt::InterruptNumber for Interrupt {
    #[inline(always)]
    fn number(self) -> u16 {
        self as u16
    }
}

/// Priority bits of the board's NVIC (the real chip's; QEMU implements 8
/// on the Cortex-M3/M4/M33 boards and 2 on the Cortex-M0, and priorities
/// set with the chip's bits are the same in QEMU: the low bits stay zero).
pub const NVIC_PRIO_BITS: u8 = board::NVIC_PRIO_BITS;

/// The device peripherals: none are modelled here (an example's
/// `cx.device` is this empty struct).
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
    fn SWI0();
    fn SWI1();
    fn SWI2();
    fn SWI3();
    fn SWI4();
    fn SWI5();
}

/// The interrupts of cortex-m-rt's vector table (its `device` feature):
/// `DefaultHandler` for every line but the six above, which go to the
/// handlers `SWI0`..`SWI5` — an app's hardware task or dispatcher, or (by
/// `device.x`) `DefaultHandler` when the app binds none.
#[doc(hidden)]
#[unsafe(link_section = ".vector_table.interrupts")]
#[unsafe(no_mangle)]
pub static __INTERRUPTS: [Vector; board::VECTORS] = {
    let mut v = [const {
        Vector {
            _handler: DefaultHandler,
        }
    }; board::VECTORS];
    v[Interrupt::SWI0 as usize] = Vector { _handler: SWI0 };
    v[Interrupt::SWI1 as usize] = Vector { _handler: SWI1 };
    v[Interrupt::SWI2 as usize] = Vector { _handler: SWI2 };
    v[Interrupt::SWI3 as usize] = Vector { _handler: SWI3 };
    v[Interrupt::SWI4 as usize] = Vector { _handler: SWI4 };
    v[Interrupt::SWI5 as usize] = Vector { _handler: SWI5 };
    v
};
