#!/usr/bin/env bash
# Coverage-guided fuzzing of the loaders and the evaluator with cargo-fuzz
# (libFuzzer). Needs a nightly toolchain and `cargo install cargo-fuzz`;
# `cargo test` runs the property-based fuzz tests (tests/fuzz.rs) instead.
#   fuzz/run.sh [SECONDS per target, default 60]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
for target in candidate_yaml candidate_json rules_yaml; do
    cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -max_len=65536
done
