//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! The thread-mode allocator's handle: `A::get()` returns a handle in Thread
//! mode (here `main`) and `None` in a handler (here PendSV), before and after
//! the lazy allocator is initialized. The initializer runs at the first
//! `get()` made in Thread mode, never in the handler.
#![no_std]
#![no_main]

use cortex_m::peripheral::SCB;
use cortex_m_rt::{entry, exception};
use lull::alloc::Vec;
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};
// Links the board's interrupt vectors (cortex-m-rt's `device` feature is on
// when a device crate is a dependency).

#[lull::allocator(lazy)]
static mut A: Tlsf = {
    // Becomes `MEMORY: &'static mut [u8; 1024]`, handed out once.
    static mut MEMORY: [u8; 1024] = [0; 1024];
    println!("initializing A");
    let mut tlsf = Tlsf::new();
    tlsf.extend(MEMORY).unwrap();
    tlsf
};

/// Pends PendSV and lets it run before returning.
fn pend() {
    SCB::set_pendsv();
    cortex_m::asm::dsb();
    cortex_m::asm::isb();
}

#[entry]
fn main() -> ! {
    println!("before A::get()");
    pend();

    let Some(a) = A::get() else {
        println!("unreachable: main runs in Thread mode");
        exit(2)
    };
    println!("after A::get(): {:?}", Some(a));
    pend();

    let mut xs: Vec<i32, A> = Vec::new_in(a);
    xs.extend([1, 2, 3]);
    println!("{:?} in a Vec of {} bytes", xs, core::mem::size_of_val(&xs));
    exit(0)
}

#[exception]
fn PendSV() {
    println!("PendSV({:?})", A::get());
}
