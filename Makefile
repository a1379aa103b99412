# The one command surface of gloss. `make run` and `make test` install what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p}' Cargo.lock)
# Cargo's output folder: CARGO_TARGET_DIR when set (as cargo itself honours it), else target/.
TARGET := $(or $(CARGO_TARGET_DIR),target)
WASM := $(TARGET)/wasm32-unknown-unknown/wasm/gloss.wasm
OUT := $(TARGET)/wasm-bindgen
GLOSS := $(TARGET)/release/gloss
PORT ?= 8765
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test dist deps deps-rust deps-node deps-chromium test-native test-browser eval train bench fuzz clean

run: dist
	@echo "Single file (works offline, no server): file://$(CURDIR)/dist/gloss.html"
	@echo "Served app:                             http://127.0.0.1:$(PORT)/"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

test: test-native test-browser

test-native:
	cargo test --all-targets
	cargo test --doc

test-browser: dist deps-chromium
	node --test --test-concurrency=1 tests/browser/

dist: deps-rust deps-node
	cargo rustc --profile wasm --target wasm32-unknown-unknown --lib --crate-type cdylib
	wasm-bindgen --target no-modules --no-typescript --out-dir $(OUT) $(WASM)
	node_modules/.bin/wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	  --enable-mutable-globals --enable-reference-types --enable-multivalue $(OUT)/gloss_bg.wasm -o $(OUT)/gloss_bg.wasm
	node scripts/build-page.mjs $(OUT) dist

deps: deps-rust deps-node deps-chromium

deps-rust:
	@command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup" >&2; exit 1; }
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "no wasm-bindgen version in Cargo.lock" >&2; exit 1; }
	@if [ "$$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi

deps-node:
	@command -v node >/dev/null || { echo "node is missing: apt-get install nodejs npm" >&2; exit 1; }
	@[ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] && [ -f node_modules/axe-core/axe.min.js ] && [ -f node_modules/compromise/builds/compromise.js ] || npm ci --no-audit --no-fund

deps-chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "installing Debian's chromium"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver; fi
	@/usr/bin/chromium --version >/dev/null || { echo "chromium does not run" >&2; exit 1; }

eval:
	cargo build --release
	scripts/eval.sh $(GLOSS)

# Speed of each stage of the core (criterion, words per second), then the page in Chromium
# (annotate + render, and how fast an edit updates the article, on the example and 50,000 words).
bench: dist deps-chromium
	cargo bench --bench pipeline
	cargo build --release
	scripts/bench-batch.sh $(GLOSS)
	node scripts/bench-page.mjs 5

# Retrains the name tagger on the CoNLL-2003 training split (deterministic) and records the
# checksums that `cargo test` checks.
train:
	cargo build --release
	$(GLOSS) train --data ../shared/eval/conll2003-train.jsonl --out data/tagger.bin --epochs 15
	cargo build --release

# Coverage-guided fuzzing (cargo-fuzz, libFuzzer with AddressSanitizer, on the nightly
# compiler) of annotate, every importer, and random edit sequences; FUZZ_SECONDS each (600 by
# default). The corpus grows in fuzz/corpus; a finding is written to fuzz/artifacts and stops
# the run, and becomes a regression test.
FUZZ_SECONDS ?= 600
fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal || { echo "make fuzz needs Rust's nightly toolchain (cargo-fuzz builds with sanitizers)" >&2; exit 1; }
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	for t in annotate import edits; do \
	  mkdir -p fuzz/corpus/$$t fuzz/seeds/$$t; \
	  cargo +nightly fuzz run -O $$t fuzz/corpus/$$t fuzz/seeds/$$t -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=4096 || exit 1; \
	done

clean:
	rm -rf dist $(OUT)
