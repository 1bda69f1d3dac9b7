//! Compile-fail tests: nothing that holds or reaches the executor's
//! Thread-mode state (its handle, a `JoinHandle`, a coroutine task) can be
//! sent or shared with another context — a handler, a
//! `critical_section::Mutex` static, another thread; and an executor with
//! `max_spawned_tasks = 0` does not compile. Pinned to the
//! toolchain of `rust-toolchain.toml` (1.95.0): the expected messages are
//! rustc's.

#[test]
// The expected messages are stable 1.95.0's: nightly words some differently.
#[cfg_attr(
    any(miri, feature = "nightly"),
    ignore = "compile-fail output is pinned to the stable toolchain"
)]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
