//! A Lull application: `#[lull::app]` tasks in interrupt handlers, and
//! async code on the thread-mode executor in `idle`, over a heap that only
//! thread mode can reach.
//!
//! `cargo run --release` runs it in QEMU (see `.cargo/config.toml`).
#![no_std]
#![no_main]

use cortex_m_semihosting::{debug, hprintln};
use lull::tlsf::Tlsf;

// The thread-mode heap, a TLSF over a 4 KiB block: `HEAP::get()` is `Some`
// in thread mode (`init`, `idle`) and `None` in every interrupt handler, so
// it needs no lock and never masks an interrupt.
#[lull::allocator(memory = 4096)]
static HEAP: Tlsf = Tlsf::new();

// The thread-mode executor: its tasks are boxed on `HEAP`.
lull::executor!(name = ThreadExecutor, allocator = HEAP);

// `device`: the chip's PAC; `dispatchers`: free interrupts that run
// software tasks; `executor`: hands `idle` the executor and heap handles.
#[lull::app(device = lm3s6965, dispatchers = [SSI0], executor = ThreadExecutor)]
mod app {
    use cortex_m_semihosting::hprintln;
    use lm3s6965::Interrupt;
    use lull::alloc::Vec;

    #[shared]
    struct Shared {
        presses: u32,
    }

    #[local]
    struct Local {}

    #[init]
    fn init(_cx: init::Context) -> (Shared, Local) {
        hprintln!("init");
        (Shared { presses: 0 }, Local {})
    }

    // Thread mode, priority 0: every task preempts it.
    #[idle(shared = [presses])]
    fn idle(mut cx: idle::Context) -> ! {
        let executor = cx.executor;
        let mut seen = Vec::new_in(cx.allocator);
        // A background task: "press the button" three times. On a board
        // the interrupt comes from the GPIO; here it is set pending.
        let presser = executor.spawn(async {
            for _ in 0..3 {
                lull::app::pend(Interrupt::GPIOA);
                lull::executor::yield_now().await;
            }
        });
        executor.block_on(async {
            presser.await;
        });
        let n = cx.shared.presses.lock(|p| *p);
        seen.push(n);
        hprintln!("idle: {} presses seen, kept in {:?}", n, seen.as_slice());
        crate::exit(true)
    }

    // A hardware task: the handler of interrupt GPIOA, at priority 2.
    #[task(binds = GPIOA, priority = 2, shared = [presses])]
    fn button(mut cx: button::Context) {
        let n = cx.shared.presses.lock(|p| {
            *p += 1;
            *p
        });
        hprintln!("button: press {}", n);
        // A software task, run by dispatcher SSI0 once this handler returns.
        report::spawn(n).ok();
    }

    // A software task at priority 1, with an input.
    #[task(priority = 1, capacity = 4)]
    fn report(_cx: report::Context, n: u32) {
        hprintln!("report: {} so far", n);
    }
}

/// Ends the program: QEMU exits with status 0 (`ok`) or 1.
fn exit(ok: bool) -> ! {
    debug::exit(if ok {
        debug::EXIT_SUCCESS
    } else {
        debug::EXIT_FAILURE
    });
    // Without a debugger (a real board) semihosting returns: wait here.
    loop {
        cortex_m::asm::wfi();
    }
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    hprintln!("{}", info);
    exit(false)
}
