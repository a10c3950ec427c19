//! Properties over arbitrary well-formed profiles against the five bundled
//! postings: adding a qualification never lowers a score nor worsens a
//! verdict, list order does not matter, output is deterministic, and
//! verdicts and scores agree with the findings.
//!
//! Every generated list is present (`Some`): a list that is `None` means
//! "not stated", and going from not stated to stated is not "adding".

// Strategies and helpers of a test: a panic with a message is the failure
// report.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::Index;
use vacancy_match::{
    Assessment, AuthorizationStatus, Candidate, Cefr, Certification, Completion, Country, Degree,
    DegreeLevel, Lang, Language, LanguageLevel, LanguageSkill, PartialDate, Period, Priority,
    RuleSet, Status, Verdict, WorkAuthorization,
};

use common::rules;

const DEGREE_NAMES: &[&str] = &[
    "Diploma de Bachiller",
    "Bachillerato",
    "high school",
    "Preparatoria",
    "Técnico",
    "technical diploma",
    "Licenciatura",
    "Bachelor of Arts",
    "undergraduate degree",
    "first-level university degree",
    "Maestría",
    "Master of Laws",
    "advanced university degree",
    "Doctorado",
    "PhD",
];

const FIELDS: &[&str] = &[
    "Derecho",
    "Ciencias Jurídicas y Sociales",
    "Relaciones Internacionales",
    "International Relations",
    "Intl. Relations",
    "Ciencia Política",
    "Political Science",
    "Sociología",
    "Psicología",
    "Trabajo Social",
    "Pedagogía y Administración Educativa",
    "Ciencias de la Educación",
    "Derecho Internacional Humanitario",
    "International Refugee Law",
    "Estudios de Género",
    "Ingeniería Civil",
    "Economía",
    "Antropología",
    "Industrial Relations",
];

const DOMAINS: &[&str] = &[
    "refugee protection",
    "asylum",
    "protección internacional",
    "resettlement",
    "refugee status determination",
    "case management",
    "casework",
    "migration",
    "migración",
    "human rights",
    "derechos humanos",
    "humanitarian action",
    "asistencia humanitaria",
    "international relations",
    "diplomacia",
    "refugee law and policy",
    "durable solutions",
    "education",
    "docencia",
    "vulnerable groups",
    "community work",
    "local government",
    "NGO",
    "adult training",
    "public sector",
    "mixed migratory movements",
    "accounting",
    "SGBV",
    "registration",
    "refugee protecion",
];

const COUNTRIES: &[&str] = &["GT", "MX", "SV", "HN", "CO", "EC", "PA", "CR", "CH", "US"];

const ORGANIZATIONS: &[&str] = &[
    "UNHCR",
    "ACNUR",
    "ACNUR México",
    "IOM",
    "OIM Guatemala",
    "HIAS",
    "NRC",
    "Cáritas",
    "Municipalidad de San Marcos",
    "UNOPS",
];

const LANGUAGES: &[&str] = &[
    "es", "español", "en", "English", "inglés", "fr", "francés", "mam", "K'iche'", "cak", "kek",
    "pt",
];

const LEVELS: &[&str] = &[
    "A1",
    "A2",
    "B1",
    "B2",
    "C1",
    "C2",
    "native",
    "nativo",
    "basic",
    "working knowledge",
    "good",
    "fluent",
    "avanzado",
    "intermedio",
];

const CERTIFICATIONS: &[&str] = &[
    "Protection Learning Programme",
    "PLP",
    "Protection Learning Programe",
    "Resettlement Learning Programme",
    "HCR Resettlement Learning Program – UNHCR",
    "BSAFE",
    "CISSP",
];

const SKILLS: &[&str] = &[
    "resettlement",
    "reasentamiento",
    "PR-Resettlement/Repatriation/Voluntary Repatriation",
    "voluntary repatriation",
    "MS Office",
    "Excel",
    "ProGres",
    "proGres v4",
    "anti-fraud",
    "database management",
    "gestión de bases de datos",
    "mixed movements",
    "Mexican asylum law",
    "policy analysis",
    "curriculum design",
];

const AS_OF: &[&str] = &[
    "2017-03-01",
    "2024-01-15",
    "2025-01-10",
    "2025-08-01",
    "2025-10-01",
    "2027-06-30",
];

fn pick(pool: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    proptest::sample::select(pool)
}

/// A month (or, sometimes, a day or a year) from 1998 to 2027.
fn date() -> impl Strategy<Value = PartialDate> {
    (1998..=2027_i32, 1..=12_u32, 0..=4_u8).prop_map(|(year, month, precision)| {
        let text = match precision {
            0 => format!("{year}"),
            1 => format!("{year}-{month:02}-15"),
            _ => format!("{year}-{month:02}"),
        };
        text.parse().expect("a valid generated date")
    })
}

fn as_of() -> impl Strategy<Value = NaiveDate> {
    pick(AS_OF).prop_map(|d| d.parse().expect("a valid as-of date"))
}

fn degree() -> impl Strategy<Value = Degree> {
    (
        pick(DEGREE_NAMES),
        proptest::option::weighted(0.9, pick(FIELDS)),
        proptest::option::weighted(
            0.8,
            prop_oneof![
                8 => date().prop_map(Completion::On),
                1 => Just(Completion::Yes),
                1 => Just(Completion::No),
            ],
        ),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(name, field, completed, accredited)| {
            let mut degree = Degree::new(DegreeLevel::parse(name).expect("a valid degree name"));
            degree.field = field.map(str::to_string);
            degree.completed = completed;
            degree.accredited = accredited;
            degree
        })
}

fn period() -> impl Strategy<Value = Period> {
    (
        proptest::option::of(pick(ORGANIZATIONS)),
        proptest::option::weighted(0.8, pick(COUNTRIES)),
        proptest::option::of(any::<bool>()),
        proptest::option::weighted(0.9, proptest::collection::vec(pick(DOMAINS), 0..4)),
        date(),
        proptest::option::weighted(0.7, 0..=120_u32),
        proptest::option::weighted(0.3, proptest::sample::select(&[0.2, 0.5, 0.8, 1.0][..])),
    )
        .prop_map(
            |(organization, country, international, domains, start, months, fraction)| {
                let end = months.map(|m| {
                    let first = start.first_day();
                    let end = first
                        .checked_add_months(chrono::Months::new(m))
                        .unwrap_or(first);
                    PartialDate::from_date(end.max(start.last_day()))
                });
                let mut period = Period::new(start);
                period.title = Some("Officer".to_string());
                period.organization = organization.map(str::to_string);
                period.country = country.and_then(Country::parse);
                period.international = international;
                period.domains = domains.map(|d| d.into_iter().map(str::to_string).collect());
                period.end = end;
                period.fraction = fraction;
                period
            },
        )
}

fn language() -> impl Strategy<Value = LanguageSkill> {
    (
        pick(LANGUAGES),
        proptest::option::weighted(0.9, pick(LEVELS)),
        proptest::option::weighted(0.3, any::<bool>()),
    )
        .prop_map(|(language, level, native)| {
            // A level written "native" with `native: false` is refused by
            // the loader: never generated.
            let says_native = matches!(level, Some("native" | "nativo"));
            let mut skill =
                LanguageSkill::new(Language::parse(language).expect("a valid language"));
            skill.level = level.map(|l| LanguageLevel::parse(l).expect("a valid level"));
            skill.native = native.filter(|n| *n || !says_native);
            skill
        })
}

/// The sixth posting's rules (examples/rules), whose Spanish requirement
/// asks for a native speaker.
fn native_rules() -> &'static RuleSet {
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    RULES.get_or_init(|| RuleSet::from_dir("examples/rules").expect("examples/rules load"))
}

fn certification() -> impl Strategy<Value = Certification> {
    (
        pick(CERTIFICATIONS),
        proptest::option::of(date()),
        proptest::option::weighted(0.3, date()),
    )
        .prop_map(|(name, issued, expires)| {
            // Expiry is never before issue in a well-formed profile.
            let expires = match (issued, expires) {
                (Some(i), Some(e)) if e.last_day() < i.first_day() => Some(i),
                (_, e) => e,
            };
            let mut certification = Certification::new(name);
            certification.issued = issued;
            certification.expires = expires;
            certification
        })
}

fn authorization() -> impl Strategy<Value = WorkAuthorization> {
    (
        pick(COUNTRIES),
        proptest::sample::select(&AuthorizationStatus::ALL[..]),
        proptest::option::of(date()),
    )
        .prop_map(|(country, status, valid_until)| {
            let mut permit =
                WorkAuthorization::new(Country::parse(country).expect("a valid country"), status);
            permit.valid_until = valid_until;
            permit
        })
}

prop_compose! {
    fn candidate()(
        nationalities in proptest::collection::vec(pick(COUNTRIES), 0..3),
        work_authorizations in proptest::collection::vec(authorization(), 0..3),
        staff_of in proptest::collection::vec(pick(ORGANIZATIONS), 0..2),
        education in proptest::collection::vec(degree(), 0..4),
        experience in proptest::collection::vec(period(), 0..6),
        languages in proptest::collection::vec(language(), 0..4),
        certifications in proptest::collection::vec(certification(), 0..3),
        skills in proptest::collection::vec(pick(SKILLS), 0..5),
        covid in proptest::option::of(any::<bool>()),
    ) -> Candidate {
        let mut attestations = BTreeMap::new();
        if let Some(yes) = covid {
            attestations.insert("covid19_vaccination".to_string(), yes);
        }
        let mut c = Candidate::default();
        c.id = Some("generated".to_string());
        c.nationalities = Some(
                nationalities.into_iter().filter_map(Country::parse).collect(),
            );
        c.work_authorizations = Some(work_authorizations);
        c.staff_of = Some(staff_of.into_iter().map(str::to_string).collect());
        c.education = Some(education);
        c.experience = Some(experience);
        c.languages = Some(languages);
        c.certifications = Some(certifications);
        c.skills = Some(skills.into_iter().map(str::to_string).collect());
        c.attestations = Some(attestations);
        c
    }
}

fn assess_all(candidate: &Candidate, as_of: NaiveDate) -> Vec<Assessment> {
    rules().assess(candidate, as_of).each()
}

/// Asserts that `after` is nowhere worse than `before`: per vacancy, the
/// score, the verdict and every finding's status.
fn assert_no_worse(before: &[Assessment], after: &[Assessment]) -> Result<(), TestCaseError> {
    prop_assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(after) {
        prop_assert_eq!(&b.vacancy, &a.vacancy);
        prop_assert!(
            a.score >= b.score,
            "{}: score fell from {} to {}\nbefore:\n{}\nafter:\n{}",
            b.vacancy,
            b.score,
            a.score,
            b,
            a
        );
        prop_assert!(
            a.verdict >= b.verdict,
            "{}: verdict fell from {:?} to {:?}\nbefore:\n{}\nafter:\n{}",
            b.vacancy,
            b.verdict,
            a.verdict,
            b,
            a
        );
        for (fb, fa) in b.findings.iter().zip(&a.findings) {
            prop_assert!(
                fa.status >= fb.status && fa.credit >= fb.credit,
                "{} {}: {:?} ({}) became {:?} ({})",
                b.vacancy,
                fb.requirement,
                fb.status,
                fb.credit,
                fa.status,
                fa.credit
            );
        }
    }
    Ok(())
}

/// A shuffle of `0..len` from proptest indices (Fisher-Yates), as the
/// list of old positions in their new order.
fn permutation(len: usize, swaps: &[Index]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    for i in (1..len).rev() {
        if let Some(index) = swaps.get(i) {
            order.swap(i, index.index(i + 1));
        }
    }
    order
}

fn shuffled<T: Clone>(list: &[T], order: &[usize]) -> Vec<T> {
    order.iter().map(|&i| list[i].clone()).collect()
}

/// The profile with each list shuffled.
fn shuffle(candidate: &Candidate, swaps: &[Index]) -> Candidate {
    let mut c = candidate.clone();
    macro_rules! shuffle {
        ($($field:ident),*) => {$(
            if let Some(list) = &candidate.$field {
                c.$field = Some(shuffled(list, &permutation(list.len(), swaps)));
            }
        )*};
    }
    shuffle!(
        nationalities,
        work_authorizations,
        staff_of,
        education,
        experience,
        languages,
        certifications,
        skills
    );
    c
}

/// An evidence item such as `experience[2]`, named by the content of that
/// entry instead of its position: two profiles that differ only in order
/// name the same entries alike (and identical entries are one).
fn by_content(candidate: &Candidate, item: &str) -> String {
    fn entry<T: serde::Serialize>(list: Option<&Vec<T>>, index: &str) -> Option<String> {
        let i: usize = index.parse().ok()?;
        serde_json::to_string(list?.get(i)?).ok()
    }
    let Some((name, rest)) = item.split_once('[') else {
        return item.to_string();
    };
    let index = rest.trim_end_matches(']');
    let c = candidate;
    let content = match name {
        "nationalities" => entry(c.nationalities.as_ref(), index),
        "work_authorizations" => entry(c.work_authorizations.as_ref(), index),
        "staff_of" => entry(c.staff_of.as_ref(), index),
        "education" => entry(c.education.as_ref(), index),
        "experience" => entry(c.experience.as_ref(), index),
        "languages" => entry(c.languages.as_ref(), index),
        "certifications" => entry(c.certifications.as_ref(), index),
        "skills" => entry(c.skills.as_ref(), index),
        _ => None,
    };
    content.map_or_else(|| item.to_string(), |json| format!("{name} {json}"))
}

/// The assessments as JSON with evidence items named by content and in a
/// canonical order.
fn canonical(candidate: &Candidate, assessments: &[Assessment]) -> String {
    let mut all = assessments.to_vec();
    for a in &mut all {
        for f in &mut a.findings {
            for e in &mut f.evidence {
                e.item = by_content(candidate, &e.item).into();
            }
            f.evidence
                .sort_by(|x, y| (&x.item, &x.detail).cmp(&(&y.item, &y.detail)));
            f.evidence.dedup();
        }
    }
    serde_json::to_string_pretty(&all).expect("assessments serialize")
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64)
}

/// The first line where two texts differ, with the lines before it.
fn first_difference(a: &str, b: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let at = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let from = at.saturating_sub(12);
    format!(
        "context:\n{}\nbefore: {}\nafter:  {}",
        a[from..at].join("\n"),
        a.get(at).unwrap_or(&"<end>"),
        b.get(at).unwrap_or(&"<end>")
    )
}

proptest! {
    // 64 cases keep `cargo test` quick in debug builds; set PROPTEST_CASES
    // for a deeper run.
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// (a) Adding an experience period.
    #[test]
    fn adding_experience_never_hurts(c in candidate(), extra in period(), as_of in as_of()) {
        let before = assess_all(&c, as_of);
        let mut more = c.clone();
        more.experience.get_or_insert_with(Vec::new).push(extra);
        assert_no_worse(&before, &assess_all(&more, as_of))?;
    }

    /// (b) Adding a completed degree (completed on any date: one completed
    /// after the measurement date simply does not count).
    #[test]
    fn adding_a_degree_never_hurts(
        c in candidate(),
        extra in degree(),
        completed in date(),
        as_of in as_of(),
    ) {
        let before = assess_all(&c, as_of);
        let mut more = c.clone();
        let mut extra = extra;
        extra.completed = Some(Completion::On(completed));
        more.education.get_or_insert_with(Vec::new).push(extra);
        assert_no_worse(&before, &assess_all(&more, as_of))?;
    }

    /// (c) Adding a certificate.
    #[test]
    fn adding_a_certificate_never_hurts(c in candidate(), extra in certification(), as_of in as_of()) {
        let before = assess_all(&c, as_of);
        let mut more = c.clone();
        more.certifications.get_or_insert_with(Vec::new).push(extra);
        assert_no_worse(&before, &assess_all(&more, as_of))?;
    }

    /// (d) Raising a stated language level, or adding a language.
    #[test]
    fn raising_a_language_never_hurts(
        c in candidate(),
        which in any::<Index>(),
        step in any::<Index>(),
        extra in language(),
        as_of in as_of(),
    ) {
        let before = assess_all(&c, as_of);
        let mut more = c.clone();
        let languages = more.languages.get_or_insert_with(Vec::new);
        let raised = if languages.is_empty() {
            false
        } else {
            let i = which.index(languages.len());
            match languages[i].level.as_ref().map(LanguageLevel::cefr) {
                Some(have) if have < Cefr::C2 => {
                    let higher: Vec<Cefr> = Cefr::ALL.into_iter().filter(|l| *l > have).collect();
                    let to = higher[step.index(higher.len())];
                    languages[i].level = Some(LanguageLevel::from_cefr(to));
                    true
                }
                _ => false,
            }
        };
        if !raised {
            languages.push(extra);
        }
        assert_no_worse(&before, &assess_all(&more, as_of))?;
    }

    /// (d') Stating that a language is a mother tongue (`native: true`,
    /// where the profile said nothing or "not native") never worsens a
    /// verdict or lowers a score: level rules see the stated level (or C2
    /// where none is stated), native rules go from to-verify or not-met
    /// to met.
    #[test]
    fn stating_a_language_native_never_hurts(
        c in candidate(),
        which in any::<Index>(),
        extra in language(),
        as_of in as_of(),
    ) {
        let mut more = c.clone();
        let languages = more.languages.get_or_insert_with(Vec::new);
        if languages.is_empty() {
            let mut extra = extra.clone();
            extra.native = None;
            languages.push(extra);
        }
        let i = which.index(languages.len());
        let before_native = more.clone();
        if let Some(l) = more.languages.as_mut().and_then(|l| l.get_mut(i)) {
            l.native = Some(true);
        }
        assert_no_worse(&assess_all(&before_native, as_of), &assess_all(&more, as_of))?;
        assert_no_worse(
            &native_rules().assess(&before_native, as_of).each(),
            &native_rules().assess(&more, as_of).each(),
        )?;
    }

    /// (e) The order of a profile's lists does not matter: the same JSON,
    /// once evidence items are named by content rather than position.
    #[test]
    fn list_order_does_not_matter(
        c in candidate(),
        swaps in proptest::collection::vec(any::<Index>(), 8),
        as_of in as_of(),
    ) {
        let shuffled = shuffle(&c, &swaps);
        let before = canonical(&c, &assess_all(&c, as_of));
        let after = canonical(&shuffled, &assess_all(&shuffled, as_of));
        prop_assert!(before == after, "{}", first_difference(&before, &after));
    }

    /// (g) Assessments round-trip: written as JSON and read back, in
    /// either language, they are equal to what was written, and print
    /// the same report.
    #[test]
    fn assessments_round_trip_through_json(
        c in candidate(),
        as_of in as_of(),
        spanish in any::<bool>(),
    ) {
        let lang = if spanish { Lang::Es } else { Lang::En };
        for written in rules().assess(&c, as_of).lang(lang).each() {
            let json = serde_json::to_string(&written).expect("serialize");
            let read: Assessment = serde_json::from_str(&json).expect("deserialize");
            prop_assert_eq!(&read, &written);
            prop_assert_eq!(read.to_string(), written.to_string());
            prop_assert_eq!(serde_json::to_string(&read).expect("serialize"), json);
        }
    }

    /// (f) The same input gives byte-identical output, in JSON and text.
    #[test]
    fn output_is_deterministic(c in candidate(), as_of in as_of()) {
        let first = rules().assess(&c, as_of).ranked();
        let second = rules().assess(&c.clone(), as_of).ranked();
        prop_assert_eq!(
            serde_json::to_string(&first).expect("serialize"),
            serde_json::to_string(&second).expect("serialize")
        );
        let text = |all: &[Assessment]| all.iter().map(ToString::to_string).collect::<Vec<_>>();
        prop_assert_eq!(text(&first), text(&second));
    }

    /// (g) Scores, credits and verdicts agree with the findings.
    #[test]
    fn verdicts_and_scores_agree_with_findings(c in candidate(), as_of in as_of()) {
        for a in assess_all(&c, as_of) {
            prop_assert!((0.0..=100.0).contains(&a.score), "score {}", a.score);
            let required = || a.findings.iter().filter(|f| f.priority == Priority::Required);
            let expected = if required().any(|f| f.status == Status::NotMet) {
                Verdict::Ineligible
            } else if required().any(|f| f.status == Status::Unknown) {
                Verdict::NeedsReview
            } else {
                Verdict::Eligible
            };
            prop_assert_eq!(a.verdict, expected, "{}", a);
            if a.verdict == Verdict::NeedsReview {
                prop_assert!(!a.to_verify().is_empty(), "needs review of nothing");
            }
            if !a.to_verify().is_empty() {
                prop_assert!(a.verdict <= Verdict::NeedsReview, "eligible with {} to verify", a.to_verify().len());
            }
            prop_assert_eq!(a.verdict == Verdict::Eligible, required().all(|f| f.status == Status::Met));
            // All required met and all desirable met is a full score.
            if a.findings.iter().all(|f| f.status == Status::Met) {
                prop_assert_eq!(a.score, 100.0);
            }
            prop_assert_eq!(a.measured_at, a.as_of.min(a.measured_at));
            prop_assert_eq!(a.closed, a.measured_at < a.as_of);
            let vacancy = rules().vacancy(&a.vacancy).expect("the vacancy exists");
            prop_assert_eq!(a.findings.len(), vacancy.requirements().len());
            for f in &a.findings {
                prop_assert!((0.0..=1.0).contains(&f.credit), "{}: credit {}", f.requirement, f.credit);
                prop_assert!(f.code.as_str().starts_with(&format!("{}.", f.kind)), "{} has code {}", f.kind, f.code);
                match f.status {
                    Status::Met => {
                        prop_assert_eq!(f.credit, 1.0);
                        prop_assert!(f.gap.is_none(), "{}: met with a gap", f.requirement);
                    }
                    Status::Unknown => {
                        prop_assert!(f.credit >= 0.5, "{}: unknown below half credit", f.requirement);
                        prop_assert!(f.gap.is_some(), "{}: unknown without a gap", f.requirement);
                    }
                    Status::NotMet => {
                        prop_assert!(f.credit < 1.0, "{}: not met at full credit", f.requirement);
                        prop_assert!(f.gap.is_some(), "{}: not met without a gap", f.requirement);
                        if let Some(vacancy_match::Gap::Years { missing, .. }) = &f.gap {
                            prop_assert!(*missing > 0.0, "{}: not met with 0 years missing", f.requirement);
                        }
                    }
                }
            }
        }
    }

    /// (h) What a prepared candidate remembers (the periods each
    /// experience filter selects, what each list of skills finds) changes
    /// no assessment: one preparation assessed against every vacancy, in
    /// reverse order and at two dates, says what a fresh one says each time.
    #[test]
    fn a_prepared_candidate_assesses_as_a_fresh_one(c in candidate(), as_of in as_of(), later in as_of()) {
        let prepared = rules().prepare(&c);
        for vacancy in rules().vacancies().iter().rev() {
            for date in [as_of, later] {
                let reused = prepared.assess(date).one(vacancy.id());
                let fresh = rules().assess(&c, date).one(vacancy.id());
                prop_assert!(reused == fresh, "{} as of {date}", vacancy.id());
            }
        }
    }
}

/// Accepted names of the bundled postings, and one vacancy and
/// requirement each is judged by: a closed list of fields (004), the
/// organizations of an internal-only posting (002), and domains of
/// experience (000, where other domains go to review).
const ACCEPTED: &[(&str, &str, &str, &str)] = &[
    (
        "field",
        "Law",
        "unhcr-americas-cpa-consultant-2025",
        "education",
    ),
    (
        "field",
        "Derecho",
        "unhcr-americas-cpa-consultant-2025",
        "education",
    ),
    (
        "field",
        "International Relations",
        "unhcr-americas-cpa-consultant-2025",
        "education",
    ),
    (
        "field",
        "Political Science",
        "unhcr-americas-cpa-consultant-2025",
        "education",
    ),
    (
        "organization",
        "UNHCR",
        "unhcr-mx-protection-assistant-2025",
        "internal_unhcr",
    ),
    (
        "organization",
        "ACNUR",
        "unhcr-mx-protection-assistant-2025",
        "internal_unhcr",
    ),
    (
        "organization",
        "UN Refugee Agency",
        "unhcr-mx-protection-assistant-2025",
        "internal_unhcr",
    ),
    (
        "domain",
        "refugee protection",
        "unhcr-gt-resettlement-officer-2024",
        "refugee_protection_experience",
    ),
    (
        "domain",
        "resettlement",
        "unhcr-gt-resettlement-officer-2024",
        "refugee_protection_experience",
    ),
    (
        "domain",
        "asylum",
        "unhcr-gt-resettlement-officer-2024",
        "refugee_protection_experience",
    ),
];

/// Ways of writing a name's negation or past.
const NEGATIONS: &[&str] = &[
    "not {}",
    "Not {}",
    "non-{}",
    "non {}",
    "ex-{}",
    "ex {}",
    "former {}",
    "Former {}",
    "{} (former)",
    "no {}",
    "sin {}",
    "without {}",
    "previously {}",
];

/// A profile that states the name where `kind` asks, and enough else that
/// the finding is decided by the name.
fn profile_naming(kind: &str, name: &str) -> Candidate {
    let mut c = Candidate::default();
    c.id = Some("named".into());
    match kind {
        "field" => {
            let mut degree = Degree::new(DegreeLevel::Bachelor);
            degree.field = Some(name.into());
            degree.completed = Some(Completion::On("2010-06".parse().unwrap()));
            degree.accredited = Some(true);
            c.education = Some(vec![degree]);
        }
        "organization" => c.staff_of = Some(vec![name.into()]),
        _ => {
            let mut period = Period::new("2015-01".parse().unwrap());
            period.title = Some("Officer".into());
            period.domains = Some(vec![name.into()]);
            period.end = Some("2023-12".parse().unwrap());
            c.experience = Some(vec![period]);
        }
    }
    c
}

proptest! {
    /// (i) A name that negates an accepted name, or puts it in the past
    /// ("not UNHCR", "ex-ACNUR", "former refugee protection", "non-Law"),
    /// never meets the requirement that accepts the name, while the name
    /// itself does.
    #[test]
    fn a_negated_name_never_meets(
        accepted in proptest::sample::select(ACCEPTED),
        negation in proptest::sample::select(NEGATIONS),
        as_of in as_of(),
    ) {
        let (kind, name, vacancy, requirement) = accepted;
        let status = |written: &str| {
            let a = rules()
                .assess(&profile_naming(kind, written), as_of).one(vacancy)
                .expect("the vacancy exists");
            a.findings
                .iter()
                .find(|f| f.requirement == requirement)
                .map(|f| f.status)
                .expect("the requirement exists")
        };
        prop_assert_eq!(status(name), Status::Met, "{} itself", name);
        let negated = negation.replace("{}", name);
        prop_assert_ne!(status(&negated), Status::Met, "{}", negated);
    }
}
