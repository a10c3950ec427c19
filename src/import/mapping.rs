//! The mapping file: which column of an export feeds which profile field.
//! Uses the loader (`crate::load`) for YAML, limits and located errors,
//! and the model's codes and levels to check fixed values.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Location};
use crate::load::{InputFormat, Limits};
use crate::model::{Country, DegreeLevel, Language, LanguageLevel, PartialDate};
use crate::AuthorizationStatus;

/// A column holding a list: its header and what separates the items.
///
/// Written either as the header alone (`Skills`, items split on `;`) or
/// as `{ column: Skills, split: "," }`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub(crate) enum ListColumn {
    /// The header; items are split on `;`.
    Header(String),
    /// The header and the separator.
    Split {
        /// The column's header.
        column: String,
        /// What separates items in a cell (default `;`).
        #[serde(default = "semicolon")]
        split: String,
    },
}

fn semicolon() -> String {
    ";".to_string()
}

impl ListColumn {
    pub(crate) fn column(&self) -> &str {
        match self {
            ListColumn::Header(c) | ListColumn::Split { column: c, .. } => c,
        }
    }

    pub(crate) fn separator(&self) -> &str {
        match self {
            ListColumn::Header(_) => ";",
            ListColumn::Split { split, .. } => split,
        }
    }
}

/// A mapping file as written (every field a column header, unless said).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMapping {
    /// The sheet to read (xlsx, ods) [default: the first].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) sheet: Option<String>,
    /// The 1-based row of the header [default: 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) header_row: Option<u32>,
    /// How many rows the header spans [default: 1]; with 2, a group
    /// header above (often merged across its columns) is joined to each
    /// column's own as `Group / Column`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) header_rows: Option<u32>,
    /// The date of the export, `YYYY-MM-DD`: where declared years end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) export_date: Option<String>,
    /// How a date such as `03/04/2019` is read: `day_first` or
    /// `month_first`. Unstated, a date whose day and month could be
    /// either (both 12 or less, and different) is an error of its cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) slash_dates: Option<SlashDates>,
    /// Rows that are not applicants (a total row): skipped and counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) skip_rows: Option<SkipRows>,
    /// The column with the applicant's id [default: the row number].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) id: Option<String>,
    /// The column with the applicant's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) name: Option<String>,
    /// Nationalities (a list column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) nationalities: Option<ListColumn>,
    /// The organizations the applicant is current staff of (a list
    /// column): `staff_of`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) staff_of: Option<ListColumn>,
    /// The organizations the applicant serves on another body's contract
    /// (a UNOPS contract serving UNHCR; a list column): `affiliate_of`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) affiliate_of: Option<ListColumn>,
    /// Rights to work, one entry per country asked about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) work_authorizations: Vec<RawAuthorization>,
    /// Degrees: one entry per group of columns (degree 1..3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) education: Vec<RawDegree>,
    /// Jobs: one entry per group of columns (job 1..5), dated or declared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) experience: Vec<RawExperience>,
    /// Languages: one entry per language column or group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) languages: Vec<RawLanguage>,
    /// Certifications and trainings (a list column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) certifications: Option<ListColumn>,
    /// Skills (a list column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) skills: Option<ListColumn>,
    /// Yes/no declarations: attestation name → column.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) attestations: BTreeMap<String, String>,
    /// Words in cells that mean an empty list ("Ninguno", "None").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) none: Vec<String>,
    /// Translations of cell values, by kind.
    #[serde(default, skip_serializing_if = "Values::is_empty")]
    pub(crate) values: Values,
}

/// How dates with slashes are read.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum SlashDates {
    /// `15/03/2019`.
    DayFirst,
    /// `03/15/2019`.
    MonthFirst,
}

/// Rows to skip: those whose `column` holds one of `values`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SkipRows {
    /// The column to look at.
    pub(crate) column: String,
    /// The values that mark a row to skip (case ignored).
    pub(crate) values: Vec<String>,
}

/// One country's right to work.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAuthorization {
    /// The country asked about (code or name).
    pub(crate) country: String,
    /// The column: a status (`citizen`, `permanent_resident`,
    /// `work_permit`, or a word translated by `values.status`), or yes/no.
    pub(crate) column: String,
    /// The status a "yes" means [default: `work_permit`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) yes: Option<AuthorizationStatus>,
    /// The column with the last day of validity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) valid_until: Option<String>,
}

/// One degree's columns.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDegree {
    /// The column with the level ("Licenciatura", "Master's").
    pub(crate) degree: String,
    /// The column with the field of study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) field: Option<String>,
    /// The column with the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) institution: Option<String>,
    /// The column with the completion date or year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) completed: Option<String>,
    /// The column saying whether the institution is accredited (yes/no).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) accredited: Option<String>,
}

/// One job's columns: dated (`start`), or declared (`declared_years`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExperience {
    /// The column with the job title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) title: Option<String>,
    /// A fixed title for every row, when no column gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) label: Option<String>,
    /// The column with the employer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) organization: Option<String>,
    /// The column with the country of the job.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) country: Option<String>,
    /// The column with the domains of the job (a list column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) domains: Option<ListColumn>,
    /// Domains every row's job has (e.g. the domain a "years of
    /// experience in protection" column asks about).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) fixed_domains: Vec<String>,
    /// The column with the first month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) start: Option<String>,
    /// The column with the last month (empty or "present": ongoing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) end: Option<String>,
    /// The column with a number of years, without dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) declared_years: Option<String>,
}

/// One language's columns.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLanguage {
    /// The language, fixed (a code or name: `en`, `Spanish`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) code: Option<String>,
    /// The column naming the language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) language: Option<String>,
    /// The column with the level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) level: Option<String>,
    /// A column listing languages without levels ("English; French").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) list: Option<ListColumn>,
}

/// Translations of cell values (case and accents ignored).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Values {
    /// Cell → degree level (`Licenciatura: bachelor`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) degree: BTreeMap<String, String>,
    /// Cell → language level (`Fluido: C1`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) level: BTreeMap<String, String>,
    /// Cell → language (`Inglés: en`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) language: BTreeMap<String, String>,
    /// Cell → country (`Mexicana: MX`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) country: BTreeMap<String, String>,
    /// Cell → yes/no (`Sí: true`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) boolean: BTreeMap<String, bool>,
    /// Cell → right to work (`Residente: permanent_resident`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) status: BTreeMap<String, AuthorizationStatus>,
}

impl Values {
    fn is_empty(&self) -> bool {
        self.degree.is_empty()
            && self.level.is_empty()
            && self.language.is_empty()
            && self.country.is_empty()
            && self.boolean.is_empty()
            && self.status.is_empty()
    }
}

/// A validated mapping file: which column of a spreadsheet export feeds
/// which profile field, and how cell values translate.
///
/// The format is described in `docs/IMPORT.md`; `vacancy-match schema
/// mapping` prints its JSON Schema, and `vacancy-match new mapping SHEET`
/// drafts one from an export's header row. Every column named must be in
/// the export's header (checked when a sheet is read), and every
/// translation must give a valid value (checked here).
///
/// # Example
/// ```
/// use vacancy_match::Mapping;
/// let mapping = Mapping::from_yaml_str(r#"
/// id: ID
/// education:
///   - { degree: Highest degree, field: Field of study, completed: Year of graduation }
/// languages:
///   - { code: en, level: English level }
/// values:
///   level: { Fluido: C1 }
/// "#)?;
/// assert_eq!(mapping.columns().len(), 5);
/// let err = Mapping::from_yaml_str("languges: []").unwrap_err();
/// assert!(err.to_string().contains("did you mean `languages`?"));
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    pub(crate) raw: RawMapping,
    pub(crate) export_date: Option<chrono::NaiveDate>,
    /// Translations, their keys normalised.
    pub(crate) degree: BTreeMap<String, DegreeLevel>,
    pub(crate) level: BTreeMap<String, LanguageLevel>,
    pub(crate) language: BTreeMap<String, Language>,
    pub(crate) country: BTreeMap<String, Country>,
    pub(crate) boolean: BTreeMap<String, bool>,
    pub(crate) status: BTreeMap<String, AuthorizationStatus>,
    pub(crate) fixed_languages: Vec<Option<Language>>,
    pub(crate) countries: Vec<Country>,
    /// Each `fixed_domains` name, its field path and where the file has it.
    pub(crate) domain_places: Vec<DomainPlace>,
}

/// A `fixed_domains` name and where the mapping file has it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DomainPlace {
    pub(crate) file: Option<String>,
    pub(crate) name: String,
    pub(crate) path: String,
    pub(crate) line: Option<usize>,
    pub(crate) column: Option<usize>,
}

/// A value's key for looking up translations: case, accents,
/// punctuation and extra spaces ignored.
pub(crate) fn value_key(text: &str) -> String {
    crate::matching::key(text)
}

impl Mapping {
    /// Reads a mapping from YAML text.
    ///
    /// # Errors
    /// Malformed YAML, unknown fields (with the closest valid one
    /// suggested), translations to unknown values, an experience entry
    /// with neither `start` nor `declared_years`, an invalid
    /// `export_date`, each located by line, column and field path.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::Mapping;
    /// let err = Mapping::from_yaml_str("values:\n  degree:\n    Licenciatura: bachelorr\n").unwrap_err();
    /// assert_eq!(err.to_string(), "line 3:5: values.degree.Licenciatura: unknown degree `bachelorr`, did you mean `bachelor`?");
    /// ```
    pub fn from_yaml_str(text: &str) -> Result<Mapping, Error> {
        Mapping::from_str_with(text, &Limits::default())
    }

    /// Reads a mapping file.
    ///
    /// # Errors
    /// As [`Mapping::from_yaml_str`], with the file named; an unreadable
    /// file.
    ///
    /// # Example
    /// ```
    /// let mapping = vacancy_match::Mapping::from_path("examples/applicants/form.yaml")?;
    /// assert!(mapping.columns().contains(&"Nacionalidad / Nationality"));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Mapping, Error> {
        let path = path.as_ref();
        let limits = Limits::default();
        let text = crate::load::read_text(path, &limits)?;
        let file = path.display().to_string();
        let mut mapping = Mapping::from_str_with(&text, &limits).map_err(|e| e.in_file(&file))?;
        for place in &mut mapping.domain_places {
            place.file = Some(file.clone());
        }
        Ok(mapping)
    }

    fn from_str_with(text: &str, limits: &Limits) -> Result<Mapping, Error> {
        let raw: RawMapping = crate::load::parse(text, InputFormat::Yaml, limits)?;
        let mut problems: Vec<(ErrorKind, String, String)> = Vec::new();
        let unknown = |name: &str, suggestion: Option<&str>| ErrorKind::UnknownName {
            name: name.to_string(),
            suggestion: suggestion.map(str::to_string),
        };
        let missing = |field: &str| ErrorKind::MissingField {
            field: field.to_string(),
        };
        let degrees = || DegreeLevel::ALL.iter().map(|l| l.as_str());
        let closest = crate::matching::closest;
        let mut mapping = Mapping {
            export_date: None,
            degree: BTreeMap::new(),
            level: BTreeMap::new(),
            language: BTreeMap::new(),
            country: BTreeMap::new(),
            boolean: BTreeMap::new(),
            status: BTreeMap::new(),
            fixed_languages: Vec::new(),
            countries: Vec::new(),
            domain_places: Vec::new(),
            raw: RawMapping::default(),
        };
        if let Some(date) = &raw.export_date {
            match chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d") {
                Ok(d) => mapping.export_date = Some(d),
                Err(_) => problems.push((
                    ErrorKind::InvalidValue,
                    "export_date".into(),
                    format!("invalid date `{date}`, expected YYYY-MM-DD"),
                )),
            }
        }
        for (field, n) in [
            ("header_row", raw.header_row),
            ("header_rows", raw.header_rows),
        ] {
            if n == Some(0) {
                problems.push((
                    ErrorKind::InvalidValue,
                    field.into(),
                    "expected a number from 1, found 0".into(),
                ));
            }
        }
        if raw.header_rows.is_some_and(|n| n > 3) {
            problems.push((
                ErrorKind::InvalidValue,
                "header_rows".into(),
                "a header of more than 3 rows is not supported".into(),
            ));
        }
        let v = &raw.values;
        for (cell, word) in &v.degree {
            match DegreeLevel::parse(word) {
                Some(level) => {
                    mapping.degree.insert(value_key(cell), level);
                }
                None => problems.push((
                    unknown(word, closest(word, degrees())),
                    format!("values.degree.{cell}"),
                    crate::model::unknown_word("degree", word, degrees()),
                )),
            }
        }
        for (cell, word) in &v.level {
            match LanguageLevel::parse(word) {
                Some(level) => {
                    mapping.level.insert(value_key(cell), level);
                }
                None => problems.push((
                    unknown(word, None),
                    format!("values.level.{cell}"),
                    format!("unknown level `{word}`, expected a CEFR level (A1 to C2) or a descriptor such as `fluent`"),
                )),
            }
        }
        for (cell, word) in &v.language {
            match Language::parse(word) {
                Some(language) => {
                    mapping.language.insert(value_key(cell), language);
                }
                None => problems.push((
                    unknown(word, None),
                    format!("values.language.{cell}"),
                    format!("unknown language `{word}`, expected an ISO 639 code or a name"),
                )),
            }
        }
        for (cell, word) in &v.country {
            match Country::parse(word) {
                Some(country) => {
                    mapping.country.insert(value_key(cell), country);
                }
                None => problems.push((
                    unknown(word, None),
                    format!("values.country.{cell}"),
                    format!("unknown country `{word}`, expected an ISO 3166 code or a name"),
                )),
            }
        }
        for (cell, yes) in &v.boolean {
            mapping.boolean.insert(value_key(cell), *yes);
        }
        for (cell, status) in &v.status {
            mapping.status.insert(value_key(cell), *status);
        }
        for (i, a) in raw.work_authorizations.iter().enumerate() {
            match Country::parse(&a.country) {
                Some(c) => mapping.countries.push(c),
                None => problems.push((
                    unknown(&a.country, None),
                    format!("work_authorizations[{i}].country"),
                    format!(
                        "unknown country `{}`, expected an ISO 3166 code or a name",
                        a.country
                    ),
                )),
            }
        }
        for (i, l) in raw.languages.iter().enumerate() {
            let forms = [l.code.is_some(), l.language.is_some(), l.list.is_some()];
            if forms.iter().filter(|x| **x).count() != 1 {
                problems.push((
                    ErrorKind::CrossField,
                    format!("languages[{i}]"),
                    "expected exactly one of `code`, `language` or `list`".into(),
                ));
            }
            if l.list.is_some() && l.level.is_some() {
                problems.push((
                    ErrorKind::CrossField,
                    format!("languages[{i}].level"),
                    "a `list` of languages has no level column".into(),
                ));
            }
            let fixed = match &l.code {
                Some(code) => {
                    let found = Language::parse(code);
                    if found.is_none() {
                        problems.push((
                            unknown(code, None),
                            format!("languages[{i}].code"),
                            format!(
                                "unknown language `{code}`, expected an ISO 639 code or a name"
                            ),
                        ));
                    }
                    found
                }
                None => None,
            };
            mapping.fixed_languages.push(fixed);
        }
        for (i, e) in raw.experience.iter().enumerate() {
            match (&e.start, &e.declared_years) {
                (Some(_), Some(_)) => problems.push((
                    ErrorKind::CrossField,
                    format!("experience[{i}]"),
                    "expected `start` or `declared_years`, not both".into(),
                )),
                (None, None) => problems.push((
                    missing("start"),
                    format!("experience[{i}]"),
                    "expected `start` (a dated job) or `declared_years` (years without dates)"
                        .into(),
                )),
                (None, Some(_)) if e.end.is_some() => problems.push((
                    ErrorKind::CrossField,
                    format!("experience[{i}].end"),
                    "declared years have no `end` column: they end on the export date".into(),
                )),
                _ => {}
            }
        }
        for (i, e) in raw.experience.iter().enumerate() {
            for (j, name) in e.fixed_domains.iter().enumerate() {
                let path = format!("experience[{i}].fixed_domains[{j}]");
                let (line, column) = crate::load::locate(text, &path).unzip();
                mapping.domain_places.push(DomainPlace {
                    file: None,
                    name: name.clone(),
                    path,
                    line,
                    column,
                });
            }
        }
        if problems.is_empty() {
            mapping.raw = raw;
            return Ok(mapping);
        }
        let errors = problems
            .into_iter()
            .map(|(kind, path, message)| {
                let (line, column) = crate::load::locate(text, &path).unzip();
                Error::new(
                    kind,
                    Location {
                        file: None,
                        line,
                        column,
                        path: Some(path),
                    },
                    message,
                )
            })
            .collect();
        Err(Error::many(errors))
    }

    /// Every column header the mapping names, in the order of the file,
    /// without repeats.
    ///
    /// # Example
    /// ```
    /// let m = vacancy_match::Mapping::from_yaml_str("id: ID\nname: Name\nskills: { column: Skills, split: ',' }\n")?;
    /// assert_eq!(m.columns(), ["ID", "Name", "Skills"]);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn columns(&self) -> Vec<&str> {
        let r = &self.raw;
        let mut out: Vec<&str> = Vec::new();
        fn add<'a>(out: &mut Vec<&'a str>, c: Option<&'a str>) {
            if let Some(c) = c {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        add(&mut out, r.skip_rows.as_ref().map(|s| s.column.as_str()));
        add(&mut out, r.id.as_deref());
        add(&mut out, r.name.as_deref());
        add(&mut out, r.nationalities.as_ref().map(ListColumn::column));
        add(&mut out, r.staff_of.as_ref().map(ListColumn::column));
        add(&mut out, r.affiliate_of.as_ref().map(ListColumn::column));
        for a in &r.work_authorizations {
            add(&mut out, Some(&a.column));
            add(&mut out, a.valid_until.as_deref());
        }
        for d in &r.education {
            add(&mut out, Some(&d.degree));
            add(&mut out, d.field.as_deref());
            add(&mut out, d.institution.as_deref());
            add(&mut out, d.completed.as_deref());
            add(&mut out, d.accredited.as_deref());
        }
        for e in &r.experience {
            add(&mut out, e.title.as_deref());
            add(&mut out, e.organization.as_deref());
            add(&mut out, e.country.as_deref());
            add(&mut out, e.domains.as_ref().map(ListColumn::column));
            add(&mut out, e.start.as_deref());
            add(&mut out, e.end.as_deref());
            add(&mut out, e.declared_years.as_deref());
        }
        for l in &r.languages {
            add(&mut out, l.language.as_deref());
            add(&mut out, l.level.as_deref());
            add(&mut out, l.list.as_ref().map(ListColumn::column));
        }
        add(&mut out, r.certifications.as_ref().map(ListColumn::column));
        add(&mut out, r.skills.as_ref().map(ListColumn::column));
        for c in r.attestations.values() {
            add(&mut out, Some(c));
        }
        out
    }

    /// The export date the mapping states, if any.
    ///
    /// # Example
    /// ```
    /// let m = vacancy_match::Mapping::from_yaml_str("export_date: 2025-10-01")?;
    /// assert_eq!(m.export_date().map(|d| d.to_string()).as_deref(), Some("2025-10-01"));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn export_date(&self) -> Option<chrono::NaiveDate> {
        self.export_date
    }

    /// Checks the mapping's `fixed_domains` against a rule set's
    /// vocabulary: a name it does not know (`protección`, where it has
    /// `refugee protection`) matches no requirement, so every year
    /// declared with it would only be "relevance to verify".
    ///
    /// # Errors
    /// Every `fixed_domains` name the vocabulary lacks, located by line,
    /// column and field path, with the vocabulary's domains that are
    /// closest or that hold its words suggested.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Mapping, Vocabulary};
    /// let m = Mapping::from_yaml_str("experience:\n  - { declared_years: Years, fixed_domains: [protección] }\n")?;
    /// let err = m.check_domains(&Vocabulary::bundled()).unwrap_err();
    /// assert!(err.to_string().starts_with("line 2:5: experience[0].fixed_domains[0]: unknown domain `protección`, did you mean one of `refugee protection`"));
    /// let m = Mapping::from_yaml_str("experience:\n  - { declared_years: Years, fixed_domains: [asilo] }\n")?;
    /// m.check_domains(&Vocabulary::bundled())?; // an alias of refugee protection
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn check_domains(&self, vocabulary: &crate::Vocabulary) -> Result<(), Error> {
        use crate::Category;
        let names = vocabulary.names(Category::Domain);
        let errors: Vec<Error> = self
            .domain_places
            .iter()
            .filter(|p| vocabulary.canonical(Category::Domain, &p.name).is_none())
            .map(|p| {
                let suggestions = domain_suggestions(vocabulary, &names, &p.name);
                let message = match suggestions.as_slice() {
                    [] => format!(
                        "unknown domain `{}`: the rule set's vocabulary has no such area, so every year declared with it would be to verify",
                        p.name
                    ),
                    [one] => format!("unknown domain `{}`, did you mean `{one}`?", p.name),
                    many => format!(
                        "unknown domain `{}`, did you mean one of {}?",
                        p.name,
                        many.iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                Error::new(
                    ErrorKind::UnknownName {
                        name: p.name.clone(),
                        suggestion: suggestions.first().map(|s| (*s).to_string()),
                    },
                    Location {
                        file: p.file.clone(),
                        line: p.line,
                        column: p.column,
                        path: Some(p.path.clone()),
                    },
                    message,
                )
            })
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Error::many(errors))
        }
    }

    /// Whether some column holds years of experience without dates.
    pub(crate) fn declares_years(&self) -> bool {
        self.raw
            .experience
            .iter()
            .any(|e| e.declared_years.is_some())
    }
}

/// The vocabulary's domains `word` may mean: the closest name, then those
/// with a name or alias holding every word of it (`protección` → `refugee
/// protection`, whose aliases have `protección de refugiados`), at most 5.
pub(crate) fn domain_suggestions<'v>(
    vocabulary: &'v crate::Vocabulary,
    names: &[&'v str],
    word: &str,
) -> Vec<&'v str> {
    let mut out: Vec<&'v str> = Vec::new();
    if let Some(best) = crate::matching::closest(word, names.iter().copied()) {
        out.push(best);
    }
    let wanted = crate::matching::normalize(word);
    let wanted: Vec<&str> = wanted.split_whitespace().collect();
    if !wanted.is_empty() {
        for (i, name) in names.iter().enumerate() {
            let holds = vocabulary
                .forms(crate::Category::Domain, Some(i))
                .iter()
                .any(|f| {
                    let words: Vec<&str> = f.norm.split_whitespace().collect();
                    wanted.iter().all(|w| words.contains(w))
                });
            if holds && !out.contains(name) {
                out.push(name);
            }
        }
    }
    out.truncate(5);
    out
}

/// Whether `text` is a numeric date whose day and month could be read
/// either way (`04/01/2017`): both 12 or less, and different.
pub(crate) fn order_is_ambiguous(text: &str) -> bool {
    matches!(slash_parts(text), Some((a, b)) if a != b && a <= 12 && b <= 12)
}

/// The first two numbers of a numeric date of three parts with a
/// four-digit year last (`25/03/2019`, `3.25.2019`).
pub(crate) fn slash_parts(text: &str) -> Option<(u32, u32)> {
    let parts: Vec<&str> = text.trim().split(['/', '.', '-']).map(str::trim).collect();
    let num = |p: &str| -> Option<u32> {
        (!p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [a, b, y] if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            Some((num(a)?, num(b)?))
        }
        _ => None,
    }
}

/// A date read from text in one of the forms people type, or `None`.
/// `order` decides `03/04/2019`; without it, a day above 12 tells the
/// order (`25/03/2019`, `03/25/2019`) and a date it cannot tell
/// (`03/04/2019`) is `None`.
pub(crate) fn date_from_text(text: &str, order: Option<SlashDates>) -> Option<PartialDate> {
    let t = text.trim();
    if let Ok(d) = t.parse::<PartialDate>() {
        return Some(d);
    }
    // An ISO date and time ("2019-03-15T00:00:00").
    if let Some((date, _)) = t.split_once('T') {
        if let Ok(d) = date.parse::<PartialDate>() {
            return Some(d);
        }
    }
    let parts: Vec<&str> = t
        .split(|c: char| c == '/' || c == '.' || c == '-' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let num = |p: &str| -> Option<u32> {
        (p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let ymd = |y: u32, m: u32, d: Option<u32>| -> Option<PartialDate> {
        let text = match d {
            Some(d) => format!("{y:04}-{m:02}-{d:02}"),
            None => format!("{y:04}-{m:02}"),
        };
        text.parse().ok()
    };
    match parts.as_slice() {
        [a, b, c] => {
            let (a_n, c_n) = (num(a), num(c));
            if let Some(m) = month_name(b) {
                // 15 marzo 2019, 15-Mar-2019
                return ymd(c_n?, m, Some(a_n?));
            }
            let (a_n, b_n, c_n) = (a_n?, num(b)?, c_n?);
            if c.len() == 4 {
                let (d, m) = match order {
                    Some(SlashDates::DayFirst) => (a_n, b_n),
                    Some(SlashDates::MonthFirst) => (b_n, a_n),
                    None if a_n > 12 || a_n == b_n => (a_n, b_n),
                    None if b_n > 12 => (b_n, a_n),
                    None => return None,
                };
                ymd(c_n, m, Some(d))
            } else {
                None
            }
        }
        [a, b] => {
            // 03/2019, marzo 2019, Mar-2019, 2019-3
            let year = num(b).filter(|_| b.len() == 4);
            let month = month_name(a).or_else(|| num(a).filter(|m| (1..=12).contains(m)));
            match (month, year) {
                (Some(m), Some(y)) => ymd(y, m, None),
                _ => {
                    let y = num(a).filter(|_| a.len() == 4)?;
                    ymd(y, num(b)?, None)
                }
            }
        }
        _ => None,
    }
}

/// A month by its English or Spanish name or abbreviation.
fn month_name(word: &str) -> Option<u32> {
    const NAMES: [(&str, &str); 12] = [
        ("january", "enero"),
        ("february", "febrero"),
        ("march", "marzo"),
        ("april", "abril"),
        ("may", "mayo"),
        ("june", "junio"),
        ("july", "julio"),
        ("august", "agosto"),
        ("september", "septiembre"),
        ("october", "octubre"),
        ("november", "noviembre"),
        ("december", "diciembre"),
    ];
    let w = crate::matching::key(word);
    if w.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .zip(1..)
        .find(|((en, es), _)| {
            en.starts_with(&w) || es.starts_with(&w) || w == "set" && *es == "septiembre"
        })
        .map(|(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_people_type_are_read() {
        let d = |t: &str| date_from_text(t, Some(SlashDates::DayFirst)).map(|d| d.to_string());
        assert_eq!(d("15/03/2019").as_deref(), Some("2019-03-15"));
        assert_eq!(d("2019-03").as_deref(), Some("2019-03"));
        assert_eq!(d("03/2019").as_deref(), Some("2019-03"));
        assert_eq!(d("marzo 2019").as_deref(), Some("2019-03"));
        assert_eq!(d("Mar-2019").as_deref(), Some("2019-03"));
        assert_eq!(d("1 sept 2020").as_deref(), Some("2020-09-01"));
        assert_eq!(d("2019").as_deref(), Some("2019"));
        assert_eq!(d("2019-03-15T00:00:00").as_deref(), Some("2019-03-15"));
        assert_eq!(d("31/02/2019"), None);
        assert_eq!(d("soon"), None);
        // Unstated, the order is read only from a cell that tells it.
        let unstated = |t: &str| date_from_text(t, None).map(|d| d.to_string());
        assert_eq!(unstated("25/03/2019").as_deref(), Some("2019-03-25"));
        assert_eq!(unstated("03/25/2019").as_deref(), Some("2019-03-25"));
        assert_eq!(unstated("05.05.2019").as_deref(), Some("2019-05-05"));
        assert_eq!(unstated("4/1/2017"), None);
        assert!(order_is_ambiguous("4/1/2017"));
        assert!(!order_is_ambiguous("25/03/2019"));
        assert!(!order_is_ambiguous("2019-03-04"));
        assert!(!order_is_ambiguous("03/2019"));
        assert_eq!(
            date_from_text("03/15/2019", Some(SlashDates::MonthFirst))
                .map(|d| d.to_string())
                .as_deref(),
            Some("2019-03-15")
        );
    }
}
