//! `irq-wake` on lilos 1.3: one task runs `bench_tasks::irq::waiter`;
//! lilos sleeps (`wfi`) until SysTick's handler signals.
#![no_std]
#![no_main]

use bench_marker as _;
use bench_tasks::irq;
use core::pin::pin;
use cortex_m_rt::entry;
use cortex_m_rt::exception;
use lilos::exec::{ALL_TASKS, run_tasks};

#[entry]
fn main() -> ! {
    run_tasks(&mut [pin!(irq::waiter())], ALL_TASKS)
}

#[exception]
fn SysTick() {
    irq::on_irq();
}
