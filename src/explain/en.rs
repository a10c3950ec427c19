//! English: the words of findings, gaps and reports.

use std::fmt::{self, Write as _};

use super::facts::{
    one, plain, AttestationFacts, AuthorizationFacts, AuthorizationFound, CertificationFacts,
    CertificationFound, Cited, DegreeFacts, Detail, Doubt, Doubts, EducationFacts, EducationGap,
    ExperienceFacts, Facts, InternalFacts, InternalFound, Item, Join, LanguageFacts, LanguageFound,
    Measure, NationalityFacts, NationalityFound, PathFacts, Rendered, SkillFacts, SkillFound,
};
use super::render::Words;
use super::Lang;
use super::{
    a_degree, fmt_years, fmt_years_held, fmt_years_missing, year_word, years_missing, years_noun,
    Evidence, Gap,
};
use crate::matching::{Matched, NameMatch};
use crate::model::vacancy::RuleText;
use crate::model::vacancy::{
    EducationPath, EducationRule, ExperienceRule, InternalRule, LanguageRule, NamedRule, Scope,
};
use crate::model::{Country, LanguageLevel};
use crate::text::Text;
use crate::{AuthorizationStatus, WorkAuthorization};

/// The report's fixed words.
pub(super) const WORDS: Words = Words {
    eligible: "ELIGIBLE",
    needs_review: "NEEDS REVIEW",
    ineligible: "INELIGIBLE",
    closed: "  [closed: deadline passed; measured at ",
    met: "  [met]      ",
    verify: "  [verify]   ",
    missing: "  [missing]  ",
    indent: "               ",
    asset: " (asset)",
    condition: " (to confirm before appointment)",
    gap: "gap: ",
    acquire: "what would make this eligible: ",
    confirm: "to confirm eligibility: ",
    then: "and then: ",
};

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

fn detail(detail: &Detail<'_>) -> Text {
    match detail {
        Detail::Degree(label) => label.english_text(),
        Detail::DegreeNotCompleted { degree, by } => {
            text!("{}: not completed by {by}, not counted", degree.english())
        }
        Detail::Period { period, years } => {
            let years = years.get();
            let name = period.english();
            period.period_detail(Lang::En, years, Doubts::default(), |out| {
                period_years(out, name, years);
            })
        }
        Detail::PeriodToVerify { period, years, why } => {
            let years = years.get();
            let name = period.english();
            period.period_detail(Lang::En, years, *why, |out| {
                period_years(out, name, years);
                for doubt in why.iter() {
                    out.push_str(", ");
                    if doubt == Doubt::DomainsInferred {
                        // What was inferred, so the reviewer sees it.
                        out.push_str("areas inferred from its description");
                        period.push_domains(out, Lang::En);
                    }
                    out.push_str(match doubt {
                        Doubt::DomainsNotStated => "domains not stated",
                        Doubt::DomainsInferred => ", to verify",
                        Doubt::Relevance => "relevance to verify",
                        Doubt::CountryNotStated => "country not stated",
                        Doubt::ScopeNotStated => "international or national not stated",
                        Doubt::DegreeDateNotStated => "degree date not stated",
                        Doubt::YearsOnly => "dates in years only, to verify",
                    });
                }
            })
        }
        Detail::PeriodTooLate { period, after } => {
            text!("{} starts after {after}, not counted", period.english())
        }
        Detail::National(country) => text!("national of {}", country.english_name()),
        Detail::Right {
            right: auth,
            country,
        } => {
            text!(
                "{}{}",
                right(auth.status, country.english_name()),
                until(auth)
            )
        }
    }
}

/// "UNHCR, Protection Officer (2019-2023): 4 years".
fn period_years(out: &mut String, period: &str, years: f64) {
    out.push_str(period);
    out.push_str(": ");
    super::push_years_noun(out, years);
}

/// "refugee protection experience", "experience in Mexico", "experience".
fn experience_what(rule: &ExperienceRule, home: Country) -> Text {
    rule.text.get(Lang::En, || {
        let mut what = String::new();
        if !rule.domains.is_empty() {
            let names: Vec<&str> = rule
                .domains
                .iter()
                .map(|t| super::shown(t, Lang::En))
                .collect();
            what.push_str(&names.join("/"));
            if !rule.with.is_empty() {
                let with: Vec<&str> = rule
                    .with
                    .iter()
                    .map(|t| super::shown(t, Lang::En))
                    .collect();
                let _ = write!(what, " with {}", with.join("/"));
            }
            what.push(' ');
        }
        match rule.scope {
            Scope::International => what.push_str("international "),
            Scope::National => what.push_str("national "),
            Scope::Any => {}
        }
        what.push_str("experience");
        if !rule.countries.is_empty() {
            let names: Vec<&str> = rule.countries.iter().map(Country::english_name).collect();
            what.push_str(" in ");
            what.push_str(&names.join("/"));
        }
        if rule.scope == Scope::National {
            let _ = write!(what, " ({})", home.english_name());
        }
        if let Some(level) = rule.after_degree {
            let _ = write!(what, " after a {level}");
        }
        what
    })
}

/// What is missing for an experience requirement, if anything.
fn experience_gap(rule: &ExperienceRule, m: Measure, what: Text) -> Option<Gap> {
    if !m.stated {
        return Some(Gap::Verify {
            what: if rule.years <= 0.0 {
                text!("some {what}")
            } else {
                text!("{} of {what}", years_noun(&fmt_years(rule.years)))
            },
        });
    }
    match m.status {
        super::Status::Met => None,
        super::Status::Unknown => Some(Gap::Verify {
            what: text!(
                "whether {} of periods marked below count as {what}",
                years_noun(&fmt_years(m.possible - m.years))
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

/// "1.7 years of refugee protection experience, needs 2": held years
/// rounded down, so that with the shortfall rounded up they add up.
/// With periods to verify, the most they could make: "1 year of refugee
/// protection experience for sure, at most 1.8 if the periods to verify
/// count, needs 2" (and the shortfall is counted from the most).
fn shortfall<'a>(m: Measure, rule: &'a ExperienceRule, what: &'a str) -> impl fmt::Display + 'a {
    super::part(move |f| {
        if m.at_most() > m.years {
            return write!(
                f,
                "{} of {what} for sure, at most {} if the periods to verify count, needs {}",
                years_noun(&fmt_years_held(m.years)),
                fmt_years_held(m.at_most()),
                fmt_years(rule.years)
            );
        }
        write!(
            f,
            "{} of {what}, needs {}",
            years_noun(&fmt_years_held(m.years)),
            fmt_years(rule.years)
        )
    })
}

/// Experience past a rule's maximum ("no more than 5 years"): never a
/// suggestion to gain more.
fn above_maximum(
    rule: &ExperienceRule,
    m: Measure,
    max: f64,
    what: Text,
    evidence: Vec<Evidence>,
) -> Rendered {
    let expected: Text = text!(
        "{} to {} of {what}",
        fmt_years(rule.years),
        years_noun(&fmt_years(max))
    );
    let (message, gap) = if m.years > max {
        (
            text!(
                "{} of {what}, more than the maximum of {}",
                years_noun(&fmt_years(m.years)),
                fmt_years(max)
            ),
            Gap::Missing {
                what: text!("at most {} of {what}", years_noun(&fmt_years(max))),
            },
        )
    } else {
        (
            text!(
                "{} of {what} for sure, {} if the periods to verify count: the maximum is {}",
                years_noun(&fmt_years(m.years)),
                fmt_years(m.possible),
                fmt_years(max)
            ),
            Gap::Verify {
                what: text!(
                    "whether the periods marked below count as {what}: with them, more than the maximum of {}",
                    years_noun(&fmt_years(max))
                ),
            },
        )
    };
    plain(message, expected, evidence, Some(gap))
}

/// An experience requirement that gives no duration: any qualifying
/// experience meets it.
fn any_experience(
    rule: &ExperienceRule,
    m: Measure,
    what: Text,
    evidence: Vec<Evidence>,
    slot: &RuleText,
    none_held: &RuleText,
) -> Rendered {
    let expected: Text = slot.get(Lang::En, || text!("some {what}"));
    let message = match m.status {
        super::Status::Met => text!(
            "{} of {what} (any experience wanted)",
            years_noun(&fmt_years(m.years))
        ),
        super::Status::Unknown if !m.stated => text!("no experience stated; needs {expected}"),
        super::Status::Unknown => text!(
            "no {what} for sure, {} if the periods to verify count (any experience wanted)",
            years_noun(&fmt_years(m.possible))
        ),
        super::Status::NotMet => none_held.get(Lang::En, || text!("no {what}; some wanted")),
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
    let need = fmt_years(rule.years);
    let expected: Text = slot.get(Lang::En, || match rule.max_years {
        Some(max) => text!("{need} to {} of {what}", years_noun(&fmt_years(max))),
        None => text!("{} of {what}", years_noun(&need)),
    });
    let message = match m.status {
        super::Status::Met => text!(
            "{} of {what} (needs {need})",
            years_noun(&fmt_years(m.years))
        ),
        super::Status::Unknown if !m.stated => text!("no experience stated; needs {expected}"),
        super::Status::Unknown => text!(
            "{} of {what} for sure, {} if the periods to verify count (needs {need})",
            years_noun(&fmt_years(m.years)),
            fmt_years(m.possible)
        ),
        super::Status::NotMet => text!(
            "{}: {} short",
            shortfall(m, rule, &what),
            fmt_years_missing(rule.years - m.at_most())
        ),
    };
    plain(
        message,
        expected,
        evidence(|each| f.cited(each)),
        experience_gap(rule, m, what),
    )
}

/// "bachelor's degree + 3 years of experience"
fn describe(path: &EducationPath, home: Country) -> Text {
    path.text.get(Lang::En, || write_path(path, home))
}

fn write_path(path: &EducationPath, home: Country) -> String {
    let mut s = path.degree.to_string();
    if path.accredited {
        s = text!("accredited {s}");
    }
    if let Some(fields) = &path.fields {
        let names: Vec<&str> = fields
            .accepted
            .iter()
            .map(|t| super::shown(t, Lang::En))
            .collect();
        if names.len() <= 3 {
            let _ = write!(s, " in {}", names.join(", "));
        } else {
            s.push_str(" in an accepted field");
        }
        if fields.related {
            s.push_str(" (or related)");
        }
    }
    if let Some(exp) = &path.experience {
        let _ = write!(
            s,
            " + {} of {}",
            years_noun(&fmt_years(exp.years)),
            experience_what(exp, home)
        );
    }
    if let Some(instead) = path.substitutes_for {
        let _ = write!(s, " (in lieu of a {instead})");
    }
    s
}

/// " (\"Derecho\" = \"Law\" (alias))", or nothing.
fn field_text<'a>(matched: Option<&'a Matched<'a>>) -> impl fmt::Display + 'a {
    super::part(move |f| match matched {
        Some(m) => write!(f, " ({})", m.evidence()),
        None => Ok(()),
    })
}

fn degree_text<'a>(degree: &'a DegreeFacts<'a>, path: &'a EducationPath) -> impl fmt::Display + 'a {
    super::part(move |f| write_degree(f, degree, path))
}

fn write_degree(
    f: &mut fmt::Formatter<'_>,
    degree: &DegreeFacts<'_>,
    path: &EducationPath,
) -> fmt::Result {
    match degree {
        DegreeFacts::NotStated => f.write_str("no education stated"),
        DegreeFacts::NoneCompleted => {
            write!(f, "no completed degree; needs {}", a_degree(path.degree))
        }
        DegreeFacts::BelowLevel { degree, .. } => write!(
            f,
            "highest completed degree is {}; needs {}",
            degree.english(),
            a_degree(path.degree)
        ),
        DegreeFacts::FieldNotAccepted {
            degree, matched, ..
        } => write!(
            f,
            "{} is not in an accepted field{}",
            degree.english(),
            field_text(matched.as_ref())
        ),
        DegreeFacts::NotAccredited { degree } => write!(
            f,
            "{} is from an institution stated as not accredited",
            degree.english()
        ),
        DegreeFacts::FieldNotStated { degree } => {
            write!(f, "{}: field of study not stated", degree.english())
        }
        DegreeFacts::FieldToVerify {
            degree,
            field,
            matched,
        } => write!(
            f,
            "{}: \"{field}\" is not in the accepted list; related fields are accepted, so a person must judge{}",
            degree.english(),
            field_text(matched.as_ref())
        ),
        DegreeFacts::AccreditationUnknown { degree } => write!(
            f,
            "{}: accreditation of the institution not stated",
            degree.english()
        ),
        DegreeFacts::CompletionNotStated { degree } => write!(
            f,
            "{}: the profile does not say whether it was completed",
            degree.english()
        ),
        DegreeFacts::CompletionSpans { degree, by } => write!(
            f,
            "{}: the profile does not say whether it was completed by {by}",
            degree.english()
        ),
        DegreeFacts::Implied { degree, level, by } => write!(
            f,
            "{}: not completed by {by}, but enrolling in it implies {} completed before",
            degree.english(),
            a_degree(*level)
        ),
        DegreeFacts::Met { degree, matched } => {
            write!(f, "{}{}", degree.english(), field_text(matched.as_ref()))
        }
    }
}

fn degree_gap(degree: &DegreeFacts<'_>, path: &EducationPath) -> Option<Gap> {
    let need = path.degree;
    let related = |field: &str, stated: Option<&str>, degree: Option<&super::facts::Label<'_>>| {
        let terms = path.fields.as_ref().map(|f| &f.accepted);
        let (names, others) = super::closest_accepted(stated, terms, Lang::En, degree);
        let names = match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => text!("{} or {last}", rest.join(", ")),
        };
        let others = match others {
            0 => String::new(),
            1 => " (or 1 other accepted field)".to_string(),
            n => text!(" (or {n} other accepted fields)"),
        };
        Gap::Verify {
            what: text!("whether {field} is a field related to {names}{others}"),
        }
    };
    match degree {
        DegreeFacts::NotStated => Some(Gap::Verify {
            what: text!("{}", a_degree(need)),
        }),
        DegreeFacts::NoneCompleted => Some(Gap::Degree { have: None, need }),
        DegreeFacts::BelowLevel { level, .. } => Some(Gap::Degree {
            have: Some(*level),
            need,
        }),
        DegreeFacts::FieldNotAccepted { field, .. } => Some(Gap::Field {
            have: field.map(Text::from),
            accepted: super::accepted_fields(path, Lang::En),
        }),
        DegreeFacts::NotAccredited { .. } => Some(Gap::Missing {
            what: text!("{} from an accredited institution", a_degree(need)),
        }),
        DegreeFacts::FieldNotStated { .. } => Some(related("the field", None, None)),
        DegreeFacts::FieldToVerify { field, degree, .. } => {
            Some(related(field, Some(field), Some(degree)))
        }
        DegreeFacts::AccreditationUnknown { .. } => Some(Gap::Verify {
            what: "that the institution is accredited".into(),
        }),
        DegreeFacts::CompletionNotStated { .. }
        | DegreeFacts::CompletionSpans { .. }
        | DegreeFacts::Implied { .. } => Some(Gap::Verify {
            what: text!("that {} was completed", a_degree(need)),
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
            "nothing to evaluate".into(),
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
                let _ = write!(message, "met through path {number}: ");
            }
            (false, _) => {
                let _ = write!(message, "closest path {number}: ");
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
                    let _ = write!(text, "path {} ({}): ", o.number, describe(o.path, home));
                    path_text(o, home, text);
                })
            })
            .collect(),
        evidence: evidence(|each| f.cited(each)),
        gap: education_gap(f),
    }
}

/// How a candidate stands on one path: the degree, then the years.
fn path_text(facts: &PathFacts<'_>, home: Country, message: &mut String) {
    let PathFacts {
        path,
        ref degree,
        experience,
        ..
    } = *facts;
    let d_text = degree_text(degree, path);
    match experience {
        None => {
            let _ = write!(message, "{d_text}");
        }
        Some(pe) => {
            let m = pe.measure;
            let what = experience_what(pe.rule, home);
            match pe.join {
                Join::Short => {
                    let short = fmt_years_missing(pe.rule.years - m.at_most());
                    let _ = write!(
                        message,
                        "{d_text}, but {}: {short} short",
                        shortfall(m, pe.rule, &what)
                    );
                }
                join => {
                    let _ = write!(
                        message,
                        "{d_text}; {} of {what} (needs {})",
                        years_noun(&fmt_years(m.years)),
                        fmt_years(pe.rule.years)
                    );
                    if join == Join::ToVerify {
                        message.push_str(", counting periods to verify");
                    }
                }
            }
            if pe.join == Join::Substitution {
                message.push_str(" — a bachelor plus 2 extra years of qualifying experience in lieu of a master (UN substitution rule)");
            }
        }
    }
}

/// "bachelor's degree + 3 years of experience; or master's degree + ...".
fn paths(rule: &EducationRule, home: Country) -> Text {
    rule.text.get(Lang::En, || {
        rule.paths
            .iter()
            .map(|path| describe(path, home))
            .collect::<Vec<_>>()
            .join("; or ")
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

fn language_names(rule: &LanguageRule) -> Text {
    rule.text.get(Lang::En, || {
        let names: Vec<&str> = rule
            .languages
            .iter()
            .map(crate::Language::english_name)
            .collect();
        match names.len() {
            0 | 1 => names.join(""),
            2..=4 => text!("one of {}", names.join(", ")),
            n => text!(
                "one of {n} languages ({}, ...)",
                names.iter().take(3).copied().collect::<Vec<_>>().join(", ")
            ),
        }
    })
}

/// "C1 (fluent, posting descriptors scale)": the level as written, and the
/// scale it was written in when it was not a CEFR code (a scale named
/// "house scale" is not called "house scale scale").
fn level_with_scale(level: &LanguageLevel) -> String {
    match (level.written(), level.scale()) {
        (Some(words), Some(scale)) if super::names_scale(scale) => {
            text!("{} ({words}, {scale})", level.cefr())
        }
        (Some(words), Some(scale)) => text!("{} ({words}, {scale} scale)", level.cefr()),
        _ => level.to_string(),
    }
}

/// The level of an entry as a level requirement sees it: as written, or
/// C2 for a native speaker who states none.
fn stated_level(skill: &crate::LanguageSkill) -> Option<&dyn fmt::Display> {
    match (&skill.level, skill.native) {
        (Some(level), _) => Some(level),
        (None, Some(true)) => Some(&"C2 (native speaker, no level stated)"),
        (None, _) => None,
    }
}

fn language(f: &LanguageFacts<'_>, slot: &RuleText) -> Rendered {
    let LanguageFacts { rule, found } = *f;
    if rule.native {
        return native(f, slot);
    }
    let level = &rule.level;
    let wanted = language_names(rule);
    let expected: Text = slot.get(Lang::En, || {
        text!("{wanted} at {}", level_with_scale(level))
    });
    match found {
        LanguageFound::NotStated => plain(
            text!("no languages stated; needs {wanted} at {level}"),
            expected,
            Vec::new(),
            language_gap(f),
        ),
        LanguageFound::Missing(listed) => {
            let names = super::listed_languages(listed, crate::Language::english_name);
            let message = text!(
                "{wanted} not listed (lists {}); needs {level}",
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            );
            plain(message, expected, Vec::new(), language_gap(f))
        }
        LanguageFound::Listed {
            index,
            skill,
            status,
            words,
        } => {
            let name = skill.language.english_name();
            let have = stated_level(skill);
            let detail = super::facts::kept_words(words, Lang::En, |out| {
                let _ = write!(out, "{name} {}", have.unwrap_or(&"(level not stated)"));
            });
            let message = match status {
                super::Status::Met => {
                    text!("{name} {} meets {level}", have.unwrap_or(&""))
                }
                super::Status::Unknown => text!("{name} listed without a level; needs {level}"),
                super::Status::NotMet => {
                    text!("{name} {}, {level} required", have.unwrap_or(&""))
                }
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

/// A native-speaker requirement ("Native (required)"): being a native
/// speaker is a fact of the profile, so its gap is always something to
/// confirm, never something to acquire.
fn native(f: &LanguageFacts<'_>, slot: &RuleText) -> Rendered {
    let LanguageFacts { rule, found } = *f;
    let wanted = language_names(rule);
    let expected: Text = slot.get(Lang::En, || text!("a native speaker of {wanted}"));
    match found {
        LanguageFound::NotStated => plain(
            text!("no languages stated; needs a native speaker of {wanted}"),
            expected,
            Vec::new(),
            native_gap(f),
        ),
        LanguageFound::Missing(listed) => {
            let names = super::listed_languages(listed, crate::Language::english_name);
            let message = text!(
                "{wanted} not listed (lists {}); needs a native speaker",
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            );
            plain(message, expected, Vec::new(), native_gap(f))
        }
        LanguageFound::Listed {
            index,
            skill,
            status,
            ..
        } => {
            let name = skill.language.english_name();
            let have = skill
                .level
                .as_ref()
                .map_or_else(|| "(level not stated)".to_string(), ToString::to_string);
            let native = match skill.mother_tongue() {
                Some(true) => "a mother tongue",
                Some(false) => "not a mother tongue",
                None => "mother tongue not stated",
            };
            let message = match status {
                super::Status::Met => {
                    text!("{name} {have}, a mother tongue: meets the native-speaker requirement")
                }
                super::Status::Unknown => text!(
                    "{name} {have} listed without saying whether it is a mother tongue; a native speaker is required"
                ),
                super::Status::NotMet => {
                    text!("{name} {have}, not a mother tongue; a native speaker is required")
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
            text!("that the candidate is a native speaker of {}", wanted())
        }
        LanguageFound::Missing(_) => text!(
            "that the candidate is a native speaker of {}, which the profile does not list",
            wanted()
        ),
        LanguageFound::Listed { skill, status, .. } => {
            let name = skill.language.english_name();
            match status {
                super::Status::Met => return None,
                super::Status::Unknown => text!(
                    "that {name} is the candidate's mother tongue (a native speaker is required)"
                ),
                super::Status::NotMet => text!(
                    "that {name} is the candidate's mother tongue: the profile states it is not"
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
    let level = &f.rule.level;
    match f.found {
        LanguageFound::NotStated => Some(Gap::Verify {
            what: text!("{} at {level}", language_names(f.rule)),
        }),
        LanguageFound::Missing(_) => Some(Gap::Level {
            language: language_names(f.rule),
            have: None,
            need: text!("{level}"),
        }),
        LanguageFound::Listed { skill, status, .. } => {
            let name = skill.language.english_name();
            match status {
                super::Status::Met => None,
                super::Status::Unknown => Some(Gap::Verify {
                    what: text!("{name} level ({level} required)"),
                }),
                super::Status::NotMet => Some(Gap::Level {
                    language: name.into(),
                    have: skill.cefr().map(|c| text!("{c}")),
                    need: text!("{level}"),
                }),
            }
        }
    }
}

/// " valid until 2026-03", or nothing for a right that does not expire.
fn until(auth: &WorkAuthorization) -> String {
    auth.valid_until
        .map(|u| text!(" valid until {u}"))
        .unwrap_or_default()
}

/// The status as a noun for people: "work permit", not `work_permit`.
fn noun(status: AuthorizationStatus) -> &'static str {
    match status {
        AuthorizationStatus::Citizen => "citizenship",
        AuthorizationStatus::PermanentResident => "permanent residence",
        AuthorizationStatus::TemporaryResident => "temporary residence",
        AuthorizationStatus::WorkPermit => "work permit",
        AuthorizationStatus::Refugee => "refugee status",
        AuthorizationStatus::AsylumSeeker => "asylum seeker's authorization to stay",
        AuthorizationStatus::HumanitarianVisa => "humanitarian visa",
    }
}

/// A status as what a right comes with: "a work permit", "permanent
/// residence".
fn with_article(status: AuthorizationStatus) -> String {
    match status {
        AuthorizationStatus::WorkPermit | AuthorizationStatus::HumanitarianVisa => {
            text!("a {}", noun(status))
        }
        _ => noun(status).to_string(),
    }
}

/// "work permit for Mexico", "citizenship of Mexico".
fn right(status: AuthorizationStatus, country: &str) -> String {
    let preposition = match status {
        AuthorizationStatus::Citizen => "of",
        AuthorizationStatus::PermanentResident
        | AuthorizationStatus::TemporaryResident
        | AuthorizationStatus::Refugee
        | AuthorizationStatus::AsylumSeeker => "in",
        AuthorizationStatus::WorkPermit | AuthorizationStatus::HumanitarianVisa => "for",
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
    let country = rule.country.english_name();
    let accepted = || super::joined(&rule.statuses, ", ", |s| noun(*s));
    let expected: Text = text!(
        "right to work in {country} ({}) valid on {valid_on}",
        accepted()
    );
    let message = match found {
        AuthorizationFound::National => text!("national of {country}"),
        AuthorizationFound::Valid(auth) => {
            text!("{}{}", right(auth.status, country), until(auth))
        }
        AuthorizationFound::Expired(auth, on) => text!(
            "{} expires {on}, before {valid_on}",
            right(auth.status, country)
        ),
        AuthorizationFound::Refused(auth) => text!(
            "{} is not an accepted right to work ({} accepted)",
            right(auth.status, country),
            accepted()
        ),
        AuthorizationFound::MayCarry(auth, may) => text!(
            "{} is not among the rights accepted ({}), but often comes with {}",
            right(auth.status, country),
            accepted(),
            with_article(may)
        ),
        AuthorizationFound::Missing => {
            text!("no right to work in {country} stated (not a national, no permit)")
        }
        AuthorizationFound::NotStated => text!("right to work in {country} not stated"),
    };
    plain(
        message,
        expected,
        evidence(|each| cited.iter().cloned().for_each(each)),
        authorization_gap(f),
    )
}

fn authorization_gap(f: &AuthorizationFacts<'_>) -> Option<Gap> {
    let country = f.rule.country.english_name();
    let valid_on = f.valid_on;
    match f.found {
        AuthorizationFound::National | AuthorizationFound::Valid(_) => None,
        AuthorizationFound::Expired(auth, on) => Some(Gap::Expired {
            what: right(auth.status, country).into(),
            on,
            needed_on: valid_on,
        }),
        AuthorizationFound::Refused(_) => {
            let accepted = super::joined(&f.rule.statuses, " or ", |s| noun(*s));
            Some(Gap::Missing {
                what: text!("{accepted} (right to work in {country})"),
            })
        }
        AuthorizationFound::MayCarry(auth, may) => Some(Gap::Verify {
            what: text!(
                "that the {} comes with {} valid on {valid_on}",
                right(auth.status, country),
                with_article(may)
            ),
        }),
        AuthorizationFound::Missing => Some(Gap::Missing {
            what: text!("a right to work in {country} valid on {valid_on}"),
        }),
        AuthorizationFound::NotStated => Some(Gap::Verify {
            what: text!("right to work in {country}"),
        }),
    }
}

fn internal(f: &InternalFacts<'_>, slot: &RuleText) -> Rendered {
    let InternalFacts { rule, found } = *f;
    let orgs = organizations(rule);
    let expected: Text = slot.get(Lang::En, || {
        text!("current staff of {orgs} (internal applicants only)")
    });
    match found {
        InternalFound::Staff { index, matched } => plain(
            text!("current staff of {}", matched.found()),
            expected,
            one(
                Item::StaffOf(index),
                text!("staff of {}", matched.found()),
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
            text!("ongoing position at {} on {on}", matched.found()),
            expected,
            one(Item::Experience(index), period.english_text(), Some(&matched)),
            None,
        ),
        InternalFound::Affiliate { index, matched } => plain(
            text!("current affiliate of {}, counted as internal", matched.found()),
            expected,
            one(
                Item::AffiliateOf(index),
                text!("affiliate of {}", matched.found()),
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
                    "staff of \"{}\", which names {} but may be another organization",
                    matched.found(),
                    matched.wanted()
                ),
                Some(_) => text!(
                    "ongoing position at {} while staff of another organization: an affiliate of {orgs} counts",
                    matched.found()
                ),
            },
            expected,
            one(
                item,
                period.map_or_else(|| text!("staff of {}", matched.found()), |p| p.english_text()),
                Some(&matched),
            ),
            internal_gap(f),
        ),
        InternalFound::NotStaff => plain(
            text!("not current staff of {orgs}; the posting is open to internal applicants only"),
            expected,
            Vec::new(),
            internal_gap(f),
        ),
        InternalFound::NotStated => plain(
            text!("current employment with {orgs} not stated"),
            expected,
            Vec::new(),
            internal_gap(f),
        ),
    }
}

fn organizations(rule: &InternalRule) -> Text {
    rule.text.get(Lang::En, || {
        let names: Vec<&str> = rule
            .organizations
            .iter()
            .map(|t| super::shown(t, Lang::En))
            .collect();
        names.join(" or ")
    })
}

fn internal_gap(f: &InternalFacts<'_>) -> Option<Gap> {
    match f.found {
        InternalFound::Staff { .. }
        | InternalFound::Ongoing { .. }
        | InternalFound::Affiliate { .. } => None,
        InternalFound::NotStaff => Some(Gap::Missing {
            what: text!("current employment with {}", organizations(f.rule)),
        }),
        InternalFound::ToVerify { .. } => Some(Gap::Verify {
            what: text!(
                "that the candidate is current {} staff{}",
                organizations(f.rule),
                if f.rule.affiliates {
                    " or affiliate"
                } else {
                    ""
                }
            ),
        }),
        InternalFound::NotStated => Some(Gap::Verify {
            what: text!(
                "that the candidate is current {} staff",
                organizations(f.rule)
            ),
        }),
    }
}

fn wanted(rule: &NamedRule) -> Text {
    rule.text.get(Lang::En, || {
        let names: Vec<&str> = rule
            .any_of
            .iter()
            .map(|t| super::shown(t, Lang::En))
            .collect();
        names.join(" or ")
    })
}

/// A near miss as evidence: shown, not counted.
fn near_miss(
    near: Option<&(usize, Matched<'_>)>,
    item: fn(usize) -> Item<'static>,
) -> Vec<Evidence> {
    super::facts::near_miss(near, item, "near miss, not counted")
}

fn certification(f: &CertificationFacts<'_>, slot: &RuleText, said: &[RuleText; 3]) -> Rendered {
    let CertificationFacts { rule, found } = *f;
    let [none_stated, not_among, _] = said;
    let what = wanted(rule);
    let expected: Text = slot.get(Lang::En, || text!("certification: {what}"));
    match found {
        CertificationFound::NotStated => plain(
            none_stated.get(Lang::En, || {
                text!("no certifications stated; {what} wanted")
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
                .map(|e| text!(", valid until {e}"))
                .unwrap_or_default();
            plain(
                text!("holds {}{until}", matched.found()),
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
            text!("{} expired on {on}", matched.found()),
            expected,
            one(
                Item::Certification(index),
                text!("{} expired {on}", matched.found()),
                Some(&matched),
            ),
            certification_gap(f),
        ),
        CertificationFound::Missing { near } => plain(
            not_among.get(Lang::En, || {
                text!("{what} not among the certifications listed")
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
    let expected: Text = slot.get(Lang::En, || text!("skill: {what}"));
    match found {
        SkillFound::Listed { index, matched } => plain(
            text!("lists {}", matched.found()),
            expected,
            one(Item::Skill(index), matched.found_text(), Some(&matched)),
            None,
        ),
        SkillFound::Evidenced {
            index,
            period,
            matched,
        } => plain(
            text!("evidenced by experience in {}", matched.found()),
            expected,
            one(
                Item::Experience(index),
                period.english_text(),
                Some(&matched),
            ),
            None,
        ),
        SkillFound::Inferred {
            index,
            period,
            matched,
        } => plain(
            text!(
                "experience in {}, an area inferred from its description, to verify",
                matched.found()
            ),
            expected,
            one(
                Item::Experience(index),
                period.english_text(),
                Some(&matched),
            ),
            skill_gap(f),
        ),
        SkillFound::NotStated => plain(
            none_stated.get(Lang::En, || {
                text!("no skills stated and no experience domain shows {what}")
            }),
            expected,
            Vec::new(),
            skill_gap(f),
        ),
        SkillFound::Missing { near } => plain(
            not_among.get(Lang::En, || {
                text!("{what} not among the skills listed nor the experience domains")
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

/// "Mexico", "Honduras or El Salvador".
fn countries(list: &[Country]) -> impl fmt::Display + '_ {
    super::part(move |f| {
        let sorted = super::by_code(list);
        let names = super::joined(&sorted, " or ", Country::english_name);
        fmt::Display::fmt(&names, f)
    })
}

fn nationality(f: &NationalityFacts<'_>, slot: &RuleText) -> Rendered {
    let NationalityFacts { rule, found } = *f;
    let listed = countries(&rule.countries);
    let expected: Text = slot.get(Lang::En, || {
        if !rule.exclude {
            text!("national of {listed}")
        } else if rule.dual_nationals_eligible {
            text!(
            "not a national of {listed} (dual nationals who hold another nationality are eligible)"
        )
        } else {
            text!("not a national of {listed}")
        }
    });
    let national = |index: usize, held: &[Country]| {
        let name = held.get(index).map_or("", |c| c.english_name());
        one(Item::Nationality(index), text!("national of {name}"), None)
    };
    let (message, evidence) = match found {
        NationalityFound::NotStated => ("no nationality stated".into(), Vec::new()),
        NationalityFound::National { index, held } if !rule.exclude => (
            text!(
                "national of {}",
                held.get(index).map_or("", |c| c.english_name())
            ),
            national(index, held),
        ),
        NationalityFound::National { index, held } => (
            text!(
                "national of {}, which the posting excludes",
                held.get(index).map_or("", |c| c.english_name())
            ),
            national(index, held),
        ),
        NationalityFound::DualNational { index, held } => (
            text!(
                "national of {} and of {}: dual nationals are eligible",
                held.get(index).map_or("", |c| c.english_name()),
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
                "national of {}, not of {listed} (nationals only)",
                super::part(|f| if held.is_empty() {
                    f.write_str("no country listed")
                } else {
                    fmt::Display::fmt(&countries(held), f)
                })
            ),
            Vec::new(),
        ),
        NationalityFound::Other { .. } => (text!("not a national of {listed}"), Vec::new()),
        NationalityFound::Citizen { index, country } => {
            let name = country.english_name();
            let message = if !rule.exclude {
                text!("national of {name}: a citizen, as a work authorization states")
            } else if rule.dual_nationals_eligible {
                text!(
                    "a citizen of {name}, as a work authorization states; whether the candidate also holds another nationality is not stated"
                )
            } else {
                text!("national of {name}, which the posting excludes: a citizen, as a work authorization states")
            };
            (
                message,
                one(
                    Item::WorkAuthorization(index),
                    text!("citizen of {name}"),
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
                text!("that the candidate is not a national of {}", listed())
            } else {
                text!("that the candidate is a national of {}", listed())
            },
        }),
        NationalityFound::Citizen { .. } if f.rule.exclude && f.rule.dual_nationals_eligible => {
            Some(Gap::Verify {
                what: text!(
                    "that the candidate holds a nationality other than {}",
                    listed()
                ),
            })
        }
        NationalityFound::National { .. } | NationalityFound::Citizen { .. } if f.rule.exclude => {
            Some(Gap::Missing {
                what: text!("a nationality other than {}", listed()),
            })
        }
        NationalityFound::Other { .. } if !f.rule.exclude => Some(Gap::Missing {
            what: text!("nationality of {}", listed()),
        }),
        _ => None,
    }
}

fn attestation(f: &AttestationFacts<'_>, slot: &RuleText, said: &[RuleText; 3]) -> Rendered {
    let AttestationFacts { name, answer, .. } = *f;
    let [made, denied, not_made] = said;
    let readable = attestation_name(f);
    let expected: Text = slot.get(Lang::En, || text!("declaration: {readable}"));
    let declared = |yes: bool| {
        one(
            Item::Attestation(name),
            text!("{readable}: {}", if yes { "yes" } else { "no" }),
            None,
        )
    };
    match answer {
        Some(true) => plain(
            made.get(Lang::En, || text!("declares {readable}")),
            expected,
            declared(true),
            None,
        ),
        Some(false) => plain(
            denied.get(Lang::En, || text!("declares no {readable}")),
            expected,
            declared(false),
            attestation_gap(f),
        ),
        None => plain(
            not_made.get(Lang::En, || text!("{readable} not declared")),
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
        .en
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

/// A gap for people: "needs 0.6 more years of refugee protection experience".
pub(super) fn gap(gap: &Gap, f: &mut dyn fmt::Write) -> fmt::Result {
    match gap {
        Gap::Years { missing, of } => {
            let amount = fmt_years_missing(*missing);
            write!(f, "needs {amount} more {} of {of}", year_word(&amount))
        }
        Gap::Level {
            language,
            have,
            need,
        } => match have {
            Some(have) => write!(f, "{language} {have}, {need} required"),
            None => write!(f, "{language} at {need} required"),
        },
        Gap::Degree { have, need } => match have {
            Some(have) => write!(f, "{} required, highest is {have}", a_degree(*need)),
            None => write!(f, "{} required", a_degree(*need)),
        },
        Gap::Field { have, accepted } => {
            write!(f, "degree in {} required", accepted.join(", "))?;
            match have {
                Some(h) => write!(f, ", field is {h}"),
                None => Ok(()),
            }
        }
        Gap::Missing { what } => write!(f, "needs {what}"),
        Gap::Expired {
            what,
            on,
            needed_on,
        } => write!(f, "{what} expires {on}, must be valid on {needed_on}"),
        Gap::Verify { what } => write!(f, "verify {what}"),
    }
}

/// The change that closes a gap: "1 more year of refugee protection
/// experience", "English C1 (fluent) instead of B2".
pub(super) fn change(gap: &Gap) -> String {
    match gap {
        Gap::Years { missing, of } => {
            let amount = fmt_years_missing(*missing);
            text!("{amount} more {} of {of}", year_word(&amount))
        }
        Gap::Level {
            language,
            have: Some(have),
            need,
        } => text!("{language} {need} instead of {have}"),
        Gap::Level { language, need, .. } => text!("{language} at {need}"),
        Gap::Degree {
            have: Some(have),
            need,
        } => text!("a {need} instead of a {have}"),
        Gap::Degree { need, .. } => text!("a {need}"),
        Gap::Field { accepted, .. } => text!("a degree in {}", accepted.join(", ")),
        Gap::Missing { what } => what.to_string(),
        Gap::Expired {
            what, needed_on, ..
        } => text!("{what} valid on {needed_on}"),
        Gap::Verify { what } => match what.strip_prefix("that ") {
            Some(clause) => text!("confirmation that {clause}"),
            None => text!("confirmation of {what}"),
        },
    }
}

/// A name comparison, as in `NameMatch`'s `Display`.
pub(super) fn name_match(m: &NameMatch, f: &mut dyn fmt::Write) -> fmt::Result {
    write!(f, "{m}")
}
