//! `screen`: many candidates against one or all vacancies, one flat record
//! per candidate × vacancy, streamed.
//!
//! # Design
//! The work is split in three: [`Items`] lists the inputs lazily (files,
//! and JSON Lines read one line at a time), handed out in batches;
//! [`Screening::chunk`] turns a batch into its records, written out as
//! bytes (read, parse, prepare, judge, write: the only shared state is
//! the rule set's tables of names), on `--jobs` threads; and [`Sink`]
//! writes the chunks in input order. Memory stays flat however many
//! profiles stream through standard input.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use vacancy_match::{
    escape_terminal, special_file_kind, Candidate, Framing, JsonRecords, Limits, RuleSet,
    ScreenRecord, Verdict, Vocabulary,
};

use super::args::{ScreenArgs, ScreenFormat};
use super::files::{list_dir, Entry};
use super::paint::{Paint, Style};
use super::{rules_or_exit, BAD_INPUT, OK, USAGE};

/// The paths `screen` reads: candidates, the rules, the mapping; an
/// output must not be one of them.
pub(crate) fn inputs(args: &ScreenArgs) -> impl Iterator<Item = &Path> {
    args.candidates
        .iter()
        .map(PathBuf::as_path)
        .chain(args.rules.rules.as_deref())
        .chain(args.mapping.mapping.as_deref())
}

pub(crate) fn run(args: &ScreenArgs, today: NaiveDate) -> u8 {
    let (as_of, as_of_label) = super::as_of(args.as_of.as_of, today, args.lang.lang);
    let (rules, rules_name) = match rules_or_exit(args.rules.rules.as_deref()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if let Some(id) = args.vacancy.first() {
        if rules.vacancy(id).is_none() {
            eprintln!("error: {}", escape_terminal(&unknown_vacancy(id, &rules)));
            return USAGE;
        }
    }
    let sources = match sources(args, rules.vocabulary()) {
        Ok(sources) => sources,
        Err(code) => return code,
    };
    let screening = Screening {
        rules: &rules,
        vacancy: args.vacancy.first().map(String::as_str),
        as_of,
        limits: Limits::default(),
        lang: args.lang.lang,
        buffers: std::sync::Mutex::default(),
        input_format: args.input_format,
    };
    let vacancies = if args.vacancy.is_empty() {
        rules.vacancies().len()
    } else {
        1
    };
    let progress = Progress::new(total(&sources));
    let mut output = match super::output::open_or_exit(args.output.output.as_deref(), inputs(args))
    {
        Ok(output) => output,
        Err(code) => return code,
    };
    let format = Format {
        format: args.format,
        raw_csv: args.raw_csv,
        paint: Paint::for_output(output.path().is_some()),
    };
    let mut sink = Sink::new(format, &mut output);
    let mut tally = Tally::default();
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let written = (|| -> io::Result<()> {
        sink.begin(&as_of_label, vacancies, &rules_name)?;
        let mut items = Items::new(sources, screening.limits);
        let mut write = |out: Out| -> io::Result<()> {
            let chunk = match out {
                Out::Chunk(chunk) => chunk?,
                Out::Flush => return sink.flush(),
            };
            tally.add(&chunk.tally);
            progress.around(|| sink.chunk(&chunk.bytes))?;
            screening.recycle(chunk.bytes);
            progress.inc(chunk.tally.inputs, chunk.tally.bytes);
            Ok(())
        };
        if jobs == 1 {
            for item in items {
                write(Out::Chunk(screening.chunk(vec![item], format)))?;
                // Each input's records leave at once, for pipelines that
                // read while they write.
                write(Out::Flush)?;
            }
        } else {
            parallel(&mut items, &screening, format, jobs, &mut write)?;
        }
        progress.finish();
        sink.end(&tally)
    })();
    progress.finish();
    drop(sink);
    let code = if tally.bad + tally.partial > 0 {
        BAD_INPUT
    } else {
        OK
    };
    let code = super::output::finish(output, written, code);
    unread_note(tally.bad, tally.partial, tally.inputs);
    code
}

/// The note on standard error after a screen with inputs not read
/// (`failed`: no record could be made) or read in part (`partial`:
/// assessed, with an error record naming what was not read).
pub(crate) fn unread_note(failed: usize, partial: usize, inputs: usize) {
    if failed > 0 {
        eprintln!(
            "error: {failed} of {inputs} inputs could not be read; their records have `error` set"
        );
    }
    if partial > 0 {
        eprintln!(
            "error: {partial} of {inputs} inputs were assessed without the fields that could not \
             be read; an error record before their records names them"
        );
    }
}

/// What `screen` reads: the sheets of a mapping's export, else the
/// profile files, folders and streams named; an exit code when there is
/// nothing to read or the arguments do not go together.
pub(crate) fn sources(args: &ScreenArgs, vocabulary: &Vocabulary) -> Result<Vec<Source>, u8> {
    let sources = match &args.mapping.mapping {
        Some(_) => super::import::sheet_sources(&args.candidates, &args.mapping, vocabulary)?,
        None if super::import::has_sheet(&args.candidates) => {
            eprintln!("error: a spreadsheet needs --mapping MAP (draft one with `vacancy-match new mapping SHEET`)");
            return Err(USAGE);
        }
        None => plan(&args.candidates, args.follow_links),
    };
    if sources.is_empty() {
        eprintln!(
            "error: no profiles to screen in {} (expected *.yaml, *.yml, *.json or *.jsonl files)",
            escape_terminal(
                &args
                    .candidates
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        );
        return Err(BAD_INPUT);
    }
    Ok(sources)
}

/// The profiles of `sources`, read one at a time in input order: each
/// with its source, or the error record of an input that could not be
/// read. For the shortlist, which filters and sorts records.
pub(crate) fn profiles<'a>(
    sources: Vec<Source>,
    rules: &'a RuleSet,
    as_of: NaiveDate,
    lang: vacancy_match::Lang,
    input_format: super::args::ProfileFormat,
) -> impl Iterator<Item = (u64, Profile)> + 'a {
    let screening = Screening {
        rules,
        vacancy: None,
        as_of,
        limits: Limits::default(),
        lang,
        buffers: std::sync::Mutex::default(),
        input_format,
    };
    // Each with the bytes of input it took ([`Item::input_bytes`]).
    Items::new(sources, screening.limits).flat_map(move |item| {
        let bytes = item.input_bytes();
        match screening.read(item) {
            Input::Profile { source, candidate } => {
                vec![(bytes, Profile::Read { source, candidate })]
            }
            Input::Failed(record) => vec![(bytes, Profile::Failed(record))],
            Input::Blank => Vec::new(),
            // A spreadsheet row read in part: its error record, then the rest.
            Input::Partial {
                record,
                source,
                candidate,
            } => vec![
                (bytes, Profile::Partial(*record)),
                (
                    0,
                    Profile::Read {
                        source,
                        candidate: *candidate,
                    },
                ),
            ],
        }
    })
}

/// An input as [`profiles`] hands it out.
pub(crate) enum Profile {
    /// A profile to assess.
    Read {
        source: String,
        candidate: Candidate,
    },
    /// An input of which no profile could be made: its error record.
    Failed(ScreenRecord),
    /// The error record of an input read in part; its profile follows
    /// (the same input, not another one).
    Partial(ScreenRecord),
}

/// How far [`profiles`] will go, when known before reading them.
pub(crate) fn known_total(sources: &[Source]) -> Option<Total> {
    total(sources)
}

/// `--vacancy ID` that the rule set does not have, in words.
pub(crate) fn unknown_vacancy_message(id: &str, rules: &RuleSet) -> String {
    unknown_vacancy(id, rules)
}

/// Most inputs in one batch of work: enough that handing batches between
/// threads costs nothing next to screening them.
const BATCH: usize = 128;
/// Most bytes of lines in one batch: a batch of long lines is sent
/// before it has [`BATCH`] of them, so that the lines in flight take about
/// `BATCH_BYTES` per batch whatever their length (and at most one line
/// more, within the size limit).
const BATCH_BYTES: usize = 1 << 18;
/// Batches in flight per job: read ahead, or screened and waiting for an
/// earlier batch to be written. Memory is bounded by this, not by the
/// input.
const IN_FLIGHT_PER_JOB: usize = 4;

/// Screens `items` on `jobs` threads and writes their records in input
/// order. Inputs go in batches of those already read: a batch is sent when
/// it is full or when reading more could wait (nothing is buffered), so a
/// profile written to a pipe is screened at once.
fn parallel(
    items: &mut Items,
    screening: &Screening<'_>,
    format: Format,
    jobs: usize,
    write: &mut dyn FnMut(Out) -> io::Result<()>,
) -> io::Result<()> {
    use std::collections::BTreeMap;
    use std::sync::mpsc::{channel, sync_channel, TryRecvError};
    use std::sync::Mutex;

    let in_flight = jobs.saturating_mul(IN_FLIGHT_PER_JOB);
    let (ticket_tx, ticket_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = ticket_tx.send(());
    }
    let (work_tx, work_rx) = sync_channel::<(u64, Vec<Item>)>(in_flight);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = channel::<(u64, io::Result<Chunk>)>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut seq = 0_u64;
            let mut batch = Vec::with_capacity(BATCH);
            let mut send = |batch: Vec<Item>| {
                let sent = ticket_rx.recv().is_ok() && work_tx.send((seq, batch)).is_ok();
                seq = seq.saturating_add(1);
                sent
            };
            let mut bytes = 0_usize;
            while let Some(item) = items.next() {
                bytes = bytes.saturating_add(item.bytes());
                batch.push(item);
                let full = batch.len() >= BATCH || bytes >= BATCH_BYTES || !items.buffered();
                if full {
                    bytes = 0;
                    if !send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))) {
                        return;
                    }
                }
            }
            if !batch.is_empty() {
                send(batch);
            }
        });
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || loop {
                let next = match work_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => break,
                };
                let Ok((seq, batch)) = next else { break };
                if done_tx.send((seq, screening.chunk(batch, format))).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        // Owned here, so that leaving early (a reader closed the output)
        // drops them: the reader then stops for want of tickets, and the
        // workers for want of work, and the scope can end.
        let ticket_tx = ticket_tx;
        let done_rx = done_rx;
        let mut waiting: BTreeMap<u64, io::Result<Chunk>> = BTreeMap::new();
        let mut next = 0_u64;
        loop {
            let (seq, chunk) = match done_rx.try_recv() {
                Ok(done) => done,
                Err(TryRecvError::Empty) => {
                    write(Out::Flush)?;
                    match done_rx.recv() {
                        Ok(done) => done,
                        Err(_) => break,
                    }
                }
                Err(TryRecvError::Disconnected) => break,
            };
            waiting.insert(seq, chunk);
            while let Some(chunk) = waiting.remove(&next) {
                write(Out::Chunk(chunk))?;
                next = next.saturating_add(1);
                // Returning the ticket lets the reader go on.
                let _ = ticket_tx.send(());
            }
        }
        write(Out::Flush)
    })
}

enum Out {
    /// Some inputs' records, written out.
    Chunk(io::Result<Chunk>),
    Flush,
}

fn unknown_vacancy(id: &str, rules: &RuleSet) -> String {
    let ids: Vec<&str> = rules.vacancies().iter().map(|v| v.id()).collect();
    let closest = ids
        .iter()
        .map(|known| (strsim::normalized_levenshtein(id, known), *known))
        .filter(|(similarity, _)| *similarity >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match closest {
        Some((_, known)) => format!("unknown vacancy `{id}`, did you mean `{known}`?"),
        None => format!("unknown vacancy `{id}`, expected one of {}", ids.join(", ")),
    }
}

/// Where profiles come from, in command-line order.
#[derive(Debug)]
pub(crate) enum Source {
    /// One profile file.
    File(PathBuf),
    /// JSON Lines: a `.jsonl` file, or standard input (`path` is `-`).
    Lines(PathBuf),
    /// A path that could not be listed.
    Failed { source: String, message: String },
    /// An input already read (a spreadsheet row).
    Ready(Item),
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

/// The command line's CANDIDATES as sources: directories listed (their
/// profile files in name order, and an error for each entry that is not
/// read), `-` and `*.jsonl` as line streams.
fn plan(paths: &[PathBuf], follow_outside: bool) -> Vec<Source> {
    let mut sources = Vec::new();
    for path in paths {
        if path == Path::new("-") || (is_jsonl(path) && !path.is_dir()) {
            sources.push(Source::Lines(path.clone()));
        } else if path.is_dir() {
            match list_dir(path, follow_outside) {
                Ok(entries) => sources.extend(entries.into_iter().map(|entry| match entry {
                    Entry::File(f) if is_jsonl(&f) => Source::Lines(f),
                    Entry::File(f) => Source::File(f),
                    Entry::Refused { path, why } => {
                        let source = path.display().to_string();
                        Source::Failed {
                            message: format!("{source}: {why}"),
                            source,
                        }
                    }
                })),
                Err(e) => sources.push(Source::Failed {
                    source: path.display().to_string(),
                    message: format!("{}: {e}", path.display()),
                }),
            }
        } else {
            // Missing or unreadable files are reported by the loader.
            sources.push(Source::File(path.clone()));
        }
    }
    sources
}

/// What a progress bar counts up to, when it is known before reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Total {
    /// Profiles, when each input holds one.
    Profiles(u64),
    /// Bytes, when JSON Lines files hold many: the size of every file to
    /// read, lines advancing it by their length ([`Item::input_bytes`]).
    Bytes(u64),
}

/// How far screening `sources` goes, when known before reading them:
/// unknown for standard input or a pipe.
fn total(sources: &[Source]) -> Option<Total> {
    if !sources.iter().any(|s| matches!(s, Source::Lines(_))) {
        return u64::try_from(sources.len()).ok().map(Total::Profiles);
    }
    let mut bytes = 0_u64;
    for source in sources {
        let size = match source {
            Source::Lines(path) => regular_size(path)?,
            Source::File(path) => regular_size(path).unwrap_or(0),
            Source::Failed { .. } | Source::Ready(_) => 0,
        };
        bytes = bytes.saturating_add(size);
    }
    Some(Total::Bytes(bytes))
}

/// The size of a regular file; `None` for `-`, a pipe or a path that
/// cannot be read.
fn regular_size(path: &Path) -> Option<u64> {
    if path == Path::new("-") {
        return None;
    }
    std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len())
}

/// One unit of screening work.
#[derive(Debug)]
pub(crate) enum Item {
    /// A profile file.
    File(PathBuf),
    /// One line of a JSON Lines stream named `name` (`stdin` or a path).
    Line {
        name: Arc<str>,
        line: usize,
        text: LineText,
    },
    /// An input that could not be read.
    Failed { source: String, message: String },
    /// A profile already read (a spreadsheet row), and the cells of its
    /// row that could not be read.
    Profile {
        source: String,
        candidate: Box<Candidate>,
        problems: Option<String>,
    },
}

impl Item {
    /// How far reading this item advances through the input's bytes, for
    /// [`Total::Bytes`]: a line and its line break, a file's size. Blank
    /// lines give no item, so a bar may end a few bytes short of its
    /// length before it is cleared.
    pub(crate) fn input_bytes(&self) -> u64 {
        match self {
            Item::Line { text, .. } => {
                u64::try_from(text.range.len().saturating_add(1)).unwrap_or(u64::MAX)
            }
            Item::File(path) => regular_size(path).unwrap_or(0),
            Item::Failed { .. } | Item::Profile { .. } => 0,
        }
    }

    /// The bytes of its text held in memory (a line's; a file is read by
    /// the thread that screens it).
    fn bytes(&self) -> usize {
        match self {
            Item::Line { text, .. } => text.range.len(),
            // A spreadsheet's rows are read whole before screening.
            Item::File(_) | Item::Failed { .. } | Item::Profile { .. } => 0,
        }
    }
}

/// A line's bytes, without its line break: a range of a block of the
/// stream shared by the lines read with it, so that reading a line copies
/// and allocates nothing. Checked to be text by the thread that screens
/// it.
#[derive(Debug)]
pub(crate) struct LineText {
    block: Arc<Vec<u8>>,
    range: std::ops::Range<usize>,
}

impl LineText {
    /// The line as text, trimmed; else why not, for line `line` of the
    /// stream `name`.
    pub(crate) fn text(&self, name: &str, line: usize) -> Result<&str, String> {
        let bytes = self.block.get(self.range.clone()).unwrap_or_default();
        std::str::from_utf8(bytes).map(str::trim).map_err(|e| {
            format!(
                "{name}:{line}: invalid UTF-8 at byte {}, expected text",
                e.valid_up_to()
            )
        })
    }
}

/// Why a line is skipped when longer than `max` bytes.
fn too_long(max: usize) -> String {
    format!("line longer than the limit of {max} bytes")
}

/// Whether a line is blank: ASCII white space only (a line of other white
/// space is skipped by the thread that screens it).
fn blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// Bytes read from a JSON Lines stream at a time.
const READ_BUFFER: usize = 1 << 18;

/// The items of the sources, reading line streams a block at a time.
pub(crate) struct Items {
    sources: VecDeque<Source>,
    lines: Option<Lines>,
    /// The JSON Lines file being read (not standard input) while it has
    /// given nothing: a file with no profile is an error, as an empty
    /// YAML file is.
    empty_file: Option<PathBuf>,
    limits: Limits,
}

/// An open JSON Lines stream.
struct Lines {
    name: Arc<str>,
    reader: BufReader<Box<dyn Read + Send>>,
    /// The number of the last line read.
    line: usize,
    /// Bytes read, shared with the lines handed out of it; those from
    /// `start` are not handed out yet.
    block: Arc<Vec<u8>>,
    start: usize,
    /// How many bytes from `start` are known to hold no line break.
    searched: usize,
    /// Whether the stream has nothing more to read.
    ended: bool,
    /// Why reading the stream failed, until reported.
    failure: Option<String>,
}

impl Items {
    pub(crate) fn new(sources: Vec<Source>, limits: Limits) -> Items {
        Items {
            sources: sources.into(),
            lines: None,
            empty_file: None,
            limits,
        }
    }

    /// Whether the next input can be read without waiting (see
    /// [`Lines::ready`]).
    fn buffered(&mut self) -> bool {
        let max = self.limits.max_bytes;
        self.lines.as_mut().is_some_and(|lines| lines.ready(max))
    }

    fn open(path: &Path) -> Result<Lines, Item> {
        let (name, reader): (String, Box<dyn Read + Send>) = if path == Path::new("-") {
            ("stdin".to_string(), Box::new(io::stdin()))
        } else {
            let name = path.display().to_string();
            // A pipe named on the command line is a stream like standard
            // input; a device or a directory is not read.
            if let Some(kind) = std::fs::metadata(path)
                .ok()
                .as_ref()
                .and_then(special_file_kind)
                .filter(|k| !k.starts_with("a named pipe"))
            {
                return Err(Item::Failed {
                    message: format!("{name}: {kind}, expected a regular file or a pipe"),
                    source: name,
                });
            }
            match File::open(path) {
                Ok(file) => (name, Box::new(file)),
                Err(e) => {
                    return Err(Item::Failed {
                        message: format!("{name}: {e}"),
                        source: name,
                    })
                }
            }
        };
        Ok(Lines::new(name.into(), reader))
    }
}

impl Iterator for Items {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(lines) = &mut self.lines {
                match lines.next_item(self.limits.max_bytes) {
                    Some(item) => {
                        self.empty_file = None;
                        return Some(item);
                    }
                    None => self.lines = None,
                }
                if let Some(path) = self.empty_file.take() {
                    let source = path.display().to_string();
                    return Some(Item::Failed {
                        message: format!(
                            "{source}: no profiles, expected one JSON object a line \
                             (the file is empty or holds only blank lines)"
                        ),
                        source,
                    });
                }
            }
            match self.sources.pop_front()? {
                Source::File(path) => return Some(Item::File(path)),
                Source::Failed { source, message } => {
                    return Some(Item::Failed { source, message })
                }
                Source::Ready(item) => return Some(item),
                Source::Lines(path) => match Items::open(&path) {
                    Ok(lines) => {
                        self.lines = Some(lines);
                        self.empty_file = (path != Path::new("-")).then_some(path);
                    }
                    Err(item) => return Some(item),
                },
            }
        }
    }
}

impl Lines {
    fn new(name: Arc<str>, reader: Box<dyn Read + Send>) -> Lines {
        Lines {
            name,
            reader: BufReader::with_capacity(READ_BUFFER, reader),
            line: 0,
            block: Arc::default(),
            start: 0,
            searched: 0,
            ended: false,
            failure: None,
        }
    }

    /// The bytes read and not handed out.
    fn rest(&self) -> &[u8] {
        self.block.get(self.start..).unwrap_or_default()
    }

    /// Where the next line break is in [`Lines::rest`], searching each
    /// byte once however little the stream gives at a time.
    fn line_end(&mut self) -> Option<usize> {
        let rest = self.block.get(self.start..).unwrap_or_default();
        let unsearched = rest.get(self.searched..).unwrap_or_default();
        match memchr::memchr(b'\n', unsearched) {
            Some(at) => {
                // Found again at once when asked again.
                self.searched = self.searched.saturating_add(at);
                Some(self.searched)
            }
            None => {
                self.searched = rest.len();
                None
            }
        }
    }

    /// Hands out the bytes up to `end` (from `start`).
    fn advance(&mut self, end: usize) {
        self.start = end;
        self.searched = 0;
    }

    /// The next non-blank line as an item, `None` at the end of the
    /// stream. A line longer than `max` bytes is skipped without being
    /// held in memory, and reported.
    fn next_item(&mut self, max: usize) -> Option<Item> {
        loop {
            let rest = self.rest().len();
            let (length, whole) = match self.line_end() {
                Some(at) => (at, true),
                None if self.ended => {
                    if let Some(failure) = self.failure.take() {
                        // The line being read when the stream failed.
                        self.line += 1;
                        self.advance(self.block.len());
                        return Some(self.failed(&failure));
                    }
                    if rest == 0 {
                        return None;
                    }
                    // The last line may end without a line break.
                    (rest, false)
                }
                None if rest > max => {
                    self.line += 1;
                    self.advance(self.block.len());
                    self.skip_rest_of_line();
                    return Some(self.failed(&too_long(max)));
                }
                None => {
                    self.read_more();
                    continue;
                }
            };
            self.line += 1;
            let range = self.start..self.start.saturating_add(length);
            self.advance(range.end.saturating_add(usize::from(whole)));
            if length > max {
                return Some(self.failed(&too_long(max)));
            }
            let bytes = self.block.get(range.clone()).unwrap_or_default();
            if blank(bytes) {
                continue;
            }
            return Some(Item::Line {
                name: Arc::clone(&self.name),
                line: self.line,
                text: LineText {
                    block: Arc::clone(&self.block),
                    range,
                },
            });
        }
    }

    /// The item of the line just counted, which could not be read
    /// (`why`).
    fn failed(&self, why: &str) -> Item {
        let source = format!("{}:{}", self.name, self.line);
        Item::Failed {
            message: format!("{source}: {why}"),
            source,
        }
    }

    /// Records that reading the stream failed: it is read no further, and
    /// the failure is reported as its next line.
    fn fail(&mut self, e: &io::Error) {
        self.ended = true;
        self.failure = Some(e.to_string());
    }

    /// A block of the line begun in the last one, then what the stream
    /// gives next (waiting only if nothing is buffered).
    fn read_more(&mut self) {
        let read = match self.reader.fill_buf() {
            Ok([]) => {
                self.ended = true;
                return;
            }
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return,
            Err(e) => {
                // What was read is still screened.
                self.fail(&e);
                return;
            }
        };
        let used = read.len();
        let start = self.start;
        let block = match Arc::get_mut(&mut self.block) {
            // No line of the block is handed out: it grows in place, so
            // a stream given a few bytes at a time is not copied again
            // for each.
            Some(own) => {
                let mut own = std::mem::take(own);
                own.drain(..start.min(own.len()));
                own.extend_from_slice(read);
                own
            }
            // The size of what there is: lines handed out keep their
            // block, however little a read gave.
            None => {
                let rest = self.block.get(start..).unwrap_or_default();
                let mut fresh = Vec::with_capacity(rest.len().saturating_add(used));
                fresh.extend_from_slice(rest);
                fresh.extend_from_slice(read);
                fresh
            }
        };
        self.reader.consume(used);
        self.block = Arc::new(block);
        self.start = 0;
    }

    /// Reads past the end of a line too long to keep.
    fn skip_rest_of_line(&mut self) {
        loop {
            let (done, used) = match self.reader.fill_buf() {
                Ok([]) => return,
                Ok(available) => match memchr::memchr(b'\n', available) {
                    Some(at) => (true, at.saturating_add(1)),
                    None => (false, available.len()),
                },
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.fail(&e);
                    return;
                }
            };
            self.reader.consume(used);
            if done {
                return;
            }
        }
    }

    /// Whether the next item can be had without waiting for the stream:
    /// a whole line that is not blank is read, or a line too long to
    /// keep, or the stream has ended. What the stream has buffered is
    /// taken in to see.
    fn ready(&mut self, max: usize) -> bool {
        loop {
            // The first whole line that is not blank, if any.
            let mut unread = self.rest();
            let mut line = false;
            while let Some(at) = memchr::memchr(b'\n', unread) {
                let (head, tail) = unread.split_at(at);
                if !blank(head) {
                    line = true;
                    break;
                }
                unread = tail.get(1..).unwrap_or_default();
            }
            if self.ended || line || self.rest().len() > max {
                return true;
            }
            if self.reader.buffer().is_empty() {
                return false;
            }
            self.read_more();
        }
    }
}

/// What screening needs besides the item: shared and read-only.
pub(crate) struct Screening<'a> {
    rules: &'a RuleSet,
    vacancy: Option<&'a str>,
    as_of: NaiveDate,
    limits: Limits,
    lang: vacancy_match::Lang,
    /// Buffers written out and handed back, for the next chunks: fresh
    /// memory for every chunk costs the system a page clearing each time.
    buffers: std::sync::Mutex<Vec<Vec<u8>>>,
    /// How profile files are read (JSON Resume or profile).
    input_format: super::args::ProfileFormat,
}

impl Screening<'_> {
    /// One input's records: one per vacancy screened, in rule-set order,
    /// or one error record.
    /// A buffer to write a chunk into: one handed back, else a new one.
    fn buffer(&self) -> Vec<u8> {
        self.buffers
            .lock()
            .ok()
            .and_then(|mut buffers| buffers.pop())
            .unwrap_or_default()
    }

    /// Hands a chunk's buffer back once it is written out (a few are kept).
    fn recycle(&self, mut bytes: Vec<u8>) {
        bytes.clear();
        if let Ok(mut buffers) = self.buffers.lock() {
            if buffers.len() < 16 {
                buffers.push(bytes);
            }
        }
    }

    /// Reads one input: a profile, or the record of why it could not be
    /// read.
    fn read(&self, item: Item) -> Input {
        let (source, loaded) = match item {
            Item::File(path) => (
                path.display().to_string(),
                super::import::read_profile(
                    &path,
                    &self.limits,
                    self.input_format,
                    self.rules.vocabulary(),
                ),
            ),
            Item::Profile {
                source,
                candidate,
                problems: None,
            } => (source, Ok(*candidate)),
            Item::Profile {
                source,
                candidate,
                problems: Some(message),
            } => {
                return Input::Partial {
                    record: Box::new(ScreenRecord::failed(&source, self.as_of, &message)),
                    source,
                    candidate,
                }
            }
            Item::Line { name, line, text } => {
                let source = format!("{name}:{line}");
                match text.text(&name, line) {
                    Ok("") => return Input::Blank,
                    Ok(text) => {
                        let loaded = Candidate::from_json_line(text, &name, line, &self.limits);
                        (source, loaded)
                    }
                    Err(message) => {
                        return Input::Failed(ScreenRecord::failed(&source, self.as_of, &message));
                    }
                }
            }
            Item::Failed { source, message } => {
                return Input::Failed(ScreenRecord::failed(&source, self.as_of, &message))
            }
        };
        match loaded {
            Ok(candidate) => {
                // A JSON Resume read in part: its error record names what
                // was not read, as a spreadsheet row's does.
                let notes = super::import::not_read(&candidate, &source);
                if notes.is_empty() {
                    Input::Profile { source, candidate }
                } else {
                    Input::Partial {
                        record: Box::new(ScreenRecord::failed(
                            &source,
                            self.as_of,
                            &notes.join("; "),
                        )),
                        source,
                        candidate: Box::new(candidate),
                    }
                }
            }
            Err(e) => Input::Failed(ScreenRecord::from_error(&source, self.as_of, &e)),
        }
    }

    /// Screens `items` and writes their records in `format`.
    fn chunk(&self, items: Vec<Item>, format: Format) -> io::Result<Chunk> {
        let vacancies = if self.vacancy.is_some() {
            1
        } else {
            self.rules.vacancies().len()
        };
        // About what the records take, so that the buffer rarely grows.
        let mut bytes = self.buffer();
        bytes.reserve(items.len().saturating_mul(vacancies).saturating_mul(512));
        let mut csv = None;
        if format.format == ScreenFormat::Csv {
            csv = Some(
                csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(std::mem::take(&mut bytes)),
            );
        }
        let mut chunk = Chunk {
            bytes,
            tally: Tally::default(),
        };
        let mut write = |out: &mut Vec<u8>, r: &ScreenRecord| -> io::Result<()> {
            match (format.format, &mut csv) {
                (ScreenFormat::Text, _) => write_text_record(out, r, format.paint)?,
                // The separator before every JSON record: the sink drops
                // the first one.
                (ScreenFormat::Json, _) => json_into(out, Framing::ArrayItems, |j| j.push(r)),
                (ScreenFormat::Jsonl, _) => json_into(out, Framing::Lines, |j| j.push(r)),
                (ScreenFormat::Csv, Some(w)) if format.raw_csv => {
                    w.serialize(r.csv_row()).map_err(csv_error)?;
                }
                (ScreenFormat::Csv, Some(w)) => {
                    w.serialize(neutralised(r).csv_row()).map_err(csv_error)?;
                }
                (ScreenFormat::Csv, None) | (ScreenFormat::Html, _) => {}
            }
            Ok(())
        };
        for item in items {
            chunk.tally.bytes = chunk.tally.bytes.saturating_add(item.input_bytes());
            let input = self.read(item);
            if !matches!(input, Input::Blank) {
                chunk.tally.inputs += 1;
            }
            let (source, candidate) = match input {
                Input::Profile { source, candidate } => (source, candidate),
                Input::Blank => continue,
                Input::Failed(record) => {
                    chunk.tally.bad += 1;
                    write(&mut chunk.bytes, &record)?;
                    continue;
                }
                Input::Partial {
                    record,
                    source,
                    candidate,
                } => {
                    chunk.tally.partial += 1;
                    write(&mut chunk.bytes, &record)?;
                    (source, *candidate)
                }
            };
            let request = self.rules.assess(&candidate, self.as_of);
            let evaluations = match self.vacancy {
                Some(id) => request.evaluate_one(id).into_iter().collect(),
                None => request.evaluate_each(),
            };
            for e in &evaluations {
                chunk.tally.count(Some(e.verdict()));
            }
            let out = &mut chunk.bytes;
            match format.format {
                // JSON is written straight from the evaluations.
                ScreenFormat::Json => json_into(out, Framing::ArrayItems, |j| {
                    j.push_evaluations(&source, &evaluations, self.lang);
                }),
                ScreenFormat::Jsonl => json_into(out, Framing::Lines, |j| {
                    j.push_evaluations(&source, &evaluations, self.lang);
                }),
                ScreenFormat::Text | ScreenFormat::Csv | ScreenFormat::Html => {
                    for e in &evaluations {
                        write(out, &ScreenRecord::from_evaluation(&source, e, self.lang))?;
                    }
                }
            }
        }
        if let Some(w) = csv {
            let bytes = w
                .into_inner()
                .map_err(|e| io::Error::other(e.to_string()))?;
            chunk.bytes = bytes;
        }
        Ok(chunk)
    }
}

/// Appends JSON records to `out`, set apart by `framing`, without
/// copying what `out` holds.
fn json_into(out: &mut Vec<u8>, framing: Framing, write: impl FnOnce(&mut JsonRecords)) {
    let mut records = JsonRecords::reusing(framing, std::mem::take(out));
    write(&mut records);
    *out = records.into_bytes();
}

/// An input, read.
enum Input {
    Profile {
        source: String,
        candidate: Candidate,
    },
    /// The record of an input that could not be read.
    Failed(ScreenRecord),
    /// A line of white space only.
    Blank,
    /// A spreadsheet row read in part: the error record naming the cells
    /// that could not be read, then the profile of the rest.
    Partial {
        record: Box<ScreenRecord>,
        source: String,
        candidate: Box<Candidate>,
    },
}

/// How records are written.
#[derive(Debug, Clone, Copy)]
struct Format {
    format: ScreenFormat,
    /// CSV cells as they are, formula triggers and all.
    raw_csv: bool,
    /// Colours, for text.
    paint: Paint,
}

/// Some inputs' records, written out, and what they counted.
#[derive(Debug, Default)]
struct Chunk {
    bytes: Vec<u8>,
    tally: Tally,
}

#[derive(Debug, Default)]
struct Tally {
    inputs: usize,
    /// Bytes of input read ([`Item::input_bytes`]).
    bytes: u64,
    /// Inputs of which no profile could be made.
    bad: usize,
    /// Inputs assessed with some of their fields not read.
    partial: usize,
    eligible: usize,
    needs_review: usize,
    ineligible: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.inputs += other.inputs;
        self.bytes = self.bytes.saturating_add(other.bytes);
        self.bad += other.bad;
        self.partial += other.partial;
        self.eligible += other.eligible;
        self.needs_review += other.needs_review;
        self.ineligible += other.ineligible;
    }

    fn count(&mut self, verdict: Option<Verdict>) {
        match verdict {
            Some(Verdict::Eligible) => self.eligible += 1,
            Some(Verdict::NeedsReview) => self.needs_review += 1,
            Some(Verdict::Ineligible) => self.ineligible += 1,
            None => {}
        }
    }
}

/// Where records go, in input order: the format's opening and closing
/// around chunks written by the workers.
struct Sink<W: Write> {
    out: BufWriter<W>,
    format: ScreenFormat,
    /// No record written yet (a JSON array's first has no separator).
    first: bool,
}

impl<W: Write> Sink<W> {
    fn new(format: Format, out: W) -> Sink<W> {
        Sink {
            out: BufWriter::with_capacity(1 << 16, out),
            format: format.format,
            first: true,
        }
    }

    fn begin(&mut self, as_of: &str, vacancies: usize, rules: &str) -> io::Result<()> {
        let out = &mut self.out;
        match self.format {
            ScreenFormat::Text => writeln!(
                out,
                "screening as of {as_of} against {vacancies} {} ({})",
                if vacancies == 1 {
                    "vacancy"
                } else {
                    "vacancies"
                },
                escape_terminal(rules)
            ),
            ScreenFormat::Json => write!(out, "["),
            ScreenFormat::Jsonl | ScreenFormat::Html => Ok(()),
            ScreenFormat::Csv => {
                let mut header = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(Vec::new());
                header
                    .write_record(ScreenRecord::FIELDS)
                    .map_err(csv_error)?;
                let bytes = header
                    .into_inner()
                    .map_err(|e| io::Error::other(e.to_string()))?;
                out.write_all(&bytes)
            }
        }
    }

    /// Writes records a worker wrote out.
    fn chunk(&mut self, bytes: &[u8]) -> io::Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        if self.format == ScreenFormat::Json && self.first {
            // The first record of the array: a line break, no comma.
            self.out.write_all(b"\n")?;
            self.out.write_all(bytes.get(2..).unwrap_or_default())?;
        } else {
            self.out.write_all(bytes)?;
        }
        self.first = false;
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn end(&mut self, tally: &Tally) -> io::Result<()> {
        match self.format {
            ScreenFormat::Text => {
                // Candidates and assessments (one per candidate × vacancy)
                // are counted apart: the verdicts count assessments.
                let candidates = tally.inputs.saturating_sub(tally.bad);
                let partial = if tally.partial > 0 {
                    format!(
                        ", {} assessed without fields that could not be read",
                        tally.partial
                    )
                } else {
                    String::new()
                };
                let assessments = tally
                    .eligible
                    .saturating_add(tally.needs_review)
                    .saturating_add(tally.ineligible);
                let plural = |n: usize, one: &'static str, many: &'static str| {
                    if n == 1 {
                        one
                    } else {
                        many
                    }
                };
                writeln!(
                    self.out,
                    "{candidates} {}, {assessments} {} (candidate × vacancy): {} eligible, {} {}, {} ineligible; {} {} could not be read{partial}",
                    plural(candidates, "candidate", "candidates"),
                    plural(assessments, "assessment", "assessments"),
                    tally.eligible,
                    tally.needs_review,
                    plural(tally.needs_review, "needs review", "need review"),
                    tally.ineligible,
                    tally.bad,
                    plural(tally.bad, "input", "inputs"),
                )?;
            }
            ScreenFormat::Json => {
                self.out
                    .write_all(if self.first { b"]\n" } else { b"\n]\n" })?;
            }
            ScreenFormat::Jsonl | ScreenFormat::Csv | ScreenFormat::Html => {}
        }
        self.flush()
    }
}

/// Whether a spreadsheet would take a cell starting so for a formula
/// (OWASP's list: `=`, `+`, `-`, `@`, tab, carriage return).
fn formula_trigger(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `cell` with a `'` before a formula trigger: the spreadsheet then shows
/// the text and runs nothing.
fn neutralise(cell: &mut String) {
    if formula_trigger(cell) {
        cell.insert(0, '\'');
    }
}

/// A record whose text cells can neither run as spreadsheet formulas
/// nor hide or disguise what they hold: control characters (line breaks
/// too: a cell is one value), bidirectional overrides and isolates and
/// zero-width characters are written out visibly, as
/// [`escape_terminal`] writes them; every other character is kept.
pub(crate) fn neutralised(r: &ScreenRecord) -> std::borrow::Cow<'_, ScreenRecord> {
    let texts = [&r.source]
        .into_iter()
        .chain(
            [&r.candidate, &r.name, &r.vacancy, &r.title, &r.error]
                .into_iter()
                .flatten(),
        )
        .chain(&r.unmet)
        .chain(&r.to_verify)
        .chain(&r.gaps);
    if !texts
        .into_iter()
        .any(|t| formula_trigger(t) || matches!(escape_terminal(t), std::borrow::Cow::Owned(_)))
    {
        return std::borrow::Cow::Borrowed(r);
    }
    let mut r = r.clone();
    let visible = |cell: &mut String| {
        if let std::borrow::Cow::Owned(escaped) = escape_terminal(cell) {
            *cell = escaped;
        }
    };
    visible(&mut r.source);
    neutralise(&mut r.source);
    for cell in [
        &mut r.candidate,
        &mut r.name,
        &mut r.vacancy,
        &mut r.title,
        &mut r.error,
    ]
    .into_iter()
    .flatten()
    {
        visible(cell);
        neutralise(cell);
    }
    for list in [&mut r.unmet, &mut r.to_verify, &mut r.gaps] {
        list.iter_mut().for_each(visible);
        // Lists are written joined: their first item starts the cell.
        if let Some(first) = list.first_mut() {
            neutralise(first);
        }
    }
    std::borrow::Cow::Owned(r)
}

fn csv_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// `verdict  score  candidate × vacancy  [closed]`, then the gaps.
pub(crate) fn write_text_record(
    out: &mut impl Write,
    r: &ScreenRecord,
    paint: Paint,
) -> io::Result<()> {
    let Some(verdict) = r.verdict else {
        let error = r.error.as_deref().unwrap_or("could not be read");
        return writeln!(
            out,
            "{}  {}",
            paint.paint(Style::Bad, "error       "),
            escape_terminal(error)
        );
    };
    let (style, word) = match verdict {
        Verdict::Eligible => (Style::Good, "eligible    "),
        Verdict::NeedsReview => (Style::Warn, "needs_review"),
        Verdict::Ineligible => (Style::Bad, "ineligible  "),
    };
    let who = r.candidate.as_deref().unwrap_or(&r.source);
    let vacancy = r.vacancy.as_deref().unwrap_or("");
    let closed = if r.closed == Some(true) {
        paint.paint(Style::Dim, "  [closed]")
    } else {
        String::new()
    };
    writeln!(
        out,
        "{}  {:>5.1}  {} × {}{closed}",
        paint.paint(style, word),
        r.score.unwrap_or(0.0),
        escape_terminal(who),
        escape_terminal(vacancy)
    )?;
    for gap in &r.gaps {
        writeln!(out, "                       - {}", escape_terminal(gap))?;
    }
    Ok(())
}

/// A progress bar on standard error when it is a terminal (and not
/// `-q`): a count and a rate, and with a known [`Total`] a percent and an
/// ETA.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    /// Records go to the same terminal: hide the bar while writing them.
    share_terminal: bool,
    /// The bar counts bytes; profiles are counted in its message.
    bytes: bool,
    profiles: std::sync::atomic::AtomicU64,
}

impl Progress {
    pub(crate) fn new(total: Option<Total>) -> Progress {
        let bytes = matches!(total, Some(Total::Bytes(_)));
        let mut progress = Progress {
            bar: None,
            share_terminal: false,
            bytes,
            profiles: std::sync::atomic::AtomicU64::new(0),
        };
        if !io::stderr().is_terminal() || super::quiet() {
            return progress;
        }
        let (len, template) = match total {
            Some(Total::Profiles(n)) => (
                Some(n),
                "{bar:30} {pos}/{len} profiles ({percent}%), {per_sec}, eta {eta}",
            ),
            Some(Total::Bytes(n)) => (
                Some(n),
                "{bar:30} {percent}% of {binary_total_bytes}, {msg} profiles, {binary_bytes_per_sec}, eta {eta}",
            ),
            None => (None, "{spinner} {pos} profiles, {per_sec}, {elapsed}"),
        };
        let style = ProgressStyle::with_template(template).unwrap_or_else(|_| {
            if len.is_some() {
                ProgressStyle::default_bar()
            } else {
                ProgressStyle::default_spinner()
            }
        });
        let bar =
            ProgressBar::with_draw_target(len, ProgressDrawTarget::stderr()).with_style(style);
        if bytes {
            bar.set_message("0");
        }
        progress.bar = Some(bar);
        progress.share_terminal = io::stdout().is_terminal();
        progress
    }

    pub(crate) fn around<T>(&self, write: impl FnOnce() -> T) -> T {
        match &self.bar {
            Some(bar) if self.share_terminal => bar.suspend(write),
            _ => write(),
        }
    }

    /// `inputs` more profiles read, from `bytes` more bytes of input.
    pub(crate) fn inc(&self, inputs: usize, bytes: u64) {
        let Some(bar) = &self.bar else {
            return;
        };
        let inputs = u64::try_from(inputs).unwrap_or(u64::MAX);
        if self.bytes {
            let profiles = self
                .profiles
                .fetch_add(inputs, std::sync::atomic::Ordering::Relaxed)
                .saturating_add(inputs);
            bar.set_message(profiles.to_string());
            bar.inc(bytes);
        } else {
            bar.inc(inputs);
        }
    }

    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, max: usize) -> Vec<Item> {
        let reader = Box::new(io::Cursor::new(text.as_bytes().to_vec()));
        let mut lines = Lines::new("stdin".into(), reader);
        std::iter::from_fn(|| lines.next_item(max)).collect()
    }

    #[test]
    fn progress_of_json_lines_files_is_counted_in_bytes() {
        let dir = std::env::temp_dir().join(format!("vm-progress-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let jsonl = dir.join("batch.jsonl");
        let text = "{\"id\":\"a\"}\n{\"id\":\"b\", \"name\": \"B\"}\n{\"id\":\"c\"}\n";
        std::fs::write(&jsonl, text).unwrap();
        let profile = dir.join("d.yaml");
        std::fs::write(&profile, "id: d\n").unwrap();
        let size = u64::try_from(text.len() + "id: d\n".len()).unwrap();

        // Files only: a count of profiles.
        let files = vec![Source::File(profile.clone())];
        assert_eq!(total(&files), Some(Total::Profiles(1)));
        // A JSON Lines file: bytes, and reading every item reaches them
        // (a blank line, which gives no item, would leave its one byte).
        let sources = vec![Source::Lines(jsonl.clone()), Source::File(profile.clone())];
        assert_eq!(total(&sources), Some(Total::Bytes(size)));
        let items = Items::new(sources, Limits::default());
        let read: u64 = items.map(|i| i.input_bytes()).sum();
        assert_eq!(read, size);
        // Half-way through the file is half the bar.
        let first_line = u64::try_from(text.find('\n').unwrap() + 1).unwrap();
        let items = Items::new(vec![Source::Lines(jsonl.clone())], Limits::default());
        assert_eq!(items.map(|i| i.input_bytes()).next(), Some(first_line));
        // Standard input has no size.
        assert_eq!(total(&[Source::Lines(PathBuf::from("-"))]), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn lines_are_numbered_blank_ones_skipped() {
        let items = lines("{\"id\":\"a\"}\n\n{\"id\":\"b\"}", 100);
        let numbers: Vec<usize> = items
            .iter()
            .map(|i| match i {
                Item::Line { line, .. } => *line,
                _ => 0,
            })
            .collect();
        assert_eq!(numbers, [1, 3]);
    }

    #[test]
    fn long_lines_are_skipped_and_reported() {
        let long = "x".repeat(50);
        let items = lines(&format!("{{}}\n{long}\n{{\"id\":\"c\"}}\n"), 10);
        assert!(matches!(&items[0], Item::Line { line: 1, .. }));
        assert!(
            matches!(&items[1], Item::Failed { source, message } if source == "stdin:2" && message.contains("longer than"))
        );
        assert!(
            matches!(&items[2], Item::Line { line: 3, text, .. } if text.text("stdin", 3) == Ok("{\"id\":\"c\"}"))
        );
    }

    /// A reader that gives a few bytes at a time, as a pipe may.
    struct Trickle(Vec<u8>, usize);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let rest = self.0.get(self.1..).unwrap_or_default();
            let n = rest.len().min(buf.len()).min(7);
            buf[..n].copy_from_slice(&rest[..n]);
            self.1 += n;
            Ok(n)
        }
    }

    #[test]
    fn lines_across_blocks_are_whole_and_the_last_needs_no_break() {
        let long = format!("{{\"id\":\"{}\"}}", "x".repeat(READ_BUFFER + 10));
        let text = format!("{long}\r\n  {{\"id\":\"b\"}}  \n{{\"id\":\"c\"}}");
        for reader in [
            Box::new(io::Cursor::new(text.clone().into_bytes())) as Box<dyn Read + Send>,
            Box::new(Trickle(text.clone().into_bytes(), 0)),
        ] {
            let mut lines = Lines::new("in".into(), reader);
            let items: Vec<Item> = std::iter::from_fn(|| lines.next_item(1 << 20)).collect();
            let texts: Vec<(usize, String)> = items
                .iter()
                .map(|i| match i {
                    Item::Line { line, text, .. } => {
                        (*line, text.text("in", *line).unwrap().to_string())
                    }
                    other => panic!("{other:?}"),
                })
                .collect();
            assert_eq!(
                texts,
                [
                    (1, long.clone()),
                    (2, "{\"id\":\"b\"}".to_string()),
                    (3, "{\"id\":\"c\"}".to_string())
                ]
            );
        }
    }

    /// A stream that gives its chunks one read at a time, and then would
    /// wait: reading it again fails the test.
    struct Chunks(VecDeque<&'static [u8]>);

    impl Read for Chunks {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let chunk = self.0.pop_front().expect("read when it would wait");
            buf[..chunk.len()].copy_from_slice(chunk);
            Ok(chunk.len())
        }
    }

    #[test]
    fn ready_only_with_a_whole_line_that_is_not_blank() {
        for (given, ready) in [
            (&b"{\"id\":\"a\"}\n\n   \n"[..], false),
            (b"{\"id\":\"a\"}\n{\"id\":", false),
            (b"{\"id\":\"a\"}\n\n{\"id\":\"b\"}\n", true),
        ] {
            let mut lines = Lines::new("in".into(), Box::new(Chunks([given].into())));
            assert!(matches!(
                lines.next_item(100),
                Some(Item::Line { line: 1, .. })
            ));
            assert_eq!(
                lines.ready(100),
                ready,
                "{:?}",
                String::from_utf8_lossy(given)
            );
        }
    }

    /// A stream that gives its chunks one read at a time, then fails.
    struct Failing(VecDeque<&'static [u8]>);

    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let chunk = self.0.pop_front().ok_or_else(|| io::Error::other("boom"))?;
            buf[..chunk.len()].copy_from_slice(chunk);
            Ok(chunk.len())
        }
    }

    #[test]
    fn a_stream_that_fails_in_a_long_line_is_read_no_further() {
        let reader = Failing([&b"{}\nxxxxxxxxxxxxxxxxxxxx"[..]].into());
        let mut lines = Lines::new("in".into(), Box::new(reader));
        let items: Vec<Item> = std::iter::from_fn(|| lines.next_item(10)).collect();
        let failures: Vec<&str> = items
            .iter()
            .filter_map(|i| match i {
                Item::Failed { message, .. } => Some(message.as_str()),
                _ => None,
            })
            .collect();
        assert!(matches!(&items[0], Item::Line { line: 1, .. }));
        assert_eq!(
            failures,
            ["in:2: line longer than the limit of 10 bytes", "in:3: boom"]
        );
    }

    #[test]
    fn a_line_that_is_not_text_says_where() {
        let reader = Box::new(io::Cursor::new(b"{}\n{\"id\":\"\xff\"}\n".to_vec()));
        let mut lines = Lines::new("in".into(), reader);
        let items: Vec<Item> = std::iter::from_fn(|| lines.next_item(100)).collect();
        let Item::Line { line, text, .. } = &items[1] else {
            panic!("{:?}", items[1]);
        };
        assert_eq!(
            text.text("in", *line),
            Err("in:2: invalid UTF-8 at byte 7, expected text".to_string())
        );
    }

    #[test]
    fn exactly_the_limit_is_accepted() {
        let items = lines("0123456789\n0123456789", 10);
        assert!(items.iter().all(|i| matches!(i, Item::Line { .. })));
    }
}
