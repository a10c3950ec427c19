//! Colour for people, never for pipes: ANSI styles only when the output is
//! a terminal and `NO_COLOR` is not set (<https://no-color.org>).

use std::ffi::OsString;

/// Paints text with ANSI styles, or leaves it alone.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Paint {
    on: bool,
}

/// The styles used.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Style {
    Good,
    Warn,
    Bad,
    Dim,
    Bold,
}

impl Paint {
    /// Colour when `is_terminal` and `NO_COLOR` is absent or empty.
    pub(crate) fn new(is_terminal: bool, no_color: Option<OsString>) -> Paint {
        let opted_out = no_color.is_some_and(|v| !v.is_empty());
        Paint {
            on: is_terminal && !opted_out,
        }
    }

    /// For standard output, as the environment says.
    pub(crate) fn for_stdout() -> Paint {
        use std::io::IsTerminal;
        Paint::new(
            std::io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR"),
        )
    }

    /// `text` in `style`.
    pub(crate) fn paint(self, style: Style, text: &str) -> String {
        if !self.on {
            return text.to_string();
        }
        let code = match style {
            Style::Good => "1;32",
            Style::Warn => "1;33",
            Style::Bad => "1;31",
            Style::Dim => "2",
            Style::Bold => "1",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_terminals_without_no_color() {
        assert!(Paint::new(true, None)
            .paint(Style::Good, "x")
            .contains("\x1b["));
        assert_eq!(Paint::new(false, None).paint(Style::Good, "x"), "x");
        assert_eq!(
            Paint::new(true, Some("1".into())).paint(Style::Bad, "x"),
            "x"
        );
        // An empty NO_COLOR does not opt out, as no-color.org specifies.
        assert!(Paint::new(true, Some("".into()))
            .paint(Style::Bad, "x")
            .contains("\x1b["));
    }
}
