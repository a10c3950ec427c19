//! Normalised Damerau-Levenshtein similarity, as
//! `strsim::normalized_damerau_levenshtein` computes it, for the one use
//! the matcher has: is it at least a threshold, and if so, what is it.
//!
//! # Design
//! Normalised names are short lowercase ASCII. For those, the classic
//! Lowrance-Wagner table over bytes, on the stack, with a 256-entry
//! last-row table, is several times faster than strsim's general version
//! (chars, a growing hash map, heap rows). Both compute the same distance,
//! the unrestricted Damerau-Levenshtein one (a property test checks they
//! agree). Names that are longer or not ASCII go to strsim.
//!
//! The smallest value of a row never decreases from one row to the next
//! (a cell comes from the row above plus at most nothing, from its left
//! neighbour plus one, or from a transposition that costs at least the
//! rows it skips, while a row's minimum grows by at most one per row), so
//! once a row's minimum exceeds the distance the threshold allows, the
//! answer is known to be below the threshold and the table is left.

/// Longest name, in bytes, handled on the stack.
const MAX: usize = 48;
/// Row length of the table: a sentinel column, the empty prefix, `MAX` bytes.
const W: usize = MAX + 2;

/// The normalised Damerau-Levenshtein similarity of `a` and `b` when it is
/// at least `threshold`; otherwise some value below `threshold`.
pub(crate) fn similarity_from(a: &str, b: &str, threshold: f64) -> f64 {
    if !(a.is_ascii() && b.is_ascii() && a.len() <= MAX && b.len() <= MAX) {
        return strsim::normalized_damerau_levenshtein(a, b);
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (n, m) = (a.len(), b.len());
    let longer = n.max(m);
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
    let big = (n + m) as u16;
    // table[(i + 1) * W + (j + 1)] is the distance of a[..i] and b[..j];
    // row and column 0 of the array are the sentinels of index -1.
    let mut table = [0_u16; W * W];
    let at = |i: usize, j: usize| i * W + j;
    table[at(0, 0)] = big;
    for i in 0..=n {
        table[at(i + 1, 0)] = big;
        table[at(i + 1, 1)] = i as u16;
    }
    for j in 0..=m {
        table[at(0, j + 1)] = big;
        table[at(1, j + 1)] = j as u16;
    }
    let mut last_row = [0_usize; 256];
    // Known to the compiler, so that the row indexes below need no checks.
    let m = m.min(MAX);
    for i in 1..=n {
        let ai = a[i - 1];
        // Rows 0..=i are done; row i + 1 is being filled.
        let (done, rest) = table.split_at_mut((i + 1) * W);
        let row = &mut rest[..W];
        let up = &done[i * W..(i + 1) * W];
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
            let transposed = done[k * W + l] + (i - k - 1 + 1 + j - l - 1) as u16;
            let value = (up[j] + cost)
                .min(row[j] + 1)
                .min(up[j + 1] + 1)
                .min(transposed);
            row[j + 1] = value;
            row_min = row_min.min(value);
        }
        last_row[usize::from(ai)] = i;
        if usize::from(row_min) > allowed {
            return similarity(usize::from(row_min));
        }
    }
    similarity(usize::from(table[at(n + 1, m + 1)]))
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
        fn agrees_with_strsim_beyond_the_fast_path(
            a in "[a-zé ]{0,70}",
            b in "[a-zé ]{0,70}",
        ) {
            same(&a, &b, 0.7)?;
        }
    }
}
