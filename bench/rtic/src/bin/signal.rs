//! `signal` on RTIC 2: `bench_tasks::signal`, signaller and waiter async
//! tasks at one priority.
#![no_std]
#![no_main]

use bench_marker as _;

#[rtic::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use bench_tasks::signal::{signaller, waiter};

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        signaller_task::spawn().ok();
        waiter_task::spawn().ok();
        (Shared {}, Local {})
    }

    #[task(priority = 1)]
    async fn signaller_task(_: signaller_task::Context) {
        match signaller().await {}
    }

    #[task(priority = 1)]
    async fn waiter_task(_: waiter_task::Context) {
        match waiter().await {}
    }
}
