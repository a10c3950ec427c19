//! Findings as data ([`Evaluation`]) say what the written assessments say:
//! the same verdicts, scores and codes, each gap written alone the same as
//! in the full explanation, and screening records the same whether made
//! from an evaluation or from the written assessment.

use chrono::NaiveDate;
use vacancy_match::{Candidate, Lang, RuleSet, ScreenRecord, Status};

#[path = "../benches/support/generator.rs"]
mod generator;

const AS_OF: [&str; 3] = ["2023-06-01", "2024-01-15", "2025-10-01"];

fn examples() -> Vec<Candidate> {
    let mut names: Vec<_> = std::fs::read_dir("examples/candidates")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "json"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| Candidate::from_path(p).unwrap())
        .collect()
}

fn profiles() -> Vec<Candidate> {
    let mut all = examples();
    all.push(Candidate::default());
    all.extend((0..300).map(|i| generator::profile(generator::DEFAULT_SEED, i).unwrap()));
    all
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn evaluations_explained_are_the_assessments() {
    let rules = RuleSet::bundled().unwrap();
    for cv in profiles() {
        let prepared = rules.prepare(&cv);
        for as_of in AS_OF.map(date) {
            for lang in [Lang::En, Lang::Es] {
                let written: Vec<_> = prepared
                    .evaluate_each(as_of)
                    .iter()
                    .map(|e| e.explain(lang))
                    .collect();
                assert_eq!(written, rules.assess_each_in(&cv, as_of, lang));
            }
        }
    }
}

#[test]
fn a_gap_written_alone_is_the_gap_of_the_full_explanation() {
    let rules = RuleSet::bundled().unwrap();
    let mut gaps = 0;
    for cv in profiles() {
        let prepared = rules.prepare(&cv);
        for as_of in AS_OF.map(date) {
            for e in prepared.evaluate_each(as_of) {
                for j in e.findings() {
                    for lang in [Lang::En, Lang::Es] {
                        let finding = j.explain(lang);
                        assert_eq!(
                            j.gap(lang),
                            finding.gap,
                            "{} {} {:?}",
                            e.vacancy().id(),
                            j.requirement(),
                            lang
                        );
                        // Data and words agree: a gap exactly when not met.
                        assert_eq!(finding.gap.is_some(), j.status() != Status::Met);
                        gaps += usize::from(finding.gap.is_some());
                    }
                }
            }
        }
    }
    assert!(gaps > 1000, "too few gaps compared: {gaps}");
}

#[test]
fn screening_records_from_evaluations_are_those_from_assessments() {
    let rules = RuleSet::bundled().unwrap();
    for cv in profiles() {
        let prepared = rules.prepare(&cv);
        for as_of in AS_OF.map(date) {
            for lang in [Lang::En, Lang::Es] {
                for e in prepared.evaluate_each(as_of) {
                    let record = ScreenRecord::from_evaluation("x.json", &e, lang);
                    assert_eq!(
                        record,
                        ScreenRecord::from_assessment("x.json", &cv, &e.explain(lang))
                    );
                    let mut line = Vec::new();
                    record.write_json(&mut line);
                    assert_eq!(line, serde_json::to_vec(&record).unwrap());
                    let mut direct = Vec::new();
                    ScreenRecord::write_evaluation_json("x.json", &e, lang, &mut direct);
                    assert_eq!(direct, line);
                }
            }
        }
    }
}

#[test]
fn judgements_carry_the_data_of_findings() {
    let rules = RuleSet::bundled().unwrap();
    let cv = Candidate::from_path("examples/candidates/sofia_giron_graduate.json").unwrap();
    let prepared = rules.prepare(&cv);
    let e = prepared
        .evaluate("unhcr-gt-resettlement-officer-2024", date("2024-01-15"))
        .unwrap();
    let a = e.explain(Lang::En);
    assert_eq!((e.verdict(), e.score()), (a.verdict, a.score));
    assert!((e.shortfall() - a.shortfall()).abs() < 1e-12);
    for (j, f) in e.findings().iter().zip(&a.findings) {
        assert_eq!(j.requirement(), f.requirement);
        assert_eq!(j.kind(), f.kind);
        assert_eq!(j.priority(), f.priority);
        assert_eq!(j.status(), f.status);
        assert_eq!(j.code(), f.code);
        assert_eq!(j.credit(), f.credit);
    }
    let refugee = &e.findings()[1];
    assert_eq!(
        refugee.gap(Lang::En).unwrap().to_string(),
        "needs 0.5 more years of refugee protection experience"
    );
}

#[test]
fn records_written_directly_are_serde_json_s_bytes() {
    let as_of = date("2025-01-01");
    let odd = "tab\there, \"quoted\", back\\slash, \u{1} and ñ";
    let failed = ScreenRecord::failed(odd, as_of, odd);
    let mut records = vec![failed];
    let rules = RuleSet::bundled().unwrap();
    let cv = Candidate::from_json_str(
        r#"{"id": "a \"b\"", "name": "Zoë\tQ",
            "education": [{"degree": "bachelor", "field": "Ar\"t\\s\tof \u0085 war", "completed": "2010"}]}"#,
    )
    .unwrap();
    let mut quoted_gaps = 0;
    for e in rules.prepare(&cv).evaluate_each(as_of) {
        let record = ScreenRecord::from_evaluation(odd, &e, Lang::Es);
        let (mut direct, mut built) = (Vec::new(), Vec::new());
        ScreenRecord::write_evaluation_json(odd, &e, Lang::Es, &mut direct);
        record.write_json(&mut built);
        assert_eq!(
            String::from_utf8(direct).unwrap(),
            String::from_utf8(built).unwrap()
        );
        quoted_gaps += usize::from(record.gaps.iter().any(|g| g.contains("Ar\"t\\s of")));
        records.push(record);
    }
    assert!(quoted_gaps > 0, "no gap quotes the field");
    for record in records {
        let mut line = Vec::new();
        record.write_json(&mut line);
        assert_eq!(
            String::from_utf8(line).unwrap(),
            serde_json::to_string(&record).unwrap()
        );
    }
}
