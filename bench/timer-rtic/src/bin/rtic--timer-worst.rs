//! `timer-worst` on RTIC 2 + rtic-monotonics: 32 software tasks wait for
//! ticks 10 (8 of them) and 18..=41 (see `bench_tasks::timer::worst`).
//! RTIC 2 has no task pools: the 32 are declared one by one.
#![no_std]
#![no_main]

use bench_timer_rtic::{mark, on_tick};
use cortex_m_rt::exception;

#[exception]
fn SysTick() {
    mark!(0, "=tick");
    on_tick();
    mark!(1, "/tick-end");
}

#[rtic::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use bench_timer_rtic::{start_time, timer::worst, until};

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(cx: init::Context) -> (Shared, Local) {
        start_time(cx.core.SYST);
        bench_timer_rtic::timer::start_window();
        w0::spawn().ok();
        w1::spawn().ok();
        w2::spawn().ok();
        w3::spawn().ok();
        w4::spawn().ok();
        w5::spawn().ok();
        w6::spawn().ok();
        w7::spawn().ok();
        w8::spawn().ok();
        w9::spawn().ok();
        w10::spawn().ok();
        w11::spawn().ok();
        w12::spawn().ok();
        w13::spawn().ok();
        w14::spawn().ok();
        w15::spawn().ok();
        w16::spawn().ok();
        w17::spawn().ok();
        w18::spawn().ok();
        w19::spawn().ok();
        w20::spawn().ok();
        w21::spawn().ok();
        w22::spawn().ok();
        w23::spawn().ok();
        w24::spawn().ok();
        w25::spawn().ok();
        w26::spawn().ok();
        w27::spawn().ok();
        w28::spawn().ok();
        w29::spawn().ok();
        w30::spawn().ok();
        w31::spawn().ok();
        (Shared {}, Local {})
    }

    #[task(priority = 1)]
    async fn w0(_: w0::Context) {
        match worst(0, until).await {}
    }

    #[task(priority = 1)]
    async fn w1(_: w1::Context) {
        match worst(1, until).await {}
    }

    #[task(priority = 1)]
    async fn w2(_: w2::Context) {
        match worst(2, until).await {}
    }

    #[task(priority = 1)]
    async fn w3(_: w3::Context) {
        match worst(3, until).await {}
    }

    #[task(priority = 1)]
    async fn w4(_: w4::Context) {
        match worst(4, until).await {}
    }

    #[task(priority = 1)]
    async fn w5(_: w5::Context) {
        match worst(5, until).await {}
    }

    #[task(priority = 1)]
    async fn w6(_: w6::Context) {
        match worst(6, until).await {}
    }

    #[task(priority = 1)]
    async fn w7(_: w7::Context) {
        match worst(7, until).await {}
    }

    #[task(priority = 1)]
    async fn w8(_: w8::Context) {
        match worst(8, until).await {}
    }

    #[task(priority = 1)]
    async fn w9(_: w9::Context) {
        match worst(9, until).await {}
    }

    #[task(priority = 1)]
    async fn w10(_: w10::Context) {
        match worst(10, until).await {}
    }

    #[task(priority = 1)]
    async fn w11(_: w11::Context) {
        match worst(11, until).await {}
    }

    #[task(priority = 1)]
    async fn w12(_: w12::Context) {
        match worst(12, until).await {}
    }

    #[task(priority = 1)]
    async fn w13(_: w13::Context) {
        match worst(13, until).await {}
    }

    #[task(priority = 1)]
    async fn w14(_: w14::Context) {
        match worst(14, until).await {}
    }

    #[task(priority = 1)]
    async fn w15(_: w15::Context) {
        match worst(15, until).await {}
    }

    #[task(priority = 1)]
    async fn w16(_: w16::Context) {
        match worst(16, until).await {}
    }

    #[task(priority = 1)]
    async fn w17(_: w17::Context) {
        match worst(17, until).await {}
    }

    #[task(priority = 1)]
    async fn w18(_: w18::Context) {
        match worst(18, until).await {}
    }

    #[task(priority = 1)]
    async fn w19(_: w19::Context) {
        match worst(19, until).await {}
    }

    #[task(priority = 1)]
    async fn w20(_: w20::Context) {
        match worst(20, until).await {}
    }

    #[task(priority = 1)]
    async fn w21(_: w21::Context) {
        match worst(21, until).await {}
    }

    #[task(priority = 1)]
    async fn w22(_: w22::Context) {
        match worst(22, until).await {}
    }

    #[task(priority = 1)]
    async fn w23(_: w23::Context) {
        match worst(23, until).await {}
    }

    #[task(priority = 1)]
    async fn w24(_: w24::Context) {
        match worst(24, until).await {}
    }

    #[task(priority = 1)]
    async fn w25(_: w25::Context) {
        match worst(25, until).await {}
    }

    #[task(priority = 1)]
    async fn w26(_: w26::Context) {
        match worst(26, until).await {}
    }

    #[task(priority = 1)]
    async fn w27(_: w27::Context) {
        match worst(27, until).await {}
    }

    #[task(priority = 1)]
    async fn w28(_: w28::Context) {
        match worst(28, until).await {}
    }

    #[task(priority = 1)]
    async fn w29(_: w29::Context) {
        match worst(29, until).await {}
    }

    #[task(priority = 1)]
    async fn w30(_: w30::Context) {
        match worst(30, until).await {}
    }

    #[task(priority = 1)]
    async fn w31(_: w31::Context) {
        match worst(31, until).await {}
    }
}
