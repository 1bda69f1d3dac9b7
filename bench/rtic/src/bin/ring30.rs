//! `ring30` on RTIC 2: 31 async software tasks at one priority (one
//! dispatcher) running `bench_tasks::ring`: A, B, C, 27 copies of T, M, each
//! `loop { marker; shared yield }`. Every yield goes through RTIC's
//! dispatcher.
//! (Generated: RTIC declares every task by hand, one per copy.)
#![no_std]
#![no_main]

use bench_marker as _;

#[rtic::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use bench_tasks::ring;

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        a::spawn().ok();
        b::spawn().ok();
        c::spawn().ok();
        t0::spawn().ok();
        t1::spawn().ok();
        t2::spawn().ok();
        t3::spawn().ok();
        t4::spawn().ok();
        t5::spawn().ok();
        t6::spawn().ok();
        t7::spawn().ok();
        t8::spawn().ok();
        t9::spawn().ok();
        t10::spawn().ok();
        t11::spawn().ok();
        t12::spawn().ok();
        t13::spawn().ok();
        t14::spawn().ok();
        t15::spawn().ok();
        t16::spawn().ok();
        t17::spawn().ok();
        t18::spawn().ok();
        t19::spawn().ok();
        t20::spawn().ok();
        t21::spawn().ok();
        t22::spawn().ok();
        t23::spawn().ok();
        t24::spawn().ok();
        t25::spawn().ok();
        t26::spawn().ok();
        m::spawn().ok();
        (Shared {}, Local {})
    }

    #[task(priority = 1)]
    async fn a(_: a::Context) {
        match ring::a().await {}
    }

    #[task(priority = 1)]
    async fn b(_: b::Context) {
        match ring::b().await {}
    }

    #[task(priority = 1)]
    async fn c(_: c::Context) {
        match ring::c().await {}
    }

    #[task(priority = 1)]
    async fn t0(_: t0::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t1(_: t1::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t2(_: t2::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t3(_: t3::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t4(_: t4::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t5(_: t5::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t6(_: t6::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t7(_: t7::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t8(_: t8::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t9(_: t9::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t10(_: t10::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t11(_: t11::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t12(_: t12::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t13(_: t13::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t14(_: t14::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t15(_: t15::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t16(_: t16::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t17(_: t17::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t18(_: t18::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t19(_: t19::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t20(_: t20::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t21(_: t21::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t22(_: t22::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t23(_: t23::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t24(_: t24::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t25(_: t25::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t26(_: t26::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn m(_: m::Context) {
        match ring::m().await {}
    }
}
