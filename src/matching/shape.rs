//! What a comparison needs to know about a normalised name, computed once
//! when the name is normalised: its words, a mask of them, its length in
//! characters and a histogram of its characters.
//!
//! # Design
//! Damerau-Levenshtein costs 0.1–2 µs a pair and most pairs a screening
//! compares are nowhere near each other ("derecho" and "international
//! relation"). Two lower bounds of the distance reject those pairs in a
//! few nanoseconds, without changing any result:
//! - the distance is at least the difference of the lengths;
//! - it is at least the *bag distance*: the characters of one name that
//!   the other lacks, counted with multiplicity (an insertion, deletion or
//!   substitution changes the bags by one character each, a transposition
//!   not at all). Characters are counted in 32 buckets, which can only
//!   lower the bound, never raise it past the distance.
//!
//! A pair is compared with the real metric only when the bounds leave its
//! similarity able to reach the near-miss threshold.

/// Buckets of the character histogram: 26 letters, then digits, space and
/// everything else sharing the last six.
const BUCKETS: usize = 32;

/// The precomputed features of one normalised name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shape {
    /// One bit per word (by a hash of it): a word set that lacks a bit
    /// cannot contain the word.
    pub(crate) mask: u64,
    /// Length in characters, as the metric counts it.
    pub(crate) chars: usize,
    /// Character counts by bucket, saturating.
    bag: [u8; BUCKETS],
}

fn bucket(c: char) -> usize {
    match c {
        // Each arm's arithmetic is bounded by its pattern.
        'a'..='z' => (c as usize).saturating_sub('a' as usize),
        '0'..='9' => 26_usize.saturating_add((c as usize).saturating_sub('0' as usize) % 3),
        ' ' => 29,
        _ => 30_usize.saturating_add((c as usize) % 2),
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// A word's bit: its FNV-1a hash, folded to a bit position.
fn word_bit(hash: u64) -> u64 {
    1 << (hash >> 58)
}

impl Shape {
    pub(crate) fn new(norm: &str) -> Shape {
        let mut bag = [0_u8; BUCKETS];
        let mut count = |c: char| {
            if let Some(slot) = bag.get_mut(bucket(c)) {
                *slot = slot.saturating_add(1);
            }
        };
        // One pass over the bytes hashes the words (split at spaces, which
        // are ASCII) and, for ASCII names, counts the characters.
        let ascii = norm.is_ascii();
        let (mut mask, mut hash) = (0, FNV_OFFSET);
        for b in norm.bytes() {
            if ascii {
                count(char::from(b));
            }
            if b == b' ' {
                mask |= word_bit(hash);
                hash = FNV_OFFSET;
            } else {
                hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
            }
        }
        mask |= word_bit(hash);
        let chars = if ascii {
            norm.len()
        } else {
            norm.chars().for_each(&mut count);
            norm.chars().count()
        };
        Shape { mask, chars, bag }
    }

    /// Whether every word of `norm` (whose shape is `self`) is a word of
    /// `other_norm` (whose shape is `other`). The masks settle most pairs;
    /// the words are compared only when they cannot.
    pub(crate) fn words_within(&self, norm: &str, other: &Shape, other_norm: &str) -> bool {
        self.mask & !other.mask == 0
            && norm
                .split(' ')
                .all(|w| other_norm.split(' ').any(|o| o == w))
    }

    /// An upper bound of the normalised Damerau-Levenshtein similarity of
    /// the two names, computed as the metric computes its value from a
    /// distance (`1 - distance / longer length`), so that a bound below a
    /// threshold proves the similarity is below it too.
    pub(crate) fn similarity_bound(&self, other: &Shape) -> f64 {
        let longer = self.chars.max(other.chars);
        if longer == 0 {
            return 1.0;
        }
        // Fixed-size arrays and 16-bit sums (32 × 255 fits): the loop
        // compiles to a few vector instructions.
        let (mut extra, mut missing) = (0_u16, 0_u16);
        for (&a, &b) in self.bag.iter().zip(other.bag.iter()) {
            extra = extra.saturating_add(u16::from(a.saturating_sub(b)));
            missing = missing.saturating_add(u16::from(b.saturating_sub(a)));
        }
        let distance = usize::from(extra.max(missing)).max(self.chars.abs_diff(other.chars));
        1.0 - (distance as f64) / (longer as f64)
    }

    /// Whether the similarity of the two names may reach `threshold`: the
    /// length bound first, which costs nothing, then the bag bound.
    pub(crate) fn may_reach(&self, other: &Shape, threshold: f64) -> bool {
        let longer = self.chars.max(other.chars);
        let by_length = 1.0 - (self.chars.abs_diff(other.chars) as f64) / (longer.max(1) as f64);
        by_length >= threshold && self.similarity_bound(other) >= threshold
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn bound(a: &str, b: &str) -> f64 {
        Shape::new(a).similarity_bound(&Shape::new(b))
    }

    #[test]
    fn words_within() {
        let within = |a: &str, b: &str| Shape::new(a).words_within(a, &Shape::new(b), b);
        assert!(within("law", "international law"));
        assert!(!within("international law", "law"));
        assert!(within("law law", "law"));
        assert!(!within("la", "law"));
    }

    #[test]
    fn far_names_are_bounded_low() {
        assert!(bound("derecho", "international relation") < 0.5);
        assert!(bound("refugee protection", "case management") < 0.7);
        // A typo stays close.
        assert!(bound("certified scrum master", "certifed scrum mastr") > 0.85);
    }

    proptest! {
        #[test]
        fn bound_is_never_below_the_similarity(
            a in "[a-e0-9 ]{0,14}|[a-zñé ]{0,24}",
            b in "[a-e0-9 ]{0,14}|[a-zñé ]{0,24}",
        ) {
            let real = strsim::normalized_damerau_levenshtein(&a, &b);
            let bound = bound(&a, &b);
            prop_assert!(bound >= real, "{a:?} {b:?}: bound {bound} < similarity {real}");
            for threshold in [0.5, 0.7, 0.85] {
                if !Shape::new(&a).may_reach(&Shape::new(&b), threshold) {
                    prop_assert!(real < threshold, "{a:?} {b:?}: {real} reaches {threshold}");
                }
            }
        }
    }
}
