#!/usr/bin/env bash
# lint-std.sh runs dbleaklint, under go vet, over the standard library and
# golang.org/x/tools (tests included), and fails if any check reports an
# internal error (a recovered panic), the command crashes, or a package
# could not be loaded. Findings are expected and printed as a count.
set -uo pipefail
. "$(dirname "$0")/lib/module.sh"
linter=${1:?usage: lint-std.sh path/to/dbleaklint}
out=$(mktemp)
work=$(mktemp -d)
trap 'rm -f "$out"; rm -rf "$work"' EXIT

echo "== go vet -vettool=dbleaklint std"
go vet -vettool="$linter" std >>"$out" 2>&1

echo "== go vet -vettool=dbleaklint golang.org/x/tools/... (in its own module)"
module_copy golang.org/x/tools@v0.52.0 "$work/tools" || exit 1
(cd "$work/tools" && GOFLAGS=-mod=mod go vet -vettool="$linter" ./... >>"$out" 2>&1)

echo "findings: $(grep -v 'leaks here' "$out" | grep -c ': .* from .* is not ')"
grep -v "leaks here" "$out" | grep ": .* from .* is not " | sed "s|^.*/go/src/||; s|^.*tools@v0.52.0/|x/tools/|" | cut -c1-160
if grep -E 'internal error|panic:|goroutine [0-9]+ \[|missing go.sum|cannot find (package|module)' "$out"; then
	echo "lint-std: dbleaklint failed, or a package could not be loaded" >&2
	exit 1
fi
echo "lint-std: no internal error"
