//! `task-overhead` on Lull's thread-mode executor: bytes of executor
//! bookkeeping per task beyond the future (`metric bytes`): the task header
//! (vtable, queue word, reference count) and its padding, for the ring's task
//! body. The allocator's own block header is not included (see
//! `lull-tlsf`). Also reports the bytes one such task takes from the heap in
//! total (`heap-bytes`: header + future + allocator block overhead).
#![no_std]
#![no_main]

use core::future::Future;

use bench_lull::tasks::yield_once as yield_now;
use bench_lull::{done, mark, metric};
use lull_alloc::ThreadModeAllocator;
use lull_executor::executor;
use lull_tlsf::Tlsf;

#[lull_alloc::allocator(memory = 1024)]
static A: Tlsf = Tlsf::new();

executor!(name = X, allocator = A);

fn overhead<F: Future>(_: &F) -> usize {
    lull_executor::raw::task_overhead::<F>()
}

async fn ring_task() {
    loop {
        mark!(0, "T");
        yield_now().await;
    }
}

#[cortex_m_rt::entry]
fn main() -> ! {
    let Some((x, a)) = X::get() else {
        unreachable!()
    };
    let task = ring_task();
    let bytes = overhead(&task);
    let before = a.statistics().used_bytes;
    let h = x.spawn(task);
    let heap = a.statistics().used_bytes - before;
    h.cancel();
    metric("bytes", bytes as u32);
    metric("heap-bytes", heap as u32);
    done()
}
