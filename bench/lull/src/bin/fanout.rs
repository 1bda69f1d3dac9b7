//! `fanout` on Lull: one leader wakes 10 blocked workers and awaits them
//! (see `fanout_common.rs`).
#![no_std]
#![no_main]

#[path = "../fanout_common.rs"]
mod fanout_common;

#[cortex_m_rt::entry]
fn main() -> ! {
    fanout_common::run(10)
}
