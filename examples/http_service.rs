//! A small HTTP service that assesses posted profiles against a shared
//! rule set, and reloads the rules without dropping requests.
//!
//! ```text
//! cargo run --example http_service -- 127.0.0.1:8080 rules
//! curl -s -X POST --data-binary @examples/candidates/ana_lopez_protection.yaml \
//!      'http://127.0.0.1:8080/assess?as_of=2024-01-15'
//! curl -s -X POST http://127.0.0.1:8080/reload
//! ```
//!
//! - `POST /assess?as_of=YYYY-MM-DD[&vacancy=ID][&lang=es]`: the body is a profile
//!   (JSON when it starts with `{`, else YAML); the answer is the JSON
//!   array of ranked assessments (explained in `lang`: `en`, the default,
//!   or `es`; an unknown language is a `400`), or the located error with a status
//!   chosen by its kind ([`status_of`]): `413` for a profile too large or
//!   too deep, `400` for one that cannot be read (syntax, wrong type,
//!   unknown or missing field), `422` for one that can be read but breaks
//!   a rule (invalid value, unknown code, fields that do not go together).
//! - `POST /reload`: reloads the rules folder; requests in flight finish
//!   with the rule set they started with. A broken folder is refused
//!   (`422`) and the old rules stay.
//! - `GET /health`: `ok` and the number of vacancies.
//!
//! The rule set is loaded once and shared: `RuleSet` is `Send + Sync`, an
//! assessment only borrows it, so every worker thread assesses at once.

use std::io::Read;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use tiny_http::{Header, Method, Request, Response, Server};
use vacancy_match::{Candidate, ErrorKind, InputFormat, Lang, Limits, RuleSet};

/// The shared state: the current rule set, swapped whole on reload.
pub struct Service {
    rules: RwLock<Arc<RuleSet>>,
    folder: Option<PathBuf>,
}

impl Service {
    /// A service over a rules folder (or the bundled rules with `None`).
    pub fn new(folder: Option<PathBuf>) -> Result<Service, vacancy_match::Error> {
        let rules = load(folder.as_deref())?;
        Ok(Service {
            rules: RwLock::new(Arc::new(rules)),
            folder,
        })
    }

    /// The rule set requests use now: a cheap clone of an `Arc`, so a
    /// reload never waits for requests and requests never wait for a load.
    fn current(&self) -> Arc<RuleSet> {
        match self.rules.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Loads the folder again and swaps it in; the old set stays on error.
    fn reload(&self) -> Result<usize, vacancy_match::Error> {
        let fresh = Arc::new(load(self.folder.as_deref())?);
        let count = fresh.vacancies().len();
        match self.rules.write() {
            Ok(mut guard) => *guard = fresh,
            Err(poisoned) => *poisoned.into_inner() = fresh,
        }
        Ok(count)
    }

    /// Answers one request.
    pub fn handle(&self, mut request: Request) {
        let url = request.url().to_string();
        let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));
        let param = |name: &str| {
            query
                .split('&')
                .filter_map(|kv| kv.split_once('='))
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        };
        let response = match (request.method(), path) {
            (Method::Get, "/health") => {
                text(200, format!("ok {}\n", self.current().vacancies().len()))
            }
            (Method::Post, "/reload") => match self.reload() {
                Ok(n) => text(200, format!("reloaded {n} vacancies\n")),
                Err(e) => text(422, format!("{e}\n")),
            },
            (Method::Post, "/assess") => {
                let mut body = String::new();
                let limit = Limits::default().max_bytes as u64;
                match request
                    .as_reader()
                    .take(limit + 1)
                    .read_to_string(&mut body)
                {
                    Ok(_) => match param("lang").map(|l| l.parse::<Lang>()) {
                        None => self.assess(&body, param("as_of"), param("vacancy"), Lang::En),
                        Some(Ok(lang)) => {
                            self.assess(&body, param("as_of"), param("vacancy"), lang)
                        }
                        Some(Err(e)) => text(400, format!("lang: {e}\n")),
                    },
                    Err(e) => text(400, format!("unreadable body: {e}\n")),
                }
            }
            _ => text(404, "not found\n".to_string()),
        };
        let _ = request.respond(response);
    }

    fn assess(
        &self,
        body: &str,
        as_of: Option<String>,
        vacancy: Option<String>,
        lang: Lang,
    ) -> Response<std::io::Cursor<Vec<u8>>> {
        let Some(Ok(as_of)) = as_of.map(|d| d.parse::<chrono::NaiveDate>()) else {
            return text(400, "as_of=YYYY-MM-DD is required\n".to_string());
        };
        let format = if body.trim_start().starts_with('{') {
            InputFormat::Json
        } else {
            InputFormat::Yaml
        };
        let candidate = match Candidate::from_str_with(body, format, &Limits::default()) {
            Ok(c) => c,
            Err(e) => return text(status_of(&e), format!("{e}\n")),
        };
        let rules = self.current();
        let request = rules.assess(&candidate, as_of).lang(lang);
        let report = match vacancy {
            Some(id) => match request.one(&id) {
                Some(a) => vec![a],
                None => return text(404, format!("no vacancy `{id}`\n")),
            },
            None => request.ranked(),
        };
        match serde_json::to_vec(&report) {
            Ok(json) => {
                let mut r = Response::from_data(json).with_status_code(200);
                if let Ok(h) = Header::from_bytes("Content-Type", "application/json") {
                    r = r.with_header(h);
                }
                r
            }
            Err(e) => text(500, format!("{e}\n")),
        }
    }
}

/// The HTTP status for a profile that could not be loaded, by the kind of
/// its error; for several problems, the first of 413, 400 and 422 that
/// any of them has.
pub fn status_of(error: &vacancy_match::Error) -> u16 {
    let status = |e: &vacancy_match::Error| match e.kind() {
        ErrorKind::TooLarge { .. } | ErrorKind::TooDeep { .. } => 413,
        ErrorKind::Syntax
        | ErrorKind::WrongType { .. }
        | ErrorKind::UnknownField { .. }
        | ErrorKind::MissingField { .. } => 400,
        ErrorKind::Io { .. } => 500,
        // Invalid values, unknown codes, cross-field rules, duplicate ids,
        // and kinds added later: read, but not acceptable.
        _ => 422,
    };
    let all: Vec<u16> = error.problems().into_iter().map(status).collect();
    [500, 413, 400]
        .into_iter()
        .find(|s| all.contains(s))
        .unwrap_or(422)
}

fn load(folder: Option<&std::path::Path>) -> Result<RuleSet, vacancy_match::Error> {
    match folder {
        Some(dir) => RuleSet::from_dir(dir),
        None => RuleSet::bundled(),
    }
}

fn text(status: u16, body: String) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(body).with_status_code(status)
}

/// Serves `service` on `server` with `workers` threads until the server
/// is unblocked.
pub fn serve(
    server: Arc<Server>,
    service: Arc<Service>,
    workers: usize,
) -> Vec<std::thread::JoinHandle<()>> {
    (0..workers)
        .map(|_| {
            let server = Arc::clone(&server);
            let service = Arc::clone(&service);
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    service.handle(request);
                }
            })
        })
        .collect()
}

#[allow(dead_code)]
fn main() {
    let mut args = std::env::args().skip(1);
    let address = args.next().unwrap_or_else(|| "127.0.0.1:8080".to_string());
    let folder = args.next().map(PathBuf::from);
    let service = match Service::new(folder) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let server = match Server::http(&address) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            eprintln!("error: cannot listen on {address}: {e}");
            std::process::exit(1);
        }
    };
    eprintln!(
        "assessing on http://{address} with {} vacancies",
        service.current().vacancies().len()
    );
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    for worker in serve(server, service, workers) {
        let _ = worker.join();
    }
}
