//! The report for a hiring panel (`screen --format html`): one
//! self-contained HTML page, rendered from `templates/report.html` with
//! minijinja, every input text escaped by its HTML auto-escaping.
//!
//! # Design
//! The page loads nothing: its styles are inline, it has no script, and a
//! Content-Security-Policy forbids any fetch, so it reads the same offline,
//! on a phone (no horizontal scrolling at 390 px) and printed (one vacancy
//! per page). Words around the data are in the report's language, the
//! data's own sentences in the language the assessment was explained in.

use chrono::NaiveDate;
use serde::Serialize;
use vacancy_match::{
    escape_terminal, Assessment, Candidate, Lang, Priority, RuleSet, Status, Text, Vacancy, Verdict,
};

use super::shortlist::{Entry, VacancySummary};

const TEMPLATE: &str = include_str!("../../templates/report.html");

/// Everything the page shows.
#[derive(Debug, Serialize)]
pub(crate) struct Report {
    lang: &'static str,
    t: &'static Words,
    as_of: NaiveDate,
    engine: String,
    rules: Vec<RuleFile>,
    vacancies: Vec<VacancyView>,
    errors: Vec<ErrorView>,
}

#[derive(Debug, Serialize)]
struct RuleFile {
    vacancy: Text,
    file: Option<String>,
    sha256: Text,
}

#[derive(Debug, Serialize)]
struct VacancyView {
    id: String,
    title: String,
    organization: String,
    duty_station: String,
    deadline: Option<String>,
    closed: bool,
    summary: VacancySummary,
    shortlist: Vec<Row>,
}

#[derive(Debug, Serialize)]
struct Row {
    rank: usize,
    anchor: String,
    candidate: String,
    name: Option<String>,
    source: String,
    verdict: &'static str,
    verdict_label: &'static str,
    score: String,
    gaps: Vec<String>,
    what_if: Vec<String>,
    findings: Vec<FindingView>,
}

#[derive(Debug, Serialize)]
struct FindingView {
    requirement: Text,
    required: bool,
    status: &'static str,
    status_label: &'static str,
    message: Text,
    expected: Text,
    path: Option<Text>,
    evidence: Vec<String>,
    gap: Option<String>,
    clause: Option<String>,
}

#[derive(Debug, Serialize)]
struct ErrorView {
    source: String,
    error: String,
}

/// The words of the page, in one language.
#[derive(Debug, Serialize)]
pub(crate) struct Words {
    title: &'static str,
    as_of: &'static str,
    engine: &'static str,
    rule_files: &'static str,
    vacancy: &'static str,
    file: &'static str,
    organization: &'static str,
    duty_station: &'static str,
    deadline: &'static str,
    no_deadline: &'static str,
    open: &'static str,
    closed: &'static str,
    summary: &'static str,
    screened: &'static str,
    eligible: &'static str,
    needs_review: &'static str,
    ineligible: &'static str,
    errors: &'static str,
    most_missing: &'static str,
    most_to_verify: &'static str,
    shortlist: &'static str,
    rank: &'static str,
    candidate: &'static str,
    verdict: &'static str,
    score: &'static str,
    none_listed: &'static str,
    details: &'static str,
    requirement: &'static str,
    required: &'static str,
    desirable: &'static str,
    expected: &'static str,
    path: &'static str,
    evidence: &'static str,
    gap: &'static str,
    posting: &'static str,
    what_if: &'static str,
    unreadable: &'static str,
    signatures: &'static str,
    met: &'static str,
    not_met: &'static str,
    unknown: &'static str,
}

const EN: Words = Words {
    title: "Shortlist for the hiring panel",
    as_of: "Assessed as of",
    engine: "Engine",
    rule_files: "Rule files",
    vacancy: "Vacancy",
    file: "File",
    organization: "Organization",
    duty_station: "Duty station",
    deadline: "Deadline",
    no_deadline: "none given",
    open: "open",
    closed: "closed",
    summary: "Summary",
    screened: "Candidates screened",
    eligible: "Eligible",
    needs_review: "Needs review",
    ineligible: "Ineligible",
    errors: "Could not be read",
    most_missing: "Most often missing (candidates)",
    most_to_verify: "Most often to verify (candidates)",
    shortlist: "Ranked shortlist",
    rank: "#",
    candidate: "Candidate",
    verdict: "Verdict",
    score: "Score",
    none_listed: "No candidate listed.",
    details: "Findings by candidate",
    requirement: "Requirement",
    required: "required",
    desirable: "desirable",
    expected: "Asks",
    path: "Path",
    evidence: "Evidence",
    gap: "Gap",
    posting: "Posting",
    what_if: "To become eligible",
    unreadable: "Profiles that could not be read",
    signatures: "Reviewed by the panel (name, date, signature)",
    met: "met",
    not_met: "not met",
    unknown: "to verify",
};

const ES: Words = Words {
    title: "Preselección para el panel de contratación",
    as_of: "Evaluado a fecha de",
    engine: "Motor",
    rule_files: "Archivos de reglas",
    vacancy: "Vacante",
    file: "Archivo",
    organization: "Organización",
    duty_station: "Lugar de destino",
    deadline: "Fecha límite",
    no_deadline: "no indicada",
    open: "abierta",
    closed: "cerrada",
    summary: "Resumen",
    screened: "Candidaturas evaluadas",
    eligible: "Elegible",
    needs_review: "Requiere revisión",
    ineligible: "No elegible",
    errors: "No se pudieron leer",
    most_missing: "Lo que más falta (candidaturas)",
    most_to_verify: "Lo que más hay que verificar (candidaturas)",
    shortlist: "Preselección ordenada",
    rank: "#",
    candidate: "Candidatura",
    verdict: "Veredicto",
    score: "Puntuación",
    none_listed: "Ninguna candidatura en la lista.",
    details: "Resultados por candidatura",
    requirement: "Requisito",
    required: "obligatorio",
    desirable: "deseable",
    expected: "Pide",
    path: "Vía",
    evidence: "Evidencia",
    gap: "Falta",
    posting: "Anuncio",
    what_if: "Para ser elegible",
    unreadable: "Perfiles que no se pudieron leer",
    signatures: "Revisado por el panel (nombre, fecha, firma)",
    met: "cumple",
    not_met: "no cumple",
    unknown: "por verificar",
};

impl Words {
    fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::Es => &ES,
            _ => &EN,
        }
    }

    fn verdict(&self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Eligible => self.eligible,
            Verdict::NeedsReview => self.needs_review,
            Verdict::Ineligible => self.ineligible,
        }
    }

    fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Met => self.met,
            Status::NotMet => self.not_met,
            Status::Unknown => self.unknown,
        }
    }
}

impl Report {
    /// The report of a screen: the vacancies screened, their summaries,
    /// the records kept for each (sorted, cut) and the unreadable inputs.
    pub(crate) fn new(
        rules: &RuleSet,
        vacancies: &[&Vacancy],
        summaries: &[VacancySummary],
        kept: &[Vec<Entry>],
        errors: &[vacancy_match::ScreenRecord],
        as_of: NaiveDate,
        lang: Lang,
    ) -> Report {
        let t = Words::of(lang);
        let nobody = Candidate::default();
        let request = rules.assess(&nobody, as_of);
        let rule_files = vacancies
            .iter()
            .filter_map(|v| request.evaluate_one(v.id()))
            .map(|e| {
                let audit = e.explain(lang).audit;
                RuleFile {
                    vacancy: audit.vacancy,
                    file: e.vacancy().file().map(str::to_string),
                    sha256: audit.rules_sha256,
                }
            })
            .collect();
        let views = vacancies
            .iter()
            .zip(summaries)
            .zip(kept)
            .map(|((vacancy, summary), entries)| VacancyView {
                id: vacancy.id().to_string(),
                title: vacancy.title().to_string(),
                organization: vacancy.organization().to_string(),
                duty_station: duty_station(vacancy, lang),
                deadline: vacancy.deadline().map(|d| d.to_string()),
                closed: summary.closed,
                summary: summary.clone(),
                shortlist: entries
                    .iter()
                    .enumerate()
                    .map(|(i, entry)| row(i + 1, vacancy, entry, t))
                    .collect(),
            })
            .collect();
        Report {
            lang: if lang == Lang::Es { "es" } else { "en" },
            t,
            as_of,
            engine: concat!("vacancy-match ", env!("CARGO_PKG_VERSION")).to_string(),
            rules: rule_files,
            vacancies: views,
            errors: errors
                .iter()
                .map(|r| ErrorView {
                    source: r.source.clone(),
                    error: r.error.clone().unwrap_or_default(),
                })
                .collect(),
        }
    }

    /// The page.
    pub(crate) fn render(&self) -> Result<String, minijinja::Error> {
        let mut env = minijinja::Environment::new();
        env.set_formatter(|out, state, value| match value.as_str().map(visible) {
            Some(std::borrow::Cow::Owned(text)) => {
                let text = if value.is_safe() {
                    minijinja::Value::from_safe_string(text)
                } else {
                    minijinja::Value::from(text)
                };
                minijinja::escape_formatter(out, state, &text)
            }
            _ => minijinja::escape_formatter(out, state, value),
        });
        env.add_template("report.html", TEMPLATE)?;
        env.get_template("report.html")?
            .render(minijinja::value::Serde(self))
    }
}

/// Text for the page with what could hide or disguise it written out
/// visibly, as [`escape_terminal`] writes it (a right-to-left override in
/// a name becomes `\u{202e}`, an escape `\u{1b}`); line breaks, which a
/// page shows as spaces, are kept, and so is every other character.
fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\n') {
        return escape_terminal(text);
    }
    let mut changed = false;
    let lines: Vec<_> = text
        .split('\n')
        .map(|line| {
            let line = escape_terminal(line);
            changed |= matches!(line, std::borrow::Cow::Owned(_));
            line
        })
        .collect();
    if changed {
        std::borrow::Cow::Owned(lines.join("\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn duty_station(vacancy: &Vacancy, lang: Lang) -> String {
    let country = vacancy.country();
    let country = if lang == Lang::Es {
        country.spanish_name()
    } else {
        country.english_name()
    };
    match vacancy.city() {
        Some(city) => format!("{city}, {country}"),
        None => country.to_string(),
    }
}

fn row(rank: usize, vacancy: &Vacancy, entry: &Entry, t: &Words) -> Row {
    let r = &entry.record;
    let candidate = r.candidate.clone().unwrap_or_else(|| r.source.clone());
    let verdict = r.verdict.unwrap_or(Verdict::NeedsReview);
    Row {
        rank,
        anchor: format!("{}-{rank}", vacancy.id()),
        candidate,
        name: r.name.clone(),
        source: r.source.clone(),
        verdict: verdict.as_str(),
        verdict_label: t.verdict(verdict),
        score: format!("{:.1}", r.score.unwrap_or(0.0)),
        gaps: r.gaps.clone(),
        what_if: entry
            .assessment
            .iter()
            .flat_map(|a| {
                a.what_if
                    .iter()
                    .map(|c| format!("{}: {}", c.requirement, c.change))
            })
            .collect(),
        findings: entry
            .assessment
            .as_ref()
            .map(|a| findings(a, vacancy, t))
            .unwrap_or_default(),
    }
}

fn findings(assessment: &Assessment, vacancy: &Vacancy, t: &Words) -> Vec<FindingView> {
    assessment
        .findings
        .iter()
        .map(|f| FindingView {
            requirement: f.requirement.clone(),
            required: f.priority == Priority::Required,
            status: f.status.as_str(),
            status_label: t.status(f.status),
            message: f.message.clone(),
            expected: f.expected.clone(),
            path: f.path.clone(),
            evidence: f
                .evidence
                .iter()
                .map(|e| format!("{}: {}", e.item, e.detail))
                .collect(),
            gap: f.gap.as_ref().map(|g| g.render(f.lang)),
            clause: vacancy
                .requirements()
                .iter()
                .find(|r| r.id() == f.requirement)
                .and_then(|r| r.source())
                .map(str::to_string),
        })
        .collect()
}
