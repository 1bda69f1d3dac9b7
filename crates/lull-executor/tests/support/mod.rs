//! The recording harness shared by the executor's host tests: a log of
//! polls, wakes and pends (`sev`), scripted "interrupts" that run when the
//! executor sleeps (`wfe`), a simulated handler and a one-shot [`Gate`].
#![allow(dead_code)] // each test file uses its own part of it

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::rc::Rc;
use std::task::{Poll, Waker};

use lull_alloc::host::in_exception;

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// What the "interrupts" do when the executor goes to sleep, in order.
    static ON_SLEEP: RefCell<VecDeque<Box<dyn FnOnce()>>> = RefCell::new(VecDeque::new());
}

pub fn log(event: impl Into<String>) {
    LOG.with(|l| l.borrow_mut().push(event.into()));
}

pub fn take_log() -> Vec<String> {
    LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

/// The recording pender: `sev` of a handler's wake.
pub fn pend() {
    log("pend");
}

/// The sleep hook: runs the next scripted "interrupt" (logs nothing).
pub fn sleep() {
    let action = ON_SLEEP.with(|s| s.borrow_mut().pop_front());
    match action {
        Some(action) => action(),
        None => panic!("deadlock: the executor sleeps and no interrupt is scripted"),
    }
}

pub fn on_sleep(action: impl FnOnce() + 'static) {
    ON_SLEEP.with(|s| s.borrow_mut().push_back(Box::new(action)));
}

/// Clears the log and the script, and installs [`pend`] and `sleep_hook`
/// as executor `X`'s hooks.
pub fn setup_with<X: lull_executor::raw::ExecutorType>(sleep_hook: fn()) {
    take_log();
    ON_SLEEP.with(|s| s.borrow_mut().clear());
    lull_executor::host::set_pend_hook::<X>(Some(pend));
    lull_executor::host::set_sleep_hook::<X>(Some(sleep_hook));
}

/// Simulates an interrupt handler (IPSR = 16 + 1).
pub fn isr<R>(f: impl FnOnce() -> R) -> R {
    in_exception(17, f)
}

pub fn ev(events: &[&str]) -> Vec<String> {
    events.iter().map(|s| s.to_string()).collect()
}

/// A one-shot event: `wait()` completes once `set()` was called. Stores the
/// waiting task's waker like a driver would.
#[derive(Default)]
pub struct Gate {
    open: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl Gate {
    pub fn set(&self) {
        self.open.set(true);
        if let Some(w) = self.waker.borrow_mut().take() {
            w.wake();
        }
    }

    pub fn wait(self: &Rc<Self>, name: &'static str) -> impl Future<Output = ()> + use<> {
        let gate = self.clone();
        std::future::poll_fn(move |cx| {
            log(format!("poll {name}"));
            if gate.open.get() {
                Poll::Ready(())
            } else {
                *gate.waker.borrow_mut() = Some(cx.waker().clone());
                Poll::Pending
            }
        })
    }
}
