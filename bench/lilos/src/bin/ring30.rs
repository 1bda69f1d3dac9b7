//! `ring30` on lilos 1.3: A, B, C, 27 copies of T and M
//! (`bench_tasks::ring`) in one task array run by `run_tasks`. lilos keeps
//! one wake bit per task index modulo 32.
#![no_std]
#![no_main]

use bench_marker as _;
use bench_tasks::ring;
use core::convert::Infallible;
use core::future::Future;
use core::pin::Pin;
use cortex_m_rt::entry;
use lilos::exec::{ALL_TASKS, run_tasks};

const N: usize = 30 + 1;

#[entry]
fn main() -> ! {
    let (mut a, mut b, mut c, mut m) = (ring::a(), ring::b(), ring::c(), ring::m());
    let mut t: [_; N - 4] = core::array::from_fn(|_| ring::t());
    let mut all = [
        &mut a as &mut dyn Future<Output = Infallible>,
        &mut b,
        &mut c,
    ]
    .into_iter()
    .chain(
        t.iter_mut()
            .map(|f| f as &mut dyn Future<Output = Infallible>),
    )
    .chain([&mut m as &mut dyn Future<Output = Infallible>]);
    let mut tasks: [Pin<&mut dyn Future<Output = Infallible>>; N] = core::array::from_fn(|_| {
        // SAFETY: every future lives in `main`'s frame, which never returns,
        // and is never moved or used again other than through this pin.
        unsafe { Pin::new_unchecked(all.next().unwrap()) }
    });
    run_tasks(&mut tasks, ALL_TASKS)
}
