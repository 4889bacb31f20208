# dbleaklint: build, test, lint, bench and demo.
# `make demo` and `make test` are the README's two commands.

SHELL   := /bin/bash
GO      ?= go
BIN     := $(CURDIR)/bin
LINTER  := $(BIN)/dbleaklint

.PHONY: build test test-cost lint bench bench-engine docs custom-gcl golangci-e2e corpus demo lint-std clean

build:
	$(GO) build -o $(LINTER) ./cmd/dbleaklint

# The story of the bundled example service (scripts/demo.sh): its leaky
# and fixed twins run live, in turn, under the same bounded load on
# 127.0.0.1 (PostgreSQL is started, installed if needed); the leaky one
# exhausts its pool and the runtime names the leaking lines. Then
# dbleaklint finds the same leaks statically, and nothing in the fixed twin.
demo:
	@scripts/demo.sh $(LINTER)

# Every test: starts PostgreSQL (installing it if needed; a running one is
# reused), gofmt, go vet, go mod tidy -diff, staticcheck, dbleaklint on
# itself, all Go tests (-race where there is concurrency), the
# golangci-lint plugin end to end; every step runs, then a summary.
test:
	scripts/test.sh

# What each package's tests cost (CPU, peak memory, wall), as a table;
# TESTCOST_FLAGS=-race to measure with the race detector.
test-cost:
	scripts/testcost.sh $(TESTCOST_FLAGS)

lint:
	scripts/lint.sh

# The engine's benchmarks on generated worst cases.
bench-engine:
	$(GO) test -run='^$$' -bench=. -benchmem -count=3 -timeout=30m ./passes/internal/leakflow/

# The engine's benchmarks, then dbleaklint on real DB-heavy modules at
# pinned versions against sqlclosecheck and a build-SSA-only baseline
# measured in the same run (warm and empty build caches, repeated runs,
# go vet -vettool, golangci-lint): CPU time and peak memory, and their
# ratios (docs/bench.md).
bench: bench-engine
	$(GO) test -run='^$$' -bench=. -benchmem ./internal/cache/
	$(GO) test -run='^$$' -bench=. -benchmem -benchtime=3x ./internal/load/
	scripts/bench.sh

# Regenerates docs/checks/ from each check's doc.go.
docs:
	$(GO) generate ./analyzer

# Builds bin/custom-gcl, a golangci-lint v2 with dbleaklint's plugin
# compiled in, as `golangci-lint custom` would, but from the module
# cache instead of a git clone of golangci-lint (scripts/custom-gcl.sh).
custom-gcl:
	scripts/custom-gcl.sh

# Builds bin/custom-gcl, and runs it on a copy of examples/userservice
# with several settings: golangci/e2e, a Go test that runs only when
# DBLEAKLINT_E2E=1.
golangci-e2e:
	DBLEAKLINT_E2E=1 $(GO) test -count=1 -v -timeout=20m ./golangci/e2e/

# Lints a corpus of real modules at pinned versions and compares every
# finding with its verdict in testdata/corpus/verdicts.tsv: per module
# the findings by verdict, the precision, what is not judged yet and
# what was lost (scripts/corpus.sh, internal/corpusreport).
corpus: build
	scripts/corpus.sh $(LINTER)

# Lints the standard library and golang.org/x/tools with every check:
# it must finish without an internal error (findings are fine).
lint-std: build
	scripts/lint-std.sh $(LINTER)

clean:
	rm -rf $(BIN)
