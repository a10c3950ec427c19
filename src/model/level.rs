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
    ("mph", DegreeLevel::Master),
    ("mpa", DegreeLevel::Master),
    ("doctorate", DegreeLevel::Doctorate),
    ("doctoral degree", DegreeLevel::Doctorate),
    ("phd", DegreeLevel::Doctorate),
    ("ph d", DegreeLevel::Doctorate),
    ("dphil", DegreeLevel::Doctorate),
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
        let joined = crate::matching::key(text);
        // Longest name that the text starts with, so "master of laws"
        // wins over "master" and "bachelor of arts in law" reads as bachelor.
        let mut best: Option<(usize, DegreeLevel)> = None;
        for (name, level) in degree_names() {
            let name = name.as_str();
            let fits = joined == name
                || (joined.starts_with(name) && joined.as_bytes().get(name.len()) == Some(&b' '));
            if fits && best.is_none_or(|(len, _)| name.len() > len) {
                best = Some((name.len(), *level));
            }
        }
        best.map(|(_, level)| level)
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
    fn code(self) -> &'static str {
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
    pub(crate) fn parse_with(text: &str, scales: &Scales) -> Option<LanguageLevel> {
        let (cefr, scale) = scales.resolve(text)?;
        let is_code = scale == "CEFR";
        Some(LanguageLevel {
            cefr,
            written: (!is_code).then(|| text.trim().to_lowercase()),
            scale: (!is_code).then(|| std::sync::Arc::from(scale)),
        })
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
}
