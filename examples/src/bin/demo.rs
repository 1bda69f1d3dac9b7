//! boards: lm3s6965evb
//!
//! Lull's flagship demo (`cargo xtask demo`). It grows with Lull: it always
//! shows the most complete feature set that exists.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull_examples::{BOARD, exit, println};

#[entry]
fn main() -> ! {
    println!("Lull demo on {}", BOARD);
    exit(0)
}
