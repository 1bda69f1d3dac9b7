//! `fanout` on RTIC 2: the leader and 10 workers (`bench_tasks::fanout`),
//! async tasks at one priority.
#![no_std]
#![no_main]

use bench_marker as _;

#[rtic::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use bench_tasks::fanout::{leader, worker};

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
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
        leader_task::spawn().ok();
        (Shared {}, Local {})
    }

    #[task(priority = 1)]
    async fn w0(_: w0::Context) {
        match worker(0).await {}
    }

    #[task(priority = 1)]
    async fn w1(_: w1::Context) {
        match worker(1).await {}
    }

    #[task(priority = 1)]
    async fn w2(_: w2::Context) {
        match worker(2).await {}
    }

    #[task(priority = 1)]
    async fn w3(_: w3::Context) {
        match worker(3).await {}
    }

    #[task(priority = 1)]
    async fn w4(_: w4::Context) {
        match worker(4).await {}
    }

    #[task(priority = 1)]
    async fn w5(_: w5::Context) {
        match worker(5).await {}
    }

    #[task(priority = 1)]
    async fn w6(_: w6::Context) {
        match worker(6).await {}
    }

    #[task(priority = 1)]
    async fn w7(_: w7::Context) {
        match worker(7).await {}
    }

    #[task(priority = 1)]
    async fn w8(_: w8::Context) {
        match worker(8).await {}
    }

    #[task(priority = 1)]
    async fn w9(_: w9::Context) {
        match worker(9).await {}
    }

    #[task(priority = 1)]
    async fn leader_task(_: leader_task::Context) {
        match leader(10).await {}
    }
}
