//! `fanout` on lilos 1.3: 10 workers and the leader (`bench_tasks::fanout`)
//! in one task array.
#![no_std]
#![no_main]

use bench_marker as _;
use bench_tasks::fanout::{leader, worker};
use core::pin::pin;
use cortex_m_rt::entry;
use lilos::exec::{ALL_TASKS, run_tasks};

#[entry]
fn main() -> ! {
    run_tasks(
        &mut [
            pin!(worker(0)),
            pin!(worker(1)),
            pin!(worker(2)),
            pin!(worker(3)),
            pin!(worker(4)),
            pin!(worker(5)),
            pin!(worker(6)),
            pin!(worker(7)),
            pin!(worker(8)),
            pin!(worker(9)),
            pin!(leader(10)),
        ],
        ALL_TASKS,
    )
}
