//! `signal` on Lull: `bench_tasks::signal`; the signaller is spawned, the
//! waiter is the `block_on` future.
#![no_std]
#![no_main]

use bench_lull::tasks::signal::{signaller, waiter};

bench_lull::setup!(1024);

#[cortex_m_rt::entry]
fn main() -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    x.spawn(signaller());
    match x.block_on(waiter()) {}
}
