//! `validate`: rule files and profiles checked, every problem reported
//! with its file, line, column and field path.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::Path;

use vacancy_match::{
    escape_terminal, Candidate, Error, ErrorKind, Limits, RuleSet, Scales, Vocabulary,
};

use super::args::{ListFormat, ProfileFormat, ValidateArgs};
use super::files::{list_dir, Entry};
use super::screen::{Item, Items, Source};
use super::{describe, finish_output, BAD_INPUT, OK};

/// The vocabulary's file name in a rules folder.
const VOCABULARY: &str = "vocabulary.yaml";
/// The level scales' file name in a rules folder.
const SCALES: &str = "scales.yaml";

pub(crate) fn run(args: &ValidateArgs) -> u8 {
    let mut out = io::stdout().lock();
    let mut report = Report {
        json: args.format == ListFormat::Json,
        ..Report::default()
    };
    let written = (|| -> io::Result<()> {
        if let Some(rules) = &args.rules.rules {
            report.rule_set(&mut out, rules)?;
        } else if args.files.is_empty() {
            match RuleSet::bundled() {
                Ok(rules) => {
                    report.vacancies += rules.vacancies().len();
                    report.vocabularies += 1;
                    report.warnings(&mut out, &rules)?;
                }
                Err(e) => report.problems(&mut out, &e, "bundled rules")?,
            }
        }
        for path in &args.files {
            if path.is_dir() {
                if is_rule_dir(path) {
                    report.rule_set(&mut out, path)?;
                } else {
                    match list_dir(path, false) {
                        Ok(entries) => {
                            for entry in entries {
                                match entry {
                                    Entry::File(file) => report.file(&mut out, &file)?,
                                    Entry::Refused { path, why } => {
                                        let name = path.display().to_string();
                                        let text =
                                            escape_terminal(&format!("{name}: {why}")).into_owned();
                                        report.problem(&mut out, &name, &text)?;
                                    }
                                }
                            }
                        }
                        Err(e) => {
                            let name = path.display().to_string();
                            report.problem(&mut out, &name, &format!("{name}: {e}"))?;
                        }
                    }
                }
            } else {
                report.file(&mut out, path)?;
            }
        }
        report.summary(&mut out)?;
        out.flush()
    })();
    let code = if report.problems == 0 { OK } else { BAD_INPUT };
    finish_output(written, code)
}

/// What was checked and what was wrong.
#[derive(Debug, Default)]
struct Report {
    vacancies: usize,
    vocabularies: usize,
    profiles: usize,
    problems: usize,
    /// Static-analysis warnings: printed, not failing.
    warnings: usize,
    /// Files with at least one problem.
    bad_files: BTreeSet<String>,
    /// `--format json`: problems and warnings kept for one object.
    json: bool,
    problem_list: Vec<serde_json::Value>,
    warning_list: Vec<serde_json::Value>,
}

impl Report {
    /// A problem in `file`, already put into words.
    fn problem(&mut self, out: &mut impl Write, file: &str, text: &str) -> io::Result<()> {
        self.problems += 1;
        self.bad_files.insert(file.to_string());
        if self.json {
            self.problem_list
                .push(serde_json::json!({ "file": file, "message": text }));
            return Ok(());
        }
        writeln!(out, "{}", escape_terminal(text))
    }

    /// Every problem of `error`, naming `file` where a problem names none.
    fn problems(&mut self, out: &mut impl Write, error: &Error, file: &str) -> io::Result<()> {
        for p in error.problems() {
            let (in_file, text) = match p.kind() {
                ErrorKind::Io { path, .. } => (
                    path.display().to_string(),
                    escape_terminal(&p.to_string()).into_owned(),
                ),
                _ => (
                    p.location()
                        .and_then(|l| l.file())
                        .unwrap_or(file)
                        .to_string(),
                    describe(p, file),
                ),
            };
            self.problem(out, &in_file, &text)?;
        }
        Ok(())
    }

    /// The static analysis of a rule set that loaded: warnings with the
    /// place and a fix, which do not fail validation.
    fn warnings(&mut self, out: &mut impl Write, rules: &RuleSet) -> io::Result<()> {
        for warning in rules.analyze() {
            self.warnings += 1;
            if self.json {
                self.warning_list.push(serde_json::json!({
                    "vacancy": warning.vacancy,
                    "file": warning.file,
                    "line": warning.line,
                    "path": warning.path,
                    "message": warning.message,
                    "fix": warning.fix,
                }));
                continue;
            }
            // A warning's lines (the problem, then the fix), each cleaned.
            let text = warning.to_string();
            let lines: Vec<_> = text.lines().map(escape_terminal).collect();
            writeln!(out, "{}", lines.join("\n"))?;
        }
        Ok(())
    }

    /// A rules folder (or one vacancy file), checked as a whole.
    fn rule_set(&mut self, out: &mut impl Write, path: &Path) -> io::Result<()> {
        let name = path.display().to_string();
        let loaded = if path.is_file() {
            RuleSet::from_file(path)
        } else {
            RuleSet::from_dir(path)
        };
        match loaded {
            Ok(rules) => {
                self.vacancies += rules.vacancies().len();
                self.vocabularies += usize::from(path.join(VOCABULARY).is_file());
                self.warnings(out, &rules)
            }
            Err(e) => self.problems(out, &e, &name),
        }
    }

    /// One file, by what it holds.
    fn file(&mut self, out: &mut impl Write, path: &Path) -> io::Result<()> {
        let name = path.display().to_string();
        // A folder's vocabulary and scales are read as its rule set reads
        // them: extending (or replacing) the bundled ones.
        if path.file_name().is_some_and(|f| f == VOCABULARY) {
            return match read(path) {
                Ok(text) => match Vocabulary::bundled().extended(&text, &name) {
                    Ok(_) => {
                        self.vocabularies += 1;
                        Ok(())
                    }
                    Err(e) => self.problems(out, &e, &name),
                },
                Err(message) => self.problem(out, &name, &message),
            };
        }
        if path.file_name().is_some_and(|f| f == SCALES) {
            return match read(path) {
                Ok(text) => match Scales::bundled().extended(&text, &name) {
                    Ok(_) => Ok(()),
                    Err(e) => self.problems(out, &e, &name),
                },
                Err(message) => self.problem(out, &name, &message),
            };
        }
        if read(path).is_ok_and(|text| looks_like_vacancy(&text)) {
            return match RuleSet::from_file(path) {
                Ok(rules) => {
                    self.vacancies += rules.vacancies().len();
                    self.warnings(out, &rules)
                }
                Err(e) => self.problems(out, &e, &name),
            };
        }
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
        {
            let limits = Limits::default();
            for item in Items::new(vec![Source::Lines(path.to_path_buf())], limits) {
                match item {
                    Item::Line { name, line, text } => match text.text(&name, line) {
                        Ok("") => {}
                        Ok(text) => match Candidate::from_json_line(text, &name, line, &limits) {
                            Ok(_) => self.profiles += 1,
                            Err(e) => self.problems(out, &e, &name)?,
                        },
                        Err(message) => self.problem(out, &name, &message)?,
                    },
                    Item::Failed { message, .. } => self.problem(out, &name, &message)?,
                    Item::File(_) | Item::Profile { .. } => {}
                }
            }
            return Ok(());
        }
        // A JSON Resume is told by its shape, as `check` and `screen` tell it.
        let read = super::import::read_profile(
            path,
            &Limits::default(),
            ProfileFormat::Auto,
            &Vocabulary::bundled(),
        );
        match read {
            Ok(candidate) => {
                self.profiles += 1;
                for note in super::import::not_read(&candidate, &name) {
                    self.unread(out, &name, &note)?;
                }
                Ok(())
            }
            Err(e) => self.problems(out, &e, &name),
        }
    }

    /// What a JSON Resume left unread: a warning, which does not fail
    /// validation (`check` and `screen` read the rest).
    fn unread(&mut self, out: &mut impl Write, file: &str, note: &str) -> io::Result<()> {
        self.warnings += 1;
        if self.json {
            self.warning_list
                .push(serde_json::json!({ "file": file, "message": note }));
            return Ok(());
        }
        writeln!(out, "warning: {}", escape_terminal(note))
    }

    fn summary(&self, out: &mut impl Write) -> io::Result<()> {
        if self.json {
            // A struct, not `json!`: the keys in this order, the version
            // first.
            #[derive(serde::Serialize)]
            struct Summary<'a, P, W> {
                schema_version: u32,
                ok: bool,
                vacancies: usize,
                vocabularies: usize,
                profiles: usize,
                problems: &'a P,
                warnings: &'a W,
            }
            let summary = Summary {
                schema_version: vacancy_match::SCHEMA_VERSION,
                ok: self.problems == 0,
                vacancies: self.vacancies,
                vocabularies: self.vocabularies,
                profiles: self.profiles,
                problems: &self.problem_list,
                warnings: &self.warning_list,
            };
            serde_json::to_writer_pretty(&mut *out, &summary)?;
            return writeln!(out);
        }
        if self.problems == 0 {
            let counts = [
                (self.vacancies, "vacancy", "vacancies"),
                (self.vocabularies, "vocabulary", "vocabularies"),
                (self.profiles, "profile", "profiles"),
            ];
            let checked: Vec<String> = counts
                .iter()
                .filter(|(n, _, _)| *n > 0)
                .map(|(n, one, many)| format!("{n} {}", plural(*n, one, many)))
                .collect();
            let checked = if checked.is_empty() {
                "nothing to check".to_string()
            } else {
                checked.join(", ")
            };
            match self.warnings {
                0 => writeln!(out, "ok: {checked}, no problems"),
                n => writeln!(
                    out,
                    "ok: {checked}, no problems, {n} {}",
                    plural(n, "warning", "warnings")
                ),
            }
        } else {
            writeln!(
                out,
                "{} {} in {} {}",
                self.problems,
                plural(self.problems, "problem", "problems"),
                self.bad_files.len(),
                plural(self.bad_files.len(), "file", "files"),
            )
        }
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// A file's text, within the default size limit.
fn read(path: &Path) -> Result<String, String> {
    super::files::read_text(path, Limits::default().max_bytes)
        .map_err(|e| escape_terminal(&e).into_owned())
}

/// A folder that is a rule set: it holds the vocabulary or a vacancy file.
fn is_rule_dir(dir: &Path) -> bool {
    dir.join(VOCABULARY).is_file()
        || list_dir(dir, false).is_ok_and(|entries| {
            entries.iter().any(|entry| match entry {
                Entry::File(f) => read(f).is_ok_and(|text| looks_like_vacancy(&text)),
                Entry::Refused { .. } => false,
            })
        })
}

/// Whether a file is a vacancy rather than a profile: it has a top-level
/// `requirements` or `duty_station` key (keys no profile has). Read from
/// the text, so that a file too broken to parse is still told apart.
fn looks_like_vacancy(text: &str) -> bool {
    const KEYS: [&str; 2] = ["requirements", "duty_station"];
    let yaml_key = |line: &str| {
        KEYS.iter().any(|k| {
            line.strip_prefix(k)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
    };
    let json_key = |text: &str| {
        KEYS.iter().any(|k| {
            let quoted = format!("\"{k}\"");
            text.match_indices(&quoted).any(|(at, _)| {
                text.get(at + quoted.len()..)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
        })
    };
    text.lines().any(yaml_key) || (text.trim_start().starts_with('{') && json_key(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vacancies_are_told_from_profiles() {
        assert!(looks_like_vacancy("id: x\nrequirements:\n  - id: a\n"));
        assert!(looks_like_vacancy(
            "id: x\nduty_station : { country: GT }\n"
        ));
        assert!(looks_like_vacancy(r#"{"id": "x", "requirements" : []}"#));
        assert!(!looks_like_vacancy("id: x\nskills: [requirements]\n"));
        assert!(!looks_like_vacancy("id: x\n  requirements: 3\n"));
        assert!(!looks_like_vacancy(r#"{"skills": ["requirements"]}"#));
    }
}
