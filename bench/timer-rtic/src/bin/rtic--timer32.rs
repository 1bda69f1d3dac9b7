//! `timer32` on RTIC 2 + rtic-monotonics: `timer1` with 31 more software
//! tasks parked on deadlines that never come in the run (32 timers pending
//! at every tick). RTIC 2 has no task pools: the 31 are declared one by one.
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
    use bench_timer_rtic::{sleep, start_time, timer::parked, timer::sleeper, until};

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(cx: init::Context) -> (Shared, Local) {
        start_time(cx.core.SYST);
        bench_timer_rtic::timer::start_window();
        sleeper_task::spawn().ok();
        p0::spawn().ok();
        p1::spawn().ok();
        p2::spawn().ok();
        p3::spawn().ok();
        p4::spawn().ok();
        p5::spawn().ok();
        p6::spawn().ok();
        p7::spawn().ok();
        p8::spawn().ok();
        p9::spawn().ok();
        p10::spawn().ok();
        p11::spawn().ok();
        p12::spawn().ok();
        p13::spawn().ok();
        p14::spawn().ok();
        p15::spawn().ok();
        p16::spawn().ok();
        p17::spawn().ok();
        p18::spawn().ok();
        p19::spawn().ok();
        p20::spawn().ok();
        p21::spawn().ok();
        p22::spawn().ok();
        p23::spawn().ok();
        p24::spawn().ok();
        p25::spawn().ok();
        p26::spawn().ok();
        p27::spawn().ok();
        p28::spawn().ok();
        p29::spawn().ok();
        p30::spawn().ok();
        (Shared {}, Local {})
    }

    #[task(priority = 1)]
    async fn sleeper_task(_: sleeper_task::Context) {
        match sleeper(sleep).await {}
    }

    #[task(priority = 1)]
    async fn p0(_: p0::Context) {
        match parked(0, until).await {}
    }

    #[task(priority = 1)]
    async fn p1(_: p1::Context) {
        match parked(1, until).await {}
    }

    #[task(priority = 1)]
    async fn p2(_: p2::Context) {
        match parked(2, until).await {}
    }

    #[task(priority = 1)]
    async fn p3(_: p3::Context) {
        match parked(3, until).await {}
    }

    #[task(priority = 1)]
    async fn p4(_: p4::Context) {
        match parked(4, until).await {}
    }

    #[task(priority = 1)]
    async fn p5(_: p5::Context) {
        match parked(5, until).await {}
    }

    #[task(priority = 1)]
    async fn p6(_: p6::Context) {
        match parked(6, until).await {}
    }

    #[task(priority = 1)]
    async fn p7(_: p7::Context) {
        match parked(7, until).await {}
    }

    #[task(priority = 1)]
    async fn p8(_: p8::Context) {
        match parked(8, until).await {}
    }

    #[task(priority = 1)]
    async fn p9(_: p9::Context) {
        match parked(9, until).await {}
    }

    #[task(priority = 1)]
    async fn p10(_: p10::Context) {
        match parked(10, until).await {}
    }

    #[task(priority = 1)]
    async fn p11(_: p11::Context) {
        match parked(11, until).await {}
    }

    #[task(priority = 1)]
    async fn p12(_: p12::Context) {
        match parked(12, until).await {}
    }

    #[task(priority = 1)]
    async fn p13(_: p13::Context) {
        match parked(13, until).await {}
    }

    #[task(priority = 1)]
    async fn p14(_: p14::Context) {
        match parked(14, until).await {}
    }

    #[task(priority = 1)]
    async fn p15(_: p15::Context) {
        match parked(15, until).await {}
    }

    #[task(priority = 1)]
    async fn p16(_: p16::Context) {
        match parked(16, until).await {}
    }

    #[task(priority = 1)]
    async fn p17(_: p17::Context) {
        match parked(17, until).await {}
    }

    #[task(priority = 1)]
    async fn p18(_: p18::Context) {
        match parked(18, until).await {}
    }

    #[task(priority = 1)]
    async fn p19(_: p19::Context) {
        match parked(19, until).await {}
    }

    #[task(priority = 1)]
    async fn p20(_: p20::Context) {
        match parked(20, until).await {}
    }

    #[task(priority = 1)]
    async fn p21(_: p21::Context) {
        match parked(21, until).await {}
    }

    #[task(priority = 1)]
    async fn p22(_: p22::Context) {
        match parked(22, until).await {}
    }

    #[task(priority = 1)]
    async fn p23(_: p23::Context) {
        match parked(23, until).await {}
    }

    #[task(priority = 1)]
    async fn p24(_: p24::Context) {
        match parked(24, until).await {}
    }

    #[task(priority = 1)]
    async fn p25(_: p25::Context) {
        match parked(25, until).await {}
    }

    #[task(priority = 1)]
    async fn p26(_: p26::Context) {
        match parked(26, until).await {}
    }

    #[task(priority = 1)]
    async fn p27(_: p27::Context) {
        match parked(27, until).await {}
    }

    #[task(priority = 1)]
    async fn p28(_: p28::Context) {
        match parked(28, until).await {}
    }

    #[task(priority = 1)]
    async fn p29(_: p29::Context) {
        match parked(29, until).await {}
    }

    #[task(priority = 1)]
    async fn p30(_: p30::Context) {
        match parked(30, until).await {}
    }
}
