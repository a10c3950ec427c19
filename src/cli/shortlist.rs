//! `screen` as a shortlist: records filtered (`--verdict`, several
//! `--vacancy`, `--open-only`), sorted and cut (`--sort`, `--top`), a
//! summary per vacancy (`--summary`), and the panel report
//! (`--format html`).
//!
//! # Design
//! Filters alone keep streaming: each input's records are written as soon
//! as it is screened. Sorting needs every record, so `--sort`, `--top` and
//! `--format html` keep the records that pass the filters (a flat
//! [`ScreenRecord`], about 1.5 KB; for html also the whole [`Assessment`])
//! until the end; with `--top N`, at most 2N a vacancy. Plain `screen` never comes here and keeps its parallel,
//! constant-memory path.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;
use vacancy_match::{
    Assessment, Candidate, Framing, JsonRecords, RuleSet, ScreenRecord, Vacancy, Verdict,
};

use super::args::{ScreenArgs, ScreenFormat, SortKey, SummaryFormat, VerdictFilter};
use super::output::{self, Output};
use super::paint::Paint;
use super::{rules_or_exit, screen, BAD_INPUT, OK, USAGE};

/// Requirements listed as most often missing, per vacancy.
const MOST_MISSING: usize = 5;

/// Whether the command line asks for more than plain streaming.
pub(crate) fn applies(args: &ScreenArgs) -> bool {
    let s = &args.shortlist;
    s.sort.is_some()
        || !s.verdict.is_empty()
        || s.open_only
        || s.top.is_some()
        || s.summary.is_some()
        || args.vacancy.len() > 1
        || args.format == ScreenFormat::Html
}

/// The vacancies to screen: those named (every one when none is), in
/// rule-set order, less the closed ones with `open_only`; or the message
/// for an unknown id.
pub(crate) fn select<'r>(
    rules: &'r RuleSet,
    ids: &[String],
    open_only: bool,
    as_of: NaiveDate,
) -> Result<Vec<&'r Vacancy>, String> {
    if let Some(id) = ids.iter().find(|id| rules.vacancy(id).is_none()) {
        return Err(screen::unknown_vacancy_message(id, rules));
    }
    let closed = closed_vacancies(rules, as_of);
    Ok(rules
        .vacancies()
        .iter()
        .filter(|v| ids.is_empty() || ids.iter().any(|id| id == v.id()))
        .filter(|v| !(open_only && closed.contains(v.id())))
        .collect())
}

/// The ids of the vacancies whose deadline had passed on `as_of`, as the
/// engine decides it.
pub(crate) fn closed_vacancies(rules: &RuleSet, as_of: NaiveDate) -> BTreeSet<String> {
    let nobody = Candidate::default();
    rules
        .assess(&nobody, as_of)
        .evaluate_each()
        .iter()
        .filter(|e| e.closed())
        .map(|e| e.vacancy().id().to_string())
        .collect()
}

/// A record kept for sorting, with where it came in.
pub(crate) struct Entry {
    /// Input order, the last tie-break.
    pub(crate) seq: usize,
    pub(crate) record: ScreenRecord,
    /// For the html report.
    pub(crate) assessment: Option<Assessment>,
}

/// Counts for one vacancy, over every record screened.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct VacancySummary {
    pub(crate) vacancy: String,
    pub(crate) title: String,
    pub(crate) closed: bool,
    pub(crate) screened: usize,
    pub(crate) eligible: usize,
    pub(crate) needs_review: usize,
    pub(crate) ineligible: usize,
    pub(crate) errors: usize,
    /// Required requirements not met, most often first.
    pub(crate) most_missing: Vec<RequirementCount>,
    /// Required requirements to verify, most often first.
    pub(crate) most_to_verify: Vec<RequirementCount>,
    #[serde(skip)]
    missing: BTreeMap<String, usize>,
    #[serde(skip)]
    to_verify: BTreeMap<String, usize>,
}

/// How many candidates a requirement failed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RequirementCount {
    pub(crate) requirement: String,
    pub(crate) candidates: usize,
}

impl VacancySummary {
    fn new(vacancy: &Vacancy, closed: bool) -> VacancySummary {
        VacancySummary {
            vacancy: vacancy.id().to_string(),
            title: vacancy.title().to_string(),
            closed,
            screened: 0,
            eligible: 0,
            needs_review: 0,
            ineligible: 0,
            errors: 0,
            most_missing: Vec::new(),
            most_to_verify: Vec::new(),
            missing: BTreeMap::new(),
            to_verify: BTreeMap::new(),
        }
    }

    fn count(&mut self, record: &ScreenRecord) {
        self.screened += 1;
        match record.verdict {
            Some(Verdict::Eligible) => self.eligible += 1,
            Some(Verdict::NeedsReview) => self.needs_review += 1,
            Some(Verdict::Ineligible) => self.ineligible += 1,
            None => {}
        }
        for (list, counts) in [
            (&record.unmet, &mut self.missing),
            (&record.to_verify, &mut self.to_verify),
        ] {
            for item in list {
                let requirement = item.split_once(':').map_or(item.as_str(), |(r, _)| r);
                *counts.entry(requirement.to_string()).or_default() += 1;
            }
        }
    }

    /// Fills the "most often" lists from the counts.
    fn finish(&mut self) {
        fn most(counts: &BTreeMap<String, usize>) -> Vec<RequirementCount> {
            let mut all: Vec<RequirementCount> = counts
                .iter()
                .map(|(requirement, &candidates)| RequirementCount {
                    requirement: requirement.clone(),
                    candidates,
                })
                .collect();
            // Most often first; ties by name, as the map gave them.
            all.sort_by_key(|c| std::cmp::Reverse(c.candidates));
            all.truncate(MOST_MISSING);
            all
        }
        self.most_missing = most(&self.missing);
        self.most_to_verify = most(&self.to_verify);
    }
}

/// The summary of a screen, as `--summary json` prints it.
#[derive(Debug, Serialize)]
pub(crate) struct Summary {
    pub(crate) schema_version: u32,
    pub(crate) as_of: NaiveDate,
    pub(crate) inputs: usize,
    pub(crate) unreadable: usize,
    pub(crate) vacancies: Vec<VacancySummary>,
}

pub(crate) fn run(args: &ScreenArgs, today: NaiveDate) -> u8 {
    let as_of = args.as_of.as_of.unwrap_or(today);
    let lang = args.lang.lang;
    let (rules, rules_name) = match rules_or_exit(args.rules.rules.as_deref()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let options = &args.shortlist;
    let vacancies = match select(&rules, &args.vacancy, options.open_only, as_of) {
        Ok(v) => v,
        Err(message) => {
            eprintln!("error: {message}");
            return USAGE;
        }
    };
    let closed = closed_vacancies(&rules, as_of);
    if vacancies.is_empty() && !super::quiet() {
        eprintln!("note: no vacancy selected is open on {as_of}; nothing to screen");
    }
    let html = args.format == ScreenFormat::Html;
    let buffered = html || options.sort.is_some() || options.top.is_some();
    let keep_verdict = |verdict: Option<Verdict>| {
        options.verdict.is_empty()
            || options.verdict.iter().any(|f| {
                matches!(
                    (f, verdict),
                    (VerdictFilter::Eligible, Some(Verdict::Eligible))
                        | (VerdictFilter::NeedsReview, Some(Verdict::NeedsReview))
                        | (VerdictFilter::Ineligible, Some(Verdict::Ineligible))
                        | (VerdictFilter::Error, None)
                )
            })
    };
    let mut out = match output::open_or_exit(args.output.output.as_deref(), screen::inputs(args)) {
        Ok(out) => out,
        Err(code) => return code,
    };
    let mut writer = Writer {
        format: args.format,
        raw_csv: args.raw_csv,
        paint: Paint::for_output(out.path().is_some()),
        first: true,
        kept: 0,
    };
    let mut summaries: Vec<VacancySummary> = vacancies
        .iter()
        .map(|v| VacancySummary::new(v, closed.contains(v.id())))
        .collect();
    let mut kept: Vec<Vec<Entry>> = vacancies.iter().map(|_| Vec::new()).collect();
    let mut errors: Vec<ScreenRecord> = Vec::new();
    let mut inputs = 0_usize;
    let mut unreadable = 0_usize;
    // Inputs assessed without some of their fields, and whether the
    // profile next is one of them.
    let mut partial = 0_usize;
    let mut after_partial = false;
    let key = options.sort.unwrap_or(SortKey::Verdict);
    let sources = match screen::sources(args, rules.vocabulary()) {
        Ok(sources) => sources,
        Err(code) => return code,
    };
    let progress = screen::Progress::new(screen::known_total(&sources));
    let written = (|| -> io::Result<()> {
        if !buffered {
            writer.begin(&mut out, as_of, vacancies.len(), &rules_name)?;
        }
        let profiles = screen::profiles(sources, &rules, as_of, lang, args.input_format);
        for (seq, (bytes, profile)) in profiles.enumerate() {
            let is_partial = matches!(profile, screen::Profile::Partial(_));
            let (source, candidate) = match profile {
                screen::Profile::Read { source, candidate } => {
                    // A partial input's profile comes after its error
                    // record, and is the same input.
                    if !std::mem::take(&mut after_partial) {
                        inputs += 1;
                        progress.inc(1, bytes);
                    }
                    (source, candidate)
                }
                screen::Profile::Failed(record) | screen::Profile::Partial(record) => {
                    inputs += 1;
                    progress.inc(1, bytes);
                    if is_partial {
                        partial += 1;
                        after_partial = true;
                    } else {
                        unreadable += 1;
                    }
                    if keep_verdict(None) {
                        if buffered {
                            errors.push(record);
                        } else {
                            progress.around(|| writer.record(&mut out, &record))?;
                        }
                    }
                    continue;
                }
            };
            let request = rules.assess(&candidate, as_of);
            for (i, vacancy) in vacancies.iter().enumerate() {
                let Some(e) = request.evaluate_one(vacancy.id()) else {
                    continue;
                };
                let record = ScreenRecord::from_evaluation(&source, &e, lang);
                if let Some(summary) = summaries.get_mut(i) {
                    summary.count(&record);
                }
                if !keep_verdict(record.verdict) {
                    continue;
                }
                if buffered {
                    if let Some(list) = kept.get_mut(i) {
                        list.push(Entry {
                            seq,
                            record,
                            assessment: html.then(|| e.explain(lang)),
                        });
                        // With --top N, at most 2N records are kept a
                        // vacancy: sorting is stable and input order
                        // breaks ties, so cutting early gives the same N.
                        if let Some(n) = options.top {
                            if list.len() >= n.saturating_mul(2).max(64) {
                                sort(list, key);
                                list.truncate(n);
                            }
                        }
                    }
                } else {
                    progress.around(|| writer.record(&mut out, &record))?;
                }
            }
            if !buffered {
                out.flush()?;
            }
        }
        progress.finish();
        for summary in &mut summaries {
            summary.errors = unreadable;
            summary.finish();
        }
        for list in &mut kept {
            sort(list, key);
            if let Some(n) = options.top {
                list.truncate(n);
            }
        }
        if html {
            let report = super::report::Report::new(
                &rules, &vacancies, &summaries, &kept, &errors, as_of, lang,
            );
            let page = report.render().map_err(io::Error::other)?;
            out.write_all(page.as_bytes())?;
        } else if buffered {
            writer.begin(&mut out, as_of, vacancies.len(), &rules_name)?;
            for entry in kept.iter().flatten() {
                writer.record(&mut out, &entry.record)?;
            }
            for record in &errors {
                writer.record(&mut out, record)?;
            }
        }
        writer.end(&mut out)
    })();
    progress.finish();
    let code = if unreadable + partial > 0 {
        BAD_INPUT
    } else {
        OK
    };
    let code = output::finish(out, written, code);
    if code == USAGE {
        return code;
    }
    let summary = Summary {
        schema_version: vacancy_match::SCHEMA_VERSION,
        as_of,
        inputs,
        unreadable,
        vacancies: summaries,
    };
    match options.summary {
        Some(SummaryFormat::Text) => eprint!("{}", summary_text(&summary)),
        Some(SummaryFormat::Json) => {
            let mut text = serde_json::to_string(&summary).unwrap_or_default();
            text.push('\n');
            eprint!("{text}");
        }
        None => {}
    }
    screen::unread_note(unreadable, partial, inputs);
    code
}

/// The rank of a verdict in a shortlist: eligible first.
fn rank(verdict: Option<Verdict>) -> u8 {
    match verdict {
        Some(Verdict::Eligible) => 0,
        Some(Verdict::NeedsReview) => 1,
        Some(Verdict::Ineligible) => 2,
        None => 3,
    }
}

/// Sorts one vacancy's records by `key`; input order breaks every tie, so
/// the order is the same on every run.
pub(crate) fn sort(list: &mut [Entry], key: SortKey) {
    let score = |e: &Entry| e.record.score.unwrap_or(0.0);
    let by_score = |a: &Entry, b: &Entry| score(b).total_cmp(&score(a));
    let by_verdict = |a: &Entry, b: &Entry| rank(a.record.verdict).cmp(&rank(b.record.verdict));
    let name = |e: &Entry| -> String {
        e.record
            .candidate
            .clone()
            .unwrap_or_else(|| e.record.source.clone())
    };
    list.sort_by(|a, b| {
        let first = match key {
            SortKey::Score => by_score(a, b).then_with(|| by_verdict(a, b)),
            SortKey::Verdict => by_verdict(a, b).then_with(|| by_score(a, b)),
            SortKey::Candidate => name(a).cmp(&name(b)),
        };
        first.then(a.seq.cmp(&b.seq))
    });
}

/// The summary for people, one block per vacancy.
pub(crate) fn summary_text(summary: &Summary) -> String {
    let mut text = format!(
        "summary as of {}: {} candidates read, {} could not be read\n",
        summary.as_of,
        summary.inputs - summary.unreadable,
        summary.unreadable
    );
    for v in &summary.vacancies {
        let closed = if v.closed { " [closed]" } else { "" };
        text.push_str(&format!(
            "{}{closed}: {} of {} candidates eligible or to review ({} eligible, {} needs review, {} ineligible), {} could not be read\n",
            v.vacancy,
            v.eligible + v.needs_review,
            v.screened,
            v.eligible,
            v.needs_review,
            v.ineligible,
            v.errors
        ));
        for (label, list) in [
            ("most often missing", &v.most_missing),
            ("most often to verify", &v.most_to_verify),
        ] {
            if list.is_empty() {
                continue;
            }
            let items: Vec<String> = list
                .iter()
                .map(|c| format!("{} ({})", c.requirement, c.candidates))
                .collect();
            text.push_str(&format!("  {label}: {}\n", items.join(", ")));
        }
    }
    text
}

/// Writes records one at a time in a streaming format.
struct Writer {
    format: ScreenFormat,
    /// CSV cells as they are (`--raw-csv`), formula triggers and all.
    raw_csv: bool,
    paint: Paint,
    first: bool,
    kept: usize,
}

impl Writer {
    fn begin(
        &mut self,
        out: &mut Output,
        as_of: NaiveDate,
        vacancies: usize,
        rules: &str,
    ) -> io::Result<()> {
        match self.format {
            ScreenFormat::Text => writeln!(
                out,
                "screening as of {as_of} against {vacancies} {} ({rules})",
                if vacancies == 1 {
                    "vacancy"
                } else {
                    "vacancies"
                }
            ),
            ScreenFormat::Json => write!(out, "["),
            ScreenFormat::Csv => {
                let mut header = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(Vec::new());
                header
                    .write_record(ScreenRecord::FIELDS)
                    .map_err(io::Error::other)?;
                let bytes = header.into_inner().map_err(io::Error::other)?;
                out.write_all(&bytes)
            }
            ScreenFormat::Jsonl | ScreenFormat::Html => Ok(()),
        }
    }

    fn record(&mut self, out: &mut Output, record: &ScreenRecord) -> io::Result<()> {
        let mut bytes = Vec::with_capacity(1024);
        match self.format {
            ScreenFormat::Text => screen::write_text_record(&mut bytes, record, self.paint)?,
            ScreenFormat::Json => {
                let mut items = JsonRecords::new(Framing::ArrayItems);
                items.push(record);
                // `,\n` before every item but the first, which gets `\n`.
                let item = items.as_bytes();
                bytes.extend_from_slice(if self.first {
                    item.strip_prefix(b",").unwrap_or(item)
                } else {
                    item
                });
            }
            ScreenFormat::Jsonl => {
                let mut line = JsonRecords::new(Framing::Lines);
                line.push(record);
                bytes.extend_from_slice(line.as_bytes());
            }
            ScreenFormat::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(bytes);
                if self.raw_csv {
                    w.serialize(record.csv_row()).map_err(io::Error::other)?;
                } else {
                    w.serialize(screen::neutralised(record).csv_row())
                        .map_err(io::Error::other)?;
                }
                bytes = w.into_inner().map_err(io::Error::other)?;
            }
            ScreenFormat::Html => {}
        }
        self.first = false;
        self.kept += 1;
        out.write_all(&bytes)
    }

    fn end(&mut self, out: &mut Output) -> io::Result<()> {
        match self.format {
            ScreenFormat::Text => writeln!(
                out,
                "{} {} listed",
                self.kept,
                if self.kept == 1 { "record" } else { "records" }
            ),
            ScreenFormat::Json => out.write_all(if self.first { b"]\n" } else { b"\n]\n" }),
            ScreenFormat::Jsonl | ScreenFormat::Csv | ScreenFormat::Html => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(seq: usize, candidate: &str, verdict: Verdict, score: f64) -> Entry {
        let mut record = ScreenRecord::failed("x", NaiveDate::MIN, "");
        record.error = None;
        record.candidate = Some(candidate.to_string());
        record.verdict = Some(verdict);
        record.score = Some(score);
        Entry {
            seq,
            record,
            assessment: None,
        }
    }

    fn order(list: &[Entry]) -> Vec<&str> {
        list.iter()
            .map(|e| e.record.candidate.as_deref().unwrap_or(""))
            .collect()
    }

    #[test]
    fn each_key_sorts_as_documented_and_ties_keep_input_order() {
        let make = || {
            vec![
                entry(0, "c", Verdict::Ineligible, 90.0),
                entry(1, "a", Verdict::Eligible, 70.0),
                entry(2, "b", Verdict::NeedsReview, 90.0),
                entry(3, "d", Verdict::Eligible, 70.0),
            ]
        };
        let mut list = make();
        sort(&mut list, SortKey::Score);
        assert_eq!(order(&list), ["b", "c", "a", "d"]);
        let mut list = make();
        sort(&mut list, SortKey::Verdict);
        assert_eq!(order(&list), ["a", "d", "b", "c"]);
        let mut list = make();
        sort(&mut list, SortKey::Candidate);
        assert_eq!(order(&list), ["a", "b", "c", "d"]);
    }

    #[test]
    fn the_summary_counts_verdicts_and_missing_requirements() {
        let rules = RuleSet::bundled().unwrap();
        let vacancy = &rules.vacancies()[0];
        let mut summary = VacancySummary::new(vacancy, false);
        let mut a = entry(0, "a", Verdict::Ineligible, 10.0).record;
        a.unmet = vec!["english:language.below_level".into(), "degree:x".into()];
        let mut b = entry(1, "b", Verdict::Ineligible, 10.0).record;
        b.unmet = vec!["english:language.not_stated".into()];
        b.to_verify = vec!["degree:y".into()];
        summary.count(&a);
        summary.count(&b);
        summary.count(&entry(2, "c", Verdict::Eligible, 90.0).record);
        summary.finish();
        assert_eq!(
            (summary.screened, summary.eligible, summary.ineligible),
            (3, 1, 2)
        );
        let missing: Vec<(&str, usize)> = summary
            .most_missing
            .iter()
            .map(|c| (c.requirement.as_str(), c.candidates))
            .collect();
        assert_eq!(missing, [("english", 2), ("degree", 1)]);
        assert_eq!(summary.most_to_verify[0].requirement, "degree");
    }
}
