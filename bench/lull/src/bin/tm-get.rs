//! `tm-get` on Lull: the fast path of a thread-mode allocator's `get()`, in
//! Thread mode. Rows: `eager` is an eager allocator's `get()` (the
//! Thread-mode test: `mrs`, `lsls`, branch), `lazy` a lazy allocator's
//! `get()` after its initialization (`mrs`, `ldr`, `ldrb`, `orrs`, branch).
//! Each is used by branching on it, as code using the handle would.
#![no_std]
#![no_main]

use bench_lull::{done, mark};
use cortex_m_rt::entry;
use lull::tlsf::Tlsf;

#[lull::allocator]
static EAGER: Tlsf = Tlsf::new();

#[lull::allocator(lazy)]
static LAZY: Tlsf = {
    static mut MEMORY: [u8; 256] = [0; 256];
    let mut tlsf = Tlsf::new();
    tlsf.extend(MEMORY).unwrap();
    tlsf
};

#[inline(never)]
#[cold]
fn not_thread_mode() -> ! {
    panic!("get() returned None in Thread mode")
}

/// Kept out of line so that nothing of it is scheduled before the last marker.
#[inline(never)]
fn finish() -> ! {
    done()
}

#[entry]
fn main() -> ! {
    // Initialize the lazy allocator outside the measured interval.
    if LAZY::get().is_none() {
        not_thread_mode();
    }
    mark!(0, "@eager");
    if EAGER::get().is_none() {
        not_thread_mode();
    }
    mark!(1, "@lazy");
    if LAZY::get().is_none() {
        not_thread_mode();
    }
    mark!(2, "end");
    finish()
}
