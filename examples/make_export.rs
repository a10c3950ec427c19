//! Writes a realistic application-form export, as xlsx and CSV: the sample
//! in `examples/applicants/` and the large exports of the import bench.
//!
//! ```text
//! cargo run --example make_export -- examples/applicants        # 240 applicants
//! cargo run --release --example make_export -- /tmp/big 100000  # the bench's
//! ```
//!
//! The export is what HR offices get from a form tool: a sheet named
//! `Respuestas`, a two-row header (groups such as `Empleo 1` merged across
//! their columns above each column's own name), headers in Spanish and in
//! English, messy values (dates as Excel dates, serial numbers,
//! `15/03/2019`, `2019-03`, `marzo 2019`; levels as `Fluido`, `C1`,
//! `Avanzado`; blank cells), a blank row, a handful of cells that cannot be
//! read, and a stray total row at the end. The CSV holds the same cells as
//! a spreadsheet exports them (Excel dates as `dd/mm/yyyy`).
//!
//! Rows are deterministic: applicant `n` is the same whatever the count.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};

/// A cell of the export.
#[derive(Clone)]
enum Value {
    Empty,
    Text(String),
    Number(f64),
    /// An Excel date cell (year, month, day).
    Date(u16, u8, u8),
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

/// The header: (group, column). A column without a group spans both
/// header rows.
const SINGLE: [&str; 6] = [
    "ID",
    "Nombre completo",
    "Nacionalidad / Nationality",
    "Current employer",
    "Permiso de trabajo en México",
    "Permiso de trabajo en Guatemala",
];
const STUDY: [&str; 4] = ["Grado", "Carrera", "Universidad", "Año de graduación"];
const JOB: [&str; 5] = ["Cargo", "Organización", "Área", "Inicio", "Fin"];
const TAIL: [&str; 7] = [
    "Years of experience in protection",
    "English level",
    "Nivel de español",
    "Other languages",
    "Trainings",
    "Skills",
    "Vacunado COVID-19",
];

fn header() -> Vec<(Option<String>, &'static str)> {
    let mut h: Vec<(Option<String>, &'static str)> = SINGLE.iter().map(|c| (None, *c)).collect();
    for k in 1..=2 {
        h.extend(STUDY.iter().map(|c| (Some(format!("Estudio {k}")), *c)));
    }
    for k in 1..=3 {
        h.extend(JOB.iter().map(|c| (Some(format!("Empleo {k}")), *c)));
    }
    h.extend(TAIL.iter().map(|c| (None, *c)));
    h
}

/// splitmix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(n: u64) -> Rng {
        Rng(n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5EED)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const GIVEN: [&str; 16] = [
    "Ana",
    "Lucía",
    "María José",
    "Rosa",
    "Itzel",
    "Gabriela",
    "Sofía",
    "Carmen",
    "Jorge",
    "Carlos",
    "Emilio",
    "Ricardo",
    "Luis",
    "Mateo",
    "Diego",
    "Andrés",
];
const FAMILY: [&str; 16] = [
    "López",
    "Ramírez",
    "Batz",
    "Domínguez",
    "Menjívar",
    "Girón",
    "Méndez",
    "Maldonado",
    "Alvarado",
    "Carranza",
    "Pérez",
    "Tzoc",
    "Xicará",
    "Hernández",
    "Morales",
    "Chávez",
];
const FIELDS: [&str; 11] = [
    "Derecho",
    "Relaciones Internacionales",
    "Ciencias Políticas",
    "Trabajo Social",
    "Psicología",
    "Pedagogía",
    "Administración de Empresas",
    "Ingeniería Civil",
    "Sociología",
    "Ciencias Jurídicas y Sociales",
    "International Relations",
];
const UNIVERSITIES: [&str; 6] = [
    "Universidad de San Carlos de Guatemala",
    "UNAM",
    "Universidad Rafael Landívar",
    "Universidad Iberoamericana",
    "Universidad Mariano Gálvez",
    "UJAT",
];
const TITLES: [&str; 10] = [
    "Asistente de Protección",
    "Oficial de Casos",
    "Protection Associate",
    "Consultor",
    "Docente",
    "Coordinadora de proyecto",
    "Asistente administrativo",
    "Promotora comunitaria",
    "Field Assistant",
    "Analista",
];
const ORGS: [&str; 10] = [
    "ACNUR",
    "UNHCR",
    "OIM",
    "UNOPS",
    "HIAS",
    "Save the Children",
    "Ministerio de Educación",
    "Municipalidad de San Marcos",
    "COMAR",
    "Banco Industrial",
];
const AREAS: [&str; 9] = [
    "Protección internacional",
    "Soluciones duraderas",
    "Gestión de casos",
    "Educación",
    "Migración; Derechos humanos",
    "Administración",
    "Reasentamiento",
    "Asilo",
    "Trabajo comunitario",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Days from 1899-12-30 to (y, m, 1): the Excel serial of a month's first day.
fn serial(y: u16, m: u8, d: u8) -> f64 {
    fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
    (days_from_civil(i64::from(y), i64::from(m), i64::from(d)) - days_from_civil(1899, 12, 30))
        as f64
}

/// A month written one of the ways people and form tools write it.
fn date_cell(rng: &mut Rng, y: u16, m: u8) -> Value {
    let d = 1 + rng.below(28) as u8;
    match rng.below(20) {
        0..=7 => Value::Date(y, m, d),
        8..=11 => text(format!("{d:02}/{m:02}/{y}")),
        12..=14 => text(format!("{y}-{m:02}")),
        15..=16 => text(format!("{} {y}", MONTHS_ES[usize::from(m - 1)])),
        17..=18 => Value::Number(serial(y, m, d)),
        _ => text(format!("{m:02}/{y}")),
    }
}

/// Applicant `n` (0-based), as the cells of one row.
fn applicant(n: u64) -> Vec<Value> {
    let mut r = Rng::new(n);
    let mut row = Vec::new();
    row.push(text(format!("A-{:05}", n + 1)));
    row.push(text(format!(
        "{} {} {}",
        r.pick(&GIVEN),
        r.pick(&FAMILY),
        r.pick(&FAMILY)
    )));
    let nationality = match r.below(100) {
        0..=39 => r.pick(&["Mexicana", "mexicana", "México", "MX"]),
        40..=79 => r.pick(&["Guatemalteca", "Guatemala", "GT", "guatemalteca"]),
        80..=87 => "Salvadoreña",
        88..=92 => "Hondureña",
        93..=96 => "Colombia",
        _ => "Guatemala; México",
    };
    let mexican = nationality.to_lowercase().starts_with("mex")
        || nationality == "MX"
        || nationality.contains("México");
    let guatemalan = nationality.to_lowercase().starts_with("guate") || nationality == "GT";
    row.push(if r.chance(4) {
        Value::Empty
    } else {
        text(nationality)
    });
    row.push(match r.below(12) {
        0 => Value::Empty,
        1 | 2 => text("Ninguno"),
        _ => text(r.pick(&ORGS)),
    });
    let permit = |r: &mut Rng, national: bool| -> Value {
        if national {
            if r.chance(70) {
                text(r.pick(&["Sí", "si", "Sí"]))
            } else {
                Value::Empty
            }
        } else {
            match r.below(10) {
                0..=5 => text("No"),
                6 | 7 => text("Sí"),
                _ => Value::Empty,
            }
        }
    };
    row.push(permit(&mut r, mexican));
    row.push(permit(&mut r, guatemalan));

    // Studies: the highest first.
    let (degree, level) = match r.below(20) {
        0 | 1 => (r.pick(&["Bachillerato", "Diploma de Bachiller"]), 3),
        2 => ("Técnico", 4),
        3..=10 => (
            r.pick(&["Licenciatura", "Lic.", "Bachelor's degree", "licenciatura"]),
            6,
        ),
        11..=16 => (r.pick(&["Maestría", "Master's degree", "Maestria"]), 7),
        17 => (r.pick(&["Doctorado", "PhD"]), 8),
        _ => ("", 0),
    };
    let grad_year = 2004 + r.below(19) as u16;
    let study = |r: &mut Rng, degree: &str, year: u16| -> Vec<Value> {
        if degree.is_empty() {
            return vec![Value::Empty; 4];
        }
        vec![
            text(degree),
            if r.chance(8) {
                Value::Empty
            } else {
                text(r.pick(&FIELDS))
            },
            if r.chance(30) {
                Value::Empty
            } else {
                text(r.pick(&UNIVERSITIES))
            },
            match r.below(10) {
                0 => Value::Empty,
                1 => text(format!("{:02}/{year}", 1 + r.below(12))),
                2 => text(year.to_string()),
                _ => Value::Number(f64::from(year)),
            },
        ]
    };
    row.extend(study(&mut r, degree, grad_year));
    if level >= 7 && r.chance(60) {
        row.extend(study(&mut r, "Licenciatura", grad_year.saturating_sub(3)));
    } else {
        row.extend(vec![Value::Empty; 4]);
    }

    // Jobs, the latest first, each ending before the next one starts.
    let jobs = r.below(4);
    let mut end_y: u16 = 2025;
    let mut end_m: u8 = 1 + r.below(8) as u8;
    for k in 0..3 {
        if k >= jobs {
            row.extend(vec![Value::Empty; 5]);
            continue;
        }
        let months = 6 + r.below(60) as u16;
        let total = end_y * 12 + u16::from(end_m) - 1 - months;
        let (start_y, start_m) = (total / 12, (total % 12) as u8 + 1);
        row.push(text(r.pick(&TITLES)));
        row.push(text(r.pick(&ORGS)));
        row.push(if r.chance(15) {
            Value::Empty
        } else {
            text(r.pick(&AREAS))
        });
        row.push(date_cell(&mut r, start_y, start_m));
        row.push(if k == 0 && r.chance(50) {
            if r.chance(50) {
                text(r.pick(&["Actual", "presente", "a la fecha"]))
            } else {
                Value::Empty
            }
        } else {
            date_cell(&mut r, end_y, end_m)
        });
        let gap = 1 + r.below(6) as u16;
        let before = start_y * 12 + u16::from(start_m) - 1 - gap;
        end_y = before / 12;
        end_m = (before % 12) as u8 + 1;
    }

    row.push(match r.below(10) {
        0..=2 => Value::Empty,
        3..=5 => Value::Number(r.below(12) as f64),
        6 => text(format!("{},5", 1 + r.below(6))),
        7 => text(format!("{} años", r.below(10))),
        8 => text(format!("{} years", r.below(15))),
        _ => text((r.below(8)).to_string()),
    });
    let english = [
        "C1",
        "B2",
        "Fluido",
        "Avanzado",
        "Intermedio",
        "Básico",
        "Native",
        "fluent",
        "B1",
        "C2",
    ];
    row.push(if r.chance(15) {
        Value::Empty
    } else {
        text(r.pick(&english))
    });
    let spanish = [
        "Nativo", "Nativo", "Nativo", "Nativo", "C2", "Fluido", "C1", "B2", "nativo",
    ];
    row.push(if r.chance(8) {
        Value::Empty
    } else {
        text(r.pick(&spanish))
    });
    row.push(if r.chance(60) {
        Value::Empty
    } else {
        text(r.pick(&[
            "Francés",
            "Mam",
            "K'iche'",
            "Portugués; Francés",
            "Q'eqchi'",
            "Kaqchikel",
        ]))
    });
    row.push(if r.chance(50) {
        Value::Empty
    } else {
        text(r.pick(&[
            "Protection Learning Programme",
            "Protection Learning Programme; Resettlement Learning Programme",
            "Curso de gestión de casos",
            "Primeros auxilios psicológicos",
        ]))
    });
    row.push(if r.chance(30) {
        Value::Empty
    } else {
        text(r.pick(&[
            "MS Office; ProGres",
            "MS Office",
            "Manejo de bases de datos",
            "Excel; Word; ProGres",
        ]))
    });
    row.push(match r.below(10) {
        0..=5 => text(r.pick(&["Sí", "si", "SI"])),
        6 => text("No"),
        _ => Value::Empty,
    });

    // A few cells that cannot be read, as real exports have.
    let bad: &[(u64, usize, &str)] = &[
        (14, 6, "Masterado"),
        (37, 17, "31/02/2019"),
        (52, 30, "Fluidísimo"),
        (87, 29, "cinco"),
        (118, 2, "Marciana"),
    ];
    for (at, column, value) in bad {
        if n == *at {
            row[*column] = text(*value);
        }
    }
    row
}

fn csv_field(v: &Value) -> String {
    let s = match v {
        Value::Empty => String::new(),
        Value::Text(t) => t.clone(),
        Value::Number(n) => {
            if n.fract() == 0.0 {
                format!("{n:.0}")
            } else {
                n.to_string()
            }
        }
        Value::Date(y, m, d) => format!("{d:02}/{m:02}/{y}"),
    };
    if s.contains([',', '"', '\n', ';']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: make_export DIR [COUNT]");
        return ExitCode::from(2);
    };
    let count: u64 = match args.get(1).map(|c| c.parse()) {
        None => 240,
        Some(Ok(c)) => c,
        Some(Err(_)) => {
            eprintln!("usage: make_export DIR [COUNT]");
            return ExitCode::from(2);
        }
    };
    match write(Path::new(dir), count) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write(dir: &Path, count: u64) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    let header = header();
    let mut rows: Vec<Vec<Value>> = Vec::new();
    for n in 0..count {
        // A blank row, as when a response was deleted by hand.
        if n == 100 {
            rows.push(Vec::new());
        }
        rows.push(applicant(n));
    }
    // The stray total row someone added at the bottom.
    let mut total = vec![Value::Empty; header.len()];
    total[1] = text("Total");
    total[0] = Value::Number(count as f64);
    rows.push(total);

    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title("Respuestas del formulario")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2025, 9, 30)?),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("Respuestas")?;
    let bold = Format::new().set_bold().set_align(FormatAlign::Center);
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let mut c = 0;
    while c < header.len() {
        let col = c as u16;
        match &header[c].0 {
            None => {
                sheet.merge_range(0, col, 1, col, header[c].1, &bold)?;
                c += 1;
            }
            Some(group) => {
                let end = (c..header.len())
                    .take_while(|i| header[*i].0.as_ref() == Some(group))
                    .last()
                    .unwrap_or(c);
                sheet.merge_range(0, col, 0, end as u16, group, &bold)?;
                for (i, (_, name)) in header.iter().enumerate().take(end + 1).skip(c) {
                    sheet.write_string_with_format(1, i as u16, *name, &bold)?;
                }
                c = end + 1;
            }
        }
    }
    for (i, row) in rows.iter().enumerate() {
        let r = (i + 2) as u32;
        for (j, v) in row.iter().enumerate() {
            let col = j as u16;
            match v {
                Value::Empty => {}
                Value::Text(t) => {
                    sheet.write_string(r, col, t)?;
                }
                Value::Number(n) => {
                    sheet.write_number(r, col, *n)?;
                }
                Value::Date(y, m, d) => {
                    sheet.write_datetime_with_format(
                        r,
                        col,
                        &ExcelDateTime::from_ymd(*y, *m, *d)?,
                        &date,
                    )?;
                }
            }
        }
    }
    book.save(dir.join("applicants.xlsx"))?;

    let mut csv = String::new();
    let mut line = |cells: Vec<String>| {
        let mut cells = cells;
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        let _ = writeln!(csv, "{}", cells.join(","));
    };
    let mut top = Vec::new();
    let mut sub = Vec::new();
    let mut last_group: Option<&String> = None;
    for (group, name) in &header {
        match group {
            None => {
                top.push(csv_field(&text(*name)));
                sub.push(String::new());
                last_group = None;
            }
            Some(g) => {
                top.push(if last_group == Some(g) {
                    String::new()
                } else {
                    csv_field(&text(g.as_str()))
                });
                sub.push(csv_field(&text(*name)));
                last_group = Some(g);
            }
        }
    }
    line(top);
    line(sub);
    for row in &rows {
        line(row.iter().map(csv_field).collect());
    }
    std::fs::write(dir.join("applicants.csv"), csv)?;
    Ok(())
}
