//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! An interrupt-driven protocol parser written as one hardware generator
//! task. A UART-like receiver is simulated by the lower-priority task
//! `line`, which puts one byte at a time in the `rx` register and pends the
//! parser's interrupt. Frames are `0x7E, len, payload.., checksum` (the
//! checksum is the wrapping sum of the payload); the parser's state lives in
//! its `async` block and in its `&'static mut` frame buffer.
#![no_std]
#![no_main]

#[lull::app(device = lull_examples::device)]
mod app {
    use core::convert::Infallible;
    use core::future::Future;
    use lull_examples::device::Interrupt;
    use lull_examples::{exit, println};

    const WIRE: &[u8] = &[
        0x00, 0x7E, 3, b'a', b'b', b'c', 0x26, // noise, then a good frame
        0x7E, 2, 1, 2, 9, // bad checksum
        0x7E, 9, // too long: dropped, resynchronises
        0x7E, 1, b'z', b'z', // good
    ];

    #[shared]
    struct Shared {
        rx: u8,
    }

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        lull::app::pend(Interrupt::SWI0);
        (Shared { rx: 0 }, Local {})
    }

    /// The "wire": delivers one byte per parser interrupt.
    #[task(binds = SWI0, priority = 1, shared = [rx])]
    fn line(mut cx: line::Context) {
        for &byte in WIRE {
            cx.shared.rx.lock(|rx| *rx = byte);
            lull::app::pend(Interrupt::SWI1);
        }
        println!("line idle");
        exit(0)
    }

    /// The parser: one resumption per received byte.
    #[task(binds = SWI1, priority = 2, shared = [rx], local = [frame: [u8; 8] = [0; 8]])]
    fn parser(cx: parser::Context) -> impl Future<Output = Infallible> {
        let parser::Context {
            shared,
            local,
            trigger,
        } = cx;
        let mut rx = shared.rx;
        let frame: &'static mut [u8; 8] = local.frame;
        async move {
            // Suspends until the next byte arrives, then reads it.
            macro_rules! byte {
                () => {{
                    trigger.next().await;
                    rx.lock(|rx| *rx)
                }};
            }
            let mut b = byte!();
            loop {
                if b != 0x7E {
                    println!("skip {:#04x}", b);
                    b = byte!();
                    continue;
                }
                let len = byte!();
                if usize::from(len) > frame.len() - 1 || len == 0x7E {
                    println!("bad length {}", len);
                    b = byte!();
                    continue;
                }
                let mut sum = 0u8;
                for slot in frame.iter_mut().take(usize::from(len)) {
                    *slot = byte!();
                    sum = sum.wrapping_add(*slot);
                }
                let check = byte!();
                let payload = &frame[..usize::from(len)];
                if check == sum {
                    println!(
                        "frame {:?}",
                        core::str::from_utf8(payload).unwrap_or("<binary>")
                    );
                } else {
                    println!("checksum {:#04x} != {:#04x} for {:?}", check, sum, payload);
                }
                b = byte!();
            }
        }
    }
}
