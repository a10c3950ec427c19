//! `-o FILE`: what it replaces, what it writes straight into, what it
//! refuses, and the permissions it leaves.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::cli::{run, ROOT};

const PROFILE: &str = "examples/candidates/ana_lopez_protection.yaml";

/// A fresh folder holding a copy of the profile, as `profile.yaml`.
fn folder(name: &str) -> PathBuf {
    let dir = common::scratch(&format!("output-file-{name}"));
    fs::copy(Path::new(ROOT).join(PROFILE), dir.join("profile.yaml")).unwrap();
    dir
}

fn text(path: &Path) -> String {
    path.to_str().unwrap().to_string()
}

#[test]
fn an_output_that_is_the_profile_checked_is_refused_and_the_profile_kept() {
    let dir = folder("check-input");
    let profile = dir.join("profile.yaml");
    let before = fs::read_to_string(&profile).unwrap();
    let r = run(&[
        "check",
        &text(&profile),
        "-o",
        &text(&profile),
        "--as-of",
        "2025-01-01",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        format!(
            "error: cannot write the output: {0}: is the same file as the input {0}, \
             refusing to overwrite it\n",
            profile.display()
        )
    );
    assert_eq!(fs::read_to_string(&profile).unwrap(), before);
    assert_eq!(
        fs::read_dir(&dir).unwrap().count(),
        1,
        "no temporary file left"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_output_in_a_screened_folder_that_is_one_of_its_profiles_is_refused() {
    let dir = folder("screen-input");
    let profile = dir.join("profile.yaml");
    let before = fs::read_to_string(&profile).unwrap();
    // Another name for the same file: a different spelling is no way round.
    let other = dir.join(".").join("profile.yaml");
    let r = run(&[
        "screen",
        &text(&dir),
        "-o",
        &text(&other),
        "--as-of",
        "2025-01-01",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "{}: is the same file as the input {}, refusing to overwrite it",
            other.display(),
            profile.display()
        )),
        "{}",
        r.stderr
    );
    assert_eq!(fs::read_to_string(&profile).unwrap(), before);
    // A report beside the profiles is fine.
    let report = dir.join("report.csv");
    let r = run(&[
        "screen",
        &text(&dir),
        "--format",
        "csv",
        "-o",
        &text(&report),
        "--as-of",
        "2025-01-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(fs::read_to_string(&report).unwrap().contains("ana-lopez"));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_output_that_is_a_rule_file_or_the_mapping_is_refused() {
    let dir = folder("rules-input");
    let vacancy = fs::read_dir(Path::new(ROOT).join("rules"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "yaml") && !p.ends_with("vocabulary.yaml"))
        .unwrap();
    let rules = dir.join("rules");
    fs::create_dir_all(&rules).unwrap();
    for entry in fs::read_dir(Path::new(ROOT).join("rules")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            fs::copy(&path, rules.join(path.file_name().unwrap())).unwrap();
        }
    }
    let rule_file = rules.join(vacancy.file_name().unwrap());
    let before = fs::read_to_string(&rule_file).unwrap();
    let r = run(&["list", "--rules", &text(&rules), "-o", &text(&rule_file)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("is the same file as the input"),
        "{}",
        r.stderr
    );
    assert_eq!(fs::read_to_string(&rule_file).unwrap(), before);

    let map = Path::new(ROOT).join("examples/applicants/form.yaml");
    let copy = dir.join("form.yaml");
    fs::copy(&map, &copy).unwrap();
    let before = fs::read_to_string(&copy).unwrap();
    let csv = text(&Path::new(ROOT).join("examples/applicants/applicants.csv"));
    let r = run(&[
        "import",
        &csv,
        "--mapping",
        &text(&copy),
        "-o",
        &text(&copy),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "{0}: is the same file as the input {0}, refusing to overwrite it",
            copy.display()
        )),
        "{}",
        r.stderr
    );
    assert_eq!(fs::read_to_string(&copy).unwrap(), before);
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_replaced_report_keeps_its_permissions_and_a_new_one_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder("mode");
    let profile = text(&dir.join("profile.yaml"));
    let report = dir.join("report.txt");
    fs::write(&report, "old").unwrap();
    fs::set_permissions(&report, fs::Permissions::from_mode(0o600)).unwrap();
    let r = run(&[
        "check",
        &profile,
        "-o",
        &text(&report),
        "--as-of",
        "2025-01-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(fs::read_to_string(&report).unwrap().contains("ana-lopez"));
    let mode = fs::metadata(&report).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    fs::set_permissions(&report, fs::Permissions::from_mode(0o640)).unwrap();
    let r = run(&[
        "check",
        &profile,
        "-o",
        &text(&report),
        "--as-of",
        "2025-01-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mode = fs::metadata(&report).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);

    let new = dir.join("new.txt");
    let r = run(&[
        "check",
        &profile,
        "-o",
        &text(&new),
        "--as-of",
        "2025-01-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mode = fs::metadata(&new).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode & 0o077, 0, "readable by its owner only: {mode:o}");
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_link_is_written_through_not_replaced() {
    let dir = folder("link");
    let profile = text(&dir.join("profile.yaml"));
    let report = dir.join("report.txt");
    fs::write(&report, "old").unwrap();
    let link = dir.join("latest.txt");
    std::os::unix::fs::symlink("report.txt", &link).unwrap();
    let r = run(&[
        "check",
        &profile,
        "-o",
        &text(&link),
        "--as-of",
        "2025-01-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(fs::read_to_string(&report).unwrap().contains("ana-lopez"));
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_device_is_written_into_and_stays_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let r = run(&["check", PROFILE, "-o", "/dev/null", "--as-of", "2025-01-01"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert!(fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
}

#[cfg(target_os = "linux")]
#[test]
fn a_named_pipe_is_written_into_and_stays_a_pipe() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = folder("fifo");
    let fifo = dir.join("report.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("no mkfifo: skipped");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    let r = run(&[
        "check",
        PROFILE,
        "-o",
        &text(&fifo),
        "--as-of",
        "2025-01-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(reader.join().unwrap().contains("ana-lopez"));
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(
        fs::read_dir(&dir).unwrap().count(),
        2,
        "no temporary file left"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn proc_self_fd_1_is_standard_output() {
    let r = run(&[
        "check",
        PROFILE,
        "-o",
        "/proc/self/fd/1",
        "--as-of",
        "2025-01-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("ana-lopez"), "{}", r.stdout);
}

#[test]
fn a_folder_is_refused_by_name() {
    let dir = folder("dir");
    let r = run(&["check", PROFILE, "-o", &text(&dir), "--as-of", "2025-01-01"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!(
            "error: cannot write the output: {}: a directory, expected a file name\n",
            dir.display()
        )
    );
    fs::remove_dir_all(dir).unwrap();
}
