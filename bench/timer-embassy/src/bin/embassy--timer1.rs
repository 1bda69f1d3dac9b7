//! `timer1` on embassy-executor + embassy-time: the `main` task sleeps one
//! tick, 50 times; nothing else is pending (see `bench_tasks::timer` and
//! `bench/timer-lull/src/bin/lull--timer1.rs`).
#![no_std]
#![no_main]

use bench_timer_embassy::timer::{sleeper, take_sleeping};
use bench_timer_embassy::{mark, on_tick, sleep, start_time};
use cortex_m_rt::exception;
use embassy_executor::Spawner;

#[exception]
fn SysTick() {
    if take_sleeping() {
        mark!(0, "@timer-wake");
    }
    on_tick();
}

#[embassy_executor::main]
async fn main(_spawner: Spawner) {
    start_time();
    bench_timer_embassy::timer::start_window();
    match sleeper(sleep).await {}
}
