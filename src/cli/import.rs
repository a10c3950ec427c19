//! `import`, `new mapping`, and what `check` and `screen` need to read
//! spreadsheets and JSON Resumes.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use vacancy_match::{
    draft_mapping, is_json_resume, Candidate, Error, Import, Importer, Limits, Mapping,
    ResumeReader, Vocabulary,
};

use super::args::{ImportArgs, MappingArg, ProfileFormat};
use super::{finish_output, BAD_INPUT, OK, USAGE};

/// `import SHEET --mapping MAP [-o OUT]`.
pub(crate) fn run(args: &ImportArgs) -> u8 {
    // Profiles are not tied to a rule set: a domain the bundled rules do
    // not know is a warning here, and an error where it is screened.
    let vocabulary = Vocabulary::bundled();
    let import = match read_export(&args.sheet, &args.mapping, &vocabulary, false) {
        Ok(import) => import,
        Err(code) => return code,
    };
    let bad = report_problems(&import);
    let code = if bad > 0 { BAD_INPUT } else { OK };
    let inputs = [Some(args.sheet.as_path()), args.mapping.mapping.as_deref()];
    let code = match &args.output {
        Some(out) if out.is_dir() || out.to_string_lossy().ends_with('/') => {
            let inputs = super::output::input_files(inputs.into_iter().flatten());
            match write_folder(out, &import, &inputs) {
                Ok(()) => code,
                Err(e) => {
                    eprintln!("error: cannot write the output: {}", escape(&e.to_string()));
                    USAGE
                }
            }
        }
        out => {
            let mut output =
                match super::output::open_or_exit(out.as_deref(), inputs.into_iter().flatten()) {
                    Ok(output) => output,
                    Err(code) => return code,
                };
            let written = write_lines(&mut BufWriter::new(&mut output), &import);
            super::output::finish(output, written, code)
        }
    };
    eprintln!(
        "{} applicants read, {} with cells that could not be read, {} rows skipped",
        import.applicants.len(),
        bad,
        import.skipped.len()
    );
    code
}

/// Reads an export with the mapping of `args`, or reports why not and
/// gives the exit status. A `fixed_domains` name `vocabulary` lacks is
/// an error with `reject`, else a warning.
pub(crate) fn read_export(
    sheet: &Path,
    args: &MappingArg,
    vocabulary: &Vocabulary,
    reject: bool,
) -> Result<Import, u8> {
    let Some(path) = &args.mapping else {
        eprintln!("error: a spreadsheet needs --mapping MAP (draft one with `vacancy-match new mapping {}`)", sheet.display());
        return Err(USAGE);
    };
    let fail = |what: String, e: &Error| {
        eprintln!("error: {what}:");
        for p in e.problems() {
            eprintln!("  {p}");
        }
        USAGE
    };
    let mapping = Mapping::from_path(path)
        .map_err(|e| fail(format!("cannot use the mapping {}", path.display()), &e))?;
    if let Err(e) = mapping.check_domains(vocabulary) {
        if reject {
            return Err(fail(
                format!("cannot use the mapping {}", path.display()),
                &e,
            ));
        }
        for p in e.problems() {
            eprintln!(
                "warning: {} (the bundled rules' vocabulary)",
                escape(&p.to_string())
            );
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let mut importer = Importer::new(&mapping).threads(threads);
    if let Some(date) = args.export_date {
        importer = importer.export_date(date);
    }
    importer
        .read_path(sheet)
        .map_err(|e| fail(format!("cannot read {}", sheet.display()), &e))
}

/// Prints every cell that could not be read and every skipped row;
/// returns the number of applicants with a problem.
fn report_problems(import: &Import) -> usize {
    for skipped in &import.skipped {
        eprintln!("skipped {skipped}: the mapping's skip_rows");
    }
    let mut bad = 0;
    for a in &import.applicants {
        if !a.problems.is_empty() {
            bad += 1;
        }
        for p in &a.problems {
            eprintln!("error: {}", escape(&p.to_string()));
        }
    }
    bad
}

/// Text from a file, safe for a terminal: control characters escaped.
fn escape(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

fn write_lines(out: &mut impl Write, import: &Import) -> io::Result<()> {
    for a in &import.applicants {
        serde_json::to_writer(&mut *out, &a.candidate)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// One YAML file per applicant, named by its id (made safe for a file
/// name; a repeated id gets the row's number), each written as `-o` writes
/// (never over one of `inputs`).
fn write_folder(
    dir: &Path,
    import: &Import,
    inputs: &[PathBuf],
) -> Result<(), super::output::OutputError> {
    let failed = |e| super::output::OutputError::Io {
        path: dir.display().to_string(),
        source: e,
    };
    std::fs::create_dir_all(dir).map_err(failed)?;
    let mut used = std::collections::BTreeSet::new();
    for (i, a) in import.applicants.iter().enumerate() {
        let id = a.candidate.id.as_deref().unwrap_or("applicant");
        let mut stem: String = id
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .take(80)
            .collect();
        if stem.is_empty() || !used.insert(stem.clone()) {
            stem = format!("{stem}-{}", i + 1);
            used.insert(stem.clone());
        }
        let yaml = serde_yaml::to_string(&a.candidate)
            .map_err(io::Error::other)
            .map_err(failed)?;
        let path: PathBuf = dir.join(format!("{stem}.yaml"));
        let mut out = super::output::Output::open(Some(&path), inputs)?;
        out.write_all(yaml.as_bytes())
            .and_then(|()| out.commit())
            .map_err(failed)?;
    }
    Ok(())
}

/// `new mapping SHEET`: a draft mapping on standard output.
pub(crate) fn new_mapping(sheet: &Path) -> u8 {
    match draft_mapping(sheet) {
        Ok(yaml) => {
            let mut out = io::stdout().lock();
            finish_output(
                out.write_all(yaml.as_bytes()).and_then(|()| out.flush()),
                OK,
            )
        }
        Err(e) => {
            eprintln!("error: cannot draft a mapping from {}:", sheet.display());
            for p in e.problems() {
                eprintln!("  {p}");
            }
            USAGE
        }
    }
}

/// Keys whose presence makes a JSON file worth parsing to look at its
/// shape (a profile never has them).
const RESUME_HINTS: [&str; 6] = [
    "\"basics\"",
    "\"work\"",
    "\"$schema\"",
    "\"studyType\"",
    "\"fluency\"",
    "\"volunteer\"",
];

/// A profile file read as `format` says: a JSON Resume (by shape, for
/// `auto`) or the profile format.
pub(crate) fn read_profile(
    path: &Path,
    limits: &Limits,
    format: ProfileFormat,
    vocabulary: &Vocabulary,
) -> Result<Candidate, Error> {
    let resume = || {
        ResumeReader::new()
            .infer_domains(vocabulary)
            .limits(*limits)
            .read_path(path)
    };
    match format {
        ProfileFormat::Profile => Candidate::from_path_with(path, limits),
        ProfileFormat::JsonResume => resume(),
        ProfileFormat::Auto => {
            let is_json = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("json"));
            if is_json {
                if let Ok(text) = std::fs::read_to_string(path) {
                    if text.len() <= limits.max_bytes
                        && RESUME_HINTS.iter().any(|h| text.contains(h))
                        && serde_json::from_str::<serde_json::Value>(&text)
                            .is_ok_and(|v| is_json_resume(&v))
                    {
                        return resume();
                    }
                }
            }
            Candidate::from_path_with(path, limits)
        }
    }
}

/// Reads a profile from text on standard input as `format` says.
pub(crate) fn read_profile_text(
    text: &str,
    limits: &Limits,
    format: ProfileFormat,
    vocabulary: &Vocabulary,
) -> Result<Candidate, Error> {
    let resume = || {
        ResumeReader::new()
            .infer_domains(vocabulary)
            .limits(*limits)
            .read_str(text, "stdin")
    };
    match format {
        ProfileFormat::JsonResume => resume(),
        ProfileFormat::Auto
            if serde_json::from_str::<serde_json::Value>(text)
                .is_ok_and(|v| is_json_resume(&v)) =>
        {
            resume()
        }
        _ => Candidate::from_str_with(text, vacancy_match::InputFormat::Yaml, limits),
    }
}

/// The inputs of `screen --mapping`: each export's applicants, in row
/// order, with the cells of each row that could not be read (an error
/// record before the row's records).
pub(crate) fn sheet_sources(
    sheets: &[PathBuf],
    args: &MappingArg,
    vocabulary: &Vocabulary,
) -> Result<Vec<super::screen::Source>, u8> {
    use super::screen::{Item, Source};
    let mut sources = Vec::new();
    for sheet in sheets {
        let import = read_export(sheet, args, vocabulary, true)?;
        for skipped in &import.skipped {
            eprintln!("skipped {skipped}: the mapping's skip_rows");
        }
        for a in import.applicants {
            let problems = (!a.problems.is_empty()).then(|| {
                a.problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            });
            sources.push(Source::Ready(Item::Profile {
                source: a.source,
                candidate: Box::new(a.candidate),
                problems,
            }));
        }
    }
    Ok(sources)
}

/// What a profile's provenance notes was read but not used (`not read:
/// education[1]`: a degree level, a fluency, a language the table
/// lacks), each as `file: path: why`: a JSON Resume is read in part
/// rather than refused, and says so.
pub(crate) fn not_read(candidate: &Candidate, file: &str) -> Vec<String> {
    candidate
        .provenance
        .iter()
        .flat_map(|p| &p.entries)
        .filter_map(|(key, why)| {
            let path = key.strip_prefix("not read: ")?;
            Some(format!("{file}: {path}: {why}"))
        })
        .collect()
}

/// Whether a path names a spreadsheet (which only `--mapping` can read).
pub(crate) fn has_sheet(paths: &[PathBuf]) -> bool {
    paths.iter().any(|p| {
        p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["xlsx", "xlsm", "xlsb", "xls", "ods", "csv"].contains(&e.to_ascii_lowercase().as_str())
        })
    })
}
