//! Helpers shared by `lull-alloc`'s host tests.

use std::panic::{UnwindSafe, catch_unwind};

/// The panic message of `f`, which must panic.
pub fn panic_message(f: impl FnOnce() + UnwindSafe) -> String {
    let payload = catch_unwind(f).expect_err("expected a panic");
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}
