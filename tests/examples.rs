//! The `check_cv` example runs as documented and prints the ranked report:
//! one `cargo run --example check_cv` per test.

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
            "Sofía Alejandra Girón Castillo — assessed as of 2024-01-15 against 5 vacancies\n"
        ),
        "{text}"
    );
    assert_eq!(
        verdicts(&text),
        [
            "INELIGIBLE  82.1/100  unhcr-gt-resettlement-officer-2024 — Associate Resettlement & Complementary Pathways Officer (UNHCR)",
            "INELIGIBLE  76.0/100  unhcr-americas-cpa-consultant-2025 — Consultant, Chile Plan of Action follow-up (UNHCR)",
            "INELIGIBLE  57.8/100  iom-gt-operations-assistant-2025 — Operations Assistant (IOM)",
            "INELIGIBLE  68.0/100  unhcr-mx-protection-assistant-2025 — Protection Assistant (UNHCR)",
            "INELIGIBLE  31.7/100  unhcr-mx-durable-solutions-2017 — Assistant Durable Solutions Officer (UNHCR)  [closed: deadline passed; measured at 2017-03-15]",
        ]
    );
    // Nearest to eligibility first: the IOM post lacks 2.5 years and
    // internal status (shortfall 1.3), the UNHCR assistant post lacks
    // internal status and a Mexican permit (shortfall 2).
    // The resettlement officer block: the bachelor path is the closest,
    // 1.5 years short, and refugee protection half a year short.
    assert!(text.contains(
        "  [missing]  Education: closest path 1: bachelor's degree in Relaciones Internacionales (2022-05)"
    ));
    assert!(text.contains("               gap: needs 1.5 more years of experience\n"));
    assert!(text.contains(
        "  [missing]  Refugee protection experience: 1.5 years of refugee protection/durable solutions/statelessness/internal displacement experience, needs 2: 0.5 short\n               gap: needs 0.5 more years of refugee protection/durable solutions/statelessness/internal displacement experience\n"
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
        "NEEDS REVIEW  92.0/100  unhcr-mx-protection-assistant-2025 — Protection Assistant (UNHCR)"
    );
    assert!(
        lines[1..].iter().all(|l| l.starts_with("INELIGIBLE")),
        "{lines:?}"
    );
    assert!(text.contains(
        "  [verify]   COVID-19 vaccination (to confirm before appointment): proof of COVID-19 vaccination not declared\n               gap: verify proof of COVID-19 vaccination\n"
    ));
    assert!(text.contains(
        "  [verify]   English: no languages stated; needs English at B2 (good)\n               gap: verify English at B2 (good)\n"
    ));
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
            "ELIGIBLE  100.0/100  unhcr-americas-cpa-consultant-2025 — Consultant, Chile Plan of Action follow-up (UNHCR)",
            "INELIGIBLE  66.7/100  unhcr-gt-resettlement-officer-2024 — Associate Resettlement & Complementary Pathways Officer (UNHCR)  [closed: deadline passed; measured at 2024-02-08]",
            "INELIGIBLE  56.0/100  unhcr-mx-protection-assistant-2025 — Protection Assistant (UNHCR)",
            "INELIGIBLE  53.3/100  unhcr-mx-durable-solutions-2017 — Assistant Durable Solutions Officer (UNHCR)  [closed: deadline passed; measured at 2017-03-15]",
            "INELIGIBLE  44.0/100  iom-gt-operations-assistant-2025 — Operations Assistant (IOM)",
        ]
    );
    assert!(text.contains(
        "  [met]      Experience in international relations, refugee law and policy or humanitarian action: 14.2 years of international relations/refugee law and policy/humanitarian action/refugee protection/human rights experience (needs 12)\n"
    ));
    assert!(text.contains(
        "  [missing]  Resettlement or voluntary repatriation: resettlement or voluntary repatriation not among the skills listed nor the experience domains\n               gap: needs resettlement or voluntary repatriation\n"
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
            "Sofía Alejandra Girón Castillo — evaluación al 2024-01-15 frente a 5 vacantes\n"
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
            "NO ELEGIBLE  82,1/100  unhcr-gt-resettlement-officer-2024 — Oficial Asociado/a de Reasentamiento y Vías Complementarias (UNHCR)",
            "NO ELEGIBLE  76,0/100  unhcr-americas-cpa-consultant-2025 — Consultor/a, seguimiento del Plan de Acción de Chile (UNHCR)",
            "NO ELEGIBLE  57,8/100  iom-gt-operations-assistant-2025 — Asistente de Operaciones (IOM)",
            "NO ELEGIBLE  68,0/100  unhcr-mx-protection-assistant-2025 — Asistente de Protección (UNHCR)",
            "NO ELEGIBLE  31,7/100  unhcr-mx-durable-solutions-2017 — Oficial Asistente de Soluciones Duraderas (UNHCR)  [cerrada: plazo vencido; medición al 2017-03-15]",
        ]
    );
    assert!(text.contains(
        "  [falta]     Experiencia en protección de refugiados: acredita 1,5 años de experiencia en protección de refugiados/soluciones duraderas/apatridia/desplazamiento interno; se requieren 2: faltan 0,5\n                brecha: faltan 0,5 años de experiencia en protección de refugiados/soluciones duraderas/apatridia/desplazamiento interno\n"
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
