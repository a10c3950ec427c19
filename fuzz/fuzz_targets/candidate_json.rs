//! Any bytes as a JSON profile: loads or fails with a located error, and
//! what loads is assessed against the bundled rules without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod profile;

fuzz_target!(|data: &[u8]| profile::check(data, vacancy_match::Candidate::from_json_str));
