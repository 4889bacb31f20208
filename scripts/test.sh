#!/usr/bin/env bash
# test.sh runs every test of dbleaklint on a fresh machine: it starts a
# throwaway PostgreSQL (installing it from Debian's packages when it is
# missing) unless DBLEAKLINT_TEST_DATABASE names one, then runs the
# checks that CI holds the project to.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${DBLEAKLINT_TEST_DATABASE:-}" ]]; then
	scripts/postgres.sh start >/dev/null
	trap 'scripts/postgres.sh stop' EXIT
fi
eval "$(scripts/postgres.sh env)"
export DBLEAKLINT_TEST_DATABASE

step() { printf '\n== %s\n' "$*"; }

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' | grep -v '^testdata/\|/testdata/') || true)
if [[ -n "$unformatted" ]]; then
	echo "not gofmt-formatted:" >&2
	echo "$unformatted" >&2
	exit 1
fi

step "go vet"
go vet ./...

step "lint (staticcheck and dbleaklint on itself)"
scripts/lint.sh

step "go test (analyzers, command, examples)"
# The runtime tests share one PostgreSQL server and one of them restarts
# it, so they run on their own, one package at a time.
go test -race -count=1 $(go list ./... | grep -v '/runtime')

step "go test (runtime, against PostgreSQL)"
go test -race -count=1 -p 1 ./runtime/...

step "golangci-lint plugin, end to end (custom golangci-lint from the module cache)"
go build -o bin/dbleaklint ./cmd/dbleaklint
scripts/golangci-e2e.sh bin/dbleaklint
