//! A spreadsheet's cells, read by calamine (xlsx, xlsm, xls, ods) or by
//! csv, as one grid with the places people see (`Sheet1!F17`).

use std::path::Path;

use calamine::{Data, DataRef, Reader, Sheets};

use crate::error::{Error, ErrorKind, Location};

/// One cell's value, as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// An Excel serial date (days since 1899-12-30).
    Date(f64),
    /// A formula error (`#N/A`).
    Error(String),
}

impl Cell {
    /// The cell as text, for messages and digests.
    pub(crate) fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) | Cell::Error(t) => t.clone(),
            Cell::Number(n) | Cell::Date(n) => format_number(*n),
            Cell::Bool(b) => b.to_string(),
        }
    }

    /// Whether the cell says nothing: empty, or only white space.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// A number as a person reads it: `2015`, `3.5`.
pub(crate) fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

/// The cells of one sheet (or CSV file): `rows[r][c]` is the cell at the
/// 0-based row `r` and column `c` of the sheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    /// The file name, as errors name it.
    pub(crate) file: String,
    /// The sheet's name; `None` for CSV.
    pub(crate) sheet: Option<String>,
    pub(crate) rows: Vec<Vec<Cell>>,
}

impl Table {
    /// `Sheet1!F17` (or `F17` in a CSV file) for 0-based row and column.
    pub(crate) fn cell_ref(&self, row: usize, column: usize) -> String {
        let place = format!("{}{}", column_letters(column), row.saturating_add(1));
        match &self.sheet {
            Some(sheet) => format!("{}!{place}", sheet_name(sheet)),
            None => place,
        }
    }

    /// `Sheet1!17` (or `17`) for a 0-based row.
    pub(crate) fn row_ref(&self, row: usize) -> String {
        let place = row.saturating_add(1).to_string();
        match &self.sheet {
            Some(sheet) => format!("{}!{place}", sheet_name(sheet)),
            None => place,
        }
    }

    /// A located error in the file, at a cell or row reference: a value
    /// that is not valid.
    pub(crate) fn error(&self, place: &str, message: impl Into<String>) -> Error {
        self.error_of(ErrorKind::InvalidValue, place, message)
    }

    /// A located error of `kind` in the file, at a cell or row reference.
    pub(crate) fn error_of(
        &self,
        kind: ErrorKind,
        place: &str,
        message: impl Into<String>,
    ) -> Error {
        Error::new(
            kind,
            Location {
                file: Some(format!("{}:{place}", self.file)),
                line: None,
                column: None,
                path: None,
            },
            message,
        )
    }

    pub(crate) fn get(&self, row: usize, column: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .unwrap_or(&Cell::Empty)
    }
}

/// Most cells a sheet may hold, counted as they are laid out: each row as
/// long as its last cell, and one for every row (2^25, 100,000 rows of 335
/// columns). Repeated ods cells count each time.
pub(crate) const MAX_CELLS: usize = 1 << 25;
/// Most bytes of text all the cells of a sheet may hold together (1 GiB).
pub(crate) const MAX_TEXT_BYTES: usize = 1 << 30;
/// Most bytes of text one cell may hold: as much as a whole profile
/// (`Limits::max_bytes`, 1 MiB), so no row makes a profile that `check`
/// and `screen` would refuse.
pub(crate) const MAX_CELL_BYTES: usize = 1 << 20;

/// A table being filled a cell at a time, in any order, within
/// [`MAX_CELLS`], [`MAX_TEXT_BYTES`] and [`MAX_CELL_BYTES`]: each limit is
/// checked before the cell is copied or its row grown.
pub(crate) struct Grid {
    table: Table,
    cells: usize,
    text: usize,
    /// The row last put into.
    last_row: usize,
}

impl Grid {
    pub(crate) fn new(file: String, sheet: Option<String>) -> Grid {
        Grid {
            table: Table {
                file,
                sheet,
                rows: Vec::new(),
            },
            cells: 0,
            text: 0,
            last_row: 0,
        }
    }

    /// Puts the cell that `make` copies, of `text` bytes, at 0-based `row`
    /// and `column`.
    pub(crate) fn put(
        &mut self,
        row: usize,
        column: usize,
        text: usize,
        make: impl FnOnce() -> Cell,
    ) -> Result<(), Error> {
        if text > MAX_CELL_BYTES {
            return Err(self.too_large(
                row,
                column,
                MAX_CELL_BYTES,
                format!("cell of {text} bytes is larger than the limit of {MAX_CELL_BYTES} bytes"),
            ));
        }
        let new_rows = row.saturating_add(1).saturating_sub(self.table.rows.len());
        let width = self.table.rows.get(row).map_or(0, Vec::len);
        let new_cells = column.saturating_add(1).saturating_sub(width);
        let cells = self
            .cells
            .saturating_add(new_rows)
            .saturating_add(new_cells);
        if cells > MAX_CELLS {
            return Err(self.too_large(
                row,
                column,
                MAX_CELLS,
                format!(
                    "the sheet is larger than the limit of {MAX_CELLS} cells (rows up to their last cell, from A1)"
                ),
            ));
        }
        let text_total = self.text.saturating_add(text);
        if text_total > MAX_TEXT_BYTES {
            return Err(self.too_large(
                row,
                column,
                MAX_TEXT_BYTES,
                format!(
                    "the sheet's cells hold more than the limit of {MAX_TEXT_BYTES} bytes of text"
                ),
            ));
        }
        self.cells = cells;
        self.text = text_total;
        if new_rows > 0 {
            self.table.rows.resize_with(row.saturating_add(1), Vec::new);
        }
        // A new row is given the room of the row before it, exactly:
        // rows of an export are alike, and growing each by doubling costs
        // a tenth more memory.
        let room = self.table.rows.get(self.last_row).map_or(0, Vec::len);
        if let Some(cells) = self.table.rows.get_mut(row) {
            if cells.capacity() == 0 {
                cells.reserve_exact(room.max(column.saturating_add(1)));
            }
            if new_cells > 0 {
                cells.resize(column.saturating_add(1), Cell::Empty);
            }
            if let Some(slot) = cells.get_mut(column) {
                *slot = make();
            }
        }
        self.last_row = row;
        Ok(())
    }

    /// Puts a cell as calamine's cell readers give it.
    fn put_ref(&mut self, row: usize, column: usize, data: &DataRef<'_>) -> Result<(), Error> {
        let text = match data {
            DataRef::Empty => return Ok(()),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
            DataRef::SharedString(s) => s.len(),
            _ => 0,
        };
        self.put(row, column, text, || match data {
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                Cell::Text(s.clone())
            }
            DataRef::SharedString(s) => Cell::Text((*s).to_string()),
            DataRef::Int(i) => Cell::Number(*i as f64),
            DataRef::Float(f) => Cell::Number(*f),
            DataRef::Bool(b) => Cell::Bool(*b),
            DataRef::DateTime(d) => Cell::Date(d.as_f64()),
            DataRef::Error(e) => Cell::Error(e.to_string()),
            DataRef::Empty => Cell::Empty,
        })
    }

    fn too_large(&self, row: usize, column: usize, limit: usize, message: String) -> Error {
        let place = self.table.cell_ref(row, column);
        self.table
            .error_of(ErrorKind::TooLarge { limit: Some(limit) }, &place, message)
    }

    /// The table, its rows without trailing blank cells, and at least
    /// `rows` rows.
    pub(crate) fn finish(mut self, rows: usize) -> Table {
        for cells in &mut self.table.rows {
            while cells.last().is_some_and(Cell::is_blank) {
                cells.pop();
            }
        }
        if self.table.rows.len() < rows {
            self.table.rows.resize_with(rows, Vec::new);
        }
        self.table
    }
}

/// A sheet name as a spreadsheet formula writes it: quoted when it holds
/// anything but letters, digits and `_`.
fn sheet_name(name: &str) -> String {
    if name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// `A`, `Z`, `AA` for 0, 25, 26.
pub(crate) fn column_letters(column: usize) -> String {
    let mut n = column.saturating_add(1);
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n.saturating_sub(1)) % 26;
        letters.push(char::from(
            b'A'.saturating_add(u8::try_from(rem).unwrap_or(0)),
        ));
        n = (n.saturating_sub(1)) / 26;
    }
    letters.iter().rev().collect()
}

/// The kinds of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Csv,
    Workbook,
}

/// What a file's name says it is, or why it cannot be read.
pub(crate) fn kind_of(path: &Path) -> Result<Kind, Error> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv" | "tsv" | "txt") => Ok(Kind::Csv),
        Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods") => Ok(Kind::Workbook),
        _ => Err(Error::new(
            ErrorKind::UnknownName {
                name: ext.unwrap_or_default(),
                suggestion: None,
            },
            Location {
                file: Some(path.display().to_string()),
                ..Location::default()
            },
            "unknown spreadsheet type, expected a file ending in .xlsx, .ods, .xls or .csv",
        )),
    }
}

/// Reads one sheet of a workbook: `sheet`, or the first.
pub(crate) fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Table, Error> {
    let file = path.display().to_string();
    let located = |kind: ErrorKind, message: String| {
        Error::new(
            kind,
            Location {
                file: Some(file.clone()),
                ..Location::default()
            },
            message,
        )
    };
    super::parts::check(path)?;
    let mut book = calamine::open_workbook_auto(path).map_err(|e| match e {
        calamine::Error::Io(io) => Error::io(path, io),
        other => located(
            ErrorKind::Syntax,
            format!("cannot read the workbook: {other}"),
        ),
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| {
                names
                    .iter()
                    .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
            })
            .cloned()
            .ok_or_else(|| {
                let best = crate::matching::closest(wanted, names.iter().map(String::as_str));
                let message = match best {
                    Some(best) => format!("no sheet `{wanted}`, did you mean `{best}`?"),
                    None => format!("no sheet `{wanted}`, expected one of {}", names.join(", ")),
                };
                let kind = ErrorKind::UnknownName {
                    name: wanted.to_string(),
                    suggestion: best.map(str::to_string),
                };
                located(kind, message)
            })?,
        None => names.first().cloned().ok_or_else(|| {
            located(
                ErrorKind::InvalidValue,
                "the workbook has no sheet".to_string(),
            )
        })?,
    };
    let mut grid = Grid::new(file.clone(), Some(name.clone()));
    let unreadable = |e: &dyn std::fmt::Display| {
        located(
            ErrorKind::Syntax,
            format!("cannot read sheet `{name}`: {e}"),
        )
    };
    // xlsx and xlsb are read a cell at a time, into rows as long as their
    // last cell: calamine's `worksheet_range` would lay out every cell of
    // the used range, 17 billion for one cell at XFD1048576.
    match &mut book {
        Sheets::Xlsx(xlsx) => {
            let mut cells = xlsx
                .worksheet_cells_reader(&name)
                .map_err(|e| unreadable(&e))?;
            while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
                let (row, column) = cell.get_position();
                grid.put_ref(row as usize, column as usize, cell.get_value())?;
            }
        }
        Sheets::Xlsb(xlsb) => {
            let mut cells = xlsb
                .worksheet_cells_reader(&name)
                .map_err(|e| unreadable(&e))?;
            while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
                let (row, column) = cell.get_position();
                grid.put_ref(row as usize, column as usize, cell.get_value())?;
            }
        }
        // ods is laid out by calamine when the file is opened, within
        // the limits `parts::check_ods` checked first; xls holds at most
        // 65,536 rows of 256 columns.
        book => {
            let range = book.worksheet_range(&name).map_err(|e| unreadable(&e))?;
            let (top, left) = range.start().unwrap_or((0, 0));
            for (row, column, data) in range.used_cells() {
                let (row, column) = (
                    row.saturating_add(top as usize),
                    column.saturating_add(left as usize),
                );
                grid.put(row, column, text_len(data), || cell_of(data))?;
            }
        }
    }
    Ok(grid.finish(0))
}

/// The bytes of text a cell holds, before it is copied.
fn text_len(data: &Data) -> usize {
    match data {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.len(),
        _ => 0,
    }
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => Cell::Date(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// Reads CSV text: the delimiter is `;` when the first line has more `;`
/// than `,` (as spreadsheets in Spanish write it), else `,`.
pub(crate) fn read_csv(file: &str, bytes: &[u8]) -> Result<Table, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first.iter().filter(|b| **b == c).count();
    let delimiter = if count(b';') > count(b',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut grid = Grid::new(file.to_string(), None);
    // The 0-based row of the next record.
    let mut row = 0_usize;
    for record in reader.byte_records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line());
            Error::new(
                ErrorKind::Syntax,
                Location {
                    file: Some(file.to_string()),
                    line: line.and_then(|l| usize::try_from(l).ok()),
                    ..Location::default()
                },
                format!("cannot read the CSV record: {e}"),
            )
        })?;
        // csv skips blank lines, which a spreadsheet shows as empty rows:
        // the record's position is where they start.
        let start = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(0);
        // A record that ends in `\r\n` is taken to end at its `\r`, so the
        // next one may start at that `\n`: it ends the record, not a row.
        let ends_previous = start
            .checked_sub(1)
            .is_some_and(|at| bytes.get(at) == Some(&b'\r') && bytes.get(start) == Some(&b'\n'));
        let blank = bytes
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| **b == b'\n' || **b == b'\r')
            .filter(|b| **b == b'\n')
            .count()
            .saturating_sub(usize::from(ends_previous));
        row = row.saturating_add(blank);
        let line = record
            .position()
            .map_or(0, |p| p.line().saturating_add(blank as u64));
        // Text that is not UTF-8 is not well-formed CSV.
        let at = |message: String| {
            Error::new(
                ErrorKind::Syntax,
                Location {
                    file: Some(file.to_string()),
                    line: usize::try_from(line).ok(),
                    ..Location::default()
                },
                message,
            )
        };
        for (column, field) in record.iter().enumerate() {
            let text = std::str::from_utf8(field).map_err(|e| {
                at(format!(
                    "invalid UTF-8 at byte {} of a cell, expected text (save the CSV as UTF-8)",
                    e.valid_up_to()
                ))
            })?;
            if !text.trim().is_empty() {
                grid.put(row, column, text.len(), || Cell::Text(text.to_string()))?;
            }
        }
        row = row.saturating_add(1);
    }
    Ok(grid.finish(row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn semicolon_csv_is_read_and_cells_are_placed() {
        let t = read_csv(
            "a.csv",
            "ID;Name\n1;\"Ana; López\"\n\n2;\"Bea\nBel\"\n3;C\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(t.rows[1][1], Cell::Text("Ana; López".into()));
        // A blank line is a blank row; a cell of two lines is one row.
        assert!(t.rows[2].is_empty());
        assert_eq!(t.rows[3][1], Cell::Text("Bea\nBel".into()));
        assert_eq!(t.rows[4][1], Cell::Text("C".into()));
        assert_eq!(t.cell_ref(1, 1), "B2");
        let sheet = Table {
            sheet: Some("Form responses".into()),
            ..t
        };
        assert_eq!(sheet.cell_ref(16, 5), "'Form responses'!F17");
    }

    #[test]
    fn windows_line_ends_make_the_same_rows() {
        let unix = "Name,Level\nAna,C1\n\nLuis,\"Q\n9\"\nRosa,B2\n";
        let windows = unix.replace('\n', "\r\n");
        let rows = |text: &str| read_csv("a.csv", text.as_bytes()).map(|t| t.rows);
        let expected = rows(unix).unwrap();
        assert_eq!(expected.len(), 5);
        assert!(expected[2].is_empty(), "the blank line is a blank row");
        assert_eq!(expected[4][0], Cell::Text("Rosa".into()));
        let windows_rows = rows(&windows).unwrap();
        assert_eq!(windows_rows.len(), 5, "{windows_rows:?}");
        assert_eq!(windows_rows[4][0], Cell::Text("Rosa".into()));
        assert_eq!(windows_rows[3][1], Cell::Text("Q\r\n9".into()));
    }
}
