#!/usr/bin/env bash
# testcost.sh measures what the tests of each package cost: CPU time
# (user + system, the go commands and compilers the tests start
# included), peak resident memory and wall time of its test binary,
# with internal/bench/measure. The binaries are built first, so the
# numbers are those of running the tests, not of compiling them. On a
# shared machine compare CPU time and memory; wall time depends on the
# load.
#
# Usage: scripts/testcost.sh [-race] [package...]
#   -race      build the test binaries with the race detector
#   package    import paths or patterns (default: every package with
#              tests, runtime/ excluded: it needs PostgreSQL)
#
# It prints a Markdown table, one row per package and a total.
set -euo pipefail
cd "$(dirname "$0")/.."

race=()
if [[ ${1:-} == -race ]]; then
	race=(-race)
	shift
fi
pkgs=("$@")
if [[ ${#pkgs[@]} -eq 0 ]]; then
	mapfile -t pkgs < <(go list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./... | grep -v '/runtime')
else
	mapfile -t pkgs < <(go list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' "${pkgs[@]}")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/measure" ./internal/bench/measure
module=$(go list -m)

printf '| package | CPU s | peak RSS MiB | wall s | status |\n| --- | ---: | ---: | ---: | --- |\n'
total_cpu=0 total_wall=0 max_rss=0
for p in "${pkgs[@]}"; do
	bin="$work/$(echo "$p" | tr / _).test"
	go test "${race[@]}" -c -o "$bin" "$p"
	dir=$(go list -f '{{.Dir}}' "$p")
	# A generous timeout: the point is to measure, not to judge.
	line=$(cd "$dir" && "$work/measure" "$bin" -test.count=1 -test.timeout=30m)
	eval "${line// /;}" # wall= cpu= rss= status=
	printf '| %s | %.1f | %d | %.1f | %s |\n' "${p#"$module"/}" "$cpu" "$rss" "$wall" \
		"$([[ $status == 0 ]] && echo ok || echo "FAIL ($status)")"
	total_cpu=$(awk "BEGIN{print $total_cpu + $cpu}")
	total_wall=$(awk "BEGIN{print $total_wall + $wall}")
	((rss > max_rss)) && max_rss=$rss
done
printf '| **total** | **%.1f** | **%d** (max) | **%.1f** | |\n' "$total_cpu" "$max_rss" "$total_wall"
