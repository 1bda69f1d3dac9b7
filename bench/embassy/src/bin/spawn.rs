//! `spawn` on embassy-executor 0.10: the `main` task runs
//! `bench_tasks::spawn::spawner`, spawning the trivial task from a pool of
//! one (static storage: no allocation) and yielding.
#![no_std]
#![no_main]

use bench_tasks::spawn::{spawner, trivial};
use cortex_m as _; // links the single-core critical-section implementation
use embassy_executor::Spawner;

#[embassy_executor::task(pool_size = 1)]
async fn trivial_task() {
    trivial().await
}

#[embassy_executor::main]
async fn main(s: Spawner) {
    match spawner(|| s.spawn(trivial_task().unwrap())).await {}
}
