//! Running firmware in `qemu-system-arm` with semihosting.
//!
//! Semihosting output is the program's stdout; a semihosting exit ends QEMU
//! with status 0 (success) or 1 (failure). A program that neither exits nor
//! finishes within the timeout is killed and reported as a hang.

use crate::{Result, boards::Board, show};
use std::{
    io::Read,
    path::Path,
    process::{Command, Stdio},
    thread,
    time::{Duration, Instant},
};

/// What one QEMU run produced.
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    /// The exit status, or `None` when the run hung and was killed.
    pub status: Option<i32>,
}

/// The base command: board, CPU, semihosting, the ELF.
pub fn command(board: &Board, elf: &Path, extra: &[String]) -> Command {
    let mut c = Command::new("qemu-system-arm");
    c.args(["-cpu", board.cpu, "-machine", board.machine, "-nographic"])
        .args(["-semihosting-config", "enable=on,target=native"])
        .args(extra)
        .arg("-kernel")
        .arg(elf);
    c
}

/// Runs `cmd`, collecting stdout/stderr, killing it after `timeout`.
pub fn run(mut cmd: Command, timeout: Duration) -> Result<Outcome> {
    let shown = show(&cmd);
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_t = thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_t = thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().map_err(|e| e.to_string())? {
            break st.code();
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(20));
    };
    let stdout = String::from_utf8_lossy(&out_t.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&err_t.join().unwrap()).into_owned();
    Ok(Outcome {
        stdout,
        stderr,
        status,
    })
}
