//! Harness self-check, not a result: two adjacent markers must count 0 net
//! instructions, and a marker pair around three `nop`s must count 3.
//! `cargo xtask bench` fails if either is off and leaves this binary out of
//! the report.
#![no_std]
#![no_main]

use bench_lull::{done, mark};
use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    for _ in 0..4 {
        mark!(0, "A");
        mark!(1, "B");
        cortex_m::asm::nop();
        cortex_m::asm::nop();
        cortex_m::asm::nop();
        mark!(2, "C");
    }
    done()
}
