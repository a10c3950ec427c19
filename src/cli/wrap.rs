//! Text reports wrapped to the terminal's width: a long line goes on
//! under its own indentation (and under the text of a `- ` item), so
//! lists stay readable at 80 columns. Output to a pipe or a file is not
//! wrapped, so that each line stays one line for `grep`.

/// `text` with every line longer than `width` columns wrapped.
pub(crate) fn wrap(text: &str, width: usize) -> String {
    let mut wrapped = String::with_capacity(text.len() + text.len() / 16);
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        if textwrap::core::display_width(body) <= width {
            wrapped.push_str(line);
            continue;
        }
        let rest = body.trim_start();
        let indent = &body[..body.len() - rest.len()];
        let hanging = match rest.split_once(' ') {
            Some((marker, _)) if matches!(marker, "-" | "*" | "·" | "✓" | "✗" | "?") => {
                format!("{indent}{}", " ".repeat(marker.chars().count() + 1))
            }
            _ => format!("{indent}  "),
        };
        let options = textwrap::Options::new(width)
            .initial_indent(indent)
            .subsequent_indent(&hanging)
            .break_words(false);
        wrapped.push_str(&textwrap::fill(rest, &options));
        wrapped.push_str(end);
    }
    wrapped
}

/// The width to wrap standard output at: the terminal's, or `None` when
/// it is not a terminal.
pub(crate) fn stdout_width(is_terminal: bool) -> Option<usize> {
    is_terminal.then(|| textwrap::termwidth().max(40))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_under_their_indent_and_item_marker() {
        let text =
            "title\n  - a gap that is far too long to fit on one line of the terminal\nshort\n";
        let wrapped = wrap(text, 30);
        assert_eq!(
            wrapped,
            "title\n  - a gap that is far too long\n    to fit on one line of the\n    terminal\nshort\n"
        );
        assert!(wrapped.lines().all(|l| l.chars().count() <= 30));
    }

    #[test]
    fn colour_codes_take_no_columns() {
        let text = "\x1b[1mbold\x1b[0m word word\n";
        assert_eq!(wrap(text, 14), text);
    }
}
