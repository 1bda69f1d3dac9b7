//! `cargo xtask` — Lull's automation (being built; see `cargo xtask help`).
fn main() {
    eprintln!("usage: cargo xtask <demo|test|bench>");
    std::process::exit(2);
}
