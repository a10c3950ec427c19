//! A first mapping for an export, guessed from its header row, for a
//! person to check: `vacancy-match new mapping SHEET`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use super::mapping::{
    ListColumn, RawAuthorization, RawDegree, RawExperience, RawLanguage, RawMapping,
};
use super::row::header_names;
use super::table::{self, Cell, Table};
use crate::error::Error;
use crate::model::{Country, Language};

/// Drafts a mapping for the export at `path`, as commented YAML: the
/// columns it could place, and a list of those it could not.
///
/// # Errors
/// An unreadable file, one of an unknown type, or one without a header.
///
/// # Example
/// ```
/// let yaml = vacancy_match::draft_mapping("examples/applicants/applicants.csv")?;
/// assert!(yaml.contains("header_rows: 2"));
/// let mapping = vacancy_match::Mapping::from_yaml_str(&yaml)?; // a valid mapping
/// assert!(mapping.columns().contains(&"Nombre completo"));
/// # Ok::<(), vacancy_match::Error>(())
/// ```
pub fn draft_mapping(path: impl AsRef<Path>) -> Result<String, Error> {
    let path = path.as_ref();
    let table = match table::kind_of(path)? {
        table::Kind::Csv => {
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            table::read_csv(&path.display().to_string(), &bytes)?
        }
        table::Kind::Workbook => table::read_workbook(path, None)?,
    };
    draft(&table)
}

/// The first row with at least two cells of text: the header.
fn header_row(table: &Table) -> Option<usize> {
    table.rows.iter().position(|r| {
        r.iter()
            .filter(|c| matches!(c, Cell::Text(t) if !t.trim().is_empty()))
            .count()
            >= 2
    })
}

/// Whether the row under a header row is a second header row: text in
/// every filled cell, and the first row has gaps (merged group cells).
fn two_rows(table: &Table, first: usize) -> bool {
    let (Some(top), Some(next)) = (
        table.rows.get(first),
        table.rows.get(first.saturating_add(1)),
    ) else {
        return false;
    };
    let gaps = top.iter().any(Cell::is_blank);
    let filled: Vec<&Cell> = next.iter().filter(|c| !c.is_blank()).collect();
    let all_text = filled.iter().all(|c| match c {
        Cell::Text(t) => t.trim().parse::<f64>().is_err() && !t.contains('/') && !t.contains('@'),
        _ => false,
    });
    gaps && !filled.is_empty()
        && all_text
        && filled.len().saturating_mul(2) >= top.iter().filter(|c| !c.is_blank()).count()
}

fn has(name: &str, words: &[&str]) -> bool {
    let key = crate::matching::key(name);
    words.iter().any(|w| {
        let w = crate::matching::key(w);
        key == w
            || key.starts_with(&format!("{w} "))
            || key.ends_with(&format!(" {w}"))
            || key.contains(&format!(" {w} "))
    })
}

/// The group of a `Group / Column` name, when it ends in a number (`Empleo 1`).
fn numbered_group(name: &str) -> Option<(&str, &str)> {
    let (group, own) = name.rsplit_once(" / ")?;
    group
        .trim()
        .rsplit(' ')
        .next()
        .is_some_and(|n| n.parse::<u32>().is_ok())
        .then_some((group, own))
}

fn draft(table: &Table) -> Result<String, Error> {
    let first = header_row(table).ok_or_else(|| {
        table.error(
            "1",
            "no header row found: expected a row with at least two column names",
        )
    })?;
    let rows = if two_rows(table, first) { 2 } else { 1 };
    let names = header_names(table, first, rows);
    let mut m = RawMapping {
        header_row: (first != 0).then(|| u32::try_from(first.saturating_add(1)).unwrap_or(1)),
        header_rows: (rows != 1).then_some(2),
        ..RawMapping::default()
    };
    let mut unmapped = Vec::new();
    let mut jobs: BTreeMap<String, RawExperience> = BTreeMap::new();
    let mut degrees: BTreeMap<String, (Option<String>, RawDegree)> = BTreeMap::new();
    for name in names.iter().filter(|n| !n.is_empty()) {
        let n = name.as_str();
        if let Some((group, own)) = numbered_group(n) {
            let is_job = has(
                group,
                &[
                    "empleo",
                    "job",
                    "trabajo",
                    "experiencia",
                    "experience",
                    "position",
                    "puesto",
                ],
            );
            let is_degree = has(
                group,
                &[
                    "estudio",
                    "estudios",
                    "degree",
                    "education",
                    "educacion",
                    "titulo",
                    "formacion",
                ],
            );
            if is_job {
                let job = jobs.entry(group.to_string()).or_default();
                if has(own, &["cargo", "puesto", "title", "position"]) {
                    job.title = Some(n.into());
                } else if has(
                    own,
                    &[
                        "organizacion",
                        "organization",
                        "employer",
                        "empleador",
                        "empresa",
                        "institucion",
                    ],
                ) {
                    job.organization = Some(n.into());
                } else if has(own, &["inicio", "start", "desde", "from"]) {
                    job.start = Some(n.into());
                } else if has(own, &["fin", "end", "hasta", "to"]) {
                    job.end = Some(n.into());
                } else if has(own, &["pais", "country"]) {
                    job.country = Some(n.into());
                } else if has(
                    own,
                    &["area", "areas", "domain", "domains", "sector", "tema"],
                ) {
                    job.domains = Some(ListColumn::Header(n.into()));
                } else {
                    unmapped.push(n);
                }
                continue;
            }
            if is_degree {
                let entry = degrees.entry(group.to_string()).or_insert_with(|| {
                    (
                        None,
                        RawDegree {
                            degree: String::new(),
                            field: None,
                            institution: None,
                            completed: None,
                            accredited: None,
                        },
                    )
                });
                if has(own, &["grado", "degree", "nivel", "level", "titulo"]) {
                    entry.0 = Some(n.into());
                } else if has(own, &["carrera", "field", "area", "especialidad", "campo"]) {
                    entry.1.field = Some(n.into());
                } else if has(
                    own,
                    &["universidad", "institucion", "institution", "university"],
                ) {
                    entry.1.institution = Some(n.into());
                } else if has(
                    own,
                    &["ano", "year", "fecha", "date", "graduacion", "graduation"],
                ) {
                    entry.1.completed = Some(n.into());
                } else {
                    unmapped.push(n);
                }
                continue;
            }
        }
        if m.id.is_none()
            && has(
                n,
                &[
                    "id",
                    "folio",
                    "codigo",
                    "numero de solicitud",
                    "application id",
                ],
            )
        {
            m.id = Some(n.into());
        } else if m.name.is_none() && has(n, &["nombre", "name", "nombre completo", "full name"]) {
            m.name = Some(n.into());
        } else if m.nationalities.is_none()
            && has(
                n,
                &[
                    "nacionalidad",
                    "nationality",
                    "nacionalidades",
                    "nationalities",
                ],
            )
        {
            m.nationalities = Some(ListColumn::Header(n.into()));
        } else if m.staff_of.is_none()
            && has(
                n,
                &[
                    "current employer",
                    "empleador actual",
                    "organizacion actual",
                ],
            )
        {
            m.staff_of = Some(ListColumn::Header(n.into()));
        } else if m.affiliate_of.is_none()
            && has(
                n,
                &[
                    "affiliate of",
                    "affiliated with",
                    "afiliado a",
                    "afiliada a",
                    "afiliacion",
                    "affiliation",
                ],
            )
        {
            m.affiliate_of = Some(ListColumn::Header(n.into()));
        } else if has(
            n,
            &[
                "permiso",
                "permit",
                "residencia",
                "residence",
                "autorizacion",
            ],
        ) {
            let country = n
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 3)
                .find_map(Country::parse);
            match country {
                Some(c) => m.work_authorizations.push(RawAuthorization {
                    country: c.code().into(),
                    column: n.into(),
                    yes: None,
                    valid_until: None,
                }),
                None => unmapped.push(n),
            }
        } else if has(
            n,
            &[
                "grado",
                "degree",
                "highest degree",
                "nivel academico",
                "titulo",
            ],
        ) && !has(n, &["ano", "year"])
        {
            degrees.insert(
                format!("~{n}"),
                (
                    Some(n.into()),
                    RawDegree {
                        degree: String::new(),
                        field: None,
                        institution: None,
                        completed: None,
                        accredited: None,
                    },
                ),
            );
        } else if has(
            n,
            &[
                "field of study",
                "carrera",
                "area de estudio",
                "especialidad",
            ],
        ) {
            attach_degree(&mut degrees, |d| d.field = Some(n.into()));
        } else if has(
            n,
            &[
                "year of graduation",
                "ano de graduacion",
                "graduacion",
                "graduation",
            ],
        ) {
            attach_degree(&mut degrees, |d| d.completed = Some(n.into()));
        } else if has(
            n,
            &["universidad", "university", "institution", "institucion"],
        ) {
            attach_degree(&mut degrees, |d| d.institution = Some(n.into()));
        } else if has(n, &["years", "anos"]) && has(n, &["experience", "experiencia"]) {
            let domain = n
                .split_once(" in ")
                .or_else(|| n.split_once(" en "))
                .map(|(_, d)| d.trim().to_string());
            m.experience.push(RawExperience {
                declared_years: Some(n.into()),
                label: Some(n.into()),
                fixed_domains: domain.into_iter().collect(),
                ..RawExperience::default()
            });
        } else if has(n, &["skills", "habilidades", "competencias"]) {
            m.skills = Some(ListColumn::Header(n.into()));
        } else if has(
            n,
            &[
                "certifications",
                "certificaciones",
                "trainings",
                "capacitaciones",
                "cursos",
            ],
        ) {
            m.certifications = Some(ListColumn::Header(n.into()));
        } else if has(
            n,
            &["vacuna", "vacunado", "vaccinated", "vaccination", "covid"],
        ) {
            m.attestations
                .insert("covid19_vaccination".into(), n.into());
        } else if has(
            n,
            &["otros idiomas", "other languages", "idiomas", "languages"],
        ) {
            m.languages.push(RawLanguage {
                list: Some(ListColumn::Header(n.into())),
                ..RawLanguage::default()
            });
        } else if let Some(language) = n
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 3)
            .find_map(|w| Language::parse(w).filter(|_| has(n, &["nivel", "level", w])))
        {
            m.languages.push(RawLanguage {
                code: Some(language.code().into()),
                level: Some(n.into()),
                ..RawLanguage::default()
            });
        } else {
            unmapped.push(n);
        }
    }
    for (_, (degree, mut d)) in degrees {
        match degree {
            Some(level) => {
                d.degree = level;
                m.education.push(d);
            }
            None => unmapped.extend(
                [d.field, d.institution, d.completed]
                    .into_iter()
                    .flatten()
                    .filter_map(|c| names.iter().find(|n| **n == c))
                    .map(String::as_str),
            ),
        }
    }
    m.experience
        .extend(jobs.into_values().filter(|j| j.start.is_some()));
    let declares = m.experience.iter().any(|e| e.declared_years.is_some());
    let body = crate::load::to_yaml(&m)
        .map_err(|e| table.error("1", format!("cannot write the draft: {e}")))?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Mapping drafted by `vacancy-match new mapping` from the header of {}.",
        table.file
    );
    out.push_str("# Every line is a guess: check each column, add translations under `values`\n");
    out.push_str(
        "# (see docs/IMPORT.md), then try it: vacancy-match import SHEET --mapping THIS\n",
    );
    if declares {
        out.push_str("# TODO: years without dates end on the export date: add\n");
        out.push_str("#   export_date: YYYY-MM-DD   (the day the export was made)\n");
    }
    if !unmapped.is_empty() {
        out.push_str("# TODO: columns not placed (map them, or leave them out):\n");
        for n in &unmapped {
            let _ = writeln!(out, "#   - {n}");
        }
    }
    out.push_str(&body);
    Ok(out)
}

/// Adds a column to the last degree that lacks it, or starts one.
fn attach_degree(
    degrees: &mut BTreeMap<String, (Option<String>, RawDegree)>,
    set: impl FnOnce(&mut RawDegree),
) {
    if let Some((_, (_, d))) = degrees.iter_mut().rev().find(|(k, _)| k.starts_with('~')) {
        set(d);
    }
}
