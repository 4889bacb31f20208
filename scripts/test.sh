#!/usr/bin/env bash
# test.sh runs every test of dbleaklint on a fresh machine (`make test`,
# and CI through .ci/run): it starts a throwaway PostgreSQL (installing it
# from Debian's packages when it is missing) unless DBLEAKLINT_TEST_DATABASE
# names one, then runs the checks that CI holds the project to.
#
# Every step runs, even after one fails, and a summary at the end gives
# each step's result and wall time; the exit status is 1 if any failed.
# Each go test has an explicit -timeout, sized for a slow, busy machine.
#
# The race detector runs where there is concurrency to check: the
# runtime, the command, the report, the golangci-lint plugin, the example
# service, and the suite's analyzers run together by the checker
# (analyzer's TestSuiteConcurrently). The other analyzer tests run
# without it: they are sequential code, and -race made them five times
# dearer.
#
# PostgreSQL: a server that this script starts is stopped at the end; one
# that was already running (`make demo` leaves one) is reused and left
# running. When CI is set, a test that needs the database fails instead
# of skipping (runtime/internal/testdb), so a missing server cannot pass.
set -uo pipefail
cd "$(dirname "$0")/.."

# The packages whose tests run with -race, besides runtime/.
race_packages=(./analyzer/ ./cmd/... ./internal/report/... ./golangci/... ./examples/...)

summary=()
failed=0

# step NAME COMMAND... runs one step and records its result and time.
step() {
	local name=$1 start=$SECONDS status=ok
	shift
	printf '\n== %s\n' "$name"
	if ! "$@"; then
		status=FAIL
		failed=1
	fi
	summary+=("$(printf '%-4s %6ss  %s' "$status" $((SECONDS - start)) "$name")")
}

# --- PostgreSQL ----------------------------------------------------------

started_postgres=false
start_postgres() {
	if [[ -n "${DBLEAKLINT_TEST_DATABASE:-}" ]]; then
		echo "using DBLEAKLINT_TEST_DATABASE"
		return 0
	fi
	if scripts/postgres.sh status; then
		echo "reusing the server already running (it keeps running)"
	else
		scripts/postgres.sh start >/dev/null || return 1
		started_postgres=true
	fi
	local env
	env=$(scripts/postgres.sh env) || return 1
	eval "$env"
	export DBLEAKLINT_TEST_DATABASE
	echo "DBLEAKLINT_TEST_DATABASE=$DBLEAKLINT_TEST_DATABASE"
}
stop_postgres() {
	if $started_postgres; then
		scripts/postgres.sh stop
	fi
}
trap stop_postgres EXIT

# --- The steps -----------------------------------------------------------

gofmt_check() {
	local unformatted
	unformatted=$(gofmt -l $(git ls-files '*.go' | grep -v '^testdata/\|/testdata/')) || return 1
	if [[ -n "$unformatted" ]]; then
		echo "not gofmt-formatted:"
		echo "$unformatted"
		return 1
	fi
}

# go_test_analyzers runs the tests of every package but runtime/ and the
# race packages, without the race detector.
go_test_analyzers() {
	local others
	others=$(go list "${race_packages[@]}" ./runtime/...) || return 1
	go test -count=1 -timeout=20m $(go list ./... | grep -vxF "$others")
}

go_test_race() {
	go test -race -count=1 -timeout=20m "${race_packages[@]}"
}

# The runtime tests share one PostgreSQL server and one of them restarts
# it, so they run on their own, one package at a time.
go_test_runtime() {
	go test -race -count=1 -timeout=20m -p 1 ./runtime/...
}

# The golangci-lint plugin end to end (golangci/e2e): it builds
# bin/custom-gcl with scripts/custom-gcl.sh when that is out of date.
# The steps above skip it.
golangci_e2e() {
	DBLEAKLINT_E2E=1 go test -count=1 -timeout=20m ./golangci/e2e/
}

step "PostgreSQL" start_postgres
step "gofmt" gofmt_check
step "go vet" go vet ./...
step "lint (go mod tidy, staticcheck, dbleaklint on itself)" scripts/lint.sh
step "go test (analyzers)" go_test_analyzers
step "go test -race (command, report, plugin, example, analyzers together)" go_test_race
step "go test -race (runtime, against PostgreSQL)" go_test_runtime
step "golangci-lint plugin, end to end" golangci_e2e

printf '\n== Summary\n'
printf '%s\n' "${summary[@]}"
if ((failed)); then
	echo "test.sh: FAILED"
	exit 1
fi
echo "test.sh: every step passed"
