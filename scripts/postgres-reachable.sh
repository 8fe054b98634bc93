#!/usr/bin/env bash
# Exits 0 when a PostgreSQL server answers at the URL's host and port.
url=${1:-postgres://postgres@127.0.0.1:5432}
hostport=${url#*://}
hostport=${hostport#*@}
hostport=${hostport%%/*}
host=${hostport%%:*}
port=${hostport##*:}
[ "$port" = "$hostport" ] && port=5432
if command -v pg_isready >/dev/null; then
    pg_isready -q -h "$host" -p "$port" -t 3
else
    timeout 3 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null
fi
