//! Years of experience from dated periods, and the experience requirement.

use chrono::{Datelike, NaiveDate};

use super::prepared::{Prepared, PreparedPeriod};
use super::{Context, Outcome};
use crate::explain::{
    fmt_years, fmt_years_held, fmt_years_missing, years_missing, years_noun, Code, Evidence, Gap,
    Status,
};
use crate::matching::{best_match, Category};
use crate::model::vacancy::{ExperienceRule, Scope};

/// Days in a year of experience. 365 rather than 365.25 so that whole
/// calendar years (which hold 365 or 366 days) are never a hair short.
const DAYS_PER_YEAR: f64 = 365.0;
/// Slack when comparing years, far below a day.
const EPSILON: f64 = 1e-6;

/// Full-time-equivalent years covered by `spans` (first day, last day,
/// share), up to `until` inclusive. Overlaps are merged: at any moment at
/// most full time counts, so two concurrent half-time posts make one
/// full-time one and two concurrent full-time posts count once. Spans that
/// start after `until`, or that end before they start, count nothing.
pub(crate) fn merged_years(
    spans: impl Iterator<Item = (NaiveDate, Option<NaiveDate>, f64)>,
    until: NaiveDate,
) -> f64 {
    let mut events: Vec<(i64, f64)> = Vec::new();
    for (start, end, share) in spans {
        let end = end.map_or(until, |e| e.min(until));
        if start > end || share <= 0.0 || !share.is_finite() {
            continue;
        }
        let first = i64::from(start.num_days_from_ce());
        let after = i64::from(end.num_days_from_ce()) + 1;
        events.push((first, share));
        events.push((after, -share));
    }
    events.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut days = 0.0;
    let mut active = 0.0_f64;
    let mut last = None;
    for (day, delta) in events {
        if let Some(prev) = last {
            let span = (day - prev) as f64;
            days += span * active.clamp(0.0, 1.0);
        }
        active += delta;
        last = Some(day);
    }
    days / DAYS_PER_YEAR
}

/// How one period stands against an experience rule's filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    No,
    Uncertain,
    Yes,
}

/// The result of measuring experience for a rule.
pub(crate) struct Measured {
    pub(crate) status: Status,
    pub(crate) credit: f64,
    pub(crate) years: f64,
    pub(crate) possible: f64,
    pub(crate) evidence: Vec<Evidence>,
    pub(crate) gap: Option<Gap>,
    pub(crate) what: String,
}

/// "refugee protection experience", "experience in Mexico", "experience".
pub(crate) fn describe(rule: &ExperienceRule, ctx: &Context<'_>) -> String {
    let mut what = String::new();
    if !rule.domains.is_empty() {
        let names: Vec<&str> = rule.domains.iter().map(|t| t.text.as_str()).collect();
        what.push_str(&names.join("/"));
        what.push(' ');
    }
    match rule.scope {
        Scope::International => what.push_str("international "),
        Scope::National => what.push_str("national "),
        Scope::Any => {}
    }
    what.push_str("experience");
    if !rule.countries.is_empty() {
        let names: Vec<&str> = rule.countries.iter().map(|c| c.english_name()).collect();
        what.push_str(" in ");
        what.push_str(&names.join("/"));
    }
    if rule.scope == Scope::National {
        what.push_str(&format!(" ({})", ctx.vacancy.country.english_name()));
    }
    if let Some(level) = rule.after_degree {
        what.push_str(&format!(" after a {level}"));
    }
    what
}

fn fit(
    rule: &ExperienceRule,
    period: &PreparedPeriod,
    ctx: &Context<'_>,
    why: &mut Vec<String>,
) -> (Fit, Option<crate::NameMatch>) {
    let mut fit = Fit::Yes;
    let mut matched = None;
    if !rule.domains.is_empty() {
        match &period.domains {
            None => {
                fit = fit.min(Fit::Uncertain);
                why.push("domains not stated".to_string());
            }
            Some(domains) => {
                let found = best_match(
                    &rule.domains,
                    domains.iter().enumerate(),
                    ctx.vocabulary,
                    Category::Domain,
                );
                match found {
                    Some((_, m)) if m.counts() => matched = Some(m),
                    other => {
                        if rule.related || domains.is_empty() {
                            fit = fit.min(Fit::Uncertain);
                            why.push("relevance to verify".to_string());
                        } else {
                            fit = Fit::No;
                        }
                        matched = other.map(|(_, m)| m);
                    }
                }
            }
        }
    }
    if !rule.countries.is_empty() {
        match period.country {
            None => {
                fit = fit.min(Fit::Uncertain);
                why.push("country not stated".to_string());
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
                why.push("international or national not stated".to_string());
            }
        },
        Scope::National => match period.country {
            Some(c) if c == ctx.vacancy.country => {}
            Some(_) => fit = Fit::No,
            None => {
                fit = fit.min(Fit::Uncertain);
                why.push("country not stated".to_string());
            }
        },
    }
    (fit, matched)
}

/// Measures a candidate's experience against `rule`.
pub(crate) fn measure(rule: &ExperienceRule, p: &Prepared<'_>, ctx: &Context<'_>) -> Measured {
    let what = describe(rule, ctx);
    let Some(periods) = &p.periods else {
        return Measured {
            status: Status::Unknown,
            credit: 0.5,
            years: 0.0,
            possible: 0.0,
            evidence: Vec::new(),
            gap: Some(Gap::Verify {
                what: format!("{} of {what}", years_noun(&fmt_years(rule.years))),
            }),
            what,
        };
    };
    // Experience after a degree: from the earliest completion of one.
    let counts_from = rule.after_degree.map(|level| {
        p.degrees
            .iter()
            .flatten()
            .filter(|d| d.level >= level)
            .filter_map(|d| d.completed)
            .filter(|c| *c <= ctx.measured_at)
            .min()
    });
    let mut sure = Vec::new();
    let mut maybe = Vec::new();
    let mut evidence = Vec::new();
    for period in periods {
        let mut why = Vec::new();
        let (mut fit, matched) = fit(rule, period, ctx, &mut why);
        let start = match counts_from {
            None => period.start,
            // No education stated: whether the period follows the degree
            // is for a person to check, not a fail.
            Some(None) if p.degrees.is_none() => {
                fit = fit.min(Fit::Uncertain);
                why.push("degree date not stated".to_string());
                period.start
            }
            Some(None) => continue,
            Some(Some(from)) => period.start.max(from.succ_opt().unwrap_or(from)),
        };
        if start > ctx.measured_at {
            if fit != Fit::No && period.start > ctx.measured_at {
                evidence.push(Evidence {
                    item: format!("experience[{}]", period.index),
                    detail: format!(
                        "{} starts after {}, not counted",
                        period.label, ctx.measured_at
                    ),
                    matched: None,
                });
            }
            continue;
        }
        let span = (start, period.end, period.share);
        let one = merged_years(std::iter::once(span), ctx.measured_at);
        match fit {
            Fit::Yes => {
                sure.push(span);
                evidence.push(Evidence {
                    item: format!("experience[{}]", period.index),
                    detail: format!("{}: {}", period.label, years_noun(&fmt_years(one))),
                    matched,
                });
            }
            Fit::Uncertain => {
                maybe.push(span);
                evidence.push(Evidence {
                    item: format!("experience[{}]", period.index),
                    detail: format!(
                        "{}: {}, {}",
                        period.label,
                        years_noun(&fmt_years(one)),
                        why.join(", ")
                    ),
                    matched,
                });
            }
            Fit::No => {}
        }
    }
    let years = merged_years(sure.iter().copied(), ctx.measured_at);
    let possible = merged_years(sure.iter().chain(maybe.iter()).copied(), ctx.measured_at);
    let need = rule.years;
    let ratio = if need <= 0.0 {
        1.0
    } else {
        (years / need).min(1.0)
    };
    let (status, credit, gap) = if years + EPSILON >= need {
        (Status::Met, 1.0, None)
    } else if possible + EPSILON >= need {
        (
            Status::Unknown,
            ratio.max(0.5),
            Some(Gap::Verify {
                what: format!(
                    "whether {} of periods marked below count as {what}",
                    years_noun(&fmt_years(possible - years))
                ),
            }),
        )
    } else {
        (
            Status::NotMet,
            ratio,
            Some(Gap::Years {
                missing: years_missing(need - years),
                of: what.clone(),
            }),
        )
    };
    Measured {
        status,
        credit,
        years,
        possible,
        evidence,
        gap,
        what,
    }
}

/// "1.7 years of refugee protection experience, needs 2": held years
/// rounded down, so that with the shortfall rounded up they add up.
pub(crate) fn shortfall_text(m: &Measured, rule: &ExperienceRule) -> String {
    format!(
        "{} of {}, needs {}",
        years_noun(&fmt_years_held(m.years)),
        m.what,
        fmt_years(rule.years)
    )
}

/// The experience requirement.
pub(crate) fn assess(rule: &ExperienceRule, p: &Prepared<'_>, ctx: &Context<'_>) -> Outcome {
    let m = measure(rule, p, ctx);
    let need = fmt_years(rule.years);
    let expected = format!("{} of {}", years_noun(&need), m.what);
    let (code, message) = match m.status {
        Status::Met => (
            Code::ExperienceMet,
            format!(
                "{} of {} (needs {need})",
                years_noun(&fmt_years(m.years)),
                m.what
            ),
        ),
        Status::Unknown if p.periods.is_none() => (
            Code::ExperienceNotStated,
            format!("no experience stated; needs {expected}"),
        ),
        Status::Unknown => (
            Code::ExperienceToVerify,
            format!(
                "{} of {} for sure, {} if the periods to verify count (needs {need})",
                years_noun(&fmt_years(m.years)),
                m.what,
                fmt_years(m.possible)
            ),
        ),
        Status::NotMet => (
            Code::ExperienceShort,
            format!(
                "{}: {} short",
                shortfall_text(&m, rule),
                fmt_years_missing(rule.years - m.years)
            ),
        ),
    };
    Outcome {
        status: m.status,
        credit: m.credit,
        code,
        message,
        expected,
        path: None,
        evidence: m.evidence,
        gap: m.gap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn formats_years() {
        assert_eq!(fmt_years(2.0), "2");
        assert_eq!(fmt_years(1.46), "1.5");
        assert_eq!(fmt_years(0.04), "0");
    }
}
