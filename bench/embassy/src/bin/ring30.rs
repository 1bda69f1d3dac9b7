//! `ring30` on embassy-executor 0.10: A, B, C, 27 copies of T (one
//! task pool) spawned and M as the `main` task, all `bench_tasks::ring`.
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

#[embassy_executor::task(pool_size = 27)]
async fn t() {
    match ring::t().await {}
}

#[embassy_executor::main]
async fn main(spawner: Spawner) {
    spawner.spawn(a().unwrap());
    spawner.spawn(b().unwrap());
    spawner.spawn(c().unwrap());
    for _ in 3..30 {
        spawner.spawn(t().unwrap());
    }
    match ring::m().await {}
}
