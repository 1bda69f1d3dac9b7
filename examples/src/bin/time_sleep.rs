//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//! qemu: -icount shift=0,sleep=off
//!
//! `embassy_time::Timer` on Lull's thread-mode executor: three tasks sleep
//! 30, 10 and 20 ms and print in deadline order with the ticks elapsed
//! (`tick-hz-10_000`: 10 ticks per ms). `block_on`'s own future sleeps too,
//! and a driver written against `embedded_hal_async::delay::DelayNs` gets
//! `embassy_time::Delay`. The time driver is `lull::time` on SysTick; QEMU's
//! virtual clock (`-icount shift=0,sleep=off`) makes the output identical
//! on every run.
#![no_std]
#![no_main]

use cortex_m_rt::{entry, exception};
use embassy_time::{Delay, Duration, Instant, Timer};
use embedded_hal_async::delay::DelayNs;
use lull::alloc::ThreadModeAllocator;
use lull::tlsf::Tlsf;
use lull_examples::{CORE_CLOCK_HZ, exit, println};

#[lull::allocator(memory = 2048)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

/// A driver in the style of embedded-hal-async: generic over the delay.
struct Sensor<D: DelayNs> {
    delay: D,
}

impl<D: DelayNs> Sensor<D> {
    /// Triggers a conversion, waits the 2 ms it takes, reads the result.
    async fn measure(&mut self) -> u32 {
        self.delay.delay_ms(2).await;
        42
    }
}

#[entry]
fn main() -> ! {
    let cp = cortex_m::Peripherals::take().unwrap();
    lull::time::init(cp.SYST, CORE_CLOCK_HZ);
    let Some((x, a)) = X::get() else {
        unreachable!()
    };
    let heap = a.statistics();
    let start = Instant::now();

    let mut tasks = [30u64, 10, 20].map(|ms| {
        x.spawn(async move {
            Timer::after_millis(ms).await;
            let t = start.elapsed().as_ticks();
            println!("task {} ms: woke at +{} ticks", ms, t);
            t
        })
    });
    let (woken, sensor) = x.block_on(async {
        // The block_on future sleeps as well, while the tasks run.
        Timer::after(Duration::from_micros(5_500)).await;
        println!("block_on: woke at +{} ticks", start.elapsed().as_ticks());
        let mut woken = [0; 3];
        for (w, t) in woken.iter_mut().zip(tasks.iter_mut()) {
            *w = t.await;
        }
        let before = Instant::now();
        let value = Sensor { delay: Delay }.measure().await;
        (woken, (value, before.elapsed().as_ticks()))
    });
    drop(tasks);
    let ok = woken == [300, 100, 200] && sensor.1 == 20 && a.statistics() == heap;
    println!("deadlines met: {:?}", woken == [300, 100, 200]);
    println!("sensor: {} after {} ticks", sensor.0, sensor.1);
    println!("timers pending: {}", lull::time::pending());
    println!("tasks alive: {}", x.live_tasks());
    println!("heap back to start: {}", a.statistics() == heap);
    exit(if ok { 0 } else { 1 })
}

#[exception]
fn SysTick() {
    // SAFETY: this is the SysTick handler.
    unsafe { lull::time::on_tick() }
}
