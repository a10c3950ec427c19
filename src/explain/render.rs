//! Plain-text rendering of findings and assessments, in their language.

use std::fmt;

use super::{en, es, Assessment, Finding, Gap, Lang, Status, Verdict};
use crate::matching::NameMatch;
use crate::Priority;

/// The fixed words of a report in one language.
pub(super) struct Words {
    pub(super) eligible: &'static str,
    pub(super) needs_review: &'static str,
    pub(super) ineligible: &'static str,
    /// Before the measurement date of a closed vacancy (then `]`).
    pub(super) closed: &'static str,
    pub(super) met: &'static str,
    pub(super) verify: &'static str,
    pub(super) missing: &'static str,
    /// Before a finding's gap and evidence lines.
    pub(super) indent: &'static str,
    pub(super) asset: &'static str,
    /// After a condition of appointment's id.
    pub(super) condition: &'static str,
    pub(super) gap: &'static str,
    pub(super) acquire: &'static str,
    /// Before the changes to verify when nothing is to acquire.
    pub(super) confirm: &'static str,
    /// Before the changes to verify after those to acquire.
    pub(super) then: &'static str,
}

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &en::WORDS,
        Lang::Es => &es::WORDS,
    }
}

fn write_match(lang: Lang, m: &NameMatch, f: &mut dyn fmt::Write) -> fmt::Result {
    match lang {
        Lang::En => en::name_match(m, f),
        Lang::Es => es::name_match(m, f),
    }
}

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        en::gap(self, f)
    }
}

impl Gap {
    /// The gap for people in `lang`: "needs 0.5 more years of refugee
    /// protection experience", "faltan 0,5 años de experiencia en refugee
    /// protection". `Display` is the English.
    ///
    /// A gap's own texts (`of`, `what`, the language and levels) are in
    /// the language of the assessment that made it ([`Finding::lang`]):
    /// render it in that language.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Gap, Lang};
    /// let gap = Gap::Years { missing: 0.46, of: "experiencia en refugee protection".into() };
    /// assert_eq!(gap.render(Lang::Es), "faltan 0,5 años de experiencia en refugee protection");
    /// let gap = Gap::Years { missing: 1.0, of: "case management experience".into() };
    /// assert_eq!(gap.render(Lang::En), gap.to_string());
    /// ```
    #[must_use]
    pub fn render(&self, lang: Lang) -> String {
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_in(lang, &mut text);
        text
    }

    /// Writes the gap in `lang`.
    pub(crate) fn write_in(&self, lang: Lang, f: &mut dyn fmt::Write) -> fmt::Result {
        match lang {
            Lang::En => en::gap(self, f),
            Lang::Es => es::gap(self, f),
        }
    }

    /// The change that would close the gap, as a what-if for people:
    /// "1 more year of refugee protection experience", "English C1
    /// (fluent) instead of B2". The English of [`Gap::change_in`].
    ///
    /// # Example
    /// ```
    /// use vacancy_match::Gap;
    /// let gap = Gap::Level { language: "English".into(), have: Some("B2".into()), need: "C1 (fluent)".into() };
    /// assert_eq!(gap.change(), "English C1 (fluent) instead of B2");
    /// ```
    #[must_use]
    pub fn change(&self) -> String {
        en::change(self)
    }

    /// The change that would close the gap, in `lang` (the language of
    /// the assessment that made the gap).
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Gap, Lang};
    /// let gap = Gap::Level { language: "Inglés".into(), have: Some("B2".into()), need: "C1 (fluido)".into() };
    /// assert_eq!(gap.change_in(Lang::Es), "Inglés C1 (fluido) en lugar de B2");
    /// let gap = Gap::Years { missing: 1.46, of: "experiencia".into() };
    /// assert_eq!(gap.change_in(Lang::Es), "1,5 años más de experiencia");
    /// ```
    #[must_use]
    pub fn change_in(&self, lang: Lang) -> String {
        match lang {
            Lang::En => en::change(self),
            Lang::Es => es::change(self),
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = words(self.lang);
        let mark = match self.status {
            Status::Met => w.met,
            Status::Unknown => w.verify,
            Status::NotMet => w.missing,
        };
        let asset = match self.priority {
            Priority::Desirable => w.asset,
            Priority::Condition => w.condition,
            _ => "",
        };
        write!(f, "{mark}{}{asset}: {}", self.label, self.message)?;
        if let Some(gap) = &self.gap {
            if self.status != Status::Met {
                write!(f, "\n{}{}", w.indent, w.gap)?;
                gap.write_in(self.lang, f)?;
            }
        }
        for other in &self.other_paths {
            write!(f, "\n{}{other}", w.indent)?;
        }
        for e in &self.evidence {
            write!(f, "\n{}· {}", w.indent, e.item)?;
            if let Some(source) = &e.source {
                write!(f, " [{source}]")?;
            }
            write!(f, ": {}", e.detail)?;
            if let Some(m) = &e.matched {
                f.write_str(" — ")?;
                write_match(self.lang, m, f)?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Assessment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = words(self.lang);
        let verdict = match self.verdict {
            Verdict::Eligible => w.eligible,
            Verdict::NeedsReview => w.needs_review,
            Verdict::Ineligible => w.ineligible,
        };
        match self.lang {
            Lang::En => write!(f, "{verdict}  {:.1}/100", self.score)?,
            Lang::Es => write!(
                f,
                "{verdict}  {}/100",
                es::comma(format!("{:.1}", self.score))
            )?,
        }
        write!(
            f,
            "  {} — {} ({})",
            self.vacancy, self.title, self.organization
        )?;
        if self.closed {
            write!(f, "{}{}]", w.closed, self.measured_at)?;
        }
        for finding in &self.findings {
            write!(f, "\n{finding}")?;
        }
        let changes = |status: Status| {
            self.what_if
                .iter()
                .filter(move |c| c.status == status)
                .map(|c| c.change.as_str())
                .collect::<Vec<&str>>()
        };
        let acquire = changes(Status::NotMet);
        let verify = changes(Status::Unknown);
        if !acquire.is_empty() {
            write!(f, "\n  {}{}", w.acquire, acquire.join("; "))?;
        }
        if !verify.is_empty() {
            let lead = if acquire.is_empty() {
                w.confirm
            } else {
                w.then
            };
            write!(f, "\n  {lead}{}", verify.join("; "))?;
        }
        Ok(())
    }
}
