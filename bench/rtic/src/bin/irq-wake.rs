//! `irq-wake` on RTIC 2: the async task `waiter_task` (priority 1) runs
//! `bench_tasks::irq::waiter`; the hardware task bound to SysTick
//! (priority 2) signals. RTIC's idle loop sleeps meanwhile.
#![no_std]
#![no_main]

use bench_marker as _;

#[rtic::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use bench_tasks::irq;

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        waiter_task::spawn().ok();
        (Shared {}, Local {})
    }

    #[task(priority = 1)]
    async fn waiter_task(_: waiter_task::Context) {
        match irq::waiter().await {}
    }

    #[task(binds = SysTick, priority = 2)]
    fn tick(_: tick::Context) {
        irq::on_irq();
    }
}
