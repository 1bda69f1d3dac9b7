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

/// Issue #11 item 6: the context `r#await!` reads is one global on
/// Cortex-M, so a coroutine task polled in a handler would race with one
/// polled in Thread mode. Polling one in a handler panics naming the rule.
#[test]
fn coroutine_task_polled_in_a_handler_panics_with_the_rule() {
    use std::future::Future;
    use std::panic::{AssertUnwindSafe, catch_unwind};
    thread_mode(|| {
        let mut task = std::pin::pin!(coroutine(
            #[coroutine]
            || {
                yield;
            }
        ));
        let mut cx = std::task::Context::from_waker(Waker::noop());
        let p = catch_unwind(AssertUnwindSafe(|| {
            in_exception(17, || task.as_mut().poll(&mut cx))
        }))
        .unwrap_err();
        let msg = p.downcast_ref::<&str>().copied().unwrap_or_default();
        assert!(msg.contains("Thread mode only"), "{msg}");
        // In Thread mode it runs.
        assert!(task.as_mut().poll(&mut cx).is_pending());
        assert!(task.as_mut().poll(&mut cx).is_ready());
    });
}

/// `r#await!` in a coroutine resumed directly in a handler (as a generator
/// task of `lull::app` is) panics too instead of reading Thread mode's
/// context.
#[test]
fn r_await_in_a_handler_panics_with_the_rule() {
    use std::ops::Coroutine;
    use std::panic::{AssertUnwindSafe, catch_unwind};
    thread_mode(|| {
        let mut c = std::pin::pin!(
            #[coroutine]
            static || {
                r#await!(std::future::ready(1));
            }
        );
        let p = catch_unwind(AssertUnwindSafe(|| {
            in_exception(17, || {
                let _ = c.as_mut().resume(());
            })
        }))
        .unwrap_err();
        let msg = p.downcast_ref::<&str>().copied().unwrap_or_default();
        assert!(msg.contains("Thread mode only"), "{msg}");
    });
}

/// `CoroutineTask` is `!Send` and `!Sync` even for a `Send` coroutine: the
/// two impls below make `is_not_send` ambiguous, a compile error, for any
/// type that is `Send` (resp. `Sync`).
#[test]
fn coroutine_task_is_neither_send_nor_sync() {
    trait AmbiguousIfSend<A> {
        fn is_not_send() {}
    }
    impl<T: ?Sized> AmbiguousIfSend<()> for T {}
    impl<T: ?Sized + Send> AmbiguousIfSend<u8> for T {}
    trait AmbiguousIfSync<A> {
        fn is_not_sync() {}
    }
    impl<T: ?Sized> AmbiguousIfSync<()> for T {}
    impl<T: ?Sized + Sync> AmbiguousIfSync<u8> for T {}
    type Task = lull_executor::coroutine::CoroutineTask<fn()>;
    <Task as AmbiguousIfSend<_>>::is_not_send();
    <Task as AmbiguousIfSync<_>>::is_not_sync();
}
