//! `pingpong-noop` on lilos 1.3: `pingpong` with `NoopRawMutex` channels.
#![no_std]
#![no_main]

use bench_marker as _;
use bench_tasks::pingpong::{noop, ping, pong};
use core::pin::pin;
use cortex_m_rt::entry;
use lilos::exec::{ALL_TASKS, run_tasks};

#[entry]
fn main() -> ! {
    // SAFETY: both tasks run in lilos's one thread-mode loop.
    let (to, back) = unsafe { noop() };
    run_tasks(&mut [pin!(ping(to, back)), pin!(pong(to, back))], ALL_TASKS)
}
