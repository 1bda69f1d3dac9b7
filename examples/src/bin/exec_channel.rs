//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! Futures from other crates run unchanged: an `embassy-sync` channel (with
//! its no-op mutex: every task is in Thread mode) between a producer and a
//! consumer task, and `embassy-sync`'s `Signal` to report back. Only
//! woken tasks are polled, and the wakers are standard `core::task::Waker`s.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};

use embassy_sync::blocking_mutex::raw::NoopRawMutex;
use embassy_sync::channel::Channel;
use embassy_sync::signal::Signal;
use lull::alloc::Rc;

#[lull::allocator(memory = 2048)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

#[entry]
fn main() -> ! {
    let Some((x, a)) = X::get() else {
        unreachable!()
    };
    let channel = Rc::new_in(Channel::<NoopRawMutex, u32, 2>::new(), a);
    let done = Rc::new_in(Signal::<NoopRawMutex, u32>::new(), a);

    let rx = channel.clone();
    let report = done.clone();
    x.spawn(async move {
        let mut sum = 0;
        loop {
            let v = rx.receive().await;
            println!("consumer: {}", v);
            if v == 0 {
                break;
            }
            sum += v;
        }
        report.signal(sum);
    });
    let tx = channel.clone();
    x.spawn(async move {
        for v in [3, 1, 4, 1, 5, 0] {
            tx.send(v).await;
            println!("producer: sent {}", v);
        }
    });
    let sum = x.block_on(done.wait());
    println!("sum {}", sum);
    exit(0)
}
