//! A deterministic generator of realistic candidate profiles, shared by the
//! benches, the golden tests and `examples/generate_profiles.rs`.
//!
//! Profile `n` of seed `s` is always the same text, whatever else is
//! generated (each profile has its own PRNG stream), so a million profiles
//! can be streamed and any one of them regenerated on its own.
//!
//! The profiles look like the CVs the five seed postings attract: Central
//! American and Mexican humanitarian workers with Spanish or English degree
//! names and fields, dated (sometimes overlapping, part-time or ongoing)
//! periods whose domains come from the vocabulary in either language, plus
//! unlisted domains and typos that make near misses; languages written as
//! codes or names with CEFR levels or descriptors; certifications, skills,
//! attestations, work authorizations and `staff_of`. About one list in ten
//! is left out, so `unknown` findings occur as in real screening.

#![allow(dead_code)] // each user (bench, example, test) needs a different part

use serde_json::{json, Map, Value};
use vacancy_match::Candidate;

/// The seed used by the benches, tests and the example unless told otherwise.
pub const DEFAULT_SEED: u64 = 0x5EED_000C_AFE0_2024;

/// SplitMix64: tiny, fast, and good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        // The modulo bias is irrelevant for test data.
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo + 1) as usize) as i32
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One of `items`, chosen with the given weights.
    pub fn weighted<'a, T>(&mut self, items: &'a [(u32, T)]) -> &'a T {
        let total: u32 = items.iter().map(|(w, _)| w).sum();
        let mut roll = self.below(total as usize) as u32;
        for (w, item) in items {
            if roll < *w {
                return item;
            }
            roll -= w;
        }
        &items[items.len() - 1].1
    }
}

// --- Tables ---------------------------------------------------------------

const FIRST_NAMES: &[&str] = &[
    "Ana",
    "María",
    "José",
    "Luis",
    "Carmen",
    "Juan",
    "Rosa",
    "Carlos",
    "Lucía",
    "Jorge",
    "Sofía",
    "Emilio",
    "Gabriela",
    "Ricardo",
    "Itzel",
    "Fernando",
    "Andrea",
    "Miguel",
    "Paola",
    "Diego",
    "Valeria",
    "Alejandro",
    "Mariana",
    "Óscar",
    "Daniela",
    "Héctor",
    "Claudia",
    "Rubén",
    "Ximena",
    "Tomás",
];

const SURNAMES: &[&str] = &[
    "López",
    "García",
    "Hernández",
    "Martínez",
    "Pérez",
    "González",
    "Ramírez",
    "Batz",
    "Tzul",
    "Cifuentes",
    "Maldonado",
    "Menjívar",
    "Alvarado",
    "Domínguez",
    "Méndez",
    "Girón",
    "Carranza",
    "Castillo",
    "Morales",
    "Ixcot",
    "Chávez",
    "Ortega",
    "Reyes",
    "Quiñónez",
    "Sánchez",
    "Vásquez",
];

/// Nationalities, weighted towards the countries of the seed postings.
const NATIONALITIES: &[(u32, &str)] = &[
    (30, "GT"),
    (30, "MX"),
    (8, "SV"),
    (8, "HN"),
    (6, "CO"),
    (4, "VE"),
    (4, "CR"),
    (3, "EC"),
    (3, "NI"),
    (2, "PA"),
    (1, "US"),
    (1, "ES"),
];

/// How a country may be written in a profile.
fn country_text(rng: &mut Rng, code: &str) -> String {
    let written: &[&str] = match code {
        "GT" => &["GT", "Guatemala", "GTM"],
        "MX" => &["MX", "México", "Mexico", "MEX"],
        "SV" => &["SV", "El Salvador"],
        "HN" => &["HN", "Honduras"],
        "CO" => &["CO", "Colombia"],
        "CR" => &["CR", "Costa Rica"],
        "PA" => &["PA", "Panamá"],
        _ => &[],
    };
    if written.is_empty() || rng.chance(70) {
        code.to_string()
    } else {
        rng.pick(written).to_string()
    }
}

const SECONDARY_NAMES: &[&str] = &[
    "Diploma de Bachiller",
    "Bachillerato",
    "High school diploma",
    "Perito Contador",
    "Magisterio",
    "Preparatoria",
    "Secondary education",
];
const POST_SECONDARY_NAMES: &[&str] =
    &["Técnico Universitario", "Technical diploma", "Profesorado"];
const BACHELOR_NAMES: &[&str] = &[
    "Licenciatura",
    "Licenciatura",
    "Licenciatura",
    "Bachelor of Arts",
    "Bachelor of Laws",
    "BA",
    "Undergraduate degree",
    "Título universitario",
];
const MASTER_NAMES: &[&str] = &[
    "Maestría",
    "Maestría",
    "Master of Arts",
    "Master of Laws",
    "LLM",
    "MSc",
    "Posgrado",
];
const DOCTORATE_NAMES: &[&str] = &["Doctorado", "PhD"];

/// Fields of study: listed ones in both languages, unlisted ones, and a few
/// typos ("Relaciones Internacinales") that make fuzzy matches and near misses.
const FIELDS: &[(u32, &str)] = &[
    (10, "Ciencias Jurídicas y Sociales"),
    (8, "Derecho"),
    (4, "Law"),
    (6, "Relaciones Internacionales"),
    (4, "International Relations"),
    (4, "Ciencias Políticas"),
    (3, "Political Science"),
    (3, "Ciencia Política"),
    (4, "Ciencias Sociales"),
    (2, "Sociología"),
    (2, "Derecho Internacional"),
    (2, "Derechos Humanos"),
    (1, "International Human Rights Law"),
    (1, "Refugee and Forced Migration Studies"),
    (5, "Psicología"),
    (4, "Trabajo Social"),
    (4, "Pedagogía"),
    (2, "Ciencias de la Educación"),
    (3, "Economía"),
    (3, "Administración de Empresas"),
    (2, "Antropología"),
    (2, "Comunicación Social"),
    (1, "Ingeniería Civil"),
    (1, "Estudios de Género"),
    (1, "Desarrollo Rural"),
    (2, "Relaciones Internacinales"),
    (1, "Internatonal Relations"),
    (1, "Ciencias Politicas y Sociales"),
    (1, "Psicologia Social"),
    (1, "Politicla Science"),
];

const UNIVERSITIES: &[&str] = &[
    "Universidad de San Carlos de Guatemala",
    "Universidad Rafael Landívar",
    "Universidad Nacional Autónoma de México (UNAM)",
    "Universidad Iberoamericana",
    "FLACSO",
    "Universidad Centroamericana José Simeón Cañas",
    "Universidad Nacional Autónoma de Honduras",
    "Universidad de los Andes",
    "Universidad de Costa Rica",
    "Universidad Mariano Gálvez",
];

/// Kinds of employer, with the titles and domains their periods get.
struct Employer {
    names: &'static [&'static str],
    titles: &'static [&'static str],
    domains: &'static [&'static str],
}

const EMPLOYERS: &[(u32, Employer)] = &[
    (
        14,
        Employer {
            names: &[
                "UNHCR",
                "ACNUR",
                "UNHCR / ACNUR Guatemala",
                "Agencia de la ONU para los Refugiados",
            ],
            titles: &[
                "Protection Assistant",
                "Asistente de Protección",
                "Associate Protection Officer",
                "Resettlement Assistant",
                "Registration Assistant",
                "Oficial de Protección",
            ],
            domains: &[
                "refugee protection",
                "protección internacional",
                "resettlement",
                "reasentamiento",
                "asylum",
                "case management",
                "refugee status determination",
                "mixed migratory movements",
                "durable solutions",
                "voluntary repatriation",
                "soluciones duraderas",
            ],
        },
    ),
    (
        10,
        Employer {
            names: &[
                "IOM",
                "OIM",
                "Organización Internacional para las Migraciones",
            ],
            titles: &[
                "Field Assistant",
                "Project Assistant",
                "Asistente de Proyecto",
                "Operations Assistant",
            ],
            domains: &[
                "migration",
                "migración",
                "movilidad humana",
                "community work",
                "trabajo comunitario",
                "human rights",
                "vulnerable groups",
                "adult training",
                "capacitación de adultos",
                "local government",
            ],
        },
    ),
    (
        10,
        Employer {
            names: &[
                "HIAS Guatemala",
                "Norwegian Refugee Council (NRC)",
                "Consejo Noruego para Refugiados",
                "Sin Fronteras IAP",
                "Refugio de la Niñez",
                "Cristosal",
            ],
            titles: &[
                "Oficial de Protección",
                "Protection Officer",
                "Caseworker",
                "Coordinadora de casos",
            ],
            domains: &[
                "refugee protection",
                "protección de refugiados",
                "casework",
                "gestión de casos",
                "humanitarian action",
                "acción humanitaria",
                "NGO",
                "legal assistance",
                "gender-based violence",
            ],
        },
    ),
    (
        8,
        Employer {
            names: &[
                "Comisión Mexicana de Ayuda a Refugiados (COMAR)",
                "Instituto Guatemalteco de Migración",
                "Procuraduría de los Derechos Humanos",
                "Ministerio de Relaciones Exteriores",
                "Municipalidad de San Marcos",
            ],
            titles: &[
                "Analista",
                "Dictaminador de elegibilidad",
                "Asesor jurídico",
                "Técnico municipal",
            ],
            domains: &[
                "public sector",
                "sector público",
                "administración pública",
                "asylum",
                "refugee status determination",
                "human rights",
                "derechos humanos",
                "diplomacy",
                "international relations",
                "local government",
                "municipalidad",
            ],
        },
    ),
    (
        5,
        Employer {
            names: &[
                "Cáritas",
                "Pastoral de Movilidad Humana",
                "Casa del Migrante",
            ],
            titles: &[
                "Promotora comunitaria",
                "Community Facilitator",
                "Voluntario",
            ],
            domains: &[
                "trabajo comunitario",
                "migración",
                "humanitarian assistance",
                "ayuda humanitaria",
                "grupos vulnerables",
                "educación",
            ],
        },
    ),
    (
        5,
        Employer {
            names: &[
                "Ministerio de Educación",
                "CONALFA",
                "Colegio Bilingüe",
                "Universidad Rafael Landívar",
            ],
            titles: &[
                "Docente",
                "Teacher",
                "Profesor de asignatura",
                "Capacitador",
            ],
            domains: &[
                "teaching",
                "docencia",
                "education",
                "educación de adultos",
                "adult education",
            ],
        },
    ),
    (
        8,
        Employer {
            names: &[
                "Ortiz Bravo Abogados, S.C.",
                "Cooperativa El Progreso",
                "Banco Industrial",
                "Deloitte",
                "Telefónica",
            ],
            titles: &[
                "Abogado asociado",
                "Contador",
                "Analyst",
                "Asistente administrativo",
            ],
            domains: &[
                "administrative litigation",
                "accounting",
                "logistics",
                "finance",
                "customer service",
                "procurement",
            ],
        },
    ),
];

/// Domain spellings with typos: near misses and fuzzy matches.
const DOMAIN_TYPOS: &[&str] = &[
    "refugee proteccion",
    "refuge protection",
    "case managment",
    "protección de refugiadoss",
    "humanitarian actoin",
    "migracion humana",
    "comunity work",
    "resettelment",
];

const WORK_COUNTRIES: &[(u32, &str)] = &[
    (34, "GT"),
    (34, "MX"),
    (6, "SV"),
    (6, "HN"),
    (5, "CO"),
    (4, "PA"),
    (3, "CR"),
    (3, "EC"),
    (2, "US"),
    (2, "CH"),
];

const SKILLS: &[(u32, &str)] = &[
    (10, "MS Office"),
    (5, "Microsoft Office"),
    (4, "Excel"),
    (3, "paquete Office"),
    (6, "PR-Resettlement/Repatriation/Voluntary Repatriation"),
    (4, "resettlement"),
    (2, "reasentamiento"),
    (2, "refugee resettlement"),
    (3, "repatriación voluntaria"),
    (3, "PR-Resettlement Anti-Fraud Policy and Procedures"),
    (2, "fraud prevention"),
    (
        3,
        "PR-Experience in Operations facing mixed migratory movements",
    ),
    (2, "movimientos migratorios mixtos"),
    (4, "DM-Database Management"),
    (3, "gestión de bases de datos"),
    (4, "proGres v4"),
    (2, "ProGres"),
    (2, "Mexican asylum law"),
    (
        1,
        "Ley sobre Refugiados, Protección Complementaria y Asilo Político",
    ),
    (5, "case management"),
    (4, "report writing"),
    (3, "project management"),
    (2, "Power BI"),
    (2, "KoboToolbox"),
    (2, "psychosocial support"),
    (1, "Resettelment"),
    (1, "datbase management"),
    (1, "Microsft Ofice"),
    (1, "anti-fraud"),
];

const CERTIFICATIONS: &[(u32, &str)] = &[
    (8, "Protection Learning Programme"),
    (3, "HCR Protection Learning Program – UNHCR"),
    (2, "PLP"),
    (4, "Resettlement Learning Programme"),
    (2, "RLP"),
    (6, "BSAFE (UN security awareness)"),
    (3, "SSAFE"),
    (2, "Certified Scrum Master"),
    (1, "Certifed Scrum Mastr"),
    (1, "Protection Learning Programm"),
    (1, "Resettlement Learnig Programme"),
    (2, "PMP"),
];

const STAFF_OF: &[(u32, &str)] = &[
    (10, "UNHCR"),
    (4, "ACNUR"),
    (8, "IOM"),
    (3, "OIM"),
    (1, "UN Refugee Agency"),
    (1, "Organización Internacional para las Migraciones"),
    (4, "HIAS"),
    (2, "NRC"),
    (1, "UNICEF"),
];

const NATIVE_SPANISH: &[&str] = &["native", "nativo", "lengua materna", "C2", "native"];
const SPANISH_NAMES: &[&str] = &["Spanish", "español", "es", "Español", "castellano"];
const ENGLISH_NAMES: &[&str] = &["English", "inglés", "en", "Inglés"];
const ENGLISH_LEVELS: &[(u32, &str)] = &[
    (6, "A2"),
    (4, "basic"),
    (8, "B1"),
    (3, "intermedio"),
    (12, "B2"),
    (3, "good"),
    (3, "intermedio alto"),
    (14, "C1"),
    (4, "fluent"),
    (3, "avanzado"),
    (2, "excellent"),
    (5, "C2"),
    (1, "bilingual"),
];
const MAYAN: &[&str] = &[
    "K'iche'",
    "Mam",
    "kek",
    "Kaqchikel",
    "quc",
    "Q'eqchi'",
    "Tz'utujil",
];

// --- Profiles -------------------------------------------------------------

/// A month as `(year, month)`, compared and counted in months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Month(i32);

impl Month {
    fn new(year: i32, month: i32) -> Month {
        Month(year * 12 + month - 1)
    }

    fn plus(self, months: i32) -> Month {
        Month(self.0 + months)
    }

    fn text(self) -> String {
        format!(
            "{:04}-{:02}",
            self.0.div_euclid(12),
            self.0.rem_euclid(12) + 1
        )
    }
}

/// The last month generated profiles may mention; later months are "future".
const LATEST: i32 = 2025 * 12 + 8;

/// Makes one typo in a word of five letters or more: a dropped, doubled,
/// swapped or wrong letter.
fn typo(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let letters: Vec<usize> = (1..chars.len().saturating_sub(1))
        .filter(|&i| chars[i].is_ascii_lowercase() && chars[i + 1].is_ascii_lowercase())
        .collect();
    if letters.is_empty() {
        return text.to_string();
    }
    let i = *rng.pick(&letters);
    match rng.below(4) {
        0 => {
            chars.remove(i);
        }
        1 => chars.insert(i, chars[i]),
        2 => chars.swap(i, i + 1),
        _ => chars[i] = (b'a' + rng.below(26) as u8) as char,
    }
    chars.into_iter().collect()
}

/// One degree of `names`, completed in `done` (or in progress); with a
/// field, an institution and an accreditation unless it is a school diploma.
fn degree(rng: &mut Rng, names: &[&str], done: Month, field: bool) -> Value {
    let mut d = Map::new();
    let name = *rng.pick(names);
    d.insert("degree".into(), json!(name));
    if field {
        if rng.chance(93) {
            let mut f = rng.weighted(FIELDS).to_string();
            if rng.chance(3) {
                f = typo(rng, &f);
            }
            d.insert("field".into(), json!(f));
        }
        d.insert("institution".into(), json!(rng.pick(UNIVERSITIES)));
    }
    // Completed, in progress (absent) or completing in the future.
    if done.0 <= LATEST && rng.chance(94) {
        d.insert("completed".into(), json!(done.text()));
    } else if rng.chance(50) {
        d.insert(
            "completed".into(),
            json!(Month(LATEST).plus(rng.range(2, 24)).text()),
        );
    }
    if field {
        match rng.below(10) {
            0..=5 => {
                d.insert("accredited".into(), json!(true));
            }
            6 => {
                d.insert("accredited".into(), json!(false));
            }
            _ => {}
        }
    }
    Value::Object(d)
}

/// Generates profile `index` of the stream seeded `seed`, as a JSON value.
pub fn profile_value(seed: u64, index: u64) -> Value {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0xA24B_AED4_963E_E407));
    // Warm the stream up so that neighbouring indexes diverge at once.
    rng.next_u64();
    let mut p = Map::new();
    p.insert("id".into(), json!(format!("gen-{index:07}")));
    p.insert(
        "name".into(),
        json!(format!(
            "{} {} {}",
            rng.pick(FIRST_NAMES),
            rng.pick(SURNAMES),
            rng.pick(SURNAMES)
        )),
    );
    let nationality = *rng.weighted(NATIONALITIES);
    if rng.chance(95) {
        let mut nats = vec![json!(country_text(&mut rng, nationality))];
        if rng.chance(5) {
            nats.push(json!("ES"));
        }
        p.insert("nationalities".into(), Value::Array(nats));
    }

    // Education: a career starts from the end of secondary school.
    let school = Month::new(rng.range(1985, 2019), rng.range(1, 12));
    let mut education = Vec::new();
    let mut career_start = school.plus(rng.range(2, 12));
    if rng.chance(35) {
        education.push(degree(&mut rng, SECONDARY_NAMES, school, false));
    }
    if rng.chance(8) {
        let done = school.plus(rng.range(24, 40));
        education.push(degree(&mut rng, POST_SECONDARY_NAMES, done, true));
    }
    if rng.chance(80) {
        let done = school.plus(rng.range(48, 84));
        education.push(degree(&mut rng, BACHELOR_NAMES, done, true));
        career_start = school.plus(rng.range(30, 80));
        if rng.chance(35) {
            let done = done.plus(rng.range(18, 120));
            education.push(degree(&mut rng, MASTER_NAMES, done, true));
            if rng.chance(10) {
                let phd = done.plus(rng.range(36, 96));
                education.push(degree(&mut rng, DOCTORATE_NAMES, phd, true));
            }
        }
    } else if education.is_empty() {
        education.push(degree(&mut rng, SECONDARY_NAMES, school, false));
    }
    if rng.chance(96) {
        p.insert("education".into(), Value::Array(education));
    }

    // Experience: consecutive periods, with gaps, overlaps and part time.
    let mut periods = Vec::new();
    let mut at = career_start;
    while at.0 <= LATEST && periods.len() < 7 {
        let employer = rng.weighted(EMPLOYERS);
        let mut period = Map::new();
        let org = *rng.pick(employer.names);
        period.insert("title".into(), json!(rng.pick(employer.titles)));
        if rng.chance(95) {
            period.insert("organization".into(), json!(org));
        }
        if rng.chance(92) {
            let country = *rng.weighted(WORK_COUNTRIES);
            period.insert("country".into(), json!(country_text(&mut rng, country)));
            if rng.chance(40) {
                period.insert("international".into(), json!(country != nationality));
            }
        }
        if rng.chance(93) {
            let n = rng.range(1, 4) as usize;
            let mut domains: Vec<String> = Vec::new();
            for _ in 0..n {
                let d = if rng.chance(5) {
                    rng.pick(DOMAIN_TYPOS).to_string()
                } else {
                    rng.pick(employer.domains).to_string()
                };
                if !domains.contains(&d) {
                    domains.push(d);
                }
            }
            period.insert("domains".into(), json!(domains));
        }
        period.insert("start".into(), json!(at.text()));
        let length = rng.range(6, 60);
        let end = at.plus(length);
        let ongoing = end.0 > LATEST || (periods.len() >= 2 && rng.chance(25));
        if !ongoing {
            period.insert("end".into(), json!(end.text()));
        }
        if rng.chance(12) {
            period.insert(
                "fraction".into(),
                json!(*rng.pick(&[0.5, 0.5, 0.25, 0.75, 0.6])),
            );
        }
        periods.push(Value::Object(period));
        if ongoing {
            break;
        }
        // A gap, or an overlap with the next post.
        at = if rng.chance(12) {
            end.plus(-rng.range(1, 4))
        } else {
            end.plus(rng.range(1, 9))
        };
    }
    if rng.chance(95) {
        p.insert("experience".into(), Value::Array(periods));
    }

    // Work authorizations.
    if rng.chance(85) {
        let mut auths = Vec::new();
        if rng.chance(90) {
            auths.push(json!({ "country": nationality, "status": "citizen" }));
        }
        if rng.chance(25) {
            let country = if nationality == "MX" {
                "GT"
            } else {
                *rng.pick(&["MX", "GT", "PA"])
            };
            let status = *rng.weighted(&[(6, "work_permit"), (2, "permanent_resident")]);
            let mut a = Map::new();
            a.insert("country".into(), json!(country));
            a.insert("status".into(), json!(status));
            if status == "work_permit" {
                let until = Month(LATEST).plus(rng.range(-30, 36));
                a.insert("valid_until".into(), json!(until.text()));
            }
            auths.push(Value::Object(a));
        }
        p.insert("work_authorizations".into(), Value::Array(auths));
    }

    // Current employer, stated or not.
    if rng.chance(65) {
        let staff: Vec<&str> = if rng.chance(35) {
            Vec::new()
        } else {
            vec![*rng.weighted(STAFF_OF)]
        };
        p.insert("staff_of".into(), json!(staff));
    }

    // Languages.
    if rng.chance(94) {
        let mut langs = Vec::new();
        let spanish = *rng.pick(SPANISH_NAMES);
        if ["US"].contains(&nationality) {
            langs.push(json!({ "language": "English", "level": "native" }));
            langs.push(json!({ "language": spanish, "level": rng.weighted(ENGLISH_LEVELS) }));
        } else {
            langs.push(json!({ "language": spanish, "level": rng.pick(NATIVE_SPANISH) }));
            if rng.chance(92) {
                let english = *rng.pick(ENGLISH_NAMES);
                if rng.chance(3) {
                    langs.push(json!({ "language": english }));
                } else {
                    langs.push(
                        json!({ "language": english, "level": rng.weighted(ENGLISH_LEVELS) }),
                    );
                }
            }
        }
        if rng.chance(18) {
            let french = *rng.pick(&["French", "francés", "fr"]);
            let level = *rng.pick(&["A1", "A2", "B1", "B2", "intermedio", "basic"]);
            langs.push(json!({ "language": french, "level": level }));
        }
        if nationality == "GT" && rng.chance(20) {
            let level = *rng.pick(&["native", "nativo", "B2", "A2", "basic", "C1"]);
            langs.push(json!({ "language": rng.pick(MAYAN), "level": level }));
        }
        p.insert("languages".into(), Value::Array(langs));
    }

    // Certifications.
    if rng.chance(45) {
        let n = rng.range(0, 3);
        let mut certs = Vec::new();
        let mut names = Vec::new();
        for _ in 0..n {
            let name = *rng.weighted(CERTIFICATIONS);
            if names.contains(&name) {
                continue;
            }
            names.push(name);
            let issued = career_start.plus(rng.range(0, 120)).min(Month(LATEST));
            let mut c = Map::new();
            c.insert("name".into(), json!(name));
            c.insert("issued".into(), json!(issued.text()));
            if rng.chance(30) {
                c.insert(
                    "expires".into(),
                    json!(issued.plus(rng.range(24, 48)).text()),
                );
            }
            certs.push(Value::Object(c));
        }
        p.insert("certifications".into(), Value::Array(certs));
    }

    // Skills.
    if rng.chance(85) {
        let n = rng.range(1, 7);
        let mut skills: Vec<&str> = Vec::new();
        for _ in 0..n {
            let s = *rng.weighted(SKILLS);
            if !skills.contains(&s) {
                skills.push(s);
            }
        }
        p.insert("skills".into(), json!(skills));
    }

    // Attestations.
    if rng.chance(70) {
        p.insert(
            "attestations".into(),
            json!({ "covid19_vaccination": rng.chance(92) }),
        );
    }
    Value::Object(p)
}

/// Profile `index` of the stream seeded `seed`, as one line of JSON (no
/// newline).
pub fn profile_json(seed: u64, index: u64) -> String {
    profile_value(seed, index).to_string()
}

/// Profile `index` of the stream seeded `seed`, parsed.
///
/// # Errors
/// Only if the generator writes a profile the library refuses (a test
/// checks that it does not).
pub fn profile(seed: u64, index: u64) -> Result<Candidate, vacancy_match::Error> {
    Candidate::from_json_str(&profile_json(seed, index))
}

/// `count` profiles as JSON Lines text.
pub fn jsonl(seed: u64, count: u64) -> String {
    let mut out = String::new();
    for i in 0..count {
        out.push_str(&profile_json(seed, i));
        out.push('\n');
    }
    out
}
