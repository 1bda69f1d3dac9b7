//! Compile-fail tests: attribute misuse is reported at the user's code, and
//! a handle cannot leave Thread mode through `Send`.

#[test]
#[cfg_attr(miri, ignore = "trybuild runs rustc")]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
