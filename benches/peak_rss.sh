#!/usr/bin/env bash
# Peak memory (RSS) of `vacancy-match screen` on a stream of adversarial
# profiles, for 1,000 and for 100,000 of them (or the counts given): the
# two figures must be about the same, as what a rule set keeps of the
# profiles it has seen is bounded in bytes (`Limits::cache_bytes`).
#
#   benches/peak_rss.sh [COUNT...]
#   RUNS=5 benches/peak_rss.sh 1000     # runs per count (default 3)
#
# Each count is screened RUNS times; the peaks of the runs and their
# median are printed (threads take batches in a different order each time,
# so a run's peak varies by a few megabytes).
# Every name in every profile is unique: 12 degrees with long fields of
# study, 40 experience periods each in its own domain, 8 skills of 2 KB,
# 6 certifications; every hundredth profile also has one skill of 512 KB.
# Profiles are generated as they are read (nothing is written to disk);
# screening runs on two threads, JSON Lines in and out.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then set -- 1000 100000; fi
if [ ! -x /usr/bin/time ]; then
    echo "GNU time (/usr/bin/time) is needed to measure peak RSS" >&2
    exit 2
fi
cargo build --release --quiet --bin vacancy-match

generate() {
    awk -v count="$1" 'BEGIN {
        pad = "x"; while (length(pad) < 2048) pad = pad pad; pad = substr(pad, 1, 2048)
        big = pad; while (length(big) < 524288) big = big big
        for (i = 0; i < count; i++) {
            line = "{\"id\":\"c" i "\",\"name\":\"Name " i "\",\"education\":["
            for (k = 0; k < 12; k++)
                line = line (k ? "," : "") "{\"degree\":\"" (k % 2 ? "MA" : "BA") "\",\"field\":\"Field of study " i " " k " " substr(pad, 1, 100) "\",\"completed\":\"" (1990 + k) "\"}"
            line = line "],\"experience\":["
            for (k = 0; k < 40; k++)
                line = line (k ? "," : "") "{\"domains\":[\"domain " i " " k " " substr(pad, 1, 60) "\"],\"start\":\"" (1980 + k) "-01\",\"end\":\"" (1980 + k) "-12\"}"
            line = line "],\"skills\":["
            for (k = 0; k < 8; k++) line = line (k ? "," : "") "\"skill " i " " k " " pad "\""
            if (i % 100 == 0) line = line ",\"" i " " big "\""
            line = line "],\"certifications\":["
            for (k = 0; k < 6; k++) line = line (k ? "," : "") "{\"name\":\"Certificate " i " " k "\"}"
            print line "]}"
        }
    }'
}

runs="${RUNS:-3}"
peaks=$(mktemp)
trap 'rm -f "$peaks"' EXIT
for count in "$@"; do
    : > "$peaks"
    for _ in $(seq "$runs"); do
        generate "$count" | /usr/bin/time -a -o "$peaks" -f "%M" \
            target/release/vacancy-match screen - --as-of 2025-10-01 --format jsonl --jobs 2 \
            > /dev/null
    done
    sort -n "$peaks" | awk -v count="$count" '
        { kib[NR] = $1 }
        END {
            list = ""
            for (i = 1; i <= NR; i++) list = list (i > 1 ? ", " : "") sprintf("%.1f", kib[i] / 1024)
            printf "%d profiles: peak RSS median %.1f MiB (runs: %s MiB)\n", count, kib[int((NR + 1) / 2)] / 1024, list
        }'
done
