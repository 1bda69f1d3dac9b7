//! `ring` on embassy-executor 0.10 (thread executor): the four tasks of
//! `bench_tasks::ring` (A, B, C spawned, M the `main` task), each
//! `loop { marker; shared yield }`.
#![no_std]
#![no_main]

use bench_tasks::ring;
use cortex_m as _; // links the single-core critical-section implementation
use embassy_executor::Spawner;

#[embassy_executor::task]
async fn a() {
    match ring::a().await {}
}

#[embassy_executor::task]
async fn b() {
    match ring::b().await {}
}

#[embassy_executor::task]
async fn c() {
    match ring::c().await {}
}

#[embassy_executor::main]
async fn main(spawner: Spawner) {
    spawner.spawn(a().unwrap());
    spawner.spawn(b().unwrap());
    spawner.spawn(c().unwrap());
    match ring::m().await {}
}
