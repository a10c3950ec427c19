//! Colour for people, never for pipes: ANSI styles (anstyle) when
//! `--color always`, or with `--color auto` when anstream finds the output
//! a terminal and the environment allows it: `NO_COLOR` set and not empty
//! turns colour off (<https://no-color.org>), `CLICOLOR_FORCE` turns it on
//! even for a pipe.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU8, Ordering};

use anstream::ColorChoice;
use anstyle::{AnsiColor, Effects};

use super::args::ColorWhen;

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

/// `--color`, set once by `run` for the whole process: 0 auto, 1 always,
/// 2 never.
static WHEN: AtomicU8 = AtomicU8::new(0);

/// Sets `--color` for every `Paint` made after.
pub(crate) fn set_when(when: ColorWhen) {
    let code = match when {
        ColorWhen::Auto => 0,
        ColorWhen::Always => 1,
        ColorWhen::Never => 2,
    };
    WHEN.store(code, Ordering::Relaxed);
    let choice = match when {
        ColorWhen::Auto => ColorChoice::Auto,
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
    };
    choice.write_global();
}

fn when() -> ColorWhen {
    match WHEN.load(Ordering::Relaxed) {
        1 => ColorWhen::Always,
        2 => ColorWhen::Never,
        _ => ColorWhen::Auto,
    }
}

impl Paint {
    /// Colour as `--color` says; for `auto`, as anstream decides for
    /// `stream` (a terminal, `NO_COLOR`, `CLICOLOR_FORCE`, `TERM=dumb`).
    pub(crate) fn new<S: anstream::stream::RawStream + IsTerminal>(
        when: ColorWhen,
        stream: &S,
    ) -> Paint {
        let on = match when {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => !matches!(
                anstream::AutoStream::choice(stream),
                ColorChoice::Never | ColorChoice::Auto
            ),
        };
        Paint { on }
    }

    /// For standard output, as `--color` and the environment say.
    pub(crate) fn for_stdout() -> Paint {
        Paint::new(when(), &std::io::stdout())
    }

    /// For output written to a file (`-o`): colour only if forced.
    pub(crate) fn for_file() -> Paint {
        Paint {
            on: when() == ColorWhen::Always,
        }
    }

    /// For an output that may be a file: [`Paint::for_stdout`] or
    /// [`Paint::for_file`].
    pub(crate) fn for_output(to_file: bool) -> Paint {
        if to_file {
            Paint::for_file()
        } else {
            Paint::for_stdout()
        }
    }

    /// `text` in `style`.
    pub(crate) fn paint(self, style: Style, text: &str) -> String {
        if !self.on {
            return text.to_string();
        }
        let style = match style {
            Style::Good => AnsiColor::Green.on_default().effects(Effects::BOLD),
            Style::Warn => AnsiColor::Yellow.on_default().effects(Effects::BOLD),
            Style::Bad => AnsiColor::Red.on_default().effects(Effects::BOLD),
            Style::Dim => anstyle::Style::new().effects(Effects::DIMMED),
            Style::Bold => anstyle::Style::new().effects(Effects::BOLD),
        };
        format!("{}{text}{}", style.render(), style.render_reset())
    }
}

/// The report's tones, as `check` paints them.
impl vacancy_match::Style for Paint {
    fn paint(&self, tone: vacancy_match::Tone, text: &str) -> String {
        let style = match tone {
            vacancy_match::Tone::Good => Style::Good,
            vacancy_match::Tone::Warn => Style::Warn,
            vacancy_match::Tone::Bad => Style::Bad,
            vacancy_match::Tone::Dim => Style::Dim,
            _ => Style::Bold,
        };
        Paint::paint(*self, style, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn always_and_never_win_over_the_environment() {
        let on = Paint::new(ColorWhen::Always, &std::io::stdout());
        let painted = on.paint(Style::Good, "x");
        assert!(painted.starts_with("\x1b[") && painted.ends_with("x\x1b[0m"));
        let off = Paint::new(ColorWhen::Never, &std::io::stdout());
        assert_eq!(off.paint(Style::Bad, "x"), "x");
    }
}
