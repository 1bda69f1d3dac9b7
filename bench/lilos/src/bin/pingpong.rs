//! `pingpong` on lilos 1.3: `bench_tasks::pingpong` (common mutex).
#![no_std]
#![no_main]

use bench_marker as _;
use bench_tasks::pingpong::{PING, PONG, ping, pong};
use core::pin::pin;
use cortex_m_rt::entry;
use lilos::exec::{ALL_TASKS, run_tasks};

#[entry]
fn main() -> ! {
    run_tasks(
        &mut [pin!(ping(&PING, &PONG)), pin!(pong(&PING, &PONG))],
        ALL_TASKS,
    )
}
