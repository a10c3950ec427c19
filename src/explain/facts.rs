//! The words of what an evaluator found: `assess` records its facts as
//! data (`crate::assess::facts`); the renderers (`en`, `es`) turn them
//! into a finding's words, once per finding, in the language asked for.

use std::sync::OnceLock;

use super::{Evidence, Gap, Lang, Status};
use crate::assess::prepared::PeriodDetail;
use crate::matching::Matched;
use crate::model::vacancy::{ExperienceRule, RuleText};
use crate::text::Text;

// The facts, named by the renderers through `super::facts`.
pub(crate) use crate::assess::facts::{
    AttestationFacts, AuthorizationFacts, AuthorizationFound, CertificationFacts,
    CertificationFound, Cited, DegreeFacts, Detail, Doubt, Doubts, EducationFacts, EducationGap,
    ExperienceFacts, Facts, InternalFacts, InternalFound, Item, Join, Label, LanguageFacts,
    LanguageFound, Measure, NationalityFacts, NationalityFound, PathFacts, SkillFacts, SkillFound,
    Source,
};

/// A finding's words, in one language.
pub(crate) struct Rendered {
    pub(crate) message: Text,
    pub(crate) expected: Text,
    pub(crate) path: Option<Text>,
    /// For alternatives not met: every other path and why it fails.
    pub(crate) other_paths: Vec<Text>,
    pub(crate) evidence: Vec<Evidence>,
    pub(crate) gap: Option<Gap>,
}

impl Facts<'_> {
    /// The finding's words in `lang`.
    ///
    /// `expected` keeps the requirement's "expected" text, which depends
    /// on the rule alone (except for a right to work, valid on a date).
    pub(crate) fn render(&self, lang: Lang, expected: &RuleText, said: &[RuleText; 3]) -> Rendered {
        match lang {
            Lang::En => super::en::render(self, expected, said),
            Lang::Es => super::es::render(self, expected, said),
        }
    }

    /// What the words of the gap depend on besides the requirement and the
    /// language, as a number, for the kinds whose gaps take few values (a
    /// missing right to work, a language level, a declaration); `None` for
    /// the others. Two facts of one requirement with the same key have the
    /// same gap.
    pub(crate) fn gap_key(&self) -> Option<u64> {
        let key = |kind: u64, variant: u64, payload: u64| Some(kind | variant << 4 | payload << 8);
        match self {
            Facts::Attestation(f) => match f.answer {
                Some(true) => None,
                Some(false) => key(1, 1, 0),
                None => key(1, 2, 0),
            },
            Facts::Skill(f) => match f.found {
                SkillFound::NotStated => key(2, 1, 0),
                SkillFound::Missing { .. } => key(2, 2, 0),
                _ => None,
            },
            Facts::Certification(f) => match f.found {
                CertificationFound::NotStated => key(3, 1, 0),
                CertificationFound::Missing { .. } => key(3, 2, 0),
                _ => None,
            },
            Facts::Internal(f) => match f.found {
                InternalFound::NotStaff => key(4, 1, 0),
                InternalFound::NotStated => key(4, 2, 0),
                _ => None,
            },
            Facts::Authorization(f) => {
                // The date the right must be valid on, in days.
                let on = u64::try_from(chrono::Datelike::num_days_from_ce(&f.valid_on)).ok()?;
                match f.found {
                    AuthorizationFound::Missing => key(5, 1, on),
                    AuthorizationFound::NotStated => key(5, 2, on),
                    AuthorizationFound::Refused(_) => key(5, 3, on),
                    _ => None,
                }
            }
            Facts::Language(f) => match f.found {
                LanguageFound::NotStated => key(6, 1, 0),
                LanguageFound::Missing(_) => key(6, 2, 0),
                LanguageFound::Listed { skill, status, .. } => {
                    // The language by its identity (below 2^48), the
                    // level by its rank (0: none stated).
                    let language = skill.language.identity();
                    if language >= 1 << 48 {
                        return None;
                    }
                    let level = skill.cefr().map_or(0, |c| u64::from(c.rank()));
                    let variant = match status {
                        Status::Met => return None,
                        Status::Unknown => 3,
                        Status::NotMet => 4,
                    };
                    key(6, variant, language << 8 | level)
                }
            },
            Facts::Experience(f) => {
                let (variant, payload) = experience_key(f.rule, f.measure)?;
                key(7, variant, payload)
            }
            // Few and short: written each time.
            Facts::Nationality(_) => None,
            Facts::Education(f) => {
                let Some(best) = &f.best else {
                    return key(8, 1, 0);
                };
                // The path, by its number.
                let number = u64::try_from(best.number).ok().filter(|n| *n < 256)?;
                match best.experience {
                    Some(pe) if matches!(pe.join, Join::Short | Join::ToVerify) => {
                        let (variant, payload) = experience_key(pe.rule, pe.measure)?;
                        key(8, 2, number | variant << 8 | payload << 12)
                    }
                    Some(pe) if pe.join == Join::Substitution => None,
                    _ => {
                        let (variant, level) = match best.degree {
                            DegreeFacts::NotStated => (1, 0),
                            DegreeFacts::NoneCompleted => (2, 0),
                            DegreeFacts::BelowLevel { level, .. } => (3, u64::from(level.rank())),
                            DegreeFacts::NotAccredited { .. } => (4, 0),
                            DegreeFacts::FieldNotStated { .. } => (5, 0),
                            DegreeFacts::AccreditationUnknown { .. } => (6, 0),
                            // The same gap: that the degree was completed.
                            DegreeFacts::CompletionNotStated { .. }
                            | DegreeFacts::CompletionSpans { .. }
                            | DegreeFacts::Implied { .. } => (7, 0),
                            // The profile's field is in the words.
                            DegreeFacts::FieldNotAccepted { .. }
                            | DegreeFacts::FieldToVerify { .. }
                            | DegreeFacts::Met { .. } => return None,
                        };
                        key(8, 3, number | variant << 8 | level << 12)
                    }
                }
            }
        }
    }

    /// The finding's gap in `lang`, as [`Facts::render`] gives it, without
    /// the other words.
    pub(crate) fn gap(&self, lang: Lang) -> Option<Gap> {
        match lang {
            Lang::En => super::en::gap_of(self),
            Lang::Es => super::es::gap_of(self),
        }
    }
}

/// What an experience gap depends on besides its rule: whether experience
/// is stated, and the years to show (in the units they are shown in).
fn experience_key(rule: &ExperienceRule, m: Measure) -> Option<(u64, u64)> {
    // A rule with a maximum: its gaps are written each time.
    if rule.max_years.is_some() {
        return None;
    }
    let whole = |x: f64| (0.0..1e12).contains(&x).then(|| super::round(x) as u64);
    if !m.stated {
        return Some((1, 0));
    }
    match m.status {
        Status::Met => None,
        // Shown in tenths.
        Status::Unknown => Some((2, whole((m.possible - m.years) * 10.0)?)),
        // Missing years are kept in hundredths.
        Status::NotMet => Some((
            3,
            whole(super::years_missing(rule.years - m.at_most()) * 100.0)?,
        )),
    }
}

/// A finding without a path (every kind but education).
pub(super) fn plain(
    message: Text,
    expected: impl Into<Text>,
    evidence: Vec<Evidence>,
    gap: Option<Gap>,
) -> Rendered {
    Rendered {
        message,
        expected: expected.into(),
        path: None,
        other_paths: Vec::new(),
        evidence,
        gap,
    }
}

/// The evidence `cite` gives, each detail in words by `detail`.
pub(super) fn evidence<'a>(
    cite: impl FnOnce(&mut dyn FnMut(Cited<'a>)),
    detail: fn(&Detail<'_>) -> Text,
) -> Vec<Evidence> {
    let mut evidence = Vec::new();
    cite(&mut |c: Cited<'a>| {
        evidence.push(Evidence {
            item: c.item.path(),
            detail: detail(&c.detail),
            matched: c.matched.as_ref().map(Matched::evidence),
            source: None,
        });
    });
    evidence
}

/// One piece of evidence.
pub(super) fn one(item: Item<'_>, detail: Text, matched: Option<&Matched<'_>>) -> Vec<Evidence> {
    vec![Evidence {
        item: item.path(),
        detail,
        matched: matched.map(Matched::evidence),
        source: None,
    }]
}

/// A near miss as evidence, `note` saying it is shown and not counted.
pub(super) fn near_miss(
    near: Option<&(usize, Matched<'_>)>,
    item: fn(usize) -> Item<'static>,
    note: &str,
) -> Vec<Evidence> {
    near.map(|(i, m)| one(item(*i), text!("{} ({note})", m.found()), Some(m)))
        .unwrap_or_default()
}

// The labels' slots are the prepared candidate's; the words are written here.
impl<'a> Label<'a> {
    /// The English label: "bachelor's degree in Law (2019-06)",
    /// "Protection Assistant, UNHCR (2015-02–2019-06)".
    pub(crate) fn english(&self) -> &'a str {
        self.english_shared().map_or("", Text::as_str)
    }

    /// [`Label::english`], as the shared text.
    pub(crate) fn english_text(&self) -> Text {
        self.english_shared().cloned().unwrap_or_default()
    }

    fn english_shared(&self) -> Option<&'a Text> {
        self.text_in(Lang::En, |source, out| match source {
            Source::Degree(d) => d.entry.write_label(out),
            Source::Period(p) => p.entry.write_label(out),
        })
    }

    /// The label in `lang`, written by `write` the first time a finding of
    /// the prepared candidate names the entry, then reused.
    pub(crate) fn in_lang(
        &self,
        lang: Lang,
        write: impl FnOnce(Source<'a>, &mut String),
    ) -> &'a str {
        self.text_in(lang, write).map_or("", Text::as_str)
    }

    /// [`Label::in_lang`], as the shared text.
    pub(crate) fn text_in(
        &self,
        lang: Lang,
        write: impl FnOnce(Source<'a>, &mut String),
    ) -> Option<&'a Text> {
        let labels = match self.source {
            Source::Degree(d) => &d.labels,
            Source::Period(p) => &p.labels,
        };
        let cell = labels.get(lang_slot(lang))?;
        Some(cell.get_or_init(|| super::build(|out| write(self.source, out))))
    }

    /// Appends a period's domains in `lang`, ", "-joined in parentheses
    /// (" (case management, refugee protection)"); nothing for a degree
    /// or a period without domains. Shown where they were inferred, so
    /// that the reviewer sees what to verify.
    pub(crate) fn push_domains(&self, out: &mut String, lang: Lang) {
        let Source::Period(period) = self.source else {
            return;
        };
        let Some(domains) = period.domains.as_ref().filter(|d| !d.is_empty()) else {
            return;
        };
        out.push_str(" (");
        for (i, term) in domains.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(super::shown(term, lang));
        }
        out.push(')');
    }

    /// A period's words as evidence, counted for `years` with the doubts
    /// `why`, written by `write` the first time and then shared: a period
    /// is cited by several findings, for several vacancies, with the same
    /// words. A degree's are written every time.
    pub(crate) fn period_detail(
        &self,
        lang: Lang,
        years: f64,
        why: Doubts,
        write: impl FnOnce(&mut String),
    ) -> Text {
        let Source::Period(period) = self.source else {
            return super::build(write);
        };
        let key = PeriodDetail {
            lang: u8::try_from(lang_slot(lang)).unwrap_or(u8::MAX),
            years: years.to_bits(),
            doubts: why.bits(),
        };
        for slot in &period.details {
            match slot.get() {
                Some((kept, text)) if *kept == key => return text.clone(),
                Some(_) => continue,
                None => {
                    // Another thread may fill the slot first: the text is
                    // then kept in a later one, or not at all.
                    let text: Text = super::build(write);
                    let _ = slot.set((key, text.clone()));
                    return text;
                }
            }
        }
        super::build(write)
    }
}

/// The words kept in `slots` for `lang`, written by `write` the first
/// time; written every time when there are no slots.
pub(super) fn kept_words(
    slots: Option<&[OnceLock<Text>; 2]>,
    lang: Lang,
    write: impl FnOnce(&mut String),
) -> Text {
    match slots.and_then(|s| s.get(lang_slot(lang))) {
        Some(slot) => slot.get_or_init(|| super::build(write)).clone(),
        None => super::build(write),
    }
}

/// A language's place in the per-language slots.
fn lang_slot(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Es => 1,
    }
}

impl Item<'_> {
    /// `experience[2]`, `attestations.covid19_vaccination`: the same in
    /// every language.
    /// The paths of the first entries of each list are written once in
    /// the process and kept for it (about 20 kilobytes), so that evidence
    /// copies them without counting.
    pub(crate) fn path(self) -> Text {
        /// Entries per list whose paths are kept.
        const KEPT: usize = 64;
        static KEPT_PATHS: [OnceLock<&'static [&'static str]>; 9] = [const { OnceLock::new() }; 9];
        let (slot, list, i) = match self {
            Item::Education(i) => (0, "education[", i),
            Item::Experience(i) => (1, "experience[", i),
            Item::Language(i) => (2, "languages[", i),
            Item::Nationality(i) => (3, "nationalities[", i),
            Item::WorkAuthorization(i) => (4, "work_authorizations[", i),
            Item::StaffOf(i) => (5, "staff_of[", i),
            Item::AffiliateOf(i) => (6, "affiliate_of[", i),
            Item::Certification(i) => (7, "certifications[", i),
            Item::Skill(i) => (8, "skills[", i),
            Item::Attestation(name) => return text!("attestations.{name}"),
        };
        let write = |i: usize| {
            let mut path = String::with_capacity(24);
            path.push_str(list);
            super::push_digits(&mut path, u64::try_from(i).unwrap_or(u64::MAX));
            path.push(']');
            path
        };
        if i < KEPT {
            if let Some(kept) = KEPT_PATHS.get(slot) {
                let paths = kept.get_or_init(|| {
                    let paths: Vec<&'static str> = (0..KEPT).map(|i| &*write(i).leak()).collect();
                    paths.leak()
                });
                if let Some(path) = paths.get(i) {
                    return Text::kept(path);
                }
            }
        }
        write(i).into()
    }
}

#[cfg(test)]
mod tests {
    use crate::explain::fmt_years;

    #[test]
    fn formats_years() {
        assert_eq!(fmt_years(2.0), "2");
        assert_eq!(fmt_years(1.46), "1.5");
        assert_eq!(fmt_years(0.04), "0");
    }
}
