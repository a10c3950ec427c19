//! `list`: the vacancies of a rule set, open or closed on a date.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;
use vacancy_match::{Priority, RuleSet};

use super::args::{ListArgs, ListFormat};
use super::output;
use super::shortlist::closed_vacancies;
use super::{rules_or_exit, OK};

/// One vacancy, as `list` shows it.
#[derive(Debug, Serialize)]
pub(crate) struct Listed {
    schema_version: u32,
    id: String,
    title: String,
    organization: String,
    duty_station: String,
    country: &'static str,
    deadline: Option<String>,
    /// `open` or `closed` on `as_of`.
    status: &'static str,
    as_of: NaiveDate,
    required: usize,
    desirable: usize,
    file: Option<String>,
}

/// The vacancies of `rules` as of `as_of`, in rule-set order.
pub(crate) fn listed(rules: &RuleSet, as_of: NaiveDate) -> Vec<Listed> {
    let closed = closed_vacancies(rules, as_of);
    rules
        .vacancies()
        .iter()
        .map(|v| {
            let required = v
                .requirements()
                .iter()
                .filter(|r| r.priority() == Priority::Required)
                .count();
            let desirable = v
                .requirements()
                .iter()
                .filter(|r| r.priority() == Priority::Desirable)
                .count();
            let country = v.country();
            Listed {
                schema_version: vacancy_match::SCHEMA_VERSION,
                id: v.id().to_string(),
                title: v.title().to_string(),
                organization: v.organization().to_string(),
                duty_station: match v.city() {
                    Some(city) => format!("{city}, {}", country.english_name()),
                    None => country.english_name().to_string(),
                },
                country: country.code(),
                deadline: v.deadline().map(|d| d.to_string()),
                status: if closed.contains(v.id()) {
                    "closed"
                } else {
                    "open"
                },
                as_of,
                required,
                desirable,
                file: v.file().map(str::to_string),
            }
        })
        .collect()
}

pub(crate) fn run(args: &ListArgs, today: NaiveDate) -> u8 {
    let as_of = args.as_of.as_of.unwrap_or(today);
    let (rules, rules_name) = match rules_or_exit(args.rules.rules.as_deref()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let mut out =
        match output::open_or_exit(args.output.output.as_deref(), args.rules.rules.as_deref()) {
            Ok(out) => out,
            Err(code) => return code,
        };
    let vacancies = listed(&rules, as_of);
    let written = match args.format {
        ListFormat::Json => serde_json::to_writer_pretty(&mut out, &vacancies)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out)),
        ListFormat::Text => write_text(&mut out, &vacancies, as_of, &rules_name),
    };
    output::finish(out, written, OK)
}

fn write_text(
    out: &mut impl Write,
    vacancies: &[Listed],
    as_of: NaiveDate,
    rules: &str,
) -> io::Result<()> {
    writeln!(
        out,
        "{} {} as of {as_of} ({rules})",
        vacancies.len(),
        if vacancies.len() == 1 {
            "vacancy"
        } else {
            "vacancies"
        }
    )?;
    for v in vacancies {
        writeln!(
            out,
            "\n{}  [{}]  deadline {}",
            v.id,
            v.status,
            v.deadline.as_deref().unwrap_or("none given")
        )?;
        writeln!(out, "  {}", v.title)?;
        writeln!(out, "  {}, {}", v.organization, v.duty_station)?;
        writeln!(
            out,
            "  {} required, {} desirable requirements",
            v.required, v.desirable
        )?;
    }
    Ok(())
}
