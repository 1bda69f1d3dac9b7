//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! Tasks share a `RefCell`, not a mutex: every task runs in Thread mode, one
//! at a time, so no `Send` bound and no lock are needed, and a borrow is
//! never held across an `.await` here.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};

use core::cell::RefCell;
use lull::executor::yield_now;

#[lull::allocator(memory = 2048)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

#[entry]
fn main() -> ! {
    static SHARED: Shared = Shared(RefCell::new(0));
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    let shared: &'static RefCell<u64> = &SHARED.0;
    x.spawn(async move {
        loop {
            println!("{}", shared.borrow());
            yield_now().await;
        }
    });
    x.block_on(async move {
        *shared.borrow_mut() += 1;
        yield_now().await;
        *shared.borrow_mut() += 1;
        yield_now().await;
    });
    exit(0)
}

/// A `RefCell` in a `static`: only Thread mode uses it (through the
/// executor), so sharing it is sound although `RefCell` is not `Sync`.
struct Shared(RefCell<u64>);
// SAFETY: only Thread mode (this program's `main` and its tasks) touches it.
unsafe impl Sync for Shared {}
