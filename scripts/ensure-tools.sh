#!/usr/bin/env bash
# Installs what the build and tests need when it is missing, and nothing
# else. Safe to run again: each step checks first.
#   scripts/ensure-tools.sh run     # the wasm target, cargo-leptos, wasm-bindgen, npm packages
#   scripts/ensure-tools.sh test    # the same without cargo-leptos, plus Chromium and xmllint
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-run}
CARGO_LEPTOS_VERSION=0.3.10
# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf '==> %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    if [ ! -f /tmp/.roundtable-apt-updated ]; then
        as_root apt-get update -qq && touch /tmp/.roundtable-apt-updated
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

if ! command -v cargo >/dev/null; then
    echo "Rust is not installed: see https://rustup.rs, then run this again." >&2
    exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

if [ "$want" = run ] && [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
    say "installing cargo-leptos $CARGO_LEPTOS_VERSION (once; about 20 minutes)"
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (once; about 5 minutes)"
    # Not --locked: its lock file names a crate version the registry lacks.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! command -v npm >/dev/null; then
    say "installing Node.js and npm"
    apt_install nodejs npm
fi

if [ ! -d end2end/node_modules ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
    say "installing npm packages (Playwright, binaryen for wasm-opt, axe)"
    (cd end2end && npm ci --no-audit --no-fund)
fi

# Chinese text in PDFs needs a CJK font; typst's bundled fonts have none
# (server/src/documents/fonts.rs looks for this one first).
if [ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then
    say "installing Debian's Noto CJK fonts, for Chinese in PDFs"
    apt_install fonts-noto-cjk
fi

if [ "$want" = test ] && ! command -v pdftotext >/dev/null; then
    say "installing poppler-utils, to read the PDFs back in the tests"
    apt_install poppler-utils
fi

if [ "$want" = test ] && [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's Chromium for the browser tests"
    apt_install chromium
fi

# The IATI export's test validates it against the 2.03 schema with xmllint.
if [ "$want" = test ] && ! command -v xmllint >/dev/null; then
    say "installing Debian's libxml2-utils (xmllint) for the IATI schema test"
    apt_install libxml2-utils
fi
