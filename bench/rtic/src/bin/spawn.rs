//! `spawn` on RTIC 2: the async task `spawner_task` runs
//! `bench_tasks::spawn::spawner`, which spawns the software task `trivial_task`
//! (same priority; RTIC's tasks are static: a spawn marks it ready and pends
//! the dispatcher).
#![no_std]
#![no_main]

use bench_marker as _;

#[rtic::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use bench_tasks::spawn::{spawner, trivial};

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        spawner_task::spawn().ok();
        (Shared {}, Local {})
    }

    #[task(priority = 1)]
    async fn spawner_task(_: spawner_task::Context) {
        match spawner(|| assert!(trivial_task::spawn().is_ok())).await {}
    }

    #[task(priority = 1)]
    async fn trivial_task(_: trivial_task::Context) {
        trivial().await
    }
}
