//! `irq-wake` on Lull: the spawned task runs `bench_tasks::irq::waiter`
//! (arm SysTick, await a `Signal`); the `block_on` future never completes,
//! so the executor sleeps until SysTick's handler signals. `irq->task`:
//! from the handler's marker, right before `signal`, to the task's first
//! instruction after its `await` (the wake, the exception return, the
//! executor's wake-up and the poll).
#![no_std]
#![no_main]

use bench_lull::tasks::irq;
use cortex_m_rt::exception;

bench_lull::setup!(1024);

#[cortex_m_rt::entry]
fn main() -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    x.spawn(irq::waiter());
    x.block_on(core::future::pending::<()>());
    unreachable!()
}

#[exception]
fn SysTick() {
    irq::on_irq();
}
