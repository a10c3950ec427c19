//! Rule files: raw serde structs mirroring the YAML, and their validation
//! and compilation into [`Vacancy`].

use serde::Deserialize;

use super::{locate, InputFormat, Limits};
use crate::error::{Error, Location};
use crate::matching::{Category, Names, Term, Vocabulary};
use crate::model::vacancy::{
    AttestationRule, AuthorizationRule, EducationPath, EducationRule, ExperienceRule, FieldRule,
    InternalRule, Kind, LanguageRule, Localized, NamedRule, NationalityRule, Rule, RuleText, Scope,
};
use crate::model::{
    unknown_level, Cefr, Country, DegreeLevel, Language, LanguageLevel, PartialDate, Scales,
};
use crate::text::Text;
use crate::AuthorizationStatus;
use crate::{Priority, Requirement, Vacancy};

/// The most years any requirement may ask for.
const MAX_YEARS: f64 = 60.0;

/// The words `vacancy-match new` writes for the author to replace
/// (docs/skeleton.yaml): a file that still holds them is unfinished.
pub(crate) const PLACEHOLDER_SOURCE: &str = "quote the posting here";
/// The skeleton's example vacancy id.
pub(crate) const PLACEHOLDER_ID: &str = "unhcr-gt-protection-associate-2025";
/// The skeleton's example posting file name.
pub(crate) const PLACEHOLDER_POSTING: &str = "posting_file_name.txt";

/// The fields every requirement has, whatever its kind.
const COMMON_FIELDS: [&str; 5] = ["id", "kind", "priority", "weight", "source"];

/// Field names authors write for another field of the same meaning: a
/// suggestion by meaning comes before one by spelling.
const FIELD_SYNONYMS: &[(&str, &str)] = &[
    ("language", "languages"),
    ("idioma", "languages"),
    ("idiomas", "languages"),
    ("min_years", "years"),
    ("minimum_years", "years"),
    ("years_required", "years"),
    ("duration", "years"),
    ("anos", "years"),
    ("status", "statuses"),
    ("accepted_statuses", "statuses"),
    ("allowed_statuses", "statuses"),
    ("permits", "statuses"),
    ("domain", "domains"),
    ("areas", "domains"),
    ("area", "domains"),
    ("country_of_work", "countries"),
    ("organisation", "organizations"),
    ("organisations", "organizations"),
    ("organization", "organizations"),
    ("agencies", "organizations"),
    ("one_of", "any_of"),
    ("names", "any_of"),
    ("certifications", "any_of"),
    ("skills", "any_of"),
    ("alternatives", "paths"),
    ("options", "paths"),
    ("degrees", "paths"),
    ("fields_of_study", "fields"),
    ("field", "fields"),
    ("cefr", "level"),
    ("native_speaker", "native"),
    ("mother_tongue", "native"),
    ("nativo", "native"),
    ("lengua_materna", "native"),
    ("nivel", "level"),
    ("quote", "source"),
    ("fuente", "source"),
    ("required", "priority"),
    ("declaration", "attestation"),
];
/// A vacancy file, one vacancy per file (see docs/FORMAT.md).
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Vacancy"))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVacancy {
    /// Unique across the rule set.
    id: String,
    /// The job title: one string, or one per language (`{ en: ..., es: ... }`).
    title: RawText,
    /// The hiring organization.
    organization: String,
    /// The contract type, e.g. `UNOPS IICA-1`.
    #[serde(default)]
    contract: Option<String>,
    /// Where the job is.
    duty_station: RawDutyStation,
    /// The posting text this file encodes: a file, relative to the rule file's folder.
    #[serde(default)]
    posting: Option<String>,
    /// The posting date.
    #[serde(default)]
    posted: Option<PartialDate>,
    /// The application deadline; before the as-of date the vacancy is closed.
    #[serde(default)]
    deadline: Option<PartialDate>,
    /// The target start date (permits must be valid on it).
    #[serde(default)]
    target_start: Option<PartialDate>,
    /// The requirements, at least one.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    requirements: Vec<RawRequirement>,
    #[serde(default)]
    tests: Vec<crate::load::cases::RawCase>,
}

/// Words for people: one string, or one per language.
#[derive(Debug)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Text"))]
#[cfg_attr(feature = "schema", serde(untagged))]
enum RawText {
    /// The same words in every language.
    One(String),
    /// Words per language; a language left out falls back.
    Each(RawLocalized),
}

/// Words per language.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Localized"))]
#[serde(deny_unknown_fields)]
struct RawLocalized {
    /// In English.
    #[serde(default)]
    en: Option<String>,
    /// In Spanish.
    #[serde(default)]
    es: Option<String>,
}

impl<'de> Deserialize<'de> for RawText {
    /// A string, or a mapping of `en` and `es`: an unknown key is named
    /// (where an untagged enum would only say that nothing matched).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RawText, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawText;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string, or words per language: { en: ..., es: ... }")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<RawText, E> {
                Ok(RawText::One(text.to_string()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawText, A::Error> {
                RawLocalized::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(RawText::Each)
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl RawText {
    /// The words per language; an empty or blank text is a problem at `path`.
    fn localized(self, path: &str, problems: &mut Problems<'_>) -> Localized {
        let (en, es) = match self {
            RawText::One(text) => (Some(text.clone()), Some(text)),
            RawText::Each(RawLocalized { en, es }) => (en, es),
        };
        let keep = |text: Option<String>| text.filter(|t| !t.trim().is_empty());
        let localized = Localized {
            en: keep(en),
            es: keep(es),
        };
        if localized.en.is_none() && localized.es.is_none() {
            problems.add(path, "empty text, expected words in `en`, `es` or both");
        }
        localized
    }
}

/// The duty station.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "DutyStation"))]
#[serde(deny_unknown_fields)]
struct RawDutyStation {
    /// The city.
    #[serde(default)]
    city: Option<String>,
    /// The country (ISO 3166 alpha-2 code or name).
    country: Country,
}

/// One requirement; `kind` decides which other fields apply.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(rename = "Requirement", transform = super::schema::requirement_kinds)
)]
#[serde(deny_unknown_fields)]
struct RawRequirement {
    /// Unique within the vacancy.
    id: String,
    /// What reports call the requirement, per language
    /// (`{ en: ..., es: ... }`) or one string for both; without it, a
    /// label is derived from the kind and its terms.
    #[serde(default)]
    label: Option<RawText>,
    /// What the requirement is about.
    kind: Kind,
    /// `required` gates eligibility; `desirable` only adds to the score.
    #[serde(default)]
    priority: Priority,
    /// Weight in the score, in (0, 100]; default 1.
    #[serde(default)]
    weight: Option<f64>,
    /// The posting's words this requirement encodes.
    #[serde(default)]
    source: Option<String>,
    // education
    /// `education`: the alternative paths; any one suffices.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    paths: Option<Vec<RawPath>>,
    /// `education`: accepted fields of study, the default for every path.
    #[serde(default)]
    fields: Option<RawFields>,
    /// `education`: a bachelor plus 2 extra years of experience stands in for a master.
    #[serde(default)]
    master_substitution: Option<bool>,
    // experience
    /// `experience`: years required.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 60)))]
    years: Option<f64>,
    /// `experience`: only periods in these domains count.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    domains: Option<Vec<String>>,
    /// `experience`: at most this many years ("no more than 5 years").
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 60)))]
    max_years: Option<f64>,
    /// `experience`: domains a period must also be in ("education with
    /// vulnerable groups"); a period in only one of the lists is to verify.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    with: Option<Vec<String>>,
    /// `experience`: periods outside the domains are to verify, not a fail.
    #[serde(default)]
    related: Option<bool>,
    /// `experience`: only periods in these countries count.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    countries: Option<Vec<Country>>,
    /// `experience`: `any` (default), `international` or `national`.
    #[serde(default)]
    scope: Option<Scope>,
    /// `experience`: only experience after the first degree of this level counts.
    #[serde(default)]
    after_degree: Option<DegreeLevel>,
    // language
    /// `language`: one language, or a list meaning "one of".
    #[serde(default)]
    languages: Option<Languages>,
    /// `language`: the level required, CEFR or a posting descriptor;
    /// optional with `native: true`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<LanguageLevel>"))]
    level: Option<String>,
    /// `language`: `true` when the posting requires a native speaker
    /// (mother tongue): met by a profile that states the language native,
    /// whatever level it states; to verify when the profile does not say.
    #[serde(default)]
    native: Option<bool>,
    // work authorization
    /// `work_authorization`: the country; default the duty station's.
    #[serde(default)]
    country: Option<Country>,
    /// `work_authorization`: accepted statuses; default citizen, permanent_resident, work_permit.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    statuses: Option<Vec<AuthorizationStatus>>,
    // internal
    /// `internal`: the candidate must be current staff of one of these.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    organizations: Option<Vec<String>>,
    /// `internal`: the organizations' affiliates (a UNOPS contract serving
    /// UNHCR) are internal applicants too.
    #[serde(default)]
    affiliates: Option<bool>,
    // certification, skill
    /// `certification`, `skill`: any one of these names.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    any_of: Option<Vec<String>>,
    // attestation
    /// `attestation`: the declaration's name, e.g. `covid19_vaccination`.
    #[serde(default)]
    attestation: Option<String>,
    // nationality
    /// `nationality`: the candidate must be a national of one of these.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    nationals_of: Option<Vec<Country>>,
    /// `nationality`: the candidate must not be a national of these.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    not_nationals_of: Option<Vec<Country>>,
    /// `nationality`, with `not_nationals_of`: `excluded` (default: a
    /// national of an excluded country is excluded whatever else they
    /// hold) or `eligible` (one who also holds another nationality is
    /// eligible).
    #[serde(default)]
    dual_nationals: Option<DualNationals>,
}

/// How a nationality exclusion treats dual nationals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
enum DualNationals {
    /// Excluded if they hold an excluded nationality.
    Excluded,
    /// Eligible if they also hold another nationality.
    Eligible,
}

/// One language or a list of them ("one of").
#[derive(Debug)]
pub(crate) struct Languages(Vec<Language>);

impl<'de> Deserialize<'de> for Languages {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Languages;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a language or a list of languages")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Languages, E> {
                let one = Language::deserialize(serde::de::value::StrDeserializer::<E>::new(v))?;
                Ok(Languages(vec![one]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Languages, A::Error> {
                let mut all = Vec::new();
                while let Some(l) = seq.next_element::<Language>()? {
                    all.push(l);
                }
                Ok(Languages(all))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// One alternative path of an education requirement.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "EducationPath"))]
#[serde(deny_unknown_fields)]
struct RawPath {
    /// The lowest degree level; a higher one satisfies it.
    degree: DegreeLevel,
    /// Accepted fields of study for this path (default: the requirement's).
    #[serde(default)]
    fields: Option<RawFields>,
    /// The institution must be accredited.
    #[serde(default)]
    accredited: Option<bool>,
    /// Experience this path needs besides the degree.
    #[serde(default)]
    experience: Option<RawExperience>,
}

/// Accepted fields of study.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Fields"))]
#[serde(deny_unknown_fields)]
struct RawFields {
    /// The fields, matched through the vocabulary.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    accepted: Vec<String>,
    /// "or related field": an unlisted field is to verify, not a fail.
    #[serde(default)]
    related: bool,
}

/// The experience an education path needs.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "PathExperience"))]
#[serde(deny_unknown_fields)]
struct RawExperience {
    /// Years required.
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 60)))]
    years: f64,
    /// Only periods in these domains count.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    domains: Option<Vec<String>>,
    /// Domains a period must also be in; a period in only one of the
    /// lists is to verify.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    with: Option<Vec<String>>,
    /// Periods outside the domains are to verify, not a fail.
    #[serde(default)]
    related: Option<bool>,
    /// Only periods in these countries count.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    countries: Option<Vec<Country>>,
    /// `any` (default), `international` or `national`.
    #[serde(default)]
    scope: Option<Scope>,
    /// Only experience after the first degree of this level counts.
    #[serde(default)]
    after_degree: Option<DegreeLevel>,
}

/// The fields each kind uses, beyond `id`, `kind`, `priority`, `weight`, `source`.
pub(crate) fn fields_of(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Education => &["paths", "fields", "master_substitution"],
        Kind::Experience => &[
            "years",
            "max_years",
            "domains",
            "with",
            "related",
            "countries",
            "scope",
            "after_degree",
        ],
        Kind::Language => &["languages", "level", "native"],
        Kind::WorkAuthorization => &["country", "statuses"],
        Kind::Internal => &["organizations", "affiliates"],
        Kind::Certification | Kind::Skill => &["any_of"],
        Kind::Attestation => &["attestation"],
        Kind::Nationality => &["nationals_of", "not_nationals_of", "dual_nationals"],
    }
}

impl RawRequirement {
    fn present(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut note = |present: bool, name: &'static str| {
            if present {
                out.push(name);
            }
        };
        note(self.paths.is_some(), "paths");
        note(self.fields.is_some(), "fields");
        note(self.master_substitution.is_some(), "master_substitution");
        note(self.years.is_some(), "years");
        note(self.max_years.is_some(), "max_years");
        note(self.domains.is_some(), "domains");
        note(self.with.is_some(), "with");
        note(self.related.is_some(), "related");
        note(self.countries.is_some(), "countries");
        note(self.scope.is_some(), "scope");
        note(self.after_degree.is_some(), "after_degree");
        note(self.languages.is_some(), "languages");
        note(self.level.is_some(), "level");
        note(self.native.is_some(), "native");
        note(self.country.is_some(), "country");
        note(self.statuses.is_some(), "statuses");
        note(self.organizations.is_some(), "organizations");
        note(self.affiliates.is_some(), "affiliates");
        note(self.any_of.is_some(), "any_of");
        note(self.attestation.is_some(), "attestation");
        note(self.nationals_of.is_some(), "nationals_of");
        note(self.not_nationals_of.is_some(), "not_nationals_of");
        note(self.dual_nationals.is_some(), "dual_nationals");
        out
    }
}

/// Collects problems with their field paths; located at the end.
struct Problems<'t> {
    text: &'t str,
    list: Vec<Error>,
}

impl Problems<'_> {
    /// An invalid value, or an unknown name when the words say "unknown".
    fn add(&mut self, path: &str, message: impl Into<String>) {
        let message = message.into();
        let kind = super::kind_of_words(&message);
        self.add_kind(kind, path, message);
    }

    /// Fields that do not go together; `path` is the one reported.
    fn cross(&mut self, path: &str, message: impl Into<String>) {
        self.add_kind(crate::ErrorKind::CrossField, path, message);
    }

    fn add_kind(&mut self, kind: crate::ErrorKind, path: &str, message: impl Into<String>) {
        let (line, column) = locate(self.text, path).unzip();
        self.list.push(Error::new(
            kind,
            Location {
                file: None,
                line,
                column,
                path: Some(path.to_string()),
            },
            message,
        ));
    }
}

/// Parses and compiles one vacancy from YAML text (no file name: the
/// caller adds it to errors).
pub(crate) fn vacancy_from_str(
    text: &str,
    vocabulary: &Vocabulary,
    scales: &Scales,
    limits: &Limits,
) -> Result<Vacancy, Error> {
    let raw: RawVacancy =
        super::parse(text, InputFormat::Yaml, limits).map_err(|e| fields_by_kind(e, text))?;
    let mut problems = Problems {
        text,
        list: Vec::new(),
    };
    let mut vacancy = compile(raw, vocabulary, scales, &mut problems);
    if problems.list.is_empty() {
        vacancy.text = Some(std::sync::Arc::from(text));
        vacancy.digest = Text::rule_words(super::sha256(text.as_bytes()).as_str());
        Ok(vacancy)
    } else {
        Err(Error::many(problems.list))
    }
}

/// An unknown field of a requirement, suggested among the fields of that
/// requirement's kind only (its `kind:` read from the text), by meaning
/// first (`FIELD_SYNONYMS`), then by spelling; other problems unchanged.
fn fields_by_kind(error: Error, text: &str) -> Error {
    let problems = error.problems();
    let kinds = || -> Option<Vec<Option<Kind>>> {
        let value: serde_yaml::Value = serde_yaml::from_str(text).ok()?;
        let list = value.get("requirements")?.as_sequence()?;
        Some(
            list.iter()
                .map(|r| {
                    let name = r.get("kind")?.as_str()?;
                    Kind::ALL.into_iter().find(|k| k.as_str() == name)
                })
                .collect(),
        )
    };
    let mut kinds_read: Option<Vec<Option<Kind>>> = None;
    let mut out = Vec::new();
    let mut rewritten = false;
    for p in problems {
        let (Some(location), crate::ErrorKind::UnknownField { field, .. }) =
            (p.location(), p.kind())
        else {
            out.push(super::clone_error(p));
            continue;
        };
        // A field with its own hint (it belongs elsewhere) keeps it.
        let field = Some(field.as_str()).filter(|_| !p.message().contains("` here:"));
        let index = location
            .path()
            .and_then(|path| path.strip_prefix("requirements["))
            .and_then(|rest| rest.split_once("]."))
            .filter(|(_, rest)| !rest.contains(['.', '[']))
            .and_then(|(n, _)| n.parse::<usize>().ok());
        let kind = match (field, index) {
            (Some(_), Some(i)) => kinds_read
                .get_or_insert_with(|| kinds().unwrap_or_default())
                .get(i)
                .copied()
                .flatten(),
            _ => None,
        };
        match (field, kind) {
            (Some(field), Some(kind)) => {
                let allowed: Vec<&str> = COMMON_FIELDS
                    .iter()
                    .chain(fields_of(kind))
                    .copied()
                    .collect();
                let by_meaning = FIELD_SYNONYMS
                    .iter()
                    .find(|(word, _)| word.eq_ignore_ascii_case(field))
                    .map(|(_, meant)| *meant)
                    .filter(|meant| allowed.contains(meant));
                let kind_name = kind.as_str();
                let best =
                    by_meaning.or_else(|| crate::matching::closest(field, allowed.iter().copied()));
                let message = match best {
                    Some(best) => format!(
                        "unknown field `{field}` in {} `{kind_name}` requirement, did you mean `{best}`?",
                        article(kind_name)
                    ),
                    None => format!(
                        "unknown field `{field}` in {} `{kind_name}` requirement, expected one of {}",
                        article(kind_name),
                        allowed.join(", ")
                    ),
                };
                rewritten = true;
                out.push(Error::new(
                    crate::ErrorKind::UnknownField {
                        field: field.to_string(),
                        suggestion: best.map(str::to_string),
                    },
                    location.clone(),
                    message,
                ));
            }
            _ => out.push(super::clone_error(p)),
        }
    }
    if rewritten {
        Error::many(out)
    } else {
        error
    }
}

/// "a" or "an" before a word, for messages.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The most problems of a file that get a "did you mean".
const SUGGESTED: usize = 20;

/// Compiles names to terms; every name must be a vocabulary entry (or one
/// of its aliases), so that translations and synonyms apply to it.
fn terms(
    names: &[String],
    vocabulary: &Vocabulary,
    category: Category,
    path: &str,
    problems: &mut Problems<'_>,
) -> Names {
    let terms = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let term = Term::new(n, vocabulary, category);
            if term.concept.is_none() && !term.norm.is_empty() {
                let what = category.singular();
                let known = vocabulary.names(category);
                let add = format!("add it to the vocabulary's `{}`", category.key());
                // Each suggestion compares the name with the whole
                // vocabulary: a file full of unknown names gets a few.
                let suggest = problems.list.len() < SUGGESTED;
                let best = suggest
                    .then(|| crate::matching::closest(n, known.iter().copied()))
                    .flatten();
                let hint = match best {
                    Some(best) => format!("did you mean `{best}`? If it is another {what}, {add}"),
                    None => add,
                };
                problems.add(
                    &format!("{path}[{i}]"),
                    format!("unknown {what} `{n}`: not in the vocabulary, {hint}"),
                );
            }
            term
        })
        .collect();
    Names::new(terms, vocabulary, category)
}

fn check_years(years: f64, path: &str, problems: &mut Problems<'_>) {
    if !years.is_finite() || !(0.0..=MAX_YEARS).contains(&years) {
        problems.add(
            path,
            format!("expected years in 0..={MAX_YEARS}, found {years}"),
        );
    }
}

fn check_names(names: &[String], path: &str, problems: &mut Problems<'_>) {
    if names.is_empty() {
        problems.add(path, "empty list, expected at least one name");
    }
    for (i, n) in names.iter().enumerate() {
        if crate::matching::normalize(n).is_empty() {
            problems.add(&format!("{path}[{i}]"), "empty name");
        }
    }
}

/// The skeleton's placeholder words left in a file: each is an error, so
/// that an unfinished file neither validates nor runs.
fn placeholders(raw: &RawVacancy, problems: &mut Problems<'_>) {
    const HINT: &str = "left from the skeleton of `vacancy-match new`";
    if raw.id == PLACEHOLDER_ID {
        problems.add(
            "id",
            format!("placeholder id `{PLACEHOLDER_ID}` {HINT}, expected this vacancy's own id"),
        );
    }
    if raw.posting.as_deref() == Some(PLACEHOLDER_POSTING) {
        problems.add(
            "posting",
            format!(
                "placeholder `{PLACEHOLDER_POSTING}` {HINT}, expected the posting's file name \
                 (relative to this file) or no `posting:` line"
            ),
        );
    }
    for (i, r) in raw.requirements.iter().enumerate() {
        if r.source
            .as_deref()
            .is_some_and(|s| s.trim().eq_ignore_ascii_case(PLACEHOLDER_SOURCE))
        {
            problems.add(
                &format!("requirements[{i}].source"),
                format!(
                    "placeholder `{PLACEHOLDER_SOURCE}` {HINT}, expected the posting's own words"
                ),
            );
        }
    }
}

fn compile(
    raw: RawVacancy,
    vocabulary: &Vocabulary,
    scales: &Scales,
    problems: &mut Problems<'_>,
) -> Vacancy {
    if raw.id.trim().is_empty() {
        problems.add("id", "empty vacancy id");
    }
    placeholders(&raw, problems);
    if let (Some(posted), Some(deadline)) = (raw.posted, raw.deadline) {
        if deadline.last_day() < posted.first_day() {
            problems.cross(
                "deadline",
                format!("deadline {deadline} is before the posting date {posted}"),
            );
        }
    }
    if let (Some(posted), Some(start)) = (raw.posted, raw.target_start) {
        if start.last_day() < posted.first_day() {
            problems.cross(
                "target_start",
                format!("target start {start} is before the posting date {posted}"),
            );
        }
    }
    if raw.requirements.is_empty() {
        problems.add(
            "requirements",
            "empty list, expected at least one requirement",
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for (i, r) in raw.requirements.iter().enumerate() {
        if let Some(first) = seen.iter().position(|id| *id == r.id.as_str()) {
            let first_path = format!("requirements[{first}].id");
            let (line, column) = locate(problems.text, &first_path).unzip();
            problems.add_kind(
                crate::ErrorKind::DuplicateId {
                    id: r.id.clone(),
                    first: Some(Location {
                        file: None,
                        line,
                        column,
                        path: Some(first_path),
                    }),
                },
                &format!("requirements[{i}].id"),
                format!("duplicate requirement id `{}`", r.id),
            );
        }
        seen.push(&r.id);
    }
    let country = raw.duty_station.country;
    let titles = raw.title.localized("title", problems);
    let cases = raw
        .tests
        .into_iter()
        .enumerate()
        .map(|(i, c)| c.compile(locate(problems.text, &format!("tests[{i}]")).map(|(l, _)| l)))
        .collect();
    let mut requirements: Vec<Requirement> = raw
        .requirements
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| {
            requirement(
                r,
                &format!("requirements[{i}]"),
                country,
                vocabulary,
                scales,
                problems,
            )
        })
        .collect();
    for r in &mut requirements {
        let rules: Vec<&mut ExperienceRule> = match &mut r.rule {
            Rule::Experience(rule) => vec![rule],
            Rule::Education(rule) => rule
                .paths
                .iter_mut()
                .filter_map(|p| p.experience.as_mut())
                .collect(),
            _ => Vec::new(),
        };
        for rule in rules {
            rule.filter = rule
                .period_filter(country)
                .and_then(|f| vocabulary.filter(f));
        }
    }
    Vacancy {
        id: Text::rule_words(&raw.id),
        title: titles
            .en
            .clone()
            .or_else(|| titles.es.clone())
            .unwrap_or_default(),
        titles,
        organization: Text::rule_words(&raw.organization),
        title_text: RuleText::default(),
        contract: raw.contract,
        city: raw.duty_station.city,
        country,
        posting: raw.posting,
        posted: raw.posted,
        deadline: raw.deadline,
        target_start: raw.target_start,
        days: (
            raw.deadline.map(|d| d.last_day()),
            raw.target_start.map(|d| d.first_day()),
        ),
        requirements,
        cases,
        file: None,
        text: None,
        digest: Text::default(),
    }
}

fn experience_rule(
    raw: RawExperience,
    path: &str,
    vocabulary: &Vocabulary,
    problems: &mut Problems<'_>,
) -> ExperienceRule {
    let RawExperience {
        years,
        domains,
        with,
        related,
        countries,
        scope,
        after_degree,
    } = raw;
    check_years(years, &format!("{path}.years"), problems);
    if let Some(d) = &domains {
        check_names(d, &format!("{path}.domains"), problems);
    }
    if let Some(w) = &with {
        check_names(w, &format!("{path}.with"), problems);
        if domains.is_none() {
            problems.cross(
                &format!("{path}.with"),
                "`with` needs `domains`: a period must be in one of the domains and one of these",
            );
        }
    }
    if let Some(c) = &countries {
        if c.is_empty() {
            problems.add(
                &format!("{path}.countries"),
                "empty list, expected at least one country",
            );
        }
    }
    ExperienceRule {
        years,
        max_years: None,
        domains: terms(
            &domains.unwrap_or_default(),
            vocabulary,
            Category::Domain,
            &format!("{path}.domains"),
            problems,
        ),
        with: terms(
            &with.unwrap_or_default(),
            vocabulary,
            Category::Domain,
            &format!("{path}.with"),
            problems,
        ),
        related: related.unwrap_or(false),
        countries: countries.unwrap_or_default(),
        scope: scope.unwrap_or_default(),
        after_degree,
        filter: None,
        text: RuleText::default(),
    }
}

fn field_rule(
    raw: Option<RawFields>,
    path: &str,
    vocabulary: &Vocabulary,
    problems: &mut Problems<'_>,
) -> Option<FieldRule> {
    let raw = raw?;
    check_names(&raw.accepted, &format!("{path}.accepted"), problems);
    Some(FieldRule {
        accepted: terms(
            &raw.accepted,
            vocabulary,
            Category::Field,
            &format!("{path}.accepted"),
            problems,
        ),
        related: raw.related,
    })
}

fn requirement(
    mut r: RawRequirement,
    path: &str,
    duty_country: Country,
    vocabulary: &Vocabulary,
    scales: &Scales,
    problems: &mut Problems<'_>,
) -> Option<Requirement> {
    if r.id.trim().is_empty() {
        problems.add(&format!("{path}.id"), "empty requirement id");
    }
    let label = r
        .label
        .take()
        .map(|l| l.localized(&format!("{path}.label"), problems))
        .unwrap_or_default();
    let allowed = fields_of(r.kind);
    for field in r.present() {
        if !allowed.contains(&field) {
            problems.cross(
                &format!("{path}.{field}"),
                format!(
                    "field `{field}` does not apply to {} `{}` requirement, expected one of {}",
                    article(r.kind.as_str()),
                    r.kind.as_str(),
                    allowed.join(", ")
                ),
            );
        }
    }
    let weight = r.weight.unwrap_or(1.0);
    if !weight.is_finite() || weight <= 0.0 || weight > 100.0 {
        problems.add(
            &format!("{path}.weight"),
            format!("expected a weight in (0, 100], found {weight}"),
        );
    }
    let missing = |problems: &mut Problems<'_>, field: &str| {
        problems.cross(
            path,
            format!(
                "{} `{}` requirement needs `{field}`",
                article(r.kind.as_str()),
                r.kind.as_str()
            ),
        );
    };
    let rule = match r.kind {
        Kind::Education => {
            let Some(paths) = r.paths else {
                missing(problems, "paths");
                return None;
            };
            if paths.is_empty() {
                problems.add(
                    &format!("{path}.paths"),
                    "empty list, expected at least one path",
                );
            }
            let default_fields =
                field_rule(r.fields, &format!("{path}.fields"), vocabulary, problems);
            let mut compiled = Vec::new();
            for (i, p) in paths.into_iter().enumerate() {
                let ppath = format!("{path}.paths[{i}]");
                let fields = field_rule(p.fields, &format!("{ppath}.fields"), vocabulary, problems)
                    .or_else(|| default_fields.clone());
                let experience = p.experience.map(|e| {
                    experience_rule(e, &format!("{ppath}.experience"), vocabulary, problems)
                });
                compiled.push(EducationPath {
                    degree: p.degree,
                    fields,
                    accredited: p.accredited.unwrap_or(false),
                    experience,
                    substitutes_for: None,
                    text: RuleText::default(),
                });
            }
            if r.master_substitution == Some(true) {
                let extra: Vec<EducationPath> = compiled
                    .iter()
                    .filter(|p| p.degree == DegreeLevel::Master)
                    .map(|p| {
                        let mut sub = p.clone();
                        sub.degree = DegreeLevel::Bachelor;
                        sub.substitutes_for = Some(DegreeLevel::Master);
                        let mut exp = p.experience.clone().unwrap_or(ExperienceRule {
                            years: 0.0,
                            max_years: None,
                            domains: Names::default(),
                            with: Names::default(),
                            related: false,
                            countries: Vec::new(),
                            scope: Scope::Any,
                            after_degree: None,
                            filter: None,
                            text: RuleText::default(),
                        });
                        exp.years += 2.0;
                        sub.experience = Some(exp);
                        sub
                    })
                    .collect();
                if extra.is_empty() {
                    problems.cross(
                        &format!("{path}.master_substitution"),
                        "master_substitution needs a path with `degree: master`",
                    );
                }
                compiled.extend(extra);
            }
            Rule::Education(EducationRule::new(compiled))
        }
        Kind::Experience => {
            let Some(years) = r.years else {
                missing(problems, "years");
                return None;
            };
            if let Some(max) = r.max_years {
                check_years(max, &format!("{path}.max_years"), problems);
                if max < years {
                    problems.cross(
                        &format!("{path}.max_years"),
                        format!("expected a maximum of at least `years` ({years}), found {max}"),
                    );
                }
            }
            let mut rule = experience_rule(
                RawExperience {
                    years,
                    domains: r.domains,
                    with: r.with,
                    related: r.related,
                    countries: r.countries,
                    scope: r.scope,
                    after_degree: r.after_degree,
                },
                path,
                vocabulary,
                problems,
            );
            rule.max_years = r.max_years;
            Rule::Experience(rule)
        }
        Kind::Language => {
            let native_stated = r.native.is_some();
            let native = r.native == Some(true);
            // A native speaker is at the top of the ladder: a native
            // requirement without a level reads as `level: native`.
            let level = r.level.or_else(|| native.then(|| "native".to_string()));
            let (languages, level) = match (r.languages, level) {
                (Some(Languages(languages)), Some(level)) => (languages, level),
                (None, Some(_)) => {
                    missing(problems, "languages");
                    return None;
                }
                (Some(_), None) => {
                    missing(problems, "level` or `native: true");
                    return None;
                }
                (None, None) => {
                    missing(problems, "languages` and `level");
                    return None;
                }
            };
            let Some(level) = LanguageLevel::parse_with(&level, scales).or_else(|| {
                (native && level == "native").then(|| LanguageLevel::from_cefr(Cefr::C2))
            }) else {
                problems.add(&format!("{path}.level"), unknown_level(&level, scales));
                return None;
            };
            if languages.is_empty() {
                problems.add(
                    &format!("{path}.languages"),
                    "empty list, expected at least one language",
                );
            }
            Rule::Language(LanguageRule {
                languages,
                level,
                native,
                native_stated,
                text: RuleText::default(),
            })
        }
        Kind::WorkAuthorization => {
            let statuses = r
                .statuses
                .unwrap_or_else(|| AuthorizationStatus::DEFAULT_ACCEPTED.to_vec());
            if statuses.is_empty() {
                problems.add(
                    &format!("{path}.statuses"),
                    "empty list, expected at least one status",
                );
            }
            Rule::WorkAuthorization(AuthorizationRule {
                country: r.country.unwrap_or(duty_country),
                statuses,
            })
        }
        Kind::Internal => {
            let Some(orgs) = r.organizations else {
                missing(problems, "organizations");
                return None;
            };
            check_names(&orgs, &format!("{path}.organizations"), problems);
            Rule::Internal(InternalRule {
                organizations: terms(
                    &orgs,
                    vocabulary,
                    Category::Organization,
                    &format!("{path}.organizations"),
                    problems,
                ),
                affiliates: r.affiliates.unwrap_or(false),
                text: RuleText::default(),
            })
        }
        Kind::Certification | Kind::Skill => {
            let Some(names) = r.any_of else {
                missing(problems, "any_of");
                return None;
            };
            check_names(&names, &format!("{path}.any_of"), problems);
            if r.kind == Kind::Certification {
                Rule::Certification(NamedRule {
                    any_of: terms(
                        &names,
                        vocabulary,
                        Category::Certification,
                        &format!("{path}.any_of"),
                        problems,
                    ),
                    text: RuleText::default(),
                })
            } else {
                Rule::Skill(NamedRule {
                    any_of: terms(
                        &names,
                        vocabulary,
                        Category::Skill,
                        &format!("{path}.any_of"),
                        problems,
                    ),
                    text: RuleText::default(),
                })
            }
        }
        Kind::Attestation => {
            let Some(name) = r.attestation else {
                missing(problems, "attestation");
                return None;
            };
            if name.trim().is_empty() {
                problems.add(&format!("{path}.attestation"), "empty attestation name");
            }
            let display = vocabulary.attestation_display(&name);
            Rule::Attestation(AttestationRule { name, display })
        }
        Kind::Nationality => {
            let (countries, exclude) = match (r.nationals_of, r.not_nationals_of) {
                (Some(c), None) => (c, false),
                (None, Some(c)) => (c, true),
                (Some(_), Some(_)) => {
                    problems.cross(
                        path,
                        "a `nationality` requirement takes `nationals_of` or `not_nationals_of`, not both",
                    );
                    return None;
                }
                (None, None) => {
                    missing(problems, "nationals_of` or `not_nationals_of");
                    return None;
                }
            };
            let field = if exclude {
                "not_nationals_of"
            } else {
                "nationals_of"
            };
            if countries.is_empty() {
                problems.add(
                    &format!("{path}.{field}"),
                    "empty list, expected at least one country",
                );
            }
            if !exclude && r.dual_nationals.is_some() {
                problems.cross(
                    &format!("{path}.dual_nationals"),
                    "`dual_nationals` applies to `not_nationals_of` only: a national of a listed country is one whatever else they hold",
                );
            }
            Rule::Nationality(NationalityRule {
                countries,
                exclude,
                dual_nationals_eligible: r.dual_nationals == Some(DualNationals::Eligible),
            })
        }
    };
    Some(Requirement {
        id: Text::rule_words(&r.id),
        label,
        label_text: RuleText::default(),
        expected_text: RuleText::default(),
        said_text: Default::default(),
        priority: r.priority,
        weight,
        source: r.source,
        rule,
        uid: crate::model::vacancy::next_uid(),
    })
}
