//! `irq-wake` on Lull's thread-mode executor: SysTick fires while the
//! executor sleeps (no task ready); its handler wakes the one task that
//! waits for it. `irq->task` counts from the handler's marker, right before
//! the wake, to the task's first instruction after its `.await` returns:
//! the handler's wake (claim, inbox push, `sev`), the exception return, the
//! executor taking the inbox, and the poll.
#![no_std]
#![no_main]

use core::cell::UnsafeCell;
use core::future::poll_fn;
use core::mem::MaybeUninit;
use core::sync::atomic::{AtomicBool, Ordering};
use core::task::{Poll, Waker};

use bench_lull::{done, mark};
use cortex_m::peripheral::syst::SystClkSource;
use cortex_m_rt::exception;
use lull_executor::executor;
use lull_tlsf::Tlsf;

#[lull_alloc::allocator(lazy)]
static A: Tlsf = {
    static mut MEMORY: [u8; 512] = [0; 512];
    let mut tlsf = Tlsf::new();
    tlsf.extend(MEMORY).unwrap();
    tlsf
};

executor!(name = X, allocator = A);

static FIRED: AtomicBool = AtomicBool::new(false);
/// The task's waker, written once by the task before `REGISTERED`.
static WAKER: WakerCell = WakerCell(UnsafeCell::new(MaybeUninit::uninit()));
static REGISTERED: AtomicBool = AtomicBool::new(false);

struct WakerCell(UnsafeCell<MaybeUninit<Waker>>);
// SAFETY: written once in Thread mode before `REGISTERED` is set (Release);
// the handler reads it only after seeing `REGISTERED` (Acquire).
unsafe impl Sync for WakerCell {}

#[cortex_m_rt::entry]
fn main() -> ! {
    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    x.spawn(async {
        for _ in 0..50 {
            poll_fn(|cx| {
                if FIRED.load(Ordering::Relaxed) {
                    FIRED.store(false, Ordering::Relaxed);
                    return Poll::Ready(());
                }
                if !REGISTERED.load(Ordering::Relaxed) {
                    // SAFETY: see `WakerCell`; written once.
                    unsafe { (*WAKER.0.get()).write(cx.waker().clone()) };
                    REGISTERED.store(true, Ordering::Release);
                }
                Poll::Pending
            })
            .await;
            mark!(1, "/task");
        }
        done()
    });
    let mut syst = cortex_m::Peripherals::take().unwrap().SYST;
    syst.set_clock_source(SystClkSource::Core);
    syst.set_reload(0x00ff_ffff);
    syst.clear_current();
    syst.enable_interrupt();
    syst.enable_counter();
    x.block_on(core::future::pending::<()>());
    done()
}

#[exception]
fn SysTick() {
    if REGISTERED.load(Ordering::Acquire) {
        FIRED.store(true, Ordering::Relaxed);
        mark!(0, "@irq->task");
        // SAFETY: initialized (REGISTERED), never written again.
        unsafe { (*WAKER.0.get()).assume_init_ref() }.wake_by_ref();
    }
}
