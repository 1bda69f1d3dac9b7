//! Build script shared by every benchmark firmware crate (`build =
//! "../common/build.rs"`): links with cortex-m-rt's `link.x` and the
//! lm3s6965evb memory map in `bench/common/memory.x`.
use std::{env, fs, path::PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let memory = manifest.join("../common/memory.x");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    fs::copy(&memory, out.join("memory.x")).unwrap();
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rustc-link-arg-bins=-Tlink.x");
    println!("cargo:rerun-if-changed={}", memory.display());
}
