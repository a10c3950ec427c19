//! One spreadsheet row into a profile, through a mapping: every value
//! read from its cell, every entry remembering its cell, every cell that
//! cannot be read a located problem.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::mapping::{
    date_from_text, order_is_ambiguous, slash_parts, value_key, ListColumn, Mapping,
};
use super::table::{column_letters, format_number, Cell, Table};
use crate::error::{Error, ErrorKind};
use crate::model::{Country, DegreeLevel, Language, LanguageLevel, PartialDate};
use crate::{
    AuthorizationStatus, Candidate, Certification, Degree, LanguageSkill, Period, Provenance,
    WorkAuthorization,
};

/// The columns of a mapping, found in a table's header.
#[derive(Debug)]
pub(crate) struct Columns {
    /// Each header (as compared) with its columns, left to right.
    by_name: BTreeMap<String, Vec<usize>>,
}

/// Why a mapping's column is not one column of the header.
enum Unplaced {
    /// No header is so named.
    Missing,
    /// The header names several columns: their 0-based indices.
    Ambiguous(Vec<usize>),
    /// `Header#k` past the columns so named.
    Beyond(usize, Vec<usize>),
}

/// A header as compared: case and runs of white space ignored.
pub(crate) fn header_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The header's names, one per column: with a header of several rows, a
/// group cell (merged across its columns, so only its first cell holds
/// text) is carried to the right until the next group cell, and joined to
/// the column's own name as `Group / Column`.
pub(crate) fn header_names(table: &Table, first: usize, rows: usize) -> Vec<String> {
    let width = (first..first.saturating_add(rows))
        .map(|r| table.rows.get(r).map_or(0, Vec::len))
        .max()
        .unwrap_or(0);
    let mut carried: Vec<String> = vec![String::new(); rows];
    let mut names = Vec::with_capacity(width);
    for c in 0..width {
        let mut parts: Vec<String> = Vec::new();
        for (k, r) in (first..first.saturating_add(rows)).enumerate() {
            let own = table.get(r, c).text().trim().to_string();
            let last = k.saturating_add(1) == rows;
            let part = if last {
                own
            } else {
                if !own.is_empty() {
                    if let Some(slot) = carried.get_mut(k) {
                        *slot = own;
                    }
                    // A new group resets the groups below it.
                    for below in carried.iter_mut().skip(k.saturating_add(1)) {
                        below.clear();
                    }
                }
                carried.get(k).cloned().unwrap_or_default()
            };
            if !part.is_empty() && !parts.contains(&part) {
                parts.push(part);
            }
        }
        names.push(parts.join(" / "));
    }
    names
}

impl Columns {
    /// Finds every column the mapping names, or reports every one that is
    /// missing (with the closest header) or that names several columns.
    pub(crate) fn find(
        mapping: &Mapping,
        table: &Table,
        names: &[String],
        header_row: usize,
    ) -> Result<Columns, Error> {
        let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, name) in names.iter().enumerate() {
            if !name.is_empty() {
                by_name.entry(header_key(name)).or_default().push(i);
            }
        }
        let columns = Columns { by_name };
        let place = table.row_ref(header_row);
        let letters = |all: &[usize]| {
            let mut l: Vec<String> = all.iter().map(|c| column_letters(*c)).collect();
            let last = l.pop().unwrap_or_default();
            if l.is_empty() {
                last
            } else {
                format!("{} and {last}", l.join(", "))
            }
        };
        let mut problems = Vec::new();
        for column in mapping.columns() {
            let (kind, message) = match columns.resolve(column) {
                Ok(_) => continue,
                Err(Unplaced::Missing) => {
                    let best = crate::matching::closest(column, names.iter().map(String::as_str));
                    let message = match best {
                        Some(best) => {
                            format!("no column `{column}` in the header, did you mean `{best}`?")
                        }
                        None => format!("no column `{column}` in the header"),
                    };
                    let kind = ErrorKind::MissingField {
                        field: column.to_string(),
                    };
                    (kind, message)
                }
                Err(Unplaced::Ambiguous(all)) => {
                    let picks: Vec<String> =
                        (1..=all.len()).map(|k| format!("`{column}#{k}`")).collect();
                    let message = format!(
                        "column `{column}` is ambiguous: the header has it in columns {} (case and spaces ignored); name one as {}",
                        letters(&all),
                        picks.join(" or ")
                    );
                    let kind = ErrorKind::DuplicateId {
                        id: column.to_string(),
                        first: None,
                    };
                    (kind, message)
                }
                Err(Unplaced::Beyond(k, all)) => {
                    let message = format!(
                        "no column `{column}`: the header has only {} such column{} ({}), not {k}",
                        all.len(),
                        if all.len() == 1 { "" } else { "s" },
                        letters(&all),
                    );
                    let kind = ErrorKind::MissingField {
                        field: column.to_string(),
                    };
                    (kind, message)
                }
            };
            problems.push(table.error_of(kind, &place, message));
        }
        if problems.is_empty() {
            Ok(columns)
        } else {
            Err(Error::many(problems))
        }
    }

    /// The column a mapping names: the one with that header, or with
    /// `Header#k` the k-th of the columns with that header.
    fn resolve(&self, column: &str) -> Result<usize, Unplaced> {
        if let Some(all) = self.by_name.get(&header_key(column)) {
            return match all.as_slice() {
                [one] => Ok(*one),
                _ => Err(Unplaced::Ambiguous(all.clone())),
            };
        }
        let (header, k) = column.rsplit_once('#').ok_or(Unplaced::Missing)?;
        let k: usize = k.trim().parse().map_err(|_| Unplaced::Missing)?;
        let all = self
            .by_name
            .get(&header_key(header))
            .ok_or(Unplaced::Missing)?;
        k.checked_sub(1)
            .and_then(|i| all.get(i))
            .copied()
            .ok_or_else(|| Unplaced::Beyond(k, all.clone()))
    }

    pub(crate) fn index(&self, column: &str) -> Option<usize> {
        self.resolve(column).ok()
    }
}

/// What reading one row needs.
pub(crate) struct RowReader<'a> {
    pub(crate) mapping: &'a Mapping,
    pub(crate) table: &'a Table,
    pub(crate) columns: &'a Columns,
    pub(crate) export_date: Option<NaiveDate>,
}

/// One row being read: its problems and where each entry came from.
struct Row<'a> {
    reader: &'a RowReader<'a>,
    row: usize,
    problems: Vec<Error>,
    entries: BTreeMap<String, String>,
}

const YES: [&str; 8] = ["si", "yes", "y", "s", "true", "verdadero", "x", "1"];
const NO: [&str; 5] = ["no", "n", "false", "falso", "0"];

impl<'a> Row<'a> {
    fn cell(&self, column: &str) -> Option<(usize, &'a Cell)> {
        let c = self.reader.columns.index(column)?;
        let cell = self.reader.table.get(self.row, c);
        (!cell.is_blank()).then_some((c, cell))
    }

    fn place(&self, column: usize) -> String {
        self.reader.table.cell_ref(self.row, column)
    }

    /// A value that is not valid, in `column`.
    fn problem(&mut self, column: usize, message: String) {
        self.problem_of(ErrorKind::InvalidValue, column, message);
    }

    fn problem_of(&mut self, kind: ErrorKind, column: usize, message: String) {
        let place = self.place(column);
        self.problems
            .push(self.reader.table.error_of(kind, &place, message));
    }

    /// A cell left empty that the row needs: the mapping's `header`.
    fn empty(&mut self, column: usize, header: &str, message: String) {
        let kind = ErrorKind::MissingField {
            field: header.to_string(),
        };
        self.problem_of(kind, column, message);
    }

    fn text(&self, column: &str) -> Option<(usize, String)> {
        self.cell(column)
            .map(|(c, cell)| (c, cell.text().trim().to_string()))
    }

    fn note(&mut self, entry: String, column: usize) {
        let place = self.place(column);
        self.entries.insert(entry, place);
    }

    /// "unknown degree `Masterado` in column `Grado`, did you mean `Maestría`?"
    fn unknown(&mut self, column: usize, what: &str, word: &str, header: &str, known: &[&str]) {
        let best = crate::matching::closest(word, known.iter().copied());
        let message = match best {
            Some(best) => {
                format!("unknown {what} `{word}` in column `{header}`, did you mean `{best}`?")
            }
            None => format!("unknown {what} `{word}` in column `{header}`"),
        };
        let kind = ErrorKind::UnknownName {
            name: word.to_string(),
            suggestion: best.map(str::to_string),
        };
        self.problem_of(kind, column, message);
    }

    fn is_none_word(&self, word: &str) -> bool {
        let key = value_key(word);
        self.reader
            .mapping
            .raw
            .none
            .iter()
            .any(|n| value_key(n) == key)
    }

    /// A list cell's items; `Some(empty)` for a "none" word.
    fn list(&self, list: &ListColumn) -> Option<(usize, Vec<String>)> {
        let (c, text) = self.text(list.column())?;
        if self.is_none_word(&text) {
            return Some((c, Vec::new()));
        }
        let items = text
            .split(list.separator())
            .flat_map(|s| s.split('\n'))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        Some((c, items))
    }

    fn boolean(&mut self, column: &str) -> Result<Option<(usize, bool)>, ()> {
        let Some((c, cell)) = self.cell(column) else {
            return Ok(None);
        };
        let text = match cell {
            Cell::Bool(b) => return Ok(Some((c, *b))),
            Cell::Number(n) if *n == 1.0 || *n == 0.0 => return Ok(Some((c, *n == 1.0))),
            other => other.text(),
        };
        let key = value_key(&text);
        if let Some(b) = self.reader.mapping.boolean.get(&key) {
            return Ok(Some((c, *b)));
        }
        if YES.contains(&key.as_str()) {
            return Ok(Some((c, true)));
        }
        if NO.contains(&key.as_str()) {
            return Ok(Some((c, false)));
        }
        let kind = ErrorKind::WrongType {
            expected: "yes or no".to_string(),
        };
        self.problem_of(
            kind,
            c,
            format!(
                "expected yes or no in column `{column}`, found `{}`",
                text.trim()
            ),
        );
        Err(())
    }

    /// A date cell: an Excel date or serial number, a year, or text in a
    /// form people type. `Ok(None)` when blank or, with `ongoing`, a word
    /// such as "present".
    fn date(&mut self, column: &str, ongoing: bool) -> Result<Option<(usize, PartialDate)>, ()> {
        let Some((c, cell)) = self.cell(column) else {
            return Ok(None);
        };
        let order = self.reader.mapping.raw.slash_dates;
        let found = match cell {
            Cell::Date(serial) => serial_date(*serial),
            Cell::Number(n) => number_date(*n),
            Cell::Text(t) => {
                if ongoing && super::ONGOING.contains(&value_key(t).as_str()) {
                    return Ok(None);
                }
                if order.is_none() && order_is_ambiguous(t) {
                    let t = t.trim();
                    let (a, b) = slash_parts(t).unwrap_or_default();
                    self.problem(
                        c,
                        format!(
                            "ambiguous date `{t}` in column `{column}`: day {a} of month {b}, or month {a} day {b}? state the order in the mapping: `slash_dates: day_first` or `slash_dates: month_first`"
                        ),
                    );
                    return Err(());
                }
                match t.trim().parse::<f64>() {
                    Ok(n) if t.trim().bytes().all(|b| b.is_ascii_digit() || b == b'.') => {
                        number_date(n)
                    }
                    _ => date_from_text(t, order),
                }
            }
            _ => None,
        };
        match found {
            Some(d) => Ok(Some((c, d))),
            None => {
                self.problem(
                    c,
                    format!(
                        "invalid date `{}` in column `{column}`, expected a date such as 15/03/2019, 2019-03 or 2019",
                        cell.text().trim()
                    ),
                );
                Err(())
            }
        }
    }

    fn country(&mut self, c: usize, word: &str, header: &str) -> Option<Country> {
        let mapping = self.reader.mapping;
        let found = coded(word, &mapping.country, Country::parse);
        self.known_or_unknown(
            found,
            c,
            "country",
            word,
            header,
            &mapping.raw.values.country,
        )
    }

    fn language(&mut self, c: usize, word: &str, header: &str) -> Option<Language> {
        let mapping = self.reader.mapping;
        let found = coded(word, &mapping.language, Language::parse);
        self.known_or_unknown(
            found,
            c,
            "language",
            word,
            header,
            &mapping.raw.values.language,
        )
    }

    /// `found`, else an unknown-value problem suggesting one of the
    /// mapping's own words for `what`.
    fn known_or_unknown<T>(
        &mut self,
        found: Option<T>,
        c: usize,
        what: &str,
        word: &str,
        header: &str,
        words: &BTreeMap<String, String>,
    ) -> Option<T> {
        if found.is_none() {
            let known: Vec<&str> = words.keys().map(String::as_str).collect();
            self.unknown(c, what, word, header, &known);
        }
        found
    }
}

/// Level names offered when a level cell cannot be read.
const LEVEL_WORDS: [&str; 16] = [
    "A1",
    "A2",
    "B1",
    "B2",
    "C1",
    "C2",
    "native",
    "nativo",
    "fluent",
    "fluido",
    "basic",
    "básico",
    "intermediate",
    "intermedio",
    "advanced",
    "avanzado",
];

/// Degree names offered when a degree cell cannot be read.
const DEGREE_WORDS: [&str; 12] = [
    "Bachillerato",
    "Diploma de Bachiller",
    "Técnico",
    "Licenciatura",
    "Maestría",
    "Doctorado",
    "secondary",
    "post-secondary",
    "bachelor",
    "master",
    "doctorate",
    "PhD",
];

/// An Excel serial date (the 1900 system, as every current export uses).
fn serial_date(serial: f64) -> Option<PartialDate> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = serial.floor() as u64;
    let date = base.checked_add_days(chrono::Days::new(days))?;
    format!("{}", date.format("%Y-%m-%d")).parse().ok()
}

/// A number in a date column: a year (1900–2200), else a serial date.
fn number_date(n: f64) -> Option<PartialDate> {
    if n.fract() == 0.0 && (1900.0..=2200.0).contains(&n) {
        return format_number(n).parse().ok();
    }
    serial_date(n)
}

/// The first day of `years` declared as ending on `export`: whole months
/// back from it (4 years to 2025-09-30 start on 2021-10-01), or, for less
/// than half a month, days (0.04 years: 15 days). `None` when that is
/// less than a day, or the date is out of range: no period to count.
fn declared_start(export: NaiveDate, years: f64) -> Option<NaiveDate> {
    let months = (years * 12.0).round();
    if months >= 1.0 {
        return export
            .checked_sub_months(chrono::Months::new(months as u32))?
            .succ_opt();
    }
    let days = (years * 365.25).round();
    if days < 1.0 {
        return None;
    }
    // Days in the period, the export date included.
    export.checked_sub_days(chrono::Days::new((days as u64).saturating_sub(1)))
}

/// Years from a cell: `5`, `3.5`, `3,5`, `5 años`, `5 years`, `5+` (read
/// as 5: the least it says).
fn years_of(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Number(n) => Some(*n),
        Cell::Text(t) => {
            let t = t.trim().to_lowercase().replace(',', ".");
            let end = t
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(t.len());
            let (number, rest) = t.split_at(end);
            let rest = rest.trim().trim_start_matches('+').trim();
            let unit = [
                "", "años", "año", "anos", "ano", "years", "year", "yrs", "yr",
            ];
            if !unit.contains(&rest) || number.is_empty() {
                return None;
            }
            number.parse().ok()
        }
        _ => None,
    }
    .filter(|y: &f64| y.is_finite() && *y >= 0.0)
}

/// One applicant read from a row: the profile without the cells that
/// could not be read, and those cells' problems.
pub(crate) struct ReadRow {
    pub(crate) candidate: Candidate,
    pub(crate) problems: Vec<Error>,
}

/// A list being gathered: `None` until something is stated; once an
/// entry cannot be read the list is incomplete, and is left "not stated".
struct Gather<T> {
    items: Option<Vec<T>>,
    broken: bool,
}

impl<T> Gather<T> {
    fn new() -> Self {
        Gather {
            items: None,
            broken: false,
        }
    }
    fn stated(&mut self) -> &mut Vec<T> {
        self.items.get_or_insert_with(Vec::new)
    }
    fn len(&self) -> usize {
        self.items.as_ref().map_or(0, Vec::len)
    }
    fn finish(self, field: &str, entries: &mut BTreeMap<String, String>) -> Option<Vec<T>> {
        if self.broken {
            let prefix = format!("{field}[");
            entries.retain(|k, _| !k.starts_with(&prefix));
            None
        } else {
            self.items
        }
    }
}

impl RowReader<'_> {
    /// Reads the row at 0-based `row`.
    pub(crate) fn read(&self, row: usize, document: &str) -> ReadRow {
        let mut r = Row {
            reader: self,
            row,
            problems: Vec::new(),
            entries: BTreeMap::new(),
        };
        let m = &self.mapping.raw;
        let mut c = Candidate {
            id: m.id.as_deref().and_then(|col| r.text(col)).map(|(_, t)| t),
            name: m
                .name
                .as_deref()
                .and_then(|col| r.text(col))
                .map(|(_, t)| t),
            ..Candidate::default()
        };
        if c.id.is_none() {
            c.id = Some(format!("row-{}", row.saturating_add(1)));
        }

        if let Some(list) = &m.nationalities {
            if let Some((col, items)) = r.list(list) {
                let mut g = Gather::new();
                g.stated();
                for item in items {
                    match r.country(col, &item, list.column()) {
                        Some(country) => {
                            let i = g.len();
                            r.note(format!("nationalities[{i}]"), col);
                            g.stated().push(country);
                        }
                        None => g.broken = true,
                    }
                }
                c.nationalities = g.finish("nationalities", &mut r.entries);
            }
        }

        for (field, list, slot) in [
            ("staff_of", &m.staff_of, &mut c.staff_of),
            ("affiliate_of", &m.affiliate_of, &mut c.affiliate_of),
        ] {
            if let Some((col, items)) = list.as_ref().and_then(|l| r.list(l)) {
                for i in 0..items.len() {
                    r.note(format!("{field}[{i}]"), col);
                }
                *slot = Some(items);
            }
        }

        let mut rights = Gather::new();
        let mut unanswered = false;
        for (k, a) in m.work_authorizations.iter().enumerate() {
            let country = self.mapping.countries.get(k).copied();
            let Some(country) = country else { continue };
            let Some((col, cell)) = r.cell(&a.column) else {
                // One list holds the rights in every country: with one
                // country unanswered, a list would say "no right there".
                unanswered = true;
                continue;
            };
            let text = cell.text();
            let key = value_key(&text);
            let status = if let Some(s) = self.mapping.status.get(&key) {
                Some(Some(*s))
            } else if let Some(s) = AuthorizationStatus::ALL
                .iter()
                .find(|s| s.as_str() == key.replace(' ', "_"))
            {
                Some(Some(*s))
            } else {
                match r.boolean(&a.column) {
                    Ok(Some((_, true))) => {
                        Some(Some(a.yes.unwrap_or(AuthorizationStatus::WorkPermit)))
                    }
                    Ok(Some((_, false))) => Some(None),
                    _ => None,
                }
            };
            let Some(status) = status else {
                rights.broken = true;
                continue;
            };
            let valid_until = match a.valid_until.as_deref().map(|col| r.date(col, false)) {
                Some(Err(())) => {
                    rights.broken = true;
                    continue;
                }
                Some(Ok(d)) => d.map(|(_, d)| d),
                None => None,
            };
            rights.stated();
            if let Some(status) = status {
                let i = rights.len();
                r.note(format!("work_authorizations[{i}]"), col);
                rights.stated().push(WorkAuthorization {
                    country,
                    status,
                    valid_until,
                });
            }
        }
        if unanswered {
            rights.broken = rights.broken || rights.items.is_some();
        }
        c.work_authorizations = rights.finish("work_authorizations", &mut r.entries);

        let mut degrees = Gather::new();
        for d in &m.education {
            let blank = [
                Some(&d.degree),
                d.field.as_ref(),
                d.institution.as_ref(),
                d.completed.as_ref(),
                d.accredited.as_ref(),
            ]
            .into_iter()
            .flatten()
            .all(|col| r.cell(col).is_none());
            if blank {
                continue;
            }
            let Some((col, word)) = r.text(&d.degree) else {
                let (col, _) = [
                    d.field.as_ref(),
                    d.institution.as_ref(),
                    d.completed.as_ref(),
                ]
                .into_iter()
                .flatten()
                .find_map(|h| r.cell(h))
                .unwrap_or((0, &Cell::Empty));
                r.empty(
                    col,
                    &d.degree,
                    format!("a degree needs its level: column `{}` is empty", d.degree),
                );
                degrees.broken = true;
                continue;
            };
            let level = self
                .mapping
                .degree
                .get(&value_key(&word))
                .copied()
                .or_else(|| DegreeLevel::parse(&word));
            if level.is_none() {
                let mut known: Vec<&str> = m.values.degree.keys().map(String::as_str).collect();
                known.extend(DEGREE_WORDS);
                r.unknown(col, "degree", &word, &d.degree, &known);
            }
            // Every cell of the degree is read, so that each bad one is
            // reported.
            let completed = d.completed.as_deref().map(|h| r.date(h, false));
            let accredited = d.accredited.as_deref().map(|h| r.boolean(h));
            let (Some(level), Ok(completed), Ok(accredited)) =
                (level, completed.transpose(), accredited.transpose())
            else {
                degrees.broken = true;
                continue;
            };
            let completed = completed.flatten().map(|(_, d)| d);
            let accredited = accredited.flatten().map(|(_, b)| b);
            let i = degrees.len();
            r.note(format!("education[{i}]"), col);
            degrees.stated().push(Degree {
                degree: level,
                field: d.field.as_deref().and_then(|h| r.text(h)).map(|(_, t)| t),
                institution: d
                    .institution
                    .as_deref()
                    .and_then(|h| r.text(h))
                    .map(|(_, t)| t),
                completed: completed.map(crate::Completion::On),
                accredited,
            });
        }
        c.education = degrees.finish("education", &mut r.entries);

        let mut periods = Gather::new();
        for e in &m.experience {
            let columns = [
                e.title.as_deref(),
                e.organization.as_deref(),
                e.country.as_deref(),
                e.domains.as_ref().map(ListColumn::column),
                e.start.as_deref(),
                e.end.as_deref(),
                e.declared_years.as_deref(),
            ];
            if columns
                .into_iter()
                .flatten()
                .all(|col| r.cell(col).is_none())
            {
                continue;
            }
            let title = e
                .title
                .as_deref()
                .and_then(|h| r.text(h))
                .map(|(_, t)| t)
                .or_else(|| e.label.clone());
            let organization = e
                .organization
                .as_deref()
                .and_then(|h| r.text(h))
                .map(|(_, t)| t);
            let mut bad = false;
            let country = match e.country.as_deref().and_then(|h| r.text(h).map(|x| (h, x))) {
                Some((h, (col, word))) => {
                    let found = r.country(col, &word, h);
                    bad |= found.is_none();
                    found
                }
                None => None,
            };
            let mut domains: Vec<String> = e.fixed_domains.clone();
            if let Some((_, items)) = e.domains.as_ref().and_then(|l| r.list(l)) {
                domains.extend(items);
            }
            let domains = (!domains.is_empty()).then_some(domains);
            if let Some(h) = &e.declared_years {
                if bad {
                    periods.broken = true;
                    continue;
                }
                let Some((col, cell)) = r.cell(h) else {
                    // Title or domains without the years: nothing to count.
                    let (col, _) = columns
                        .into_iter()
                        .flatten()
                        .find_map(|h| r.cell(h))
                        .unwrap_or((0, &Cell::Empty));
                    r.empty(
                        col,
                        h,
                        format!("years of experience not stated: column `{h}` is empty"),
                    );
                    periods.broken = true;
                    continue;
                };
                let Some(years) = years_of(cell) else {
                    let kind = ErrorKind::WrongType {
                        expected: "a number of years".to_string(),
                    };
                    r.problem_of(
                        kind,
                        col,
                        format!(
                            "expected a number of years in column `{h}`, found `{}`",
                            cell.text().trim()
                        ),
                    );
                    periods.broken = true;
                    continue;
                };
                if years > 60.0 {
                    r.problem(
                        col,
                        format!(
                            "{} years in column `{h}` is longer than a working life (at most 60)",
                            format_number(years)
                        ),
                    );
                    periods.broken = true;
                    continue;
                }
                periods.stated();
                if years == 0.0 {
                    continue;
                }
                let Some(export) = self.export_date else {
                    // Checked before any row is read.
                    periods.broken = true;
                    continue;
                };
                let Some(start) = declared_start(export, years) else {
                    r.problem(
                        col,
                        format!(
                            "{} years in column `{h}` is less than a day: write 0 for no such experience",
                            format_number(years)
                        ),
                    );
                    periods.broken = true;
                    continue;
                };
                let i = periods.len();
                r.note(format!("experience[{i}]"), col);
                periods.stated().push(Period {
                    title,
                    organization,
                    country,
                    international: None,
                    domains,
                    domains_inferred: false,
                    start: PartialDate::from_date(start),
                    end: Some(PartialDate::from_date(export)),
                    fraction: None,
                    declared_years: Some(years),
                });
                continue;
            }
            let Some(h) = e.start.as_deref() else {
                continue;
            };
            let start = r.date(h, false);
            let end = e.end.as_deref().map(|h| r.date(h, true));
            let start = match start {
                Ok(Some(s)) => s,
                Ok(None) => {
                    let (col, _) = columns
                        .into_iter()
                        .flatten()
                        .find_map(|h| r.cell(h))
                        .unwrap_or((0, &Cell::Empty));
                    r.empty(
                        col,
                        h,
                        format!("a job needs its start: column `{h}` is empty"),
                    );
                    periods.broken = true;
                    continue;
                }
                Err(()) => {
                    periods.broken = true;
                    continue;
                }
            };
            let end = match end {
                Some(Err(())) => {
                    periods.broken = true;
                    continue;
                }
                Some(Ok(x)) => x,
                None => None,
            };
            if bad {
                periods.broken = true;
                continue;
            }
            if let Some((end_col, end)) = end {
                if end.last_day() < start.1.first_day() {
                    r.problem_of(
                        ErrorKind::CrossField,
                        end_col,
                        format!("end {end} is before start {}", start.1),
                    );
                    periods.broken = true;
                    continue;
                }
            }
            let i = periods.len();
            r.note(format!("experience[{i}]"), start.0);
            periods.stated().push(Period {
                title,
                organization,
                country,
                international: None,
                domains,
                domains_inferred: false,
                start: start.1,
                end: end.map(|(_, d)| d),
                fraction: None,
                declared_years: None,
            });
        }
        c.experience = periods.finish("experience", &mut r.entries);

        let mut languages = Gather::new();
        // Languages the form asks about by their own column, left empty.
        let mut unanswered: Vec<Language> = Vec::new();
        for (k, l) in m.languages.iter().enumerate() {
            if let Some(list) = &l.list {
                if let Some((col, items)) = r.list(list) {
                    languages.stated();
                    for item in items {
                        match r.language(col, &item, list.column()) {
                            Some(language) => {
                                let i = languages.len();
                                r.note(format!("languages[{i}]"), col);
                                languages.stated().push(LanguageSkill {
                                    language,
                                    level: None,
                                    native: None,
                                });
                            }
                            None => languages.broken = true,
                        }
                    }
                }
                continue;
            }
            let level_cell = l.level.as_deref().and_then(|h| r.text(h).map(|x| (h, x)));
            let language = match (
                self.mapping.fixed_languages.get(k).copied().flatten(),
                l.language.as_deref(),
            ) {
                (Some(fixed), _) => match &level_cell {
                    Some(_) => Some((fixed, None)),
                    None => {
                        unanswered.push(fixed);
                        continue;
                    }
                },
                (None, Some(h)) => match r.text(h) {
                    Some((col, word)) => match r.language(col, &word, h) {
                        Some(language) => Some((language, Some(col))),
                        None => {
                            languages.broken = true;
                            continue;
                        }
                    },
                    None => {
                        if let Some((_, (col, _))) = &level_cell {
                            r.empty(
                                *col,
                                h,
                                format!("a level without its language: column `{h}` is empty"),
                            );
                            languages.broken = true;
                        }
                        continue;
                    }
                },
                (None, None) => continue,
            };
            let Some((language, language_col)) = language else {
                continue;
            };
            let level = match &level_cell {
                Some((h, (col, word))) => {
                    let found = self
                        .mapping
                        .level
                        .get(&value_key(word))
                        .cloned()
                        .or_else(|| LanguageLevel::parse(word));
                    match found {
                        Some(level) => Some((level, *col)),
                        None => {
                            let mut known: Vec<&str> =
                                m.values.level.keys().map(String::as_str).collect();
                            known.extend(LEVEL_WORDS);
                            r.unknown(*col, "level", word, h, &known);
                            languages.broken = true;
                            continue;
                        }
                    }
                }
                None => None,
            };
            let i = languages.len();
            if let Some(col) = level.as_ref().map(|(_, c)| *c).or(language_col) {
                r.note(format!("languages[{i}]"), col);
            }
            languages.stated().push(LanguageSkill {
                language,
                level: level.map(|(l, _)| l),
                native: None,
            });
        }
        // Once some language is stated, the list reads as complete: a
        // language whose own column is empty is then "level not stated"
        // (to verify), never "not spoken".
        if languages.items.is_some() {
            for language in unanswered {
                if !languages.stated().iter().any(|l| l.language == language) {
                    languages.stated().push(LanguageSkill {
                        language,
                        level: None,
                        native: None,
                    });
                }
            }
        }
        c.languages = languages.finish("languages", &mut r.entries);

        if let Some(list) = &m.certifications {
            if let Some((col, items)) = r.list(list) {
                for i in 0..items.len() {
                    r.note(format!("certifications[{i}]"), col);
                }
                c.certifications = Some(
                    items
                        .into_iter()
                        .map(|name| Certification {
                            name,
                            issued: None,
                            expires: None,
                        })
                        .collect(),
                );
            }
        }
        if let Some(list) = &m.skills {
            if let Some((col, items)) = r.list(list) {
                for i in 0..items.len() {
                    r.note(format!("skills[{i}]"), col);
                }
                c.skills = Some(items);
            }
        }

        let mut attestations = BTreeMap::new();
        for (name, column) in &m.attestations {
            if let Ok(Some((col, yes))) = r.boolean(column) {
                r.note(format!("attestations.{name}"), col);
                attestations.insert(name.clone(), yes);
            }
        }
        if !attestations.is_empty() {
            c.attestations = Some(attestations);
        }

        // The checks every profile passes (an empty name, a domain of
        // punctuation only), at the row.
        for (kind, path, message) in c.problems() {
            let place = self.table.row_ref(row);
            let at = crate::error::Location {
                file: Some(format!("{}:{place}", self.table.file)),
                path: Some(path),
                ..crate::error::Location::default()
            };
            r.problems.push(Error::new(kind, at, message));
        }

        let cells: Vec<String> = self
            .table
            .rows
            .get(row)
            .map(|cells| cells.iter().map(Cell::text).collect())
            .unwrap_or_default();
        let digest =
            crate::assess::sha256_hex(serde_json::to_string(&cells).unwrap_or_default().as_bytes());
        c.provenance = Some(Provenance {
            document: document.to_string(),
            record: Some(self.table.row_ref(row)),
            record_sha256: Some(digest),
            entries: r.entries,
        });
        ReadRow {
            candidate: c,
            problems: r.problems,
        }
    }
}

/// A code-table value: the mapping's own translation of `word` first, then
/// the table's names and codes.
fn coded<T: Copy>(
    word: &str,
    mapping: &BTreeMap<String, T>,
    parse: fn(&str) -> Option<T>,
) -> Option<T> {
    mapping
        .get(&value_key(word))
        .copied()
        .or_else(|| parse(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_from_what_people_type() {
        let t = |s: &str| years_of(&Cell::Text(s.into()));
        assert_eq!(t("5"), Some(5.0));
        assert_eq!(t("3,5 años"), Some(3.5));
        assert_eq!(t("2 years"), Some(2.0));
        assert_eq!(t("5+"), Some(5.0));
        assert_eq!(t("cinco"), None);
        assert_eq!(t("-2"), None);
        assert_eq!(years_of(&Cell::Number(4.0)), Some(4.0));
    }

    #[test]
    fn declared_years_end_on_the_export_date_and_start_before_it() {
        let export = NaiveDate::from_ymd_opt(2025, 9, 30).unwrap();
        let start = |y: f64| declared_start(export, y).map(|d| d.to_string());
        assert_eq!(start(4.0).as_deref(), Some("2021-10-01"));
        assert_eq!(start(0.5).as_deref(), Some("2025-03-31"));
        // Less than half a month: counted in days, never after the end.
        assert_eq!(start(0.04).as_deref(), Some("2025-09-16"));
        assert_eq!(start(1.0 / 365.25).as_deref(), Some("2025-09-30"));
        assert_eq!(start(0.001), None);
        assert_eq!(start(0.0), None);
    }

    #[test]
    fn numbers_in_date_columns_are_years_or_serial_dates() {
        assert_eq!(
            number_date(2015.0).map(|d| d.to_string()).as_deref(),
            Some("2015")
        );
        assert_eq!(
            number_date(43539.0).map(|d| d.to_string()).as_deref(),
            Some("2019-03-15")
        );
        assert_eq!(number_date(-3.0), None);
    }
}
