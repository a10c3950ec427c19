//! Education requirements: alternative paths of degree, field,
//! accreditation and experience.

use smallvec::SmallVec;

use super::experience::{self, Tally};
use super::facts::{
    Basis, Cited, DegreeFacts, Detail, EducationFacts, Facts, Item, Join, Label, PathExperience,
    PathFacts, Source,
};
use super::prepared::{Prepared, PreparedDegree};
use super::{Code, Status};
use super::{Context, Outcome};
use crate::matching::{best_match, Category, Matched};
use crate::model::vacancy::{EducationPath, EducationRule};
use crate::DegreeLevel;

/// One candidate degree judged against one path.
struct DegreeFit<'d> {
    degree: &'d PreparedDegree<'d>,
    status: Status,
    credit: f64,
    level_ok: bool,
    field: Status,
    field_match: Option<Matched<'d>>,
    accreditation: Status,
    /// Met when the degree is stated completed by the measurement date,
    /// unknown when its completion is not stated, or its date is a year or
    /// month that the measurement date falls in.
    completion: Status,
    /// For a degree not completed by the measurement date: the level that
    /// enrolling in it implies was completed before (a bachelor's degree
    /// under way implies secondary education), judged in its stead.
    implied: Option<DegreeLevel>,
}

/// A degree's field judged against one list of accepted fields.
#[derive(Clone, Copy)]
struct FieldFit<'a> {
    status: Status,
    matched: Option<Matched<'a>>,
}

/// Each degree's field judged against one list, by the degree's index.
type Fits<'a> = SmallVec<[Option<FieldFit<'a>>; 4]>;

/// What the paths of one requirement share, judged once: each degree's
/// field against each distinct list of fields, and the experience of each
/// distinct filter.
#[derive(Default)]
struct Shared<'a> {
    /// (fields group, judgement of each degree by its index): looked up
    /// once per degree and path, so a list, not a scan.
    fields: SmallVec<[(usize, Fits<'a>); 2]>,
    /// (experience group, tally).
    tallies: SmallVec<[(usize, Tally); 2]>,
}

impl<'a> Shared<'a> {
    /// The judgement of degree `index` (of `degrees`) against the fields
    /// of `group`, made by `judge` the first time.
    fn field(
        &mut self,
        group: usize,
        index: usize,
        degrees: usize,
        judge: impl FnOnce() -> FieldFit<'a>,
    ) -> FieldFit<'a> {
        let slot = match self.fields.iter().position(|(g, _)| *g == group) {
            Some(slot) => slot,
            None => {
                self.fields
                    .push((group, SmallVec::from_elem(None, degrees)));
                self.fields.len().saturating_sub(1)
            }
        };
        let Some(known) = self
            .fields
            .get_mut(slot)
            .and_then(|(_, fits)| fits.get_mut(index))
        else {
            return judge();
        };
        *known.get_or_insert_with(judge)
    }
}

fn field_fit<'a>(
    path: &'a EducationPath,
    d: &'a PreparedDegree,
    ctx: &Context<'_>,
) -> FieldFit<'a> {
    let (status, matched) = match &path.fields {
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
    FieldFit { status, matched }
}

fn judge<'d>(
    path: &'d EducationPath,
    d: &'d PreparedDegree,
    field: FieldFit<'d>,
    at: chrono::NaiveDate,
) -> DegreeFit<'d> {
    let level_ok = d.level >= path.degree;
    let level_credit = if level_ok {
        1.0
    } else {
        // Cubed: a missing degree level is a far larger gap than a missing
        // year, so the closest path of a bachelor short of experience is
        // "bachelor + 3 years", not "doctorate + 1 year".
        (f64::from(d.level.rank()) / f64::from(path.degree.rank())).powi(3)
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
    let completion = if completed_surely_by(d, at) {
        Status::Met
    } else {
        Status::Unknown
    };
    let status = level_status
        .min(field.status)
        .min(accreditation)
        .min(completion);
    // The level scales the rest: a degree in the right field at the wrong
    // level is still far from the path.
    let credit = level_credit * (credit_of(field.status) + credit_of(accreditation)) / 2.0;
    DegreeFit {
        degree: d,
        status,
        credit,
        level_ok,
        field: field.status,
        field_match: field.matched,
        accreditation,
        completion,
        implied: None,
    }
}

/// The level a degree at `level` implies was completed before one could
/// enrol in it: secondary education for a first degree, a bachelor's
/// degree for a master's or a doctorate (some doctorates admit bachelors).
fn prerequisite(level: DegreeLevel) -> Option<DegreeLevel> {
    match level {
        DegreeLevel::Secondary => None,
        DegreeLevel::PostSecondary | DegreeLevel::Bachelor => Some(DegreeLevel::Secondary),
        DegreeLevel::Master | DegreeLevel::Doctorate => Some(DegreeLevel::Bachelor),
    }
}

/// Degree `d`, not completed by the measurement date, judged by the level
/// it implies: never met, but to verify when the implied level is the
/// path's, or above it; `None` when it is below. Whether the candidate
/// was enrolled by the measurement date, and so had completed the implied
/// degree by then, is for a person to verify; so are its field and
/// institution. A degree the profile lists at the implied level is judged
/// as itself too: listing one never takes the implication away, so adding
/// a degree never worsens a verdict.
fn judge_implied<'d>(path: &'d EducationPath, d: &'d PreparedDegree) -> Option<DegreeFit<'d>> {
    let implied = prerequisite(d.level).filter(|level| *level >= path.degree)?;
    let unknown_unless = |asked: bool| if asked { Status::Unknown } else { Status::Met };
    let field = unknown_unless(path.fields.is_some());
    let accreditation = unknown_unless(path.accredited);
    Some(DegreeFit {
        degree: d,
        status: Status::Unknown,
        // As a listed degree whose completion is to verify.
        credit: (credit_of(field) + credit_of(accreditation)) / 2.0,
        level_ok: true,
        field,
        field_match: None,
        accreditation,
        completion: Status::Unknown,
        implied: Some(implied),
    })
}

/// How close a degree's field came to an accepted one, for choosing among
/// degrees that are otherwise equal: no comparison at all is lowest, then
/// a near miss, then the kinds of match; then the similarity.
fn field_closeness(fit: &DegreeFit<'_>) -> (i16, u8) {
    fit.field_match
        .as_ref()
        .map_or((-1, 0), |m| (i16::from(m.how.strength()), m.hundredths()))
}

fn credit_of(status: Status) -> f64 {
    match status {
        Status::Met => 1.0,
        Status::Unknown => 0.5,
        Status::NotMet => 0.0,
    }
}

/// A path's outcome.
struct PathOutcome<'a> {
    status: Status,
    /// The degree part alone (level, field, accreditation).
    degree_status: Status,
    credit: f64,
    code: Code,
    degree: DegreeFacts<'a>,
    experience: Option<PathExperience<'a>>,
    /// The degree judged, and how its field matched.
    chosen: Option<(&'a PreparedDegree<'a>, Option<Matched<'a>>)>,
}

/// Whether degree `d` may have been completed by `date`: only such
/// degrees are judged against a path. A degree stated completed without a
/// date counts; one whose completion is not stated is judged, and a path
/// it fits is to verify (see [`judge`]); one stated not completed, or
/// completed after `date`, does not count.
///
/// A completion date written as a year or a month may fall on any of its
/// days: one that starts by `date` may have been completed by then, and
/// whether it was is to verify ([`completed_surely_by`]).
fn completed_by(d: &PreparedDegree<'_>, date: chrono::NaiveDate) -> bool {
    match d.completion {
        None | Some(crate::Completion::Yes) => true,
        Some(crate::Completion::No) => false,
        Some(crate::Completion::On(_)) => d.completed_from.is_some_and(|c| c <= date),
    }
}

/// Whether degree `d`'s completion is stated, and by `date` for a dated
/// one: its completion date's last day is not after `date`.
fn completed_surely_by(d: &PreparedDegree<'_>, date: chrono::NaiveDate) -> bool {
    match d.completion {
        None | Some(crate::Completion::No) => false,
        Some(crate::Completion::Yes) => true,
        Some(crate::Completion::On(_)) => d.completed.is_some_and(|c| c <= date),
    }
}

/// A degree of the profile, to name in a sentence.
fn degree_label<'a>(d: &'a PreparedDegree<'a>) -> Label<'a> {
    Label {
        source: Source::Degree(d),
    }
}

/// Completion as stated, ranked: not stated, then without a date, then
/// dated.
fn completion_rank(d: &PreparedDegree<'_>) -> u8 {
    match d.completion {
        None => 0,
        Some(crate::Completion::No) => 1,
        Some(crate::Completion::Yes) => 2,
        Some(crate::Completion::On(_)) => 3,
    }
}

/// Whether degree fit `a` is a better choice than `b`: by status, then
/// credit; among equals, the profile's order does not matter: the field
/// that comes closest, the higher degree, then the earlier completion, then
/// the label.
fn better_fit(a: &DegreeFit<'_>, b: &DegreeFit<'_>) -> std::cmp::Ordering {
    (a.status, a.credit)
        .partial_cmp(&(b.status, b.credit))
        .unwrap_or(std::cmp::Ordering::Equal)
        .then(field_closeness(a).cmp(&field_closeness(b)))
        .then(a.degree.level.cmp(&b.degree.level))
        .then(b.degree.completed.cmp(&a.degree.completed))
        .then_with(|| b.degree.entry.label().cmp(&a.degree.entry.label()))
        // Entries that read the same: by what else they state, so that
        // the profile's order never decides.
        .then(a.degree.accredited.cmp(&b.degree.accredited))
        .then(completion_rank(a.degree).cmp(&completion_rank(b.degree)))
        .then_with(|| b.degree.entry.institution.cmp(&a.degree.entry.institution))
}

fn assess_path<'a>(
    index: usize,
    rule: &'a EducationRule,
    path: &'a EducationPath,
    p: &'a Prepared<'a>,
    ctx: &Context<'_>,
    shared: &mut Shared<'a>,
) -> PathOutcome<'a> {
    let mut chosen = None;
    // The degree part.
    let (d_status, d_credit, d_code, degree) = match &p.degrees {
        None => (
            Status::Unknown,
            0.5,
            Code::EducationNotStated,
            DegreeFacts::NotStated,
        ),
        Some(degrees) => {
            let group = rule.fields_group.get(index).copied().unwrap_or(index);
            // The degree reported is the best by status; its credit is the
            // best of any degree, so that adding a degree that is better in
            // status but worse in credit (a bachelor whose field is not
            // stated over a technical diploma in the field) never lowers it.
            let mut top_credit = 0.0_f64;
            let mut best: Option<DegreeFit<'a>> = None;
            for d in degrees {
                let fit = if completed_by(d, ctx.measured_at) {
                    let field =
                        shared.field(group, d.index, degrees.len(), || field_fit(path, d, ctx));
                    judge(path, d, field, ctx.measured_at)
                } else if let Some(fit) = judge_implied(path, d) {
                    fit
                } else {
                    continue;
                };
                top_credit = top_credit.max(fit.credit);
                // Ties go to the later degree, as `Iterator::max_by` does.
                if best.as_ref().is_none_or(|b| better_fit(b, &fit).is_le()) {
                    best = Some(fit);
                }
            }
            match best {
                None => (
                    Status::NotMet,
                    0.0,
                    Code::EducationDegreeMissing,
                    DegreeFacts::NoneCompleted,
                ),
                Some(fit) => {
                    chosen = Some((fit.degree, fit.field_match));
                    let (status, code, facts) = degree_outcome(fit, ctx.measured_at);
                    (status, top_credit, code, facts)
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
            degree,
            experience: None,
            chosen,
        };
    };
    let group = rule.experience_group.get(index).copied().unwrap_or(index);
    let slot = match shared.tallies.iter().position(|(g, _)| *g == group) {
        Some(slot) => slot,
        None => {
            shared
                .tallies
                .push((group, experience::tally(exp_rule, p, ctx)));
            shared.tallies.len().saturating_sub(1)
        }
    };
    let (measure, m_credit) = match shared.tallies.get(slot) {
        Some((_, tally)) => tally.judge(exp_rule.years),
        None => experience::tally(exp_rule, p, ctx).judge(exp_rule.years),
    };
    let m_status = measure.status;
    let status = d_status.min(m_status);
    let credit = (d_credit + m_credit) / 2.0;
    // The degree's problem comes first; then the experience's.
    let (code, join) = if d_status == Status::NotMet {
        (d_code, Join::Degree)
    } else if m_status == Status::NotMet {
        (Code::EducationExperienceShort, Join::Short)
    } else if d_status == Status::Unknown {
        (d_code, Join::Degree)
    } else if m_status == Status::Unknown {
        (Code::EducationExperienceToVerify, Join::ToVerify)
    } else if path.substitutes_for.is_some() {
        (Code::EducationMetBySubstitution, Join::Substitution)
    } else {
        (Code::EducationMet, Join::Degree)
    };
    PathOutcome {
        status,
        degree_status: d_status,
        credit,
        code,
        degree,
        experience: Some(PathExperience {
            rule: exp_rule,
            measure,
            join,
        }),
        chosen,
    }
}

/// How the degree judged stands: its status, code and facts.
fn degree_outcome(fit: DegreeFit<'_>, at: chrono::NaiveDate) -> (Status, Code, DegreeFacts<'_>) {
    let degree = degree_label(fit.degree);
    if let Some(level) = fit.implied {
        return (
            fit.status,
            Code::EducationCompletionToVerify,
            DegreeFacts::Implied {
                degree,
                level,
                by: at,
            },
        );
    }
    let field = fit.degree.field.as_ref().map(|f| f.text.as_str());
    if !fit.level_ok {
        return (
            fit.status,
            Code::EducationDegreeMissing,
            DegreeFacts::BelowLevel {
                degree,
                level: fit.degree.level,
            },
        );
    }
    if fit.field == Status::NotMet {
        return (
            fit.status,
            Code::EducationFieldNotAccepted,
            DegreeFacts::FieldNotAccepted {
                degree,
                field,
                matched: fit.field_match,
            },
        );
    }
    if fit.accreditation == Status::NotMet {
        return (
            fit.status,
            Code::EducationNotAccredited,
            DegreeFacts::NotAccredited { degree },
        );
    }
    if fit.completion == Status::Unknown {
        let facts = if fit.degree.completion.is_some() {
            DegreeFacts::CompletionSpans { degree, by: at }
        } else {
            DegreeFacts::CompletionNotStated { degree }
        };
        return (fit.status, Code::EducationCompletionToVerify, facts);
    }
    if fit.field == Status::Unknown {
        let facts = match field {
            None => DegreeFacts::FieldNotStated { degree },
            Some(field) => DegreeFacts::FieldToVerify {
                degree,
                field,
                matched: fit.field_match,
            },
        };
        return (fit.status, Code::EducationFieldToVerify, facts);
    }
    if fit.accreditation == Status::Unknown {
        return (
            fit.status,
            Code::EducationAccreditationUnknown,
            DegreeFacts::AccreditationUnknown { degree },
        );
    }
    (
        Status::Met,
        Code::EducationMet,
        DegreeFacts::Met {
            degree,
            matched: fit.field_match,
        },
    )
}

/// The education requirement: the best path, or the closest one.
pub(crate) fn assess<'a>(
    rule: &'a EducationRule,
    p: &'a Prepared<'a>,
    ctx: &Context<'a>,
) -> Outcome<'a> {
    // The path reported is the best by status; among paths that are not
    // met, one whose degree the candidate holds comes before one that
    // needs a higher degree (years of experience accrue, a degree has to
    // be earned), and one that needs fewer levels more before one that
    // needs more (a bachelor's, not a doctorate, for a secondary school
    // graduate); then the highest credit; ties keep the earlier path.
    let mut shared = Shared::default();
    let mut best: Option<(usize, &EducationPath, PathOutcome<'a>)> = None;
    let mut others: Vec<(usize, &EducationPath, PathOutcome<'a>)> = Vec::new();
    let mut credit = 0.0_f64;
    let key = |o: &PathOutcome<'_>, path: &EducationPath| {
        let short = match o.degree {
            DegreeFacts::BelowLevel { level, .. } => {
                path.degree.rank().saturating_sub(level.rank())
            }
            DegreeFacts::NoneCompleted => path.degree.rank(),
            _ => 0,
        };
        (
            o.status,
            o.degree_status,
            std::cmp::Reverse(short),
            o.credit,
        )
    };
    for (i, path) in rule.paths.iter().enumerate() {
        let outcome = assess_path(i, rule, path, p, ctx, &mut shared);
        credit = credit.max(outcome.credit);
        let better = match &best {
            None => true,
            Some((_, b_path, b)) => key(&outcome, path) > key(b, b_path),
        };
        let entry = (i.saturating_add(1), path, outcome);
        // Once a path is met, the others are not reported: not kept.
        let met = best
            .as_ref()
            .is_some_and(|(_, _, o)| o.status == Status::Met);
        if better {
            if let Some(previous) = best.replace(entry) {
                if !met {
                    others.push(previous);
                }
            }
        } else if !met {
            others.push(entry);
        }
    }
    // Every other path, in the posting's order, when none is met: a
    // person sees why each one fails (the closest is named first).
    let met = best
        .as_ref()
        .is_some_and(|(_, _, o)| o.status == Status::Met);
    if met {
        others.clear();
    }
    others.sort_by_key(|(number, _, _)| *number);
    let others = others
        .into_iter()
        .map(|(number, path, outcome)| PathFacts {
            number,
            path,
            met: false,
            degree: outcome.degree,
            experience: outcome.experience,
            chosen: outcome.chosen,
        })
        .collect();
    let basis = Basis {
        prepared: p,
        ctx: *ctx,
    };
    let Some((number, path, outcome)) = best else {
        return Outcome::simple(
            Status::Unknown,
            Code::EducationNotStated,
            Facts::Education(EducationFacts {
                rule,
                best: None,
                others: Vec::new(),
                basis,
            }),
        );
    };
    Outcome {
        status: outcome.status,
        credit,
        code: outcome.code,
        facts: Facts::Education(EducationFacts {
            rule,
            best: Some(Box::new(PathFacts {
                number,
                path,
                met: outcome.status == Status::Met,
                degree: outcome.degree,
                experience: outcome.experience,
                chosen: outcome.chosen,
            })),
            others,
            basis,
        }),
    }
}

/// The evidence of path `best`, found again from what it was judged on:
/// the degree judged, the degrees at the path's level not completed by
/// the measurement date, then the periods its experience part cites.
pub(crate) fn cited<'a>(
    best: &PathFacts<'a>,
    p: &'a Prepared<'a>,
    ctx: &Context<'_>,
    each: &mut dyn FnMut(Cited<'a>),
) {
    if let Some((d, matched)) = best.chosen {
        each(Cited {
            item: Item::Education(d.index),
            detail: Detail::Degree(degree_label(d)),
            matched,
        });
    }
    let chosen = best.chosen.map(|(d, _)| d.index);
    for d in p.degrees.iter().flatten() {
        if !completed_by(d, ctx.measured_at)
            && d.level >= best.path.degree
            && chosen != Some(d.index)
        {
            each(Cited {
                item: Item::Education(d.index),
                detail: Detail::DegreeNotCompleted {
                    degree: degree_label(d),
                    by: ctx.measured_at,
                },
                matched: None,
            });
        }
    }
    if let Some(rule) = &best.path.experience {
        experience::cited(rule, p, ctx, each);
    }
}
