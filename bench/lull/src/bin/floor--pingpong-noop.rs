//! `pingpong-noop` on no executor: `floor--pingpong` with `NoopRawMutex`
//! channels.
#![no_std]
#![no_main]

use bench_lull::floor;
use bench_lull::tasks::pingpong::{noop, ping, pong};
use core::pin::pin;

#[cortex_m_rt::entry]
fn main() -> ! {
    // SAFETY: both tasks are polled from this one loop in Thread mode.
    let (to, back) = unsafe { noop() };
    floor::run(&[
        floor::task(pin!(ping(to, back))),
        floor::task(pin!(pong(to, back))),
    ])
}
