//! Normalised Damerau-Levenshtein similarity, as
//! `strsim::normalized_damerau_levenshtein` computes it, for the one use
//! the matcher has: is it at least a threshold, and if so, what is it.
//!
//! # Design
//! Normalised names are short lowercase ASCII. For those, the classic
//! Lowrance-Wagner table over bytes, in a buffer kept per thread (never
//! cleared: each cell is written before it is read), with a 256-entry
//! last-row table, is several times faster than strsim's general version
//! (chars, a growing hash map, fresh rows). Both compute the same distance,
//! the unrestricted Damerau-Levenshtein one (a property test checks they
//! agree). Names that are longer or not ASCII go to strsim.
//!
//! The smallest value of a row never decreases from one row to the next
//! (a cell comes from the row above plus at most nothing, from its left
//! neighbour plus one, or from a transposition that costs at least the
//! rows it skips, while a row's minimum grows by at most one per row), so
//! once a row's minimum exceeds the distance the threshold allows, the
//! answer is known to be below the threshold and the table is left.

// The table is indexed and its cells added to by position: every index is
// below `(n + 2) × (m + 2)`, the size the table is grown to before use,
// with `n` and `m` at most `MAX` (256) bytes, checked on entry, so neither
// an index nor a sum of at most `n + m + 2` can go out of range or
// overflow `u16`. Checked accessors in this innermost loop would cost the
// speed this module exists for; the property tests compare every result
// with strsim's.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::cell::RefCell;

/// Longest name, in bytes, handled here (the table grows to its square).
const MAX: usize = 256;

thread_local! {
    /// The table, kept between calls: every cell read is written first, so
    /// it is never cleared, only grown.
    static TABLE: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
}

/// The normalised Damerau-Levenshtein similarity of `a` and `b` when it is
/// at least `threshold`; otherwise some value below `threshold`.
pub(crate) fn similarity_from(a: &str, b: &str, threshold: f64) -> f64 {
    if !(a.is_ascii() && b.is_ascii() && a.len() <= MAX && b.len() <= MAX) {
        return strsim::normalized_damerau_levenshtein(a, b);
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    let similarity = |distance: usize| 1.0 - (distance as f64) / (longer as f64);
    // The largest distance whose similarity reaches the threshold, found
    // with the same arithmetic as the result.
    let mut allowed = longer + 1;
    while allowed > 0 && similarity(allowed) < threshold {
        allowed -= 1;
    }
    if similarity(allowed) < threshold {
        return similarity(longer);
    }
    let distance = TABLE.with(|table| match table.try_borrow_mut() {
        Ok(mut table) => distance(a, b, allowed, &mut table),
        // Not reentrant; a second table for the impossible case.
        Err(_) => distance(a, b, allowed, &mut Vec::new()),
    });
    similarity(distance)
}

/// The Damerau-Levenshtein distance of `a` and `b`, or, once it is known
/// to exceed `allowed`, some value above `allowed`.
fn distance(a: &[u8], b: &[u8], allowed: usize, table: &mut Vec<u16>) -> usize {
    let (n, m) = (a.len(), b.len());
    // Row r of the table holds the distances of a[..r - 1] and every
    // prefix of b, at columns 1..; row and column 0 are the sentinels of
    // index -1 in the classic formulation.
    let w = m + 2;
    if table.len() < (n + 2) * w {
        table.resize((n + 2) * w, 0);
    }
    let big = (n + m) as u16;
    table[0] = big;
    table[w] = big;
    for j in 0..=m {
        table[j + 1] = big;
        table[w + j + 1] = j as u16;
    }
    let mut last_row = [0_usize; 256];
    for i in 1..=n {
        let ai = a[i - 1];
        // Rows 0..=i are done; row i + 1 is being filled.
        let (done, rest) = table.split_at_mut((i + 1) * w);
        let row = &mut rest[..w];
        let up = &done[i * w..(i + 1) * w];
        row[0] = big;
        row[1] = i as u16;
        let mut last_col = 0;
        let mut row_min = row[1];
        for j in 1..=m {
            let bj = b[j - 1];
            let k = last_row[usize::from(bj)];
            let l = last_col;
            let cost = if ai == bj {
                last_col = j;
                0
            } else {
                1
            };
            // k < i and l < j: the transposition's cell is in a done row.
            let transposed = done[k * w + l] + (i - k - 1 + 1 + j - l - 1) as u16;
            let value = (up[j] + cost)
                .min(row[j] + 1)
                .min(up[j + 1] + 1)
                .min(transposed);
            row[j + 1] = value;
            row_min = row_min.min(value);
        }
        last_row[usize::from(ai)] = i;
        if usize::from(row_min) > allowed {
            return usize::from(row_min);
        }
    }
    usize::from(table[(n + 1) * w + m + 1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(a: &str, b: &str, threshold: f64) -> Result<(), TestCaseError> {
        let reference = strsim::normalized_damerau_levenshtein(a, b);
        let ours = similarity_from(a, b, threshold);
        if reference >= threshold {
            prop_assert_eq!(ours.to_bits(), reference.to_bits(), "{:?} {:?}", a, b);
        } else {
            prop_assert!(ours < threshold, "{a:?} {b:?}: {ours} for {reference}");
        }
        Ok(())
    }

    #[test]
    fn known_values() {
        assert_eq!(similarity_from("ca", "abc", 0.0), 1.0 - 2.0 / 3.0);
        assert_eq!(similarity_from("", "", 0.7), 1.0);
        assert_eq!(similarity_from("abc", "", 0.0), 0.0);
        assert_eq!(
            similarity_from("certified scrum master", "certifed scrum mastr", 0.85),
            strsim::normalized_damerau_levenshtein(
                "certified scrum master",
                "certifed scrum mastr"
            )
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn agrees_with_strsim_on_small_alphabets(
            a in "[abc]{0,12}",
            b in "[abc]{0,12}",
            threshold in prop::sample::select(vec![0.0, 0.5, 0.7, 0.85]),
        ) {
            same(&a, &b, threshold)?;
        }

        #[test]
        fn agrees_with_strsim_on_names(
            a in "[a-z ]{0,60}",
            edits in prop::collection::vec((0_usize..60, 0_u8..4, "[a-z ]"), 0..6),
            threshold in prop::sample::select(vec![0.0, 0.7, 0.85]),
        ) {
            // b is a with a few typos, so that pairs are near each other.
            let mut b: Vec<char> = a.chars().collect();
            for (at, op, c) in edits {
                let c = c.chars().next().unwrap_or('x');
                let at = if b.is_empty() { 0 } else { at % b.len() };
                match op {
                    0 if !b.is_empty() => { b.remove(at); }
                    1 => b.insert(at, c),
                    2 if at + 1 < b.len() => b.swap(at, at + 1),
                    _ if !b.is_empty() => b[at] = c,
                    _ => {}
                }
            }
            let b: String = b.into_iter().collect();
            same(&a, &b, threshold)?;
        }


        #[test]
        fn a_dirty_table_gives_the_same_results(
            a in "[a-d ]{0,30}",
            b in "[a-d ]{0,30}",
            dirt in 0_u16..3,
        ) {
            // Whatever earlier calls left in the table is overwritten.
            let reference = strsim::normalized_damerau_levenshtein(&a, &b);
            let mut table = vec![dirt; 40 * 40];
            let d = distance(a.as_bytes(), b.as_bytes(), usize::MAX, &mut table);
            let longer = a.len().max(b.len());
            let ours = if longer == 0 { 1.0 } else { 1.0 - d as f64 / longer as f64 };
            prop_assert_eq!(ours, reference);
        }

        #[test]
        fn a_used_table_gives_the_same_results(
            pairs in prop::collection::vec(("[a-d ]{0,30}", "[a-d ]{0,30}"), 1..20),
        ) {
            // The per-thread table is reused across calls of every size.
            for (a, b) in &pairs {
                same(a, b, 0.0)?;
                same(a, b, 0.7)?;
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn agrees_with_strsim_beyond_the_fast_path(
            a in "[a-zé ]{0,70}|[ab]{250,270}",
            b in "[a-zé ]{0,70}|[ab]{250,270}",
        ) {
            same(&a, &b, 0.7)?;
        }
    }
}
