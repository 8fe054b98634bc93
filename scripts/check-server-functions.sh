#!/usr/bin/env bash
# Fails when a #[server] function is more than 15 lines long, counted from
# its `pub async fn` line to its closing brace: a server function takes one
# typed form, finds the actor, hands a command or a view model's inputs to
# the domain or a service and maps the result (docs/ARCHITECTURE.md).
# Usage: scripts/check-server-functions.sh [folder ...]   (default app/src/api)
set -euo pipefail
limit=15
folders=("$@")
[ ${#folders[@]} -gt 0 ] || folders=(app/src/api)
files=$(find "${folders[@]}" -name '*.rs' | sort)
# shellcheck disable=SC2086
awk -v limit="$limit" '
    FNR == 1 { server = 0; start = 0 }
    /^#\[server/ { server = 1 }
    server && /^pub async fn / { start = FNR; name = $0; sub(/^pub async fn /, "", name); sub(/\(.*/, "", name) }
    start && /^}/ {
        lines = FNR - start + 1
        if (lines > limit) {
            printf "%s:%d: server function %s is %d lines (at most %d)\n", FILENAME, start, name, lines, limit
            failed = 1
        }
        server = 0; start = 0
    }
    END { exit failed }
' $files
