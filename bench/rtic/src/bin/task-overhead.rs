//! `task-overhead` on RTIC 2: bytes of executor bookkeeping per async task
//! beyond the future (`metric bytes`): the size of the `AsyncTaskExecutor`
//! RTIC's macro generates for each async software task (a `static`, no heap)
//! minus the size of the task's future, for the ring's task body.
#![no_std]
#![no_main]

use core::future::Future;

use bench_marker::{done, mark, metric};
use lm3s6965 as _; // the device's interrupt vectors
use rtic::export::executor::AsyncTaskExecutor;

use bench_tasks::yield_once as yield_now;

async fn ring_task() {
    loop {
        mark!(0, "T");
        yield_now().await;
    }
}

fn overhead<F: Future + 'static>(_: &F) -> usize {
    size_of::<AsyncTaskExecutor<F>>() - size_of::<F>()
}

#[cortex_m_rt::entry]
fn main() -> ! {
    metric("bytes", overhead(&ring_task()) as u32);
    done()
}
