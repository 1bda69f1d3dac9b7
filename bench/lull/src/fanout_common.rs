//! `fanout` on Lull (included with `#[path]` by `fanout` and `fanout100`):
//! `n` spawned workers and the leader as the `block_on` future, all
//! `bench_tasks::fanout`.

use bench_lull::tasks::fanout::{leader, worker};

bench_lull::setup!(16384);

pub fn run(n: usize) -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    for i in 0..n {
        x.spawn(worker(i));
    }
    match x.block_on(leader(n)) {}
}
