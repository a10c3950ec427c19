#!/usr/bin/env bash
# Screens a folder of candidate profiles against one vacancy and writes a
# CSV shortlist: the eligible and needs-review candidates, best score first
# (ties keep file-name order), and a summary on standard error. Cells keep
# the leading ' that `screen` writes before a formula trigger, so the
# shortlist is safe to open in a spreadsheet.
#
#   examples/screen_folder.sh FOLDER VACANCY_ID [SHORTLIST.csv]
#
# Environment: VACANCY_MATCH (the program, default vacancy-match), AS_OF
# (YYYY-MM-DD, default today), RULES (default: the bundled rules).
# Exit status 1: some profiles could not be read (the rest are in).
set -euo pipefail
[ $# -ge 2 ] && [ $# -le 3 ] || { echo "usage: $0 FOLDER VACANCY_ID [SHORTLIST.csv]" >&2; exit 2; }
exec "${VACANCY_MATCH:-vacancy-match}" screen "$1" --vacancy "$2" \
    --verdict eligible,needs_review --sort score --summary --format csv \
    -o "${3:-shortlist.csv}" ${AS_OF:+--as-of "$AS_OF"} ${RULES:+--rules "$RULES"}
