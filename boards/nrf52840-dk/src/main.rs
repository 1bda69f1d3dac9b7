//! Lull on an nRF52840-DK.
//!
//! - `button`, a hardware task, is the GPIOTE interrupt: channel 0 raises
//!   it on the falling edge of Button 1 (P0.11);
//! - `idle` runs Lull's thread-mode executor: a spawned task blinks LED 1
//!   (P0.13) from embassy-time's timer (RTC1, embassy-nrf's driver), and
//!   `block_on` writes a line per press to the UART of the on-board
//!   debugger (VCOM: TX P0.06, RX P0.08) through `embedded_io_async::Write`,
//!   formatted into a `String` on the thread-mode heap;
//! - logs go through defmt over RTT: `cargo run --release` flashes with
//!   probe-rs and prints them.
#![no_std]
#![no_main]

use defmt_rtt as _;
use embassy_nrf::{bind_interrupts, peripherals, uarte};
use embassy_sync::{blocking_mutex::raw::CriticalSectionRawMutex, signal::Signal};
use lull::tlsf::Tlsf;
use panic_probe as _;

// The thread-mode heap: `HEAP::get()` is `None` in every interrupt handler.
#[lull::allocator(memory = 8192)]
static HEAP: Tlsf = Tlsf::new();

lull::executor!(name = ThreadExecutor, allocator = HEAP);

// The UART driver's interrupt handler (embassy-nrf's).
bind_interrupts!(struct Irqs {
    UARTE0 => uarte::InterruptHandler<peripherals::UARTE0>;
});

/// The number of presses, from the GPIOTE task to idle.
static PRESSES: Signal<CriticalSectionRawMutex, u32> = Signal::new();

/// What `#[lull::app]` needs of the chip: its interrupts and NVIC priority
/// bits (nrf-pac, through embassy-nrf) and its peripherals (embassy-nrf's).
mod device {
    pub use embassy_nrf::Peripherals;
    pub use embassy_nrf::pac::{Interrupt, NVIC_PRIO_BITS};
}

#[lull::app(device = crate::device, executor = ThreadExecutor)]
mod app {
    use crate::{Irqs, PRESSES};
    use core::fmt::Write as _;
    use embassy_nrf::gpio::{Input, Level, Output, OutputDrive, Pull};
    use embassy_nrf::pac::{self, gpiote::vals};
    use embassy_nrf::uarte::{self, Baudrate, Uarte};
    use embassy_time::Timer;
    use embedded_io_async::Write as _;
    use lull::alloc::String;

    #[shared]
    struct Shared {}

    #[local]
    struct Local {
        uart: Uarte<'static>,
        led: Output<'static>,
        button: Input<'static>,
    }

    #[init]
    fn init(_cx: init::Context) -> (Shared, Local) {
        // Clocks, the RTC1 time driver, and the peripherals.
        let p = embassy_nrf::init(Default::default());
        let button = Input::new(p.P0_11, Pull::Up);
        // GPIOTE channel 0: an event, and the interrupt, on the falling
        // edge of P0.11 (the button pulls it low).
        pac::GPIOTE.config(0).write(|w| {
            w.set_mode(vals::Mode::Event);
            w.set_psel(11);
            w.set_port(false);
            w.set_polarity(vals::Polarity::HiToLo);
        });
        pac::GPIOTE.intenset(0).write(|w| w.set_in_(0, true));
        let led = Output::new(p.P0_13, Level::High, OutputDrive::Standard);
        let mut config = uarte::Config::default();
        config.baudrate = Baudrate::Baud115200;
        let uart = Uarte::new(p.UARTE0, p.P0_08, p.P0_06, Irqs, config);
        defmt::info!("init: press Button 1");
        (Shared {}, Local { uart, led, button })
    }

    #[idle(local = [uart, led, button])]
    fn idle(cx: idle::Context) -> ! {
        let x = cx.executor;
        let alloc = cx.allocator;
        let idle::LocalResources {
            uart, led, button, ..
        } = cx.local;
        defmt::info!("idle: button level high = {}", button.is_high());
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

    // The GPIOTE interrupt, at priority 2: preempts idle at once.
    #[task(binds = GPIOTE, priority = 2, local = [n: u32 = 0])]
    fn button(cx: button::Context) {
        pac::GPIOTE.events_in(0).write_value(0);
        *cx.local.n += 1;
        PRESSES.signal(*cx.local.n);
    }
}
