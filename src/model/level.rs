//! Ordered levels: degrees on the ISCED 2011 ladder and language levels
//! on the CEFR scale, with the names people use for them in English and
//! Spanish.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::scales::Scales;
use crate::matching::closest;

/// A degree level on the ISCED 2011 ladder. A higher level satisfies a
/// requirement for a lower one.
///
/// # Example
/// ```
/// use vacancy_match::DegreeLevel;
/// assert_eq!(DegreeLevel::parse("Licenciatura"), Some(DegreeLevel::Bachelor));
/// assert_eq!(DegreeLevel::parse("Diploma de Bachiller"), Some(DegreeLevel::Secondary));
/// assert_eq!(DegreeLevel::parse("PhD"), Some(DegreeLevel::Doctorate));
/// assert!(DegreeLevel::Master > DegreeLevel::Bachelor);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DegreeLevel {
    /// Upper secondary (ISCED 3): high school, *Diploma de Bachiller*.
    Secondary,
    /// Post-secondary or short tertiary (ISCED 4–5): technical diplomas.
    PostSecondary,
    /// Bachelor or equivalent (ISCED 6): *Licenciatura*.
    Bachelor,
    /// Master or equivalent (ISCED 7): *Maestría*.
    Master,
    /// Doctorate (ISCED 8): PhD, *Doctorado*.
    Doctorate,
}

/// Names accepted for each degree level, in English and Spanish.
const DEGREE_NAMES: &[(&str, DegreeLevel)] = &[
    ("secondary", DegreeLevel::Secondary),
    ("secondary education", DegreeLevel::Secondary),
    ("secondary school", DegreeLevel::Secondary),
    ("high school", DegreeLevel::Secondary),
    ("high school diploma", DegreeLevel::Secondary),
    ("diploma de bachiller", DegreeLevel::Secondary),
    ("bachiller", DegreeLevel::Secondary),
    ("bachillerato", DegreeLevel::Secondary),
    ("secundaria", DegreeLevel::Secondary),
    ("educacion secundaria", DegreeLevel::Secondary),
    ("educacion media", DegreeLevel::Secondary),
    ("preparatoria", DegreeLevel::Secondary),
    ("ged", DegreeLevel::Secondary),
    ("perito", DegreeLevel::Secondary),
    ("magisterio", DegreeLevel::Secondary),
    ("post_secondary", DegreeLevel::PostSecondary),
    ("post secondary", DegreeLevel::PostSecondary),
    ("postsecondary", DegreeLevel::PostSecondary),
    ("technical", DegreeLevel::PostSecondary),
    ("technical degree", DegreeLevel::PostSecondary),
    ("technical diploma", DegreeLevel::PostSecondary),
    ("technician", DegreeLevel::PostSecondary),
    ("associate degree", DegreeLevel::PostSecondary),
    ("tecnico", DegreeLevel::PostSecondary),
    ("tecnico universitario", DegreeLevel::PostSecondary),
    ("tecnico superior", DegreeLevel::PostSecondary),
    ("profesorado", DegreeLevel::PostSecondary),
    ("bachelor", DegreeLevel::Bachelor),
    ("bachelor degree", DegreeLevel::Bachelor),
    ("bachelor of arts", DegreeLevel::Bachelor),
    ("bachelor of science", DegreeLevel::Bachelor),
    ("bachelor of laws", DegreeLevel::Bachelor),
    ("undergraduate", DegreeLevel::Bachelor),
    ("undergraduate degree", DegreeLevel::Bachelor),
    ("first level university degree", DegreeLevel::Bachelor),
    ("university degree", DegreeLevel::Bachelor),
    ("licenciatura", DegreeLevel::Bachelor),
    ("licenciado", DegreeLevel::Bachelor),
    ("licenciada", DegreeLevel::Bachelor),
    ("titulo universitario", DegreeLevel::Bachelor),
    ("grado universitario", DegreeLevel::Bachelor),
    ("ingenieria", DegreeLevel::Bachelor),
    ("ingeniero", DegreeLevel::Bachelor),
    ("ingeniera", DegreeLevel::Bachelor),
    ("lic", DegreeLevel::Bachelor),
    ("ba", DegreeLevel::Bachelor),
    ("bs", DegreeLevel::Bachelor),
    ("bsc", DegreeLevel::Bachelor),
    ("llb", DegreeLevel::Bachelor),
    ("master", DegreeLevel::Master),
    ("master degree", DegreeLevel::Master),
    ("master of arts", DegreeLevel::Master),
    ("master of science", DegreeLevel::Master),
    ("master of laws", DegreeLevel::Master),
    ("graduate", DegreeLevel::Master),
    ("graduate degree", DegreeLevel::Master),
    ("advanced degree", DegreeLevel::Master),
    ("advanced university degree", DegreeLevel::Master),
    ("maestria", DegreeLevel::Master),
    ("magister", DegreeLevel::Master),
    ("posgrado", DegreeLevel::Master),
    ("postgrado", DegreeLevel::Master),
    ("ma", DegreeLevel::Master),
    ("msc", DegreeLevel::Master),
    ("llm", DegreeLevel::Master),
    ("mba", DegreeLevel::Master),
    ("mphil", DegreeLevel::Master),
    ("mph", DegreeLevel::Master),
    ("mpa", DegreeLevel::Master),
    ("doctorate", DegreeLevel::Doctorate),
    ("doctoral degree", DegreeLevel::Doctorate),
    ("phd", DegreeLevel::Doctorate),
    ("ph d", DegreeLevel::Doctorate),
    ("dphil", DegreeLevel::Doctorate),
    ("doctor of philosophy", DegreeLevel::Doctorate),
    ("doctorado", DegreeLevel::Doctorate),
];

/// [`DEGREE_NAMES`] in their normalised words, computed once: every
/// degree of every profile is looked up in them.
fn degree_names() -> &'static [(String, DegreeLevel)] {
    static NAMES: std::sync::OnceLock<Vec<(String, DegreeLevel)>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        DEGREE_NAMES
            .iter()
            .map(|(name, level)| (crate::matching::key(name), *level))
            .collect()
    })
}

impl DegreeLevel {
    /// Every level, lowest first.
    pub const ALL: [DegreeLevel; 5] = [
        DegreeLevel::Secondary,
        DegreeLevel::PostSecondary,
        DegreeLevel::Bachelor,
        DegreeLevel::Master,
        DegreeLevel::Doctorate,
    ];

    /// Reads a degree name in English or Spanish (case, accents and
    /// punctuation ignored). A name that starts with a degree name and goes
    /// on with a field ("Licenciatura en Pedagogía") is read by its start.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::DegreeLevel;
    /// assert_eq!(DegreeLevel::parse("Maestría"), Some(DegreeLevel::Master));
    /// assert_eq!(DegreeLevel::parse("Bachelor of Arts in Law"), Some(DegreeLevel::Bachelor));
    /// assert_eq!(DegreeLevel::parse("knighthood"), None);
    /// ```
    #[must_use]
    pub fn parse(text: &str) -> Option<DegreeLevel> {
        thread_local! {
            static READ: super::Remembered<DegreeLevel> = super::Remembered::default();
        }
        super::remembered(&READ, text, DegreeLevel::read)
    }

    /// [`DegreeLevel::parse`], every time.
    fn read(text: &str) -> Option<DegreeLevel> {
        match Reading::of(text) {
            Reading::Level(level) => Some(level),
            Reading::NotADegree | Reading::Unknown => None,
        }
    }

    /// The ISCED 2011 level (the lower bound for post-secondary, 4–5).
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::DegreeLevel::Master.isced(), 7);
    /// ```
    #[must_use]
    pub fn isced(self) -> u8 {
        match self {
            DegreeLevel::Secondary => 3,
            DegreeLevel::PostSecondary => 4,
            DegreeLevel::Bachelor => 6,
            DegreeLevel::Master => 7,
            DegreeLevel::Doctorate => 8,
        }
    }

    /// Position on the ladder, 1 (secondary) to 5 (doctorate).
    pub(crate) fn rank(self) -> u8 {
        match self {
            DegreeLevel::Secondary => 1,
            DegreeLevel::PostSecondary => 2,
            DegreeLevel::Bachelor => 3,
            DegreeLevel::Master => 4,
            DegreeLevel::Doctorate => 5,
        }
    }

    /// The canonical name used in files and reports.
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::DegreeLevel::PostSecondary.as_str(), "post_secondary");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            DegreeLevel::Secondary => "secondary",
            DegreeLevel::PostSecondary => "post_secondary",
            DegreeLevel::Bachelor => "bachelor",
            DegreeLevel::Master => "master",
            DegreeLevel::Doctorate => "doctorate",
        }
    }
}

/// What a degree name says: a level, a certificate or course that is not
/// a degree, or nothing known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Level(DegreeLevel),
    /// "Graduate Certificate", "Master Class", "Posgrado Diplomado": a
    /// course above a first degree, which no degree requirement accepts.
    NotADegree,
    Unknown,
}

/// Words after a graduate-level name that make it a course or
/// certificate, not a degree.
const NOT_A_DEGREE: &[&str] = &[
    "certificate",
    "certificado",
    "certification",
    "certificacion",
    "diploma",
    "diplomado",
    "course",
    "curso",
    "class",
];

impl Reading {
    /// Reads a degree name as written; then with the dots of its
    /// abbreviations dropped ("B.A.", "LL.M.", "Lic."); then, when it has a
    /// part in brackets, without it ("Doctor of Philosophy (PhD)") and by
    /// that part alone.
    fn of(text: &str) -> Reading {
        let mut reading = Reading::by_start(text);
        if reading == Reading::Unknown && text.contains('.') {
            reading = Reading::by_start(&text.replace('.', ""));
        }
        if reading != Reading::Unknown {
            return reading;
        }
        // A name has a bracket or two; a text of many is no degree name,
        // and reading it bracket by bracket would recurse as deep.
        if text.matches('(').count() > MOST_BRACKETS {
            return Reading::Unknown;
        }
        let Some((outside, inside)) = bracketed(text) else {
            return Reading::Unknown;
        };
        match Reading::of(&outside) {
            Reading::Unknown => Reading::of(inside),
            known => known,
        }
    }

    /// The longest degree name that `text` starts with, so "master of laws"
    /// wins over "master" and "bachelor of arts in law" reads as bachelor;
    /// a graduate-level name followed by a course word ("graduate
    /// certificate") is not a degree.
    fn by_start(text: &str) -> Reading {
        let joined = crate::matching::key(text);
        let mut best: Option<(usize, DegreeLevel)> = None;
        for (name, level) in degree_names() {
            let name = name.as_str();
            let fits = joined == name
                || (joined.starts_with(name) && joined.as_bytes().get(name.len()) == Some(&b' '));
            if fits && best.is_none_or(|(len, _)| name.len() > len) {
                best = Some((name.len(), *level));
            }
        }
        let Some((len, level)) = best else {
            return Reading::Unknown;
        };
        let next = joined
            .get(len..)
            .unwrap_or_default()
            .split(' ')
            .find(|w| !w.is_empty());
        let course = next.is_some_and(|w| NOT_A_DEGREE.contains(&w));
        if level >= DegreeLevel::Master && course {
            Reading::NotADegree
        } else {
            Reading::Level(level)
        }
    }
}

/// The most brackets a name is read through ([`Reading::of`],
/// [`crate::Language::parse`]).
pub(super) const MOST_BRACKETS: usize = 3;

/// `text` without its first part in round brackets, and that part:
/// `("Doctor of Philosophy ", "PhD")`.
pub(super) fn bracketed(text: &str) -> Option<(String, &str)> {
    let (before, rest) = text.split_once('(')?;
    let (inside, after) = rest.split_once(')')?;
    Some((format!("{before}{after}"), inside))
}

impl fmt::Display for DegreeLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DegreeLevel::Secondary => "secondary education",
            DegreeLevel::PostSecondary => "post-secondary/technical diploma",
            DegreeLevel::Bachelor => "bachelor's degree",
            DegreeLevel::Master => "master's degree",
            DegreeLevel::Doctorate => "doctorate",
        })
    }
}

impl Serialize for DegreeLevel {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for DegreeLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::read_str(d, "a string: a degree level", |text| {
            DegreeLevel::parse(text).ok_or_else(|| {
                if Reading::of(text) == Reading::NotADegree {
                    return format!(
                        "`{text}` is a course or certificate, not a degree: list it under `certifications`"
                    );
                }
                let names = DEGREE_NAMES.iter().map(|(n, _)| *n);
                unknown_word("degree level", text, names)
            })
        })
    }
}

/// "unknown X `word`, did you mean `y`?" or, without a close word, the
/// list of what is accepted.
pub(crate) fn unknown_word<'a>(
    what: &str,
    word: &str,
    valid: impl Iterator<Item = &'a str> + Clone,
) -> String {
    match closest(word, valid.clone()) {
        Some(best) => format!("unknown {what} `{word}`, did you mean `{best}`?"),
        None => {
            let mut list: Vec<&str> = Vec::new();
            for word in valid {
                if !list.contains(&word) {
                    list.push(word);
                }
                if list.len() == 12 {
                    break;
                }
            }
            format!(
                "unknown {what} `{word}`, expected one of {}",
                list.join(", ")
            )
        }
    }
}

/// A CEFR level, A1 (lowest) to C2.
///
/// # Example
/// ```
/// use vacancy_match::Cefr;
/// assert!(Cefr::C1 > Cefr::B2);
/// assert_eq!(Cefr::B2.to_string(), "B2");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Cefr {
    /// Breakthrough.
    A1,
    /// Waystage.
    A2,
    /// Threshold.
    B1,
    /// Vantage.
    B2,
    /// Effective operational proficiency.
    C1,
    /// Mastery (also what `native` means).
    C2,
}

impl Cefr {
    /// Every level, lowest first.
    pub const ALL: [Cefr; 6] = [Cefr::A1, Cefr::A2, Cefr::B1, Cefr::B2, Cefr::C1, Cefr::C2];

    /// Position on the scale, 1 (A1) to 6 (C2).
    pub(crate) fn rank(self) -> u8 {
        match self {
            Cefr::A1 => 1,
            Cefr::A2 => 2,
            Cefr::B1 => 3,
            Cefr::B2 => 4,
            Cefr::C1 => 5,
            Cefr::C2 => 6,
        }
    }

    /// The level's code: `A1` to `C2`.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Cefr::A1 => "A1",
            Cefr::A2 => "A2",
            Cefr::B1 => "B1",
            Cefr::B2 => "B2",
            Cefr::C1 => "C1",
            Cefr::C2 => "C2",
        }
    }
}

impl fmt::Display for Cefr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language level: a CEFR level, and the words it was written in when
/// those were a descriptor ("fluent", "nativo") rather than a CEFR code.
///
/// # Example
/// ```
/// use vacancy_match::{Cefr, LanguageLevel};
/// let level = LanguageLevel::parse("Fluent").unwrap();
/// assert_eq!(level.cefr(), Cefr::C1);
/// assert_eq!(level.to_string(), "C1 (fluent)");
/// assert_eq!(LanguageLevel::parse("native").unwrap().cefr(), Cefr::C2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LanguageLevel {
    cefr: Cefr,
    written: Option<String>,
    scale: Option<std::sync::Arc<str>>,
}

impl LanguageLevel {
    /// Reads a level with a rule set's own crosswalk of scales.
    ///
    /// A level written as it is in the crosswalk is read as such; else a
    /// level written with its CEFR code and a descriptor ("C1 - Advanced",
    /// "Avanzado (C1)", "Native (C2)") is read by its one code, keeping the
    /// descriptor when it says the same; else descriptors joined by `/`
    /// ("Native/bilingual") are read when they all say the same level.
    pub(crate) fn parse_with(text: &str, scales: &Scales) -> Option<LanguageLevel> {
        LanguageLevel::exactly(text, scales).or_else(|| LanguageLevel::combined(text, scales))
    }

    /// A level written as the crosswalk writes it.
    fn exactly(text: &str, scales: &Scales) -> Option<LanguageLevel> {
        let (cefr, scale) = scales.resolve(text)?;
        let is_code = scale == "CEFR";
        Some(LanguageLevel {
            cefr,
            written: (!is_code).then(|| text.trim().to_lowercase()),
            scale: (!is_code).then(|| std::sync::Arc::from(scale)),
        })
    }

    /// A level written in parts: its CEFR code and descriptors, or
    /// descriptors that agree.
    fn combined(text: &str, scales: &Scales) -> Option<LanguageLevel> {
        let parts = text
            .split(['(', ')', '[', ']', '/', ',', ';', '|'])
            .flat_map(|part| part.split(" - "))
            .map(str::trim)
            .filter(|part| !part.is_empty());
        let mut code: Option<Cefr> = None;
        let mut described: Vec<LanguageLevel> = Vec::new();
        for part in parts {
            let words = crate::matching::key(part);
            let mut rest = String::new();
            for word in words.split(' ') {
                match Cefr::ALL
                    .into_iter()
                    .find(|c| c.code().eq_ignore_ascii_case(word))
                {
                    Some(found) if code.is_some_and(|c| c != found) => return None,
                    Some(found) => code = Some(found),
                    None => {
                        if !rest.is_empty() {
                            rest.push(' ');
                        }
                        rest.push_str(word);
                    }
                }
            }
            if rest.is_empty() {
                continue;
            }
            let level = LanguageLevel::exactly(&rest, scales).or_else(|| {
                // "Native speaker", "hablante nativa": a native speaker's
                // level, in the words written.
                let native = LanguageLevel::exactly("native", scales)?;
                says_native(&rest).then(|| LanguageLevel {
                    written: Some(rest.clone()),
                    ..native
                })
            });
            described.extend(level);
        }
        match code {
            Some(cefr) => Some(
                described
                    .into_iter()
                    .find(|level| level.cefr == cefr)
                    .unwrap_or_else(|| LanguageLevel::from_cefr(cefr)),
            ),
            None => {
                let first = described.first()?;
                described
                    .iter()
                    .all(|level| level.cefr == first.cefr)
                    .then(|| first.clone())
            }
        }
    }

    /// The name of the scale the level was written in, when it was not a
    /// CEFR code (e.g. `posting descriptors`, `UN Language Framework`).
    ///
    /// # Example
    /// ```
    /// use vacancy_match::LanguageLevel;
    /// assert_eq!(LanguageLevel::parse("fluent").unwrap().scale(), Some("posting descriptors"));
    /// assert_eq!(LanguageLevel::parse("C1").unwrap().scale(), None);
    /// ```
    #[must_use]
    pub fn scale(&self) -> Option<&str> {
        self.scale.as_deref()
    }

    /// The words the level was written in, lowercased, when they were not
    /// a CEFR code ("fluent", "nativo").
    pub(crate) fn written(&self) -> Option<&str> {
        self.written.as_deref()
    }

    /// Whether the level was written as a native speaker's: "native",
    /// "mother tongue", "first language", "nativo", "lengua materna" and
    /// the like. "Bilingual" is the top of the scale, not a mother tongue.
    pub(crate) fn says_native(&self) -> bool {
        self.written.as_deref().is_some_and(says_native)
    }

    /// A level given directly on the CEFR scale.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Cefr, LanguageLevel};
    /// assert_eq!(LanguageLevel::from_cefr(Cefr::B1).to_string(), "B1");
    /// ```
    #[must_use]
    pub fn from_cefr(cefr: Cefr) -> Self {
        LanguageLevel {
            cefr,
            written: None,
            scale: None,
        }
    }

    /// The CEFR level.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Cefr, LanguageLevel};
    /// assert_eq!(LanguageLevel::parse("excelente").unwrap().cefr(), Cefr::C1);
    /// ```
    #[must_use]
    pub fn cefr(&self) -> Cefr {
        self.cefr
    }
}

impl fmt::Display for LanguageLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.cefr.code())?;
        if let Some(words) = &self.written {
            f.write_str(" (")?;
            f.write_str(words)?;
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl Serialize for LanguageLevel {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.written {
            Some(words) => s.serialize_str(words),
            None => s.collect_str(&self.cefr),
        }
    }
}

/// Whether words for a language level say a mother tongue ("native",
/// "Lengua materna"), ignoring case and surrounding space.
pub(crate) fn says_native(words: &str) -> bool {
    const NATIVE: [&str; 13] = [
        "native",
        "native speaker",
        "mother tongue",
        "first language",
        "nativo",
        "nativa",
        "hablante nativo",
        "hablante nativa",
        "lengua materna",
        "idioma materno",
        "lengua nativa",
        "idioma nativo",
        "primera lengua",
    ];
    let words = words.trim().to_lowercase();
    NATIVE.contains(&words.as_str())
}

/// "unknown language level `x`, did you mean `y`?" or what is accepted.
pub(crate) fn unknown_level(text: &str, scales: &Scales) -> String {
    match closest(text, scales.spellings().into_iter()) {
        Some(best) => format!("unknown language level `{text}`, did you mean `{best}`?"),
        None => format!(
            "unknown language level `{text}`, expected A1, A2, B1, B2, C1, C2, native \
             or a descriptor such as fluent or good knowledge"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degree_ladder_reads_english_and_spanish() {
        use DegreeLevel::*;
        for (text, level) in [
            ("high school", Secondary),
            ("Diploma de Bachiller", Secondary),
            ("Bachillerato en Ciencias y Letras", Secondary),
            ("Técnico", PostSecondary),
            ("Undergraduate degree", Bachelor),
            ("First-level university degree", Bachelor),
            ("Licenciatura en Relaciones Internacionales", Bachelor),
            ("Bachelor's degree", Bachelor),
            ("Graduate degree", Master),
            ("Advanced university degree", Master),
            ("Maestría", Master),
            ("Master of Laws (LLM)", Master),
            ("Ph.D.", Doctorate),
            ("Doctorado", Doctorate),
        ] {
            assert_eq!(DegreeLevel::parse(text), Some(level), "{text}");
        }
        assert!(Secondary < PostSecondary && PostSecondary < Bachelor);
        assert!(Bachelor < Master && Master < Doctorate);
    }

    #[test]
    fn bachiller_is_secondary_not_bachelor() {
        assert_eq!(
            DegreeLevel::parse("Bachiller"),
            Some(DegreeLevel::Secondary)
        );
        assert_eq!(DegreeLevel::parse("Bachelor"), Some(DegreeLevel::Bachelor));
    }

    #[test]
    fn abbreviations_with_dots_and_names_in_brackets_are_read() {
        use DegreeLevel::*;
        for (text, level) in [
            ("B.A.", Bachelor),
            ("B.Sc. in Social Work", Bachelor),
            ("LL.B.", Bachelor),
            ("Lic. en Ciencias Jurídicas y Sociales", Bachelor),
            ("Ingeniero Agrónomo", Bachelor),
            ("M.A. International Relations", Master),
            ("M.Sc.", Master),
            ("LL.M. in International Human Rights Law", Master),
            ("MPhil", Master),
            ("Doctor of Philosophy (PhD)", Doctorate),
            ("Doctor of Philosophy", Doctorate),
            ("Título (Licenciatura)", Bachelor),
            ("GED", Secondary),
        ] {
            assert_eq!(DegreeLevel::parse(text), Some(level), "{text}");
        }
        for unknown in ["(", ")(", "Knighthood (honorary)", "a.b.c.", "()"] {
            assert_eq!(DegreeLevel::parse(unknown), None, "{unknown}");
        }
        // Deep brackets are no name, and are not read bracket by bracket.
        let deep = format!("{}Knighthood{}", "(".repeat(100_000), ")".repeat(100_000));
        assert_eq!(DegreeLevel::parse(&deep), None);
        assert_eq!(crate::Language::parse(&deep), None);
    }

    #[test]
    fn levels_written_with_their_code_or_in_agreeing_parts() {
        let read = |text: &str| LanguageLevel::parse(text).map(|l| (l.cefr(), l.says_native()));
        for (text, cefr, native) in [
            ("C1 - Advanced", Cefr::C1, false),
            ("Avanzado (C1)", Cefr::C1, false),
            ("Fluent C1", Cefr::C1, false),
            ("B2 - Upper Intermediate", Cefr::B2, false),
            ("C1-Advanced", Cefr::C1, false),
            ("Native (C2)", Cefr::C2, true),
            ("Native/bilingual", Cefr::C2, true),
            ("Native speaker", Cefr::C2, true),
            ("hablante nativa", Cefr::C2, true),
            ("[B1]", Cefr::B1, false),
        ] {
            assert_eq!(read(text), Some((cefr, native)), "{text}");
        }
        // A descriptor that says another level than the code: the code.
        assert_eq!(read("Advanced (B2)"), Some((Cefr::B2, false)));
        assert_eq!(
            LanguageLevel::parse("Advanced (B2)").map(|l| l.to_string()),
            Some("B2".to_string())
        );
        // Two codes, or descriptors that disagree, say no one level.
        for text in [
            "B2/C1",
            "B2 - C1",
            "Basic / Fluent",
            "(",
            "/",
            "Klingon (D1)",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn a_graduate_certificate_or_course_is_not_a_degree() {
        for text in [
            "Graduate Certificate",
            "Graduate Diploma in Refugee Law",
            "Graduate course on statelessness",
            "Master Class in Mediation",
            "Maestría (curso)",
            "Graduate Certificate (M.A. level)",
        ] {
            assert_eq!(DegreeLevel::parse(text), None, "{text}");
            assert_eq!(Reading::of(text), Reading::NotADegree, "{text}");
        }
        // Below the graduate level a certificate or diploma is the degree.
        assert_eq!(
            DegreeLevel::parse("High school diploma"),
            Some(DegreeLevel::Secondary)
        );
        assert_eq!(
            DegreeLevel::parse("Secondary school certificate"),
            Some(DegreeLevel::Secondary)
        );
        assert_eq!(
            DegreeLevel::parse("Graduate degree"),
            Some(DegreeLevel::Master)
        );
        let error = serde_json::from_str::<DegreeLevel>("\"Graduate Certificate\"")
            .map(|_| ())
            .map_err(|e| e.to_string());
        assert!(
            error.as_ref().is_err_and(|e| e.starts_with(
                "`Graduate Certificate` is a course or certificate, not a degree: list it under `certifications`"
            )),
            "{error:?}"
        );
    }
}
