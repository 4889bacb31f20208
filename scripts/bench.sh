#!/usr/bin/env bash
# bench.sh measures dbleaklint on real, DB-heavy modules at pinned
# versions from the module proxy, against its peers, in one run:
#   baseline       an x/tools multichecker whose one analyzer only
#                  requires buildssa (internal/bench/baseline): what any
#                  SSA-based suite with facts costs when driven the
#                  standard way;
#   sqlclosecheck  github.com/ryanrolds/sqlclosecheck, a go/analysis
#                  singlechecker, installed from the module proxy into
#                  the scratch directory (it is no dependency of this
#                  module);
#   golangci-lint  a custom golangci-lint v2.15.0 holding the dbleaklint
#                  plugin (scripts/custom-gcl.sh), with dbleaklint or
#                  its own sqlclosecheck enabled; skipped when
#                  BENCH_GOLANGCI=0.
# internal/bench/compare runs and times everything (warm and empty build
# caches, repeated runs, go vet -vettool) and prints the tables; see its
# doc comment and docs/bench.md. BENCH_COLD=0 skips the empty build
# cache runs; BENCH_ONLY_GOLANGCI=1 measures golangci-lint only.
#
# Usage: scripts/bench.sh [module@version...]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/module.sh
root=$PWD
sqlclosecheck_version=v0.6.0

modules=("$@")
if [[ ${#modules[@]} -eq 0 ]]; then
	# From scripts/corpus.sh's list: applications and libraries of
	# different sizes, pgx and database/sql.
	modules=(
		miniflux.app/v2@v2.3.5
		github.com/vgarvardt/gue/v5@v5.8.0
		github.com/riverqueue/river/riverdriver/riverpgxv5@v0.51.2
		github.com/pressly/goose/v3@v3.29.0
		github.com/jackc/tern/v2@v2.3.4
	)
fi

work=${BENCH_DIR:-${TMPDIR:-/tmp}/dbleaklint-bench}
bin=$work/bin
mkdir -p "$bin"
go build -o "$bin/dbleaklint" ./cmd/dbleaklint
go build -o "$bin/baseline" ./internal/bench/baseline
go build -o "$bin/measure" ./internal/bench/measure
go build -o "$bin/compare" ./internal/bench/compare
[[ -x $bin/sqlclosecheck ]] ||
	(cd "$work" && GOFLAGS= GOBIN=$bin go install "github.com/ryanrolds/sqlclosecheck@$sqlclosecheck_version")

golangci=()
if [[ ${BENCH_GOLANGCI:-1} != 0 ]]; then
	gcl=$root/bin/custom-gcl
	scripts/custom-gcl.sh "$gcl" >&2 || { echo "bench: cannot build the custom golangci-lint" >&2; exit 1; }
	golangci=(-golangci="$gcl")
fi

args=()
for m in "${modules[@]}"; do
	dir="$work/$(echo "$m" | tr '/@' '__')"
	module_copy "$m" "$dir"
	args+=("$m=$dir")
done

echo "$(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(go version | cut -d' ' -f3), $(uname -m)"
nice -n 10 "$bin/compare" -measure="$bin/measure" -dbleaklint="$bin/dbleaklint" -baseline="$bin/baseline" \
	-sqlclosecheck="$bin/sqlclosecheck" "${golangci[@]}" -cold="${BENCH_COLD:-1}" -only-golangci="${BENCH_ONLY_GOLANGCI:-0}" -work="$work/scratch" "${args[@]}"
echo
echo "cpu = user+system time of the process and its children (go list, the compiler); rss = peak resident set of the largest process, MiB."
