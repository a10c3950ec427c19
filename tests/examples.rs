//! The `check_cv` example runs as documented and prints the ranked report,
//! the same bytes as `vacancy-match check`: one `cargo run --example
//! check_cv` per test.

use std::process::{Command, Output};

/// `cargo run --quiet --example check_cv -- ARGS` in the crate's folder.
fn check_cv(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["run", "--quiet", "--example", "check_cv", "--"])
        .args(args)
        .output();
    match output {
        Ok(output) => output,
        Err(e) => panic!("cannot run cargo: {e}"),
    }
}

/// The report of a run that must succeed.
fn report(args: &[&str]) -> String {
    let output = check_cv(args);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "check_cv {args:?} failed: {}\n{stdout}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// The verdict lines, best first.
fn verdicts(report: &str) -> Vec<&str> {
    report
        .lines()
        .filter(|l| {
            l.starts_with("ELIGIBLE")
                || l.starts_with("NEEDS REVIEW")
                || l.starts_with("INELIGIBLE")
        })
        .collect()
}

#[test]
fn sofia_is_ranked_with_her_experience_gaps() {
    let text = report(&[
        "examples/candidates/sofia_giron_graduate.json",
        "--as-of",
        "2024-01-15",
    ]);
    assert!(
        text.starts_with(
            "Sofía Alejandra Girón Castillo (sofia-giron) as of 2024-01-15, against 5 vacancies (bundled rules)\n0 eligible, 0 need review, 5 ineligible\n"
        ),
        "{text}"
    );
    assert_eq!(
        verdicts(&text),
        [
            "INELIGIBLE  82.1/100  unhcr-gt-resettlement-officer-2024",
            "INELIGIBLE  76.0/100  unhcr-americas-cpa-consultant-2025",
            "INELIGIBLE  57.8/100  iom-gt-operations-assistant-2025",
            "INELIGIBLE  68.0/100  unhcr-mx-protection-assistant-2025",
            "INELIGIBLE  41.7/100  unhcr-mx-durable-solutions-2017  [closed]",
        ]
    );
    // Nearest to eligibility first: the IOM post lacks 2.5 years and
    // internal status (shortfall 1.3), the UNHCR assistant post lacks
    // internal status and a Mexican permit (shortfall 2).
    // The resettlement officer block: the bachelor path is the closest,
    // 1.5 years short, and refugee protection half a year short.
    assert!(text.contains(
        "  missing    Education: needs 1.5 more years of experience\n              closest path 1: bachelor's degree in Relaciones Internacionales (2022-05)"
    ));
    assert!(text.contains(
        "  missing    Refugee protection experience: needs 0.5 more years of refugee protection/durable solutions/statelessness/internal displacement experience\n              · experience[0]: Asistente de Protección, Asociación Refugio de la Niñez (2022-07–ongoing): 1.5 years\n"
    ));
}

#[test]
fn jorge_needs_review_first_with_what_to_verify() {
    let text = report(&[
        "examples/candidates/jorge_mendez_tapachula.yaml",
        "--as-of",
        "2025-08-01",
    ]);
    let lines = verdicts(&text);
    assert_eq!(
        lines[0],
        "NEEDS REVIEW  92.0/100  unhcr-mx-protection-assistant-2025"
    );
    assert!(
        lines[1..].iter().all(|l| l.starts_with("INELIGIBLE")),
        "{lines:?}"
    );
    assert!(text.contains("  to confirm before appointment: COVID-19 vaccination (to verify)\n"));
    assert!(text.contains("  to verify  English: verify English at B2 (good)\n"));
}

#[test]
fn ricardo_is_eligible_for_the_consultancy_and_closed_postings_are_marked() {
    let text = report(&[
        "examples/candidates/ricardo_alvarado_consultant.json",
        "--as-of",
        "2025-01-10",
    ]);
    assert_eq!(
        verdicts(&text),
        [
            "ELIGIBLE  100.0/100  unhcr-americas-cpa-consultant-2025",
            "INELIGIBLE  66.7/100  unhcr-gt-resettlement-officer-2024  [closed]",
            "INELIGIBLE  56.0/100  unhcr-mx-protection-assistant-2025",
            "INELIGIBLE  53.3/100  unhcr-mx-durable-solutions-2017  [closed]",
            "INELIGIBLE  44.0/100  iom-gt-operations-assistant-2025",
        ]
    );
    assert!(text.contains(
        "  met        Experience in international relations, refugee law and policy or humanitarian action: 14.2 years of international relations/refugee law and policy/humanitarian action/refugee protection/human rights experience (needs 12)\n"
    ));
    assert!(
        text.contains("  closed: deadline 2024-02-08 passed; experience measured at 2024-02-08\n")
    );
    assert!(text.contains(
        "  missing    Resettlement or voluntary repatriation: needs resettlement or voluntary repatriation\n"
    ));
}

#[test]
fn sofia_in_spanish_with_lang_es() {
    let text = report(&[
        "examples/candidates/sofia_giron_graduate.json",
        "--as-of",
        "2024-01-15",
        "--lang",
        "es",
    ]);
    assert!(
        text.starts_with(
            "Sofía Alejandra Girón Castillo (sofia-giron) al 2024-01-15, frente a 5 vacantes (reglas incluidas)\n0 elegibles, 0 requieren revisión, 5 no elegibles\n"
        ),
        "{text}"
    );
    let headings: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("NO ELEGIBLE"))
        .collect();
    assert_eq!(
        headings,
        [
            "NO ELEGIBLE  82,1/100  unhcr-gt-resettlement-officer-2024",
            "NO ELEGIBLE  76,0/100  unhcr-americas-cpa-consultant-2025",
            "NO ELEGIBLE  57,8/100  iom-gt-operations-assistant-2025",
            "NO ELEGIBLE  68,0/100  unhcr-mx-protection-assistant-2025",
            "NO ELEGIBLE  41,7/100  unhcr-mx-durable-solutions-2017  [cerrada]",
        ]
    );
    assert!(text.contains(
        "  falta      Experiencia en protección de refugiados: faltan 0,5 años de experiencia en protección de refugiados/soluciones duraderas/apatridia/desplazamiento interno\n"
    ));
    // English is the default, and `--lang en` says so explicitly.
    let english = report(&[
        "examples/candidates/sofia_giron_graduate.json",
        "--as-of",
        "2024-01-15",
        "--lang",
        "en",
    ]);
    let default = report(&[
        "examples/candidates/sofia_giron_graduate.json",
        "--as-of",
        "2024-01-15",
    ]);
    assert_eq!(english, default);
}

#[test]
fn an_unknown_report_language_is_a_usage_error() {
    let output = check_cv(&[
        "examples/candidates/sofia_giron_graduate.json",
        "--lang",
        "fr",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unknown report language `fr`, expected en or es"),
        "{stderr}"
    );
}

#[test]
fn a_bad_profile_is_reported_with_its_location() {
    let output = check_cv(&["rules/vocabulary.yaml", "--as-of", "2025-01-10"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("error: rules/vocabulary.yaml:15:1: fields: unknown field `fields`"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

/// `vacancy-match check ARGS --color never`: the CLI's report.
fn cli_check(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_vacancy-match"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("check")
        .args(args)
        .args(["--color", "never"])
        .output()
        .unwrap_or_else(|e| panic!("cannot run vacancy-match: {e}"));
    assert!(
        output.status.success(),
        "check {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_example_prints_what_check_prints_byte_for_byte_in_both_languages() {
    for (profile, as_of) in [
        (
            "examples/candidates/sofia_giron_graduate.json",
            "2024-01-15",
        ),
        (
            "examples/candidates/jorge_mendez_tapachula.yaml",
            "2025-08-01",
        ),
    ] {
        for lang in ["en", "es"] {
            let args = [profile, "--as-of", as_of, "--lang", lang];
            let example = report(&args);
            assert!(example.contains("/100  "), "{example}");
            assert_eq!(example, cli_check(&args), "{args:?}");
        }
    }
    // The date may also follow the candidate.
    let positional = report(&[
        "examples/candidates/sofia_giron_graduate.json",
        "2024-01-15",
    ]);
    assert_eq!(
        positional,
        cli_check(&[
            "examples/candidates/sofia_giron_graduate.json",
            "--as-of",
            "2024-01-15"
        ])
    );
}
