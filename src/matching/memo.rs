//! A profile name's comparisons with the vocabulary entries of its
//! category, remembered so that each is made once per prepared candidate
//! rather than once per requirement, path and vacancy.
//!
//! # Design
//! A rule's name that is in the vocabulary is one of its entry's forms, so
//! past the equality and alias tests (cheap, and made every time), what a
//! comparison finds (containment, a fuzzy match or a near miss) depends
//! only on the entry and the profile's name. Posting 000 alone compares a
//! degree's field with the same nine entries on each of its three paths,
//! and the five postings share most of their names.
//!
//! One slot per entry holds the result in 16 bits: the kind and the
//! similarity in hundredths (the similarity is reported rounded to two
//! decimals, so nothing is lost). Slots are atomics so a prepared
//! candidate stays `Send` and `Sync`; two threads racing on a slot compute
//! the same value.

use std::sync::atomic::{AtomicU16, AtomicU32, Ordering};

use super::MatchKind;

/// A remembered comparison result: `None` for no match, else the kind and
/// the similarity in hundredths.
pub(crate) type Found = Option<(MatchKind, u8)>;

/// The slots of one profile name, one per vocabulary entry of its category.
/// Shared: every profile that writes the same name (after normalisation)
/// in the same category may use the same slots (see `Vocabulary::memo`).
#[derive(Default, Clone)]
pub(crate) struct Memo(std::sync::Arc<[AtomicU16]>);

const EMPTY: u16 = 0;

fn encode(found: Found) -> u16 {
    let (code, hundredths) = match found {
        None => (0, 0),
        Some((how, hundredths)) => {
            let code = match how {
                MatchKind::Contains => 1,
                MatchKind::Fuzzy => 2,
                MatchKind::NearMiss => 3,
                // Equal names and aliases are decided before the memo and
                // never stored; 4 and 5 keep the encoding total anyway.
                MatchKind::Exact => 4,
                MatchKind::Alias => 5,
                MatchKind::Partial => 6,
            };
            (code, u16::from(hundredths.min(100)))
        }
    };
    (code << 7 | hundredths).saturating_add(1)
}

fn decode(slot: u16) -> Found {
    // Slot 0 is "not computed" and never decoded; saturate rather than trust it.
    let value = slot.saturating_sub(1);
    let how = match value >> 7 {
        0 => return None,
        1 => MatchKind::Contains,
        2 => MatchKind::Fuzzy,
        3 => MatchKind::NearMiss,
        4 => MatchKind::Exact,
        6 => MatchKind::Partial,
        _ => MatchKind::Alias,
    };
    Some((how, (value & 0x7f) as u8))
}

impl Memo {
    pub(crate) fn new(entries: usize) -> Memo {
        Memo((0..entries).map(|_| AtomicU16::new(EMPTY)).collect())
    }

    /// The bytes its slots take.
    pub(crate) fn bytes(&self) -> usize {
        self.0.len().saturating_mul(2)
    }

    /// The remembered result for `entry`, else `compute`'s, remembered.
    pub(crate) fn get_or(&self, entry: usize, compute: impl FnOnce() -> Found) -> Found {
        let Some(slot) = self.0.get(entry) else {
            return compute();
        };
        match slot.load(Ordering::Relaxed) {
            EMPTY => {
                let found = compute();
                slot.store(encode(found), Ordering::Relaxed);
                found
            }
            value => decode(value),
        }
    }
}

/// A memo is a cache: it takes no part in what a name is.
impl PartialEq for Memo {
    fn eq(&self, _: &Memo) -> bool {
        true
    }
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Memo({} slots)", self.0.len())
    }
}

/// A profile name's best match against each list of names the rule set's
/// requirements give (in the name's category): which name of the list,
/// and how. One slot per list, 32 bits each, like [`Memo`].
#[derive(Default, Clone)]
pub(crate) struct ListMemo(std::sync::Arc<[AtomicU32]>);

/// A remembered best match in a list: the index of the rule's name, and
/// the comparison (the similarity in hundredths).
pub(crate) type ListFound = Option<(usize, MatchKind, u8)>;

/// Not computed; `NONE` is no match in the list.
const LIST_EMPTY: u32 = 0;
const LIST_NONE: u32 = 1;

fn kind_code(how: MatchKind) -> u32 {
    match how {
        MatchKind::Contains => 1,
        MatchKind::Fuzzy => 2,
        MatchKind::NearMiss => 3,
        MatchKind::Exact => 4,
        MatchKind::Alias => 5,
        MatchKind::Partial => 6,
    }
}

fn encode_list(found: ListFound) -> Option<u32> {
    let Some((index, how, hundredths)) = found else {
        return Some(LIST_NONE);
    };
    // Lists of more than 2^20 names are not remembered.
    let index = u32::try_from(index).ok().filter(|i| *i < (1 << 20))?;
    let hundredths = u32::from(hundredths.min(100));
    Some(((index << 10) | (kind_code(how) << 7) | hundredths).saturating_add(2))
}

fn decode_list(slot: u32) -> ListFound {
    let value = slot.checked_sub(2)?;
    let how = match (value >> 7) & 7 {
        1 => MatchKind::Contains,
        2 => MatchKind::Fuzzy,
        3 => MatchKind::NearMiss,
        4 => MatchKind::Exact,
        6 => MatchKind::Partial,
        _ => MatchKind::Alias,
    };
    let index = usize::try_from(value >> 10).ok()?;
    Some((index, how, (value & 0x7f) as u8))
}

impl ListMemo {
    pub(crate) fn new(lists: usize) -> ListMemo {
        ListMemo((0..lists).map(|_| AtomicU32::new(LIST_EMPTY)).collect())
    }

    /// The bytes its slots take.
    pub(crate) fn bytes(&self) -> usize {
        self.0.len().saturating_mul(4)
    }

    /// The remembered result for `list`; `None` if not computed yet.
    #[inline]
    pub(crate) fn get(&self, list: usize) -> Option<ListFound> {
        match self.0.get(list)?.load(Ordering::Relaxed) {
            LIST_EMPTY => None,
            value => Some(decode_list(value)),
        }
    }

    /// Remembers the result for `list`.
    pub(crate) fn set(&self, list: usize, found: ListFound) {
        if let (Some(slot), Some(code)) = (self.0.get(list), encode_list(found)) {
            slot.store(code, Ordering::Relaxed);
        }
    }
}

/// A memo is a cache: it takes no part in what a name is.
impl PartialEq for ListMemo {
    fn eq(&self, _: &ListMemo) -> bool {
        true
    }
}

impl std::fmt::Debug for ListMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ListMemo({} slots)", self.0.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_result() {
        let kinds = [
            MatchKind::Contains,
            MatchKind::Fuzzy,
            MatchKind::NearMiss,
            MatchKind::Exact,
            MatchKind::Alias,
            MatchKind::Partial,
        ];
        assert_eq!(decode(encode(None)), None);
        for how in kinds {
            for k in 0..=100_u8 {
                let back = decode(encode(Some((how, k))));
                assert_eq!(back, Some((how, k)), "{how:?} {k}");
            }
        }
    }

    #[test]
    fn round_trips_every_list_result() {
        assert_eq!(decode_list(encode_list(None).unwrap()), None);
        for how in [
            MatchKind::Contains,
            MatchKind::Fuzzy,
            MatchKind::NearMiss,
            MatchKind::Exact,
            MatchKind::Alias,
            MatchKind::Partial,
        ] {
            for index in [0, 1, 7, 255, (1 << 20) - 1] {
                for k in 0..=100_u8 {
                    let back = decode_list(encode_list(Some((index, how, k))).unwrap());
                    assert_eq!(back, Some((index, how, k)));
                }
            }
        }
        assert_eq!(encode_list(Some((1 << 20, MatchKind::Exact, 100))), None);
    }

    #[test]
    fn remembers() {
        let memo = Memo::new(3);
        let mut calls = 0;
        for _ in 0..3 {
            let found = memo.get_or(1, || {
                calls += 1;
                Some((MatchKind::NearMiss, 71))
            });
            assert_eq!(found, Some((MatchKind::NearMiss, 71)));
        }
        assert_eq!(calls, 1);
        assert_eq!(memo.get_or(9, || None), None, "out of range: computed");
    }
}
