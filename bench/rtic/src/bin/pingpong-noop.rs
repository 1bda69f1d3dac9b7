//! `pingpong-noop` on RTIC 2: `pingpong` with `NoopRawMutex` channels.
#![no_std]
#![no_main]

use bench_marker as _;

#[rtic::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use bench_tasks::pingpong::{noop, ping, pong};

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
        // SAFETY: both tasks run at priority 1: they never preempt each other.
        let (to, back) = unsafe { noop() };
        match ping(to, back).await {}
    }

    #[task(priority = 1)]
    async fn pong_task(_: pong_task::Context) {
        // SAFETY: both tasks run at priority 1: they never preempt each other.
        let (to, back) = unsafe { noop() };
        match pong(to, back).await {}
    }
}
