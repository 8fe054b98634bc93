#!/usr/bin/env bash
# Fails when a Rust source file is over 500 lines (issue 14, house rules):
# a file that long has usually grown by appending and holds several things.
# Data files are the exception, each allowed by name below and saying why in
# its own module doc.
#
#   scripts/check-file-length.sh            # app/src server/src server/tests
#   scripts/check-file-length.sh app/src    # only these folders
set -euo pipefail
cd "$(dirname "$0")/.."

MAX_LINES=500
ALLOWED=(
    app/src/i18n.rs          # the catalogue: every message in every language
    app/src/domain/demo/mod.rs  # the demo workshop, command by command
)

if [ $# -eq 0 ]; then
    set -- app/src server/src server/tests
fi
for dir in "$@"; do
    if [ ! -d "$dir" ]; then
        echo "check-file-length: no such folder: $dir" >&2
        exit 2
    fi
done

too_long=0
while IFS= read -r -d '' file; do
    file=${file#./}
    file=${file//\/\//\/}
    for allowed in "${ALLOWED[@]}"; do
        [ "$file" = "$allowed" ] && continue 2
    done
    lines=$(wc -l < "$file")
    if [ "$lines" -gt "$MAX_LINES" ]; then
        echo "check-file-length: $file has $lines lines (at most $MAX_LINES; split it by what it holds)" >&2
        too_long=1
    fi
done < <(find "$@" -name '*.rs' -type f -print0 | sort -z)

if [ "$too_long" -ne 0 ]; then
    exit 1
fi
echo "check-file-length: every .rs file in $* is at most $MAX_LINES lines (data files allowed by name)"
