//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! `max_spawned_tasks = 2`: a third `try_spawn` fails and gives the future
//! back; `spawn` would panic naming the limit. A finished task frees its
//! place.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};

#[lull::allocator(memory = 2048)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A, max_spawned_tasks = 2);

#[entry]
fn main() -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    let one = x.spawn(async { 1 });
    let two = x.spawn(async { 2 });
    let three = match x.try_spawn(async { 3 }) {
        Ok(_) => unreachable!(),
        Err(e) => {
            println!("try_spawn: {}", e);
            e.into_future()
        }
    };
    println!("tasks: {} of {}", x.live_tasks(), x.capacity());
    let sum = x.block_on(async { one.await + two.await });
    println!("after they finish: {} of {}", x.live_tasks(), x.capacity());
    let three = x.try_spawn(three).ok().unwrap();
    println!("sum: {}", sum + x.block_on(three));
    exit(0)
}
