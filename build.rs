//! Embeds the rule files of `rules/` into the crate, so that an installed
//! binary and a library user have the bundled rule set without the folder.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=rules");
    let dir = Path::new("rules");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from("/// The files of `rules/`, by name.\npub(crate) static BUNDLED_FILES: &[(&str, &str)] = &[\n");
    for name in &names {
        println!("cargo:rerun-if-changed=rules/{name}");
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/rules/{name}\"))),"
        );
    }
    code.push_str("];\n");
    // The example profiles that the bundled rules' test cases name, so that
    // `vacancy-match test` runs them from any folder.
    println!("cargo:rerun-if-changed=examples/candidates");
    let mut profiles: Vec<String> = std::fs::read_dir("examples/candidates")
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".yaml") || n.ends_with(".json"))
                .collect()
        })
        .unwrap_or_default();
    profiles.sort();
    code.push_str("/// The example profiles of `examples/candidates/`, by path.\npub(crate) static BUNDLED_PROFILES: &[(&str, &str)] = &[\n");
    for name in &profiles {
        println!("cargo:rerun-if-changed=examples/candidates/{name}");
        let _ = writeln!(
            code,
            "    (\"examples/candidates/{name}\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/examples/candidates/{name}\"))),"
        );
    }
    code.push_str("];\n");
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_string());
    if let Err(e) = std::fs::write(Path::new(&out).join("bundled.rs"), code) {
        println!("cargo:warning=cannot write bundled.rs: {e}");
        std::process::exit(1);
    }
}
