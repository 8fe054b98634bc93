#!/usr/bin/env bash
# The debug site for the tests, built the way cargo-leptos builds it (the
# server binary, the hydrate library to WASM, wasm-bindgen, the stylesheet)
# but without needing cargo-leptos itself, which takes 20 minutes to install
# on a fresh machine. `make run` still uses cargo-leptos.
set -euo pipefail
cd "$(dirname "$0")/.."
target_dir=${CARGO_TARGET_DIR:-target}
site=target/site/pkg

# With the PDF and DOCX renderers, as `make test` builds the server.
cargo build --locked -p server --bin roundtable --features server/documents
cargo build --locked -p app --lib --no-default-features --features hydrate --target wasm32-unknown-unknown
mkdir -p "$site"
wasm-bindgen --target web --no-typescript --out-dir "$site" --out-name roundtable \
    "$target_dir/wasm32-unknown-unknown/debug/app.wasm"
# The server was compiled with LEPTOS_OUTPUT_NAME set, so it links
# roundtable.wasm (cargo-leptos' name), not wasm-bindgen's roundtable_bg.wasm.
mv "$site/roundtable_bg.wasm" "$site/roundtable.wasm"
cp style/main.css "$site/roundtable.css"
