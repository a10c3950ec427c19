//! Where a command's output goes: standard output, or `-o FILE` written
//! atomically.
//!
//! # Design
//! A regular file (or a new one) is written to a temporary file in the
//! same folder as the file a symbolic link leads to (so the rename stays
//! on one file system and a link is written through, not replaced) and
//! renamed over it only by [`Output::commit`]. Dropping an `Output` that
//! was not committed removes the temporary file: a run that fails
//! half-way, or is refused, leaves FILE as it was.
//!
//! The new file keeps the permissions (and, where the system lets us,
//! the owner and group) of the file it replaces; a new file is created
//! readable by its owner only (0600 before the umask on unix), as reports
//! hold candidate data. Anything that exists and is not a regular file (a
//! device such as `/dev/null`, a named pipe, a socket, `/proc/self/fd/1`
//! leading to one) is never replaced: it is opened and written straight
//! into. A file that is one of the command's inputs is refused before
//! anything is written, so a report never overwrites what it was made
//! from.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Why `-o FILE` cannot be written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum OutputError {
    /// The output is a file the command reads.
    #[error("{output}: is the same file as the input {input}, refusing to overwrite it")]
    SameAsInput {
        /// The output, as given.
        output: String,
        /// The input, as given.
        input: String,
    },
    /// The output is a folder.
    #[error("{0}: a directory, expected a file name")]
    Folder(String),
    /// The output has no file name (`..`, `/`).
    #[error("{0}: not a file name")]
    NoFileName(String),
    /// The system refused.
    #[error("{path}: {source}")]
    Io {
        /// The file that could not be opened or written.
        path: String,
        /// Why.
        source: io::Error,
    },
}

impl OutputError {
    fn io(path: &Path, source: io::Error) -> OutputError {
        OutputError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

/// Standard output, or a file being written.
pub(crate) enum Output {
    Stdout(io::StdoutLock<'static>),
    File {
        out: BufWriter<File>,
        temp: PathBuf,
        path: PathBuf,
        /// Where the temporary file is renamed to: `path`, or the file a
        /// symbolic link at `path` leads to.
        target: PathBuf,
        /// The file being replaced, whose permissions the new one keeps.
        old: Option<Box<Metadata>>,
        committed: bool,
    },
    /// A device, pipe or socket: written straight into, never replaced.
    Direct {
        out: BufWriter<File>,
        path: PathBuf,
    },
}

impl Output {
    /// Standard output when `path` is `None` or `-`, else a temporary file
    /// beside `path` (or `path` itself when it is not a regular file).
    /// `inputs` are the files the command reads (folders stand for the
    /// files in them that commands read): `path` must not be one of them.
    pub(crate) fn open(path: Option<&Path>, inputs: &[PathBuf]) -> Result<Output, OutputError> {
        let Some(path) = path.filter(|p| *p != Path::new("-")) else {
            return Ok(Output::Stdout(io::stdout().lock()));
        };
        let shown = || path.display().to_string();
        let existing = match fs::metadata(path) {
            Ok(meta) => Some(meta),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(OutputError::io(path, e)),
        };
        let Some(meta) = existing else {
            return Output::replacing(path, path.to_path_buf(), None);
        };
        if meta.is_dir() {
            return Err(OutputError::Folder(shown()));
        }
        if let Some(input) = same_as_input(path, &meta, inputs) {
            return Err(OutputError::SameAsInput {
                output: shown(),
                input: input.display().to_string(),
            });
        }
        if !meta.is_file() {
            return Output::direct(path);
        }
        // A link is written through: the file it leads to is replaced.
        // Where the resolved name is not that file (`/proc/self/fd/N` of
        // a deleted file), the file is written straight into.
        match fs::canonicalize(path) {
            Ok(target)
                if fs::metadata(&target).is_ok_and(|m| same_file(&m, &meta))
                    && target.parent().is_some_and(is_writable_folder) =>
            {
                Output::replacing(path, target, Some(Box::new(meta)))
            }
            _ => Output::direct(path),
        }
    }

    /// Opens a device, pipe or other special file for writing.
    fn direct(path: &Path) -> Result<Output, OutputError> {
        let file = OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(path)
            .map_err(|e| OutputError::io(path, e))?;
        Ok(Output::Direct {
            out: BufWriter::new(file),
            path: path.to_path_buf(),
        })
    }

    /// A temporary file beside `target`, renamed over it on commit.
    fn replacing(
        path: &Path,
        target: PathBuf,
        old: Option<Box<Metadata>>,
    ) -> Result<Output, OutputError> {
        let name = target
            .file_name()
            .ok_or_else(|| OutputError::NoFileName(path.display().to_string()))?;
        let folder = match target.parent() {
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
            match private_options().open(&temp) {
                Ok(file) => {
                    return Ok(Output::File {
                        out: BufWriter::new(file),
                        temp,
                        path: path.to_path_buf(),
                        target,
                        old,
                        committed: false,
                    })
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some((temp, e)),
                Err(e) => return Err(OutputError::io(&temp, e)),
            }
        }
        Err(match last {
            Some((temp, e)) => OutputError::io(&temp, e),
            None => OutputError::io(path, io::Error::other("no temporary file name left")),
        })
    }

    /// Whether the output is a terminal (a file never is).
    pub(crate) fn is_terminal(&self) -> bool {
        match self {
            Output::Stdout(out) => out.is_terminal(),
            Output::Direct { out, .. } => out.get_ref().is_terminal(),
            Output::File { .. } => false,
        }
    }

    /// Where the output goes, for messages.
    pub(crate) fn path(&self) -> Option<&Path> {
        match self {
            Output::Stdout(_) => None,
            Output::File { path, .. } | Output::Direct { path, .. } => Some(path),
        }
    }

    /// Flushes, and puts a file in place.
    pub(crate) fn commit(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::Direct { out, path } => out
                .flush()
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display()))),
            Output::File {
                out,
                temp,
                path,
                target,
                old,
                committed,
            } => {
                let named =
                    |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
                out.flush().map_err(named)?;
                if let Some(old) = old {
                    keep_owner(temp, old);
                    fs::set_permissions(&*temp, old.permissions()).map_err(named)?;
                }
                out.get_ref().sync_all().map_err(named)?;
                fs::rename(&*temp, &*target).map_err(named)?;
                *committed = true;
                Ok(())
            }
        }
    }
}

/// Options that create a new file, private to its owner on unix.
fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Gives `temp` the owner and group of the file it replaces, as far as
/// the system lets us (only root may give a file away; a group we are in
/// is allowed). Failing that, the permissions still apply.
fn keep_owner(temp: &Path, old: &Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if std::os::unix::fs::chown(temp, Some(old.uid()), Some(old.gid())).is_err() {
            let _ = std::os::unix::fs::chown(temp, None, Some(old.gid()));
        }
    }
    #[cfg(not(unix))]
    let _ = (temp, old);
}

/// Whether a folder exists (a temporary file can be tried in it).
fn is_writable_folder(folder: &Path) -> bool {
    fs::metadata(folder).is_ok_and(|m| m.is_dir())
}

/// Whether two metadata describe the same file: device and inode on
/// unix; elsewhere the caller compares canonical paths too.
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        a.len() == b.len() && a.modified().ok() == b.modified().ok()
    }
}

/// The input that `path` (with metadata `meta`) is, if any: the same
/// device and inode on unix, else the same canonical path.
fn same_as_input<'a>(path: &Path, meta: &Metadata, inputs: &'a [PathBuf]) -> Option<&'a Path> {
    let canonical = fs::canonicalize(path).ok();
    inputs.iter().map(PathBuf::as_path).find(|input| {
        let Ok(input_meta) = fs::metadata(input) else {
            return false;
        };
        if cfg!(unix) {
            same_file(meta, &input_meta)
        } else {
            canonical.is_some() && fs::canonicalize(input).ok() == canonical
        }
    })
}

/// The files behind the inputs a command was given: a file stands for
/// itself, a folder for the files in it that commands read (profiles,
/// rule files, JSON Lines, by name); `-` (standard input) for nothing.
pub(crate) fn input_files<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            continue;
        }
        if path.is_dir() {
            if let Ok(entries) = fs::read_dir(path) {
                files.extend(
                    entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| super::files::is_profile_name(p)),
                );
            }
        } else {
            files.push(path.to_path_buf());
        }
    }
    files
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::File { out, .. } | Output::Direct { out, .. } => out.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.write_all(buf),
            Output::File { out, .. } | Output::Direct { out, .. } => out.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File { out, .. } | Output::Direct { out, .. } => out.flush(),
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
/// `inputs` are the paths the command reads (see [`input_files`]).
pub(crate) fn open_or_exit<'a>(
    path: Option<&Path>,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<Output, u8> {
    Output::open(path, &input_files(inputs)).map_err(|e| {
        eprintln!(
            "error: cannot write the output: {}",
            vacancy_match::escape_terminal(&e.to_string())
        );
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
        let mut out = Output::open(Some(&path), &[]).unwrap();
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
        let mut out = Output::open(Some(&path), &[]).unwrap();
        out.write_all(b"half").unwrap();
        drop(out);
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(dir).unwrap();
    }
}
