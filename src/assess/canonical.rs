//! A profile's normalised JSON, for its digest: compact, object keys
//! sorted, every list's items sorted by their own normalised JSON.
//!
//! Written straight from the profile's `Serialize` (no `serde_json::Value`
//! tree in between), into one buffer: the same bytes as building the value,
//! sorting it and writing it out, at a fraction of the cost.
//!
//! # Design
//! Scalars are appended where they go. A list or an object appends its
//! parts as they come and notes where each lies; at its end, the parts are
//! sorted (items by their bytes, entries by key) and written again in
//! order over the same place. A part is written once and moved once.

use std::borrow::Cow;

use serde::ser::{self, Serialize};

/// The normalised JSON of `value`.
pub(crate) fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(4096);
    value.serialize(&mut Canonical(&mut out))?;
    Ok(out)
}

/// The serializer: the buffer written into.
struct Canonical<'o>(&'o mut Vec<u8>);

type Result<T> = std::result::Result<T, serde_json::Error>;

/// A list being written: where it starts, and where each item lies.
struct List<'a, 'o> {
    w: &'a mut Canonical<'o>,
    start: usize,
    items: Vec<(usize, usize)>,
    /// Whether it is a tuple variant's, in `{"name":[...]}`.
    tagged: bool,
}

/// An object being written: where it starts, and each entry's key and
/// where its value lies.
struct Object<'a, 'o> {
    w: &'a mut Canonical<'o>,
    start: usize,
    entries: Vec<(Cow<'static, str>, usize, usize)>,
    /// A map's key, until its value comes.
    key: Option<String>,
    /// Whether it is a struct variant's, in `{"name":{...}}`.
    tagged: bool,
}

impl Canonical<'_> {
    fn scalar<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        serde_json::to_writer(&mut *self.0, value)
    }

    /// Writes `{"name":`, the opening of a variant's value.
    fn open_variant(&mut self, name: &str) -> Result<()> {
        self.0.push(b'{');
        serde_json::to_writer(&mut *self.0, name)?;
        self.0.push(b':');
        Ok(())
    }

    /// Appends `value` and returns where it lies.
    fn part<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(usize, usize)> {
        let start = self.0.len();
        value.serialize(&mut *self)?;
        Ok((start, self.0.len()))
    }
}

/// Rewrites the parts written since `start`, in `order` (ranges into the
/// buffer), between `open` and `close`, separated by commas; `prefix`
/// writes what goes before each part (an object's key).
fn rewrite(
    out: &mut Vec<u8>,
    start: usize,
    order: impl Iterator<Item = (usize, usize)>,
    open: u8,
    close: u8,
    mut prefix: impl FnMut(&mut Vec<u8>, usize) -> Result<()>,
) -> Result<()> {
    let written = out.split_off(start);
    out.push(open);
    for (i, (from, to)) in order.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        prefix(out, i)?;
        let part = written
            .get(from.saturating_sub(start)..to.saturating_sub(start))
            .unwrap_or_default();
        out.extend_from_slice(part);
    }
    out.push(close);
    Ok(())
}

impl List<'_, '_> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let range = self.w.part(value)?;
        self.items.push(range);
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        let out = &mut *self.w.0;
        let bytes = |&(from, to): &(usize, usize)| out.get(from..to).unwrap_or_default();
        self.items.sort_by(|a, b| bytes(a).cmp(bytes(b)));
        rewrite(
            out,
            self.start,
            self.items.into_iter(),
            b'[',
            b']',
            |_, _| Ok(()),
        )?;
        if self.tagged {
            out.push(b'}');
        }
        Ok(())
    }
}

impl Object<'_, '_> {
    fn entry<T: Serialize + ?Sized>(&mut self, key: Cow<'static, str>, value: &T) -> Result<()> {
        let (from, to) = self.w.part(value)?;
        self.entries.push((key, from, to));
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        // In key order; a key given twice keeps its last value, as in a
        // value tree (the sort is stable).
        self.entries.reverse();
        self.entries.sort_by(|(a, ..), (b, ..)| a.cmp(b));
        self.entries
            .dedup_by(|(later, ..), (first, ..)| later == first);
        let out = &mut *self.w.0;
        let ranges = self.entries.iter().map(|&(_, from, to)| (from, to));
        let entries = &self.entries;
        rewrite(out, self.start, ranges, b'{', b'}', |out, i| {
            let key = entries.get(i).map_or("", |(key, ..)| key);
            serde_json::to_writer(&mut *out, key)?;
            out.push(b':');
            Ok(())
        })?;
        if self.tagged {
            out.push(b'}');
        }
        Ok(())
    }
}

/// A map key as a JSON object's key: text, as `serde_json::Value` makes it.
fn key_text<T: Serialize + ?Sized>(key: &T) -> Result<String> {
    match serde_json::to_value(key)? {
        serde_json::Value::String(text) => Ok(text),
        other => Ok(other.to_string()),
    }
}

impl<'a, 'o> ser::Serializer for &'a mut Canonical<'o> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = List<'a, 'o>;
    type SerializeTuple = List<'a, 'o>;
    type SerializeTupleStruct = List<'a, 'o>;
    type SerializeTupleVariant = List<'a, 'o>;
    type SerializeMap = Object<'a, 'o>;
    type SerializeStruct = Object<'a, 'o>;
    type SerializeStructVariant = Object<'a, 'o>;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_i8(self, v: i8) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_i16(self, v: i16) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_i32(self, v: i32) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_i64(self, v: i64) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_u8(self, v: u8) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_u16(self, v: u16) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_u32(self, v: u32) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_u64(self, v: u64) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_f32(self, v: f32) -> Result<()> {
        // As a value tree holds it: widened to f64.
        self.scalar(&serde_json::to_value(v)?)
    }
    fn serialize_f64(self, v: f64) -> Result<()> {
        self.scalar(&serde_json::to_value(v)?)
    }
    fn serialize_char(self, v: char) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_str(self, v: &str) -> Result<()> {
        self.scalar(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        let mut list = ser::Serializer::serialize_seq(self, Some(v.len()))?;
        for byte in v {
            list.push(byte)?;
        }
        list.finish()
    }
    fn serialize_none(self) -> Result<()> {
        self.0.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<()> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<()> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<()> {
        self.scalar(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        self.open_variant(variant)?;
        value.serialize(&mut *self)?;
        self.0.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<List<'a, 'o>> {
        let start = self.0.len();
        Ok(List {
            w: self,
            start,
            items: Vec::with_capacity(len.unwrap_or(0)),
            tagged: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<List<'a, 'o>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<List<'a, 'o>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<List<'a, 'o>> {
        self.open_variant(variant)?;
        let mut list = self.serialize_seq(Some(len))?;
        list.tagged = true;
        Ok(list)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Object<'a, 'o>> {
        let start = self.0.len();
        Ok(Object {
            w: self,
            start,
            entries: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
            tagged: false,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Object<'a, 'o>> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Object<'a, 'o>> {
        self.open_variant(variant)?;
        let mut object = self.serialize_map(Some(len))?;
        object.tagged = true;
        Ok(object)
    }
}

/// The list's items: one method, named as each of serde's list traits
/// names it.
macro_rules! list_of {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for List<'_, '_> {
            type Ok = ();
            type Error = serde_json::Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
                self.push(value)
            }
            fn end(self) -> Result<()> {
                self.finish()
            }
        }
    )*};
}

list_of!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Object<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(key_text(key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self.key.take().unwrap_or_default();
        self.entry(Cow::Owned(key), value)
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

/// A struct's fields, named: the same for a struct and a struct variant.
macro_rules! fields_of {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Object<'_, '_> {
            type Ok = ();
            type Error = serde_json::Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<()> {
                self.entry(Cow::Borrowed(key), value)
            }
            fn end(self) -> Result<()> {
                self.finish()
            }
        }
    )*};
}

fields_of!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::to_vec;

    /// What the normalised form is defined as: the value tree, every list
    /// sorted by its items' JSON, written compact.
    fn through_a_value<T: serde::Serialize>(value: &T) -> Vec<u8> {
        fn normalise(value: &mut serde_json::Value) {
            match value {
                serde_json::Value::Array(items) => {
                    items.iter_mut().for_each(normalise);
                    items.sort_by_cached_key(ToString::to_string);
                }
                serde_json::Value::Object(map) => map.values_mut().for_each(normalise),
                _ => {}
            }
        }
        let mut value = serde_json::to_value(value).unwrap_or_default();
        normalise(&mut value);
        value.to_string().into_bytes()
    }

    #[test]
    fn writes_what_sorting_a_value_tree_writes() {
        #[derive(serde::Serialize)]
        enum Shape {
            Unit,
            New(f64),
            Pair(u8, i64),
            Named { z: bool, a: Option<String> },
        }
        #[derive(serde::Serialize)]
        struct Sample {
            zeta: Vec<Vec<u32>>,
            alpha: Option<f64>,
            map: std::collections::BTreeMap<String, Vec<&'static str>>,
            shapes: Vec<Shape>,
            text: &'static str,
            none: Option<u8>,
            nan: f64,
        }
        let sample = Sample {
            zeta: vec![vec![3, 1, 2], vec![], vec![0]],
            alpha: Some(1.5),
            map: [
                ("b".to_string(), vec!["y", "x\"q"]),
                ("a".to_string(), vec![]),
            ]
            .into_iter()
            .collect(),
            shapes: vec![
                Shape::Named { z: true, a: None },
                Shape::Pair(9, -4),
                Shape::New(0.1),
                Shape::Unit,
            ],
            text: "Ciencias Jurídicas\n\u{7}",
            none: None,
            nan: f64::NAN,
        };
        let written = to_vec(&sample).unwrap_or_default();
        assert_eq!(
            String::from_utf8_lossy(&written),
            String::from_utf8_lossy(&through_a_value(&sample))
        );
    }

    #[test]
    fn writes_every_bundled_example_profile_as_a_value_tree_would() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/candidates");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let Ok(cv) = crate::Candidate::from_path(entry.path()) else {
                continue;
            };
            seen += 1;
            assert_eq!(
                to_vec(&cv).unwrap_or_default(),
                through_a_value(&cv),
                "{}",
                entry.path().display()
            );
        }
        assert!(seen >= 5, "{seen} profiles read");
    }

    #[test]
    fn writes_generated_profiles_as_a_value_tree_would() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/golden/unknown_names.jsonl"
        );
        let profiles = std::fs::read_to_string(path).unwrap_or_default();
        let mut seen = 0;
        for line in profiles.lines() {
            let Ok(cv) = crate::Candidate::from_json_str(line) else {
                continue;
            };
            seen += 1;
            assert_eq!(
                to_vec(&cv).unwrap_or_default(),
                through_a_value(&cv),
                "{line}"
            );
        }
        assert_eq!(seen, 100);
    }
}
