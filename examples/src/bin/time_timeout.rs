//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//! qemu: -icount shift=0,sleep=off
//!
//! `embassy_time::with_timeout` in both kinds of Lull task. In `#[idle]`, on
//! the thread-mode executor: around a channel receive that never comes it
//! returns `Err(TimeoutError)` after its 10 ms; around one that a spawned
//! task serves after 4 ms it returns the value at +4 ms. In a hardware
//! generator task (handler mode): around `cx.next()`, the task's next
//! interrupt, which comes in time once and then not at all. The generator
//! task's timeout is served at interrupt level: the tick handler pends the
//! task's interrupt directly. Ticks: `tick-hz-10_000` (10 per ms), QEMU's
//! virtual clock (`-icount shift=0,sleep=off`).
#![no_std]
#![no_main]

use core::sync::atomic::AtomicU32;
use lull::tlsf::Tlsf;

#[lull::allocator(memory = 1024)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

/// Rounds finished by the generator task (read by idle).
static SENSOR_DONE: AtomicU32 = AtomicU32::new(0);

#[cortex_m_rt::exception]
fn SysTick() {
    // SAFETY: this is the SysTick handler.
    unsafe { lull::time::on_tick() }
}

#[lull::app(device = lull_examples::device, executor = crate::X)]
mod app {
    use crate::SENSOR_DONE;
    use core::convert::Infallible;
    use core::future::Future;
    use core::sync::atomic::Ordering;
    use embassy_sync::{blocking_mutex::raw::NoopRawMutex, channel::Channel};
    use embassy_time::{Duration, Instant, Timer, with_timeout};
    use lull::alloc::Rc;
    use lull_examples::device::Interrupt;
    use lull_examples::{CORE_CLOCK_HZ, exit, println};

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(cx: init::Context) -> (Shared, Local) {
        lull::time::init(cx.core.SYST, CORE_CLOCK_HZ);
        (Shared {}, Local {})
    }

    /// Waits for its interrupt with a 3 ms timeout, twice.
    #[task(binds = SWI0, priority = 1)]
    fn sensor(cx: sensor::Context) -> impl Future<Output = Infallible> {
        async move {
            // Armed by idle's first pend.
            cx.next().await;
            let armed = Instant::now();
            for _ in 0..2 {
                let r = with_timeout(Duration::from_millis(3), cx.next()).await;
                println!(
                    "  sensor (handler mode): {:?} at +{} ticks",
                    r,
                    armed.elapsed().as_ticks()
                );
                // The only writer (ARMv6-M has no `fetch_add`).
                let done = SENSOR_DONE.load(Ordering::Relaxed);
                SENSOR_DONE.store(done + 1, Ordering::Relaxed);
            }
            loop {
                cx.next().await;
            }
        }
    }

    #[idle]
    fn idle(cx: idle::Context) -> ! {
        let (x, a) = (cx.executor, cx.allocator);
        let ok = x.block_on(async move {
            let channel = Rc::new_in(Channel::<NoopRawMutex, u32, 1>::new(), a);
            let start = Instant::now();
            // Nobody sends: the timeout wins.
            let r = with_timeout(Duration::from_millis(10), channel.receive()).await;
            println!("idle: {:?} at +{} ticks", r, start.elapsed().as_ticks());
            let first = r.is_err() && start.elapsed().as_ticks() == 100;

            // A task sends after 4 ms: the value wins.
            let tx = channel.clone();
            x.spawn(async move {
                Timer::after_millis(4).await;
                tx.send(7).await;
            });
            let start = Instant::now();
            let r = with_timeout(Duration::from_millis(10), channel.receive()).await;
            println!("idle: {:?} at +{} ticks", r, start.elapsed().as_ticks());
            let second = r == Ok(7) && start.elapsed().as_ticks() == 40;

            // The generator task: armed, then an interrupt after 1 ms
            // (in time), then none (its 3 ms run out).
            lull::app::pend(Interrupt::SWI0);
            Timer::after_millis(1).await;
            lull::app::pend(Interrupt::SWI0);
            while SENSOR_DONE.load(Ordering::Relaxed) < 2 {
                Timer::after_millis(1).await;
            }
            first && second
        });
        println!("timers pending: {}", lull::time::pending());
        exit(if ok { 0 } else { 1 })
    }
}
