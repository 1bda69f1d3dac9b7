//! `timer1` on RTIC 2 + rtic-monotonics: one async software task sleeps
//! one tick, 50 times; nothing else is pending (see `bench_tasks::timer`).
#![no_std]
#![no_main]

use bench_timer_rtic::timer::take_sleeping;
use bench_timer_rtic::{mark, on_tick};
use cortex_m_rt::exception;

#[exception]
fn SysTick() {
    if take_sleeping() {
        mark!(0, "@timer-wake");
    }
    on_tick();
}

#[rtic::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use bench_timer_rtic::{sleep, start_time, timer::sleeper};

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(cx: init::Context) -> (Shared, Local) {
        start_time(cx.core.SYST);
        bench_timer_rtic::timer::start_window();
        sleeper_task::spawn().ok();
        (Shared {}, Local {})
    }

    #[task(priority = 1)]
    async fn sleeper_task(_: sleeper_task::Context) {
        match sleeper(sleep).await {}
    }
}
