//! `ring` on embassy-executor 0.10 (thread executor): three tasks, each
//! `loop { marker; yield_now().await }`. A->B, B->C and C->A are one task
//! switch each: wake-by-ref into the run queue, return `Pending`, the
//! executor polls the next task.
#![no_std]
#![no_main]

use bench_marker::{done, mark};
use cortex_m as _; // links the single-core critical-section implementation
use embassy_executor::Spawner;
use embassy_futures::yield_now;

const ROUNDS: u32 = 100;

#[embassy_executor::task]
async fn a() {
    for _ in 0..ROUNDS {
        mark!(0, "A");
        yield_now().await;
    }
    done()
}

#[embassy_executor::task]
async fn b() {
    loop {
        mark!(1, "B");
        yield_now().await;
    }
}

#[embassy_executor::task]
async fn c() {
    loop {
        mark!(2, "C");
        yield_now().await;
    }
}

#[embassy_executor::main]
async fn main(spawner: Spawner) {
    spawner.spawn(a().unwrap());
    spawner.spawn(b().unwrap());
    spawner.spawn(c().unwrap());
}
