//! `fanout100` on Lull: `fanout` with 100 workers, to show the cost per
//! worker does not grow with their number (see `fanout_common.rs`).
#![no_std]
#![no_main]

#[path = "../fanout_common.rs"]
mod fanout_common;

#[cortex_m_rt::entry]
fn main() -> ! {
    fanout_common::run(100)
}
