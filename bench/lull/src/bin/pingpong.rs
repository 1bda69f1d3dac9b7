//! `pingpong` on Lull: `bench_tasks::pingpong` over two embassy-sync
//! channels with the common mutex; ping is spawned, pong is the `block_on`
//! future.
#![no_std]
#![no_main]

use bench_lull::tasks::pingpong::{PING, PONG, ping, pong};

bench_lull::setup!(1024);

#[cortex_m_rt::entry]
fn main() -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    x.spawn(ping(&PING, &PONG));
    match x.block_on(pong(&PING, &PONG)) {}
}
