//! `ring` on RTIC 2: 4 async software tasks at one priority (one
//! dispatcher) running `bench_tasks::ring`: A, B, C,  M, each
//! `loop { marker; shared yield }`. Every yield goes through RTIC's
//! dispatcher.
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
    async fn m(_: m::Context) {
        match ring::m().await {}
    }
}
