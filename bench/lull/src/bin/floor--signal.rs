//! `signal` on no executor: signaller and waiter (`bench_tasks::signal`)
//! polled alternately by `bench_lull::floor` with a no-op waker.
#![no_std]
#![no_main]

use bench_lull::floor;
use bench_lull::tasks::signal::{signaller, waiter};
use core::pin::pin;

#[cortex_m_rt::entry]
fn main() -> ! {
    floor::run(&[floor::task(pin!(signaller())), floor::task(pin!(waiter()))])
}
