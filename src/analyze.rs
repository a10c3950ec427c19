//! Static analysis of rule files: lines that load but are probably wrong.
//!
//! Layer 9 of 10 (bottom first; see CONTRIBUTING.md): may use every layer up
//! to `record`; not `cases`, `screen` or `import`, its neighbours.
//!
//! A rule file that loads can still reject good applicants silently: a
//! path no candidate can take, a path that another makes redundant, a
//! language required at two levels, a desirable item that can never add
//! to the score, a requirement nobody can trace to the posting. These are
//! warnings: the rule set still works, but someone should look.

use std::fmt;

use crate::load::locate;
use crate::model::vacancy::{EducationPath, ExperienceRule, FieldRule, LanguageRule, Rule, Scope};
use crate::model::Cefr;
use crate::{Priority, RuleSet, Vacancy};

/// The longest experience a career can give, in years.
const MAX_CAREER_YEARS: f64 = 45.0;

/// A warning about a rule file, with where it is and how to fix it.
///
/// # Example
/// ```
/// let yaml = "
/// id: demo
/// title: Demo
/// organization: UNHCR
/// duty_station: { country: GT }
/// requirements:
///   - { id: english, kind: language, languages: en, level: fluent }
/// ";
/// let rules = vacancy_match::RuleSet::from_yaml_str(yaml)?;
/// let warnings = rules.analyze();
/// assert_eq!(warnings[0].message, "requirement `english` has no `source` quote from the posting");
/// assert_eq!(warnings[0].line, Some(7));
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The vacancy's id.
    pub vacancy: String,
    /// The rule file, if the vacancy came from one.
    pub file: Option<String>,
    /// The 1-based line, where it could be found.
    pub line: Option<usize>,
    /// The field path, e.g. `requirements[0].paths[1]`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: ")?,
            (Some(file), None) => write!(f, "{file}: ")?,
            (None, Some(line)) => write!(f, "line {line}: ")?,
            (None, None) => {}
        }
        write!(
            f,
            "{}: warning: {}\n    fix: {}",
            self.path, self.message, self.fix
        )
    }
}

struct Sink<'v> {
    vacancy: &'v Vacancy,
    out: Vec<Warning>,
}

impl Sink<'_> {
    fn warn(&mut self, path: String, message: String, fix: String) {
        let line = self
            .vacancy
            .text
            .as_deref()
            .and_then(|t| locate(t, &path))
            .map(|(l, _)| l);
        self.out.push(Warning {
            vacancy: self.vacancy.id.to_string(),
            file: self.vacancy.file.clone(),
            line,
            path,
            message,
            fix,
        });
    }
}

/// A `posting:` that names no file: it is read relative to the folder of
/// the rule file. Only a rule file read from disk is checked (a rule set
/// built from text has no folder to look in).
fn posting_file(v: &Vacancy, sink: &mut Sink<'_>) {
    let (Some(posting), Some(file)) = (v.posting.as_deref(), v.file.as_deref()) else {
        return;
    };
    let file = std::path::Path::new(file);
    if !file.is_file() {
        return;
    }
    let tried = file
        .parent()
        .map_or_else(|| posting.into(), |dir| dir.join(posting));
    if !tried.is_file() {
        sink.warn(
            "posting".to_string(),
            format!(
                "posting file `{posting}` not found: looked for {}",
                tried.display()
            ),
            "`posting:` is a path relative to the rule file's folder: put the posting text \
             there, correct the path, or remove the line"
                .to_string(),
        );
    }
}

impl RuleSet {
    /// Looks for rules that load but are probably wrong: a `posting:`
    /// file that is not there (relative to the rule file), paths
    /// dominated by another or impossible to meet, a language required at
    /// two levels, a native speaker required at a level below C2 or a
    /// level written "native" without saying whether a native speaker is
    /// required, a desirable item identical to (or weaker than) a
    /// required one, requirements without a `source` quote.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.analyze().is_empty(), "{:?}", rules.analyze());
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn analyze(&self) -> Vec<Warning> {
        let mut all = Vec::new();
        for vacancy in &self.vacancies {
            let mut sink = Sink {
                vacancy,
                out: Vec::new(),
            };
            analyze_vacancy(vacancy, &mut sink);
            // In line order, as a reader goes through the file.
            sink.out.sort_by_key(|w| w.line);
            all.extend(sink.out);
        }
        all
    }
}

fn analyze_vacancy(v: &Vacancy, sink: &mut Sink<'_>) {
    posting_file(v, sink);
    for (i, r) in v.requirements.iter().enumerate() {
        if r.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
            sink.warn(
                format!("requirements[{i}]"),
                format!(
                    "requirement `{}` has no `source` quote from the posting",
                    r.id
                ),
                "add `source:` with the posting's own words, so a reviewer can trace the rule"
                    .to_string(),
            );
        }
        if let Rule::Education(edu) = &r.rule {
            education_paths(i, &r.id, &edu.paths, sink);
        }
        if let Rule::Language(l) = &r.rule {
            native_level(i, &r.id, l, sink);
        }
        if let Rule::Experience(exp) = &r.rule {
            if exp.years > MAX_CAREER_YEARS {
                sink.warn(
                    format!("requirements[{i}].years"),
                    format!(
                        "{} years of experience is more than a career gives; nobody can meet it",
                        exp.years
                    ),
                    "check the number of years against the posting".to_string(),
                );
            }
        }
    }
    pairs(v, sink);
}

/// A language rule whose level and native-ness disagree, or whose level
/// says "native" while the rule does not say whether a native speaker is
/// required (it then reads as C2, the meaning it had before `native`).
fn native_level(i: usize, id: &str, rule: &LanguageRule, sink: &mut Sink<'_>) {
    if rule.native && rule.level.cefr() < Cefr::C2 {
        sink.warn(
            format!("requirements[{i}].level"),
            format!(
                "`{id}` requires a native speaker and level {}: a native speaker meets it at any stated level and nobody else does, so the level is never used",
                rule.level
            ),
            "remove `level` (a native speaker is required), or remove `native: true` if the posting asks for a level".to_string(),
        );
    } else if !rule.native_stated && rule.level.says_native() {
        sink.warn(
            format!("requirements[{i}].level"),
            format!(
                "`{id}` asks level `{}`, which reads as C2: a certified non-native C2 meets it and a native speaker who wrote C1 does not",
                rule.level.written().unwrap_or("native")
            ),
            "add `native: true` if the posting requires a native speaker (mother tongue), or `native: false` to keep C2".to_string(),
        );
    }
}

fn education_paths(i: usize, id: &str, paths: &[EducationPath], sink: &mut Sink<'_>) {
    let written: Vec<(usize, &EducationPath)> = paths
        .iter()
        .enumerate()
        .filter(|(_, p)| p.substitutes_for.is_none())
        .collect();
    for &(j, path) in &written {
        if let Some(exp) = &path.experience {
            if exp.years > MAX_CAREER_YEARS {
                sink.warn(
                    format!("requirements[{i}].paths[{j}].experience.years"),
                    format!(
                        "path {} of `{id}` asks {} years of experience; nobody can meet it",
                        j.saturating_add(1),
                        exp.years
                    ),
                    "check the number of years against the posting".to_string(),
                );
            }
        }
        if let Some(&(k, _)) = written.iter().find(|&&(k, other)| {
            k != j && dominates(other, path) && !(dominates(path, other) && k > j)
        }) {
            sink.warn(
                format!("requirements[{i}].paths[{j}]"),
                format!(
                    "path {} of `{id}` is dominated by path {}: anyone who meets it also meets path {}",
                    j.saturating_add(1),
                    k.saturating_add(1),
                    k.saturating_add(1)
                ),
                format!(
                    "remove path {} or make path {} stricter, as the posting says",
                    j.saturating_add(1),
                    k.saturating_add(1)
                ),
            );
        }
    }
}

/// Whether everyone who meets `b` also meets `a`.
fn dominates(a: &EducationPath, b: &EducationPath) -> bool {
    a.degree <= b.degree
        && (!a.accredited || b.accredited)
        && fields_cover(a.fields.as_ref(), b.fields.as_ref())
        && match (&a.experience, &b.experience) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(x), Some(y)) => experience_covers(x, y),
        }
}

fn fields_cover(a: Option<&FieldRule>, b: Option<&FieldRule>) -> bool {
    match (a, b) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(a), Some(b)) => {
            (a.related || !b.related)
                && b.accepted.iter().all(|t| {
                    a.accepted.iter().any(|u| {
                        u.norm == t.norm || (u.concept.is_some() && u.concept == t.concept)
                    })
                })
        }
    }
}

/// Whether every period history meeting `b` also meets `a`.
fn experience_covers(a: &ExperienceRule, b: &ExperienceRule) -> bool {
    let domains = a.domains.is_empty()
        || (!b.domains.is_empty()
            && b.domains.iter().all(|t| {
                a.domains
                    .iter()
                    .any(|u| u.norm == t.norm || (u.concept.is_some() && u.concept == t.concept))
            }));
    let countries = a.countries.is_empty()
        || (!b.countries.is_empty() && b.countries.iter().all(|c| a.countries.contains(c)));
    let scope = a.scope == Scope::Any || a.scope == b.scope;
    let degree = match (a.after_degree, b.after_degree) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(x), Some(y)) => x <= y,
    };
    let with = a.with.is_empty() || a.with == b.with;
    a.years <= b.years
        && domains
        && with
        && countries
        && scope
        && degree
        && (a.related || !b.related)
}

/// A comparable summary of what a requirement asks, for pairs.
fn signature(rule: &Rule) -> Option<String> {
    match rule {
        Rule::Language(l) => {
            let mut codes: Vec<&str> = l.languages.iter().map(|x| x.code()).collect();
            codes.sort_unstable();
            let native = if l.native { ":native" } else { "" };
            Some(format!("language:{}{native}", codes.join("+")))
        }
        Rule::Certification(n) | Rule::Skill(n) => {
            let mut names: Vec<String> = n
                .any_of
                .iter()
                .map(|t| t.concept.map_or_else(|| t.norm.clone(), |c| c.to_string()))
                .collect();
            names.sort_unstable();
            Some(format!("{}:{}", rule.kind().as_str(), names.join("+")))
        }
        Rule::Attestation(a) => Some(format!("attestation:{}", a.name)),
        Rule::Internal(_) => Some("internal".to_string()),
        Rule::Nationality(n) => Some(format!("nationality:{}", n.exclude)),
        Rule::WorkAuthorization(w) => Some(format!("work_authorization:{}", w.country.code())),
        Rule::Experience(_) | Rule::Education(_) => None,
    }
}

fn pairs(v: &Vacancy, sink: &mut Sink<'_>) {
    let reqs = &v.requirements;
    for (i, a) in reqs.iter().enumerate() {
        for (j, b) in reqs.iter().enumerate().skip(i.saturating_add(1)) {
            let same = signature(&a.rule).is_some() && signature(&a.rule) == signature(&b.rule);
            match (a.priority, b.priority) {
                (Priority::Required, Priority::Required) => {
                    if let (Rule::Language(x), Rule::Language(y)) = (&a.rule, &b.rule) {
                        if same && x.level.cefr() != y.level.cefr() {
                            let (low, high) = if x.level.cefr() < y.level.cefr() {
                                (a, b)
                            } else {
                                (b, a)
                            };
                            sink.warn(
                                format!("requirements[{j}]"),
                                format!(
                                    "`{}` and `{}` require the same language at two levels; the higher decides and the lower never matters",
                                    a.id, b.id
                                ),
                                format!("remove `{}` or state the level the posting asks (`{}`)", low.id, high.id),
                            );
                            continue;
                        }
                    }
                    if same {
                        sink.warn(
                            format!("requirements[{j}]"),
                            format!("`{}` repeats `{}`", b.id, a.id),
                            format!("remove `{}`", b.id),
                        );
                    }
                }
                (Priority::Required, Priority::Desirable)
                | (Priority::Desirable, Priority::Required) => {
                    let (req, des, k) = if a.priority == Priority::Required {
                        (a, b, j)
                    } else {
                        (b, a, i)
                    };
                    let weaker = match (&req.rule, &des.rule) {
                        (Rule::Language(x), Rule::Language(y)) => {
                            same && y.level.cefr() <= x.level.cefr()
                        }
                        (Rule::Experience(x), Rule::Experience(y)) => experience_covers(y, x),
                        _ => same,
                    };
                    if weaker {
                        sink.warn(
                            format!("requirements[{k}]"),
                            format!(
                                "desirable `{}` asks no more than required `{}`: every eligible candidate meets it, so it never ranks anyone",
                                des.id, req.id
                            ),
                            format!("remove `{}` or make it ask for more than `{}`", des.id, req.id),
                        );
                    }
                }
                _ => {}
            }
        }
    }
}
