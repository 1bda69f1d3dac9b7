//! `pingpong` on RTIC 2: `bench_tasks::pingpong` (common mutex), ping and
//! pong async tasks at one priority.
#![no_std]
#![no_main]

use bench_marker as _;

#[rtic::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use bench_tasks::pingpong::{PING, PONG, ping, pong};

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        ping_task::spawn().ok();
        pong_task::spawn().ok();
        (Shared {}, Local {})
    }

    #[task(priority = 1)]
    async fn ping_task(_: ping_task::Context) {
        match ping(&PING, &PONG).await {}
    }

    #[task(priority = 1)]
    async fn pong_task(_: pong_task::Context) {
        match pong(&PING, &PONG).await {}
    }
}
