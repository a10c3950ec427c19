//! Text from input on its way to a terminal: every character that could
//! move the cursor, start an escape sequence, reorder or hide text, or
//! break a line is written out visibly instead (`\u{1b}`), so that a
//! profile can neither forge a line of a report nor hide what it holds.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is: C0 and C1 control
/// characters (line breaks and tabs too: a value is one item of a line),
/// bidirectional formatting, zero-width characters, line and paragraph
/// separators and the byte-order mark.
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// `text` with every unsafe character written as `\u{XX}`.
pub(crate) fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().saturating_add(16));
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_would_obey() {
        assert_eq!(clean("Ana López"), "Ana López");
        assert_eq!(
            clean("M\n\nELIGIBLE\u{1b}[2J\u{9b}x\u{202e}y\u{200b}z\t"),
            "M\\u{a}\\u{a}ELIGIBLE\\u{1b}[2J\\u{9b}x\\u{202e}y\\u{200b}z\\u{9}"
        );
    }
}
