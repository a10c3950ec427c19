#!/usr/bin/env bash
# Screens a folder of candidate profiles against one vacancy and writes a
# CSV shortlist: the eligible and needs-review candidates, best score first
# (ties keep file-name order). Profiles that cannot be read are reported on
# standard error and left out. Cells keep the leading ' that `screen`
# writes before a formula trigger, so the shortlist is safe to open in a
# spreadsheet.
#
#   examples/screen_folder.sh FOLDER VACANCY_ID [SHORTLIST.csv]
#
# Environment:
#   VACANCY_MATCH  the program to run (default: vacancy-match on the PATH)
#   AS_OF          assessment date, YYYY-MM-DD (default: today)
#   RULES          rules folder (default: the rules bundled into the program)
#
# Example:
#   AS_OF=2024-01-15 examples/screen_folder.sh examples/candidates \
#       unhcr-gt-resettlement-officer-2024 shortlist.csv
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 FOLDER VACANCY_ID [SHORTLIST.csv]" >&2
    exit 2
fi
folder=$1
vacancy=$2
shortlist=${3:-shortlist.csv}
program=${VACANCY_MATCH:-vacancy-match}

args=(screen "$folder" --vacancy "$vacancy" --format csv)
if [ -n "${AS_OF:-}" ]; then args+=(--as-of "$AS_OF"); fi
if [ -n "${RULES:-}" ]; then args+=(--rules "$RULES"); fi

records=$(mktemp)
trap 'rm -f "$records"' EXIT

# Exit status 1: some profiles could not be read; their error records are in
# the CSV and the others were screened, so go on. 2: the command could not
# run (unknown vacancy, bad date, broken rules): stop.
status=0
"$program" "${args[@]}" > "$records" || status=$?
if [ "$status" -ge 2 ]; then
    exit "$status"
fi

head -n 1 "$records" > "$shortlist"
# Fields may hold quoted commas, so split each line as CSV (records never
# span lines). Columns: 6 verdict, 7 score, 13 error. Each kept line is
# printed after its score and a tab, sorted, and the score cut off again.
awk '
function split_csv(line, f,    n, i, c, field, quoted) {
    n = 0; field = ""; quoted = 0
    for (i = 1; i <= length(line); i++) {
        c = substr(line, i, 1)
        if (quoted) {
            if (c == "\"") {
                if (substr(line, i + 1, 1) == "\"") { field = field c; i++ }
                else quoted = 0
            } else field = field c
        } else if (c == "\"") quoted = 1
        else if (c == ",") { f[++n] = field; field = "" }
        else field = field c
    }
    f[++n] = field
    return n
}
NR == 1 { next }
{
    split_csv($0, f)
    # Nothing from a profile reaches the terminal raw.
    if (f[13] != "") { bad++; msg = f[13]; gsub(/[[:cntrl:]]/, "?", msg); print "not screened: " msg > "/dev/stderr"; next }
    screened++
    if (f[6] == "eligible" || f[6] == "needs_review") { kept++; print f[7] "\t" $0 }
}
END {
    printf "shortlist: %d of %d candidates eligible or to review", kept, screened > "/dev/stderr"
    if (bad) printf " (%d profiles could not be read)", bad > "/dev/stderr"
    print "" > "/dev/stderr"
}
' "$records" | LC_ALL=C sort -t "$(printf '\t')" -k1,1gr -s | cut -f 2- >> "$shortlist"
echo "written to $shortlist" >&2
