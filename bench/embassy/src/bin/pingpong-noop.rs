//! `pingpong-noop` on embassy-executor 0.10: `pingpong` with
//! `NoopRawMutex` channels.
#![no_std]
#![no_main]

use bench_tasks::pingpong::{noop, ping, pong};
use cortex_m as _; // links the single-core critical-section implementation
use embassy_executor::Spawner;

#[embassy_executor::task]
async fn ping_task() {
    // SAFETY: both tasks run on this one thread-mode executor.
    let (to, back) = unsafe { noop() };
    match ping(to, back).await {}
}

#[embassy_executor::main]
async fn main(spawner: Spawner) {
    spawner.spawn(ping_task().unwrap());
    // SAFETY: both tasks run on this one thread-mode executor.
    let (to, back) = unsafe { noop() };
    match pong(to, back).await {}
}
