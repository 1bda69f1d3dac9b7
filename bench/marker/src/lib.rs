//! Benchmark markers for `cargo xtask bench`.
//!
//! A marker is one 16-bit ARMv7-M *reserved hint* instruction (`0xbf60`,
//! `0xbf70`, … `0xbff0`). The core executes it as a NOP: it touches no
//! register, flag or memory, so placing one in code does not change what the
//! code around it costs. QEMU's `-singlestep -d exec,nochain` trace logs it like
//! any other instruction, which lets the xtask count the instructions executed
//! between two markers exactly.
//!
//! Each call site also records `(address, name)` in the non-allocated ELF
//! section `.lull.markers` (never flashed, never in RAM), so the xtask finds
//! the markers without a disassembler and names the intervals `FROM->TO`.
//!
//! Give every call site its own `id` (0–9): otherwise LLVM may merge identical
//! task bodies and two tasks could not be told apart.
#![no_std]

/// Emits marker `name` with hint id `id` (0–9 → `0xbf60 + 0x10 * id`).
///
/// The interval from one marker (inclusive) to the next (exclusive) is counted;
/// the net cost of the code between them is that count minus one.
///
/// A name starting with `@` (e.g. `"@enter-exit"`) names the interval that
/// starts at it: the row is `enter-exit` instead of `FROM->TO`. A name
/// starting with `/` (e.g. `"/end"`) only ends an interval: the code after it
/// is not measured.
///
/// A name starting with `%` (e.g. `"%time"`) also only ends intervals; its
/// first hit opens the measured window (earlier hits are left out) and asks
/// for the masked-section rows `masked-basepri-worst` and
/// `masked-primask-worst` from there on.
///
/// A name starting with `^` (e.g. `"^A"`) starts a measurement *cycle* at
/// each hit and is otherwise the marker `A`: the xtask reports `cycle`,
/// `switch` and `switch-mode` over the steady cycles and leaves the first
/// cycle out of every row (one cycle marker per binary).
///
/// A name starting with `=` (e.g. `"=alloc"`) asks the xtask to report the
/// interval that *starts* at it as `<name>-worst` (maximum) and `<name>-mean`
/// instead of a `FROM->TO` row: use it around one operation measured many
/// times.
#[macro_export]
macro_rules! mark {
    ($id:literal, $name:literal) => {
        // SAFETY: a reserved hint executes as a NOP on ARMv6-M/ARMv7-M/ARMv8-M
        // (it touches no register, flag, stack or memory); the pushsection
        // only adds bytes to a non-allocated section that is never loaded.
        unsafe {
            ::core::arch::asm!(
                "1: .inst.n {hint}",
                ".pushsection .lull.markers,\"\",%progbits",
                ".4byte 1b",
                concat!(".asciz \"", $name, "\""),
                ".popsection",
                hint = const 0xbf60 + 0x10 * $id,
                options(nomem, nostack, preserves_flags)
            )
        }
    };
}

#[cfg(feature = "glue")]
mod glue {
    use core::panic::PanicInfo;
    use cortex_m_semihosting::{debug, hprintln};

    /// Ends the benchmark run successfully (QEMU exits with status 0).
    pub fn done() -> ! {
        debug::exit(debug::EXIT_SUCCESS);
        #[allow(clippy::empty_loop)]
        loop {}
    }

    /// Prints a `metric <name> <value>` row for the harness. Call it only
    /// after the measured part has finished: semihosting is slow.
    pub fn metric(name: &str, value: u32) {
        hprintln!("metric {} {}", name, value);
    }

    /// The panic handler of every benchmark binary, whatever the system:
    /// it ends the run with a failure and formats nothing, so no binary
    /// carries `core::fmt` (about 2.4 KB) just because it has a panic path.
    #[panic_handler]
    fn panic(_: &PanicInfo) -> ! {
        debug::exit(debug::EXIT_FAILURE);
        #[allow(clippy::empty_loop)]
        loop {}
    }
}

#[cfg(feature = "glue")]
pub use glue::{done, metric};
