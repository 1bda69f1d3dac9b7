//! boards: lm3s6965evb
//!
//! Lull's flagship demo (`cargo xtask demo`): a small sensor station that uses
//! every part of Lull at once.
//!
//! - **Thread-mode heap**: a TLSF allocator (`lull::tlsf`) behind a lazy
//!   `#[lull::allocator]` handle that exists only in thread mode.
//! - **Thread-mode executor**: `#[idle]` gets it (`executor = X`) and runs
//!   async tasks on that heap: `block_on` drives the station, a spawned task
//!   collects readings into a `Vec` and hands the count back through its
//!   `JoinHandle`.
//! - **Real-time tasks** (`#[lull::app]`): a hardware task `line` (priority 1)
//!   plays a UART that delivers a frame one byte per interrupt; a hardware
//!   *generator task* `parser` (priority 3) is resumed by each byte and keeps
//!   its parsing state in its `async` block; it spawns the software task
//!   `store` (priority 2) with each reading; `store` counts readings in a
//!   shared resource that idle reads under `lock` (SRP, BASEPRI ceiling 2).
//! - **Interrupts preempt async code**: every `pend` from idle runs `line`,
//!   `parser` and `store` to completion before idle's next instruction; the
//!   async tasks are woken through an `embassy-sync` channel (a standard
//!   `Waker`) and the executor sleeps when nothing is ready.
//!
//! At the end every byte of the heap is back and the answer is checked.
#![no_std]
#![no_main]

use embassy_sync::{blocking_mutex::raw::CriticalSectionRawMutex, channel::Channel};
use lull::tlsf::Tlsf;

#[lull::allocator(memory = 4096)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

/// Readings (tenths of a degree; `None`: a corrupt frame) from `store` to the
/// collector task in idle.
static READINGS: Channel<CriticalSectionRawMutex, Option<u16>, 4> = Channel::new();

/// Frames on the simulated wire: `0x7E, len, payload.., checksum` (wrapping
/// sum of the payload); the third one is corrupt.
const FRAMES: &[&[u8]] = &[
    &[0x7E, 2, 0, 215, 215],
    &[0x7E, 2, 0, 218, 218],
    &[0x7E, 2, 0, 99, 0],
    &[0x7E, 2, 0, 221, 221],
];

#[lull::app(device = lull_examples::device, dispatchers = [SWI4], executor = crate::X)]
mod app {
    use crate::{A, FRAMES, READINGS};
    use core::{convert::Infallible, future::Future};
    use lull::alloc::{ThreadModeAllocator, Vec};
    use lull::executor::yield_now;
    use lull_examples::device::Interrupt;
    use lull_examples::{exit, println};

    #[shared]
    struct Shared {
        /// The UART's receive register.
        rx: u8,
        /// Readings stored so far.
        stored: u32,
    }

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        println!("init: interrupts off; tasks line (1), store (2), parser (3); idle runs X on A");
        (Shared { rx: 0, stored: 0 }, Local {})
    }

    #[idle(shared = [stored])]
    fn idle(mut cx: idle::Context) -> ! {
        let (x, a) = (cx.executor, cx.allocator);
        let before = a.statistics();
        let mean = {
            let collector = x.spawn(async move {
                let mut readings: Vec<u16, A> = Vec::new_in(a);
                for _ in 0..FRAMES.len() {
                    match READINGS.receive().await {
                        Some(t) => {
                            readings.push(t);
                            println!("  collector: {} readings on the heap", readings.len());
                        }
                        None => println!("  collector: a frame was lost"),
                    }
                }
                let sum: u32 = readings.iter().map(|&t| u32::from(t)).sum();
                sum / readings.len() as u32
            });
            x.block_on(async move {
                for n in 1..=FRAMES.len() {
                    println!("idle: request frame {}", n);
                    lull::app::pend(Interrupt::SWI0);
                    // Let the other task run (FIFO: the collector, woken by
                    // `store`'s interrupt, is queued behind this yield).
                    yield_now().await;
                }
                collector.await
            })
        };
        let stored = cx.shared.stored.lock(|s| *s);
        println!(
            "idle: {} readings stored, mean {}.{} C",
            stored,
            mean / 10,
            mean % 10
        );
        let after = a.statistics();
        println!("idle: heap back to where it started: {}", after == before);
        exit(if after == before && stored == 3 && mean == 218 {
            0
        } else {
            1
        })
    }

    /// The wire: one frame per request, one byte per parser interrupt.
    #[task(binds = SWI0, priority = 1, shared = [rx], local = [next: usize = 0])]
    fn line(mut cx: line::Context) {
        let frame = FRAMES[*cx.local.next];
        *cx.local.next += 1;
        println!("  line: {} bytes", frame.len());
        for &byte in frame {
            cx.shared.rx.lock(|rx| *rx = byte);
            lull::app::pend(Interrupt::SWI1);
        }
    }

    /// A generator task: one resumption per received byte.
    #[task(binds = SWI1, priority = 3, shared = [rx], local = [frame: [u8; 4] = [0; 4]])]
    fn parser(cx: parser::Context) -> impl Future<Output = Infallible> {
        let parser::Context {
            shared,
            local,
            trigger,
        } = cx;
        let mut rx = shared.rx;
        let frame: &'static mut [u8; 4] = local.frame;
        async move {
            loop {
                trigger.next().await;
                if rx.lock(|rx| *rx) != 0x7E {
                    continue;
                }
                trigger.next().await;
                let len = usize::from(rx.lock(|rx| *rx)).min(frame.len());
                let mut sum = 0u8;
                for slot in frame.iter_mut().take(len) {
                    trigger.next().await;
                    *slot = rx.lock(|rx| *rx);
                    sum = sum.wrapping_add(*slot);
                }
                trigger.next().await;
                let reading = if rx.lock(|rx| *rx) == sum {
                    println!("    parser: frame ok");
                    Some(u16::from_be_bytes([frame[0], frame[1]]))
                } else {
                    println!("    parser: bad checksum, frame dropped");
                    None
                };
                if store::spawn(reading).is_err() {
                    println!("    parser: store queue full");
                }
            }
        }
    }

    /// A software task with an input, run by the SWI4 dispatcher.
    #[task(priority = 2, capacity = 2, shared = [stored])]
    fn store(mut cx: store::Context, reading: Option<u16>) {
        if reading.is_some() {
            cx.shared.stored.lock(|s| *s += 1);
        }
        println!("   store: {:?}", reading);
        if READINGS.try_send(reading).is_err() {
            println!("   store: channel full");
        }
    }
}
