//! `irq-wake` on embassy-executor 0.10: the `main` task runs
//! `bench_tasks::irq::waiter`; the executor sleeps (`wfe`) until SysTick's
//! handler signals.
#![no_std]
#![no_main]

use bench_tasks::irq;
use cortex_m as _; // links the single-core critical-section implementation
use cortex_m_rt::exception;
use embassy_executor::Spawner;

#[embassy_executor::main]
async fn main(_spawner: Spawner) {
    match irq::waiter().await {}
}

#[exception]
fn SysTick() {
    irq::on_irq();
}
