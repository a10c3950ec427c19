//! Dates as people write them in CVs and postings: a day, a month or a year.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The earliest and latest years accepted anywhere in inputs.
const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2200;

/// A date with day, month or year precision (`2024-02-08`, `2024-02`, `2024`).
///
/// A period that starts at a month starts on its first day; one that ends
/// at a month ends on its last day, so `2015-02`–`2015-03` is two months.
///
/// # Example
/// ```
/// use vacancy_match::PartialDate;
/// let d: PartialDate = "2024-02".parse()?;
/// assert_eq!(d.first_day().to_string(), "2024-02-01");
/// assert_eq!(d.last_day().to_string(), "2024-02-29");
/// assert!("2025-02-30".parse::<PartialDate>().is_err());
/// # Ok::<(), vacancy_match::PartialDateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

impl PartialDate {
    /// The first day the date covers.
    ///
    /// # Example
    /// ```
    /// let d: vacancy_match::PartialDate = "2019".parse()?;
    /// assert_eq!(d.first_day().to_string(), "2019-01-01");
    /// # Ok::<(), vacancy_match::PartialDateError>(())
    /// ```
    #[must_use]
    pub fn first_day(&self) -> NaiveDate {
        let month = self.month.unwrap_or(1);
        let day = self.day.unwrap_or(1);
        NaiveDate::from_ymd_opt(self.year, month, day).unwrap_or(NaiveDate::MIN)
    }

    /// Whether the date is a year only (`2019`), with no month.
    ///
    /// # Example
    /// ```
    /// let year: vacancy_match::PartialDate = "2019".parse()?;
    /// let month: vacancy_match::PartialDate = "2019-03".parse()?;
    /// assert!(year.is_year_only() && !month.is_year_only());
    /// # Ok::<(), vacancy_match::PartialDateError>(())
    /// ```
    #[must_use]
    pub fn is_year_only(&self) -> bool {
        self.month.is_none()
    }

    /// The last day the date covers.
    ///
    /// # Example
    /// ```
    /// let d: vacancy_match::PartialDate = "2023-02".parse()?;
    /// assert_eq!(d.last_day().to_string(), "2023-02-28");
    /// # Ok::<(), vacancy_match::PartialDateError>(())
    /// ```
    #[must_use]
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                NaiveDate::from_ymd_opt(self.year, m, d).unwrap_or(NaiveDate::MAX)
            }
            (Some(m), None) => last_of_month(self.year, m),
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// A full date.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use vacancy_match::PartialDate;
    /// let day = NaiveDate::from_ymd_opt(2025, 8, 1).unwrap();
    /// assert_eq!(PartialDate::from_date(day).to_string(), "2025-08-01");
    /// ```
    #[must_use]
    pub fn from_date(date: NaiveDate) -> Self {
        PartialDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }
}

fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let (next_year, next_month) = if month >= 12 {
        (year.saturating_add(1), 1)
    } else {
        (year, month.saturating_add(1))
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    last_of_month(year, month).day()
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date written exactly `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, valid: the
/// common case, read without splitting. `None` for anything else, which
/// the full reading accepts with its spaces or refuses with its reason.
fn plain(bytes: &[u8]) -> Option<PartialDate> {
    fn digits(bytes: &[u8]) -> Option<u32> {
        bytes.iter().try_fold(0_u32, |n, b| {
            // At most four digits: nothing overflows.
            b.is_ascii_digit().then(|| {
                n.saturating_mul(10)
                    .saturating_add(u32::from(b.wrapping_sub(b'0')))
            })
        })
    }
    let (year, month, day) = match bytes {
        [y @ .., b'-', m1, m2, b'-', d1, d2] if y.len() == 4 => {
            (y, Some([*m1, *m2]), Some([*d1, *d2]))
        }
        [y @ .., b'-', m1, m2] if y.len() == 4 => (y, Some([*m1, *m2]), None),
        y if y.len() == 4 => (y, None, None),
        _ => return None,
    };
    let year = i32::try_from(digits(year)?).ok()?;
    let month = month
        .map(|m| digits(&m))
        .map_or(Some(None), |m| m.map(Some))?;
    let day = day
        .map(|d| digits(&d))
        .map_or(Some(None), |d| d.map(Some))?;
    let valid = (MIN_YEAR..=MAX_YEAR).contains(&year)
        && month.is_none_or(|m| (1..=12).contains(&m))
        && match (month, day) {
            (Some(m), Some(d)) => d >= 1 && d <= days_in_month(year, m),
            _ => true,
        };
    valid.then_some(PartialDate { year, month, day })
}

/// Why a text is not a [`PartialDate`].
///
/// # Example
/// ```
/// use vacancy_match::{PartialDate, PartialDateError};
/// let err = "2025-02-30".parse::<PartialDate>().unwrap_err();
/// assert!(matches!(err, PartialDateError::NoSuchDay { days: 28, .. }));
/// assert_eq!(err.to_string(), "invalid date `2025-02-30`: February 2025 has 28 days");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PartialDateError {
    /// Not written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[error("invalid date `{text}`, expected YYYY-MM-DD, YYYY-MM, YYYY or a month and year such as March 2019")]
    Format {
        /// The text, without spaces around it.
        text: String,
    },
    /// A year outside 1900..=2200.
    #[error("invalid date `{text}`: year {year} is outside {MIN_YEAR}..={MAX_YEAR}")]
    YearOutOfRange {
        /// The text, without spaces around it.
        text: String,
        /// The year written.
        year: i32,
    },
    /// A month that is not 1 to 12.
    #[error("invalid date `{text}`: month {month} does not exist")]
    NoSuchMonth {
        /// The text, without spaces around it.
        text: String,
        /// The month written.
        month: u32,
    },
    /// A day that the month does not have.
    #[error("invalid date `{text}`: {} {year} has {days} days", month_name(*month))]
    NoSuchDay {
        /// The text, without spaces around it.
        text: String,
        /// The year written.
        year: i32,
        /// The month written (1 to 12).
        month: u32,
        /// How many days that month has.
        days: u32,
    },
}

fn month_name(month: u32) -> &'static str {
    MONTHS
        .get((month as usize).saturating_sub(1))
        .copied()
        .unwrap_or("that month")
}

impl std::str::FromStr for PartialDate {
    type Err = PartialDateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        plain(s.as_bytes()).map_or_else(
            || match read(s) {
                Err(PartialDateError::Format { .. }) if let Some(month) = month_and_year(s) => {
                    read(&month)
                }
                read => read,
            },
            Ok,
        )
    }
}

/// Month names in English and Spanish, and their short forms.
const MONTH_NAMES: [&[&str]; 12] = [
    &["january", "jan", "enero", "ene"],
    &["february", "feb", "febrero"],
    &["march", "mar", "marzo"],
    &["april", "apr", "abril", "abr"],
    &["may", "mayo"],
    &["june", "jun", "junio"],
    &["july", "jul", "julio"],
    &["august", "aug", "agosto", "ago"],
    &["september", "sep", "sept", "septiembre", "setiembre", "set"],
    &["october", "oct", "octubre"],
    &["november", "nov", "noviembre"],
    &["december", "dec", "diciembre", "dic"],
];

/// A month written with its name or number and a four-digit year, in
/// either order ("March 2019", "marzo de 2019", "Mar. 2019", "03/2019"),
/// as `YYYY-MM`: a date with a day, or a two-digit year, is not read.
fn month_and_year(text: &str) -> Option<String> {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | '/' | '-'))
        .filter(|w| !w.is_empty() && !matches!(*w, "de" | "del" | "of"))
        .collect();
    let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let month = |w: &str| {
        MONTH_NAMES
            .iter()
            .position(|names| names.contains(&w))
            .and_then(|i| u32::try_from(i.saturating_add(1)).ok())
            .or_else(|| {
                let number: u32 = w.parse().ok().filter(|_| w.len() <= 2)?;
                (1..=12).contains(&number).then_some(number)
            })
    };
    let (m, y) = match words[..] {
        [a, b] if year(b) => (month(a)?, b),
        [a, b] if year(a) => (month(b)?, a),
        _ => return None,
    };
    Some(format!("{y}-{m:02}"))
}

/// Any date a person may write: spaces around it, and a reason when it is
/// not a date.
fn read(s: &str) -> Result<PartialDate, PartialDateError> {
    let text = s.trim();
    let bad = || PartialDateError::Format {
        text: text.to_string(),
    };
    let mut parts = text.split('-');
    let year_text = parts.next().ok_or_else(bad)?;
    if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let year: i32 = year_text.parse().map_err(|_| bad())?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(PartialDateError::YearOutOfRange {
            text: text.to_string(),
            year,
        });
    }
    let number = |p: Option<&str>| -> Result<Option<u32>, PartialDateError> {
        match p {
            None => Ok(None),
            Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                p.parse().map(Some).map_err(|_| bad())
            }
            Some(_) => Err(bad()),
        }
    };
    let month = number(parts.next())?;
    let day = number(parts.next())?;
    if parts.next().is_some() {
        return Err(bad());
    }
    if let Some(m) = month {
        if !(1..=12).contains(&m) {
            return Err(PartialDateError::NoSuchMonth {
                text: text.to_string(),
                month: m,
            });
        }
        if let Some(d) = day {
            let max = days_in_month(year, m);
            if d == 0 || d > max {
                return Err(PartialDateError::NoSuchDay {
                    text: text.to_string(),
                    year,
                    month: m,
                    days: max,
                });
            }
        }
    }
    Ok(PartialDate { year, month, day })
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The common case, a four-digit year and two-digit month and day,
        // written from its digits: labels and the digest write many dates.
        if let Some(text) = self.digits() {
            return f.write_str(text.as_str());
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// A date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, on the stack.
struct Digits {
    bytes: [u8; 10],
    len: usize,
}

impl Digits {
    fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
}

impl PartialDate {
    /// The date's text when its year has four digits and its month and
    /// day at most two: what `{:04}` and `{:02}` write for them.
    fn digits(&self) -> Option<Digits> {
        let year = u32::try_from(self.year).ok().filter(|y| *y <= 9999)?;
        let mut bytes = [b'-'; 10];
        put(bytes.get_mut(..4)?, year);
        let len = match (self.month, self.day) {
            (None, None) => 4,
            (Some(month), None) if month <= 99 => {
                put(bytes.get_mut(5..7)?, month);
                7
            }
            (Some(month), Some(day)) if month <= 99 && day <= 99 => {
                put(bytes.get_mut(5..7)?, month);
                put(bytes.get_mut(8..10)?, day);
                10
            }
            _ => return None,
        };
        Some(Digits { bytes, len })
    }
}

/// Writes `number`'s last decimal digits into `slots`, zeros before them.
fn put(slots: &mut [u8], number: u32) {
    const DIGITS: &[u8; 10] = b"0123456789";
    let mut rest = number;
    for slot in slots.iter_mut().rev() {
        *slot = DIGITS.get((rest % 10) as usize).copied().unwrap_or(b'0');
        rest /= 10;
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date such as 2024-02-08, 2024-02 or 2024")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PartialDate, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PartialDate, E> {
                v.to_string().parse().map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PartialDate, E> {
                v.to_string().parse().map_err(E::custom)
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_by_name_or_number_with_a_year() {
        for (text, read) in [
            ("March 2019", "2019-03"),
            ("Mar. 2019", "2019-03"),
            ("marzo de 2019", "2019-03"),
            ("Septiembre 2021", "2021-09"),
            ("sept 2021", "2021-09"),
            ("2019 May", "2019-05"),
            ("03/2019", "2019-03"),
            ("3/2019", "2019-03"),
            ("12-2020", "2020-12"),
        ] {
            let date: Result<PartialDate, _> = text.parse();
            assert_eq!(date.map(|d| d.to_string()), Ok(read.to_string()), "{text}");
        }
        for text in [
            "01/03/2019",
            "13/2019",
            "March 19",
            "Marchy 2019",
            "May",
            "2019 2020",
        ] {
            let date: Result<PartialDate, _> = text.parse();
            assert!(
                matches!(date, Err(PartialDateError::Format { .. })),
                "{text}: {date:?}"
            );
        }
        let far: Result<PartialDate, _> = "March 2300".parse();
        assert!(
            matches!(far, Err(PartialDateError::YearOutOfRange { .. })),
            "{far:?}"
        );
    }

    #[test]
    fn dates_are_written_from_their_digits_as_format_writes_them() {
        let formatted = |d: &PartialDate| {
            let mut text = format!("{:04}", d.year);
            if let Some(m) = d.month {
                text.push_str(&format!("-{m:02}"));
            }
            if let Some(day) = d.day {
                text.push_str(&format!("-{day:02}"));
            }
            text
        };
        let years = [-1, 0, 7, 99, 1900, 2024, 9999, 10_000, i32::MIN, i32::MAX];
        let parts = [
            None,
            Some(0),
            Some(1),
            Some(9),
            Some(10),
            Some(31),
            Some(99),
            Some(100),
        ];
        for year in years {
            for month in parts {
                for day in parts {
                    let date = PartialDate { year, month, day };
                    assert_eq!(date.to_string(), formatted(&date), "{date:?}");
                }
            }
        }
    }

    #[test]
    fn the_plain_reading_agrees_with_the_full_one() {
        let inputs = [
            "2024",
            "2024-02",
            "2024-02-29",
            "2023-02-29",
            "2024-02-30",
            "2024-04-31",
            "2024-12-31",
            "2024-13",
            "2024-00",
            "2024-01-00",
            "1899",
            "1900",
            "2200",
            "2201",
            "2024-1",
            "2024-1-05",
            "24-01",
            " 2024-02",
            "2024-02 ",
            "2024/02",
            "20a4",
            "2024-0a",
            "2024-02-1x",
            "",
            "-",
            "2024-",
            "2024-02-",
        ];
        for text in inputs {
            match plain(text.as_bytes()) {
                Some(fast) => assert_eq!(Ok(fast), read(text), "{text:?}"),
                // Only dates with spaces around them are left to the full
                // reading and accepted by it.
                None => assert!(read(text).is_err() || text.trim() != text, "{text:?}"),
            }
        }
    }

    #[test]
    fn parses_each_precision() {
        let d: PartialDate = "2024-02-08".parse().unwrap();
        assert_eq!(d.first_day(), d.last_day());
        let m: PartialDate = "2024-12".parse().unwrap();
        assert_eq!(m.last_day().to_string(), "2024-12-31");
        let y: PartialDate = "2019".parse().unwrap();
        assert_eq!(y.last_day().to_string(), "2019-12-31");
    }

    #[test]
    fn rejects_impossible_dates_with_reason() {
        assert_eq!(
            "2025-02-30".parse::<PartialDate>().unwrap_err().to_string(),
            "invalid date `2025-02-30`: February 2025 has 28 days"
        );
        assert!("99999-01-01".parse::<PartialDate>().is_err());
        assert!("2024-13"
            .parse::<PartialDate>()
            .unwrap_err()
            .to_string()
            .contains("month 13"));
        assert!("1850-01"
            .parse::<PartialDate>()
            .unwrap_err()
            .to_string()
            .contains("outside"));
        assert!("2024/01/01".parse::<PartialDate>().is_err());
        assert!("".parse::<PartialDate>().is_err());
    }
}
