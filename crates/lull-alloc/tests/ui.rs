//! Compile-fail tests: attribute misuse is reported at the user's code; a
//! handle, or anything holding one, cannot leave Thread mode through `Send`
//! or `Sync`; no safe code builds a handle except `get()`; `AddMemory` needs
//! an `unsafe impl`; a second `#[oom]` hook is refused.

#[test]
#[cfg_attr(miri, ignore = "trybuild runs rustc")]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
