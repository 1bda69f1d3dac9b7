//! Attacks on the executor's promises (issue #11): awaiting a `JoinHandle`
//! never allocates, a panicking task leaves the executor usable, handler
//! misuse is refused with the rule, and a finished task's waker woken from a
//! handler is harmless. Run under Miri too
//! (`cargo +nightly miri test -p lull-executor`).

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;
use std::task::{Poll, Waker};

use lull_alloc::host::{TestHeap, set_oom_hook, thread_mode};
use lull_alloc::{ThreadModeAllocator, allocator};
use lull_executor::{JoinHandle, SpawnErrorKind, executor, yield_now};

mod support;

use support::isr;

fn no_sleep() {
    panic!("the executor would sleep: nothing can wake it in this test");
}

fn oom_reached(layout: std::alloc::Layout) -> ! {
    panic!("OOM hook reached ({} bytes)", layout.size())
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        String::from("<not a string>")
    }
}

/// Item 7: a program that uses only `try_*` APIs, with its heap exhausted,
/// awaits `JoinHandle`s (from a task and from `block_on`) without ever
/// reaching the OOM hook: the joiner's waker lives in the task's own memory.
#[test]
fn awaiting_join_handle_with_exhausted_heap_does_not_allocate() {
    #[allocator]
    static A: TestHeap = TestHeap::new(4096);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        set_oom_hook(Some(oom_reached));
        lull_executor::host::set_sleep_hook::<X>(Some(no_sleep));
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        let slow = x
            .try_spawn(async {
                for _ in 0..3 {
                    yield_now().await;
                }
                String::from("value")
            })
            .unwrap();
        let waiter = x.try_spawn(async move { slow.await.len() }).unwrap();
        // Exhaust the heap: tasks whose handles are kept hold their memory.
        let mut fillers = Vec::new();
        loop {
            match x.try_spawn(async {}) {
                Ok(h) => fillers.push(h),
                Err(e) => {
                    assert!(matches!(e.kind(), SpawnErrorKind::OutOfMemory(_)));
                    break;
                }
            }
        }
        let mut rest: lull_alloc::Vec<u8, A> = lull_alloc::Vec::new_in(a);
        let free = 4096 - a.statistics().used;
        rest.try_reserve_exact(free).unwrap();
        assert!(
            rest.try_reserve_exact(free + 1).is_err(),
            "heap is exhausted"
        );
        let used = a.statistics().used;
        // `block_on` awaits `waiter`'s handle, `waiter` awaits `slow`'s.
        let n = x.block_on(async {
            let n = waiter.await;
            assert!(a.statistics().used <= used, "no allocation while awaiting");
            n
        });
        assert_eq!(n, 5);
        drop(rest);
        drop(fillers);
        assert_eq!(a.statistics(), before);
        set_oom_hook(None);
    });
}

/// Item 7: the join slot is dropped when the handle is dropped or the task
/// cancelled while a waiter is registered (Miri checks for leaks).
#[test]
fn registered_joiner_is_released_on_detach_and_cancel() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        lull_executor::host::set_sleep_hook::<X>(Some(no_sleep));
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        let stop = Rc::new(Cell::new(false));
        let until_stopped = |stop: Rc<Cell<bool>>| async move {
            while !stop.get() {
                yield_now().await;
            }
        };
        let mut t1: Option<JoinHandle<()>> = Some(x.spawn(until_stopped(stop.clone())));
        let mut t2: Option<JoinHandle<()>> = Some(x.spawn(until_stopped(stop.clone())));
        // Register as the joiner of both (poll once), then detach / cancel.
        x.block_on(std::future::poll_fn(|cx| {
            for h in [&mut t1, &mut t2] {
                let h = h.as_mut().unwrap();
                assert!(std::pin::Pin::new(h).poll(cx).is_pending());
            }
            Poll::Ready(())
        }));
        drop(t1.take());
        assert_eq!(t2.take().unwrap().cancel(), None);
        assert_eq!(x.live_tasks(), 1, "the detached task keeps running");
        x.block_on(yield_now());
        stop.set(true);
        x.block_on(async {
            yield_now().await;
            yield_now().await;
        });
        assert_eq!(x.live_tasks(), 0);
        assert_eq!(a.statistics(), before);
    });
}

/// Item 9: a task whose poll panics (host, `panic = "unwind"`) is taken off
/// the run queue and its future dropped; the executor stays usable; its
/// `JoinHandle` is finished and awaiting it panics with the rule; a task
/// awaiting it is woken (and panics in turn).
#[test]
fn panicking_task_is_taken_off_the_ring() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        lull_executor::host::set_sleep_hook::<X>(Some(no_sleep));
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        let dropped = Rc::new(Cell::new(false));
        struct SetOnDrop(Rc<Cell<bool>>);
        impl Drop for SetOnDrop {
            fn drop(&mut self) {
                self.0.set(true);
            }
        }
        let guard = SetOnDrop(dropped.clone());
        let bad = x.spawn(async move {
            let _g = guard;
            yield_now().await;
            panic!("task bug");
        });
        // A task waiting for `bad`: woken when it panics.
        let waiter = x.spawn(async move {
            bad.await;
        });
        let good_runs = Rc::new(Cell::new(0));
        let g = good_runs.clone();
        let good = x.spawn(async move {
            for _ in 0..5 {
                g.set(g.get() + 1);
                yield_now().await;
            }
            7
        });
        let p = catch_unwind(AssertUnwindSafe(|| {
            x.block_on(async {
                for _ in 0..10 {
                    yield_now().await;
                }
            })
        }))
        .unwrap_err();
        assert_eq!(panic_message(&*p), "task bug");
        assert!(dropped.get(), "the panicking task's future was dropped");
        // The executor is usable: `good` continues, `waiter` was woken and
        // panics when it awaits the panicked task's handle.
        let p = catch_unwind(AssertUnwindSafe(|| x.block_on(yield_now()))).unwrap_err();
        assert!(
            panic_message(&*p).contains("the awaited task panicked"),
            "{}",
            panic_message(&*p)
        );
        assert!(waiter.is_finished());
        assert_eq!(waiter.cancel(), None);
        assert_eq!(x.block_on(good), 7);
        assert_eq!(good_runs.get(), 5);
        assert_eq!(x.live_tasks(), 0);
        assert_eq!(a.statistics(), before);
    });
}

/// Item 9: a panicking task's handle reports it: `is_finished`, `cancel`
/// returns `None`, awaiting panics; the `block_on` future itself panicking
/// leaves the executor usable too.
#[test]
fn panicked_task_handle_and_panicking_block_on_future() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        lull_executor::host::set_sleep_hook::<X>(Some(no_sleep));
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        let h1: JoinHandle<u32> = x.spawn(async { panic!("first") });
        let h2: JoinHandle<u32> = x.spawn(async { panic!("second") });
        let p = catch_unwind(AssertUnwindSafe(|| x.block_on(yield_now()))).unwrap_err();
        assert_eq!(panic_message(&*p), "first");
        let p = catch_unwind(AssertUnwindSafe(|| x.block_on(yield_now()))).unwrap_err();
        assert_eq!(panic_message(&*p), "second");
        assert!(h1.is_finished() && h2.is_finished());
        assert_eq!(h1.cancel(), None);
        let p = catch_unwind(AssertUnwindSafe(|| x.block_on(h2))).unwrap_err();
        assert!(panic_message(&*p).contains("the awaited task panicked"));
        // The block_on future panics, with a task queued behind it.
        let after = x.spawn(async { 3 });
        let p = catch_unwind(AssertUnwindSafe(|| {
            x.block_on(async {
                yield_now().await;
                panic!("root bug")
            })
        }))
        .unwrap_err();
        assert_eq!(panic_message(&*p), "root bug");
        assert_eq!(x.block_on(after), 3);
        assert_eq!(x.block_on(async { 4 }), 4);
        assert_eq!(a.statistics(), before);
    });
}

/// Item 4: `block_on` with a handle that reached a handler (it cannot in
/// safe code: `!Send`, and `X::get()` is `None` there) panics naming the
/// rule instead of touching the ring; so does `spawn` in debug builds.
#[test]
fn block_on_and_spawn_in_a_handler_panic_with_the_rule() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        lull_executor::host::set_sleep_hook::<X>(Some(no_sleep));
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        isr(|| assert!(X::get().is_none()));
        let p = catch_unwind(AssertUnwindSafe(|| isr(|| x.block_on(async { 1 })))).unwrap_err();
        let msg = panic_message(&*p);
        assert!(
            msg.contains("block_on called in an interrupt handler"),
            "{msg}"
        );
        assert!(msg.contains("Thread mode only"), "{msg}");
        if cfg!(debug_assertions) {
            let p = catch_unwind(AssertUnwindSafe(|| isr(|| drop(x.spawn(async {}))))).unwrap_err();
            let msg = panic_message(&*p);
            assert!(
                msg.contains("spawn called in an interrupt handler"),
                "{msg}"
            );
        }
        // Nothing was disturbed.
        assert_eq!(x.block_on(async { 2 }), 2);
        assert_eq!(x.live_tasks(), 0);
        assert_eq!(a.statistics(), before);
    });
}

/// Item 4: waking (and dropping) a finished task's waker from a handler,
/// many times, is harmless: the task is never polled again, its output is
/// intact, and its memory is freed once the last reference is gone.
#[test]
fn handler_wakes_finished_task_harmlessly() {
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        lull_executor::host::set_sleep_hook::<X>(Some(no_sleep));
        lull_executor::host::set_pend_hook::<X>(None);
        let (x, a) = X::get().unwrap();
        let before = a.statistics();
        let stash: Rc<RefCell<Vec<Waker>>> = Rc::default();
        let polls = Rc::new(Cell::new(0));
        let (s, p) = (stash.clone(), polls.clone());
        let kept = x.spawn(std::future::poll_fn(move |cx| {
            p.set(p.get() + 1);
            s.borrow_mut().push(cx.waker().clone());
            s.borrow_mut().push(cx.waker().clone());
            Poll::Ready(String::from("output"))
        }));
        x.block_on(yield_now());
        assert!(kept.is_finished());
        let wakers = std::mem::take(&mut *stash.borrow_mut());
        for _ in 0..3 {
            isr(|| wakers.iter().for_each(Waker::wake_by_ref));
            x.block_on(yield_now());
        }
        assert_eq!(polls.get(), 1, "a finished task is never polled again");
        // The handle takes the output; a handler then wakes and drops the
        // last wakers: the executor frees the task at its next decision.
        assert_eq!(x.block_on(kept), "output");
        isr(move || {
            for w in wakers {
                w.wake();
            }
        });
        assert_ne!(a.statistics(), before);
        x.block_on(async {});
        assert_eq!(a.statistics(), before);
    });
}

/// Item 4: `live_tasks` is readable through `ExecutorType::executor()` (a
/// safe function, callable in a handler without a handle); the count is
/// atomic, so that read is not a data race with Thread mode's updates.
#[test]
fn live_tasks_read_from_a_handler() {
    use lull_executor::raw::ExecutorType;
    #[allocator]
    static A: TestHeap = TestHeap::new(1 << 16);
    executor!(name = X, allocator = A);
    thread_mode(|| {
        lull_executor::host::set_sleep_hook::<X>(Some(no_sleep));
        let (x, _) = X::get().unwrap();
        let h = x.spawn(async {});
        // Another real thread stands in for a handler preempting Thread
        // mode (Miri checks the two accesses for a data race).
        std::thread::scope(|s| {
            let t = s.spawn(|| <X as ExecutorType>::executor().live_tasks());
            x.block_on(yield_now());
            assert!(t.join().unwrap() <= 1);
        });
        assert!(h.is_finished());
        assert_eq!(x.live_tasks(), 0);
    });
}

/// Item 4: what may cross to a handler, and is `Send + Sync` because that
/// is sound (see the crate's Soundness section): wakers (they only queue
/// through the inbox), `YieldNow` (a `bool`), `SpawnErrorKind` (plain
/// data), and a `SpawnError` of a `Send` future. What may not is checked
/// by the compile-fail tests in `tests/ui`.
#[test]
fn plain_data_and_wakers_may_cross() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Waker>();
    send_sync::<lull_executor::YieldNow>();
    send_sync::<SpawnErrorKind>();
    send_sync::<lull_executor::SpawnError<std::future::Ready<u8>>>();
}
