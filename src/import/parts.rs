//! The parts of a zipped workbook (xlsx, xlsb, ods), checked before
//! calamine reads them: how much each unpacks to, and how much an ods
//! sheet's repeated rows and columns lay out.
//!
//! Layer 9 of 10, inside `import`: uses `error` and the limits of `table`.
//!
//! # Design
//! calamine reads a part whole into memory where it needs to (the shared
//! strings, an inline string, an ods sheet laid out cell by cell), and
//! trusts the sizes a zip declares. So a 1 MB file may unpack to 1 GB of
//! one cell's text, or repeat one row of 1,000 cells 90,000 times. Each
//! XML part is unpacked here once, through `Read::take`, into a small
//! buffer that is thrown away, and refused as soon as it passes a limit:
//! the work is bounded by the limits, not by what the file claims.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use super::table::{MAX_CELLS, MAX_CELL_BYTES, MAX_TEXT_BYTES};
use crate::error::{Error, ErrorKind, Location};

/// Most bytes an XML part of a workbook may unpack to (1 GiB): the sheet
/// of an export of 100,000 applicants with 30 columns is about 150 MB.
pub(crate) const MAX_PART_BYTES: u64 = 1 << 30;

/// Longest run of XML between two `<` (a cell's text, escaped, or a tag):
/// room for [`MAX_CELL_BYTES`] of text written with entities.
const MAX_XML_RUN: usize = 8 * MAX_CELL_BYTES;

fn error(path: &Path, limit: u64, message: String) -> Error {
    Error::new(
        ErrorKind::TooLarge {
            limit: usize::try_from(limit).ok(),
        },
        Location {
            file: Some(path.display().to_string()),
            ..Location::default()
        },
        message,
    )
}

/// Checks every XML part of the workbook at `path`, and the sheets of an
/// ods file. A file that is no zip (xls) or a part that cannot be
/// unpacked is left to calamine, which says what is wrong with it.
pub(crate) fn check(path: &Path) -> Result<(), Error> {
    let Ok(file) = File::open(path) else {
        return Ok(());
    };
    let Ok(mut zip) = zip::ZipArchive::new(BufReader::new(file)) else {
        return Ok(());
    };
    let mut ods = false;
    for index in 0..zip.len() {
        let Ok(part) = zip.by_index(index) else {
            continue;
        };
        let name = part.name().to_string();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        ods |= name == "content.xml";
        let declared = part.size();
        if declared > MAX_PART_BYTES {
            return Err(error(
                path,
                MAX_PART_BYTES,
                format!("part `{name}` unpacks to {declared} bytes, more than the limit of {MAX_PART_BYTES} bytes"),
            ));
        }
        scan(path, &name, part)?;
    }
    if ods {
        if let Ok(part) = zip.by_name("content.xml") {
            check_ods(path, BufReader::new(part.take(MAX_PART_BYTES)))?;
        }
    }
    Ok(())
}

/// Unpacks one part into a scratch buffer, refusing it past
/// [`MAX_PART_BYTES`] (whatever size the zip declared) or with a run of
/// more than [`MAX_XML_RUN`] bytes between two `<`.
fn scan(path: &Path, name: &str, part: impl Read) -> Result<(), Error> {
    let mut part = part.take(MAX_PART_BYTES.saturating_add(1));
    let mut buffer = vec![0_u8; 64 * 1024];
    let mut total: u64 = 0;
    // Bytes since the last `<`, and where they start.
    let mut run: usize = 0;
    let mut run_start: u64 = 0;
    loop {
        let read = match part.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            // A part that does not unpack: calamine says so.
            Err(_) => return Ok(()),
        };
        let chunk = buffer.get(..read).unwrap_or_default();
        let base = total;
        total = total.saturating_add(read as u64);
        if total > MAX_PART_BYTES {
            return Err(error(
                path,
                MAX_PART_BYTES,
                format!("part `{name}` unpacks to more than the limit of {MAX_PART_BYTES} bytes"),
            ));
        }
        let mut from = 0_usize;
        for at in chunk
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'<')
            .map(|(i, _)| i)
        {
            if run.saturating_add(at.saturating_sub(from)) > MAX_XML_RUN {
                break;
            }
            run = 0;
            from = at.saturating_add(1);
            run_start = base.saturating_add(from as u64);
        }
        run = run.saturating_add(chunk.len().saturating_sub(from));
        if run > MAX_XML_RUN {
            return Err(error(
                path,
                MAX_CELL_BYTES as u64,
                format!(
                    "part `{name}` holds more than {MAX_XML_RUN} bytes of text in one piece from byte {run_start}: a cell may hold at most {MAX_CELL_BYTES} bytes"
                ),
            ));
        }
    }
    Ok(())
}

/// The value of attribute `key` of `tag` as a count (1 when absent).
fn repeats(tag: &BytesStart<'_>, key: &[u8]) -> usize {
    tag.try_get_attribute(key)
        .ok()
        .flatten()
        .and_then(|a| std::str::from_utf8(&a.value).ok()?.trim().parse().ok())
        .unwrap_or(1)
}

/// How an ods sheet lays out once its repeated rows and columns are
/// copied, as calamine lays it out: every row up to the last one with a
/// value, each as wide as the widest, and every repeated cell's text
/// copied. Refused at the first row that takes it past [`MAX_CELLS`] or
/// [`MAX_TEXT_BYTES`], with all the file's sheets counted together
/// (calamine reads them all when the file is opened).
fn check_ods(path: &Path, content: impl std::io::BufRead) -> Result<(), Error> {
    let mut reader = quick_xml::Reader::from_reader(content);
    let mut buffer = Vec::new();
    // The cells and text of the sheets before this one.
    let mut done_cells: usize = 0;
    let mut text: usize = 0;
    let mut sheet = String::new();
    // This sheet: rows read, rows up to the last with a value, widest row.
    let (mut rows, mut used_rows, mut width) = (0_usize, 0_usize, 0_usize);
    // This row: its repeats, its columns so far, up to the last value,
    // and its text.
    let (mut row_repeats, mut column, mut row_width, mut row_text) = (1, 0_usize, 0_usize, 0_usize);
    // The cell open: its repeats and where it starts.
    let mut cell: Option<(usize, u64)> = None;
    loop {
        let start = reader.buffer_position();
        let event = match reader.read_event_into(&mut buffer) {
            Ok(event) => event,
            // Malformed XML: calamine says so.
            Err(_) => return Ok(()),
        };
        let open = matches!(event, Event::Start(_));
        match event {
            Event::Eof => return Ok(()),
            Event::Start(tag) if tag.name().as_ref() == b"table:table" => {
                sheet = tag
                    .try_get_attribute(b"table:name")
                    .ok()
                    .flatten()
                    .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                    .unwrap_or_default();
                (rows, used_rows, width) = (0, 0, 0);
            }
            Event::End(tag) if tag.name().as_ref() == b"table:table" => {
                done_cells = done_cells.saturating_add(used_rows.saturating_mul(width));
            }
            Event::Start(tag) if tag.name().as_ref() == b"table:table-row" => {
                row_repeats = repeats(&tag, b"table:number-rows-repeated");
                (column, row_width, row_text) = (0, 0, 0);
            }
            Event::Empty(tag) if tag.name().as_ref() == b"table:table-row" => {
                rows = rows.saturating_add(repeats(&tag, b"table:number-rows-repeated"));
            }
            Event::Start(tag) | Event::Empty(tag)
                if matches!(
                    tag.name().as_ref(),
                    b"table:table-cell" | b"table:covered-table-cell"
                ) =>
            {
                let n = repeats(&tag, b"table:number-columns-repeated");
                let valued = tag
                    .try_get_attribute(b"office:value-type")
                    .ok()
                    .flatten()
                    .is_some();
                if open {
                    cell = Some((n, start));
                } else if valued {
                    row_width = column.saturating_add(n);
                    row_text = row_text.saturating_add(
                        usize::try_from(reader.buffer_position().saturating_sub(start))
                            .unwrap_or(usize::MAX)
                            .saturating_mul(n),
                    );
                }
                column = column.saturating_add(n);
            }
            Event::End(tag)
                if matches!(
                    tag.name().as_ref(),
                    b"table:table-cell" | b"table:covered-table-cell"
                ) =>
            {
                if let Some((n, at)) = cell.take() {
                    // `column` already counts this cell's repeats.
                    row_width = column;
                    let bytes = usize::try_from(reader.buffer_position().saturating_sub(at))
                        .unwrap_or(usize::MAX);
                    row_text = row_text.saturating_add(bytes.saturating_mul(n));
                }
            }
            Event::End(tag) if tag.name().as_ref() == b"table:table-row" => {
                let first = rows;
                rows = rows.saturating_add(row_repeats);
                if row_width > 0 {
                    used_rows = rows;
                    width = width.max(row_width);
                    text = text.saturating_add(row_text.saturating_mul(row_repeats));
                    let cells = done_cells.saturating_add(used_rows.saturating_mul(width));
                    let place = |row: usize| {
                        let place =
                            format!("{}:{}!A{}", path.display(), sheet, row.saturating_add(1));
                        Location {
                            file: Some(place),
                            ..Location::default()
                        }
                    };
                    if cells > MAX_CELLS {
                        return Err(Error::new(
                            ErrorKind::TooLarge {
                                limit: Some(MAX_CELLS),
                            },
                            place(first),
                            format!(
                                "repeated rows and columns lay the sheet out in {cells} cells, more than the limit of {MAX_CELLS}"
                            ),
                        ));
                    }
                    if text > MAX_TEXT_BYTES {
                        return Err(Error::new(
                            ErrorKind::TooLarge {
                                limit: Some(MAX_TEXT_BYTES),
                            },
                            place(first),
                            format!(
                                "repeated rows and columns copy more than the limit of {MAX_TEXT_BYTES} bytes of text"
                            ),
                        ));
                    }
                }
            }
            _ => {}
        }
        buffer.clear();
    }
}
