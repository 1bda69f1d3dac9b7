//! `ring30` on Lull's thread-mode executor: 30 spawned tasks and the
//! `block_on` future, each `loop { marker; yield_now().await }` (see
//! `ring_common.rs` for the markers).
#![no_std]
#![no_main]

#[path = "../ring_common.rs"]
mod ring_common;

#[cortex_m_rt::entry]
fn main() -> ! {
    ring_common::run(30)
}
