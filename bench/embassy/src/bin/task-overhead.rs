//! `task-overhead` on embassy-executor 0.10: bytes of executor bookkeeping
//! per task beyond the future (`metric bytes`): the size of the
//! `TaskStorage` that holds a task (its `TaskHeader`, padding included)
//! minus the size of the task's future, for the ring's task body. embassy
//! allocates `TaskStorage`s statically (one per task, in `.bss`), so there is
//! no allocator block header to add.
#![no_std]
#![no_main]

use core::future::Future;

use bench_marker::{done, mark, metric};
use bench_tasks::yield_once as yield_now;
use cortex_m as _; // links the single-core critical-section implementation
use embassy_executor::raw::TaskStorage;

async fn ring_task() {
    loop {
        mark!(0, "T");
        yield_now().await;
    }
}

fn overhead<F: Future + 'static>(_: &F) -> usize {
    size_of::<TaskStorage<F>>() - size_of::<F>()
}

#[cortex_m_rt::entry]
fn main() -> ! {
    metric("bytes", overhead(&ring_task()) as u32);
    done()
}
