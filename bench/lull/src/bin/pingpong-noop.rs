//! `pingpong-noop` on Lull: `pingpong` with `NoopRawMutex` channels.
#![no_std]
#![no_main]

use bench_lull::tasks::pingpong::{noop, ping, pong};

bench_lull::setup!(1024);

#[cortex_m_rt::entry]
fn main() -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    // SAFETY: both tasks run on this one thread-mode executor.
    let (to, back) = unsafe { noop() };
    x.spawn(ping(to, back));
    match x.block_on(pong(to, back)) {}
}
