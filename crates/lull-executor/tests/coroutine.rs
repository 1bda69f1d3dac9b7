//! Literal coroutines as tasks (cargo feature `nightly`):
//! `cargo +nightly test -p lull-executor --features nightly`.
#![cfg_attr(
    feature = "nightly",
    feature(coroutines, coroutine_trait, stmt_expr_attributes)
)]

#[cfg(feature = "nightly")]
#[path = "coroutine/cases.rs"]
mod cases;
