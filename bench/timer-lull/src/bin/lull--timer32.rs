//! `timer32` on Lull: `timer1` with 31 more timers pending (31 tasks
//! parked on deadlines that never come in the run), so the queue holds 32
//! timers at every tick. Same rows as `timer1`.
#![no_std]
#![no_main]

use bench_timer_lull::timer::{PARKED, parked, sleeper, take_sleeping};
use bench_timer_lull::{mark, sleep, start_time, until};
use cortex_m_rt::{entry, exception};

bench_timer_lull::setup!(8192);

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
    for i in 0..PARKED {
        x.spawn(parked(i, until));
    }
    match x.block_on(core::future::pending::<core::convert::Infallible>()) {}
}
