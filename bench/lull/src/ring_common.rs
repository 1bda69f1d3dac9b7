//! The ring scenarios on Lull's thread-mode executor, shared by `ring`,
//! `ring30` and `ring300` (included with `#[path]`).
//!
//! `N` spawned tasks and the `block_on` future (as in the design's own
//! benchmark) each run `loop { marker; yield_now().await }`. The tasks run in
//! FIFO order: A, B, C, then the `N - 3` others, then the `block_on` future M,
//! then A again. Every task is marked, so every `FROM->TO` row is exactly one
//! task switch: A, B and C have markers of their own (`A->B` and `B->C` are
//! the switches the peers' rings report), the `N - 3` others share one body
//! and one marker `T` (one call site: LLVM cannot tell them apart, which is
//! the point: they are the same code at different addresses), so `T->T` is
//! the cost of a switch between two of them. A cost that does not depend on
//! the number of tasks shows as the same `A->B`, `B->C` and `T->T` in `ring`,
//! `ring30` and `ring300`.

use bench_lull::{done, mark};
use lull_executor::{executor, yield_now};
use lull_tlsf::Tlsf;

#[lull_alloc::allocator(lazy)]
static A: Tlsf = {
    static mut MEMORY: [u8; 24 * 1024] = [0; 24 * 1024];
    let mut tlsf = Tlsf::new();
    tlsf.extend(MEMORY).unwrap();
    tlsf
};

executor!(name = X, allocator = A);

const ROUNDS: u32 = 100;

pub fn run(n: usize) -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    x.spawn(async {
        for _ in 0..ROUNDS {
            mark!(0, "A");
            yield_now().await;
        }
        done()
    });
    x.spawn(async {
        loop {
            mark!(1, "B");
            yield_now().await;
        }
    });
    x.spawn(async {
        loop {
            mark!(2, "C");
            yield_now().await;
        }
    });
    for _ in 3..n {
        x.spawn(other());
    }
    x.block_on(async {
        loop {
            mark!(4, "M");
            yield_now().await;
        }
    })
}

async fn other() {
    loop {
        mark!(3, "T");
        yield_now().await;
    }
}
