//! Lull on a Raspberry Pi Pico (RP2040, Cortex-M0+).
//!
//! - `button`, a hardware task, is the PIO0_IRQ_1 interrupt: a PIO state
//!   machine watches GPIO15 (a button to GND; the Pico has no user button)
//!   and raises it on each falling edge. (embassy-rp defines the GPIO
//!   interrupt, IO_IRQ_BANK0, for its own async inputs, so a hardware task
//!   cannot bind it; a PIO program is the RP2040's other edge detector.)
//! - `idle` runs Lull's thread-mode executor: a spawned task blinks the LED
//!   (GPIO25) from embassy-time's timer (embassy-rp's TIMER driver), and
//!   `block_on` writes a line per press to UART0 (TX GPIO0) through
//!   `embedded_io_async::Write`, formatted into a `String` on the
//!   thread-mode heap;
//! - logs go through defmt over RTT: `cargo run --release` flashes with
//!   probe-rs and prints them.
#![no_std]
#![no_main]

use defmt_rtt as _;
use embassy_rp::{bind_interrupts, peripherals, pio, uart};
use embassy_sync::{blocking_mutex::raw::CriticalSectionRawMutex, signal::Signal};
use lull::tlsf::Tlsf;
use panic_probe as _;

// The thread-mode heap: `HEAP::get()` is `None` in every interrupt handler.
#[lull::allocator(memory = 8192)]
static HEAP: Tlsf = Tlsf::new();

lull::executor!(name = ThreadExecutor, allocator = HEAP);

// embassy-rp's interrupt handlers: the PIO driver's and the UART's.
bind_interrupts!(struct Irqs {
    PIO0_IRQ_0 => pio::InterruptHandler<peripherals::PIO0>;
    UART0_IRQ => uart::BufferedInterruptHandler<peripherals::UART0>;
});

/// The number of presses, from the PIO task to idle.
static PRESSES: Signal<CriticalSectionRawMutex, u32> = Signal::new();

/// What `#[lull::app]` needs of the chip: its interrupts and NVIC priority
/// bits (rp-pac, through embassy-rp) and its peripherals (embassy-rp's).
mod device {
    pub use embassy_rp::Peripherals;
    pub use embassy_rp::pac::{Interrupt, NVIC_PRIO_BITS};
}

#[lull::app(device = crate::device, executor = ThreadExecutor)]
mod app {
    use crate::{Irqs, PRESSES};
    use core::fmt::Write as _;
    use embassy_rp::gpio::{Level, Output, Pull};
    use embassy_rp::pac;
    use embassy_rp::peripherals::PIO0;
    use embassy_rp::pio::{Common, Config, Pio, StateMachine};
    use embassy_rp::uart::{self, BufferedUartTx};
    use embassy_time::Timer;
    use embedded_io_async::Write as _;
    use lull::alloc::String;

    #[shared]
    struct Shared {}

    #[local]
    struct Local {
        uart: BufferedUartTx,
        led: Output<'static>,
        // Kept alive: dropping them would stop the edge detector.
        pio: (Common<'static, PIO0>, StateMachine<'static, PIO0, 0>),
    }

    #[init(local = [tx_buf: [u8; 64] = [0; 64]])]
    fn init(cx: init::Context) -> (Shared, Local) {
        // Clocks, the TIMER time driver, and the peripherals.
        let p = embassy_rp::init(Default::default());
        let Pio {
            mut common,
            mut sm0,
            ..
        } = Pio::new(p.PIO0, Irqs);
        // Wait for the pin high (released), then low (pressed); raise IRQ
        // flag 0; again.
        let program = pio::pio_asm!(
            ".wrap_target",
            "wait 1 pin 0",
            "wait 0 pin 0",
            "irq 0",
            ".wrap",
        );
        let loaded = common.load_program(&program.program);
        let mut pin = common.make_pio_pin(p.PIN_15);
        pin.set_pull(Pull::Up);
        let mut config = Config::default();
        config.use_program(&loaded, &[]);
        config.set_in_pins(&[&pin]);
        sm0.set_config(&config);
        // IRQ flag 0 (state machine 0) drives the PIO0_IRQ_1 line.
        pac::PIO0.irqs(1).inte().modify(|w| w.set_sm0(true));
        sm0.set_enable(true);
        let led = Output::new(p.PIN_25, Level::Low);
        let uart = BufferedUartTx::new(
            p.UART0,
            Irqs,
            p.PIN_0,
            cx.local.tx_buf,
            uart::Config::default(),
        );
        defmt::info!("init: press the button on GPIO15");
        (
            Shared {},
            Local {
                uart,
                led,
                pio: (common, sm0),
            },
        )
    }

    #[idle(local = [uart, led, pio])]
    fn idle(cx: idle::Context) -> ! {
        let x = cx.executor;
        let alloc = cx.allocator;
        let idle::LocalResources { uart, led, .. } = cx.local;
        x.spawn(async move {
            loop {
                led.toggle();
                Timer::after_millis(500).await;
            }
        });
        x.block_on(async move {
            loop {
                let n = PRESSES.wait().await;
                let mut line = String::new_in(alloc);
                write!(line, "button: press {n}\r\n").ok();
                if uart.write_all(line.as_bytes()).await.is_err() {
                    defmt::warn!("uart: write failed");
                }
                defmt::info!("press {}", n);
            }
        })
    }

    // The PIO0_IRQ_1 interrupt, at priority 2: preempts idle at once.
    #[task(binds = PIO0_IRQ_1, priority = 2, local = [n: u32 = 0])]
    fn button(cx: button::Context) {
        // Clear IRQ flag 0 (write 1 to clear).
        pac::PIO0.irq().write(|w| w.set_irq(1));
        *cx.local.n += 1;
        PRESSES.signal(*cx.local.n);
    }
}
