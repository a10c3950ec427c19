//! Reading an export with a mapping: the [`Importer`].

use std::path::Path;

use chrono::NaiveDate;

use super::mapping::{self, Mapping};
use super::{row, table};
use crate::error::{Error, ErrorKind, Location};
use crate::Candidate;

/// One applicant read from a row of an export.
///
/// # Example
/// ```
/// use vacancy_match::{Importer, Mapping};
/// let mapping = Mapping::from_yaml_str("id: ID\nlanguages:\n  - { code: en, level: English }\n")?;
/// let csv = "ID,English\nA-1,Fluent\nA-2,Fluidísimo\n";
/// let import = Importer::new(&mapping).read_csv("form.csv", csv.as_bytes())?;
/// let [ana, bea] = &import.applicants[..] else { panic!() };
/// assert_eq!(ana.source, "form.csv:2");
/// assert!(ana.problems.is_empty());
/// assert_eq!(bea.problems[0].to_string(), "form.csv:B3: unknown level `Fluidísimo` in column `English`, did you mean `fluido`?");
/// assert!(bea.candidate.languages.is_none()); // unreadable: not stated
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug)]
pub struct Applicant {
    /// Where the row is: `applicants.xlsx:Sheet1!17` (`form.csv:17`).
    pub source: String,
    /// The profile read from the row, without the cells that could not
    /// be read; its `provenance` names the cell of every entry.
    pub candidate: Candidate,
    /// Every cell of the row that could not be read, located; empty when
    /// the whole row was read.
    pub problems: Vec<Error>,
}

/// What reading an export gave: every applicant row, in sheet order, and
/// the rows skipped as the mapping says (a total row).
///
/// # Example
/// ```
/// use vacancy_match::{Importer, Mapping};
/// let mapping = Mapping::from_yaml_str("name: Name\nskip_rows: { column: Name, values: [Total] }\n")?;
/// let import = Importer::new(&mapping).read_csv("f.csv", b"Name\nAna\n\nTotal\n")?;
/// assert_eq!(import.applicants.len(), 1);
/// assert_eq!(import.skipped, ["f.csv:4"]);
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug)]
pub struct Import {
    /// One per row that is not blank and not skipped.
    pub applicants: Vec<Applicant>,
    /// The rows skipped by the mapping's `skip_rows`, as `file:row`.
    pub skipped: Vec<String>,
}

/// Reads spreadsheet exports with a [`Mapping`]: xlsx, xlsm, xls, ods (by
/// calamine) and CSV (by csv, `,` or `;`).
///
/// Options are methods: [`Importer::export_date`] sets the date that
/// years declared without dates end on (else the mapping's
/// `export_date`).
///
/// # Example
/// ```
/// use vacancy_match::{Importer, Mapping};
/// let mapping = Mapping::from_path("examples/applicants/form.yaml")?;
/// let import = Importer::new(&mapping).read_path("examples/applicants/applicants.xlsx")?;
/// assert!(import.applicants.len() >= 200);
/// let first = &import.applicants[0];
/// assert_eq!(first.source, "examples/applicants/applicants.xlsx:Respuestas!3");
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Importer<'m> {
    mapping: &'m Mapping,
    export_date: Option<NaiveDate>,
    threads: usize,
}

/// Largest spreadsheet file accepted: far above any form export.
const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

impl<'m> Importer<'m> {
    /// An importer with `mapping`.
    ///
    /// # Example
    /// ```
    /// let m = vacancy_match::Mapping::from_yaml_str("id: ID")?;
    /// let _ = vacancy_match::Importer::new(&m);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn new(mapping: &'m Mapping) -> Importer<'m> {
        Importer {
            mapping,
            export_date: mapping.export_date(),
            threads: 1,
        }
    }

    /// Reads rows on `threads` threads (default 1). The applicants are the
    /// same, in the same order, whatever the number.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Importer, Mapping};
    /// let m = Mapping::from_path("examples/applicants/form.yaml")?;
    /// let one = Importer::new(&m).read_path("examples/applicants/applicants.csv")?;
    /// let four = Importer::new(&m).threads(4).read_path("examples/applicants/applicants.csv")?;
    /// assert!(one.applicants.iter().zip(&four.applicants).all(|(a, b)| a.candidate == b.candidate));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn threads(mut self, threads: usize) -> Importer<'m> {
        self.threads = threads.max(1);
        self
    }

    /// The date of the export: years declared without dates are read as a
    /// period ending on it. Overrides the mapping's `export_date`.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Importer, Mapping};
    /// let m = Mapping::from_yaml_str("experience:\n  - { declared_years: Years, fixed_domains: [protection] }\n")?;
    /// let err = Importer::new(&m).read_csv("f.csv", b"Years\n4\n").unwrap_err();
    /// assert!(err.to_string().contains("needs the export date"));
    /// let import = Importer::new(&m).export_date("2025-10-01".parse().unwrap()).read_csv("f.csv", b"Years\n4\n")?;
    /// let period = &import.applicants[0].candidate.experience.as_ref().unwrap()[0];
    /// assert_eq!(period.declared_years, Some(4.0));
    /// assert_eq!(period.start.to_string(), "2021-10-02");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn export_date(mut self, date: NaiveDate) -> Importer<'m> {
        self.export_date = Some(date);
        self
    }

    /// Reads a spreadsheet file: CSV for `.csv`, else a workbook (the
    /// mapping's `sheet`, or the first).
    ///
    /// # Errors
    /// An unreadable file or one of an unknown type, a missing sheet,
    /// columns the mapping names that the header lacks (each with the
    /// closest header), declared years without an export date. Problems
    /// of single cells are not errors here: they are in each
    /// [`Applicant::problems`].
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Importer, Mapping};
    /// let m = Mapping::from_yaml_str("name: Nombre")?;
    /// let err = Importer::new(&m).read_path("examples/applicants/applicants.csv").unwrap_err();
    /// assert_eq!(err.to_string(), "examples/applicants/applicants.csv:1: no column `Nombre` in the header, did you mean `Nombre completo`?");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn read_path(&self, path: impl AsRef<Path>) -> Result<Import, Error> {
        let path = path.as_ref();
        let kind = table::kind_of(path)?;
        let size = std::fs::metadata(path)
            .map_err(|e| Error::io(path, e))?
            .len();
        if size > MAX_FILE_BYTES {
            return Err(Error::new(
                ErrorKind::TooLarge {
                    limit: usize::try_from(MAX_FILE_BYTES).ok(),
                },
                Location {
                    file: Some(path.display().to_string()),
                    ..Location::default()
                },
                format!("file of {size} bytes is larger than the limit of {MAX_FILE_BYTES} bytes"),
            ));
        }
        let table = match kind {
            table::Kind::Csv => {
                let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
                table::read_csv(&path.display().to_string(), &bytes)?
            }
            table::Kind::Workbook => table::read_workbook(path, self.mapping.raw.sheet.as_deref())?,
        };
        self.read_table(&table)
    }

    /// Reads CSV bytes named `name` (for messages).
    ///
    /// # Errors
    /// As [`Importer::read_path`]; text that is not UTF-8.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Importer, Mapping};
    /// let m = Mapping::from_yaml_str("nationalities: Nationality\nvalues:\n  country: { Mexicana: MX }\n")?;
    /// let import = Importer::new(&m).read_csv("f.csv", "Nationality\nMexicana; Guatemala\n".as_bytes())?;
    /// let c = &import.applicants[0].candidate;
    /// let codes: Vec<&str> = c.nationalities.as_ref().unwrap().iter().map(|n| n.code()).collect();
    /// assert_eq!(codes, ["MX", "GT"]);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn read_csv(&self, name: &str, bytes: &[u8]) -> Result<Import, Error> {
        let table = table::read_csv(name, bytes)?;
        self.read_table(&table)
    }

    fn read_table(&self, table: &table::Table) -> Result<Import, Error> {
        let raw = &self.mapping.raw;
        let header_row = raw.header_row.unwrap_or(1).saturating_sub(1) as usize;
        let header_rows = raw.header_rows.unwrap_or(1).max(1) as usize;
        let names = row::header_names(table, header_row, header_rows);
        let columns = row::Columns::find(self.mapping, table, &names, header_row)?;
        if self.mapping.declares_years() && self.export_date.is_none() {
            return Err(Error::new(
                ErrorKind::MissingField {
                    field: "export_date".to_string(),
                },
                Location {
                    file: Some(table.file.clone()),
                    ..Location::default()
                },
                "the mapping reads years of experience without dates, which needs the export date: set `export_date` in the mapping or give it (--export-date)",
            ));
        }
        let reader = row::RowReader {
            mapping: self.mapping,
            table,
            columns: &columns,
            export_date: self.export_date,
        };
        let skip = raw.skip_rows.as_ref().map(|s| {
            let values: Vec<String> = s.values.iter().map(|v| mapping::value_key(v)).collect();
            (columns.index(&s.column), values)
        });
        // The file's name only: the digest of a profile must not depend on
        // the folder the export was read from.
        let document = Path::new(&table.file)
            .file_name()
            .map_or_else(|| table.file.clone(), |n| n.to_string_lossy().into_owned());
        let mut import = Import {
            applicants: Vec::new(),
            skipped: Vec::new(),
        };
        let first = header_row.saturating_add(header_rows);
        let mut rows = Vec::new();
        for r in first..table.rows.len() {
            let cells = table.rows.get(r).map(Vec::as_slice).unwrap_or_default();
            if cells.iter().all(table::Cell::is_blank) {
                continue;
            }
            let source = format!("{}:{}", table.file, table.row_ref(r));
            if let Some((Some(column), values)) = &skip {
                let key = mapping::value_key(&table.get(r, *column).text());
                if values.contains(&key) {
                    import.skipped.push(source);
                    continue;
                }
            }
            rows.push((r, source));
        }
        let read = |rows: &[(usize, String)]| -> Vec<Applicant> {
            rows.iter()
                .map(|(r, source)| {
                    let read = reader.read(*r, &document);
                    Applicant {
                        source: source.clone(),
                        candidate: read.candidate,
                        problems: read.problems,
                    }
                })
                .collect()
        };
        if self.threads <= 1 || rows.len() < 256 {
            import.applicants = read(&rows);
        } else {
            let size = rows.len().div_ceil(self.threads);
            import.applicants = std::thread::scope(|scope| {
                let parts: Vec<_> = rows
                    .chunks(size)
                    .map(|part| scope.spawn(move || read(part)))
                    .collect();
                parts
                    .into_iter()
                    // A row is never dropped: a panic (there is none to
                    // expect) goes on to the caller.
                    .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            });
        }
        Ok(import)
    }
}
