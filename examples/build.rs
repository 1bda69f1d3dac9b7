//! Picks the memory map of the board selected by the `board-*` feature and
//! links with cortex-m-rt's `link.x`, which includes `device.x` (the default
//! handlers of `lull_examples::device`'s interrupt lines).
use std::{env, fs, path::PathBuf};

fn main() {
    let boards = ["lm3s6965evb", "microbit", "mps2-an386", "mps2-an505"];
    let selected: Vec<&str> = boards
        .iter()
        .copied()
        .filter(|b| {
            let var = format!("CARGO_FEATURE_BOARD_{}", b.to_uppercase().replace('-', "_"));
            env::var_os(var).is_some()
        })
        .collect();
    let board = match selected.as_slice() {
        [b] => *b,
        _ => panic!("select exactly one board feature (board-lm3s6965evb, ...); got {selected:?}"),
    };
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let memory = manifest.join(board).join("memory.x");
    fs::copy(&memory, out.join("memory.x")).unwrap();
    fs::copy(manifest.join("device.x"), out.join("device.x")).unwrap();
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rustc-link-arg-bins=-Tlink.x");
    println!("cargo:rerun-if-changed={}", memory.display());
    println!("cargo:rerun-if-changed=device.x");
}
