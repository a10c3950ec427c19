//! Spanish: the words of findings, gaps and reports, in the formal Spanish
//! of UN agencies in Latin America.
//!
//! # Design
//! - Decimal comma ("1,5 años", "83,7/100"), as UN Spanish documents
//!   write numbers; dates stay ISO 8601, as in the data.
//! - Languages and countries by their Spanish names from the code tables
//!   ("Inglés", "México"); degree levels by their Spanish names
//!   (licenciatura, maestría, doctorado); level descriptors of the bundled
//!   crosswalk in Spanish ("C1 (fluido)").
//! - Names from rule files (fields, domains, skills, certifications,
//!   organizations, declarations) take the vocabulary's Spanish display
//!   form when it gives one, else stay as written; a profile's names are
//!   always quoted as written.

use std::fmt::{self, Write as _};

use super::facts::{
    one, plain, AttestationFacts, AuthorizationFacts, AuthorizationFound, CertificationFacts,
    CertificationFound, Cited, DegreeFacts, Detail, Doubt, Doubts, EducationFacts, EducationGap,
    ExperienceFacts, Facts, InternalFacts, InternalFound, Item, Join, Label, LanguageFacts,
    LanguageFound, Measure, NationalityFacts, NationalityFound, PathFacts, Rendered, SkillFacts,
    SkillFound, Source,
};
use super::render::Words;
use super::Lang;
use super::{fmt_years, fmt_years_held, fmt_years_missing, years_missing, Evidence, Gap};
use crate::matching::{MatchKind, Matched, NameMatch, FUZZY_THRESHOLD};
use crate::model::vacancy::RuleText;
use crate::model::vacancy::{
    EducationPath, EducationRule, ExperienceRule, InternalRule, LanguageRule, NamedRule, Scope,
};
use crate::model::{Country, DegreeLevel, LanguageLevel};
use crate::text::Text;
use crate::{AuthorizationStatus, WorkAuthorization};

/// The report's fixed words.
pub(super) const WORDS: Words = Words {
    eligible: "ELEGIBLE",
    needs_review: "REQUIERE REVISIÓN",
    ineligible: "NO ELEGIBLE",
    closed: "  [cerrada: plazo vencido; medición al ",
    met: "  [cumple]    ",
    verify: "  [verificar] ",
    missing: "  [falta]     ",
    indent: "                ",
    asset: " (deseable)",
    condition: " (a confirmar antes del nombramiento)",
    gap: "brecha: ",
    acquire: "para ser elegible se necesita: ",
    confirm: "para confirmar la elegibilidad: ",
    then: "y después: ",
};

/// A number already formatted with a decimal point, with a decimal comma
/// instead (in place: the same length, no new allocation).
pub(super) fn comma(mut number: String) -> String {
    if let Some(at) = number.find('.') {
        number.replace_range(at..=at, ",");
    }
    number
}

/// Years for people, with a decimal comma: "1,5", "3".
fn years(amount: f64) -> super::Num {
    fmt_years(amount).comma()
}

/// "año" for an amount shown as `1`, else "años".
fn year_word(amount: &str) -> &'static str {
    if amount == "1" {
        "año"
    } else {
        "años"
    }
}

/// "1 año", "1,5 años".
fn years_noun(amount: &str) -> super::Noun<'_> {
    super::Noun {
        amount,
        word: year_word(amount),
    }
}

/// "se requiere 1", "se requieren 2": the verb agrees with the amount.
fn required(amount: &str) -> &'static str {
    if amount == "1" {
        "se requiere"
    } else {
        "se requieren"
    }
}

/// "falta 1", "faltan 0,5".
fn short(amount: &str) -> &'static str {
    if amount == "1" {
        "falta"
    } else {
        "faltan"
    }
}

/// A degree level's Spanish name.
fn degree(level: DegreeLevel) -> &'static str {
    match level {
        DegreeLevel::Secondary => "educación secundaria",
        DegreeLevel::PostSecondary => "educación técnica/postsecundaria",
        DegreeLevel::Bachelor => "licenciatura",
        DegreeLevel::Master => "maestría",
        DegreeLevel::Doctorate => "doctorado",
    }
}

/// A degree level with its article: "una licenciatura", "un doctorado",
/// but "educación secundaria" (uncountable).
fn a_degree(level: DegreeLevel) -> &'static str {
    match level {
        DegreeLevel::Secondary => "educación secundaria",
        DegreeLevel::PostSecondary => "educación técnica/postsecundaria",
        DegreeLevel::Bachelor => "una licenciatura",
        DegreeLevel::Master => "una maestría",
        DegreeLevel::Doctorate => "un doctorado",
    }
}

/// "acreditado" or "acreditada", agreeing with the degree's name.
fn accredited(level: DegreeLevel) -> &'static str {
    match level {
        DegreeLevel::Doctorate => "acreditado",
        _ => "acreditada",
    }
}

/// "A", "A o B", "A, B o C"; "u" before a word that starts with the sound
/// of "o" ("Sociología u Oceanografía").
pub(super) fn list_or(names: &[&str]) -> String {
    let mut out = String::new();
    let last = names.len().saturating_sub(1);
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            if i == last {
                let lower = name.to_lowercase();
                let o_sound = ["o", "ó", "ho", "hó"].iter().any(|p| lower.starts_with(p));
                out.push_str(if o_sound { " u " } else { " o " });
            } else {
                out.push_str(", ");
            }
        }
        out.push_str(name);
    }
    out
}

/// The descriptors of the bundled crosswalk in Spanish; other words (the
/// Spanish descriptors, a rule set's own scale) stay as written.
const DESCRIPTORS: &[(&str, &str)] = &[
    ("basic", "básico"),
    ("elementary", "elemental"),
    ("working knowledge", "conocimiento práctico"),
    ("intermediate", "intermedio"),
    ("good", "bueno"),
    ("good knowledge", "buen conocimiento"),
    ("very good", "muy bueno"),
    ("very good knowledge", "muy buen conocimiento"),
    ("upper intermediate", "intermedio alto"),
    ("fluent", "fluido"),
    ("fluency", "fluidez"),
    ("proficient", "competente"),
    ("advanced", "avanzado"),
    ("excellent", "excelente"),
    ("excellent knowledge", "excelente conocimiento"),
    ("native", "nativo"),
    ("mother tongue", "lengua materna"),
    ("first language", "primera lengua"),
    ("bilingual", "bilingüe"),
];

fn descriptor(words: &str) -> &str {
    DESCRIPTORS
        .iter()
        .find(|(en, _)| *en == words)
        .map_or(words, |(_, es)| es)
}

/// The scales of the bundled crosswalk, as "escala …" completes them.
const SCALES: &[(&str, &str)] = &[
    ("CEFR", "del MCER"),
    ("native speaker", "de hablante nativo"),
    ("posting descriptors", "de descriptores de vacantes"),
    (
        "posting descriptors (Spanish)",
        "de descriptores de vacantes en español",
    ),
    (
        "UN Language Framework",
        "del Marco para las Lenguas de las Naciones Unidas",
    ),
];

/// "C1 (fluido)", "B2".
fn level(level: &LanguageLevel) -> String {
    match level.written() {
        Some(words) => text!("{} ({})", level.cefr(), descriptor(words)),
        None => level.cefr().to_string(),
    }
}

/// "C1 (fluido, escala de descriptores de vacantes)": the level, and the
/// scale it was written in when it was not a CEFR code.
fn level_with_scale(l: &LanguageLevel) -> String {
    match (l.written(), l.scale()) {
        (Some(words), Some(scale)) => {
            let mut s: String = text!("{} ({}, ", l.cefr(), descriptor(words));
            match SCALES.iter().find(|(name, _)| *name == scale) {
                Some((_, phrase)) => {
                    s.push_str("escala ");
                    s.push_str(phrase);
                }
                // A rule set's own scale, by its name as written.
                None if super::names_scale(scale) => s.push_str(scale),
                None => {
                    s.push_str("escala ");
                    s.push_str(scale);
                }
            }
            s.push(')');
            s
        }
        _ => level(l),
    }
}

pub(super) fn render(facts: &Facts<'_>, expected: &RuleText, said: &[RuleText; 3]) -> Rendered {
    match facts {
        Facts::Education(f) => education(f),
        Facts::Experience(f) => experience(f, expected, said),
        Facts::Language(f) => language(f, expected),
        Facts::Authorization(f) => authorization(f),
        Facts::Internal(f) => internal(f, expected),
        Facts::Certification(f) => certification(f, expected, said),
        Facts::Skill(f) => skill(f, expected, said),
        Facts::Attestation(f) => attestation(f, expected, said),
        Facts::Nationality(f) => nationality(f, expected),
    }
}

fn evidence<'a>(cite: impl FnOnce(&mut dyn FnMut(Cited<'a>))) -> Vec<Evidence> {
    super::facts::evidence(cite, detail)
}

/// "licenciatura en Relaciones Internacionales (2022-05)", "Asistente de
/// Protección, ACNUR (2022-07–en curso)".
fn label<'a>(label: &Label<'a>) -> &'a str {
    label.in_lang(Lang::Es, spanish_label)
}

/// [`label`], as the shared text.
fn label_text(label: &Label<'_>) -> Text {
    label
        .text_in(Lang::Es, spanish_label)
        .cloned()
        .unwrap_or_default()
}

/// How Spanish sentences name a degree or a period, written once per
/// prepared candidate.
fn spanish_label(source: Source<'_>, s: &mut String) {
    match source {
        Source::Degree(d) => {
            let d = d.entry;
            s.push_str(degree(d.degree));
            if let Some(field) = &d.field {
                s.push_str(" en ");
                s.push_str(field);
            }
            if let Some(done) = d.completed.and_then(crate::Completion::date) {
                let _ = write!(s, " ({done})");
            }
        }
        Source::Period(p) => {
            let p = p.entry;
            p.write_name(s, "puesto");
            if let Some(y) = p.declared_years {
                let _ = write!(s, ", {} declarados sin fechas", years_noun(&years(y)));
            }
            match p.end {
                Some(end) => {
                    let _ = write!(s, " ({}–{end})", p.start);
                }
                None => {
                    let _ = write!(s, " ({}–en curso)", p.start);
                }
            }
            if let Some(f) = p.fraction.filter(|f| *f < 1.0) {
                let _ = write!(s, ", {:.0} % de la jornada", f * 100.0);
            }
        }
    }
}

fn detail(detail: &Detail<'_>) -> Text {
    match detail {
        Detail::Degree(degree) => label_text(degree),
        Detail::DegreeNotCompleted { degree, by } => {
            text!("{}: sin concluir al {by}; no se cuenta", label(degree))
        }
        Detail::Period { period, years: y } => {
            let years = y.get();
            let name = label(period);
            period.period_detail(Lang::Es, years, Doubts::default(), |out| {
                period_years(out, name, years);
            })
        }
        Detail::PeriodToVerify {
            period,
            years: y,
            why,
        } => {
            let years = y.get();
            let name = label(period);
            period.period_detail(Lang::Es, years, *why, |out| {
                period_years(out, name, years);
                for doubt in why.iter() {
                    out.push_str(", ");
                    if doubt == Doubt::DomainsInferred {
                        // What was inferred, so the reviewer sees it.
                        out.push_str("áreas deducidas de su descripción");
                        period.push_domains(out, Lang::Es);
                    }
                    out.push_str(match doubt {
                        Doubt::DomainsNotStated => "áreas no indicadas",
                        Doubt::DomainsInferred => ", por verificar",
                        Doubt::Relevance => "pertinencia por verificar",
                        Doubt::CountryNotStated => "país no indicado",
                        Doubt::ScopeNotStated => "no se indica si es internacional o nacional",
                        Doubt::DegreeDateNotStated => "no se indica la fecha del título",
                        Doubt::YearsOnly => "fechas solo en años, por verificar",
                    });
                }
            })
        }
        Detail::PeriodTooLate { period, after } => {
            text!(
                "{}: comienza después del {after}; no se cuenta",
                label(period)
            )
        }
        Detail::National(country) => text!("nacional de {}", country.spanish_name()),
        Detail::Right {
            right: auth,
            country,
        } => text!(
            "{}{}",
            right(auth.status, country.spanish_name()),
            until(auth)
        ),
    }
}

/// "ACNUR, Oficial de protección (2019-2023): 4 años".
fn period_years(out: &mut String, period: &str, amount: f64) {
    out.push_str(period);
    out.push_str(": ");
    let start = super::push_years(out, amount, ',');
    let word = year_word(out.get(start..).unwrap_or_default());
    out.push(' ');
    out.push_str(word);
}

/// "experiencia en refugee protection", "experiencia nacional (México)",
/// "experiencia en Guatemala/México".
fn experience_what(rule: &ExperienceRule, home: Country) -> Text {
    rule.text.get(Lang::Es, || {
        let mut what = String::from("experiencia");
        match rule.scope {
            Scope::International => what.push_str(" internacional"),
            Scope::National => {
                let _ = write!(what, " nacional ({})", home.spanish_name());
            }
            Scope::Any => {}
        }
        if !rule.domains.is_empty() {
            let names: Vec<&str> = rule
                .domains
                .iter()
                .map(|t| super::shown(t, Lang::Es))
                .collect();
            let _ = write!(what, " en {}", names.join("/"));
            if !rule.with.is_empty() {
                let with: Vec<&str> = rule
                    .with
                    .iter()
                    .map(|t| super::shown(t, Lang::Es))
                    .collect();
                let _ = write!(what, " con {}", with.join("/"));
            }
        }
        if !rule.countries.is_empty() {
            let names: Vec<&str> = rule.countries.iter().map(Country::spanish_name).collect();
            let _ = write!(what, " en {}", names.join("/"));
        }
        if let Some(level) = rule.after_degree {
            let _ = write!(what, " posterior a {}", a_degree(level));
        }
        what
    })
}

fn experience_gap(rule: &ExperienceRule, m: Measure, what: Text) -> Option<Gap> {
    if !m.stated {
        return Some(Gap::Verify {
            what: if rule.years <= 0.0 {
                text!("que acredite {what}")
            } else {
                text!("que acredite {} de {what}", years_noun(&years(rule.years)))
            },
        });
    }
    match m.status {
        super::Status::Met => None,
        super::Status::Unknown => Some(Gap::Verify {
            what: text!(
                "si {} de los periodos señalados abajo cuentan como {what}",
                years_noun(&years(m.possible - m.years))
            ),
        }),
        // No duration asked: any such experience is what is missing.
        super::Status::NotMet if rule.years <= 0.0 => Some(Gap::Missing { what }),
        super::Status::NotMet => Some(Gap::Years {
            missing: years_missing(rule.years - m.at_most()),
            of: what,
        }),
    }
}

/// "acredita 1,5 años de experiencia en refugee protection; se requieren
/// 2: faltan 0,5": held years rounded down, the shortfall up.
/// Con periodos por verificar, lo más que podrían sumar: "acredita con
/// certeza 1 año de experiencia en refugee protection, como mucho 1,8 si
/// cuentan los periodos por verificar; se requieren 2: faltan 0,2".
fn shortfall<'a>(m: Measure, rule: &'a ExperienceRule, what: &'a str) -> impl fmt::Display + 'a {
    super::part(move |f| {
        let need = years(rule.years);
        let missing = fmt_years_missing(rule.years - m.at_most()).comma();
        if m.at_most() > m.years {
            return write!(
                f,
                "acredita con certeza {} de {what}, como mucho {} si cuentan los periodos por verificar; {} {need}: {} {missing}",
                years_noun(&fmt_years_held(m.years).comma()),
                fmt_years_held(m.at_most()).comma(),
                required(&need),
                short(&missing)
            );
        }
        write!(
            f,
            "acredita {} de {what}; {} {need}: {} {missing}",
            years_noun(&fmt_years_held(m.years).comma()),
            required(&need),
            short(&missing)
        )
    })
}

/// Experiencia por encima del máximo de la regla ("no más de 5 años"):
/// nunca se sugiere adquirir más.
fn above_maximum(
    rule: &ExperienceRule,
    m: Measure,
    max: f64,
    what: Text,
    evidence: Vec<Evidence>,
) -> Rendered {
    let expected: Text = text!(
        "de {} a {} de {what}",
        years(rule.years),
        years_noun(&years(max))
    );
    let (message, gap) = if m.years > max {
        (
            text!(
                "acredita {} de {what}, más que el máximo de {}",
                years_noun(&years(m.years)),
                years(max)
            ),
            Gap::Missing {
                what: text!("como máximo {} de {what}", years_noun(&years(max))),
            },
        )
    } else {
        (
            text!(
                "acredita con certeza {} de {what}, {} si cuentan los periodos por verificar: el máximo es {}",
                years_noun(&years(m.years)),
                years(m.possible),
                years(max)
            ),
            Gap::Verify {
                what: text!(
                    "si los periodos señalados abajo cuentan como {what}: con ellos, más que el máximo de {}",
                    years_noun(&years(max))
                ),
            },
        )
    };
    plain(message, expected, evidence, Some(gap))
}

/// Un requisito de experiencia sin duración: basta cualquier experiencia
/// que cuente.
fn any_experience(
    rule: &ExperienceRule,
    m: Measure,
    what: Text,
    evidence: Vec<Evidence>,
    slot: &RuleText,
    none_held: &RuleText,
) -> Rendered {
    let expected: Text = slot.get(Lang::Es, || text!("alguna {what}"));
    let message = match m.status {
        super::Status::Met => text!(
            "acredita {} de {what} (basta cualquier experiencia)",
            years_noun(&years(m.years))
        ),
        super::Status::Unknown if !m.stated => {
            text!("no se indica experiencia; se requiere {expected}")
        }
        super::Status::Unknown => text!(
            "no acredita con certeza {what}; {} si cuentan los periodos por verificar (basta cualquier experiencia)",
            years_noun(&years(m.possible))
        ),
        super::Status::NotMet => none_held.get(Lang::Es, || text!("no acredita {what}; se requiere alguna")),
    };
    let gap = experience_gap(rule, m, what);
    plain(message, expected, evidence, gap)
}

fn experience(f: &ExperienceFacts<'_>, slot: &RuleText, said: &[RuleText; 3]) -> Rendered {
    let ExperienceFacts {
        rule,
        measure: m,
        basis: _,
    } = *f;
    let home = f.home();
    let what = experience_what(rule, home);
    if let Some(max) = rule
        .max_years
        .filter(|max| m.stated && m.years.max(m.possible) > max + 1e-6)
    {
        return above_maximum(rule, m, max, what, evidence(|each| f.cited(each)));
    }
    if rule.years <= 0.0 {
        let [none_held, ..] = said;
        let evidence = evidence(|each| f.cited(each));
        return any_experience(rule, m, what, evidence, slot, none_held);
    }
    let need = years(rule.years);
    let expected: Text = slot.get(Lang::Es, || match rule.max_years {
        Some(max) => text!("de {need} a {} de {what}", years_noun(&years(max))),
        None => text!("{} de {what}", years_noun(&need)),
    });
    let message = match m.status {
        super::Status::Met => text!(
            "acredita {} de {what} ({} {need})",
            years_noun(&years(m.years)),
            required(&need)
        ),
        super::Status::Unknown if !m.stated => {
            text!("no se indica experiencia; {} {expected}", required(&need))
        }
        super::Status::Unknown => text!(
            "acredita con certeza {} de {what}, {} si cuentan los periodos por verificar ({} {need})",
            years_noun(&years(m.years)),
            years(m.possible),
            required(&need)
        ),
        super::Status::NotMet => text!("{}", shortfall(m, rule, &what)),
    };
    plain(
        message,
        expected,
        evidence(|each| f.cited(each)),
        experience_gap(rule, m, what),
    )
}

/// "licenciatura en un área aceptada (o afín) + 3 años de experiencia"
fn describe(path: &EducationPath, home: Country) -> Text {
    path.text.get(Lang::Es, || write_path(path, home))
}

fn write_path(path: &EducationPath, home: Country) -> String {
    let mut s = degree(path.degree).to_string();
    if path.accredited {
        let _ = write!(s, " {}", accredited(path.degree));
    }
    if let Some(fields) = &path.fields {
        let names: Vec<&str> = fields
            .accepted
            .iter()
            .map(|t| super::shown(t, Lang::Es))
            .collect();
        if names.len() <= 3 {
            let _ = write!(s, " en {}", list_or(&names));
        } else {
            s.push_str(" en un área aceptada");
        }
        if fields.related {
            s.push_str(" (o afín)");
        }
    }
    if let Some(exp) = &path.experience {
        let _ = write!(
            s,
            " + {} de {}",
            years_noun(&years(exp.years)),
            experience_what(exp, home)
        );
    }
    if let Some(instead) = path.substitutes_for {
        let _ = write!(s, " (en lugar de {})", a_degree(instead));
    }
    s
}

/// The comparison behind a field, in a sentence: the rule's name in its
/// Spanish display form; nothing when that is the profile's own name.
fn field_text<'a>(matched: Option<&'a Matched<'a>>) -> impl fmt::Display + 'a {
    super::part(move |f| {
        let Some(m) = matched else {
            return Ok(());
        };
        let mut evidence = m.evidence();
        if let Some(es) = m.wanted_display().and_then(|d| d.es.as_deref()) {
            if crate::matching::normalize(es) == crate::matching::normalize(m.found()) {
                return Ok(());
            }
            evidence.wanted = es.into();
        }
        f.write_str(" (")?;
        name_match(&evidence, f)?;
        f.write_str(")")
    })
}

fn degree_text<'a>(facts: &'a DegreeFacts<'a>, path: &'a EducationPath) -> impl fmt::Display + 'a {
    super::part(move |f| write_degree(f, facts, path))
}

fn write_degree(
    f: &mut fmt::Formatter<'_>,
    facts: &DegreeFacts<'_>,
    path: &EducationPath,
) -> fmt::Result {
    match facts {
        DegreeFacts::NotStated => f.write_str("no se indica formación académica"),
        DegreeFacts::NoneCompleted => write!(
            f,
            "ningún título concluido; se requiere {}",
            a_degree(path.degree)
        ),
        DegreeFacts::BelowLevel { degree, .. } => write!(
            f,
            "el título más alto concluido es {}; se requiere {}",
            label(degree),
            a_degree(path.degree)
        ),
        DegreeFacts::FieldNotAccepted {
            degree, matched, ..
        } => write!(
            f,
            "{} no corresponde a un área aceptada{}",
            label(degree),
            field_text(matched.as_ref())
        ),
        DegreeFacts::NotAccredited { degree } => write!(
            f,
            "{} es de una institución declarada no acreditada",
            label(degree)
        ),
        DegreeFacts::FieldNotStated { degree } => {
            write!(f, "{}: no se indica el área de estudio", label(degree))
        }
        DegreeFacts::FieldToVerify {
            degree,
            field,
            matched,
        } => write!(
            f,
            "{}: \"{field}\" no figura en la lista de áreas aceptadas; se aceptan áreas afines, por lo que una persona debe valorarlo{}",
            label(degree),
            field_text(matched.as_ref())
        ),
        DegreeFacts::AccreditationUnknown { degree } => write!(
            f,
            "{}: no se indica la acreditación de la institución",
            label(degree)
        ),
        DegreeFacts::CompletionNotStated { degree } => write!(
            f,
            "{}: el perfil no indica si se concluyó",
            label(degree)
        ),
        DegreeFacts::CompletionSpans { degree, by } => write!(
            f,
            "{}: el perfil no indica si se concluyó a más tardar el {by}",
            label(degree)
        ),
        DegreeFacts::Implied { degree, level, by } => write!(
            f,
            "{}: no concluido al {by}, pero cursarlo supone haber concluido antes {}",
            label(degree),
            a_degree(*level)
        ),
        DegreeFacts::Met { degree, matched } => {
            write!(f, "{}{}", label(degree), field_text(matched.as_ref()))
        }
    }
}

fn degree_gap(facts: &DegreeFacts<'_>, path: &EducationPath) -> Option<Gap> {
    let need = path.degree;
    let related = |field: &str, stated: Option<&str>, degree: Option<&Label<'_>>| {
        let terms = path.fields.as_ref().map(|f| &f.accepted);
        let (names, others) = super::closest_accepted(stated, terms, Lang::Es, degree);
        let others = match others {
            0 => String::new(),
            1 => " (u otra área aceptada)".to_string(),
            n => text!(" (u otras {n} áreas aceptadas)"),
        };
        Gap::Verify {
            what: text!("si {field} es un área afín a {}{others}", list_or(&names)),
        }
    };
    match facts {
        DegreeFacts::NotStated => Some(Gap::Verify {
            what: text!("que tenga {}", a_degree(need)),
        }),
        DegreeFacts::NoneCompleted => Some(Gap::Degree { have: None, need }),
        DegreeFacts::BelowLevel { level, .. } => Some(Gap::Degree {
            have: Some(*level),
            need,
        }),
        DegreeFacts::FieldNotAccepted { field, .. } => Some(Gap::Field {
            have: field.map(Text::from),
            accepted: super::accepted_fields(path, Lang::Es),
        }),
        DegreeFacts::NotAccredited { .. } => Some(Gap::Missing {
            what: text!("{} de una institución acreditada", a_degree(need)),
        }),
        DegreeFacts::FieldNotStated { .. } => Some(related("el área de estudio", None, None)),
        DegreeFacts::FieldToVerify { field, degree, .. } => {
            Some(related(field, Some(field), Some(degree)))
        }
        DegreeFacts::AccreditationUnknown { .. } => Some(Gap::Verify {
            what: "que la institución esté acreditada".into(),
        }),
        DegreeFacts::CompletionNotStated { .. }
        | DegreeFacts::CompletionSpans { .. }
        | DegreeFacts::Implied { .. } => Some(Gap::Verify {
            what: text!("que haya concluido {}", a_degree(need)),
        }),
        DegreeFacts::Met { .. } => None,
    }
}

fn education(f: &EducationFacts<'_>) -> Rendered {
    let EducationFacts {
        rule,
        ref best,
        ref others,
        basis: _,
    } = *f;
    let home = f.home();
    let expected = paths(rule, home);
    let Some(best) = best else {
        return plain(
            "nada que evaluar".into(),
            expected,
            Vec::new(),
            education_gap(f),
        );
    };
    let PathFacts {
        number, path, met, ..
    } = **best;
    let message = super::build(|message| {
        match (met, rule.paths.len()) {
            (_, 1) => {}
            (true, _) => {
                let _ = write!(message, "cumple la opción {number}: ");
            }
            (false, _) => {
                let _ = write!(message, "opción {number} (la más cercana): ");
            }
        }
        path_text(best, home, message);
    });
    Rendered {
        message,
        expected,
        path: Some(describe(path, home)),
        other_paths: others
            .iter()
            .map(|o| {
                super::build(|text| {
                    let _ = write!(text, "opción {} ({}): ", o.number, describe(o.path, home));
                    path_text(o, home, text);
                })
            })
            .collect(),
        evidence: evidence(|each| f.cited(each)),
        gap: education_gap(f),
    }
}

/// Cómo está la persona en una opción: el título, luego los años.
fn path_text(path_facts: &PathFacts<'_>, home: Country, message: &mut String) {
    let PathFacts {
        path,
        degree: ref facts,
        experience,
        ..
    } = *path_facts;
    let d_text = degree_text(facts, path);
    match experience {
        None => {
            let _ = write!(message, "{d_text}");
        }
        Some(pe) => {
            let m = pe.measure;
            let what = experience_what(pe.rule, home);
            match pe.join {
                Join::Short => {
                    let _ = write!(message, "{d_text}, pero {}", shortfall(m, pe.rule, &what));
                }
                join => {
                    let need = years(pe.rule.years);
                    let _ = write!(
                        message,
                        "{d_text}; acredita {} de {what} ({} {need})",
                        years_noun(&years(m.years)),
                        required(&need)
                    );
                    if join == Join::ToVerify {
                        message.push_str(", contando los periodos por verificar");
                    }
                }
            }
            if pe.join == Join::Substitution {
                message.push_str(" — una licenciatura más 2 años adicionales de experiencia calificada, en lugar de una maestría (regla de sustitución de las Naciones Unidas)");
            }
        }
    }
}

/// "licenciatura + 3 años de experiencia; o maestría + ...".
fn paths(rule: &EducationRule, home: Country) -> Text {
    rule.text.get(Lang::Es, || {
        rule.paths
            .iter()
            .map(|path| describe(path, home))
            .collect::<Vec<_>>()
            .join("; o ")
    })
}

fn education_gap(f: &EducationFacts<'_>) -> Option<Gap> {
    match f.gap_source() {
        EducationGap::Paths => Some(Gap::Verify {
            what: paths(f.rule, f.home()),
        }),
        EducationGap::Experience(pe) => {
            experience_gap(pe.rule, pe.measure, experience_what(pe.rule, f.home()))
        }
        EducationGap::Degree(degree, path) => degree_gap(degree, path),
        EducationGap::None => None,
    }
}

/// "Inglés", "Mam, K'iche' o Kaqchikel", "uno de 5 idiomas (Mam, K'iche',
/// Kaqchikel, ...)".
fn language_names(rule: &LanguageRule) -> Text {
    rule.text.get(Lang::Es, || {
        let names: Vec<&str> = rule
            .languages
            .iter()
            .map(crate::Language::spanish_name)
            .collect();
        match names.len() {
            0..=4 => list_or(&names),
            n => text!("uno de {n} idiomas ({}, ...)", first_three(&names)),
        }
    })
}

fn first_three(names: &[&str]) -> String {
    names.iter().take(3).copied().collect::<Vec<_>>().join(", ")
}

/// The level of an entry as a level requirement sees it: as written, or
/// C2 for a native speaker who states none.
fn stated_level(skill: &crate::LanguageSkill) -> Option<String> {
    match (&skill.level, skill.native) {
        (Some(l), _) => Some(level(l)),
        (None, Some(true)) => Some("C2 (lengua materna, sin nivel indicado)".to_string()),
        (None, _) => None,
    }
}

fn language(f: &LanguageFacts<'_>, slot: &RuleText) -> Rendered {
    let LanguageFacts { rule, found } = *f;
    if rule.native {
        return native(f, slot);
    }
    let need = level(&rule.level);
    let wanted = language_names(rule);
    let expected: Text = slot.get(Lang::Es, || {
        text!("{wanted}, nivel {}", level_with_scale(&rule.level))
    });
    match found {
        LanguageFound::NotStated => plain(
            text!("no se indican idiomas; se requiere {wanted}, nivel {need}"),
            expected,
            Vec::new(),
            language_gap(f),
        ),
        LanguageFound::Missing(listed) => {
            let names = super::listed_languages(listed, crate::Language::spanish_name);
            let absent = match rule.languages.len() {
                0..=4 => wanted.clone(),
                n => text!(
                    "ninguno de {n} idiomas ({}, ...)",
                    first_three(
                        &rule
                            .languages
                            .iter()
                            .map(crate::Language::spanish_name)
                            .collect::<Vec<_>>()
                    )
                ),
            };
            let message = if names.is_empty() {
                text!("no figura {absent} (no se indica ninguno); se requiere nivel {need}")
            } else {
                text!(
                    "no figura {absent} (se indican: {}); se requiere nivel {need}",
                    names.join(", ")
                )
            };
            plain(message, expected, Vec::new(), language_gap(f))
        }
        LanguageFound::Listed {
            index,
            skill,
            status,
            words,
        } => {
            let name = skill.language.spanish_name();
            let have = stated_level(skill);
            let detail = super::facts::kept_words(words, Lang::Es, |out| {
                let _ = write!(
                    out,
                    "{name} {}",
                    have.as_deref().unwrap_or("(nivel no indicado)")
                );
            });
            let message = match status {
                super::Status::Met => {
                    text!("{name} {} cumple {need}", have.as_deref().unwrap_or(""))
                }
                super::Status::Unknown => text!("{name} sin nivel indicado; se requiere {need}"),
                super::Status::NotMet => text!(
                    "{name} {}; se requiere {need}",
                    have.as_deref().unwrap_or("")
                ),
            };
            plain(
                message,
                expected,
                one(Item::Language(index), detail, None),
                language_gap(f),
            )
        }
    }
}

/// A native-speaker requirement ("Nativo (requerido)"): being a native
/// speaker is a fact of the profile, so its gap is always something to
/// confirm, never something to acquire.
fn native(f: &LanguageFacts<'_>, slot: &RuleText) -> Rendered {
    let LanguageFacts { rule, found } = *f;
    let wanted = language_names(rule);
    let expected: Text = slot.get(Lang::Es, || text!("hablante nativo de {wanted}"));
    match found {
        LanguageFound::NotStated => plain(
            text!("no se indican idiomas; se requiere hablante nativo de {wanted}"),
            expected,
            Vec::new(),
            native_gap(f),
        ),
        LanguageFound::Missing(listed) => {
            let names = super::listed_languages(listed, crate::Language::spanish_name);
            let message = if names.is_empty() {
                text!("no figura {wanted} (no se indica ninguno); se requiere hablante nativo")
            } else {
                text!(
                    "no figura {wanted} (se indican: {}); se requiere hablante nativo",
                    names.join(", ")
                )
            };
            plain(message, expected, Vec::new(), native_gap(f))
        }
        LanguageFound::Listed {
            index,
            skill,
            status,
            ..
        } => {
            let name = skill.language.spanish_name();
            let have = skill
                .level
                .as_ref()
                .map_or_else(|| "(nivel no indicado)".to_string(), level);
            let native = match skill.mother_tongue() {
                Some(true) => "lengua materna",
                Some(false) => "no es lengua materna",
                None => "lengua materna no indicada",
            };
            let message = match status {
                super::Status::Met => {
                    text!("{name} {have}, lengua materna: cumple el requisito de hablante nativo")
                }
                super::Status::Unknown => text!(
                    "{name} {have} sin indicar si es lengua materna; se requiere hablante nativo"
                ),
                super::Status::NotMet => {
                    text!("{name} {have}, no es lengua materna; se requiere hablante nativo")
                }
            };
            plain(
                message,
                expected,
                one(
                    Item::Language(index),
                    text!("{name} {have}, {native}"),
                    None,
                ),
                native_gap(f),
            )
        }
    }
}

fn native_gap(f: &LanguageFacts<'_>) -> Option<Gap> {
    let wanted = || language_names(f.rule);
    let what = match f.found {
        LanguageFound::NotStated => {
            text!(
                "que {} sea lengua materna de la persona candidata",
                wanted()
            )
        }
        LanguageFound::Missing(_) => text!(
            "que {} sea lengua materna de la persona candidata (el perfil no lo menciona)",
            wanted()
        ),
        LanguageFound::Listed { skill, status, .. } => {
            let name = skill.language.spanish_name();
            match status {
                super::Status::Met => return None,
                super::Status::Unknown => text!(
                    "que {name} sea lengua materna de la persona candidata (se requiere hablante nativo)"
                ),
                super::Status::NotMet => text!(
                    "que {name} sea lengua materna de la persona candidata: el perfil indica que no lo es"
                ),
            }
        }
    };
    Some(Gap::Verify { what })
}

fn language_gap(f: &LanguageFacts<'_>) -> Option<Gap> {
    if f.rule.native {
        return native_gap(f);
    }
    let need = Text::from(level(&f.rule.level));
    match f.found {
        LanguageFound::NotStated => Some(Gap::Verify {
            what: text!("el dominio de {}, nivel {need}", language_names(f.rule)),
        }),
        LanguageFound::Missing(_) => Some(Gap::Level {
            language: language_names(f.rule),
            have: None,
            need,
        }),
        LanguageFound::Listed { skill, status, .. } => {
            let name = skill.language.spanish_name();
            match status {
                super::Status::Met => None,
                super::Status::Unknown => Some(Gap::Verify {
                    what: text!("el nivel de {name} (se requiere {need})"),
                }),
                super::Status::NotMet => Some(Gap::Level {
                    language: name.into(),
                    have: skill.cefr().map(|c| text!("{c}")),
                    need,
                }),
            }
        }
    }
}

/// " vigente hasta 2026-03", or nothing for a right that does not expire.
fn until(auth: &WorkAuthorization) -> String {
    auth.valid_until
        .map(|u| text!(" vigente hasta {u}"))
        .unwrap_or_default()
}

fn noun(status: AuthorizationStatus) -> &'static str {
    match status {
        AuthorizationStatus::Citizen => "ciudadanía",
        AuthorizationStatus::PermanentResident => "residencia permanente",
        AuthorizationStatus::TemporaryResident => "residencia temporal",
        AuthorizationStatus::WorkPermit => "permiso de trabajo",
        AuthorizationStatus::Refugee => "condición de refugiado",
        AuthorizationStatus::AsylumSeeker => {
            "autorización de permanencia como solicitante de asilo"
        }
        AuthorizationStatus::HumanitarianVisa => "visa humanitaria",
    }
}

/// "permiso de trabajo para México", "ciudadanía de México".
fn right(status: AuthorizationStatus, country: &str) -> String {
    let preposition = match status {
        AuthorizationStatus::Citizen => "de",
        AuthorizationStatus::PermanentResident
        | AuthorizationStatus::TemporaryResident
        | AuthorizationStatus::Refugee
        | AuthorizationStatus::AsylumSeeker => "en",
        AuthorizationStatus::WorkPermit | AuthorizationStatus::HumanitarianVisa => "para",
    };
    text!("{} {preposition} {country}", noun(status))
}

fn authorization(f: &AuthorizationFacts<'_>) -> Rendered {
    let AuthorizationFacts {
        rule,
        valid_on,
        found,
        ref cited,
    } = *f;
    let country = rule.country.spanish_name();
    let nouns: Vec<&str> = rule.statuses.iter().map(|s| noun(*s)).collect();
    let accepted = list_or(&nouns);
    let expected: Text =
        text!("derecho a trabajar en {country} ({accepted}) vigente al {valid_on}");
    let message = match found {
        AuthorizationFound::National => text!("nacional de {country}"),
        AuthorizationFound::Valid(auth) => {
            text!("{}{}", right(auth.status, country), until(auth))
        }
        AuthorizationFound::Expired(auth, on) => text!(
            "{} vence en {on}, antes del {valid_on}",
            right(auth.status, country)
        ),
        AuthorizationFound::Refused(auth) => text!(
            "{} no es un derecho a trabajar aceptado (se acepta: {accepted})",
            right(auth.status, country)
        ),
        AuthorizationFound::MayCarry(auth, may) => text!(
            "{} no figura entre los derechos aceptados ({accepted}), pero suele conllevar {}",
            right(auth.status, country),
            noun(may)
        ),
        AuthorizationFound::Missing => {
            text!("no se indica derecho a trabajar en {country} (no es nacional ni tiene permiso)")
        }
        AuthorizationFound::NotStated => {
            text!("no se indica el derecho a trabajar en {country}")
        }
    };
    plain(
        message,
        expected,
        evidence(|each| cited.iter().cloned().for_each(each)),
        authorization_gap(f),
    )
}

fn authorization_gap(f: &AuthorizationFacts<'_>) -> Option<Gap> {
    let country = f.rule.country.spanish_name();
    let valid_on = f.valid_on;
    match f.found {
        AuthorizationFound::National | AuthorizationFound::Valid(_) => None,
        AuthorizationFound::Expired(auth, on) => Some(Gap::Expired {
            what: right(auth.status, country).into(),
            on,
            needed_on: valid_on,
        }),
        AuthorizationFound::Refused(_) => {
            let nouns: Vec<&str> = f.rule.statuses.iter().map(|s| noun(*s)).collect();
            Some(Gap::Missing {
                what: text!("{} (derecho a trabajar en {country})", list_or(&nouns)),
            })
        }
        AuthorizationFound::MayCarry(auth, may) => Some(Gap::Verify {
            what: text!(
                "que la {} conlleve {} vigente al {valid_on}",
                right(auth.status, country),
                noun(may)
            ),
        }),
        AuthorizationFound::Missing => Some(Gap::Missing {
            what: text!("un derecho a trabajar en {country} vigente al {valid_on}"),
        }),
        AuthorizationFound::NotStated => Some(Gap::Verify {
            what: text!("el derecho a trabajar en {country}"),
        }),
    }
}

fn internal(f: &InternalFacts<'_>, slot: &RuleText) -> Rendered {
    let InternalFacts { rule, found } = *f;
    let orgs = organizations(rule);
    let expected: Text = slot.get(Lang::Es, || {
        text!("personal actual de {orgs} (solo candidaturas internas)")
    });
    match found {
        InternalFound::Staff { index, matched } => plain(
            text!("personal actual de {}", matched.found()),
            expected,
            one(
                Item::StaffOf(index),
                text!("personal de {}", matched.found()),
                Some(&matched),
            ),
            None,
        ),
        InternalFound::Ongoing {
            index,
            period,
            on,
            matched,
        } => plain(
            text!("puesto en curso en {} al {on}", matched.found()),
            expected,
            one(Item::Experience(index), label_text(&period), Some(&matched)),
            None,
        ),
        InternalFound::Affiliate { index, matched } => plain(
            text!("afiliada actual de {}, cuenta como candidatura interna", matched.found()),
            expected,
            one(
                Item::AffiliateOf(index),
                text!("afiliada de {}", matched.found()),
                Some(&matched),
            ),
            None,
        ),
        InternalFound::ToVerify {
            item,
            period,
            matched,
        } => plain(
            match period {
                None => text!(
                    "personal de \"{}\", que nombra a {} pero puede ser otra organización",
                    matched.found(),
                    matched.wanted()
                ),
                Some(_) => text!(
                    "puesto en curso en {} siendo personal de otra organización: cuenta si es afiliada de {orgs}",
                    matched.found()
                ),
            },
            expected,
            one(
                item,
                period.map_or_else(|| text!("personal de {}", matched.found()), |p| label_text(&p)),
                Some(&matched),
            ),
            internal_gap(f),
        ),
        InternalFound::NotStaff => plain(
            text!(
                "no es personal actual de {orgs}; la vacante está abierta solo a candidaturas internas"
            ),
            expected,
            Vec::new(),
            internal_gap(f),
        ),
        InternalFound::NotStated => plain(
            text!("no se indica empleo actual en {orgs}"),
            expected,
            Vec::new(),
            internal_gap(f),
        ),
    }
}

fn organizations(rule: &InternalRule) -> Text {
    rule.text.get(Lang::Es, || {
        let names: Vec<&str> = rule
            .organizations
            .iter()
            .map(|t| super::shown(t, Lang::Es))
            .collect();
        list_or(&names)
    })
}

fn internal_gap(f: &InternalFacts<'_>) -> Option<Gap> {
    match f.found {
        InternalFound::Staff { .. }
        | InternalFound::Ongoing { .. }
        | InternalFound::Affiliate { .. } => None,
        InternalFound::NotStaff => Some(Gap::Missing {
            what: text!("empleo actual en {}", organizations(f.rule)),
        }),
        InternalFound::ToVerify { .. } => Some(Gap::Verify {
            what: text!(
                "que la persona candidata sea personal{} actual de {}",
                if f.rule.affiliates { " o afiliada" } else { "" },
                organizations(f.rule)
            ),
        }),
        InternalFound::NotStated => Some(Gap::Verify {
            what: text!(
                "que la persona candidata sea personal actual de {}",
                organizations(f.rule)
            ),
        }),
    }
}

fn wanted(rule: &NamedRule) -> Text {
    rule.text.get(Lang::Es, || {
        let names: Vec<&str> = rule
            .any_of
            .iter()
            .map(|t| super::shown(t, Lang::Es))
            .collect();
        list_or(&names)
    })
}

/// A near miss as evidence: shown, not counted.
fn near_miss(
    near: Option<&(usize, Matched<'_>)>,
    item: fn(usize) -> Item<'static>,
) -> Vec<Evidence> {
    super::facts::near_miss(near, item, "casi coincide; no se cuenta")
}

fn certification(f: &CertificationFacts<'_>, slot: &RuleText, said: &[RuleText; 3]) -> Rendered {
    let CertificationFacts { rule, found } = *f;
    let [none_stated, not_among, _] = said;
    let what = wanted(rule);
    let expected: Text = slot.get(Lang::Es, || text!("certificación: {what}"));
    match found {
        CertificationFound::NotStated => plain(
            none_stated.get(Lang::Es, || {
                text!("no se indican certificaciones; se busca {what}")
            }),
            expected,
            Vec::new(),
            certification_gap(f),
        ),
        CertificationFound::Valid {
            index,
            matched,
            expires,
        } => {
            let until: String = expires
                .map(|e| text!(", vigente hasta {e}"))
                .unwrap_or_default();
            plain(
                text!("posee {}{until}", matched.found()),
                expected,
                one(
                    Item::Certification(index),
                    text!("{}{until}", matched.found()),
                    Some(&matched),
                ),
                None,
            )
        }
        CertificationFound::Expired {
            index, matched, on, ..
        } => plain(
            text!("{} venció en {on}", matched.found()),
            expected,
            one(
                Item::Certification(index),
                text!("{}: venció en {on}", matched.found()),
                Some(&matched),
            ),
            certification_gap(f),
        ),
        CertificationFound::Missing { near } => plain(
            not_among.get(Lang::Es, || {
                text!("{what} no figura entre las certificaciones indicadas")
            }),
            expected,
            near_miss(near.as_ref(), Item::Certification),
            certification_gap(f),
        ),
    }
}

fn certification_gap(f: &CertificationFacts<'_>) -> Option<Gap> {
    let what = || wanted(f.rule);
    match f.found {
        CertificationFound::NotStated => Some(Gap::Verify { what: what() }),
        CertificationFound::Valid { .. } => None,
        CertificationFound::Expired { on, needed_on, .. } => Some(Gap::Expired {
            what: what(),
            on,
            needed_on,
        }),
        CertificationFound::Missing { .. } => Some(Gap::Missing { what: what() }),
    }
}

fn skill(f: &SkillFacts<'_>, slot: &RuleText, said: &[RuleText; 3]) -> Rendered {
    let SkillFacts { rule, found } = *f;
    let [none_stated, not_among, _] = said;
    let what = wanted(rule);
    let expected: Text = slot.get(Lang::Es, || text!("habilidad: {what}"));
    match found {
        SkillFound::Listed { index, matched } => plain(
            text!("indica {}", matched.found()),
            expected,
            one(Item::Skill(index), matched.found_text(), Some(&matched)),
            None,
        ),
        SkillFound::Evidenced {
            index,
            period,
            matched,
        } => plain(
            text!("demostrada por experiencia en {}", matched.found()),
            expected,
            one(Item::Experience(index), label_text(&period), Some(&matched)),
            None,
        ),
        SkillFound::Inferred {
            index,
            period,
            matched,
        } => plain(
            text!(
                "experiencia en {}, un área deducida de su descripción, por verificar",
                matched.found()
            ),
            expected,
            one(Item::Experience(index), label_text(&period), Some(&matched)),
            skill_gap(f),
        ),
        SkillFound::NotStated => plain(
            none_stated.get(Lang::Es, || {
                text!("no se indican habilidades y ningún área de experiencia muestra {what}")
            }),
            expected,
            Vec::new(),
            skill_gap(f),
        ),
        SkillFound::Missing { near } => plain(
            not_among.get(Lang::Es, || {
                text!(
                    "{what} no figura entre las habilidades indicadas ni en las áreas de experiencia"
                )
            }),
            expected,
            near_miss(near.as_ref(), Item::Skill),
            skill_gap(f),
        ),
    }
}

fn skill_gap(f: &SkillFacts<'_>) -> Option<Gap> {
    match f.found {
        SkillFound::Listed { .. } | SkillFound::Evidenced { .. } => None,
        SkillFound::NotStated | SkillFound::Inferred { .. } => Some(Gap::Verify {
            what: wanted(f.rule),
        }),
        SkillFound::Missing { .. } => Some(Gap::Missing {
            what: wanted(f.rule),
        }),
    }
}

/// "México", "Honduras o El Salvador".
fn countries(list: &[Country]) -> String {
    let sorted = super::by_code(list);
    let names: smallvec::SmallVec<[&str; 8]> = sorted.iter().map(Country::spanish_name).collect();
    list_or(&names)
}

fn nationality(f: &NationalityFacts<'_>, slot: &RuleText) -> Rendered {
    let NationalityFacts { rule, found } = *f;
    let listed = countries(&rule.countries);
    let expected: Text = slot.get(Lang::Es, || {
        if !rule.exclude {
            text!("nacional de {listed}")
        } else if rule.dual_nationals_eligible {
            text!("no ser nacional de {listed} (se admite a quien tenga además otra nacionalidad)")
        } else {
            text!("no ser nacional de {listed}")
        }
    });
    let name = |index: usize, held: &[Country]| held.get(index).map_or("", |c| c.spanish_name());
    let national = |index: usize, held: &[Country]| {
        one(
            Item::Nationality(index),
            text!("nacional de {}", name(index, held)),
            None,
        )
    };
    let (message, evidence) = match found {
        NationalityFound::NotStated => ("no se indica nacionalidad".into(), Vec::new()),
        NationalityFound::National { index, held } if !rule.exclude => (
            text!("nacional de {}", name(index, held)),
            national(index, held),
        ),
        NationalityFound::National { index, held } => (
            text!(
                "nacional de {}, nacionalidad que la vacante excluye",
                name(index, held)
            ),
            national(index, held),
        ),
        NationalityFound::DualNational { index, held } => (
            text!(
                "nacional de {} y de {}: se admite la doble nacionalidad",
                name(index, held),
                countries(
                    &held
                        .iter()
                        .copied()
                        .filter(|c| !rule.countries.contains(c))
                        .collect::<Vec<_>>()
                )
            ),
            national(index, held),
        ),
        NationalityFound::Other { held } if !rule.exclude => (
            text!(
                "nacional de {}, no de {listed} (solo nacionales)",
                if held.is_empty() {
                    "ningún país indicado".to_string()
                } else {
                    countries(held)
                }
            ),
            Vec::new(),
        ),
        NationalityFound::Other { .. } => (text!("no es nacional de {listed}"), Vec::new()),
        NationalityFound::Citizen { index, country } => {
            let name = country.spanish_name();
            let message = if !rule.exclude {
                text!("nacional de {name}: ciudadanía, según una autorización de trabajo")
            } else if rule.dual_nationals_eligible {
                text!(
                    "ciudadanía de {name}, según una autorización de trabajo; no se indica si tiene otra nacionalidad"
                )
            } else {
                text!(
                    "nacional de {name}, nacionalidad que la vacante excluye: ciudadanía, según una autorización de trabajo"
                )
            };
            (
                message,
                one(
                    Item::WorkAuthorization(index),
                    text!("ciudadanía de {name}"),
                    None,
                ),
            )
        }
    };
    plain(message, expected, evidence, nationality_gap(f))
}

fn nationality_gap(f: &NationalityFacts<'_>) -> Option<Gap> {
    let listed = || countries(&f.rule.countries);
    match f.found {
        NationalityFound::NotStated => Some(Gap::Verify {
            what: if f.rule.exclude {
                text!("que la persona candidata no sea nacional de {}", listed())
            } else {
                text!("que la persona candidata sea nacional de {}", listed())
            },
        }),
        NationalityFound::Citizen { .. } if f.rule.exclude && f.rule.dual_nationals_eligible => {
            Some(Gap::Verify {
                what: text!(
                    "que la persona candidata tenga una nacionalidad distinta de {}",
                    listed()
                ),
            })
        }
        NationalityFound::National { .. } | NationalityFound::Citizen { .. } if f.rule.exclude => {
            Some(Gap::Missing {
                what: text!("una nacionalidad distinta de {}", listed()),
            })
        }
        NationalityFound::Other { .. } if !f.rule.exclude => Some(Gap::Missing {
            what: text!("nacionalidad de {}", listed()),
        }),
        _ => None,
    }
}

fn attestation(f: &AttestationFacts<'_>, slot: &RuleText, said: &[RuleText; 3]) -> Rendered {
    let AttestationFacts { name, answer, .. } = *f;
    let [made, denied, not_made] = said;
    let readable = attestation_name(f);
    let expected: Text = slot.get(Lang::Es, || text!("declaración: {readable}"));
    let declared = |yes: bool| {
        one(
            Item::Attestation(name),
            text!("{readable}: {}", if yes { "sí" } else { "no" }),
            None,
        )
    };
    match answer {
        Some(true) => plain(
            made.get(Lang::Es, || text!("declaración afirmativa: {readable}")),
            expected,
            declared(true),
            None,
        ),
        Some(false) => plain(
            denied.get(Lang::Es, || text!("declaración negativa: {readable}")),
            expected,
            declared(false),
            attestation_gap(f),
        ),
        None => plain(
            not_made.get(Lang::Es, || text!("sin declaración: {readable}")),
            expected,
            Vec::new(),
            attestation_gap(f),
        ),
    }
}

/// The declaration as sentences in this language name it: the
/// vocabulary's display name, else the rule's name without underscores.
fn attestation_name(f: &AttestationFacts<'_>) -> String {
    f.display
        .es
        .clone()
        .unwrap_or_else(|| f.name.replace('_', " "))
}

fn attestation_gap(f: &AttestationFacts<'_>) -> Option<Gap> {
    let readable = || attestation_name(f);
    match f.answer {
        Some(true) => None,
        Some(false) => Some(Gap::Missing {
            what: readable().into(),
        }),
        None => Some(Gap::Verify {
            what: readable().into(),
        }),
    }
}

/// What is missing for the finding, without its other words.
pub(super) fn gap_of(facts: &Facts<'_>) -> Option<Gap> {
    match facts {
        Facts::Education(f) => education_gap(f),
        Facts::Experience(f) => {
            experience_gap(f.rule, f.measure, experience_what(f.rule, f.home()))
        }
        Facts::Language(f) => language_gap(f),
        Facts::Authorization(f) => authorization_gap(f),
        Facts::Internal(f) => internal_gap(f),
        Facts::Certification(f) => certification_gap(f),
        Facts::Skill(f) => skill_gap(f),
        Facts::Attestation(f) => attestation_gap(f),
        Facts::Nationality(f) => nationality_gap(f),
    }
}

/// A gap for people: "faltan 0,5 años de experiencia en refugee protection".
pub(super) fn gap(gap: &Gap, f: &mut dyn fmt::Write) -> fmt::Result {
    match gap {
        Gap::Years { missing, of } => {
            let amount = fmt_years_missing(*missing).comma();
            write!(
                f,
                "{} {amount} {} de {of}",
                short(&amount),
                year_word(&amount)
            )
        }
        Gap::Level {
            language,
            have,
            need,
        } => match have {
            Some(have) => write!(f, "{language} {have}; se requiere {need}"),
            None => write!(f, "se requiere {language}, nivel {need}"),
        },
        Gap::Degree { have, need } => {
            write!(f, "se requiere {}", a_degree(*need))?;
            match have {
                Some(have) => write!(f, "; el título más alto es {}", degree(*have)),
                None => Ok(()),
            }
        }
        Gap::Field { have, accepted } => {
            let names: Vec<&str> = accepted.iter().map(Text::as_str).collect();
            write!(f, "se requiere un título en {}", list_or(&names))?;
            match have {
                Some(h) => write!(f, "; el área es {h}"),
                None => Ok(()),
            }
        }
        Gap::Missing { what } => write!(f, "se requiere {what}"),
        Gap::Expired {
            what,
            on,
            needed_on,
        } => write!(f, "{what} vence en {on}; debe estar vigente al {needed_on}"),
        Gap::Verify { what } => write!(f, "verificar {what}"),
    }
}

/// The change that closes a gap: "0,5 años más de experiencia en refugee
/// protection", "Inglés C1 (fluido) en lugar de B2".
pub(super) fn change(gap: &Gap) -> String {
    match gap {
        Gap::Years { missing, of } => {
            let amount = fmt_years_missing(*missing).comma();
            text!("{amount} {} más de {of}", year_word(&amount))
        }
        Gap::Level {
            language,
            have: Some(have),
            need,
        } => text!("{language} {need} en lugar de {have}"),
        Gap::Level { language, need, .. } => text!("{language}, nivel {need}"),
        Gap::Degree {
            have: Some(have),
            need,
        } => text!("{} en lugar de {}", a_degree(*need), a_degree(*have)),
        Gap::Degree { need, .. } => a_degree(*need).to_string(),
        Gap::Field { accepted, .. } => {
            let names: Vec<&str> = accepted.iter().map(Text::as_str).collect();
            text!("un título en {}", list_or(&names))
        }
        Gap::Missing { what } => what.to_string(),
        Gap::Expired {
            what, needed_on, ..
        } => text!("{what} vigente al {needed_on}"),
        Gap::Verify { what } => text!("confirmar {what}"),
    }
}

/// A name comparison: "\"Derecho\" = \"Law\" (equivalente)".
pub(super) fn name_match(m: &NameMatch, f: &mut dyn fmt::Write) -> fmt::Result {
    let (found, wanted) = (&m.found, &m.wanted);
    match m.how {
        MatchKind::Exact => write!(f, "\"{found}\" = \"{wanted}\""),
        MatchKind::Alias => write!(f, "\"{found}\" = \"{wanted}\" (equivalente)"),
        MatchKind::Contains => write!(f, "\"{found}\" abarca \"{wanted}\""),
        MatchKind::Fuzzy => write!(
            f,
            "\"{found}\" ≈ \"{wanted}\" (similitud {})",
            comma(text!("{:.2}", m.similarity))
        ),
        MatchKind::NearMiss => write!(
            f,
            "\"{found}\" se parece a \"{wanted}\" (similitud {}, por debajo de {})",
            comma(text!("{:.2}", m.similarity)),
            comma(FUZZY_THRESHOLD.to_string())
        ),
        MatchKind::Partial => write!(f, "\"{found}\" contiene \"{wanted}\" pero es otro nombre"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_a_decimal_comma() {
        assert_eq!(comma("0.5".to_string()), "0,5");
        assert_eq!(comma("12".to_string()), "12");
        assert_eq!(years(1.46), "1,5");
        assert_eq!(years_noun(&years(1.0)), "1 año");
        assert_eq!(years_noun(&years(0.04)), "0 años");
    }

    #[test]
    fn verbs_agree_with_the_amount() {
        assert_eq!((required("1"), short("1")), ("se requiere", "falta"));
        assert_eq!((required("2"), short("0,5")), ("se requieren", "faltan"));
    }

    #[test]
    fn lists_join_with_o_and_u_before_an_o_sound() {
        assert_eq!(list_or(&[]), "");
        assert_eq!(list_or(&["Derecho"]), "Derecho");
        assert_eq!(list_or(&["Derecho", "Sociología"]), "Derecho o Sociología");
        assert_eq!(
            list_or(&["Derecho", "Sociología", "Oceanografía"]),
            "Derecho, Sociología u Oceanografía"
        );
        assert_eq!(list_or(&["UNHCR", "Honduras"]), "UNHCR u Honduras");
    }

    #[test]
    fn degrees_take_their_article_and_agreement() {
        assert_eq!(a_degree(DegreeLevel::Bachelor), "una licenciatura");
        assert_eq!(a_degree(DegreeLevel::Doctorate), "un doctorado");
        assert_eq!(a_degree(DegreeLevel::Secondary), "educación secundaria");
        assert_eq!(accredited(DegreeLevel::Doctorate), "acreditado");
        assert_eq!(accredited(DegreeLevel::Master), "acreditada");
    }

    #[test]
    fn bundled_descriptors_are_translated_and_others_kept() {
        assert_eq!(descriptor("fluent"), "fluido");
        assert_eq!(descriptor("good knowledge"), "buen conocimiento");
        assert_eq!(descriptor("nativo"), "nativo");
        assert_eq!(descriptor("operational"), "operational");
    }
}
