#!/usr/bin/env bash
# golangci-e2e.sh checks the golangci-lint module plugin end to end. It
# builds a custom golangci-lint with the plugin from the module cache,
# as `make custom-gcl` does for users (scripts/custom-gcl.sh, which
# caches the binary in bin/). Then it lints a copy of
# examples/userservice with it and checks that:
#   - it reports what the plain command reports (at least five leaks, in
#     leaky/ only), each once;
#   - settings change the result: disabling a check, declaring a
#     resource of the user's;
#   - an unknown settings key fails with a message naming it;
#   - //nolint:dbleaklint silences a finding.
#
# Usage: scripts/golangci-e2e.sh [path/to/dbleaklint]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
module=github.com/dbleaklint/dbleaklint
linter=${1:-$root/bin/dbleaklint}

export GOWORK=off GOFLAGS=-buildvcs=false
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step() { printf -- '-- %s\n' "$*"; }
fail() { printf 'golangci-e2e: FAIL: %s\n' "$*" >&2; exit 1; }

[[ -x $linter ]] || fail "no dbleaklint binary at $linter (make build)"
linter=$(cd "$(dirname "$linter")" && pwd)/$(basename "$linter") # the tests run in another directory

# --- The custom golangci-lint -------------------------------------------

# Built from the module cache, and cached in bin/ (scripts/custom-gcl.sh).
gcl=$root/bin/custom-gcl
scripts/custom-gcl.sh "$gcl"

# --- The tree to lint ----------------------------------------------------

# A copy of the module's go.mod and of the example, so that a test case
# can add a package or a //nolint comment without touching the checkout.
tree=$work/tree
mkdir -p "$tree/examples"
cp go.mod go.sum "$tree/"
cp -R examples/userservice "$tree/examples/"
# Packages of this module outside the example that it imports.
for dir in $(go list -deps -f '{{if and .Module (eq .Module.Path "'$module'")}}{{.Dir}}{{end}}' ./examples/userservice/... |
	grep -v "^$root/examples/userservice"); do
	mkdir -p "$tree/${dir#"$root"/}"
	find "$dir" -maxdepth 1 -type f -exec cp {} "$tree/${dir#"$root"/}/" \;
done

# A package with a resource of the user's: Handle is released by Close,
# and Leak does not release it. Nothing about it is a database resource,
# so only a configuration that declares it makes Leak a finding.
mkdir -p "$tree/examples/userservice/handle"
cat >"$tree/examples/userservice/handle/handle.go" <<'EOF'
// Package handle has a resource that dbleaklint does not know of.
package handle

import "database/sql"

// A Handle holds a server-side cursor until it is closed.
type Handle struct{ db *sql.DB }

// Open opens a handle.
func Open(db *sql.DB) (*Handle, error) { return &Handle{db: db}, nil }

// Close releases the handle.
func (h *Handle) Close() error { return nil }

// Leak opens a handle and forgets it.
func Leak(db *sql.DB) error {
	h, err := Open(db) // e2e: leaks when configured
	if err != nil {
		return err
	}
	_ = h
	return nil
}
EOF
handle_line="examples/userservice/handle/handle.go:$(grep -n 'e2e: leaks' "$tree/examples/userservice/handle/handle.go" | cut -d: -f1)"

# --- Expectations from the plain command ---------------------------------

# Each finding as "check file:line", file relative to the tree.
step "dbleaklint -json ./examples/userservice/..."
status=0
(cd "$tree" && "$linter" -json ./examples/userservice/...) >"$work/plain.json" 2>"$work/plain.err" || status=$?
if [[ $status -ne 0 && $status -ne 3 ]]; then
	cat "$work/plain.err" >&2
	fail "dbleaklint exited with status $status"
fi
jq -r --arg tree "$tree/" '
	to_entries[].value | to_entries[] | .key as $check | .value | arrays | .[] |
	"\($check) \(.posn | ltrimstr($tree) | sub(":[0-9]+$"; ""))"' "$work/plain.json" | sort -u >"$work/want"
sed 's/^/   /' "$work/want"
leaks=$(grep -c ' examples/userservice/leaky/' "$work/want" || true)
[[ $leaks -ge 5 ]] || fail "the plain command finds $leaks leaks in leaky/, want at least 5"
if grep -v ' examples/userservice/leaky/' "$work/want"; then
	fail "the plain command reports findings outside leaky/"
fi

# --- golangci-lint runs --------------------------------------------------

export GOLANGCI_LINT_CACHE=$work/cache

# gcl SETTINGS: runs the custom golangci-lint on the tree with only
# dbleaklint enabled and SETTINGS (YAML, indented under settings:) as its
# settings. It writes the findings, "check file:line", to $work/got and
# the output to $work/out, and returns golangci-lint's exit status.
gcl() {
	{
		cat <<-EOF
			version: "2"
			linters:
			  default: none
			  enable: [dbleaklint]
			  settings:
			    custom:
			      dbleaklint:
			        type: module
			        description: database resources released on every path
			        settings:
		EOF
		printf '%s\n' "$1" | sed 's/^/          /'
		cat <<-EOF
			issues:
			  max-issues-per-linter: 0
			  max-same-issues: 0
			  uniq-by-line: false
		EOF
	} >"$tree/.golangci.yml"
	local status=0
	(cd "$tree" && "$gcl" run --output.json.path="$work/out.json" --output.text.path=stdout \
		--output.text.colors=false --output.text.print-issued-lines=false --show-stats=false ./examples/userservice/...) >"$work/out" 2>&1 || status=$?
	: >"$work/got"
	if [[ -s $work/out.json ]]; then
		# The linter prefixes the message with the check: "txend: ...".
		jq -r --arg tree "$tree/" '.Issues[]? |
			"\(.Text | split(":")[0]) \(.Pos.Filename | ltrimstr($tree)):\(.Pos.Line)"' \
			"$work/out.json" | sort >"$work/got"
	fi
	rm -f "$work/out.json"
	return $status
}

# expect WANT NAME: the findings are exactly those of the file WANT.
expect() {
	if ! diff -u "$1" "$work/got" >"$work/diff"; then
		cat "$work/out" "$work/diff" >&2
		fail "$2: golangci-lint's findings differ from the expected ones (- expected, + got)"
	fi
	sed 's/^/   /' "$work/got"
}

step "golangci-lint run: no settings (the plain command's findings)"
status=0
gcl "{}" || status=$?
[[ $status -eq 1 ]] || { cat "$work/out" >&2; fail "exit status $status, want 1 (issues found)"; }
expect "$work/want" "no settings"

# The first check with findings, which disable then turns off.
check=$(head -1 "$work/want" | cut -d' ' -f1)
step "golangci-lint run: disable: [$check]"
grep -v "^$check " "$work/want" >"$work/want-disable" || true
gcl "disable: [$check]" || true
expect "$work/want-disable" "disable"

step "golangci-lint run: a resource of the user's"
{
	cat "$work/want"
	echo "connrelease $handle_line"
} | sort >"$work/want-resource"
gcl '
resources:
  - type: "*'$module'/examples/userservice/handle.Handle"
    check: connrelease
    noun: handle
    acquire: ["'$module'/examples/userservice/handle.Open"]
    release: [Close]' || true
expect "$work/want-resource" "resources"

step "golangci-lint run: an unknown settings key"
status=0
gcl "strikt: true" || status=$?
if [[ $status -eq 0 || $status -eq 1 ]] || ! grep -q 'unknown key "strikt"' "$work/out"; then
	cat "$work/out" >&2
	fail "unknown key: exit status $status, want a configuration error naming the key"
fi
grep 'unknown key' "$work/out" | sed 's/^/   /'

# The first finding of leaky/, silenced by a comment at the end of its
# line.
silenced=$(grep -m1 ' examples/userservice/leaky/' "$work/want" | cut -d' ' -f2)
step "golangci-lint run: //nolint:dbleaklint at $silenced"
file=${silenced%:*} line=${silenced##*:}
sed -i "${line}s|\$| //nolint:dbleaklint // e2e|" "$tree/$file"
grep -v " $silenced\$" "$work/want" >"$work/want-nolint"
gcl "{}" || true
expect "$work/want-nolint" "nolint"

echo "golangci-e2e: ok"
