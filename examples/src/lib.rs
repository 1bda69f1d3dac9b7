//! Board glue shared by Lull's example firmware.
//!
//! Every example prints through semihosting ([`println!`]) and ends with
//! [`exit`]; `cargo xtask test` runs each one in QEMU and compares what it
//! printed, and its exit status, with the golden files under
//! `examples/<board>/expected/`.
//!
//! A panic prints its message and exits with status 1, so a test never hangs
//! on a failed assertion.
//!
//! The `#[lull::app]` examples are plain programs, the same on every board:
//! their device crate is [`device`], which names six interrupt lines
//! `SWI0`..`SWI5` that no peripheral raises in QEMU and maps them to the
//! selected board's line numbers (with its priority bits and vector table).
//! Copied into a real application, an example names its chip's PAC and
//! real interrupts instead (`device = stm32f4xx_hal::pac`,
//! `binds = USART2`).
#![no_std]

use core::panic::PanicInfo;

#[doc(hidden)]
pub use cortex_m_semihosting as __sh;

pub mod device;

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

#[panic_handler]
fn panic(info: &PanicInfo) -> ! {
    println!("{}", info);
    exit(1)
}
