//! `pingpong` on no executor: ping and pong (`bench_tasks::pingpong`, common
//! mutex) polled alternately by `bench_lull::floor` with a no-op waker.
#![no_std]
#![no_main]

use bench_lull::floor;
use bench_lull::tasks::pingpong::{PING, PONG, ping, pong};
use core::pin::pin;

#[cortex_m_rt::entry]
fn main() -> ! {
    floor::run(&[
        floor::task(pin!(ping(&PING, &PONG))),
        floor::task(pin!(pong(&PING, &PONG))),
    ])
}
