//! Compile-fail tests: every error of `#[lull::app]` points at the user's
//! code. Regenerate the expected output with `TRYBUILD=overwrite`.
#![allow(missing_docs)]

#[test]
// The expected messages are stable 1.95.0's: nightly words some differently,
// and the `nightly` feature accepts what `gen-coroutine-needs-nightly` rejects.
#[cfg_attr(
    any(miri, feature = "nightly"),
    ignore = "compile-fail output is pinned to the stable toolchain"
)]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/pass/*.rs");
}
