#!/usr/bin/env bash
# bench.sh measures dbleaklint on real, DB-heavy modules at pinned
# versions, against sqlclosecheck, a build-SSA-only baseline and, inside
# golangci-lint, sqlclosecheck again, in one run (make bench). The work
# is internal/bench/compare's: see its doc comment and docs/bench.md.
# This script builds the custom golangci-lint (scripts/custom-gcl.sh) and
# starts compare, niced, in this checkout.
#
# Environment: BENCH_DIR, the scratch directory (default
# $TMPDIR/dbleaklint-bench, kept between runs); BENCH_COLD=0 skips the
# empty build cache runs; BENCH_GOLANGCI=0 skips golangci-lint;
# BENCH_ONLY_GOLANGCI=1 measures golangci-lint only.
#
# Usage: scripts/bench.sh [module@version...]
set -euo pipefail
cd "$(dirname "$0")/.."
export GOWORK=off

flags=(-cold="${BENCH_COLD:-1}" -only-golangci="${BENCH_ONLY_GOLANGCI:-0}")
if [[ -n ${BENCH_DIR:-} ]]; then
	flags+=(-work="$BENCH_DIR")
fi
if [[ ${BENCH_GOLANGCI:-1} != 0 ]]; then
	scripts/custom-gcl.sh >&2
	flags+=(-golangci=bin/custom-gcl)
fi
go build -o bin/bench-compare ./internal/bench/compare
exec nice -n 10 bin/bench-compare "${flags[@]}" "$@"
