//! Where a command's output goes: standard output, or `-o FILE` written
//! atomically.
//!
//! # Design
//! A file is written to a temporary file in the same folder (so the
//! rename stays on one file system) and renamed over FILE only by
//! [`Output::commit`]. Dropping an `Output` that was not committed
//! removes the temporary file: a run that fails half-way, or is refused,
//! leaves FILE as it was.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Standard output, or a file being written.
pub(crate) enum Output {
    Stdout(io::StdoutLock<'static>),
    File {
        out: BufWriter<File>,
        temp: PathBuf,
        path: PathBuf,
        committed: bool,
    },
}

impl Output {
    /// Standard output when `path` is `None` or `-`, else a temporary file
    /// beside `path`.
    pub(crate) fn open(path: Option<&Path>) -> io::Result<Output> {
        let Some(path) = path.filter(|p| *p != Path::new("-")) else {
            return Ok(Output::Stdout(io::stdout().lock()));
        };
        let name = path
            .file_name()
            .ok_or_else(|| io::Error::other(format!("{}: not a file name", path.display())))?;
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let pid = std::process::id();
        let mut last = None;
        for attempt in 0..100_u32 {
            let mut temp_name = std::ffi::OsString::from(".");
            temp_name.push(name);
            temp_name.push(format!(".{pid}.{attempt}.tmp"));
            let temp = folder.join(temp_name);
            match OpenOptions::new().write(true).create_new(true).open(&temp) {
                Ok(file) => {
                    return Ok(Output::File {
                        out: BufWriter::new(file),
                        temp,
                        path: path.to_path_buf(),
                        committed: false,
                    })
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", temp.display()))),
            }
        }
        Err(last.unwrap_or_else(|| io::Error::other("no temporary file name left")))
    }

    /// Whether the output is a terminal (a file never is).
    pub(crate) fn is_terminal(&self) -> bool {
        match self {
            Output::Stdout(out) => out.is_terminal(),
            Output::File { .. } => false,
        }
    }

    /// Where the output goes, for messages.
    pub(crate) fn path(&self) -> Option<&Path> {
        match self {
            Output::Stdout(_) => None,
            Output::File { path, .. } => Some(path),
        }
    }

    /// Flushes, and puts a file in place.
    pub(crate) fn commit(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File {
                out,
                temp,
                path,
                committed,
            } => {
                out.flush()?;
                out.get_ref().sync_all()?;
                fs::rename(&*temp, &*path)
                    .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
                *committed = true;
                Ok(())
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::File { out, .. } => out.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.write_all(buf),
            Output::File { out, .. } => out.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File { out, .. } => out.flush(),
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Output::File {
            temp, committed, ..
        } = self
        {
            if !*committed {
                let _ = fs::remove_file(&*temp);
            }
        }
    }
}

/// Opens the output, or says why not: the exit status on failure.
pub(crate) fn open_or_exit(path: Option<&Path>) -> Result<Output, u8> {
    Output::open(path).map_err(|e| {
        eprintln!("error: cannot write the output: {e}");
        super::USAGE
    })
}

/// Puts the output in place after `written`, and gives the exit status
/// (as [`super::finish_output`]); a file is left untouched on failure.
pub(crate) fn finish(mut out: Output, written: io::Result<()>, code: u8) -> u8 {
    let written = written.and_then(|()| out.commit());
    super::finish_output(written, code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("vm-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_file_appears_whole_on_commit_only() {
        let dir = folder("commit");
        let path = dir.join("report.txt");
        fs::write(&path, "old").unwrap();
        let mut out = Output::open(Some(&path)).unwrap();
        out.write_all(b"new").unwrap();
        out.flush().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        out.commit().unwrap();
        drop(out);
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_failed_run_leaves_the_file_as_it_was_and_no_temporary() {
        let dir = folder("drop");
        let path = dir.join("report.txt");
        fs::write(&path, "old").unwrap();
        let mut out = Output::open(Some(&path)).unwrap();
        out.write_all(b"half").unwrap();
        drop(out);
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(dir).unwrap();
    }
}
