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
#   cold       dbleaklint ./..., its first run on the module. dbleaklint
#              keeps no result cache of its own, so nothing of its work
#              is saved; the go build cache is warm, though: the script
#              first builds the module and lists it with -export -test,
#              as the developer's own build and tests would have
#   repeated   dbleaklint ./... again, nothing changed: the same work
#              as cold (no result cache), with the OS's file cache warm
#   vet        go vet -vettool=dbleaklint ./..., repeated: the go command
#              caches each package's run, its facts and its output, and
#              replays them: the tool does not run at all (go vet -x shows
#              no invocation), what remains is the go command's own work
#   floor      go list -e -export -test -deps ./...: what the go command
#              costs to say that nothing changed, the least any repeated
#              run can cost (dbleaklint's first step, go vet's own graph)
# and prints a Markdown table with the ratios: cold/baseline for CPU and
# peak memory, repeated/cold and vet/baseline for CPU.
#
# Usage: scripts/bench.sh [module@version...]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/module.sh
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
	module_copy "$m" "$dir"
	echo "== $m: warming the build cache" >&2
	(cd "$dir" && GOFLAGS=-mod=mod go build ./... >/dev/null 2>&1 &&
		GOFLAGS=-mod=mod go list -e -export -test -deps ./... >/dev/null 2>&1) || true
	npkg=$(cd "$dir" && GOFLAGS=-mod=mod go list ./... 2>/dev/null | wc -l)

	echo "== $m: baseline" >&2
	read -r bw bc br < <(measure "$dir" "$bin/baseline" ./...)
	echo "== $m: dbleaklint cold" >&2
	read -r cw cc cr < <(measure "$dir" "$bin/dbleaklint" ./...)
	echo "== $m: dbleaklint repeated" >&2
	read -r rw rc rr < <(measure "$dir" "$bin/dbleaklint" ./...)
	echo "== $m: go vet -vettool, repeated" >&2
	(cd "$dir" && GOFLAGS=-mod=mod go vet -vettool="$bin/dbleaklint" ./... >/dev/null 2>&1) || true
	read -r vw vc vr < <(measure "$dir" go vet -vettool="$bin/dbleaklint" ./...)
	echo "== $m: floor" >&2
	read -r _ fc _ < <(measure "$dir" go list -e -export -test -deps ./...)
	rows+=("$m $npkg $bw $bc $br $cw $cc $cr $rw $rc $vw $vc $fc")
done

# ratio prints a/b with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

w=6
for r in "${rows[@]}"; do
	read -r m _ <<<"$r"
	if ((${#m} > w)); then w=${#m}; fi
done
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(go version | cut -d' ' -f3), $(uname -m)"
echo
printf "| %-${w}s | %4s | %-22s | %-22s | %-16s | %-15s | %-8s | %-15s | %-8s | %-5s |\n" \
	module pkgs "baseline wall/cpu/rss" "cold wall/cpu/rss" "cold/base cpu,rss" "repeated wall/cpu" "rep/cold" "vet again wall/cpu" "vet/base" floor
printf "| %s | ---: | --- | --- | --- | --- | --- | --- | --- | --- |\n" "$(printf -- '-%.0s' $(seq "$w"))"
for r in "${rows[@]}"; do
	read -r m n bw bc br cw cc cr rw rc vw vc fc <<<"$r"
	printf "| %-${w}s | %4s | %6.2fs %6.2fs %5dM | %6.2fs %6.2fs %5dM | %5sx %5sx   | %6.2fs %6.2fs | %5sx   | %6.2fs %6.2fs | %5sx   | %4.2fs |\n" \
		"$m" "$n" "$bw" "$bc" "$br" "$cw" "$cc" "$cr" \
		"$(ratio "$cc" "$bc")" "$(ratio "$cr" "$br")" "$rw" "$rc" "$(ratio "$rc" "$cc")" "$vw" "$vc" "$(ratio "$vc" "$bc")" "$fc"
done
echo
echo "wall = elapsed; cpu = user+system time of the process and its children (go list, the compiler); rss = peak resident set of the largest process, MiB."
echo "cold: dbleaklint keeps no result cache, so its work is all done; the go build cache holds the module's compiled packages and test variants."
echo "repeated: the same command again, nothing changed. vet again: go vet -vettool=dbleaklint ./... after one such run;"
echo "  the go command replays every package's cached run. floor: cpu of go list -e -export -test -deps ./..."
