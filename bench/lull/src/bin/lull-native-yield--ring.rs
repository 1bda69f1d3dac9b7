//! `ring` on Lull with Lull's own `yield_now` instead of the shared yield
//! future: the same four tasks and markers as `ring` (`bench_tasks::ring`),
//! the same FIFO order. A separate column (`lull-native-yield`), not part of
//! the comparison: the peers await the shared yield.
#![no_std]
#![no_main]

use bench_lull::{done, mark};
use lull_executor::yield_now;

bench_lull::setup!(1024);

#[cortex_m_rt::entry]
fn main() -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    x.spawn(async {
        for _ in 0..bench_lull::tasks::ROUNDS {
            mark!(0, "^A");
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
    x.block_on(async {
        loop {
            mark!(4, "M");
            yield_now().await;
        }
    })
}
