//! `ring` on **no executor at all**: the floor under every executor's ring.
//!
//! Three tasks with the same bodies as every other `ring`
//! (`loop { marker; yield_now().await }`, Lull's `yield_now`) are polled in
//! a fixed round robin through one function pointer each, with a waker whose
//! `wake_by_ref` does nothing (and is inlined away). There is no run queue,
//! no wake bookkeeping, no interrupt inbox, no sleep: what is left is what
//! polling a Rust `async` task through type erasure costs — the task's
//! suspend (state store, return), the loop loading the next task, the
//! indirect call, and the task's resume (prologue, state dispatch, the
//! awaited future's own check). A real executor can only add to this figure,
//! so it bounds from below any `ring` `switch` in the same run.
#![no_std]
#![no_main]

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, RawWaker, RawWakerVTable, Waker};

use bench_lull::{done, mark};
use lull_executor::yield_now;

const ROUNDS: u32 = 100;

static NOOP: RawWakerVTable = RawWakerVTable::new(clone, noop, noop, noop);

fn clone(p: *const ()) -> RawWaker {
    RawWaker::new(p, &NOOP)
}

fn noop(_: *const ()) {}

/// Polls the future of type `F` at `p`, with the no-op waker.
///
/// # Safety
///
/// `p` points to a pinned `F`.
unsafe fn poll_one<F: Future>(p: *mut ()) {
    // SAFETY: the vtable's functions ignore the data pointer.
    let waker = unsafe { Waker::from_raw(RawWaker::new(p, &NOOP)) };
    let mut cx = Context::from_waker(&waker);
    // SAFETY: `p` points to a pinned `F` (caller).
    let _ = unsafe { Pin::new_unchecked(&mut *p.cast::<F>()) }.poll(&mut cx);
}

fn erase<F: Future>(f: Pin<&mut F>) -> (unsafe fn(*mut ()), *mut ()) {
    // SAFETY: the pointer is only used through `poll_one::<F>`, pinned.
    let p: *mut F = unsafe { f.get_unchecked_mut() };
    (poll_one::<F>, p.cast())
}

#[cortex_m_rt::entry]
fn main() -> ! {
    let a = core::pin::pin!(async {
        for _ in 0..ROUNDS {
            mark!(0, "A");
            yield_now().await;
        }
        done()
    });
    let b = core::pin::pin!(async {
        loop {
            mark!(1, "B");
            yield_now().await;
        }
    });
    let c = core::pin::pin!(async {
        loop {
            mark!(2, "C");
            yield_now().await;
        }
    });
    let tasks = [erase(a), erase(b), erase(c)];
    loop {
        for &(poll, p) in &tasks {
            // SAFETY: each entry is a pinned future with its own poll function.
            unsafe { poll(p) };
        }
    }
}
