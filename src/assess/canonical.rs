//! A profile's normalised JSON, for its digest: compact, object keys
//! sorted, every list's items sorted by their own normalised JSON.
//!
//! Written straight from the profile's `Serialize` (no `serde_json::Value`
//! tree in between), each item once: the same bytes as building the value,
//! sorting it and writing it out, at a fraction of the cost.

use std::borrow::Cow;

use serde::ser::{self, Serialize};

/// The normalised JSON of `value`.
pub(crate) fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    value.serialize(Canonical)
}

/// Writes one value; compound values collect their parts, then sort.
struct Canonical;

/// A list: its items, written, sorted at the end.
struct List {
    items: Vec<Vec<u8>>,
    /// `Some(name)` for a tuple variant: `{"name":[...]}`.
    variant: Option<&'static str>,
}

/// An object: its entries, sorted by key at the end (as a JSON object's
/// keys are in a value tree).
struct Object {
    entries: Vec<(Cow<'static, str>, Vec<u8>)>,
    key: Option<String>,
    /// `Some(name)` for a struct variant: `{"name":{...}}`.
    variant: Option<&'static str>,
}

fn scalar<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec(value)
}

/// `{"name":inner}`.
fn tagged(name: &str, inner: &[u8]) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::with_capacity(inner.len().saturating_add(name.len()).saturating_add(5));
    out.push(b'{');
    serde_json::to_writer(&mut out, name)?;
    out.push(b':');
    out.extend_from_slice(inner);
    out.push(b'}');
    Ok(out)
}

impl List {
    fn new(variant: Option<&'static str>, len: Option<usize>) -> List {
        List {
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant,
        }
    }

    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), serde_json::Error> {
        self.items.push(value.serialize(Canonical)?);
        Ok(())
    }

    fn finish(mut self) -> Result<Vec<u8>, serde_json::Error> {
        self.items.sort_unstable();
        let size = self
            .items
            .iter()
            .map(|i| i.len().saturating_add(1))
            .sum::<usize>();
        let mut out = Vec::with_capacity(size.saturating_add(2));
        out.push(b'[');
        for (i, item) in self.items.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(item);
        }
        out.push(b']');
        match self.variant {
            Some(name) => tagged(name, &out),
            None => Ok(out),
        }
    }
}

impl Object {
    fn new(variant: Option<&'static str>) -> Object {
        Object {
            entries: Vec::new(),
            key: None,
            variant,
        }
    }

    fn entry<T: Serialize + ?Sized>(
        &mut self,
        key: Cow<'static, str>,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        self.entries.push((key, value.serialize(Canonical)?));
        Ok(())
    }

    fn finish(mut self) -> Result<Vec<u8>, serde_json::Error> {
        // In key order; a key given twice keeps its last value, as in a
        // value tree (the sort is stable).
        self.entries.reverse();
        self.entries.sort_by(|(a, _), (b, _)| a.cmp(b));
        self.entries
            .dedup_by(|(later, _), (first, _)| later == first);
        let size = self
            .entries
            .iter()
            .map(|(k, v)| k.len().saturating_add(v.len()).saturating_add(4))
            .sum::<usize>();
        let mut out = Vec::with_capacity(size.saturating_add(2));
        out.push(b'{');
        for (i, (key, value)) in self.entries.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            serde_json::to_writer(&mut out, key)?;
            out.push(b':');
            out.extend_from_slice(value);
        }
        out.push(b'}');
        match self.variant {
            Some(name) => tagged(name, &out),
            None => Ok(out),
        }
    }
}

/// A map key as a JSON object's key: text, as `serde_json::Value` makes it.
fn key_text<T: Serialize + ?Sized>(key: &T) -> Result<String, serde_json::Error> {
    match serde_json::to_value(key)? {
        serde_json::Value::String(text) => Ok(text),
        other => Ok(other.to_string()),
    }
}

impl ser::Serializer for Canonical {
    type Ok = Vec<u8>;
    type Error = serde_json::Error;
    type SerializeSeq = List;
    type SerializeTuple = List;
    type SerializeTupleStruct = List;
    type SerializeTupleVariant = List;
    type SerializeMap = Object;
    type SerializeStruct = Object;
    type SerializeStructVariant = Object;

    fn serialize_bool(self, v: bool) -> Result<Vec<u8>, serde_json::Error> {
        scalar(&v)
    }
    fn serialize_i8(self, v: i8) -> Result<Vec<u8>, serde_json::Error> {
        scalar(&v)
    }
    fn serialize_i16(self, v: i16) -> Result<Vec<u8>, serde_json::Error> {
        scalar(&v)
    }
    fn serialize_i32(self, v: i32) -> Result<Vec<u8>, serde_json::Error> {
        scalar(&v)
    }
    fn serialize_i64(self, v: i64) -> Result<Vec<u8>, serde_json::Error> {
        scalar(&v)
    }
    fn serialize_u8(self, v: u8) -> Result<Vec<u8>, serde_json::Error> {
        scalar(&v)
    }
    fn serialize_u16(self, v: u16) -> Result<Vec<u8>, serde_json::Error> {
        scalar(&v)
    }
    fn serialize_u32(self, v: u32) -> Result<Vec<u8>, serde_json::Error> {
        scalar(&v)
    }
    fn serialize_u64(self, v: u64) -> Result<Vec<u8>, serde_json::Error> {
        scalar(&v)
    }
    fn serialize_f32(self, v: f32) -> Result<Vec<u8>, serde_json::Error> {
        // As a value tree holds it: widened to f64.
        scalar(&serde_json::to_value(v)?)
    }
    fn serialize_f64(self, v: f64) -> Result<Vec<u8>, serde_json::Error> {
        scalar(&serde_json::to_value(v)?)
    }
    fn serialize_char(self, v: char) -> Result<Vec<u8>, serde_json::Error> {
        scalar(&v)
    }
    fn serialize_str(self, v: &str) -> Result<Vec<u8>, serde_json::Error> {
        scalar(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Vec<u8>, serde_json::Error> {
        let mut list = List::new(None, Some(v.len()));
        for byte in v {
            list.push(byte)?;
        }
        list.finish()
    }
    fn serialize_none(self) -> Result<Vec<u8>, serde_json::Error> {
        Ok(b"null".to_vec())
    }
    fn serialize_some<T: Serialize + ?Sized>(
        self,
        value: &T,
    ) -> Result<Vec<u8>, serde_json::Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Vec<u8>, serde_json::Error> {
        Ok(b"null".to_vec())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Vec<u8>, serde_json::Error> {
        Ok(b"null".to_vec())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Vec<u8>, serde_json::Error> {
        scalar(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Vec<u8>, serde_json::Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Vec<u8>, serde_json::Error> {
        tagged(variant, &value.serialize(self)?)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<List, serde_json::Error> {
        Ok(List::new(None, len))
    }
    fn serialize_tuple(self, len: usize) -> Result<List, serde_json::Error> {
        Ok(List::new(None, Some(len)))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<List, serde_json::Error> {
        Ok(List::new(None, Some(len)))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<List, serde_json::Error> {
        Ok(List::new(Some(variant), Some(len)))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Object, serde_json::Error> {
        Ok(Object::new(None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Object, serde_json::Error> {
        Ok(Object::new(None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Object, serde_json::Error> {
        Ok(Object::new(Some(variant)))
    }
}

/// The list's items: one method, named as each of serde's list traits
/// names it.
macro_rules! list_of {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for List {
            type Ok = Vec<u8>;
            type Error = serde_json::Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), serde_json::Error> {
                self.push(value)
            }
            fn end(self) -> Result<Vec<u8>, serde_json::Error> {
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

impl ser::SerializeMap for Object {
    type Ok = Vec<u8>;
    type Error = serde_json::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), serde_json::Error> {
        self.key = Some(key_text(key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        let key = self.key.take().unwrap_or_default();
        self.entry(Cow::Owned(key), value)
    }
    fn end(self) -> Result<Vec<u8>, serde_json::Error> {
        self.finish()
    }
}

/// A struct's fields, named: the same for a struct and a struct variant.
macro_rules! fields_of {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Object {
            type Ok = Vec<u8>;
            type Error = serde_json::Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), serde_json::Error> {
                self.entry(Cow::Borrowed(key), value)
            }
            fn end(self) -> Result<Vec<u8>, serde_json::Error> {
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
