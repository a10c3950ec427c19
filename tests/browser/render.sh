#!/usr/bin/env bash
# Renders the panel report of the bundled example profiles in headless
# Chromium, in English and Spanish, to PNG and PDF, and checks that:
#   - the page loads with no console message (no error, no blocked fetch),
#   - every candidate and every vacancy is in the text of the PDF,
#   - printing gives one vacancy per page section (pages >= vacancies),
#   - at 390 px width the page has no horizontal scroll.
#
#   tests/browser/render.sh [--update-docs]
#
# --update-docs also copies the screenshot to docs/report.png for the README.
# Needs Debian's `chromium`, `poppler-utils` and `python3` (.ci/run installs them).
# Environment: VACANCY_MATCH, the program (default: built with cargo).
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in chromium pdftotext pdfinfo python3; do
    if ! command -v "$tool" > /dev/null; then
        echo "browser test: $tool is not installed (apt-get install chromium poppler-utils python3)" >&2
        exit 1
    fi
done

if [ -z "${VACANCY_MATCH:-}" ]; then
    cargo build --locked --quiet --bin vacancy-match
    VACANCY_MATCH=target/debug/vacancy-match
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
as_of=2024-01-15
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

chrome() {
    local profile
    profile=$(mktemp -d "$work/profile.XXXXXX")
    timeout 120 chromium --headless --no-sandbox --disable-gpu \
        --disable-background-networking --disable-component-update \
        --disable-sync --no-first-run --user-data-dir="$profile" \
        --enable-logging=stderr --v=0 "$@"
}

# What must be in the report: every candidate's name (or id) and every
# vacancy's title, as the program itself lists them.
"$VACANCY_MATCH" screen examples/candidates --as-of "$as_of" --format jsonl > "$work/records.jsonl"
python3 - "$work/records.jsonl" > "$work/expected.txt" <<'PY'
import json, sys
names, titles = set(), set()
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    names.add(r.get("name") or r.get("candidate") or r["source"])
    if r.get("title"):
        titles.add(r["title"])
for text in sorted(names | titles):
    print(text)
PY
vacancies=$("$VACANCY_MATCH" list --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')

passed=0
for lang in en es; do
    report="$work/report-$lang.html"
    "$VACANCY_MATCH" screen examples/candidates --as-of "$as_of" --lang "$lang" \
        --format html -o "$report" -q
    url="file://$report"

    # Console: a strict Content-Security-Policy turns any fetch into a
    # logged violation, so no message at all is the bar.
    chrome --dump-dom "$url" > "$work/dom-$lang.html" 2> "$work/console-$lang.log"
    if grep -q "CONSOLE" "$work/console-$lang.log"; then
        fail "$lang: console messages:"; grep "CONSOLE" "$work/console-$lang.log" >&2
    fi

    # Width: Chromium keeps a window at least 500 px wide, so the page is
    # laid out in a 390 px frame of a probe page, whose script writes the
    # frame's document widths into its own DOM (the report has no script).
    probe="$work/probe-$lang.html"
    cat > "$probe" <<HTML
<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="$(basename "$report")" style="width:390px;height:800px;border:0"></iframe>
<script>
document.getElementById("f").addEventListener("load", function () {
  var d = this.contentDocument.documentElement;
  document.body.dataset.scroll = d.scrollWidth;
  document.body.dataset.client = d.clientWidth;
});
</script></body></html>
HTML
    chrome --allow-file-access-from-files --virtual-time-budget=5000 --dump-dom "file://$probe" \
        > "$work/probe-$lang.dom" 2> /dev/null
    scroll=$(grep -o 'data-scroll="[0-9]*"' "$work/probe-$lang.dom" | grep -o '[0-9][0-9]*' || true)
    client=$(grep -o 'data-client="[0-9]*"' "$work/probe-$lang.dom" | grep -o '[0-9][0-9]*' || true)
    if [ -z "$scroll" ] || [ -z "$client" ]; then
        fail "$lang: the width probe did not run"
    elif [ "$client" -gt 390 ]; then
        fail "$lang: the probe's frame is $client px wide, not 390"
    elif [ "$scroll" -gt "$client" ]; then
        fail "$lang: horizontal scroll at 390 px: document $scroll px wide, viewport $client px"
    fi

    # A screenshot, the README's picture.
    chrome --window-size=1100,1400 --hide-scrollbars --screenshot="$work/desktop-$lang.png" "$url" 2> /dev/null
    [ -s "$work/desktop-$lang.png" ] || fail "$lang: no screenshot"

    # Paper: every candidate and vacancy in the PDF's text, one vacancy a
    # page section at least.
    chrome --no-pdf-header-footer --print-to-pdf="$work/report-$lang.pdf" "$url" 2> /dev/null
    pdftotext "$work/report-$lang.pdf" - | tr -s '[:space:]' ' ' > "$work/pdf-$lang.txt"
    while IFS= read -r expected; do
        if ! grep -qF -- "$expected" "$work/pdf-$lang.txt"; then
            fail "$lang: not in the PDF: $expected"
        fi
    done < "$work/expected.txt"
    pages=$(pdfinfo "$work/report-$lang.pdf" | awk '/^Pages:/ { print $2 }')
    if [ "${pages:-0}" -le "$vacancies" ]; then
        fail "$lang: $pages pages for $vacancies vacancies"
    fi
    echo "$lang: $(wc -l < "$work/expected.txt") names and titles in $pages pages; width $scroll/$client px at 390"
    passed=$((passed + 1))
done

if [ "${1:-}" = "--update-docs" ]; then
    cp "$work/desktop-en.png" docs/report.png
    echo "docs/report.png updated"
fi

echo "browser: $((passed - failures < 0 ? 0 : passed)) passed, $failures failed"
[ "$failures" -eq 0 ]
