//! Education requirements: alternative paths of degree, field,
//! accreditation and experience.

use super::experience;
use super::prepared::{Prepared, PreparedDegree};
use super::{Context, Outcome};
use crate::explain::{
    a_degree, fmt_years, fmt_years_missing, years_noun, Code, Evidence, Gap, Status,
};
use crate::matching::{best_match, Category, NameMatch};
use crate::model::vacancy::{EducationPath, EducationRule};

/// One candidate degree judged against one path.
struct DegreeFit<'d> {
    degree: &'d PreparedDegree,
    status: Status,
    credit: f64,
    level_ok: bool,
    field: Status,
    field_match: Option<NameMatch>,
    accreditation: Status,
}

fn judge<'d>(path: &EducationPath, d: &'d PreparedDegree, ctx: &Context<'_>) -> DegreeFit<'d> {
    let level_ok = d.level >= path.degree;
    let level_credit = if level_ok {
        1.0
    } else {
        // Cubed: a missing degree level is a far larger gap than a missing
        // year, so the closest path of a bachelor short of experience is
        // "bachelor + 3 years", not "doctorate + 1 year".
        (f64::from(d.level.rank()) / f64::from(path.degree.rank())).powi(3)
    };
    let (field, field_match) = match &path.fields {
        None => (Status::Met, None),
        Some(rule) => match &d.field {
            None => (Status::Unknown, None),
            Some(field) => {
                let found = best_match(
                    &rule.accepted,
                    std::iter::once((0, field)),
                    ctx.vocabulary,
                    Category::Field,
                );
                match found {
                    Some((_, m)) if m.counts() => (Status::Met, Some(m)),
                    other if rule.related => (Status::Unknown, other.map(|(_, m)| m)),
                    other => (Status::NotMet, other.map(|(_, m)| m)),
                }
            }
        },
    };
    let accreditation = if path.accredited {
        match d.accredited {
            Some(true) => Status::Met,
            Some(false) => Status::NotMet,
            None => Status::Unknown,
        }
    } else {
        Status::Met
    };
    let level_status = if level_ok {
        Status::Met
    } else {
        Status::NotMet
    };
    let status = level_status.min(field).min(accreditation);
    // The level scales the rest: a degree in the right field at the wrong
    // level is still far from the path.
    let credit = level_credit * (credit_of(field) + credit_of(accreditation)) / 2.0;
    DegreeFit {
        degree: d,
        status,
        credit,
        level_ok,
        field,
        field_match,
        accreditation,
    }
}

/// How close a degree's field came to an accepted one, for choosing among
/// degrees that are otherwise equal: no comparison at all is lowest, then
/// a near miss, then the kinds of match; the similarity in thousandths.
fn field_closeness(fit: &DegreeFit<'_>) -> (i16, i64) {
    fit.field_match.as_ref().map_or((-1, 0), |m| {
        (
            i16::from(m.how.strength()),
            (m.similarity * 1000.0).round() as i64,
        )
    })
}

fn credit_of(status: Status) -> f64 {
    match status {
        Status::Met => 1.0,
        Status::Unknown => 0.5,
        Status::NotMet => 0.0,
    }
}

/// "bachelor's degree + 3 years of experience"
fn describe(path: &EducationPath, ctx: &Context<'_>) -> String {
    let mut s = path.degree.to_string();
    if path.accredited {
        s = format!("accredited {s}");
    }
    if let Some(fields) = &path.fields {
        let names: Vec<&str> = fields.accepted.iter().map(|t| t.text.as_str()).collect();
        if names.len() <= 3 {
            s.push_str(&format!(" in {}", names.join(", ")));
        } else {
            s.push_str(" in an accepted field");
        }
        if fields.related {
            s.push_str(" (or related)");
        }
    }
    if let Some(exp) = &path.experience {
        s.push_str(&format!(
            " + {} of {}",
            years_noun(&fmt_years(exp.years)),
            experience::describe(exp, ctx)
        ));
    }
    if let Some(instead) = path.substitutes_for {
        s.push_str(&format!(" (in lieu of a {instead})"));
    }
    s
}

/// A path's outcome.
struct PathOutcome {
    status: Status,
    /// The degree part alone (level, field, accreditation).
    degree_status: Status,
    credit: f64,
    code: Code,
    message: String,
    evidence: Vec<Evidence>,
    gap: Option<Gap>,
}

fn assess_path(path: &EducationPath, p: &Prepared<'_>, ctx: &Context<'_>) -> PathOutcome {
    let mut evidence = Vec::new();
    // The degree part.
    let (d_status, d_credit, d_code, d_message, d_gap) = match &p.degrees {
        None => (
            Status::Unknown,
            0.5,
            Code::EducationNotStated,
            "no education stated".to_string(),
            Some(Gap::Verify {
                what: a_degree(path.degree),
            }),
        ),
        Some(degrees) => {
            let completed: Vec<&PreparedDegree> = degrees
                .iter()
                .filter(|d| d.completed.is_some_and(|c| c <= ctx.measured_at))
                .collect();
            for d in degrees
                .iter()
                .filter(|d| d.completed.is_none_or(|c| c > ctx.measured_at))
            {
                if d.level >= path.degree {
                    evidence.push(Evidence {
                        item: format!("education[{}]", d.index),
                        detail: format!(
                            "{}: not completed by {}, not counted",
                            d.label, ctx.measured_at
                        ),
                        matched: None,
                    });
                }
            }
            let fits: Vec<DegreeFit<'_>> = completed.iter().map(|d| judge(path, d, ctx)).collect();
            // The degree reported is the best by status; its credit is the
            // best of any degree, so that adding a degree that is better in
            // status but worse in credit (a bachelor whose field is not
            // stated over a technical diploma in the field) never lowers it.
            let top_credit = fits.iter().map(|f| f.credit).fold(0.0_f64, f64::max);
            let best = fits.into_iter().max_by(|a, b| {
                (a.status, a.credit)
                    .partial_cmp(&(b.status, b.credit))
                    .unwrap_or(std::cmp::Ordering::Equal)
                    // Among equals, the profile's order does not matter:
                    // the field that comes closest, the higher degree, then
                    // the earlier completion, then the label.
                    .then(field_closeness(a).cmp(&field_closeness(b)))
                    .then(a.degree.level.cmp(&b.degree.level))
                    .then(b.degree.completed.cmp(&a.degree.completed))
                    .then(b.degree.label.cmp(&a.degree.label))
            });
            match best {
                None => {
                    let have = None;
                    (
                        Status::NotMet,
                        0.0,
                        Code::EducationDegreeMissing,
                        format!("no completed degree; needs {}", a_degree(path.degree)),
                        Some(Gap::Degree {
                            have,
                            need: path.degree,
                        }),
                    )
                }
                Some(fit) => {
                    evidence.insert(
                        0,
                        Evidence {
                            item: format!("education[{}]", fit.degree.index),
                            detail: fit.degree.label.clone(),
                            matched: fit.field_match.clone(),
                        },
                    );
                    let (status, _, code, message, gap) = degree_outcome(path, &fit);
                    (status, top_credit, code, message, gap)
                }
            }
        }
    };
    // The experience part.
    let Some(exp_rule) = &path.experience else {
        return PathOutcome {
            status: d_status,
            degree_status: d_status,
            credit: d_credit,
            code: d_code,
            message: d_message,
            evidence,
            gap: d_gap,
        };
    };
    let mut m = experience::measure(exp_rule, p, ctx);
    evidence.append(&mut m.evidence);
    let status = d_status.min(m.status);
    let credit = (d_credit + m.credit) / 2.0;
    let exp_text = format!(
        "{} of {} (needs {})",
        years_noun(&fmt_years(m.years)),
        m.what,
        fmt_years(exp_rule.years)
    );
    // The degree's problem comes first; then the experience's.
    let (code, message, gap) = if d_status == Status::NotMet {
        (d_code, format!("{d_message}; {exp_text}"), d_gap)
    } else if m.status == Status::NotMet {
        let short = fmt_years_missing(exp_rule.years - m.years);
        (
            Code::EducationExperienceShort,
            format!(
                "{d_message}, but {}: {short} short",
                experience::shortfall_text(&m, exp_rule)
            ),
            m.gap,
        )
    } else if d_status == Status::Unknown {
        (d_code, format!("{d_message}; {exp_text}"), d_gap)
    } else if m.status == Status::Unknown {
        (
            Code::EducationExperienceToVerify,
            format!("{d_message}; {exp_text}, counting periods to verify"),
            m.gap,
        )
    } else {
        let code = if path.substitutes_for.is_some() {
            Code::EducationMetBySubstitution
        } else {
            Code::EducationMet
        };
        (code, format!("{d_message}; {exp_text}"), None)
    };
    PathOutcome {
        status,
        degree_status: d_status,
        credit,
        code,
        message,
        evidence,
        gap,
    }
}

fn degree_outcome(
    path: &EducationPath,
    fit: &DegreeFit<'_>,
) -> (Status, f64, Code, String, Option<Gap>) {
    let label = &fit.degree.label;
    let accepted = || {
        path.fields
            .as_ref()
            .map(|f| f.accepted.iter().map(|t| t.text.clone()).collect())
            .unwrap_or_default()
    };
    let field_text = fit
        .field_match
        .as_ref()
        .map(|m| format!(" ({m})"))
        .unwrap_or_default();
    if !fit.level_ok {
        return (
            fit.status,
            fit.credit,
            Code::EducationDegreeMissing,
            format!(
                "highest completed degree is {label}; needs {}",
                a_degree(path.degree)
            ),
            Some(Gap::Degree {
                have: Some(fit.degree.level),
                need: path.degree,
            }),
        );
    }
    if fit.field == Status::NotMet {
        return (
            fit.status,
            fit.credit,
            Code::EducationFieldNotAccepted,
            format!("{label} is not in an accepted field{field_text}"),
            Some(Gap::Field {
                have: fit.degree.field.as_ref().map(|f| f.text.clone()),
                accepted: accepted(),
            }),
        );
    }
    if fit.accreditation == Status::NotMet {
        return (
            fit.status,
            fit.credit,
            Code::EducationNotAccredited,
            format!("{label} is from an institution stated as not accredited"),
            Some(Gap::Missing {
                what: format!("{} from an accredited institution", a_degree(path.degree)),
            }),
        );
    }
    if fit.field == Status::Unknown {
        let message = match &fit.degree.field {
            None => format!("{label}: field of study not stated"),
            Some(f) => format!(
                "{label}: \"{}\" is not in the accepted list; related fields are accepted, so a person must judge{field_text}",
                f.text
            ),
        };
        return (
            fit.status,
            fit.credit,
            Code::EducationFieldToVerify,
            message,
            Some(Gap::Verify {
                what: format!(
                    "whether {} is a field related to {}",
                    fit.degree
                        .field
                        .as_ref()
                        .map_or("the field", |f| f.text.as_str()),
                    accepted().join(", ")
                ),
            }),
        );
    }
    if fit.accreditation == Status::Unknown {
        return (
            fit.status,
            fit.credit,
            Code::EducationAccreditationUnknown,
            format!("{label}: accreditation of the institution not stated"),
            Some(Gap::Verify {
                what: "that the institution is accredited".to_string(),
            }),
        );
    }
    (
        Status::Met,
        fit.credit,
        Code::EducationMet,
        format!("{label}{field_text}"),
        None,
    )
}

/// The education requirement: the best path, or the closest one.
pub(crate) fn assess(rule: &EducationRule, p: &Prepared<'_>, ctx: &Context<'_>) -> Outcome {
    let expected = rule
        .paths
        .iter()
        .map(|path| describe(path, ctx))
        .collect::<Vec<_>>()
        .join("; or ");
    // The path reported is the best by status; among paths that are not
    // met, one whose degree the candidate holds comes before one that
    // needs a higher degree (years of experience accrue, a degree has to
    // be earned); then the highest credit; ties keep the earlier path.
    let mut best: Option<(usize, PathOutcome)> = None;
    let mut credit = 0.0_f64;
    for (i, path) in rule.paths.iter().enumerate() {
        let outcome = assess_path(path, p, ctx);
        credit = credit.max(outcome.credit);
        let key = |o: &PathOutcome| (o.status, o.degree_status, o.credit);
        let better = match &best {
            None => true,
            Some((_, b)) => key(&outcome) > key(b),
        };
        if better {
            best = Some((i, outcome));
        }
    }
    let Some((index, outcome)) = best else {
        return Outcome::empty(expected);
    };
    let path = rule.paths.get(index).map(|path| describe(path, ctx));
    let lead = match (outcome.status, rule.paths.len()) {
        (_, 1) => String::new(),
        (Status::Met, _) => format!("met through path {}: ", index + 1),
        _ => format!("closest path {}: ", index + 1),
    };
    let mut outcome = outcome;
    if outcome.code == Code::EducationMetBySubstitution {
        outcome.message.push_str(" — a bachelor plus 2 extra years of qualifying experience in lieu of a master (UN substitution rule)");
    }
    Outcome {
        status: outcome.status,
        credit,
        code: outcome.code,
        message: format!("{lead}{}", outcome.message),
        expected,
        path,
        evidence: outcome.evidence,
        gap: outcome.gap,
    }
}
