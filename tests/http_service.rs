//! The embedding example: an HTTP service on loopback assesses posted
//! profiles from several threads and reloads its rules without dropping
//! requests.

#[path = "../examples/http_service.rs"]
mod http_service;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;

fn request(addr: &str, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    let status = raw.split(' ').nth(1).unwrap().parse().unwrap();
    let body = raw
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn assesses_posted_profiles_and_reloads_rules() {
    let dir = std::env::temp_dir().join(format!("vacancy-match-http-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir("rules").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("002") || name == "vocabulary.yaml" || name == "scales.yaml" {
            std::fs::copy(&path, dir.join(&name)).unwrap();
        }
    }
    let service = Arc::new(http_service::Service::new(Some(dir.clone())).unwrap());
    let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
    let addr = server.server_addr().to_ip().unwrap().to_string();
    let workers = http_service::serve(Arc::clone(&server), service, 4);

    assert_eq!(
        request(&addr, "GET", "/health", ""),
        (200, "ok 1\n".to_string())
    );

    // Several clients at once, YAML and JSON.
    let itzel =
        std::fs::read_to_string("examples/candidates/itzel_dominguez_villahermosa.yaml").unwrap();
    let emilio =
        std::fs::read_to_string("examples/candidates/emilio_carranza_asylum.json").unwrap();
    let clients: Vec<_> = (0..8)
        .map(|i| {
            let addr = addr.clone();
            let body = if i % 2 == 0 {
                itzel.clone()
            } else {
                emilio.clone()
            };
            std::thread::spawn(move || request(&addr, "POST", "/assess?as_of=2025-08-01", &body))
        })
        .collect();
    for (i, client) in clients.into_iter().enumerate() {
        let (status, body) = client.join().unwrap();
        assert_eq!(status, 200, "{body}");
        let report: serde_json::Value = serde_json::from_str(&body).unwrap();
        let verdict = report[0]["verdict"].as_str().unwrap();
        assert_eq!(verdict, if i % 2 == 0 { "eligible" } else { "ineligible" });
        assert_eq!(report[0]["vacancy"], "unhcr-mx-protection-assistant-2025");
    }

    // A bad profile is a located 400.
    let (status, body) = request(
        &addr,
        "POST",
        "/assess?as_of=2025-08-01",
        "id: x\nlangauges: []\n",
    );
    assert_eq!(status, 400);
    assert!(
        body.contains("line 2:1: langauges: unknown field `langauges`, did you mean `languages`?"),
        "{body}"
    );

    // The status follows the kind of error: too large, unreadable JSON,
    // and a profile that reads but breaks a rule.
    let big = format!("id: x\nskills: [{}]\n", "a, ".repeat(400_000));
    let (status, body) = request(&addr, "POST", "/assess?as_of=2025-08-01", &big);
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("larger than the limit"), "{body}");
    let (status, body) = request(&addr, "POST", "/assess?as_of=2025-08-01", "{\"id\": \"x\"");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("the JSON ends too early"), "{body}");
    let (status, body) = request(
        &addr,
        "POST",
        "/assess?as_of=2025-08-01",
        "{\"experience\": [{\"start\": \"2020-01\", \"end\": \"2019-01\"}]}",
    );
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("line 1:38: experience[0].end: end 2019-01 is before start 2020-01"),
        "{body}"
    );

    // Hot reload: add a vacancy file, reload, and it is assessed.
    std::fs::copy(
        "rules/003_iom_gt_operations_assistant.yaml",
        dir.join("003.yaml"),
    )
    .unwrap();
    assert_eq!(
        request(&addr, "POST", "/reload", ""),
        (200, "reloaded 2 vacancies\n".to_string())
    );
    let (_, body) = request(&addr, "POST", "/assess?as_of=2025-10-01", &itzel);
    let report: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(report.as_array().unwrap().len(), 2);
    // The service writes what the library serializes, byte for byte: the
    // same keys in the same order as `check --format json`'s assessments
    // (tests/output.rs), `schema_version` first.
    let rules = vacancy_match::RuleSet::from_dir(&dir).unwrap();
    let cv = vacancy_match::Candidate::from_yaml_str(&itzel).unwrap();
    let library = rules.assess(&cv, "2025-10-01".parse().unwrap()).ranked();
    assert_eq!(body, serde_json::to_string(&library).unwrap());
    assert!(
        body.starts_with(r#"[{"schema_version":1,"candidate":"#),
        "{body}"
    );
    // `lang=es` explains in Spanish, as the library does; the verdicts
    // are the same. An unknown language is refused.
    let (status, body) = request(&addr, "POST", "/assess?as_of=2025-10-01&lang=es", &itzel);
    assert_eq!(status, 200, "{body}");
    let spanish = rules
        .assess(&cv, "2025-10-01".parse().unwrap())
        .lang(vacancy_match::Lang::Es)
        .ranked();
    assert_eq!(body, serde_json::to_string(&spanish).unwrap());
    assert!(body.contains(r#""lang":"es""#), "{body}");
    let verdicts =
        |all: &[vacancy_match::Assessment]| all.iter().map(|a| a.verdict).collect::<Vec<_>>();
    assert_eq!(verdicts(&spanish), verdicts(&library));
    let (status, body) = request(&addr, "POST", "/assess?as_of=2025-10-01&lang=xx", &itzel);
    assert_eq!(status, 400, "{body}");
    assert!(body.starts_with("lang: "), "{body}");

    // A broken folder is refused and the old rules stay in service.
    std::fs::write(dir.join("broken.yaml"), "id: [").unwrap();
    let (status, body) = request(&addr, "POST", "/reload", "");
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        request(&addr, "GET", "/health", ""),
        (200, "ok 2\n".to_string())
    );

    server.unblock();
    for _ in 1..4 {
        server.unblock();
    }
    for w in workers {
        w.join().unwrap();
    }
}

/// The example chooses the status by matching the error's kind, never its
/// words: one input per kind, YAML and JSON.
#[test]
fn status_follows_the_error_kind() {
    use vacancy_match::{Candidate, InputFormat, Limits};
    let status = |text: &str, format: InputFormat, limits: &Limits| {
        let err = Candidate::from_str_with(text, format, limits).unwrap_err();
        http_service::status_of(&err)
    };
    let yaml = InputFormat::Yaml;
    let json = InputFormat::Json;
    let normal = Limits::default();
    let tiny = Limits::default().with_max_bytes(8);
    let deep = format!("{{\"skills\": {}{}}}", "[".repeat(200), "]".repeat(200));
    let cases: &[(&str, InputFormat, &Limits, u16)] = &[
        ("id: a-long-name", yaml, &tiny, 413),
        ("{\"id\": \"a-long-name\"}", json, &tiny, 413),
        (&deep, json, &normal, 413),
        ("id: [", yaml, &normal, 400),
        ("{\"id\": ", json, &normal, 400),
        ("skills: 3", yaml, &normal, 400),
        ("{\"skills\": 3}", json, &normal, 400),
        ("skils: []", yaml, &normal, 400),
        ("{\"skils\": []}", json, &normal, 400),
        ("experience:\n  - start: 2020-13\n", yaml, &normal, 422),
        (
            "{\"experience\": [{\"start\": \"2020-13\"}]}",
            json,
            &normal,
            422,
        ),
        (
            "experience:\n  - start: 2020-01\n    end: 2019-01\n",
            yaml,
            &normal,
            422,
        ),
        (
            "languages:\n  - { language: en, level: C9 }\n",
            yaml,
            &normal,
            422,
        ),
    ];
    for (text, format, limits, expected) in cases {
        assert_eq!(status(text, *format, limits), *expected, "{text}");
    }
}

#[test]
fn rule_sets_and_assessments_cross_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<vacancy_match::RuleSet>();
    send_sync::<vacancy_match::Assessment>();
    send_sync::<vacancy_match::Candidate>();
    send_sync::<vacancy_match::Error>();
}
