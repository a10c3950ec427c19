//! Small inputs that would take gigabytes if read naively: refused with a
//! located error before the memory is spent, or read sparsely. Each file
//! is made here, a few kilobytes; no test times anything (the speed is
//! measured in README's figures), but each would need more memory than
//! a test machine has if the limit were not applied before allocating.

mod common;

use vacancy_match::{Candidate, ErrorKind, Mapping};

/// 3,000 aliases of a 100 KB string: 300 MB once expanded.
fn alias_flood() -> String {
    format!(
        "id: b8\nname: &n \"{}\"\nskills: [{}]\n",
        "A".repeat(100_000),
        vec!["*n"; 3000].join(",")
    )
}

#[test]
fn aliases_of_one_large_string_are_refused_in_profiles() {
    let err = Candidate::from_yaml_str(&alias_flood()).unwrap_err();
    assert!(matches!(
        err.kind(),
        ErrorKind::TooLarge {
            limit: Some(1_048_576)
        }
    ));
    assert_eq!(
        err.to_string(),
        "line 2:7: aliases expand past 1048576 bytes, the limit of the document's size, repeating the value here"
    );
}

#[test]
fn aliases_of_one_large_string_are_refused_in_mapping_files() {
    let text = format!(
        "id: &n \"{}\"\nname: ID\nvalues:\n  country: {{ {} }}\n",
        "A".repeat(100_000),
        (0..3000)
            .map(|i| format!("k{i}: *n"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let err = Mapping::from_yaml_str(&text).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::TooLarge { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("aliases expand past 1048576 bytes"),
        "{err}"
    );
}

#[test]
fn a_few_small_aliases_are_still_read() {
    let text = "id: a1\nskills: [&s Excel, *s, *s]\n";
    let candidate = Candidate::from_yaml_str(text).unwrap();
    assert_eq!(candidate.id.as_deref(), Some("a1"));
}

#[cfg(feature = "import")]
mod sheets {
    use std::io::Write;
    use std::path::Path;

    use vacancy_match::{ErrorKind, Importer, Mapping};

    use super::common::scratch;

    /// A zip of `parts`, deflated.
    fn zip(path: &Path, parts: &[(&str, &[u8])]) {
        let file = std::fs::File::create(path).unwrap();
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        for (name, bytes) in parts {
            zip.start_file(*name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
    }

    /// An xlsx of one sheet, `Sheet1`, whose `<sheetData>` is `rows`.
    fn xlsx(path: &Path, rows: &[u8]) {
        let mut sheet = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#.to_vec();
        sheet.extend_from_slice(rows);
        sheet.extend_from_slice(b"</sheetData></worksheet>");
        zip(
            path,
            &[
                ("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#),
                ("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
                ("xl/workbook.xml", br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
                ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
                ("xl/worksheets/sheet1.xml", &sheet),
            ],
        );
    }

    fn cell(place: &str, text: &str) -> String {
        format!(r#"<c r="{place}" t="inlineStr"><is><t>{text}</t></is></c>"#)
    }

    fn header() -> String {
        format!(
            r#"<row r="1">{}{}</row>"#,
            cell("A1", "ID"),
            cell("B1", "Name")
        )
    }

    fn mapping() -> Mapping {
        Mapping::from_yaml_str("id: ID\nname: Name\n").unwrap()
    }

    #[test]
    fn one_cell_at_the_sheets_far_corner_is_read_sparsely() {
        // Laid out from A1, 17 billion cells: 550 GB.
        let dir = scratch("limits-far");
        let path = dir.join("far.xlsx");
        let rows = format!(
            r#"{}<row r="2">{}{}</row><row r="1048576">{}</row>"#,
            header(),
            cell("A2", "a-1"),
            cell("B2", "Ana"),
            cell("XFD1048576", "x")
        );
        xlsx(&path, rows.as_bytes());
        let import = Importer::new(&mapping()).read_path(&path).unwrap();
        assert_eq!(import.applicants.len(), 2);
        assert_eq!(import.applicants[0].candidate.id.as_deref(), Some("a-1"));
        assert!(import.applicants[1]
            .source
            .ends_with("far.xlsx:Sheet1!1048576"));
    }

    #[test]
    fn rows_as_wide_as_the_sheet_are_refused_at_the_cell_past_the_limit() {
        // 3,000 rows to column XFD: 49 million cells, 1.5 GB laid out.
        let dir = scratch("limits-wide");
        let path = dir.join("wide.xlsx");
        let mut rows = header();
        for r in 2..3002 {
            rows.push_str(&format!(
                r#"<row r="{r}">{}</row>"#,
                cell(&format!("XFD{r}"), "x")
            ));
        }
        xlsx(&path, rows.as_bytes());
        let err = Importer::new(&mapping()).read_path(&path).unwrap_err();
        assert!(
            matches!(
                err.kind(),
                ErrorKind::TooLarge {
                    limit: Some(33_554_432)
                }
            ),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "{}:Sheet1!XFD2049: the sheet is larger than the limit of 33554432 cells (rows up to their last cell, from A1)",
                path.display()
            )
        );
    }

    #[test]
    fn a_cell_over_a_mebibyte_is_refused_where_it_is() {
        let dir = scratch("limits-cell");
        let path = dir.join("cell.xlsx");
        let rows = format!(
            r#"{}<row r="2">{}{}</row>"#,
            header(),
            cell("A2", "a-1"),
            cell("B2", &"A".repeat(2 << 20))
        );
        xlsx(&path, rows.as_bytes());
        let err = Importer::new(&mapping()).read_path(&path).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}:Sheet1!B2: cell of 2097152 bytes is larger than the limit of 1048576 bytes",
                path.display()
            )
        );
        // The same in CSV.
        let csv = format!("ID,Name\na-1,{}\n", "A".repeat(2 << 20));
        let err = Importer::new(&mapping())
            .read_csv("f.csv", csv.as_bytes())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.csv:B2: cell of 2097152 bytes is larger than the limit of 1048576 bytes"
        );
    }

    #[test]
    fn text_that_unpacks_past_the_cell_limit_is_refused_before_it_is_read() {
        // 64 MB of one cell's text in 64 KB of file: refused while the
        // part is unpacked, never held.
        let dir = scratch("limits-text");
        let path = dir.join("text.xlsx");
        let rows = format!(
            r#"{}<row r="2">{}{}</row>"#,
            header(),
            cell("A2", "a-1"),
            cell("B2", &"A".repeat(64 << 20))
        );
        xlsx(&path, rows.as_bytes());
        let err = Importer::new(&mapping()).read_path(&path).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::TooLarge { .. }), "{err}");
        assert!(
            err.to_string().contains(
                "part `xl/worksheets/sheet1.xml` holds more than 8388608 bytes of text in one piece from byte"
            ),
            "{err}"
        );
    }

    /// An ods whose one sheet has a header row, then `repeats` copies of
    /// a row of `width` text cells.
    fn ods(path: &Path, width: usize, repeats: usize) {
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Hoja1"><table:table-row><table:table-cell office:value-type="string"><text:p>ID</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Name</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="{repeats}"><table:table-cell office:value-type="string" table:number-columns-repeated="{width}"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        zip(
            path,
            &[
                ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
                ("META-INF/manifest.xml", br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#),
                ("content.xml", content.as_bytes()),
            ],
        );
    }

    #[test]
    fn repeated_ods_rows_are_counted_before_they_are_laid_out() {
        // 1,000 cells repeated in 90,000 rows: 90 million cells, 4 GB.
        let dir = scratch("limits-ods");
        let path = dir.join("rep.ods");
        ods(&path, 1000, 90_000);
        let err = Importer::new(&mapping()).read_path(&path).unwrap_err();
        assert!(
            matches!(
                err.kind(),
                ErrorKind::TooLarge {
                    limit: Some(33_554_432)
                }
            ),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "{}:Hoja1!A2: repeated rows and columns lay the sheet out in 90001000 cells, more than the limit of 33554432",
                path.display()
            )
        );
        // Repeats within the limits are read.
        ods(&path, 2, 300);
        let import = Importer::new(&mapping()).read_path(&path).unwrap();
        assert_eq!(import.applicants.len(), 300);
        assert_eq!(import.applicants[299].candidate.id.as_deref(), Some("x"));
    }
}
