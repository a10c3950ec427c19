//! The closed set of reason codes.

use serde::{Serialize, Serializer};

macro_rules! codes {
    ($($variant:ident => $text:literal, $meaning:literal;)*) => {
        /// A stable machine code for a finding, such as `language.below_level`.
        ///
        /// The set is closed and documented: [`Code::ALL`] lists every code
        /// with [`Code::meaning`].
        ///
        /// # Example
        /// ```
        /// use vacancy_match::Code;
        /// assert_eq!(Code::LanguageBelowLevel.as_str(), "language.below_level");
        /// assert!(Code::ALL.iter().all(|c| !c.meaning().is_empty()));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $(
                #[doc = $meaning]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as emitted: `kind.reason`.
            ///
            /// # Example
            /// ```
            /// assert_eq!(vacancy_match::Code::EducationMet.as_str(), "education.met");
            /// ```
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }

            /// What the code means.
            ///
            /// # Example
            /// ```
            /// assert!(vacancy_match::Code::SkillMissing.meaning().contains("skill"));
            /// ```
            #[must_use]
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$variant => $meaning,)*
                }
            }
        }
    };
}

codes! {
    EducationMet => "education.met", "A path of the education requirement is met: degree level, field, accreditation and experience.";
    EducationMetBySubstitution => "education.met_by_substitution", "Met through the UN rule that a bachelor plus 2 extra years of qualifying experience stands in for a master.";
    EducationDegreeMissing => "education.degree_missing", "No completed degree at the level any path requires.";
    EducationFieldNotAccepted => "education.field_not_accepted", "The degree is not in an accepted field, and the posting allows no related field.";
    EducationNotAccredited => "education.not_accredited", "The institution is stated as not accredited where accreditation is required.";
    EducationExperienceShort => "education.experience_short", "The degree fits a path, but the path's years of experience are short.";
    EducationFieldToVerify => "education.field_to_verify", "The field is not in the accepted list but the posting allows related fields (or no field is stated): a person must judge.";
    EducationAccreditationUnknown => "education.accreditation_unknown", "Accreditation is required and the profile does not state it.";
    EducationExperienceToVerify => "education.experience_to_verify", "The path's experience is met only if periods of unclear relevance count.";
    EducationNotStated => "education.not_stated", "The profile states no education.";
    EducationCompletionToVerify => "education.completion_to_verify", "A degree that fits a path is listed without saying whether it was completed: a person must check.";
    ExperienceMet => "experience.met", "Enough years of qualifying experience.";
    ExperienceShort => "experience.short", "Not enough years of qualifying experience.";
    ExperienceToVerify => "experience.to_verify", "Enough years only if periods of unclear relevance, country or scope count.";
    ExperienceNotStated => "experience.not_stated", "The profile states no experience.";
    ExperienceAboveMaximum => "experience.above_maximum", "More years of qualifying experience than the posting's maximum (or more if periods to verify count).";
    LanguageMet => "language.met", "The language is at or above the required level, or stated as a mother tongue where a native speaker is required.";
    LanguageBelowLevel => "language.below_level", "The language is listed below the required level.";
    LanguageLevelUnknown => "language.level_unknown", "The language is listed without a level.";
    LanguageMissing => "language.missing", "The profile lists languages, not this one.";
    LanguageNotStated => "language.not_stated", "The profile states no languages.";
    LanguageNativeToVerify => "language.native_to_verify", "A native speaker is required and the profile lists the language without saying whether it is a mother tongue (whatever its level, C2 included): a person must check.";
    LanguageNotNative => "language.not_native", "A native speaker is required and the profile states the language is not a mother tongue.";
    WorkAuthorizationMet => "work_authorization.met", "A right to work in the country, of an accepted kind, valid on the date that matters.";
    WorkAuthorizationMissing => "work_authorization.missing", "No right to work in the country.";
    WorkAuthorizationExpired => "work_authorization.expired", "A permit that expires before the date it must be valid on.";
    WorkAuthorizationStatusNotAccepted => "work_authorization.status_not_accepted", "A right to work of a kind the posting does not accept.";
    WorkAuthorizationToVerify => "work_authorization.to_verify", "A right to work of a kind the posting does not name, that often comes with one it accepts (a recognized refugee's permanent residence, a humanitarian visa's permission to work): a person must check.";
    WorkAuthorizationNotStated => "work_authorization.not_stated", "The profile states neither nationality nor rights to work for the country.";
    InternalMet => "internal.met", "Current staff of an organization the posting is open to.";
    InternalNotStaff => "internal.not_staff", "Not current staff of the organizations the posting is open to.";
    InternalNotStated => "internal.not_stated", "The profile does not state current employment by the organization.";
    InternalToVerify => "internal.to_verify", "An organization in the profile names the one the posting is open to inside another name (\"Friends of UNHCR\"), or an ongoing position there sits beside staff of another body (an affiliate?): a person must check.";
    CertificationMet => "certification.met", "Holds the certification, valid at the measurement date.";
    CertificationMissing => "certification.missing", "The profile lists certifications, not this one.";
    CertificationExpired => "certification.expired", "Held the certification, but it has expired.";
    CertificationNotStated => "certification.not_stated", "The profile states no certifications.";
    SkillMet => "skill.met", "Has the skill, listed or evidenced by an experience domain.";
    SkillMissing => "skill.missing", "The profile lists skills, not this one, and no experience evidences it.";
    SkillNotStated => "skill.not_stated", "The profile states no skills and no experience evidences it.";
    SkillToVerify => "skill.to_verify", "Not listed; only an experience domain inferred from a job's description (not stated) shows it: a person must check.";
    AttestationMet => "attestation.met", "The candidate declares yes.";
    AttestationDeclined => "attestation.declined", "The candidate declares no.";
    AttestationNotStated => "attestation.not_stated", "The candidate has not answered.";
    NationalityMet => "nationality.met", "The candidate's nationalities meet the posting's nationality rule.";
    NationalityNotNational => "nationality.not_national", "Not a national of the countries the posting is open to (nationals only).";
    NationalityExcluded => "nationality.excluded", "A national of a country the posting excludes.";
    NationalityNotStated => "nationality.not_stated", "The profile states no nationality.";
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A text that is not one of the reason codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown reason code `{0}`")]
pub struct UnknownCode(String);

impl std::str::FromStr for Code {
    type Err = UnknownCode;

    /// Reads a code as emitted (`language.below_level`).
    ///
    /// # Example
    /// ```
    /// use vacancy_match::Code;
    /// assert_eq!("language.below_level".parse::<Code>(), Ok(Code::LanguageBelowLevel));
    /// assert!("language.lower".parse::<Code>().is_err());
    /// ```
    fn from_str(text: &str) -> Result<Code, UnknownCode> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == text)
            .ok_or_else(|| UnknownCode(text.to_string()))
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
