#!/usr/bin/env bash
# Generates N deterministic profiles as JSON Lines (default 1,000,000) and
# times `vacancy-match screen` on them against the five bundled postings,
# JSON Lines in and out, reporting wall time and peak memory (RSS).
#
#   benches/screen_million.sh [N] [JOBS]
#
# The input is kept in target/ between runs (it is the same bytes for the
# same N).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000000}"
jobs="${2:-$(nproc)}"
input="target/profiles-$count.jsonl"

cargo build --release --quiet --bin vacancy-match --example generate_profiles
if [ ! -s "$input" ]; then
    echo "generating $count profiles into $input" >&2
    target/release/examples/generate_profiles "$count" > "$input"
fi
echo "input: $(wc -l < "$input") profiles, $(du -h "$input" | cut -f1)" >&2

measure() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "wall %e s, peak RSS %M KiB" "$@"
    else
        local start end
        start=$(date +%s.%N)
        "$@"
        end=$(date +%s.%N)
        echo "wall $(echo "$end - $start" | bc) s (install GNU time for peak RSS)" >&2
    fi
}

measure target/release/vacancy-match screen - --as-of 2025-10-01 --format jsonl --jobs "$jobs" \
    < "$input" > /dev/null
