//! boards: lm3s6965evb microbit
//! qemu: -icount shift=0,sleep=off
//!
//! The time driver's worst cases, to measure in a QEMU instruction trace
//! (see crates/lull-time/README.md): 32 thread-mode tasks wait on timers at
//! once (the queue holds 32 wakers), 8 of them with the same deadline (one
//! tick expires 8 timers), the other 24 one tick apart. Each schedule masks
//! the timer's users for one queue insertion; each tick handler pops and
//! wakes its expired timers without masking. The output only checks that
//! every timer fired at its tick, in order.
#![no_std]
#![no_main]

use core::cell::Cell;
use cortex_m_rt::{entry, exception};
use embassy_time::{Duration, Instant, Timer};
use lull::alloc::{Rc, ThreadModeAllocator};
use lull::tlsf::Tlsf;
use lull_examples::{CORE_CLOCK_HZ, exit, println};

#[lull::allocator(memory = 3072)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

#[exception]
fn SysTick() {
    // SAFETY: this is the SysTick handler.
    unsafe { lull::time::on_tick() }
}

#[entry]
fn main() -> ! {
    let cp = cortex_m::Peripherals::take().unwrap();
    lull::time::init(cp.SYST, CORE_CLOCK_HZ);
    let Some((x, a)) = X::get() else {
        unreachable!()
    };
    let heap = a.statistics();
    let start = Instant::now() + Duration::from_ticks(1);
    // (fired, out of order, late)
    let log = Rc::new_in((Cell::new(0u32), Cell::new(0u32), Cell::new(0u32)), a);
    let last = Rc::new_in(Cell::new(0u64), a);
    for i in 0..32u64 {
        let (log, last) = (log.clone(), last.clone());
        x.spawn(async move {
            let deadline = start + Duration::from_ticks(if i < 8 { 10 } else { 10 + i });
            Timer::at(deadline).await;
            let now = Instant::now();
            log.0.set(log.0.get() + 1);
            if deadline.as_ticks() < last.get() {
                log.1.set(log.1.get() + 1);
            }
            if now != deadline {
                log.2.set(log.2.get() + 1);
            }
            last.set(deadline.as_ticks());
        });
    }
    let (fired, unordered, late) = x.block_on(async {
        while log.0.get() < 32 {
            println!("waiting: {} timers", lull::time::pending());
            Timer::after(Duration::from_ticks(50)).await;
        }
        (log.0.get(), log.1.get(), log.2.get())
    });
    println!(
        "fired {} of 32, {} out of order, {} late",
        fired, unordered, late
    );
    drop((log, last));
    let ok = fired == 32 && unordered == 0 && late == 0 && a.statistics() == heap;
    println!("heap back to start: {}", a.statistics() == heap);
    exit(if ok { 0 } else { 1 })
}
