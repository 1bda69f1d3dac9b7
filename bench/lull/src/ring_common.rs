//! The ring scenarios on Lull's thread-mode executor, shared by `ring`,
//! `ring30` and `ring300` (included with `#[path]`).
//!
//! `n` spawned tasks and the `block_on` future run the ring bodies of
//! `bench_tasks::ring` (every system runs the same bodies and the same yield
//! future): A, B, C, `n - 3` copies of T, and M as the `block_on` future.
//! Lull runs them in FIFO order, so a cycle is A, B, C, T…, M.

use bench_lull::tasks::ring;

bench_lull::setup!(24576);

pub fn run(n: usize) -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    x.spawn(ring::a());
    x.spawn(ring::b());
    x.spawn(ring::c());
    for _ in 3..n {
        x.spawn(ring::t());
    }
    match x.block_on(ring::m()) {}
}
