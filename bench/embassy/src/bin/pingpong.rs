//! `pingpong` on embassy-executor 0.10: `bench_tasks::pingpong` with the
//! common mutex; ping is spawned, pong is the `main` task.
#![no_std]
#![no_main]

use bench_tasks::pingpong::{PING, PONG, ping, pong};
use cortex_m as _; // links the single-core critical-section implementation
use embassy_executor::Spawner;

#[embassy_executor::task]
async fn ping_task() {
    match ping(&PING, &PONG).await {}
}

#[embassy_executor::main]
async fn main(spawner: Spawner) {
    spawner.spawn(ping_task().unwrap());
    match pong(&PING, &PONG).await {}
}
