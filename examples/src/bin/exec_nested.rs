//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//! exit: 1
//!
//! `block_on` inside `block_on` panics, with a message that says why: the
//! inner call could wait for a task that only the outer one runs. Spawn the
//! future and await its `JoinHandle` instead.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};

#[lull::allocator(memory = 2048)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

#[entry]
fn main() -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    let spawned = x.spawn(async { 1 });
    let one = x.block_on(spawned);
    println!("spawn + await: {}", one);
    x.block_on(async move {
        println!("outer block_on");
        let two = x.block_on(async { 2 });
        println!("unreachable: {}", two);
    });
    exit(0)
}
