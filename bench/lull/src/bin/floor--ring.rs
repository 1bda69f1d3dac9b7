//! `ring` on **no executor at all**: the floor under every executor's ring.
//!
//! The four tasks of every `ring` (`bench_tasks::ring`: A, B, C, M, the
//! shared yield) polled in a fixed round robin by `bench_lull::floor`, with a
//! waker that does nothing. A real executor can only add to this figure.
#![no_std]
#![no_main]

use bench_lull::{floor, tasks::ring};
use core::pin::pin;

#[cortex_m_rt::entry]
fn main() -> ! {
    floor::run(&[
        floor::task(pin!(ring::a())),
        floor::task(pin!(ring::b())),
        floor::task(pin!(ring::c())),
        floor::task(pin!(ring::m())),
    ])
}
