//! The built `vacancy-match` binary, run as scripts run it: in the
//! crate's folder (or another), with standard input and environment.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_vacancy-match");
/// The crate's folder, where the binary runs unless told otherwise.
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// What a run of the binary did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary in `dir` with `stdin` and `env` set. The caller's
/// `NO_COLOR` and `CLICOLOR_FORCE` are removed first, so that colour is
/// what the arguments and `env` ask for, whatever the test's
/// environment.
fn run_full(dir: &Path, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin");
    let text = stdin.to_string();
    // Written from a thread: a large input would fill the pipe while the
    // binary's output fills the other one.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(text.as_bytes());
    });
    let output = child.wait_with_output().expect("the binary finishes");
    writer.join().expect("stdin written");
    Run {
        code: output.status.code().expect("exited"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

/// Runs the binary in the crate's folder.
pub fn run(args: &[&str]) -> Run {
    run_full(Path::new(ROOT), args, "", &[])
}

/// Runs the binary in the crate's folder with `stdin` and `env`.
pub fn run_with(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Run {
    run_full(Path::new(ROOT), args, stdin, env)
}

/// Runs the binary in `dir` with `env`.
pub fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    run_full(dir, args, "", env)
}
