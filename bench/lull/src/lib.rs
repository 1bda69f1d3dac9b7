//! Lull's benchmark scenarios: one binary per scenario in `src/bin/`.
#![no_std]

pub use bench_marker::{done, mark, metric};
// Link the device crate: its interrupt vectors fill cortex-m-rt's table.
pub use lm3s6965 as device;
