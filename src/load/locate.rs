//! Finding the line and column of a field path in block-style YAML and
//! in JSON, for problems found after parsing (which the parser cannot
//! place).

/// One step of a field path.
#[derive(Debug, PartialEq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let Some(end) = inner.find(']') else { break };
            if let Ok(n) = inner[..end].parse() {
                out.push(Step::Index(n));
            }
            rest = inner.get(end.saturating_add(1)..).unwrap_or("");
        }
    }
    out
}

/// A line of the document seen from a scope: where its content starts.
#[derive(Debug, Clone, Copy)]
struct Seen<'a> {
    number: usize,
    start: usize,
    text: &'a str,
}

impl<'a> Seen<'a> {
    fn content(&self) -> &'a str {
        self.text.get(self.start..).unwrap_or("")
    }
}

fn meaningful(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && !t.starts_with('#') && t != "---"
}

fn indent_of(text: &str) -> usize {
    text.len()
        .saturating_sub(text.trim_start_matches(' ').len())
}

/// Lines after `after` that belong under a node at column `col`.
fn children<'a>(lines: &[(usize, &'a str)], after: usize, col: usize) -> Vec<Seen<'a>> {
    let mut out = Vec::new();
    for &(number, text) in lines.iter().filter(|(n, _)| *n > after) {
        let indent = indent_of(text);
        let item_at_col = indent == col && text.trim_start().starts_with('-');
        if indent > col || item_at_col {
            out.push(Seen {
                number,
                start: indent,
                text,
            });
        } else {
            break;
        }
    }
    out
}

/// Line and column (1-based) of `path` (e.g. `experience[2].end`) in the
/// YAML `text`, or of the deepest part of it that could be found.
pub(crate) fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i.saturating_add(1), l))
        .filter(|(_, l)| meaningful(l))
        .collect();
    let mut scope: Vec<Seen<'_>> = lines
        .iter()
        .map(|&(number, text)| Seen {
            number,
            start: indent_of(text),
            text,
        })
        .collect();
    let mut found = None;
    for step in steps(path) {
        let Some(first) = scope.first().copied() else {
            break;
        };
        let col = first.start;
        match step {
            Step::Key(key) => {
                let hit = scope.iter().find(|s| {
                    s.start == col && {
                        let c = s.content();
                        let c = c.strip_prefix(['"', '\'']).unwrap_or(c);
                        c.strip_prefix(key)
                            .map(|r| r.strip_prefix(['"', '\'']).unwrap_or(r))
                            .is_some_and(|r| r.starts_with(':'))
                    }
                });
                let Some(hit) = hit.copied() else { break };
                found = Some((hit.number, col.saturating_add(1)));
                let after_colon = hit.content().find(':').map_or(0, |i| i.saturating_add(1));
                let value_start = hit.start.saturating_add(after_colon);
                let value = hit.text.get(value_start..).unwrap_or("");
                let mut next = Vec::new();
                if meaningful(value) {
                    next.push(Seen {
                        start: value_start.saturating_add(indent_of(value)),
                        ..hit
                    });
                }
                next.extend(children(&lines, hit.number, hit.start));
                scope = next;
            }
            Step::Index(n) => {
                let items: Vec<Seen<'_>> = scope
                    .iter()
                    .filter(|s| {
                        s.start == col && {
                            let c = s.content();
                            c == "-" || c.starts_with("- ")
                        }
                    })
                    .copied()
                    .collect();
                let Some(item) = items.get(n).copied() else {
                    break;
                };
                let after_dash = item.content().get(1..).unwrap_or("");
                let inner = item
                    .start
                    .saturating_add(1)
                    .saturating_add(indent_of(after_dash));
                found = Some((item.number, inner.saturating_add(1)));
                let mut next = Vec::new();
                if meaningful(after_dash) {
                    next.push(Seen {
                        start: inner,
                        ..item
                    });
                }
                next.extend(children(&lines, item.number, item.start));
                scope = next;
            }
        }
    }
    found
}

/// Line and column (1-based) of `path` (e.g. `experience[2].end`) in the
/// JSON `text`: of the key for a field, of the value for an item; or of
/// the deepest part of the path that could be found.
///
/// # Design
/// Only the values along the path are entered; the others are skipped by
/// counting brackets outside strings, so a deep sibling costs no stack.
pub(crate) fn locate_json(text: &str, path: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut pos = skip_space(bytes, 0);
    let mut found = None;
    for step in steps(path) {
        match step {
            Step::Key(key) => {
                let Some((key_at, value_at)) = member(bytes, pos, key) else {
                    break;
                };
                found = Some(key_at);
                pos = value_at;
            }
            Step::Index(n) => {
                let Some(item_at) = item(bytes, pos, n) else {
                    break;
                };
                found = Some(item_at);
                pos = item_at;
            }
        }
    }
    found.map(|offset| line_column(text, offset))
}

/// Where the member `key` of the object at `pos` starts, and its value.
fn member(bytes: &[u8], pos: usize, key: &str) -> Option<(usize, usize)> {
    if bytes.get(pos) != Some(&b'{') {
        return None;
    }
    let mut pos = pos.saturating_add(1);
    loop {
        pos = skip_space(bytes, pos);
        if bytes.get(pos) != Some(&b'"') {
            return None;
        }
        let key_at = pos;
        let after = skip_string(bytes, pos);
        let name = bytes.get(pos.saturating_add(1)..after.saturating_sub(1))?;
        pos = skip_space(bytes, after);
        if bytes.get(pos) != Some(&b':') {
            return None;
        }
        pos = skip_space(bytes, pos.saturating_add(1));
        if name == key.as_bytes() {
            return Some((key_at, pos));
        }
        pos = skip_space(bytes, skip_value(bytes, pos));
        if bytes.get(pos) != Some(&b',') {
            return None;
        }
        pos = pos.saturating_add(1);
    }
}

/// Where item `n` of the array at `pos` starts.
fn item(bytes: &[u8], pos: usize, n: usize) -> Option<usize> {
    if bytes.get(pos) != Some(&b'[') {
        return None;
    }
    let mut pos = skip_space(bytes, pos.saturating_add(1));
    for _ in 0..n {
        pos = skip_space(bytes, skip_value(bytes, pos));
        if bytes.get(pos) != Some(&b',') {
            return None;
        }
        pos = skip_space(bytes, pos.saturating_add(1));
    }
    match bytes.get(pos) {
        None | Some(b']') => None,
        Some(_) => Some(pos),
    }
}

fn skip_space(bytes: &[u8], mut pos: usize) -> usize {
    while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
        pos = pos.saturating_add(1);
    }
    pos
}

/// Past the string that starts (with its quote) at `pos`.
fn skip_string(bytes: &[u8], pos: usize) -> usize {
    let mut pos = pos.saturating_add(1);
    while let Some(&b) = bytes.get(pos) {
        pos = pos.saturating_add(1);
        match b {
            b'\\' => pos = pos.saturating_add(1),
            b'"' => return pos,
            _ => {}
        }
    }
    pos
}

/// Past the value that starts at `pos`.
fn skip_value(bytes: &[u8], pos: usize) -> usize {
    let mut pos = pos;
    let mut depth = 0_usize;
    while let Some(&b) = bytes.get(pos) {
        match b {
            b'"' => {
                pos = skip_string(bytes, pos);
                if depth == 0 {
                    return pos;
                }
                continue;
            }
            b'{' | b'[' => depth = depth.saturating_add(1),
            b'}' | b']' => {
                if depth == 0 {
                    return pos;
                }
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return pos.saturating_add(1);
                }
            }
            b',' if depth == 0 => return pos,
            _ => {}
        }
        pos = pos.saturating_add(1);
    }
    pos
}

/// The 1-based line and column (in characters) of byte `offset`.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count().saturating_add(1);
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |l| l.chars().count())
        .saturating_add(1);
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "\
id: x
# a comment
requirements:
  - id: edu
    kind: education
    paths:
      - degree: bachelor
        experience: { years: 3 }
      - degree: master
  - id: lang
    kind: language
    level: C1
experience:
- start: 2020-01
  end: 2019-01
";

    #[test]
    fn finds_nested_keys_and_items() {
        assert_eq!(locate(DOC, "id"), Some((1, 1)));
        assert_eq!(locate(DOC, "requirements[1].level"), Some((12, 5)));
        assert_eq!(locate(DOC, "requirements[0].paths[1].degree"), Some((9, 9)));
        assert_eq!(locate(DOC, "requirements[1]"), Some((10, 5)));
        assert_eq!(locate(DOC, "experience[0].end"), Some((15, 3)));
    }

    #[test]
    fn falls_back_to_deepest_found() {
        assert_eq!(
            locate(DOC, "requirements[0].paths[0].experience.years"),
            Some((8, 9))
        );
        assert_eq!(locate(DOC, "requirements[5].id"), Some((3, 1)));
        assert_eq!(locate(DOC, "nothing"), None);
    }

    const JSON: &str = r#"{
  "id": "x",
  "note": "a } and a ] in text",
  "experience": [
    {"start": "2020-01", "end": "2021-01", "domains": [["a"], {"b": 1}]},
    {"start": "2020-01",
     "end": "2019-01"}
  ]
}"#;

    #[test]
    fn finds_json_keys_and_items() {
        assert_eq!(locate_json(JSON, "id"), Some((2, 3)));
        assert_eq!(locate_json(JSON, "experience[1].end"), Some((7, 6)));
        assert_eq!(locate_json(JSON, "experience[1]"), Some((6, 5)));
        assert_eq!(locate_json(JSON, "experience[0].domains"), Some((5, 44)));
        assert_eq!(locate_json(JSON, "experience[2].end"), Some((4, 3)));
        assert_eq!(locate_json(JSON, "nothing"), None);
        assert_eq!(locate_json("{\"a\": ", "a.b"), Some((1, 2)));
        assert_eq!(locate_json("[1, 2", "a"), None);
    }
}
