//! What an evaluator found, as data: the parameters of every sentence a
//! finding can say, borrowed from the rule and the profile. `explain`
//! turns them into words, once per finding, in the language asked for.
//!
//! # Design
//! Evaluators decide (status, credit, code) and record *why* in these
//! types; they never write words. Each renderer in `explain` matches
//! every variant, so the compiler keeps the languages in step: a new fact
//! cannot ship with one language only.

use chrono::NaiveDate;

use super::{Context, Prepared, PreparedDegree, PreparedPeriod, Span};
use crate::matching::Matched;
use crate::model::vacancy::{
    AuthorizationRule, EducationPath, EducationRule, ExperienceRule, InternalRule, LanguageRule,
    NamedRule, NationalityRule,
};
use crate::model::{Country, DegreeLevel, PartialDate, Status};
use crate::{AuthorizationStatus, LanguageSkill, WorkAuthorization};

/// The facts behind one finding.
pub(crate) enum Facts<'a> {
    Education(EducationFacts<'a>),
    Experience(ExperienceFacts<'a>),
    Language(LanguageFacts<'a>),
    Authorization(AuthorizationFacts<'a>),
    Internal(InternalFacts<'a>),
    Certification(CertificationFacts<'a>),
    Skill(SkillFacts<'a>),
    Attestation(AttestationFacts<'a>),
    Nationality(NationalityFacts<'a>),
}

/// A degree or a period of the profile, to name in a sentence: the entry
/// itself, written out by each language when the finding is explained.
#[derive(Clone, Copy)]
pub(crate) struct Label<'a> {
    pub(crate) source: Source<'a>,
}

/// The profile entry behind a [`Label`].
#[derive(Clone, Copy)]
pub(crate) enum Source<'a> {
    Degree(&'a PreparedDegree<'a>),
    Period(&'a PreparedPeriod<'a>),
}

/// Where in the profile a piece of evidence is.
#[derive(Clone, Copy)]
pub(crate) enum Item<'a> {
    Education(usize),
    Experience(usize),
    Language(usize),
    Nationality(usize),
    WorkAuthorization(usize),
    StaffOf(usize),
    AffiliateOf(usize),
    Certification(usize),
    Skill(usize),
    Attestation(&'a str),
}

/// One piece of evidence: where, what it says, and the name comparison.
#[derive(Clone, Copy)]
pub(crate) struct Cited<'a> {
    pub(crate) item: Item<'a>,
    pub(crate) detail: Detail<'a>,
    pub(crate) matched: Option<Matched<'a>>,
}

/// What a piece of evidence says.
#[derive(Clone, Copy)]
pub(crate) enum Detail<'a> {
    /// The degree judged.
    Degree(Label<'a>),
    /// A degree at the level asked, not completed by the date.
    DegreeNotCompleted { degree: Label<'a>, by: NaiveDate },
    /// A period counted, with its years.
    Period { period: Label<'a>, years: Years },
    /// A period that counts only if a person says so, and why.
    PeriodToVerify {
        period: Label<'a>,
        years: Years,
        why: Doubts,
    },
    /// A period that starts after the measurement date.
    PeriodTooLate { period: Label<'a>, after: NaiveDate },
    /// The candidate is a national of the country.
    National(Country),
    /// A right to work stated for the country.
    Right {
        right: &'a WorkAuthorization,
        country: Country,
    },
}

/// The years a period counts for, measured when they are shown: the span
/// counted (from its first day, or from the degree it must follow), up to
/// the measurement date.
#[derive(Clone, Copy)]
pub(crate) struct Years {
    pub(crate) span: Span,
    pub(crate) until: NaiveDate,
}

impl Years {
    pub(crate) fn get(self) -> f64 {
        super::span_years(self.span, self.until)
    }
}

/// Why a period's relevance is in doubt.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Doubt {
    DomainsNotStated,
    Relevance,
    CountryNotStated,
    ScopeNotStated,
    /// Experience must follow a degree, and the profile states no education.
    DegreeDateNotStated,
    /// The period's domains were inferred from its description, not
    /// stated: whatever they match, a person must judge.
    DomainsInferred,
    /// The period's dates are years only: what is sure of it counts, the
    /// rest is for a person to verify.
    YearsOnly,
}

impl Doubt {
    /// Every doubt, in the order explanations give them.
    pub(crate) const ALL: [Doubt; 7] = [
        Doubt::DomainsNotStated,
        Doubt::DomainsInferred,
        Doubt::Relevance,
        Doubt::CountryNotStated,
        Doubt::ScopeNotStated,
        Doubt::DegreeDateNotStated,
        Doubt::YearsOnly,
    ];

    fn bit(self) -> u8 {
        match self {
            Doubt::DomainsNotStated => 1,
            Doubt::Relevance => 2,
            Doubt::CountryNotStated => 4,
            Doubt::ScopeNotStated => 8,
            Doubt::DegreeDateNotStated => 16,
            Doubt::DomainsInferred => 32,
            Doubt::YearsOnly => 64,
        }
    }
}

/// The doubts about one period, each at most once.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Doubts(u8);

impl Doubts {
    pub(crate) fn add(&mut self, doubt: Doubt) {
        self.0 |= doubt.bit();
    }

    /// The doubts as bits, one per [`Doubt`].
    pub(crate) fn bits(self) -> u8 {
        self.0
    }

    /// The doubts, in the order explanations give them.
    pub(crate) fn iter(self) -> impl Iterator<Item = Doubt> {
        Doubt::ALL
            .into_iter()
            .filter(move |d| self.0 & d.bit() != 0)
    }
}

/// An experience requirement measured against the profile.
#[derive(Clone, Copy)]
pub(crate) struct Measure {
    pub(crate) status: Status,
    /// Qualifying years for sure.
    pub(crate) years: f64,
    /// Years if the periods to verify count.
    pub(crate) possible: f64,
    /// Whether the profile states any experience.
    pub(crate) stated: bool,
}

impl Measure {
    /// The most the candidate could have: the years if the periods to
    /// verify count, when they add a twentieth of a year or more (the
    /// report shows tenths), else the years for sure.
    pub(crate) fn at_most(&self) -> f64 {
        if self.possible - self.years >= 0.05 {
            self.possible
        } else {
            self.years
        }
    }
}

/// What a requirement was judged on: the prepared profile and the
/// evaluation's context, from which the evidence of experience and
/// education findings is found again when they are explained.
#[derive(Clone, Copy)]
pub(crate) struct Basis<'a> {
    pub(crate) prepared: &'a Prepared<'a>,
    pub(crate) ctx: Context<'a>,
}

/// An experience requirement: what it asks, and what was measured.
pub(crate) struct ExperienceFacts<'a> {
    pub(crate) rule: &'a ExperienceRule,
    pub(crate) measure: Measure,
    pub(crate) basis: Basis<'a>,
}

impl<'a> Basis<'a> {
    /// The duty-station country, for national experience.
    pub(crate) fn home(&self) -> Country {
        self.ctx.vacancy.country
    }
}

impl<'a> ExperienceFacts<'a> {
    /// The duty-station country, for national experience.
    pub(crate) fn home(&self) -> Country {
        self.basis.home()
    }

    /// The periods cited, in the profile's order, each given to `each`.
    pub(crate) fn cited(&self, each: &mut dyn FnMut(Cited<'a>)) {
        super::experience::cited(self.rule, self.basis.prepared, &self.basis.ctx, each);
    }
}

/// An education requirement: its paths, and the one reported.
pub(crate) struct EducationFacts<'a> {
    pub(crate) rule: &'a EducationRule,
    /// `None` only for a requirement without paths (the loader refuses
    /// them): nothing to evaluate. Boxed, so that every finding stays
    /// small to move.
    pub(crate) best: Option<Box<PathFacts<'a>>>,
    /// When no path is met: the other paths, in the posting's order.
    pub(crate) others: Vec<PathFacts<'a>>,
    pub(crate) basis: Basis<'a>,
}

/// Where an education finding's gap comes from, the same in every
/// language: the renderers write it.
pub(crate) enum EducationGap<'f, 'a> {
    /// No path to evaluate: every path, to verify.
    Paths,
    /// The years of the path reported are short or to verify.
    Experience(PathExperience<'a>),
    /// The degree of the path reported.
    Degree(&'f DegreeFacts<'a>, &'a EducationPath),
    /// Met (through the UN substitution rule): no gap.
    None,
}

impl<'a> EducationFacts<'a> {
    /// The duty-station country, for national experience.
    pub(crate) fn home(&self) -> Country {
        self.basis.home()
    }

    /// The evidence of the path reported: the degree judged, the degrees
    /// at the path's level not completed in time, then the periods its
    /// experience part cites.
    pub(crate) fn cited(&self, each: &mut dyn FnMut(Cited<'a>)) {
        if let Some(best) = &self.best {
            super::education::cited(best, self.basis.prepared, &self.basis.ctx, each);
        }
    }

    pub(crate) fn gap_source(&self) -> EducationGap<'_, 'a> {
        let Some(best) = &self.best else {
            return EducationGap::Paths;
        };
        match best.experience {
            Some(pe) if matches!(pe.join, Join::Short | Join::ToVerify) => {
                EducationGap::Experience(pe)
            }
            Some(pe) if pe.join == Join::Substitution => EducationGap::None,
            _ => EducationGap::Degree(&best.degree, best.path),
        }
    }
}

/// The path met, or the closest one.
pub(crate) struct PathFacts<'a> {
    /// 1-based, as people count paths.
    pub(crate) number: usize,
    pub(crate) path: &'a EducationPath,
    pub(crate) met: bool,
    pub(crate) degree: DegreeFacts<'a>,
    /// The path's experience part, when it has one.
    pub(crate) experience: Option<PathExperience<'a>>,
    /// The degree judged, and how its field matched.
    pub(crate) chosen: Option<(&'a PreparedDegree<'a>, Option<Matched<'a>>)>,
}

/// The experience part of an education path.
#[derive(Clone, Copy)]
pub(crate) struct PathExperience<'a> {
    pub(crate) rule: &'a ExperienceRule,
    pub(crate) measure: Measure,
    pub(crate) join: Join,
}

/// How the degree part and the experience part of a path combine into one
/// sentence, and which one's gap is reported.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Join {
    /// The degree's problem comes first (or both are met): the degree's gap.
    Degree,
    /// The degree fits, the years are short: the experience's gap.
    Short,
    /// The degree fits, the years count only with periods to verify.
    ToVerify,
    /// Met through the UN substitution rule.
    Substitution,
}

/// How the degree judged stands against a path.
pub(crate) enum DegreeFacts<'a> {
    /// The profile states no education.
    NotStated,
    /// No degree completed by the measurement date.
    NoneCompleted,
    /// The best degree is below the level asked.
    BelowLevel {
        degree: Label<'a>,
        level: DegreeLevel,
    },
    FieldNotAccepted {
        degree: Label<'a>,
        field: Option<&'a str>,
        matched: Option<Matched<'a>>,
    },
    NotAccredited {
        degree: Label<'a>,
    },
    FieldNotStated {
        degree: Label<'a>,
    },
    FieldToVerify {
        degree: Label<'a>,
        field: &'a str,
        matched: Option<Matched<'a>>,
    },
    AccreditationUnknown {
        degree: Label<'a>,
    },
    /// The degree fits, but the profile does not say it was completed.
    CompletionNotStated {
        degree: Label<'a>,
    },
    /// No degree at the path's level is completed by `by`, but `degree`,
    /// under way or completed later, implies one at `level` was.
    Implied {
        degree: Label<'a>,
        level: DegreeLevel,
        by: NaiveDate,
    },
    /// The degree fits, and was completed in a year or month that `by`,
    /// the measurement date, falls in: whether by then is not stated.
    CompletionSpans {
        degree: Label<'a>,
        by: NaiveDate,
    },
    Met {
        degree: Label<'a>,
        matched: Option<Matched<'a>>,
    },
}

/// A language requirement and the entry it was judged on.
#[derive(Clone, Copy)]
pub(crate) struct LanguageFacts<'a> {
    pub(crate) rule: &'a LanguageRule,
    pub(crate) found: LanguageFound<'a>,
}

#[derive(Clone, Copy)]
pub(crate) enum LanguageFound<'a> {
    /// The profile states no languages.
    NotStated,
    /// None of the languages asked is listed; the profile's languages.
    Missing(&'a [LanguageSkill]),
    /// The best entry for a language asked, and how it stands.
    Listed {
        index: usize,
        skill: &'a LanguageSkill,
        status: Status,
        /// Where the entry's words as evidence are kept, per language.
        words: Option<&'a [std::sync::OnceLock<crate::text::Text>; 2]>,
    },
}

/// A work authorization requirement and the right it rests on.
pub(crate) struct AuthorizationFacts<'a> {
    pub(crate) rule: &'a AuthorizationRule,
    /// The date a right must be valid on.
    pub(crate) valid_on: NaiveDate,
    pub(crate) found: AuthorizationFound<'a>,
    pub(crate) cited: Vec<Cited<'a>>,
}

#[derive(Clone, Copy)]
pub(crate) enum AuthorizationFound<'a> {
    National,
    Valid(&'a WorkAuthorization),
    Expired(&'a WorkAuthorization, PartialDate),
    Refused(&'a WorkAuthorization),
    /// A right of a kind not accepted that often comes with an accepted
    /// one (`may`): a recognized refugee is a permanent resident in many
    /// countries, a humanitarian visa often lets its holder work.
    MayCarry(&'a WorkAuthorization, AuthorizationStatus),
    /// Nationalities and rights are stated, none for the country.
    Missing,
    NotStated,
}

/// A nationality rule and what the profile holds.
#[derive(Clone, Copy)]
pub(crate) struct NationalityFacts<'a> {
    pub(crate) rule: &'a NationalityRule,
    pub(crate) found: NationalityFound<'a>,
}

#[derive(Clone, Copy)]
pub(crate) enum NationalityFound<'a> {
    /// The profile states no nationality.
    NotStated,
    /// A national of a listed country (`index` in the profile's list).
    National { index: usize, held: &'a [Country] },
    /// A national of a listed (excluded) country who also holds another,
    /// where the rule lets dual nationals apply.
    DualNational { index: usize, held: &'a [Country] },
    /// None of the listed countries.
    Other { held: &'a [Country] },
    /// No nationality stated, but a citizen of `country` by a right to
    /// work (`index` in the profile's work authorizations): a national of
    /// it, whatever else the candidate may hold.
    Citizen { index: usize, country: Country },
}

/// An internal-only requirement.
#[derive(Clone, Copy)]
pub(crate) struct InternalFacts<'a> {
    pub(crate) rule: &'a InternalRule,
    pub(crate) found: InternalFound<'a>,
}

#[derive(Clone, Copy)]
pub(crate) enum InternalFound<'a> {
    Staff {
        index: usize,
        matched: Matched<'a>,
    },
    Ongoing {
        index: usize,
        period: Label<'a>,
        on: NaiveDate,
        matched: Matched<'a>,
    },
    /// Affiliate of the organization, where the posting counts affiliates.
    Affiliate {
        index: usize,
        matched: Matched<'a>,
    },
    /// A name that contains the organization's but may be another
    /// organization ("Friends of UNHCR"), or an ongoing position at the
    /// organization while staff of another (an affiliate?): to verify.
    ToVerify {
        item: Item<'a>,
        /// The ongoing period, when the evidence is one.
        period: Option<Label<'a>>,
        matched: Matched<'a>,
    },
    NotStaff,
    NotStated,
}

/// A certification requirement.
#[derive(Clone, Copy)]
pub(crate) struct CertificationFacts<'a> {
    pub(crate) rule: &'a NamedRule,
    pub(crate) found: CertificationFound<'a>,
}

#[derive(Clone, Copy)]
pub(crate) enum CertificationFound<'a> {
    NotStated,
    Valid {
        index: usize,
        matched: Matched<'a>,
        expires: Option<PartialDate>,
    },
    Expired {
        index: usize,
        matched: Matched<'a>,
        on: PartialDate,
        needed_on: NaiveDate,
    },
    /// Not held; the closest certificate below the threshold, if any.
    Missing {
        near: Option<(usize, Matched<'a>)>,
    },
}

/// A skill requirement.
#[derive(Clone, Copy)]
pub(crate) struct SkillFacts<'a> {
    pub(crate) rule: &'a NamedRule,
    pub(crate) found: SkillFound<'a>,
}

#[derive(Clone, Copy)]
pub(crate) enum SkillFound<'a> {
    Listed {
        index: usize,
        matched: Matched<'a>,
    },
    Evidenced {
        index: usize,
        period: Label<'a>,
        matched: Matched<'a>,
    },
    /// Only a domain inferred from a period's description shows it.
    Inferred {
        index: usize,
        period: Label<'a>,
        matched: Matched<'a>,
    },
    /// No skills stated, and no experience domain shows one.
    NotStated,
    /// Not listed; the closest skill below the threshold, if any.
    Missing {
        near: Option<(usize, Matched<'a>)>,
    },
}

/// A yes/no declaration.
#[derive(Clone, Copy)]
pub(crate) struct AttestationFacts<'a> {
    pub(crate) name: &'a str,
    /// How sentences name it, from the vocabulary.
    pub(crate) display: &'a crate::matching::Display,
    pub(crate) answer: Option<bool>,
}
