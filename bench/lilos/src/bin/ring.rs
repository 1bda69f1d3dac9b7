//! `ring` on lilos 1.3: the four tasks of `bench_tasks::ring` (A, B, C, M,
//! the shared yield) run by `run_tasks` (lilos polls the tasks whose bit is
//! set in its wake mask, in index order).
#![no_std]
#![no_main]

use bench_marker as _;
use bench_tasks::ring;
use core::pin::pin;
use cortex_m_rt::entry;
use lilos::exec::{ALL_TASKS, run_tasks};

#[entry]
fn main() -> ! {
    run_tasks(
        &mut [
            pin!(ring::a()),
            pin!(ring::b()),
            pin!(ring::c()),
            pin!(ring::m()),
        ],
        ALL_TASKS,
    )
}
