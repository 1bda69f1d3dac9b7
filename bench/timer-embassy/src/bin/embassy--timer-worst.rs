//! `timer-worst` on embassy-executor + embassy-time: 32 tasks wait for
//! ticks 10 (8 of them) and 18..=41 (see `bench_tasks::timer::worst`).
#![no_std]
#![no_main]

use bench_timer_embassy::timer::{WORST, worst};
use bench_timer_embassy::{mark, on_tick, start_time, until};
use cortex_m_rt::exception;
use embassy_executor::Spawner;

#[exception]
fn SysTick() {
    mark!(0, "=tick");
    on_tick();
    mark!(1, "/tick-end");
}

#[embassy_executor::task(pool_size = WORST as usize)]
async fn worst_task(i: u32) {
    match worst(i, until).await {}
}

#[embassy_executor::main]
async fn main(spawner: Spawner) {
    start_time();
    bench_timer_embassy::timer::start_window();
    for i in 0..WORST {
        spawner.spawn(worst_task(i).unwrap());
    }
}
