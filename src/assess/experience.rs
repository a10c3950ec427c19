//! Years of experience from dated periods, and the experience requirement.

use chrono::{Datelike, NaiveDate};
use smallvec::SmallVec;

use super::facts::{
    Basis, Cited, Detail, Doubt, Doubts, ExperienceFacts, Facts, Item, Label, Measure, Source,
    Years,
};
use super::prepared::{Prepared, PreparedPeriod};
use super::{Code, Status};
use super::{Context, Outcome};
use crate::matching::{any_counts, best_match, Category, Matched};
use crate::model::vacancy::{ExperienceRule, Scope};

/// Days in a year of experience. 365 rather than 365.25 so that whole
/// calendar years (which hold 365 or 366 days) are never a hair short.
const DAYS_PER_YEAR: f64 = 365.0;
/// Slack when comparing years, far below a day.
const EPSILON: f64 = 1e-6;

/// A span of work: first day, last day (`None`: ongoing), share of full
/// time.
pub(crate) type Span = (NaiveDate, Option<NaiveDate>, f64);

/// Where a period of work starts or stops counting: (day, change in the
/// share of full time worked, the period's position in the profile). A
/// profile's are found once, sorted by day (see [`events`]).
pub(crate) type Event = (i64, f64, usize);

/// The events of spans, in order of day, starts before ends on the same
/// day being of no consequence; spans that end before they start, or
/// whose share is not a positive number, count nothing and have none.
pub(crate) fn events(spans: impl Iterator<Item = Span>) -> Vec<Event> {
    let mut events = Vec::new();
    for (position, (start, end, share)) in spans.enumerate() {
        let first = day_number(start);
        let after = end.map_or(i64::MAX, |e| day_number(e).saturating_add(1));
        if first < after && share > 0.0 && share.is_finite() {
            events.push((first, share, position));
            events.push((after, -share, position));
        }
    }
    events.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    events
}

/// Full-time-equivalent years the periods `keep` accepts cover from day
/// `from` to the day before `after`. Overlaps are merged: at any moment at
/// most full time counts, so two concurrent half-time posts make one
/// full-time one and two concurrent full-time posts count once.
fn merged_between(events: &[Event], keep: impl Fn(usize) -> bool, from: i64, after: i64) -> f64 {
    let from = from.min(after);
    let mut days = 0.0;
    let mut active = 0.0_f64;
    let mut last = None;
    for &(day, change, position) in events {
        if !keep(position) {
            continue;
        }
        // Clamping keeps the order of days: a span is cut to the window.
        let day = day.clamp(from, after);
        if let Some(previous) = last {
            days += day.saturating_sub(previous) as f64 * active.clamp(0.0, 1.0);
        }
        active += change;
        last = Some(day);
    }
    days / DAYS_PER_YEAR
}

/// The days a span covers up to `until`, as (first day, day after) counted
/// from the common era; `None` when it covers none.
fn days(
    start: NaiveDate,
    end: Option<NaiveDate>,
    share: f64,
    until: NaiveDate,
) -> Option<(i64, i64)> {
    let first = day_number(start);
    let limit = day_number(until).saturating_add(1);
    let after = end.map_or(limit, |e| day_number(e).saturating_add(1).min(limit));
    (first < after && share > 0.0 && share.is_finite()).then_some((first, after))
}

/// A date in days from the common era.
fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// The years of one span up to `until`: nothing to merge.
pub(crate) fn span_years(span: Span, until: NaiveDate) -> f64 {
    let (start, end, share) = span;
    days(start, end, share, until).map_or(0.0, |(first, after)| {
        after.saturating_sub(first) as f64 * share.clamp(0.0, 1.0) / DAYS_PER_YEAR
    })
}

/// How one period stands against an experience rule's filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    No,
    Uncertain,
    Yes,
}

/// What a profile's periods give for an experience rule's filters (its
/// domains, countries, scope and degree), whatever the years asked: rules
/// with the same filters share one tally (the paths of an education
/// requirement usually do).
#[derive(Clone, Copy)]
pub(crate) struct Tally {
    /// Qualifying years for sure.
    pub(crate) years: f64,
    /// Years if the periods to verify count.
    pub(crate) possible: f64,
    /// Whether the profile states any experience.
    pub(crate) stated: bool,
}

impl Tally {
    /// How the tally stands against `need` years: the measure, and the
    /// credit.
    pub(crate) fn judge(&self, need: f64) -> (Measure, f64) {
        let (status, credit) = if !self.stated {
            (Status::Unknown, 0.5)
        } else if need <= 0.0 {
            // No duration given: any qualifying experience meets it.
            if self.years > EPSILON {
                (Status::Met, 1.0)
            } else if self.possible > EPSILON {
                (Status::Unknown, 0.5)
            } else {
                (Status::NotMet, 0.0)
            }
        } else {
            let ratio = if need <= 0.0 {
                1.0
            } else {
                (self.years / need).min(1.0)
            };
            if self.years + EPSILON >= need {
                (Status::Met, 1.0)
            } else if self.possible + EPSILON >= need {
                (Status::Unknown, ratio.max(0.5))
            } else {
                (Status::NotMet, ratio)
            }
        };
        let measure = Measure {
            status,
            years: self.years,
            possible: self.possible,
            stated: self.stated,
        };
        (measure, credit)
    }
}

fn fit(rule: &ExperienceRule, period: &PreparedPeriod, ctx: &Context<'_>, why: &mut Doubts) -> Fit {
    let mut fit = Fit::Yes;
    if !rule.domains.is_empty() {
        match &period.domains {
            None => {
                fit = fit.min(Fit::Uncertain);
                why.add(Doubt::DomainsNotStated);
            }
            // Domains read from a job's description are a lead, not a
            // statement: "case management module" in a software job
            // names a domain the job was not in, and a description that
            // does not name one says nothing. Either way a person judges;
            // the domain that matched is still shown with the period.
            Some(_) if period.entry.domains_inferred => {
                fit = fit.min(Fit::Uncertain);
                why.add(Doubt::DomainsInferred);
            }
            Some(domains) => {
                let counts = |names| any_counts(names, domains, ctx.vocabulary, Category::Domain);
                let first = counts(&rule.domains);
                // "education with vulnerable groups": a period in one of
                // the two only may be in the other without saying so.
                let both = if rule.with.is_empty() {
                    first
                } else {
                    counts(&rule.with)
                };
                if first != both {
                    fit = fit.min(Fit::Uncertain);
                    why.add(Doubt::Relevance);
                } else if !first {
                    if rule.related || domains.is_empty() {
                        fit = fit.min(Fit::Uncertain);
                        why.add(Doubt::Relevance);
                    } else {
                        fit = Fit::No;
                    }
                }
            }
        }
    }
    if !rule.countries.is_empty() {
        match period.country {
            None => {
                fit = fit.min(Fit::Uncertain);
                why.add(Doubt::CountryNotStated);
            }
            Some(c) if rule.countries.contains(&c) => {}
            Some(_) => fit = Fit::No,
        }
    }
    match rule.scope {
        Scope::Any => {}
        Scope::International => match period.international {
            Some(true) => {}
            Some(false) => fit = Fit::No,
            None => {
                fit = fit.min(Fit::Uncertain);
                why.add(Doubt::ScopeNotStated);
            }
        },
        Scope::National => match period.country {
            Some(c) if c == ctx.vacancy.country => {}
            Some(_) => fit = Fit::No,
            None => {
                fit = fit.min(Fit::Uncertain);
                why.add(Doubt::CountryNotStated);
            }
        },
    }
    fit
}

/// The period's domain that best matches the rule's, shown with the
/// period whether it counts or not.
fn domain_match<'a>(
    rule: &'a ExperienceRule,
    period: &'a PreparedPeriod,
    ctx: &Context<'_>,
) -> Option<Matched<'a>> {
    if rule.domains.is_empty() {
        return None;
    }
    let domains = period.domains.as_ref()?;
    best_match(
        &rule.domains,
        domains.iter().enumerate(),
        ctx.vocabulary,
        Category::Domain,
    )
    .map(|(_, m)| m)
}

/// A period of the profile, to name in a sentence.
pub(crate) fn period_label<'a>(period: &'a PreparedPeriod<'a>) -> Label<'a> {
    Label {
        source: Source::Period(period),
    }
}

/// From when a rule counts experience: `None` from each period's start;
/// `Some(None)` when it must follow a degree none of which was completed
/// by the measurement date.
fn counts_from(
    rule: &ExperienceRule,
    p: &Prepared<'_>,
    ctx: &Context<'_>,
) -> Option<Option<NaiveDate>> {
    rule.after_degree.map(|level| {
        p.degrees
            .iter()
            .flatten()
            .filter(|d| d.level >= level)
            .filter_map(|d| d.completed)
            .filter(|c| *c <= ctx.measured_at)
            .min()
    })
}

/// Whether the profile lists a degree at the level a rule's experience
/// must follow that may be completed but has no date.
fn undated_degree(rule: &ExperienceRule, p: &Prepared<'_>) -> bool {
    rule.after_degree.is_some_and(|level| {
        p.degrees.iter().flatten().any(|d| {
            d.level >= level && d.completed.is_none() && d.completion != Some(crate::Completion::No)
        })
    })
}

/// How one period counts for a rule.
enum Count {
    /// Counted from `start`: for sure, or only if a person says so (`why`).
    Span {
        sure: bool,
        why: Doubts,
        start: NaiveDate,
    },
    /// Starts after the measurement date: cited, not counted.
    TooLate,
}

/// How `period` counts for `rule`; `None` when it neither counts nor is
/// cited.
fn count(
    rule: &ExperienceRule,
    p: &Prepared<'_>,
    period: &PreparedPeriod,
    counts_from: Option<Option<NaiveDate>>,
    mut fit: Fit,
    mut why: Doubts,
    ctx: &Context<'_>,
) -> Option<Count> {
    if fit == Fit::No {
        return None;
    }
    let start = match counts_from {
        None => period.start,
        // No education stated, or a degree at the level with no date:
        // whether the period follows the degree is for a person to check,
        // not a fail.
        Some(None) if p.degrees.is_none() || undated_degree(rule, p) => {
            fit = fit.min(Fit::Uncertain);
            why.add(Doubt::DegreeDateNotStated);
            period.start
        }
        Some(None) => return None,
        Some(Some(from)) => period.start.max(from.succ_opt().unwrap_or(from)),
    };
    if start > ctx.measured_at {
        return (period.start > ctx.measured_at).then_some(Count::TooLate);
    }
    if period.years_only {
        fit = fit.min(Fit::Uncertain);
        why.add(Doubt::YearsOnly);
    }
    Some(Count::Span {
        sure: fit == Fit::Yes,
        why,
        start,
    })
}

/// How each period of a profile stands against an experience rule's
/// filter: found once per prepared candidate and filter (see
/// [`PeriodFilter`]), and measured for each rule and date by [`tally`].
///
/// [`PeriodFilter`]: crate::model::vacancy::PeriodFilter
pub(crate) struct Selected {
    /// By position in the profile: how the period fits, and why it is to
    /// verify when it is.
    fits: SmallVec<[(Fit, Doubts); 8]>,
    /// Whether any period is to verify.
    uncertain: bool,
}

impl Selected {
    fn counts(&self, position: usize, sure: bool) -> bool {
        match self.fits.get(position) {
            Some((Fit::Yes, _)) => true,
            Some((Fit::Uncertain, _)) => !sure,
            Some((Fit::No, _)) | None => false,
        }
    }
}

/// How each period stands against `rule`'s filter (whatever the degree
/// the periods must follow and the measurement date).
pub(crate) fn select(rule: &ExperienceRule, p: &Prepared<'_>, ctx: &Context<'_>) -> Selected {
    let fits: SmallVec<[(Fit, Doubts); 8]> = p
        .periods
        .iter()
        .flatten()
        .map(|period| {
            let mut why = Doubts::default();
            (fit(rule, period, ctx, &mut why), why)
        })
        .collect();
    let uncertain = fits.iter().any(|(fit, _)| *fit == Fit::Uncertain);
    Selected { fits, uncertain }
}

/// Tallies a candidate's experience for `rule`'s filters.
pub(crate) fn tally(rule: &ExperienceRule, p: &Prepared<'_>, ctx: &Context<'_>) -> Tally {
    if p.periods.is_none() {
        return Tally {
            years: 0.0,
            possible: 0.0,
            stated: false,
        };
    }
    let after = day_number(ctx.measured_at).saturating_add(1);
    let (from, sure) = match counts_from(rule, p, ctx) {
        None => (i64::MIN, true),
        Some(Some(degree)) => (day_number(degree.succ_opt().unwrap_or(degree)), true),
        // No education stated: whether the periods follow the degree is
        // for a person to check.
        Some(None) if p.degrees.is_none() => (i64::MIN, false),
        Some(None) => {
            return Tally {
                years: 0.0,
                possible: 0.0,
                stated: true,
            }
        }
    };
    p.with_selected(rule, ctx, |selected| {
        // What is sure of periods dated in years only is less than they may
        // cover: sure years come from what is sure of each.
        let years_of = |sure_only: bool| {
            let keep = |position| selected.counts(position, sure_only);
            let events = match &p.sure_events {
                Some(sure_events) if sure_only => sure_events,
                _ => &p.events,
            };
            merged_between(events, keep, from, after)
        };
        let years = if sure { years_of(true) } else { 0.0 };
        let possible = if sure && !selected.uncertain && p.sure_events.is_none() {
            years
        } else {
            years_of(false)
        };
        Tally {
            years,
            possible,
            stated: true,
        }
    })
}

/// The periods `rule` cites, in the profile's order: each counted one
/// with its years, each to verify with why, and each that starts too
/// late, as [`tally`] counted them: listed when a finding is explained,
/// each period's fit and doubts taken from what the rule's filter found
/// ([`Selected`]).
pub(crate) fn cited<'a>(
    rule: &'a ExperienceRule,
    p: &'a Prepared<'a>,
    ctx: &Context<'_>,
    each: &mut dyn FnMut(Cited<'a>),
) {
    let from = counts_from(rule, p, ctx);
    p.with_selected(rule, ctx, |selected| {
        for period in p.periods.iter().flatten() {
            cite(rule, p, period, from, selected, ctx, each);
        }
    });
}

/// [`cited`] for one period.
fn cite<'a>(
    rule: &'a ExperienceRule,
    p: &'a Prepared<'a>,
    period: &'a PreparedPeriod<'a>,
    from: Option<Option<NaiveDate>>,
    selected: &Selected,
    ctx: &Context<'_>,
    each: &mut dyn FnMut(Cited<'a>),
) {
    let Some(&(fit, why)) = selected.fits.get(period.index) else {
        return;
    };
    let Some(count) = count(rule, p, period, from, fit, why, ctx) else {
        return;
    };
    let label = period_label(period);
    let (detail, matched) = match count {
        Count::TooLate => (
            Detail::PeriodTooLate {
                period: label,
                after: ctx.measured_at,
            },
            None,
        ),
        Count::Span { sure, why, start } => {
            let years = Years {
                span: (start, period.end, period.share),
                until: ctx.measured_at,
            };
            let detail = if sure {
                Detail::Period {
                    period: label,
                    years,
                }
            } else {
                Detail::PeriodToVerify {
                    period: label,
                    years,
                    why,
                }
            };
            (detail, domain_match(rule, period, ctx))
        }
    };
    each(Cited {
        item: Item::Experience(period.index),
        detail,
        matched,
    });
}

/// The experience requirement.
pub(crate) fn assess<'a>(
    rule: &'a ExperienceRule,
    p: &'a Prepared<'a>,
    ctx: &Context<'a>,
) -> Outcome<'a> {
    let tally = tally(rule, p, ctx);
    let (mut measure, mut credit) = tally.judge(rule.years);
    // A maximum: more years for sure is not met; more only if the periods
    // to verify count is for a person to judge.
    let above = rule.max_years.filter(|_| tally.stated).and_then(|max| {
        if tally.years > max + EPSILON {
            Some(Status::NotMet)
        } else if tally.possible > max + EPSILON {
            Some(Status::Unknown)
        } else {
            None
        }
    });
    if let Some(status) = above {
        if status < measure.status {
            measure.status = status;
            credit = if status == Status::NotMet { 0.0 } else { 0.5 };
        }
    }
    let code = match measure.status {
        Status::NotMet if above == Some(Status::NotMet) => Code::ExperienceAboveMaximum,
        Status::Met => Code::ExperienceMet,
        Status::Unknown if !measure.stated => Code::ExperienceNotStated,
        Status::Unknown => Code::ExperienceToVerify,
        Status::NotMet => Code::ExperienceShort,
    };
    Outcome {
        status: measure.status,
        credit,
        code,
        facts: Facts::Experience(ExperienceFacts {
            rule,
            measure,
            basis: Basis {
                prepared: p,
                ctx: *ctx,
            },
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The merged years of `spans` (first day, last day, share) up to
    /// `until` inclusive, as [`tally`] measures them.
    fn merged_years(spans: impl Iterator<Item = Span>, until: NaiveDate) -> f64 {
        let until = day_number(until).saturating_add(1);
        merged_between(&events(spans), |_| true, i64::MIN, until)
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn whole_calendar_years_are_whole() {
        let y = merged_years(
            [(d("2021-01-01"), Some(d("2022-12-31")), 1.0)].into_iter(),
            d("2030-01-01"),
        );
        assert!((y - 2.0).abs() < 1e-9, "{y}");
    }

    #[test]
    fn overlaps_count_once() {
        let y = merged_years(
            [
                (d("2020-01-01"), Some(d("2020-12-31")), 1.0),
                (d("2020-07-01"), Some(d("2021-06-30")), 1.0),
            ]
            .into_iter(),
            d("2030-01-01"),
        );
        assert!((y - 547.0 / 365.0).abs() < 1e-9, "{y}");
    }

    #[test]
    fn part_time_is_pro_rata_and_concurrent_part_time_adds_up_to_full() {
        let half = merged_years(
            [(d("2020-01-01"), Some(d("2021-12-31")), 0.5)].into_iter(),
            d("2030-01-01"),
        );
        assert!((half - 731.0 / 365.0 / 2.0).abs() < 1e-9);
        let two_halves = merged_years(
            [
                (d("2020-01-01"), Some(d("2020-12-31")), 0.5),
                (d("2020-01-01"), Some(d("2020-12-31")), 0.5),
                (d("2020-01-01"), Some(d("2020-12-31")), 0.5),
            ]
            .into_iter(),
            d("2030-01-01"),
        );
        assert!(
            (two_halves - 366.0 / 365.0).abs() < 1e-9,
            "capped at full time: {two_halves}"
        );
    }

    #[test]
    fn ongoing_runs_to_measurement_and_future_counts_nothing() {
        let until = d("2024-01-31");
        let ongoing = merged_years([(d("2023-02-01"), None, 1.0)].into_iter(), until);
        assert!((ongoing - 365.0 / 365.0).abs() < 1e-9, "{ongoing}");
        let future = merged_years([(d("2024-02-01"), None, 1.0)].into_iter(), until);
        assert_eq!(future, 0.0);
        let clipped = merged_years(
            [(d("2023-02-01"), Some(d("2030-01-01")), 1.0)].into_iter(),
            until,
        );
        assert!((clipped - ongoing).abs() < 1e-9);
    }

    #[test]
    fn backwards_and_zero_share_spans_count_nothing() {
        let y = merged_years(
            [
                (d("2020-01-01"), Some(d("2019-01-01")), 1.0),
                (d("2020-01-01"), None, 0.0),
            ]
            .into_iter(),
            d("2030-01-01"),
        );
        assert_eq!(y, 0.0);
    }
}
