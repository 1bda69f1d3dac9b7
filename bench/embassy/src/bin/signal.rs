//! `signal` on embassy-executor 0.10: `bench_tasks::signal`; the signaller
//! is spawned, the waiter is the `main` task.
#![no_std]
#![no_main]

use bench_tasks::signal::{signaller, waiter};
use cortex_m as _; // links the single-core critical-section implementation
use embassy_executor::Spawner;

#[embassy_executor::task]
async fn signaller_task() {
    match signaller().await {}
}

#[embassy_executor::main]
async fn main(spawner: Spawner) {
    spawner.spawn(signaller_task().unwrap());
    match waiter().await {}
}
