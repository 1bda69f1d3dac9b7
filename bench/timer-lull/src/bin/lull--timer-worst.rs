//! `timer-worst` on Lull: 32 tasks wait for ticks 10 (8 of them: one tick
//! expires 8 timers) and 18..=41. Rows `tick-worst` / `tick-mean` (the
//! `SysTick` handler, from its first instruction to its last marker) and
//! the masked sections (`masked-*`), see `bench_tasks::timer`.
#![no_std]
#![no_main]

use bench_timer_lull::timer::{WORST, worst};
use bench_timer_lull::{mark, start_time, until};
use cortex_m_rt::{entry, exception};

bench_timer_lull::setup!(8192);

#[exception]
fn SysTick() {
    mark!(0, "=tick");
    // SAFETY: this is the SysTick handler.
    unsafe { lull_time::on_tick() }
    mark!(1, "/tick-end");
}

#[entry]
fn main() -> ! {
    start_time();
    bench_timer_lull::timer::start_window();
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    for i in 0..WORST {
        x.spawn(worst(i, until));
    }
    match x.block_on(core::future::pending::<core::convert::Infallible>()) {}
}
