//! What reports call a requirement and a vacancy: the rule file's label or
//! title in the report's language, else a label derived from the kind and
//! its terms (never the raw id). Written once per requirement and language.

use std::fmt::Write as _;

use super::{shown, Lang};
use crate::model::candidate::Completion;
use crate::model::vacancy::{Localized, Rule, Scope};
use crate::{Degree, Period, Requirement, Vacancy};

impl Requirement {
    /// What reports call the requirement in `lang`: the rule file's
    /// `label` for that language, else one derived from its kind and terms
    /// in that language (display names from the vocabulary).
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Lang, RuleSet};
    /// let rules = RuleSet::from_yaml_str(r#"
    /// id: demo
    /// title: Demo Officer
    /// organization: UNHCR
    /// duty_station: { country: GT }
    /// requirements:
    ///   - id: protection
    ///     kind: experience
    ///     years: 2
    ///     domains: [refugee protection]
    ///     label: { en: Protection work, es: Trabajo de protección }
    ///   - id: english
    ///     kind: language
    ///     languages: en
    ///     level: B2
    /// "#)?;
    /// let v = rules.vacancy("demo").unwrap();
    /// assert_eq!(v.requirements()[0].label(Lang::Es), "Trabajo de protección");
    /// assert_eq!(v.requirements()[1].label(Lang::Es), "Inglés");
    /// assert_eq!(v.requirements()[1].label(Lang::En), "English");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn label(&self, lang: Lang) -> crate::text::Text {
        self.label_text.get(lang, || {
            in_lang(&self.label, lang).map_or_else(|| derived(&self.rule, lang), str::to_string)
        })
    }
}

impl Vacancy {
    /// The job title in `lang`: the rule file's title for that language,
    /// else its other one.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Lang, RuleSet};
    /// let rules = RuleSet::from_yaml_str(r#"
    /// id: demo
    /// title: { en: Operations Assistant, es: Asistente de Operaciones }
    /// organization: IOM
    /// duty_station: { country: GT }
    /// requirements:
    ///   - { id: spanish, kind: language, languages: es, level: C1 }
    /// "#)?;
    /// let v = rules.vacancy("demo").unwrap();
    /// assert_eq!(v.title_in(Lang::Es), "Asistente de Operaciones");
    /// assert_eq!(v.title_in(Lang::En), "Operations Assistant");
    /// assert_eq!(v.title(), "Operations Assistant");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn title_in(&self, lang: Lang) -> &str {
        in_lang(&self.titles, lang)
            .or_else(|| in_lang(&self.titles, other(lang)))
            .unwrap_or(&self.title)
    }
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Es,
        Lang::Es => Lang::En,
    }
}

fn in_lang(text: &Localized, lang: Lang) -> Option<&str> {
    match lang {
        Lang::En => text.en.as_deref(),
        Lang::Es => text.es.as_deref(),
    }
}

/// The text with its first letter in upper case: "inglés" → "Inglés".
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "A, B or C" in English, "A, B o C" in Spanish.
fn or_list(names: &[&str], lang: Lang) -> String {
    match lang {
        Lang::Es => super::es::list_or(names),
        Lang::En => match names {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
        },
    }
}

/// At most three names, then how many more: a label stays short.
fn few(names: &[&str], lang: Lang) -> String {
    const SHOWN: usize = 3;
    if names.len() <= SHOWN + 1 {
        return or_list(names, lang);
    }
    let more = names.len().saturating_sub(SHOWN);
    let first = names.get(..SHOWN).unwrap_or_default().join(", ");
    match lang {
        Lang::En => format!("{first} or {more} more"),
        Lang::Es => format!("{first} o {more} más"),
    }
}

/// A label from the kind and its terms, in `lang`.
fn derived(rule: &Rule, lang: Lang) -> String {
    let es = lang == Lang::Es;
    let names = |terms: &[crate::matching::Term]| -> String {
        let names: Vec<&str> = terms.iter().map(|t| shown(t, lang)).collect();
        few(&names, lang)
    };
    match rule {
        Rule::Education(_) => if es {
            "Formación académica"
        } else {
            "Education"
        }
        .to_string(),
        Rule::Experience(e) => {
            let scope = match (e.scope, es) {
                (Scope::Any, _) => "",
                (Scope::International, false) => "international ",
                (Scope::National, false) => "national ",
                (Scope::International, true) => " internacional",
                (Scope::National, true) => " nacional",
            };
            match (e.domains.is_empty(), es) {
                (true, false) => capitalized(&format!("{scope}experience")),
                (true, true) => format!("Experiencia{scope}"),
                (false, false) => {
                    capitalized(&format!("{scope}experience in {}", names(&e.domains)))
                }
                (false, true) => format!("Experiencia{scope} en {}", names(&e.domains)),
            }
        }
        Rule::Language(l) => {
            let names: Vec<&str> = l
                .languages
                .iter()
                .map(|x| {
                    if es {
                        x.spanish_name()
                    } else {
                        x.english_name()
                    }
                })
                .collect();
            let list = few(&names, lang);
            if es {
                // Language names are lowercase inside a Spanish sentence
                // but lead a label.
                capitalized(&list.to_lowercase())
            } else {
                list
            }
        }
        Rule::WorkAuthorization(a) => {
            if es {
                format!("Permiso para trabajar en {}", a.country.spanish_name())
            } else {
                format!("Right to work in {}", a.country.english_name())
            }
        }
        Rule::Internal(i) => {
            if es {
                format!("Personal de {}", names(&i.organizations))
            } else {
                format!("Current {} staff", names(&i.organizations))
            }
        }
        Rule::Certification(n) => {
            if es {
                format!("Certificación: {}", names(&n.any_of))
            } else {
                format!("Certification: {}", names(&n.any_of))
            }
        }
        Rule::Skill(n) => capitalized(&names(&n.any_of)),
        Rule::Nationality(n) => {
            let mut countries: Vec<&str> = n
                .countries
                .iter()
                .map(|c| {
                    if es {
                        c.spanish_name()
                    } else {
                        c.english_name()
                    }
                })
                .collect();
            countries.sort_unstable();
            let list = few(&countries, lang);
            match (n.exclude, es) {
                (false, false) => format!("National of {list}"),
                (false, true) => format!("Nacionalidad: {list}"),
                (true, false) => format!("Not a national of {list}"),
                (true, true) => format!("No ser nacional de {list}"),
            }
        }
        Rule::Attestation(a) => {
            let shown = if es { &a.display.es } else { &a.display.en };
            let name = shown.clone().unwrap_or_else(|| a.name.replace('_', " "));
            if es {
                format!("Declaración: {name}")
            } else {
                format!("Declaration: {name}")
            }
        }
    }
}

// The profile's entries as evidence names them: words, so they live
// here rather than with the plain data in `model`.

impl Degree {
    /// A label for explanations: "Licenciatura in Law (2015)".
    pub(crate) fn label(&self) -> String {
        let mut s = String::new();
        self.write_label(&mut s);
        s
    }

    /// Appends [`Degree::label`] to `out`.
    pub(crate) fn write_label(&self, out: &mut String) {
        let _ = write!(out, "{}", self.degree);
        if let Some(field) = &self.field {
            out.push_str(" in ");
            out.push_str(field);
        }
        if let Some(done) = self.completed.and_then(Completion::date) {
            let _ = write!(out, " ({done})");
        }
    }
}

impl Period {
    /// Appends the period's title and organization ("Protection
    /// Assistant, UNHCR"), or `unnamed` when it states neither.
    pub(crate) fn write_name(&self, out: &mut String, unnamed: &str) {
        match (&self.title, &self.organization) {
            (Some(t), Some(o)) => {
                out.push_str(t);
                out.push_str(", ");
                out.push_str(o);
            }
            (Some(name), None) | (None, Some(name)) => out.push_str(name),
            (None, None) => out.push_str(unnamed),
        }
    }

    /// A label for explanations: "Protection Assistant, UNHCR (2015-02–2019-06)".
    pub(crate) fn label(&self) -> String {
        let mut s = String::new();
        self.write_label(&mut s);
        s
    }

    /// Appends [`Period::label`] to `out`.
    pub(crate) fn write_label(&self, out: &mut String) {
        self.write_name(out, "position");
        if let Some(years) = self.declared_years {
            let _ = write!(
                out,
                ", {} years declared without dates",
                super::fmt_years(years)
            );
        }
        match self.end {
            Some(end) => {
                let _ = write!(out, " ({}–{end})", self.start);
            }
            None => {
                let _ = write!(out, " ({}–ongoing)", self.start);
            }
        }
        if let Some(f) = self.fraction.filter(|f| *f < 1.0) {
            let _ = write!(out, ", {:.0}% time", f * 100.0);
        }
    }
}
