//! `timer1` on Lull: one task sleeps one tick, 50 times; nothing else is
//! pending. Rows `timer-wake` (from `SysTick`'s first instruction to the
//! task's first instruction after its `Timer::after_ticks(1).await`) and
//! `timer-schedule` (from before `Timer::after_ticks(1).await` to the
//! timer future's `Pending`), see `bench_tasks::timer`.
#![no_std]
#![no_main]

use bench_timer_lull::timer::{sleeper, take_sleeping};
use bench_timer_lull::{mark, sleep, start_time};
use cortex_m_rt::{entry, exception};

bench_timer_lull::setup!(2048);

#[exception]
fn SysTick() {
    if take_sleeping() {
        mark!(0, "@timer-wake");
    }
    // SAFETY: this is the SysTick handler.
    unsafe { lull_time::on_tick() }
}

#[entry]
fn main() -> ! {
    start_time();
    bench_timer_lull::timer::start_window();
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    x.spawn(sleeper(sleep));
    match x.block_on(core::future::pending::<core::convert::Infallible>()) {}
}
