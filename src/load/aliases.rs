//! The size of a YAML document once its aliases are expanded, counted
//! without expanding them.
//!
//! Layer 4 of 10, inside `load`: uses serde and serde_yaml only.
//!
//! # Design
//! serde_yaml refuses an alias bomb that nests (aliases of aliases), by
//! its repetition limit, but not one large scalar named by many aliases:
//! 3,000 aliases of a 100 KB string make 300 MB of values from 109 KB of
//! text, and a profile's lists copy every one of them. This pass walks the
//! document as serde_yaml replays it, spending the scalars' bytes (and one
//! byte a node) from a budget and keeping nothing, so it stops at the
//! first alias past the budget after a few megabytes of work.

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};

/// What [`Budget`] says when it is spent; recognised by the caller.
pub(super) const SPENT: &str = "aliases expand past ";

/// The bytes left to spend on scalars, aliases expanded.
pub(super) struct Budget {
    limit: usize,
    left: usize,
}

impl Budget {
    pub(super) fn new(limit: usize) -> Budget {
        Budget { limit, left: limit }
    }

    fn spend<E: de::Error>(&mut self, bytes: usize) -> Result<(), E> {
        match self.left.checked_sub(bytes.saturating_add(1)) {
            Some(left) => {
                self.left = left;
                Ok(())
            }
            None => Err(E::custom(format_args!("{SPENT}{} bytes", self.limit))),
        }
    }
}

impl<'de> DeserializeSeed<'de> for &mut Budget {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for &mut Budget {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.spend(v.len())
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<(), E> {
        self.spend(v.len())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.spend(0)?;
        while seq.next_element_seed(&mut *self)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.spend(0)?;
        while map.next_key_seed(&mut *self)?.is_some() {
            map.next_value_seed(&mut *self)?;
        }
        Ok(())
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        // A tagged value (`!tag value`): its tag, then its value.
        let ((), variant) = data.variant_seed(&mut *self)?;
        de::VariantAccess::newtype_variant_seed(variant, &mut *self)
    }
}

/// Whether `text` may hold an alias at all: a YAML alias is written
/// `*name` after an anchor `&name`, so text without both needs no pass.
pub(super) fn may_alias(text: &str) -> bool {
    text.contains('*') && text.contains('&')
}
