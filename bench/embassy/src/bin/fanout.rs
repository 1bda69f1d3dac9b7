//! `fanout` on embassy-executor 0.10: 10 workers (one task pool) spawned,
//! the leader is the `main` task, all `bench_tasks::fanout`.
#![no_std]
#![no_main]

use bench_tasks::fanout::{leader, worker};
use cortex_m as _; // links the single-core critical-section implementation
use embassy_executor::Spawner;

const N: usize = 10;

#[embassy_executor::task(pool_size = N)]
async fn worker_task(i: usize) {
    match worker(i).await {}
}

#[embassy_executor::main]
async fn main(spawner: Spawner) {
    for i in 0..N {
        spawner.spawn(worker_task(i).unwrap());
    }
    match leader(N).await {}
}
