#!/usr/bin/env bash
# lint-std.sh runs dbleaklint, under go vet, over the standard library and
# golang.org/x/tools, and fails if any check reports an internal error
# (a recovered panic) or the command crashes. Findings are expected.
set -uo pipefail
linter=${1:?usage: lint-std.sh path/to/dbleaklint}
out=$(mktemp)
trap 'rm -f "$out"; rm -rf "$work"' EXIT

echo "== go vet -vettool=dbleaklint std"
go vet -vettool="$linter" std >"$out" 2>&1
grep -c ': ' "$out" | xargs echo "lines of output:"

echo "== go vet -vettool=dbleaklint golang.org/x/tools/..."
work=$(mktemp -d)
(cd "$work" && go mod init lintstd >/dev/null 2>&1 &&
	go get golang.org/x/tools@v0.52.0 >/dev/null 2>&1 &&
	go vet -vettool="$linter" golang.org/x/tools/... >>"$out" 2>&1)

if grep -E 'internal error|panic:|goroutine [0-9]+ \[' "$out"; then
	echo "lint-std: dbleaklint failed internally" >&2
	exit 1
fi
echo "lint-std: no internal error"
