//! Compile-fail tests: every error of `#[lull::app]` points at the user's
//! code. Regenerate the expected output with `TRYBUILD=overwrite`.
#![allow(missing_docs)]

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
