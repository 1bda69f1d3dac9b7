//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! The smallest firmware: proves the board, the memory map, semihosting and
//! the golden-output harness work before anything of Lull is involved.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull_examples::{BOARD, exit, println};

#[entry]
fn main() -> ! {
    println!("hello from {}", BOARD);
    exit(0)
}
