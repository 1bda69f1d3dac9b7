//! What the xtask reads from firmware ELF files: section sizes and the
//! benchmark markers that `bench_marker::mark!` records.

use crate::Result;
use object::{Object, ObjectSection, SectionKind};
use std::path::Path;

/// Flash and RAM use of one firmware image, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    /// `.text` + `.rodata` (+ the vector table): what goes to flash besides
    /// the initial values of `.data`.
    pub text: u64,
    /// `.data` + `.bss` (+ `.uninit`): static RAM.
    pub data: u64,
}

/// One marker call site: its address and its name.
#[derive(Clone, Debug)]
pub struct Marker {
    pub addr: u32,
    pub name: String,
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Section sizes, by section name as cortex-m-rt's `link.x` lays them out.
pub fn sizes(path: &Path) -> Result<Sizes> {
    let bytes = read(path)?;
    let file = object::File::parse(&*bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut s = Sizes { text: 0, data: 0 };
    for sec in file.sections() {
        let name = sec.name().unwrap_or("");
        match name {
            ".vector_table" | ".text" | ".rodata" => s.text += sec.size(),
            ".data" | ".bss" | ".uninit" => s.data += sec.size(),
            _ => {}
        }
    }
    Ok(s)
}

/// The markers recorded in `.lull.markers`: records of a little-endian u32
/// address followed by a NUL-terminated name.
pub fn markers(path: &Path) -> Result<Vec<Marker>> {
    let bytes = read(path)?;
    let file = object::File::parse(&*bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let Some(sec) = file.section_by_name(".lull.markers") else {
        return Ok(Vec::new());
    };
    debug_assert!(sec.kind() != SectionKind::Text);
    let data = sec.data().map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= data.len() {
        let addr = u32::from_le_bytes(data[i..i + 4].try_into().unwrap()) & !1;
        i += 4;
        let end = data[i..]
            .iter()
            .position(|&b| b == 0)
            .ok_or("truncated .lull.markers record")?;
        let name = String::from_utf8_lossy(&data[i..i + end]).into_owned();
        i += end + 1;
        out.push(Marker { addr, name });
    }
    Ok(out)
}
