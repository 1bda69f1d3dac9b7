//! The QEMU machines Lull's firmware runs on.

/// One board: its QEMU machine, its CPU and the Rust target that builds for it.
#[derive(Clone, Copy, Debug)]
pub struct Board {
    /// Name used in example headers, golden-file folders and `--board`.
    pub name: &'static str,
    /// `qemu-system-arm -machine`.
    pub machine: &'static str,
    /// `qemu-system-arm -cpu`.
    pub cpu: &'static str,
    /// Rust target triple.
    pub target: &'static str,
}

/// Every supported board; the first is the default.
pub const BOARDS: &[Board] = &[
    Board {
        name: "lm3s6965evb",
        machine: "lm3s6965evb",
        cpu: "cortex-m3",
        target: "thumbv7m-none-eabi",
    },
    Board {
        name: "microbit",
        machine: "microbit",
        cpu: "cortex-m0",
        target: "thumbv6m-none-eabi",
    },
    Board {
        name: "mps2-an386",
        machine: "mps2-an386",
        cpu: "cortex-m4",
        target: "thumbv7em-none-eabihf",
    },
    Board {
        name: "mps2-an505",
        machine: "mps2-an505",
        cpu: "cortex-m33",
        target: "thumbv8m.main-none-eabihf",
    },
];

/// Looks a board up by name.
pub fn by_name(name: &str) -> crate::Result<Board> {
    BOARDS
        .iter()
        .copied()
        .find(|b| b.name == name)
        .ok_or_else(|| {
            let names: Vec<_> = BOARDS.iter().map(|b| b.name).collect();
            format!("unknown board `{name}` (boards: {})", names.join(", "))
        })
}

/// Every embedded target (for clippy and `rustup target add`).
pub fn targets() -> impl Iterator<Item = &'static str> {
    BOARDS.iter().map(|b| b.target)
}
