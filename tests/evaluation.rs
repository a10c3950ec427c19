//! Findings as data ([`Evaluation`]) say what the written assessments say:
//! the same verdicts, scores and codes, each gap written alone the same as
//! in the full explanation, and screening records the same whether made
//! from an evaluation or from the written assessment.

use chrono::NaiveDate;
use vacancy_match::{Candidate, Framing, JsonRecords, Lang, RuleSet, ScreenRecord, Status};

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
                    .assess(as_of)
                    .evaluate_each()
                    .iter()
                    .map(|e| e.explain(lang))
                    .collect();
                assert_eq!(written, rules.assess(&cv, as_of).lang(lang).each());
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
            for e in prepared.assess(as_of).evaluate_each() {
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
                let request = prepared.assess(as_of);
                let all = request.evaluate_each();
                // A profile's records written together are the records
                // written one by one, each between its separators.
                for framing in [Framing::Lines, Framing::ArrayItems] {
                    let mut together = JsonRecords::new(framing);
                    together.push_evaluations("x.json", &all, lang);
                    let mut one_by_one = JsonRecords::new(framing);
                    for e in &all {
                        one_by_one.push(&ScreenRecord::from_evaluation("x.json", e, lang));
                    }
                    assert_eq!(
                        String::from_utf8_lossy(together.as_bytes()),
                        String::from_utf8_lossy(one_by_one.as_bytes())
                    );
                }
                for e in all {
                    let record = ScreenRecord::from_evaluation("x.json", &e, lang);
                    assert_eq!(
                        record,
                        ScreenRecord::from_assessment("x.json", &cv, &e.explain(lang))
                    );
                    let mut line = JsonRecords::new(Framing::Lines);
                    line.push(&record);
                    let mut serde = serde_json::to_vec(&record).unwrap();
                    serde.push(b'\n');
                    assert_eq!(line.as_bytes(), serde);
                    let mut direct = JsonRecords::new(Framing::Lines);
                    direct.push_evaluations("x.json", std::slice::from_ref(&e), lang);
                    assert_eq!(direct.as_bytes(), line.as_bytes());
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
    let request = prepared.assess(date("2024-01-15"));
    let e = request
        .evaluate_one("unhcr-gt-resettlement-officer-2024")
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
        "needs 0.5 more years of refugee protection/durable solutions/statelessness/internal displacement experience"
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
    for e in rules.prepare(&cv).assess(as_of).evaluate_each() {
        let record = ScreenRecord::from_evaluation(odd, &e, Lang::Es);
        let (mut direct, mut built) = (JsonRecords::default(), JsonRecords::default());
        direct.push_evaluations(odd, std::slice::from_ref(&e), Lang::Es);
        built.push(&record);
        assert_eq!(
            String::from_utf8_lossy(direct.as_bytes()),
            String::from_utf8_lossy(built.as_bytes())
        );
        quoted_gaps += usize::from(record.gaps.iter().any(|g| g.contains("Ar\"t\\s of")));
        records.push(record);
    }
    assert!(quoted_gaps > 0, "no gap quotes the field");
    for record in records {
        let mut line = JsonRecords::default();
        line.push(&record);
        assert_eq!(
            String::from_utf8_lossy(line.as_bytes()),
            serde_json::to_string(&record).unwrap() + "\n"
        );
    }
}

/// Two vacancies in different countries whose experience rules share
/// domains but differ in scope and in the degree the periods must follow.
const GUATEMALA: &str = "\
id: a-gt
title: Protection Officer
organization: UNHCR
duty_station: { country: GT }
requirements:
  - { id: national, kind: experience, years: 2, scope: national }
  - { id: protection, kind: experience, years: 2, domains: [refugee protection] }
  - { id: protection_after_master, kind: experience, years: 1, domains: [refugee protection], after_degree: master }
  - { id: resettlement, kind: skill, any_of: [resettlement] }
";
const MEXICO: &str = "\
id: b-mx
title: Protection Officer
organization: UNHCR
duty_station: { country: MX }
requirements:
  - { id: national, kind: experience, years: 2, scope: national }
  - { id: resettlement, kind: skill, any_of: [resettlement] }
";
const TWO_COUNTRIES: &str = "\
id: two-countries
education:
  - { degree: master, field: Law, completed: 2019-06 }
experience:
  - { title: Protection Officer, country: GT, domains: [refugee protection], start: 2016-01, end: 2019-12 }
  - { title: Resettlement Assistant, country: MX, domains: [resettlement], start: 2020-01, end: 2021-06 }
";

#[test]
fn what_a_prepared_candidate_remembers_is_per_filter_and_list() {
    let dir = std::env::temp_dir().join(format!("vacancy-match-memo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a_gt.yaml"), GUATEMALA).unwrap();
    std::fs::write(dir.join("b_mx.yaml"), MEXICO).unwrap();
    let rules = RuleSet::from_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let cv = Candidate::from_yaml_str(TWO_COUNTRIES).unwrap();
    let as_of = date("2024-01-15");
    // One order, then the other, each with a fresh preparation: whichever
    // vacancy is assessed first, each sees its own periods.
    for order in [["a-gt", "b-mx"], ["b-mx", "a-gt"]] {
        let prepared = rules.prepare(&cv);
        for id in order {
            let a = prepared.assess(as_of).one(id).unwrap();
            assert_eq!(Some(&a), rules.assess(&cv, as_of).one(id).as_ref());
            let message = |req: &str| {
                let f = a.findings.iter().find(|f| f.requirement == req).unwrap();
                (f.status, f.message.as_str())
            };
            if id == "a-gt" {
                assert_eq!(
                    message("national"),
                    (
                        Status::Met,
                        "4 years of national experience (Guatemala) (needs 2)"
                    )
                );
                // The national filter of a-gt is not Mexico's, and the
                // same domains after a master's degree count less.
                assert_eq!(
                    message("protection"),
                    (
                        Status::Met,
                        "5.5 years of refugee protection experience (needs 2)"
                    )
                );
                assert_eq!(
                    message("protection_after_master"),
                    (
                        Status::Met,
                        "2 years of refugee protection experience after a master's degree (needs 1)"
                    )
                );
            } else {
                assert_eq!(
                    message("national"),
                    (
                        Status::NotMet,
                        "1.4 years of national experience (Mexico), needs 2: 0.6 short"
                    )
                );
            }
            assert_eq!(
                message("resettlement"),
                (Status::Met, "evidenced by experience in resettlement")
            );
        }
    }
}
