//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//! qemu: -icount shift=0,sleep=off
//!
//! A 1 kHz control loop on `embassy_time::Ticker`, in `#[idle]` on the
//! thread-mode executor, for 100 periods, while a hardware generator task of
//! priority 2 preempts it over and over: it sleeps 3.3 ms
//! (`Timer::after_micros`, served at interrupt level), then keeps the core
//! busy for 0.4 ms (4 ticks). The loop reports how late each period's wake was: some are late
//! (the busy task runs first), none is missed (the Ticker's deadlines stay
//! on the 1 ms grid, and 100 periods end at exactly +1000 ticks).
//! `tick-hz-10_000`; QEMU's virtual clock (`-icount shift=0,sleep=off`).
#![no_std]
#![no_main]

use core::sync::atomic::AtomicU32;
use lull::tlsf::Tlsf;

#[lull::allocator(memory = 512)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

/// Runs of the busy hardware task (it is the only writer).
static BUSY_RUNS: AtomicU32 = AtomicU32::new(0);

#[cortex_m_rt::exception]
fn SysTick() {
    // SAFETY: this is the SysTick handler.
    unsafe { lull::time::on_tick() }
}

#[lull::app(device = lull_examples::device, executor = crate::X)]
mod app {
    use crate::BUSY_RUNS;
    use core::convert::Infallible;
    use core::future::Future;
    use core::sync::atomic::Ordering;
    use embassy_time::{Duration, Instant, Ticker, Timer};
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

    /// Sleeps 3.3 ms, then works 0.4 ms above Thread mode; forever.
    #[task(binds = SWI0, priority = 2)]
    fn busy(cx: busy::Context) -> impl Future<Output = Infallible> {
        async move {
            cx.next().await; // started by idle
            loop {
                Timer::after_micros(3_300).await;
                let until = Instant::now() + Duration::from_micros(400);
                while Instant::now() < until {}
                let runs = BUSY_RUNS.load(Ordering::Relaxed);
                BUSY_RUNS.store(runs + 1, Ordering::Relaxed);
            }
        }
    }

    #[idle]
    fn idle(cx: idle::Context) -> ! {
        let x = cx.executor;
        lull::app::pend(Interrupt::SWI0);
        let (end, late, latest) = x.block_on(async {
            let start = Instant::now();
            let mut ticker = Ticker::every(Duration::from_millis(1));
            let (mut late, mut latest) = (0, 0);
            for k in 1..=100u64 {
                ticker.next().await;
                // Ticks between this period's deadline and its wake.
                let behind = start.elapsed().as_ticks() - 10 * k;
                if behind > 0 {
                    late += 1;
                }
                latest = latest.max(behind);
            }
            (start.elapsed().as_ticks(), late, latest)
        });
        let runs = BUSY_RUNS.load(Ordering::Relaxed);
        println!("ticker: 100 periods, last at +{} ticks", end);
        println!("busy hardware task ran {} times", runs);
        println!(
            "late wakes: {} (latest {} ticks after its deadline)",
            late, latest
        );
        let missed = latest >= 10 || end != 1000;
        println!("missed periods: {}", if missed { "yes" } else { "none" });
        exit(if missed || runs < 20 { 1 } else { 0 })
    }
}
