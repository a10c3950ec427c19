//! The files of a folder, as the commands that take folders see them:
//! every entry named like a profile is either a file to read or the
//! reason it is not read, so that nothing is skipped without a word.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use vacancy_match::special_file_kind;

/// An entry of a folder named like a profile.
#[derive(Debug)]
pub(crate) enum Entry {
    /// A regular file (or a link to one, inside the folder) to read.
    File(PathBuf),
    /// An entry that is not read, and why.
    Refused { path: PathBuf, why: String },
}

/// Whether a file name is a profile's (or a rule file's) by its
/// extension.
pub(crate) fn is_profile_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["yaml", "yml", "json", "jsonl"].contains(&e.to_ascii_lowercase().as_str())
    })
}

/// The entries of `dir` named like profiles, in name order, not
/// recursing. Symbolic links are followed when they lead to a file in
/// `dir` (or anywhere, with `follow_outside`); a link that leads nowhere,
/// loops, or leaves the folder, and anything that is not a regular file
/// (a named pipe, a device, a directory) is refused: it is never opened,
/// so a pipe cannot make the listing wait.
pub(crate) fn list_dir(dir: &Path, follow_outside: bool) -> io::Result<Vec<Entry>> {
    let root = dir.canonicalize()?;
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if !is_profile_name(&path) {
            continue;
        }
        entries.push(match refusal(&path, &root, follow_outside) {
            Some(why) => Entry::Refused { path, why },
            None => Entry::File(path),
        });
    }
    entries.sort_by(|a, b| a.path().cmp(b.path()));
    Ok(entries)
}

/// Why a folder's entry is not read, if it is not.
fn refusal(path: &Path, root: &Path, follow_outside: bool) -> Option<String> {
    let own = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) => return Some(format!("cannot be read: {e}")),
    };
    if own.file_type().is_symlink() {
        let target = match path.canonicalize() {
            Ok(target) => target,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Some("a symbolic link to nothing (dangling link)".to_string())
            }
            Err(e) => return Some(format!("a symbolic link that cannot be followed: {e}")),
        };
        if !follow_outside && !target.starts_with(root) {
            return Some(
                "a symbolic link out of the folder, not followed (--follow-links follows it)"
                    .to_string(),
            );
        }
    }
    match std::fs::metadata(path) {
        Ok(meta) => special_file_kind(&meta).map(|kind| format!("{kind}, expected a regular file")),
        Err(e) => Some(format!("cannot be read: {e}")),
    }
}

impl Entry {
    pub(crate) fn path(&self) -> &Path {
        match self {
            Entry::File(path) | Entry::Refused { path, .. } => path,
        }
    }
}

/// A regular file's text, reading no more than `max` bytes whatever size
/// the file reports; else why not, naming it.
pub(crate) fn read_text(path: &Path, max: usize) -> Result<String, String> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| format!("{name}: {e}"))?;
    if let Some(kind) = special_file_kind(&meta) {
        return Err(format!("{name}: {kind}, expected a regular file"));
    }
    let limit = u64::try_from(max).unwrap_or(u64::MAX);
    if meta.len() > limit {
        return Err(format!(
            "{name}: input of {} bytes is larger than the limit of {max} bytes",
            meta.len()
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() > max {
        return Err(format!(
            "{name}: input of more than {max} bytes is larger than the limit"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: invalid UTF-8 at byte {}, expected text",
            e.utf8_error().valid_up_to()
        )
    })
}
