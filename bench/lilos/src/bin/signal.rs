//! `signal` on lilos 1.3: `bench_tasks::signal`.
#![no_std]
#![no_main]

use bench_marker as _;
use bench_tasks::signal::{signaller, waiter};
use core::pin::pin;
use cortex_m_rt::entry;
use lilos::exec::{ALL_TASKS, run_tasks};

#[entry]
fn main() -> ! {
    run_tasks(&mut [pin!(signaller()), pin!(waiter())], ALL_TASKS)
}
