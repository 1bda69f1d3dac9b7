//! `spawn` on Lull's thread-mode executor: the `block_on` future spawns a
//! trivial detached task and yields; the task runs, completes and is freed;
//! the `block_on` future resumes. `spawn-complete` (marker `@spawn-complete`) is one such round trip:
//! allocation, header set-up and queueing, two task switches, completion,
//! and the free.
#![no_std]
#![no_main]

use bench_lull::{done, mark};
use lull_executor::{executor, yield_now};
use lull_tlsf::Tlsf;

#[lull_alloc::allocator(lazy)]
static A: Tlsf = {
    static mut MEMORY: [u8; 1024] = [0; 1024];
    let mut tlsf = Tlsf::new();
    tlsf.extend(MEMORY).unwrap();
    tlsf
};

executor!(name = X, allocator = A);

#[cortex_m_rt::entry]
fn main() -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    x.block_on(async {
        for _ in 0..100 {
            mark!(0, "@spawn-complete");
            drop(x.spawn(async {}));
            yield_now().await;
        }
        mark!(1, "/end");
        done()
    })
}
