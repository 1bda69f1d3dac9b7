//! Lull on an STM32F411CE board (WeAct "black pill"; a Nucleo-F411RE needs
//! the `stm32f411re` feature, its button on PC13 and its LED on PA5).
//!
//! - `button`, a hardware task, is the EXTI0 interrupt: the KEY button
//!   pulls PA0 low;
//! - `idle` runs Lull's thread-mode executor: a spawned task blinks the
//!   LED (PC13) from embassy-time's timer (embassy-stm32's TIM driver), and
//!   `block_on` writes a line per press to USART1 (TX PA9, DMA2 stream 7)
//!   through `embedded_io_async::Write`, formatted into a `String` on the
//!   thread-mode heap;
//! - logs go through defmt over RTT: `cargo run --release` flashes with
//!   probe-rs and prints them.
#![no_std]
#![no_main]

use defmt_rtt as _;
use embassy_stm32::{bind_interrupts, dma, peripherals};
use embassy_sync::{blocking_mutex::raw::CriticalSectionRawMutex, signal::Signal};
use lull::tlsf::Tlsf;
use panic_probe as _;

// The thread-mode heap: `HEAP::get()` is `None` in every interrupt handler.
#[lull::allocator(memory = 8192)]
static HEAP: Tlsf = Tlsf::new();

lull::executor!(name = ThreadExecutor, allocator = HEAP);

// The UART's DMA interrupt handler (embassy-stm32's).
bind_interrupts!(struct Irqs {
    DMA2_STREAM7 => dma::InterruptHandler<peripherals::DMA2_CH7>;
});

/// The number of presses, from the EXTI0 task to idle.
static PRESSES: Signal<CriticalSectionRawMutex, u32> = Signal::new();

/// What `#[lull::app]` needs of the chip: its interrupts and NVIC priority
/// bits (stm32-metapac, through embassy-stm32) and its peripherals
/// (embassy-stm32's).
mod device {
    pub use embassy_stm32::Peripherals;
    pub use embassy_stm32::pac::{Interrupt, NVIC_PRIO_BITS};
}

#[lull::app(device = crate::device, executor = ThreadExecutor)]
mod app {
    use crate::{Irqs, PRESSES};
    use core::fmt::Write as _;
    use embassy_stm32::gpio::{Input, Level, Output, Pull, Speed};
    use embassy_stm32::mode::Async;
    use embassy_stm32::pac;
    use embassy_stm32::usart::{self, UartTx};
    use embassy_time::Timer;
    use embedded_io_async::Write as _;
    use lull::alloc::String;

    #[shared]
    struct Shared {}

    #[local]
    struct Local {
        uart: UartTx<'static, Async>,
        led: Output<'static>,
        button: Input<'static>,
    }

    #[init]
    fn init(_cx: init::Context) -> (Shared, Local) {
        // Clocks (HSI), the TIM time driver, and the peripherals.
        let p = embassy_stm32::init(Default::default());
        let button = Input::new(p.PA0, Pull::Up);
        // EXTI line 0 from port A, on the falling edge.
        pac::RCC.apb2enr().modify(|w| w.set_syscfgen(true));
        pac::SYSCFG.exticr(0).modify(|w| w.set_exti(0, 0));
        pac::EXTI.ftsr(0).modify(|w| w.set_line(0, true));
        pac::EXTI.imr(0).modify(|w| w.set_line(0, true));
        let led = Output::new(p.PC13, Level::High, Speed::Low);
        let uart = UartTx::new(p.USART1, p.PA9, p.DMA2_CH7, Irqs, usart::Config::default())
            .expect("USART1 configuration");
        defmt::info!("init: press KEY");
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

    // The EXTI0 interrupt, at priority 2: preempts idle at once.
    #[task(binds = EXTI0, priority = 2, local = [n: u32 = 0])]
    fn button(cx: button::Context) {
        pac::EXTI.pr(0).write(|w| w.set_line(0, true));
        *cx.local.n += 1;
        PRESSES.signal(*cx.local.n);
    }
}
