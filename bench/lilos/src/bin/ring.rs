//! `ring` on lilos 1.3: three tasks, each `loop { marker; yield_cpu().await }`,
//! run by `run_tasks` (lilos polls the tasks whose bit is set in its wake mask,
//! in index order).
#![no_std]
#![no_main]

use bench_marker::{done, mark};
use core::{convert::Infallible, pin::pin};
use cortex_m_rt::entry;
use lilos::exec::{ALL_TASKS, run_tasks, yield_cpu};

const ROUNDS: u32 = 100;

async fn a() -> Infallible {
    for _ in 0..ROUNDS {
        mark!(0, "A");
        yield_cpu().await;
    }
    done()
}

async fn b() -> Infallible {
    loop {
        mark!(1, "B");
        yield_cpu().await;
    }
}

async fn c() -> Infallible {
    loop {
        mark!(2, "C");
        yield_cpu().await;
    }
}

#[entry]
fn main() -> ! {
    run_tasks(&mut [pin!(a()), pin!(b()), pin!(c())], ALL_TASKS)
}
