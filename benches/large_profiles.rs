//! The largest profiles the default size limit admits, against the five
//! postings: matching must stay O(n log n) in the number of entries.
//!
//! ```text
//! cargo bench --bench large_profiles
//! ```
//!
//! Each profile holds 20,000 entries of one kind (degrees, experience
//! periods, skills or certifications), every name unique, as a hostile
//! or careless export would; it is parsed outside the timed loop and
//! prepared and judged against the five postings inside it.

// A bench aborts on broken fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::Criterion;
use vacancy_match::{Candidate, InputFormat, Limits, RuleSet};

/// Entries per profile: about what 1 MiB of JSON holds.
const ENTRIES: usize = 20_000;

/// A profile of `ENTRIES` entries of `kind`, as JSON.
fn profile(kind: &str) -> String {
    let entries: Vec<String> = (0..ENTRIES)
        .map(|i| match kind {
            "education" => format!(
                r#"{{"degree":"{}","field":"F{i}","completed":"{}"}}"#,
                ["BA", "MA", "BSc", "PhD"][i % 4],
                1990 + i % 30
            ),
            "experience" => format!(
                r#"{{"domains":["d{i}"],"start":"{}","end":"{}"}}"#,
                1990 + i % 30,
                1990 + i % 30
            ),
            "certifications" => format!(r#"{{"name":"Certificate {i:05}"}}"#),
            _ => format!(r#""Skill number {i:05}""#),
        })
        .collect();
    format!(r#"{{"id":"large","{kind}":[{}]}}"#, entries.join(","))
}

fn large_profiles(c: &mut Criterion) {
    let rules = RuleSet::bundled().unwrap();
    let as_of = NaiveDate::from_ymd_opt(2025, 10, 1).unwrap();
    let limits = Limits::default();
    let mut group = c.benchmark_group("large_profile");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for kind in ["education", "experience", "skills", "certifications"] {
        let text = profile(kind);
        assert!(text.len() <= limits.max_bytes, "{kind}: {}", text.len());
        let candidate = Candidate::from_str_with(&text, InputFormat::Json, &limits).unwrap();
        group.bench_function(format!("{kind}_20k_five_postings"), |b| {
            b.iter(|| {
                let prepared = rules.prepare(&candidate);
                black_box(prepared.assess(as_of).evaluate_each().len())
            });
        });
    }
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    large_profiles(&mut c);
    c.final_summary();
}
