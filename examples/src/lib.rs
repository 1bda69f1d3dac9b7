//! Board glue shared by Lull's example firmware.
//!
//! Every example prints through semihosting ([`println!`]) and ends with
//! [`exit`]; `cargo xtask test` runs each one in QEMU and compares what it
//! printed, and its exit status, with the golden files under
//! `examples/<board>/expected/`.
//!
//! A panic prints its message and exits with status 1, so a test never hangs
//! on a failed assertion.
#![no_std]

use core::panic::PanicInfo;

#[doc(hidden)]
pub use cortex_m_semihosting as __sh;

// Link the board's device crate into every example, used or not: its
// interrupt vectors complete cortex-m-rt's vector table.
#[cfg(feature = "board-lm3s6965evb")]
use lm3s6965 as _;
#[cfg(any(feature = "board-mps2-an386", feature = "board-mps2-an505"))]
use mps2_device as _;
#[cfg(feature = "board-microbit")]
use nrf51_pac as _;

/// The board this firmware was built for (selected by a `board-*` feature).
pub const BOARD: &str = if cfg!(feature = "board-lm3s6965evb") {
    "lm3s6965evb"
} else if cfg!(feature = "board-microbit") {
    "microbit"
} else if cfg!(feature = "board-mps2-an386") {
    "mps2-an386"
} else {
    "mps2-an505"
};

/// The core clock of the board in QEMU 7.2, in Hz (what SysTick counts with
/// `CLKSOURCE` = core): measured with `-icount shift=0` (one instruction per
/// nanosecond) as SysTick cycles per 2 ms of instructions.
pub const CORE_CLOCK_HZ: u32 = if cfg!(feature = "board-lm3s6965evb") {
    12_500_000
} else if cfg!(feature = "board-microbit") {
    16_000_000
} else if cfg!(feature = "board-mps2-an386") {
    25_000_000
} else {
    20_000_000
};

/// Prints a line to the host's stdout through semihosting.
///
/// Semihosting stops the core for every call: never print inside a measured
/// interval or a timing-sensitive section.
#[macro_export]
macro_rules! println {
    ($($arg:tt)*) => {
        $crate::__sh::hprintln!($($arg)*)
    };
}

/// Ends the program: QEMU exits with status 0 for `code == 0` and 1 otherwise.
pub fn exit(code: u8) -> ! {
    use cortex_m_semihosting::debug;
    debug::exit(if code == 0 {
        debug::EXIT_SUCCESS
    } else {
        debug::EXIT_FAILURE
    });
    // Only reached without a semihosting host (e.g. on real hardware).
    loop {
        cortex_m::asm::nop();
    }
}

/// Hands this board's device crate and free interrupts to `$app`, a
/// `macro_rules!` that defines an example's `#[lull::app]`:
/// `$app!(device, HW0, HW1, HW2, HW3, DISPATCHER0, DISPATCHER1)`.
///
/// The interrupt names of the two boards' device crates differ (the handler
/// of a hardware task is named after its interrupt), so the examples take
/// them as macro arguments. The interrupts are ones no peripheral raises in
/// QEMU: lm3s6965evb uses the `lm3s6965` 0.2 PAC (GPIO ports A–D, dispatchers
/// SSI0 and QEI0, 3 priority bits); microbit the `nrf51-pac` 0.12 PAC
/// (software interrupts SWI0–SWI5, 2 priority bits).
#[cfg(feature = "board-lm3s6965evb")]
#[macro_export]
macro_rules! board_app {
    ($app:ident) => {
        $app!(lm3s6965, GPIOA, GPIOB, GPIOC, GPIOD, SSI0, QEI0);
    };
}

/// See the lm3s6965evb variant.
#[cfg(feature = "board-microbit")]
#[macro_export]
macro_rules! board_app {
    ($app:ident) => {
        $app!(nrf51_pac, SWI0, SWI1, SWI2, SWI3, SWI4, SWI5);
    };
}

/// See the lm3s6965evb variant. QEMU's MPS2 boards (Cortex-M4F and M33)
/// have no device crate; `mps2-device` (in `examples/mps2-device`) names
/// interrupt lines 24..31, which no device of either board raises.
#[cfg(any(feature = "board-mps2-an386", feature = "board-mps2-an505"))]
#[macro_export]
macro_rules! board_app {
    ($app:ident) => {
        $app!(mps2_device, IRQ24, IRQ25, IRQ26, IRQ27, IRQ28, IRQ29);
    };
}

#[panic_handler]
fn panic(info: &PanicInfo) -> ! {
    println!("{}", info);
    exit(1)
}
