# dbleaklint: build, test, lint, bench and demo.
# `make demo` and `make test` are the README's two commands.

SHELL   := /bin/bash
GO      ?= go
BIN     := $(CURDIR)/bin
LINTER  := $(BIN)/dbleaklint

.PHONY: build test lint bench demo lint-std clean

build:
	$(GO) build -o $(LINTER) ./cmd/dbleaklint

# Lints the bundled example service: the leaky twin has five real leaks,
# the fixed twin none. dbleaklint exits 3 when it reports findings.
demo: build
	@echo "== dbleaklint ./examples/userservice/..."
	@cd examples/userservice && $(LINTER) -c=0 ./... 2>&1 | sed 's|$(CURDIR)/||'; status=$${PIPESTATUS[0]}; \
	  echo; echo "dbleaklint exited with status $$status (3: findings reported)"; \
	  test $$status -eq 3

# Every test: starts PostgreSQL (installing it if needed), gofmt, go vet,
# staticcheck, dbleaklint on itself, all Go tests with -race.
test:
	scripts/test.sh

lint:
	scripts/lint.sh

# The engine's benchmarks on generated worst cases.
bench:
	$(GO) test -run='^$$' -bench=. -benchmem -count=3 ./passes/internal/leakflow/

# Lints the standard library and golang.org/x/tools with every check:
# it must finish without an internal error (findings are fine).
lint-std: build
	scripts/lint-std.sh $(LINTER)

clean:
	rm -rf $(BIN)
