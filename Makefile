# dbleaklint: build, test, lint, bench and demo.
# `make demo` and `make test` are the README's two commands.

SHELL   := /bin/bash
GO      ?= go
BIN     := $(CURDIR)/bin
LINTER  := $(BIN)/dbleaklint

.PHONY: build test lint bench bench-engine docs golangci-e2e corpus demo lint-std clean

build:
	$(GO) build -o $(LINTER) ./cmd/dbleaklint

# The story of the bundled example service (scripts/demo.sh): its leaky
# and fixed twins run live, in turn, under the same bounded load on
# 127.0.0.1 (PostgreSQL is started, installed if needed); the leaky one
# exhausts its pool and the runtime names the leaking lines. Then
# dbleaklint finds the same leaks statically, and nothing in the fixed twin.
demo:
	@scripts/demo.sh $(LINTER)

# Every test: starts PostgreSQL (installing it if needed), gofmt, go vet,
# staticcheck, dbleaklint on itself, all Go tests with -race.
test:
	scripts/test.sh

lint:
	scripts/lint.sh

# The engine's benchmarks on generated worst cases.
bench-engine:
	$(GO) test -run='^$$' -bench=. -benchmem -count=3 ./passes/internal/leakflow/

# The engine's benchmarks, then dbleaklint on real DB-heavy modules at
# pinned versions against sqlclosecheck and a build-SSA-only baseline
# measured in the same run (warm and empty build caches, repeated runs,
# go vet -vettool, golangci-lint): CPU time and peak memory, and their
# ratios (docs/bench.md).
bench: bench-engine
	$(GO) test -run='^$$' -bench=. -benchmem ./internal/cache/
	$(GO) test -run='^$$' -bench=. -benchmem -benchtime=3x ./cmd/dbleaklint/
	scripts/bench.sh

# Regenerates docs/checks/ from each check's doc.go.
docs:
	$(GO) generate ./analyzer

# Builds a custom golangci-lint v2 with the module plugin, from the
# module cache, and runs it on examples/ (scripts/golangci-e2e.sh).
golangci-e2e: build
	scripts/golangci-e2e.sh $(LINTER)

# Lints a corpus of real modules and prints every finding, to be read.
corpus: build
	scripts/corpus.sh $(LINTER)

# Lints the standard library and golang.org/x/tools with every check:
# it must finish without an internal error (findings are fine).
lint-std: build
	scripts/lint-std.sh $(LINTER)

clean:
	rm -rf $(BIN)
