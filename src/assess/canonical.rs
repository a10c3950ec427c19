//! A profile's normalised JSON, for its digest: compact, object keys
//! sorted, every list's items sorted by their own normalised JSON.
//!
//! Written straight from the profile (no `serde_json::Value` tree in
//! between), into one buffer: the same bytes as building the value,
//! sorting it and writing it out, at a fraction of the cost.
//!
//! # Design
//! The profile's own objects (the profile, a period, a degree, ...) are
//! written by functions that list their fields in key order, so they are
//! written once, in place. Scalars are written by their `Serialize`, where
//! they go. A list writes its items as they come, separated by commas, and
//! notes where each lies (on a stack shared by the lists being written);
//! at its end, items out of order are sorted by their bytes and written
//! again in order over the same place. Any other value (the generic
//! serializer below, used by tests on values of every shape) writes an
//! object's entries as they come and sorts them by key the same way.

use std::borrow::Cow;

use serde::ser::{self, Serialize};

use crate::model::candidate::{
    Candidate, Certification, Degree, LanguageSkill, Period, Provenance, WorkAuthorization,
};

/// The normalised JSON of `value`.
#[cfg(test)]
pub(crate) fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>> {
    let mut w = Canonical::default();
    value.serialize(&mut w)?;
    Ok(w.out)
}

/// The normalised JSON of a profile, written by [`candidate`].
#[cfg(test)]
pub(crate) fn profile_to_vec(profile: &Candidate) -> Result<Vec<u8>> {
    let mut w = Canonical::default();
    candidate(&mut w, profile)?;
    Ok(w.out)
}

/// What `then` makes of the normalised JSON of `profile`, written in
/// buffers the thread keeps from one profile to the next (a fresh set
/// while they are in use, as they can be from within `then`).
pub(crate) fn with<R>(profile: &Candidate, then: impl Fn(&[u8]) -> R) -> Result<R> {
    thread_local! {
        static KEPT: std::cell::RefCell<Canonical> = const { std::cell::RefCell::new(Canonical::EMPTY) };
    }
    let run = |w: &mut Canonical| -> Result<R> {
        w.clear();
        candidate(w, profile)?;
        let made = then(&w.out);
        if w.out.capacity().max(w.moved.capacity()) > KEEP_AT_MOST {
            *w = Canonical::default();
        }
        Ok(made)
    };
    KEPT.try_with(|kept| match kept.try_borrow_mut() {
        Ok(mut w) => run(&mut w),
        Err(_) => run(&mut Canonical::default()),
    })
    .unwrap_or_else(|_| run(&mut Canonical::default()))
}

/// The most a thread keeps for the next profile: a profile written in
/// more is written in fresh buffers the next time too.
const KEEP_AT_MOST: usize = 64 * 1024;

/// The serializer: the buffer written into, and what the lists and
/// objects being written share (one allocation each for the whole value,
/// however many lists and objects it has).
#[derive(Default)]
struct Canonical {
    out: Vec<u8>,
    /// Where a finished list's or object's parts are copied to be written
    /// back in order.
    moved: Vec<u8>,
    /// Where the items of the lists being written lie: each list's above
    /// those of the lists around it.
    items: Vec<Part>,
    /// The entries of the objects being written, the same way: each key
    /// and where its value lies.
    entries: Vec<(Cow<'static, str>, Part)>,
    /// A value written through `Display` (a date), before it is escaped.
    shown: String,
}

type Result<T> = std::result::Result<T, serde_json::Error>;

/// A list being written: where it starts, and where its items' places
/// start in [`Canonical::items`].
struct List<'a> {
    w: &'a mut Canonical,
    start: usize,
    base: usize,
    /// Whether it is a tuple variant's, in `{"name":[...]}`.
    tagged: bool,
}

/// An object being written: where it starts, and where its entries start
/// in [`Canonical::entries`].
struct Object<'a> {
    w: &'a mut Canonical,
    start: usize,
    base: usize,
    /// A map's key, until its value comes.
    key: Option<String>,
    /// Whether it is a struct variant's, in `{"name":{...}}`.
    tagged: bool,
}

impl Canonical {
    /// No buffers yet.
    const EMPTY: Canonical = Canonical {
        out: Vec::new(),
        moved: Vec::new(),
        items: Vec::new(),
        entries: Vec::new(),
        shown: String::new(),
    };

    fn clear(&mut self) {
        self.out.clear();
        self.items.clear();
        self.entries.clear();
    }

    fn scalar<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        serde_json::to_writer(&mut self.out, value)
    }

    /// Writes `{"name":`, the opening of a variant's value.
    fn open_variant(&mut self, name: &str) -> Result<()> {
        self.out.push(b'{');
        write_string(&mut self.out, name)?;
        self.out.push(b':');
        Ok(())
    }

    /// Appends `value` and returns where it lies.
    fn part<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(usize, usize)> {
        let start = self.out.len();
        value.serialize(&mut *self)?;
        Ok((start, self.out.len()))
    }
}

/// Writes `text` as a JSON string: as it is when it needs no escape,
/// else escaped as JSON escapes it.
fn write_string(out: &mut Vec<u8>, text: &str) -> Result<()> {
    if plain(text.as_bytes()) {
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
        Ok(())
    } else {
        serde_json::to_writer(out, text)
    }
}

/// Whether JSON writes `bytes` as they are: no quote, backslash or
/// control character. Eight bytes at a time.
fn plain(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // A high bit for each byte below `n` (exact when some byte is; `n` at
    // most 0x80).
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    let equal = |x: u64, b: u8| below(x ^ (ONES * u64::from(b)), 1);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_ne_bytes(word);
        if below(x, 0x20) | equal(x, b'"') | equal(x, b'\\') != 0 {
            return false;
        }
    }
    chunks
        .remainder()
        .iter()
        .all(|&b| b >= 0x20 && b != b'"' && b != b'\\')
}

/// Rewrites the parts written since `start`, in `order` (each with the key
/// to write before it, for an object, and where it lies in the buffer),
/// between `open` and `close`, separated by commas. The parts are copied
/// to `moved` first.
fn rewrite<'k>(
    out: &mut Vec<u8>,
    moved: &mut Vec<u8>,
    start: usize,
    order: impl Iterator<Item = (Option<&'k str>, usize, usize)>,
    open: u8,
    close: u8,
) -> Result<()> {
    moved.clear();
    moved.extend_from_slice(out.get(start..).unwrap_or_default());
    out.truncate(start);
    out.push(open);
    for (i, (key, from, to)) in order.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        if let Some(key) = key {
            write_string(out, key)?;
            out.push(b':');
        }
        let part = moved
            .get(from.saturating_sub(start)..to.saturating_sub(start))
            .unwrap_or_default();
        out.extend_from_slice(part);
    }
    out.push(close);
    Ok(())
}

/// Where a list's item or an object's value lies, and the first bytes
/// it is sorted by (of the item, or of the entry's key).
#[derive(Clone, Copy)]
struct Part {
    first: u64,
    from: usize,
    to: usize,
}

/// The first eight bytes of `bytes` (zeros past its end) as a number:
/// two numbers compare as the bytes they begin, and as the whole bytes
/// when they differ.
fn first(bytes: &[u8]) -> u64 {
    let mut word = [0; 8];
    for (slot, byte) in word.iter_mut().zip(bytes) {
        *slot = *byte;
    }
    u64::from_be_bytes(word)
}

impl<'a> List<'a> {
    /// Opens a list: items are written as they come, separated by commas,
    /// and rewritten in order at its end only when they are not in order.
    fn open(w: &'a mut Canonical) -> Self {
        let start = w.out.len();
        let base = w.items.len();
        w.out.push(b'[');
        List {
            w,
            start,
            base,
            tagged: false,
        }
    }

    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.item(|w| value.serialize(w))
    }

    /// Writes an item with `write`, after a comma unless it is the first.
    fn item(&mut self, write: impl FnOnce(&mut Canonical) -> Result<()>) -> Result<()> {
        if self.w.items.len() > self.base {
            self.w.out.push(b',');
        }
        let from = self.w.out.len();
        write(&mut *self.w)?;
        let to = self.w.out.len();
        let first = first(self.w.out.get(from..to).unwrap_or_default());
        self.w.items.push(Part { first, from, to });
        Ok(())
    }

    fn finish(self) -> Result<()> {
        let Canonical {
            out, moved, items, ..
        } = &mut *self.w;
        let mine = items.get_mut(self.base..).unwrap_or_default();
        let bytes = |p: &Part| out.get(p.from..p.to).unwrap_or_default();
        let order = |a: &Part, b: &Part| a.first.cmp(&b.first).then_with(|| bytes(a).cmp(bytes(b)));
        if mine.windows(2).all(|w| match w {
            [a, b] => order(a, b).is_le(),
            _ => true,
        }) {
            out.push(b']');
        } else {
            // Items that compare equal are the same bytes: any order of
            // them writes the same list.
            mine.sort_unstable_by(order);
            let order = mine.iter().map(|p| (None, p.from, p.to));
            rewrite(out, moved, self.start, order, b'[', b']')?;
        }
        items.truncate(self.base);
        if self.tagged {
            out.push(b'}');
        }
        Ok(())
    }
}

impl Object<'_> {
    fn entry<T: Serialize + ?Sized>(&mut self, key: Cow<'static, str>, value: &T) -> Result<()> {
        let (from, to) = self.w.part(value)?;
        let first = first(key.as_bytes());
        self.w.entries.push((key, Part { first, from, to }));
        Ok(())
    }

    fn finish(self) -> Result<()> {
        let Canonical {
            out,
            moved,
            entries,
            ..
        } = &mut *self.w;
        let mine = entries.get_mut(self.base..).unwrap_or_default();
        // In key order; a key given twice keeps its last value, as in a
        // value tree (the sort is stable, after the entries are reversed).
        mine.reverse();
        mine.sort_by(|(a, p), (b, q)| p.first.cmp(&q.first).then_with(|| a.cmp(b)));
        let mut last: Option<&str> = None;
        let order = mine.iter().filter_map(|(key, p)| {
            if last == Some(key.as_ref()) {
                return None;
            }
            last = Some(key.as_ref());
            Some((Some(key.as_ref()), p.from, p.to))
        });
        rewrite(out, moved, self.start, order, b'{', b'}')?;
        entries.truncate(self.base);
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

impl<'a> ser::Serializer for &'a mut Canonical {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = List<'a>;
    type SerializeTuple = List<'a>;
    type SerializeTupleStruct = List<'a>;
    type SerializeTupleVariant = List<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Object<'a>;

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
        write_string(&mut self.out, v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        let mut list = ser::Serializer::serialize_seq(self, Some(v.len()))?;
        for byte in v {
            list.push(byte)?;
        }
        list.finish()
    }
    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<()> {
        use std::fmt::Write as _;
        let mut shown = std::mem::take(&mut self.shown);
        shown.clear();
        let written = write!(shown, "{value}");
        let result = match written {
            Ok(()) => write_string(&mut self.out, &shown),
            Err(_) => Err(ser::Error::custom("a value could not be written")),
        };
        self.shown = shown;
        result
    }
    fn serialize_none(self) -> Result<()> {
        self.out.extend_from_slice(b"null");
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
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<List<'a>> {
        Ok(List::open(self))
    }
    fn serialize_tuple(self, len: usize) -> Result<List<'a>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<List<'a>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<List<'a>> {
        self.open_variant(variant)?;
        let mut list = self.serialize_seq(Some(len))?;
        list.tagged = true;
        Ok(list)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Object<'a>> {
        let start = self.out.len();
        let base = self.entries.len();
        Ok(Object {
            w: self,
            start,
            base,
            key: None,
            tagged: false,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Object<'a>> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Object<'a>> {
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
        impl ser::$trait for List<'_> {
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

impl ser::SerializeMap for Object<'_> {
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
        impl ser::$trait for Object<'_> {
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

// A profile's own objects are written in key order as they come, with no
// second pass: the generic serializer above notes each entry and sorts
// them at the object's end, which was most of a digest's cost. Each
// function lists its struct's fields by destructuring, so that a field
// added to the profile does not build until it is written here; a test
// checks every profile written against the value tree.

/// An object whose entries are written in key order as they come.
struct Fields<'a> {
    w: &'a mut Canonical,
    /// Whether no entry has been written yet.
    empty: bool,
    /// The last key written, to check the order in tests.
    #[cfg(debug_assertions)]
    last: &'static str,
}

impl<'a> Fields<'a> {
    fn open(w: &'a mut Canonical) -> Self {
        w.out.push(b'{');
        Fields {
            w,
            empty: true,
            #[cfg(debug_assertions)]
            last: "",
        }
    }

    /// Writes `"key":`; keys come in byte order and need no escape.
    fn key(&mut self, key: &'static str) -> &mut Canonical {
        #[cfg(debug_assertions)]
        {
            debug_assert!(self.empty || self.last < key, "{} before {key}", self.last);
            debug_assert!(plain(key.as_bytes()));
            self.last = key;
        }
        if !self.empty {
            self.w.out.push(b',');
        }
        self.empty = false;
        self.w.out.push(b'"');
        self.w.out.extend_from_slice(key.as_bytes());
        self.w.out.extend_from_slice(b"\":");
        self.w
    }

    /// An entry whose value the generic serializer writes.
    fn value<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<()> {
        value.serialize(self.key(key))
    }

    /// An entry left out when `value` is `None`.
    fn some<T: Serialize>(&mut self, key: &'static str, value: Option<&T>) -> Result<()> {
        value.map_or(Ok(()), |value| self.value(key, value))
    }

    /// A list of the profile's objects, each written by `write`, left out
    /// when absent.
    fn objects<T>(
        &mut self,
        key: &'static str,
        items: Option<&Vec<T>>,
        write: fn(&mut Canonical, &T) -> Result<()>,
    ) -> Result<()> {
        let Some(items) = items else { return Ok(()) };
        let mut list = List::open(self.key(key));
        for item in items {
            list.item(|w| write(w, item))?;
        }
        list.finish()
    }

    fn close(self) -> Result<()> {
        self.w.out.push(b'}');
        Ok(())
    }
}

/// A map of text to values, in key order as a `BTreeMap` holds it (the
/// order of their bytes).
fn map<V: Serialize>(w: &mut Canonical, map: &std::collections::BTreeMap<String, V>) -> Result<()> {
    w.out.push(b'{');
    for (i, (key, value)) in map.iter().enumerate() {
        if i > 0 {
            w.out.push(b',');
        }
        write_string(&mut w.out, key)?;
        w.out.push(b':');
        value.serialize(&mut *w)?;
    }
    w.out.push(b'}');
    Ok(())
}

/// The profile.
fn candidate(w: &mut Canonical, profile: &Candidate) -> Result<()> {
    let Candidate {
        id,
        name,
        nationalities,
        work_authorizations,
        staff_of,
        affiliate_of,
        education,
        experience,
        languages,
        certifications,
        skills,
        attestations,
        provenance: from,
    } = profile;
    let mut o = Fields::open(w);
    o.some("affiliate_of", affiliate_of.as_ref())?;
    if let Some(attestations) = attestations {
        map(o.key("attestations"), attestations)?;
    }
    o.objects("certifications", certifications.as_ref(), certification)?;
    o.objects("education", education.as_ref(), degree)?;
    o.objects("experience", experience.as_ref(), period)?;
    o.some("id", id.as_ref())?;
    o.objects("languages", languages.as_ref(), language)?;
    o.some("name", name.as_ref())?;
    o.some("nationalities", nationalities.as_ref())?;
    if let Some(from) = from {
        provenance(o.key("provenance"), from)?;
    }
    o.some("skills", skills.as_ref())?;
    o.some("staff_of", staff_of.as_ref())?;
    o.objects(
        "work_authorizations",
        work_authorizations.as_ref(),
        authorization,
    )?;
    o.close()
}

fn authorization(w: &mut Canonical, item: &WorkAuthorization) -> Result<()> {
    let WorkAuthorization {
        country,
        status,
        valid_until,
    } = item;
    let mut o = Fields::open(w);
    o.value("country", country)?;
    o.value("status", status)?;
    o.some("valid_until", valid_until.as_ref())?;
    o.close()
}

fn degree(w: &mut Canonical, item: &Degree) -> Result<()> {
    let Degree {
        degree,
        field,
        institution,
        completed,
        accredited,
    } = item;
    let mut o = Fields::open(w);
    o.some("accredited", accredited.as_ref())?;
    o.some("completed", completed.as_ref())?;
    o.value("degree", degree)?;
    o.some("field", field.as_ref())?;
    o.some("institution", institution.as_ref())?;
    o.close()
}

fn period(w: &mut Canonical, item: &Period) -> Result<()> {
    let Period {
        title,
        organization,
        country,
        international,
        domains,
        domains_inferred,
        start,
        end,
        fraction,
        declared_years,
    } = item;
    let mut o = Fields::open(w);
    o.some("country", country.as_ref())?;
    o.some("declared_years", declared_years.as_ref())?;
    o.some("domains", domains.as_ref())?;
    // Written only when set, so profiles without it keep their digest.
    o.some("domains_inferred", domains_inferred.then_some(&true))?;
    o.some("end", end.as_ref())?;
    o.some("fraction", fraction.as_ref())?;
    o.some("international", international.as_ref())?;
    o.some("organization", organization.as_ref())?;
    o.value("start", start)?;
    o.some("title", title.as_ref())?;
    o.close()
}

fn language(w: &mut Canonical, item: &LanguageSkill) -> Result<()> {
    let LanguageSkill {
        language,
        level,
        native,
    } = item;
    let mut o = Fields::open(w);
    o.value("language", language)?;
    o.some("level", level.as_ref())?;
    o.some("native", native.as_ref())?;
    o.close()
}

fn certification(w: &mut Canonical, item: &Certification) -> Result<()> {
    let Certification {
        name,
        issued,
        expires,
    } = item;
    let mut o = Fields::open(w);
    o.some("expires", expires.as_ref())?;
    o.some("issued", issued.as_ref())?;
    o.value("name", name)?;
    o.close()
}

fn provenance(w: &mut Canonical, item: &Provenance) -> Result<()> {
    let Provenance {
        document,
        record,
        record_sha256,
        entries,
    } = item;
    let mut o = Fields::open(w);
    o.value("document", document)?;
    if !entries.is_empty() {
        map(o.key("entries"), entries)?;
    }
    o.some("record", record.as_ref())?;
    o.some("record_sha256", record_sha256.as_ref())?;
    o.close()
}

#[cfg(test)]
mod tests {
    use super::{profile_to_vec, to_vec};

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
    fn first_bytes_order_as_the_whole_bytes_or_tie() {
        let words: [&[u8]; 12] = [
            b"",
            b"a",
            b"a\0",
            b"a\0\0",
            b"ab",
            b"abcdefgh",
            b"abcdefgh\0",
            b"abcdefghi",
            b"abcdefgz",
            b"b",
            b"\xc3\xa9",
            b"\xff",
        ];
        for a in words {
            for b in words {
                let (fa, fb) = (super::first(a), super::first(b));
                assert!(fa == fb || fa.cmp(&fb) == a.cmp(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn finds_every_byte_json_escapes() {
        for len in 0..20 {
            for at in 0..len {
                for byte in (0..=0x7f_u8).chain([0xc3]) {
                    let mut text = vec![b'a'; len];
                    if let Some(place) = text.get_mut(at) {
                        *place = byte;
                    }
                    let escaped = byte < 0x20 || byte == b'"' || byte == b'\\';
                    assert_eq!(super::plain(&text), !escaped, "{byte:#x} at {at} of {len}");
                }
            }
        }
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
            let expected = through_a_value(&cv);
            let path = entry.path();
            assert_eq!(
                to_vec(&cv).unwrap_or_default(),
                expected,
                "{}",
                path.display()
            );
            let written = profile_to_vec(&cv).unwrap_or_default();
            assert_eq!(written, expected, "{}", path.display());
        }
        assert!(seen >= 5, "{seen} profiles read");
    }

    #[test]
    fn writes_a_profile_with_every_field_as_a_value_tree_would() {
        let yaml = r#"
id: "c-1\u0007"
name: "Zoë \"Q\" O'Neil"
nationalities: [MX, GT, CO]
work_authorizations:
  - { country: MX, status: work_permit, valid_until: 2026-03 }
  - { country: GT, status: citizen }
staff_of: [WFP, UNHCR]
affiliate_of: [UNV]
education:
  - { degree: master, field: "Derecho\tinternacional", institution: USAC, completed: 2015-10, accredited: true }
  - { degree: bachelor, completed: true }
  - { degree: doctorate, completed: in progress, accredited: false }
experience:
  - { title: "Officer", organization: UNHCR, country: GT, international: true, domains: [protection, "refugee law", aaa], start: 2019-03, end: 2023-12, fraction: 0.5 }
  - { title: Clerk, start: 2012, declared_years: 2.5, domains: [casework], domains_inferred: true }
  - { start: 2010-01-02, end: 2011-02-03, fraction: 1.0, international: false }
languages:
  - { language: es, native: true }
  - { language: en, level: fluent }
  - { language: fr, level: B1 }
certifications:
  - { name: "PMP", issued: 2020-01, expires: 2026-01 }
  - { name: "First aid" }
skills: [zeta, Alpha, "é", " spaced"]
attestations: { valid_passport: true, "b\"q": false, a: true }
provenance:
  document: "applicants.xlsx"
  record: "Sheet1!17"
  record_sha256: "ab12"
  entries: { "experience[0]": "Sheet1!F17", "education[1]": "Sheet1!G17" }
"#;
        let cv = crate::Candidate::from_yaml_str(yaml).unwrap_or_default();
        assert!(cv.provenance.is_some() && cv.experience.as_ref().is_some_and(|e| e.len() == 3));
        let expected = through_a_value(&cv);
        assert_eq!(
            String::from_utf8_lossy(&profile_to_vec(&cv).unwrap_or_default()),
            String::from_utf8_lossy(&expected)
        );
        let mut odd = cv.clone();
        if let Some(period) = odd.experience.as_mut().and_then(|e| e.first_mut()) {
            period.fraction = Some(f64::NAN);
            period.domains = Some(vec![]);
        }
        odd.attestations = Some(std::collections::BTreeMap::new());
        odd.provenance = Some(crate::Provenance::default());
        let expected = through_a_value(&odd);
        assert_eq!(profile_to_vec(&odd).unwrap_or_default(), expected);
        assert_eq!(
            profile_to_vec(&crate::Candidate::default()).unwrap_or_default(),
            b"{}"
        );
    }

    #[test]
    fn the_order_of_a_profiles_lists_changes_nothing() {
        fn turned<T: Clone>(list: &mut Option<Vec<T>>, by: usize) {
            if let Some(items) = list.as_mut().filter(|items| !items.is_empty()) {
                items.reverse();
                let by = by % items.len();
                items.rotate_left(by);
            }
        }
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/golden/unknown_names.jsonl"
        );
        let profiles = std::fs::read_to_string(path).unwrap_or_default();
        let mut seen = 0;
        for (n, line) in profiles.lines().enumerate() {
            let Ok(cv) = crate::Candidate::from_json_str(line) else {
                continue;
            };
            seen += 1;
            for by in [0, 1, n] {
                let mut other = cv.clone();
                turned(&mut other.experience, by);
                for period in other.experience.iter_mut().flatten() {
                    turned(&mut period.domains, by);
                }
                turned(&mut other.education, by);
                turned(&mut other.languages, by);
                turned(&mut other.certifications, by);
                turned(&mut other.skills, by);
                turned(&mut other.nationalities, by);
                turned(&mut other.work_authorizations, by);
                assert_eq!(
                    profile_to_vec(&other).unwrap_or_default(),
                    profile_to_vec(&cv).unwrap_or_default(),
                    "{line}"
                );
            }
        }
        assert_eq!(seen, 100);
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
            let expected = through_a_value(&cv);
            assert_eq!(to_vec(&cv).unwrap_or_default(), expected, "{line}");
            assert_eq!(profile_to_vec(&cv).unwrap_or_default(), expected, "{line}");
        }
        assert_eq!(seen, 100);
    }
}
