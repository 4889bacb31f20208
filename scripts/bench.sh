#!/usr/bin/env bash
# bench.sh measures dbleaklint on real, DB-heavy modules at pinned
# versions from the module proxy, against a baseline: an x/tools
# multichecker whose one analyzer only requires buildssa
# (internal/bench/baseline), i.e. what any SSA-based suite with facts
# costs when driven the standard way.
#
# For each module, in the same run, it measures wall time, CPU time
# (user+system, children such as go list and the compiler included) and
# peak RSS (internal/bench/measure) of:
#   baseline   the build-SSA-only multichecker on ./...
#   cold       dbleaklint ./... with its result cache emptied (the go
#              build cache is warm: the script first builds the module
#              and lists it with -export -test, as a first run would)
#   repeated   dbleaklint ./... again, nothing changed
#   vet        go vet -vettool=dbleaklint ./..., repeated (go vet caches
#              the facts of dependencies; it re-analyzes the targets)
# and prints a table with the ratios dbleaklint/baseline.
#
# Usage: scripts/bench.sh [module@version...]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

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

# measure prints "wall cpu rss" of one run of a command in a directory.
measure() {
	local dir=$1
	shift
	(cd "$dir" && GOFLAGS=-mod=mod "$bin/measure" "$@") |
		sed -E 's/wall=([^ ]*) cpu=([^ ]*) rss=([^ ]*) status=.*/\1 \2 \3/'
}

rows=()
for m in "${modules[@]}"; do
	dir="$work/$(echo "$m" | tr '/@' '__')"
	if [[ ! -d "$dir" ]]; then
		src=$(go mod download -json "$m" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
		cp -r "$src" "$dir" && chmod -R u+w "$dir"
		(cd "$dir" && GOFLAGS=-mod=mod go mod download >/dev/null 2>&1 || true)
	fi
	echo "== $m: warming the build cache" >&2
	(cd "$dir" && GOFLAGS=-mod=mod go build ./... >/dev/null 2>&1 &&
		GOFLAGS=-mod=mod go list -e -export -test -deps ./... >/dev/null 2>&1) || true
	npkg=$(cd "$dir" && GOFLAGS=-mod=mod go list ./... 2>/dev/null | wc -l)

	echo "== $m: baseline" >&2
	read -r bw bc br < <(measure "$dir" "$bin/baseline" ./...)
	echo "== $m: dbleaklint cold" >&2
	rm -rf "${XDG_CACHE_HOME:-$HOME/.cache}/dbleaklint"
	read -r cw cc cr < <(measure "$dir" "$bin/dbleaklint" ./...)
	echo "== $m: dbleaklint repeated" >&2
	read -r rw rc rr < <(measure "$dir" "$bin/dbleaklint" ./...)
	echo "== $m: go vet -vettool, repeated" >&2
	(cd "$dir" && GOFLAGS=-mod=mod go vet -vettool="$bin/dbleaklint" ./... >/dev/null 2>&1) || true
	read -r vw vc vr < <(measure "$dir" go vet -vettool="$bin/dbleaklint" ./...)
	rows+=("$m $npkg $bw $bc $br $cw $cc $cr $rw $rc $rr $vw $vc $vr")
done

echo
printf '%-52s %4s | %-22s | %-22s %-13s | %-18s | %-18s\n' \
	"module" "pkgs" "baseline wall/cpu/rss" "cold wall/cpu/rss" "cpu,rss ratio" "repeated wall/cpu" "vet again wall/cpu"
for r in "${rows[@]}"; do
	read -r m n bw bc br cw cc cr rw rc rr vw vc vr <<<"$r"
	printf '%-52s %4s | %6.2fs %6.2fs %5dM | %6.2fs %6.2fs %5dM %5.2fx %5.2fx | %7.2fs %7.2fs | %7.2fs %7.2fs\n' \
		"$m" "$n" "$bw" "$bc" "$br" "$cw" "$cc" "$cr" \
		"$(awk "BEGIN{print $cc/$bc}")" "$(awk "BEGIN{print $cr/$br}")" "$rw" "$rc" "$vw" "$vc"
done
echo
echo "cpu = user+system time of the process and its children (go list, the compiler); rss = peak resident set, MiB."
echo "cold: no dbleaklint result cache; the go build cache holds the module's compiled packages and test variants."
