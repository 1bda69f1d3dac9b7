//! Fuzzes the pool against the reference model of `tests/support/model.rs`:
//! the first byte picks a configuration, the next ones the regions (count,
//! lengths, misalignment), the rest a sequence of allocate / deallocate /
//! grow / shrink / reallocate / heap-check operations. Every property the
//! model checks is a panic here.
#![no_main]

#[path = "../../tests/support/model.rs"]
mod model;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    model::run_bytes(data);
});
