# Two commands matter: `make run` and `make test`. Everything else is a step
# of those two. See README.md.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# Tools installed by scripts/ensure-tools.sh: cargo's and npm's bin folders.
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/end2end/node_modules/.bin:$(PATH)
# cargo-leptos sets this for its builds and leptos reads it at compile time;
# giving every cargo command the same value keeps `cargo test`, clippy and
# `cargo leptos build` from recompiling each other's crates. (For the same
# reason Cargo.toml sets disable-erase-components: no extra RUSTFLAGS.)
export LEPTOS_OUTPUT_NAME := roundtable
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)

POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432
# The PDF and DOCX renderers (typst, docx-rs): in everything `make test`
# checks and in the release build, left out of a plain `cargo test`
# (docs/EXPORTS.md). The same set everywhere, so nothing builds twice.
FEATURES := --features server/documents

.PHONY: run test tools tools-test release build lint test-rust e2e bench clean

## Build (release, with cargo-leptos) and serve the demo workshop at http://127.0.0.1:3000.
run: tools release
	$(TARGET_DIR)/release/roundtable demo
	$(TARGET_DIR)/release/roundtable serve

## Everything CI checks.
test: tools-test lint test-rust build e2e
	@echo "make test: all checks passed"

tools:
	@scripts/ensure-tools.sh run

tools-test:
	@scripts/ensure-tools.sh test

release:
	cargo leptos build --release

# The debug server and site the browser tests run against (see the script
# for why this is not `cargo leptos build`).
build:
	scripts/build-site.sh

# Import cycles: no two modules import each other, in the app's folders or
# in the server (store <- engine <- services <- http; docs/ARCHITECTURE.md).
# File length: no .rs file over 500 lines but the data files the script names.
# Server functions: none over 15 lines.
lint:
	scripts/check-import-cycles.sh app/src/domain app/src/document app/src/api app/src/ui server/src
	scripts/check-file-length.sh app/src server/src server/tests
	scripts/check-server-functions.sh app/src/api
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked $(FEATURES) -- -D warnings
	cargo clippy -p server --lib --locked -- -D warnings
	cargo clippy -p app --lib --locked --no-default-features --features hydrate --target wasm32-unknown-unknown -- -D warnings

# Unit, property and integration tests. The PostgreSQL half needs a server
# at $(POSTGRES_URL): CI fails without one; elsewhere it is skipped, loudly.
test-rust:
	@if scripts/postgres-reachable.sh "$(POSTGRES_URL)"; then \
	    export ROUNDTABLE_TEST_POSTGRES="$(POSTGRES_URL)"; \
	elif [ "$${CI:-}" = true ]; then \
	    echo "ERROR: PostgreSQL is not reachable at $(POSTGRES_URL); CI tests both backends." >&2; exit 1; \
	else \
	    echo "NOTICE: PostgreSQL is not reachable at $(POSTGRES_URL): the PostgreSQL tests are SKIPPED." >&2; \
	    export ROUNDTABLE_TEST_POSTGRES=skip; \
	fi; \
	cargo test --workspace --locked $(FEATURES)

# Browser tests in Debian's Chromium against the built debug server.
e2e:
	cd end2end && ROUNDTABLE_BIN=$(TARGET_DIR)/debug/roundtable npx playwright test

## Not part of `make test`: prints data-on-screen latency at 1,000 projectors,
## submit latency and server memory for the release server on SQLite
## (server/benches/live.rs; BENCH_SECONDS shortens it).
bench:
	cargo bench --locked -p server --bench live

clean:
	cargo clean
	rm -rf end2end/node_modules end2end/test-results
