//! The cases of `coroutine.rs` (a separate file: stable Rust rejects the
//! `yield` syntax even in code that is configured out).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::task::{Poll, Waker};

use lull_alloc::allocator;
use lull_alloc::host::{TestHeap, in_exception, thread_mode};
use lull_executor::{r#await, coroutine, executor, yield_now};

thread_local! {
    static READY: Cell<bool> = const { Cell::new(false) };
    static SLEEPS: Cell<u32> = const { Cell::new(0) };
    static WAKER: RefCell<Option<Waker>> = const { RefCell::new(None) };
}

#[test]
fn bare_yield_lets_others_run_and_await_sleeps() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        let (x, _) = X::get().unwrap();
        let log: Rc<RefCell<Vec<&str>>> = Rc::default();
        let (l1, l2) = (log.clone(), log.clone());
        // The design's spelling: a generator task with bare `yield`s...
        let g = x.spawn(coroutine(
            #[coroutine]
            move || {
                l1.borrow_mut().push("G0");
                yield;
                l1.borrow_mut().push("G1");
                yield;
                l1.borrow_mut().push("G2");
                7
            },
        ));
        // ...next to an async task.
        x.spawn(async move {
            l2.borrow_mut().push("F0");
            yield_now().await;
            l2.borrow_mut().push("F1");
        });
        // `r#await!` on a future woken from a handler: the coroutine is not
        // polled while it waits (the executor sleeps; the "interrupt" wakes).
        lull_executor::host::set_sleep_hook::<X>(Some(|| {
            SLEEPS.with(|s| s.set(s.get() + 1));
            READY.with(|r| r.set(true));
            let w = WAKER
                .with(|w| w.borrow_mut().take())
                .expect("a registered waker");
            in_exception(17, || w.wake());
        }));
        let polls = Rc::new(Cell::new(0));
        let p = polls.clone();
        let l3 = log.clone();
        let out = x.block_on(coroutine(
            #[coroutine]
            static move || {
                let seven = r#await!(g);
                l3.borrow_mut().push("M got G");
                r#await!(std::future::poll_fn(|cx| {
                    p.set(p.get() + 1);
                    if READY.with(Cell::get) {
                        Poll::Ready(())
                    } else {
                        WAKER.with(|w| *w.borrow_mut() = Some(cx.waker().clone()));
                        Poll::Pending
                    }
                }));
                seven * 6
            },
        ));
        assert_eq!(out, 42);
        assert_eq!(*log.borrow(), ["G0", "F0", "G1", "F1", "G2", "M got G"]);
        assert_eq!((polls.get(), SLEEPS.with(Cell::get)), (2, 1));
    });
}
