//! The RFC's literal form, behind the `nightly` feature: generator tasks
//! returning `impl Coroutine<Yield = (), Return = !>` with `yield`.
//! Run with `cargo +nightly test -p lull-app --features nightly --test nightly_coroutine`.
#![cfg_attr(feature = "nightly", feature(coroutines, coroutine_trait, never_type))]
#![allow(missing_docs)]

extern crate lull_app as lull;

#[cfg(feature = "nightly")]
#[path = "nightly/app.rs"]
mod app_mod;
