//! `spawn` on Lull: the `block_on` future runs `bench_tasks::spawn::spawner`,
//! which spawns the trivial task (detached) and yields; the task runs,
//! completes and is freed; the spawner runs again. `S->X`: `spawn` (heap
//! allocation, header, queueing) to the task's first instruction; `X->S`:
//! completion and free back to the spawner; the cycle is the round trip.
#![no_std]
#![no_main]

use bench_lull::tasks::spawn::{spawner, trivial};

bench_lull::setup!(1024);

#[cortex_m_rt::entry]
fn main() -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    match x.block_on(spawner(|| drop(x.spawn(trivial())))) {}
}
