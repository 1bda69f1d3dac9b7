//! `fanout` on no executor: the leader and 10 workers
//! (`bench_tasks::fanout`) polled in a fixed round robin by
//! `bench_lull::floor` with a no-op waker.
#![no_std]
#![no_main]

use bench_lull::floor;
use bench_lull::tasks::fanout::{leader, worker};
use core::pin::pin;

#[cortex_m_rt::entry]
fn main() -> ! {
    floor::run(&[
        floor::task(pin!(worker(0))),
        floor::task(pin!(worker(1))),
        floor::task(pin!(worker(2))),
        floor::task(pin!(worker(3))),
        floor::task(pin!(worker(4))),
        floor::task(pin!(worker(5))),
        floor::task(pin!(worker(6))),
        floor::task(pin!(worker(7))),
        floor::task(pin!(worker(8))),
        floor::task(pin!(worker(9))),
        floor::task(pin!(leader(10))),
    ])
}
