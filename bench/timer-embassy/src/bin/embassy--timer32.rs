//! `timer32` on embassy-executor + embassy-time: `timer1` with 31 more
//! tasks parked on deadlines that never come in the run (32 timers
//! pending at every tick).
#![no_std]
#![no_main]

use bench_timer_embassy::timer::{PARKED, parked, sleeper, take_sleeping};
use bench_timer_embassy::{mark, on_tick, sleep, start_time, until};
use cortex_m_rt::exception;
use embassy_executor::Spawner;

#[exception]
fn SysTick() {
    if take_sleeping() {
        mark!(0, "@timer-wake");
    }
    on_tick();
}

#[embassy_executor::task(pool_size = PARKED as usize)]
async fn parked_task(i: u32) {
    match parked(i, until).await {}
}

#[embassy_executor::main]
async fn main(spawner: Spawner) {
    start_time();
    bench_timer_embassy::timer::start_window();
    for i in 0..PARKED {
        spawner.spawn(parked_task(i).unwrap());
    }
    match sleeper(sleep).await {}
}
