//! Rule texts in the language asked for: the slots live with the rules
//! in `model`, the words are written here.

use crate::model::vacancy::RuleText;
use crate::model::Lang;

impl RuleText {
    /// The text in `lang`, written by `write` the first time.
    pub(crate) fn get(&self, lang: Lang, write: impl FnOnce() -> String) -> crate::text::Text {
        let [en, es] = &self.0;
        let slot = match lang {
            Lang::En => en,
            Lang::Es => es,
        };
        slot.get_or_init(|| crate::text::Text::rule_words(&write()))
            .clone()
    }
}
