//! Monotonic timers: where a generator task's `started` instant comes from.
//!
//! The app names one with `#[lull::app(.., monotonic = path::To::Timer)]`;
//! every generator task then has `cx.started()`, the instant its handler was
//! entered for the current resumption (and, in its constructor, the instant
//! it was built).
//!
//! Two are provided:
//!
//! - `EmbassyTime` (feature `embassy-time`, on with `lull`'s `time` and
//!   `time-driver` features): `embassy_time::Instant`, the clock of
//!   `Timer`, `Ticker` and `with_timeout`, whichever driver runs it (Lull's
//!   SysTick driver or a HAL's). One notion of time for the whole
//!   application: a generator task can compare `cx.started()` with a
//!   deadline it awaits. Resolution: one embassy-time tick.
//! - [`SysTick`]: [`Ticks`] of the core clock, for cycle-exact latency
//!   measurements (the RFC's baseline). It runs SysTick as a free-running
//!   24-bit counter with its interrupt off, so it cannot share SysTick with a
//!   time driver; it stays because a tick of any time driver is hundreds of
//!   cycles, too coarse to measure a handler's response.

/// A free-running timer.
///
/// ```
/// use lull_app::monotonic::{Monotonic, Ticks};
///
/// /// A timer that always reads 7 (for a host test).
/// struct Fixed;
/// impl Monotonic for Fixed {
///     type Instant = Ticks;
///     fn now() -> Ticks {
///         Ticks(7)
///     }
/// }
/// assert_eq!(Fixed::now().since(Ticks(5)), 2);
/// ```
pub trait Monotonic {
    /// A point in time.
    type Instant: Copy;
    /// The current time.
    fn now() -> Self::Instant;
}

/// Ticks of the 24-bit SysTick counter (core clock cycles; with QEMU's
/// `-icount` they count instructions and are deterministic).
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ticks(pub u32);

impl Ticks {
    /// Ticks elapsed from `earlier` to `self`, modulo 2²⁴.
    ///
    /// ```
    /// use lull_app::monotonic::Ticks;
    /// assert_eq!(Ticks(3).since(Ticks(0xFF_FFFE)), 5);
    /// ```
    pub const fn since(self, earlier: Ticks) -> u32 {
        self.0.wrapping_sub(earlier.0) & 0xFF_FFFF
    }
}

/// SysTick as a free-running up-counter of core clock cycles (wraps every
/// 2²⁴ cycles). Call [`SysTick::start`] in `init`.
///
/// ```ignore
/// #[init]
/// fn init(mut cx: init::Context) -> (Shared, Local) {
///     lull::app::monotonic::SysTick::start(&mut cx.core.SYST);
///     // ..
/// }
/// ```
pub struct SysTick;

const RELOAD: u32 = 0x00FF_FFFF;

impl SysTick {
    /// Starts the counter from 0 on the core clock, without its interrupt.
    pub fn start(syst: &mut cortex_m::peripheral::SYST) {
        use cortex_m::peripheral::syst::SystClkSource;
        syst.disable_counter();
        syst.disable_interrupt();
        syst.set_clock_source(SystClkSource::Core);
        syst.set_reload(RELOAD);
        syst.clear_current();
        syst.enable_counter();
    }
}

impl Monotonic for SysTick {
    type Instant = Ticks;
    #[inline(always)]
    fn now() -> Ticks {
        Ticks(RELOAD - cortex_m::peripheral::SYST::get_current())
    }
}

/// `embassy_time::Instant` as a monotonic timer: `cx.started()` on the same
/// clock as `Timer::after` and `with_timeout`.
///
/// ```ignore
/// #[lull::app(device = pac, monotonic = lull::app::monotonic::EmbassyTime)]
/// mod app {
///     #[task(binds = UART0, priority = 2)]
///     fn rx(cx: rx::Context) -> impl Future<Output = Infallible> {
///         async move {
///             loop {
///                 cx.next().await;
///                 let deadline = cx.started() + embassy_time::Duration::from_millis(5);
///                 embassy_time::Timer::at(deadline).await;
///             }
///         }
///     }
/// }
/// ```
#[cfg(feature = "embassy-time")]
pub struct EmbassyTime;

#[cfg(feature = "embassy-time")]
impl Monotonic for EmbassyTime {
    type Instant = embassy_time::Instant;
    #[inline(always)]
    fn now() -> embassy_time::Instant {
        embassy_time::Instant::now()
    }
}
