//! The one-shot yield the RTIC benchmarks await (included with `#[path]`):
//! wakes its own task and returns `Pending` once, so the task takes one trip
//! through RTIC's dispatcher (the same future as embassy-futures'
//! `yield_now`).

use core::{future::poll_fn, task::Poll};

pub async fn yield_now() {
    let mut yielded = false;
    poll_fn(|cx| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await
}
