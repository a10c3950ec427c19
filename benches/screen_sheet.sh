#!/usr/bin/env bash
# Writes an application-form export of N applicants (default 100,000) as
# xlsx and CSV with examples/make_export.rs, then times `vacancy-match
# screen EXPORT --mapping examples/applicants/form.yaml` against the five
# bundled postings (import and screen in one command, CSV out), reporting
# wall time and peak memory (RSS) for each file type.
#
#   benches/screen_sheet.sh [N] [JOBS]
#
# The exports are kept in target/ between runs (the same bytes for the
# same N).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
jobs="${2:-$(nproc)}"
dir="target/export-$count"

cargo build --release --quiet --bin vacancy-match --example make_export
if [ ! -s "$dir/applicants.xlsx" ]; then
    echo "writing $count applicants into $dir" >&2
    target/release/examples/make_export "$dir" "$count"
fi
echo "input: $dir/applicants.xlsx $(du -h "$dir/applicants.xlsx" | cut -f1), $dir/applicants.csv $(du -h "$dir/applicants.csv" | cut -f1)" >&2

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

for file in applicants.xlsx applicants.csv; do
    echo "$file:" >&2
    # Exit status 1 is expected: the export has a few unreadable cells.
    status=0
    measure target/release/vacancy-match screen "$dir/$file" --mapping examples/applicants/form.yaml \
        --as-of 2025-10-01 --format csv --jobs "$jobs" > /dev/null || status=$?
    [ "$status" -le 1 ]
done
