//! A first mapping for an export, guessed from its header row, for a
//! person to check: `vacancy-match new mapping SHEET`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use super::mapping::{
    domain_suggestions, order_is_ambiguous, slash_parts, ListColumn, RawAuthorization, RawDegree,
    RawExperience, RawLanguage, RawMapping, SlashDates,
};
use super::row::{header_key, header_names};
use super::table::{self, Cell, Table};
use crate::error::Error;
use crate::model::{Country, Language};
use crate::Category;

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
/// assert!(yaml.contains("\nslash_dates: day_first\n")); // 25/03/2019 tells
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
    let mut unmapped: Vec<String> = Vec::new();
    let vocabulary = crate::Vocabulary::bundled();
    let mut unknown_domains: Vec<(String, String, String)> = Vec::new();
    let mut jobs: BTreeMap<String, RawExperience> = BTreeMap::new();
    let mut degrees: BTreeMap<String, (Option<String>, RawDegree)> = BTreeMap::new();
    let refs = references(&names);
    let job_words = [
        "cargo",
        "puesto",
        "title",
        "position",
        "organizacion",
        "organization",
        "employer",
        "empleador",
        "empresa",
        "institucion",
        "inicio",
        "start",
        "desde",
        "from",
        "fin",
        "end",
        "hasta",
        "to",
    ];
    for (name, reference) in names.iter().zip(&refs).filter(|(n, _)| !n.is_empty()) {
        let n = name.as_str();
        let r = reference.as_str();
        // A job's columns repeated under the same headers (two groups of
        // `Organización`, `Fecha de inicio`...): the k-th of each is job k.
        let repeated = r
            .rsplit_once('#')
            .filter(|_| r != n && has(n, &job_words))
            .map(|(_, k)| (format!("Job {k} (repeated headers)"), n));
        let grouped = numbered_group(n)
            .map(|(g, o)| (g.to_string(), o))
            .or(repeated);
        if let Some((group, own)) = grouped {
            let group = group.as_str();
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
                    job.title = Some(put(r));
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
                    job.organization = Some(put(r));
                } else if has(own, &["inicio", "start", "desde", "from"]) {
                    job.start = Some(put(r));
                } else if has(own, &["fin", "end", "hasta", "to"]) {
                    job.end = Some(put(r));
                } else if has(own, &["pais", "country"]) {
                    job.country = Some(put(r));
                } else if has(
                    own,
                    &["area", "areas", "domain", "domains", "sector", "tema"],
                ) {
                    job.domains = Some(ListColumn::Header(put(r)));
                } else {
                    unmapped.push(put(r));
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
                    entry.0 = Some(put(r));
                } else if has(own, &["carrera", "field", "area", "especialidad", "campo"]) {
                    entry.1.field = Some(put(r));
                } else if has(
                    own,
                    &["universidad", "institucion", "institution", "university"],
                ) {
                    entry.1.institution = Some(put(r));
                } else if has(
                    own,
                    &["ano", "year", "fecha", "date", "graduacion", "graduation"],
                ) {
                    entry.1.completed = Some(put(r));
                } else {
                    unmapped.push(put(r));
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
            m.id = Some(put(r));
        } else if m.name.is_none() && has(n, &["nombre", "name", "nombre completo", "full name"]) {
            m.name = Some(put(r));
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
            m.nationalities = Some(ListColumn::Header(put(r)));
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
            m.staff_of = Some(ListColumn::Header(put(r)));
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
            m.affiliate_of = Some(ListColumn::Header(put(r)));
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
                    column: put(r),
                    yes: None,
                    valid_until: None,
                }),
                None => unmapped.push(put(r)),
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
                    Some(put(r)),
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
            attach_degree(&mut degrees, |d| d.field = Some(put(r)));
        } else if has(
            n,
            &[
                "year of graduation",
                "ano de graduacion",
                "graduacion",
                "graduation",
            ],
        ) {
            attach_degree(&mut degrees, |d| d.completed = Some(put(r)));
        } else if has(
            n,
            &["universidad", "university", "institution", "institucion"],
        ) {
            attach_degree(&mut degrees, |d| d.institution = Some(put(r)));
        } else if has(n, &["years", "anos"]) && has(n, &["experience", "experiencia"]) {
            let asked = n
                .split_once(" in ")
                .or_else(|| n.split_once(" en "))
                .map(|(_, d)| d.trim().to_string());
            // Only a domain the rules know: any other name matches no
            // requirement, and every year declared would be to verify.
            let domain = asked.as_deref().and_then(|d| {
                let known = vocabulary.canonical(Category::Domain, d);
                if known.is_none() {
                    let names = vocabulary.names(Category::Domain);
                    let hint = domain_suggestions(&vocabulary, &names, d);
                    unknown_domains.push((put(r), put(d), hint.join("`, `")));
                }
                known.map(str::to_string)
            });
            m.experience.push(RawExperience {
                declared_years: Some(put(r)),
                label: Some(put(r)),
                fixed_domains: domain.into_iter().collect(),
                ..RawExperience::default()
            });
        } else if has(n, &["skills", "habilidades", "competencias"]) {
            m.skills = Some(ListColumn::Header(put(r)));
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
            m.certifications = Some(ListColumn::Header(put(r)));
        } else if has(
            n,
            &["vacuna", "vacunado", "vaccinated", "vaccination", "covid"],
        ) {
            m.attestations.insert("covid19_vaccination".into(), put(r));
        } else if has(
            n,
            &["otros idiomas", "other languages", "idiomas", "languages"],
        ) {
            m.languages.push(RawLanguage {
                list: Some(ListColumn::Header(put(r))),
                ..RawLanguage::default()
            });
        } else if let Some(language) = n
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 3)
            .find_map(|w| Language::parse(w).filter(|_| has(n, &["nivel", "level", w])))
        {
            m.languages.push(RawLanguage {
                code: Some(language.code().into()),
                level: Some(put(r)),
                ..RawLanguage::default()
            });
        } else {
            unmapped.push(put(r));
        }
    }
    for (_, (degree, mut d)) in degrees {
        match degree {
            Some(level) => {
                d.degree = level;
                m.education.push(d);
            }
            None => unmapped.extend([d.field, d.institution, d.completed].into_iter().flatten()),
        }
    }
    for job in jobs.into_values() {
        if job.start.is_some() {
            m.experience.push(job);
        } else {
            // Without a start there is no period to count: say so.
            unmapped.extend(
                [job.title, job.organization, job.country, job.end]
                    .into_iter()
                    .flatten()
                    .chain(job.domains.map(|d| d.column().to_string())),
            );
        }
    }
    let order = date_order(table, first.saturating_add(rows));
    m.slash_dates = order.stated;
    let declares = m.experience.iter().any(|e| e.declared_years.is_some());
    let body = crate::load::to_yaml(&m)
        .map_err(|e| table.error("1", format!("cannot write the draft: {e}")))?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Mapping drafted by `vacancy-match new mapping` from the header of {}.",
        put(&table.file)
    );
    out.push_str("# Every line is a guess: check each column, add translations under `values`\n");
    out.push_str(
        "# (see docs/IMPORT.md), then try it: vacancy-match import SHEET --mapping THIS\n",
    );
    if declares {
        out.push_str("# TODO: years without dates end on the export date: add\n");
        out.push_str("#   export_date: YYYY-MM-DD   (the day the export was made)\n");
    }
    match (&order.day_first, &order.month_first, &order.either) {
        (Some(day), None, _) => {
            let _ = writeln!(
                out,
                "# slash_dates: day_first, as {} at {} says (day above 12)",
                put(&day.1),
                day.0
            );
        }
        (None, Some(month), _) => {
            let _ = writeln!(
                out,
                "# slash_dates: month_first, as {} at {} says (day above 12)",
                put(&month.1),
                month.0
            );
        }
        (Some(day), Some(month), _) => {
            let _ = writeln!(
                out,
                "# TODO: dates day first ({} at {}) and month first ({} at {}):\n#   check the export, then add slash_dates: day_first or month_first",
                put(&day.1),
                day.0,
                put(&month.1),
                month.0
            );
        }
        (None, None, Some(either)) => {
            let _ = writeln!(
                out,
                "# TODO: dates such as {} (at {}) could be day or month first, and no date\n#   tells: add slash_dates: day_first or month_first (until then, such dates are errors)",
                put(&either.1),
                either.0
            );
        }
        (None, None, None) => {}
    }
    for (column, asked, hint) in &unknown_domains {
        let _ = writeln!(
            out,
            "# TODO: {column} asks about `{asked}`, which the rules' vocabulary does not name:"
        );
        if hint.is_empty() {
            out.push_str("#   add under fixed_domains the vocabulary's domain it means\n");
        } else {
            let _ = writeln!(
                out,
                "#   add under fixed_domains the vocabulary's domain it means (`{hint}`?)"
            );
        }
    }
    let repeated = repeated_headers(&names);
    if !repeated.is_empty() {
        out.push_str("# TODO: headers that more than one column has (case and spaces ignored);\n");
        out.push_str("# this draft names the k-th such column `Header#k`, left to right:\n");
        for (name, letters) in &repeated {
            let _ = writeln!(out, "#   - {} (columns {})", put(name), letters.join(", "));
        }
    }
    if !unmapped.is_empty() {
        out.push_str("# TODO: columns not placed (map them, or leave them out):\n");
        for n in &unmapped {
            let _ = writeln!(out, "#   - {n}");
        }
    }
    out.push_str(&body);
    Ok(unplace(&out))
}

/// What the export's numeric dates (`25/03/2019`) say of their order:
/// the first cell that shows each order, and one that could be either.
#[derive(Default)]
struct DateOrder {
    stated: Option<SlashDates>,
    day_first: Option<(String, String)>,
    month_first: Option<(String, String)>,
    either: Option<(String, String)>,
}

/// Reads the order of day and month from the cells under the header: a
/// day above 12 tells it; the order is stated only when every date that
/// tells agrees.
fn date_order(table: &Table, first: usize) -> DateOrder {
    let mut order = DateOrder::default();
    for (r, row) in table.rows.iter().enumerate().skip(first) {
        for (c, cell) in row.iter().enumerate() {
            let Cell::Text(text) = cell else { continue };
            let Some((a, b)) = slash_parts(text) else {
                continue;
            };
            let slot = if a > 12 && b <= 12 {
                &mut order.day_first
            } else if b > 12 && a <= 12 {
                &mut order.month_first
            } else if order_is_ambiguous(text) {
                &mut order.either
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = Some((table.cell_ref(r, c), text.trim().to_string()));
            }
        }
    }
    order.stated = match (&order.day_first, &order.month_first) {
        (Some(_), None) => Some(SlashDates::DayFirst),
        (None, Some(_)) => Some(SlashDates::MonthFirst),
        _ => None,
    };
    order
}

/// How the mapping names each column: its header, or `Header#k` for the
/// k-th of several columns with the same header (case and spaces ignored).
fn references(names: &[String]) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let counts = count_headers(names);
    names
        .iter()
        .map(|n| {
            let key = header_key(n);
            if counts.get(&key).copied().unwrap_or(0) < 2 {
                return n.clone();
            }
            let k = seen.entry(key).or_insert(0);
            *k = k.saturating_add(1);
            format!("{n}#{k}")
        })
        .collect()
}

fn count_headers(names: &[String]) -> BTreeMap<String, usize> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for n in names.iter().filter(|n| !n.is_empty()) {
        let c = counts.entry(header_key(n)).or_insert(0);
        *c = c.saturating_add(1);
    }
    counts
}

/// Headers that more than one column has, each with its columns' letters.
fn repeated_headers(names: &[String]) -> Vec<(String, Vec<String>)> {
    let counts = count_headers(names);
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let key = header_key(n);
        if n.is_empty() || counts.get(&key).copied().unwrap_or(0) < 2 {
            continue;
        }
        let letters = table::column_letters(i);
        match out.iter_mut().find(|(first, _)| header_key(first) == key) {
            Some((_, all)) => all.push(letters),
            None => out.push((n.clone(), vec![letters])),
        }
    }
    out
}

/// Marks a header that holds characters a terminal would obey (an escape
/// sequence, a line break, bidirectional controls) for [`unplace`] to
/// write as a YAML double-quoted string of escapes: the draft must read
/// back as the exact header, and print safely.
const MARK: &str = "vm-header-";
const MARK_END: &str = "-end";

fn put(name: &str) -> String {
    // A header that holds the mark itself is quoted too, never misread.
    if !name.chars().any(crate::text::unsafe_char) && !name.contains(MARK) {
        return name.to_string();
    }
    let hex: String = name.bytes().map(|b| format!("{b:02x}")).collect();
    format!("{MARK}{hex}{MARK_END}")
}

/// The draft with each [`put`] mark written as a double-quoted YAML
/// string whose unsafe characters are escapes (`"\u001B[2Jclear"`).
fn unplace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once(MARK) {
        out.push_str(before);
        let decoded = after.split_once(MARK_END).and_then(|(hex, tail)| {
            let bytes: Option<Vec<u8>> = hex
                .as_bytes()
                .chunks(2)
                .map(|pair| {
                    std::str::from_utf8(pair)
                        .ok()
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                })
                .collect();
            Some((String::from_utf8(bytes?).ok()?, tail))
        });
        match decoded {
            Some((name, tail)) => {
                out.push_str(&yaml_quoted(&name));
                rest = tail;
            }
            None => {
                out.push_str(MARK);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` as a YAML double-quoted string: `"`, `\\` and every character
/// a terminal would obey escaped.
fn yaml_quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if crate::text::unsafe_char(c) => {
                let n = u32::from(c);
                if n <= 0xffff {
                    let _ = write!(out, "\\u{n:04X}");
                } else {
                    let _ = write!(out, "\\U{n:08X}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn drafted(csv: &str) -> String {
        draft(&table::read_csv("f\u{1b}.csv", csv.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn a_header_of_control_characters_is_written_escaped_and_reads_back() {
        let yaml = drafted("ID,\"\u{1b}[2Jclear\",\"Line\u{7}\nbreak\u{202e}\",Name\nA,x,y,Ana\n");
        assert!(
            !yaml
                .chars()
                .any(|c| c != '\n' && crate::text::unsafe_char(c)),
            "{yaml}"
        );
        let mapping = crate::Mapping::from_yaml_str(&yaml).unwrap();
        assert_eq!(mapping.columns(), ["ID", "Name"]);
        assert!(yaml.contains("of \"f\\u001B.csv\".\n"), "{yaml}");
        assert!(yaml.contains("\n#   - \"\\u001B[2Jclear\"\n"), "{yaml}");
        assert!(
            yaml.contains("\n#   - \"Line\\u0007\\u000Abreak\\u202E\"\n"),
            "{yaml}"
        );
    }

    #[test]
    fn a_placed_header_of_control_characters_reads_back_as_the_exact_header() {
        let yaml = drafted("ID,\"Name\u{1b}[2J\\\"\"\"\nA,Ana\n");
        assert!(yaml.contains("name: \"Name\\u001B[2J\\\\\\\"\""), "{yaml}");
        let mapping = crate::Mapping::from_yaml_str(&yaml).unwrap();
        assert_eq!(mapping.columns(), ["ID", "Name\u{1b}[2J\\\""]);
    }

    #[test]
    fn the_order_of_day_and_month_is_drafted_from_a_date_that_tells_it() {
        let yaml = drafted("ID,Inicio\na,04/01/2017\nb,25/03/2019\n");
        assert!(yaml.contains("\nslash_dates: day_first\n"), "{yaml}");
        assert!(
            yaml.contains("# slash_dates: day_first, as 25/03/2019 at B3 says (day above 12)\n"),
            "{yaml}"
        );
        let yaml = drafted("ID,Start\na,04/01/2017\nb,03/25/2019\n");
        assert!(yaml.contains("\nslash_dates: month_first\n"), "{yaml}");
        let yaml = drafted("ID,Start\na,04/01/2017\n");
        assert!(!yaml.contains("\nslash_dates:"), "{yaml}");
        assert!(
            yaml.contains("# TODO: dates such as 04/01/2017 (at B2) could be day or month first"),
            "{yaml}"
        );
        let yaml = drafted("ID,Start\na,25/01/2017\nb,03/25/2019\n");
        assert!(!yaml.contains("\nslash_dates:"), "{yaml}");
        assert!(
            yaml.contains(
                "# TODO: dates day first (25/01/2017 at B2) and month first (03/25/2019 at B3)"
            ),
            "{yaml}"
        );
    }

    #[test]
    fn only_domains_the_vocabulary_knows_are_drafted() {
        let yaml =
            drafted("ID,Años de experiencia en protección,Years of experience in asylum\na,3,2\n");
        assert!(
            yaml.contains(
                "# TODO: Años de experiencia en protección asks about `protección`, which the rules' vocabulary does not name:\n\
                 #   add under fixed_domains the vocabulary's domain it means (`"
            ),
            "{yaml}"
        );
        assert!(yaml.contains("refugee protection"), "{yaml}");
        let mapping = crate::Mapping::from_yaml_str(&yaml).unwrap();
        let fixed: Vec<&Vec<String>> = mapping
            .raw
            .experience
            .iter()
            .map(|e| &e.fixed_domains)
            .collect();
        assert_eq!(
            fixed,
            [
                &Vec::<String>::new(),
                &vec!["refugee protection".to_string()]
            ]
        );
        mapping
            .check_domains(&crate::Vocabulary::bundled())
            .unwrap();
    }

    #[test]
    fn repeated_headers_are_flagged_and_named_by_their_order() {
        let yaml = drafted(
            "ID,id,Organización,Fecha de inicio,Fecha de fin,Organización,Fecha de inicio,Fecha de fin\n",
        );
        assert!(
            yaml.contains(
                "# TODO: headers that more than one column has (case and spaces ignored);\n\
                 # this draft names the k-th such column `Header#k`, left to right:\n\
                 #   - ID (columns A, B)\n\
                 #   - Organización (columns C, F)\n\
                 #   - Fecha de inicio (columns D, G)\n\
                 #   - Fecha de fin (columns E, H)\n"
            ),
            "{yaml}"
        );
        let mapping = crate::Mapping::from_yaml_str(&yaml).unwrap();
        assert_eq!(
            mapping.columns(),
            [
                "ID#1",
                "Organización#1",
                "Fecha de inicio#1",
                "Fecha de fin#1",
                "Organización#2",
                "Fecha de inicio#2",
                "Fecha de fin#2"
            ]
        );
        assert!(yaml.contains("#   - id#2\n"), "{yaml}");
    }
}
