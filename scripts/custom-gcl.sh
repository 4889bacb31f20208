#!/usr/bin/env bash
# custom-gcl.sh builds a custom golangci-lint v2 with dbleaklint's module
# plugin compiled in, the way `golangci-lint custom` does: the
# golangci-lint source with a blank import of the plugin package
# (github.com/dbleaklint/dbleaklint/golangci) and a replace directive to
# this checkout, then go build. `golangci-lint custom` gets that source
# with a git clone from GitHub; this script takes it from the module
# cache, which the Go module proxy fills, so that it also works where
# only the module proxy is reachable.
#
# The binary is cached under a hash of its inputs (golangci-lint's
# version, the Go toolchain, this module's requirements and the source
# of every package of this module that the plugin imports): a second
# run with nothing changed does nothing. The first build takes minutes.
#
# Run the binary in your module, with a .golangci.yml that enables the
# linter (start from .golangci.example.yml):
#
#	/path/to/dbleaklint/bin/custom-gcl run ./...
#
# Usage: scripts/custom-gcl.sh [output]   (default: bin/custom-gcl)
set -euo pipefail
gcl=${1:-}
[[ -z $gcl || $gcl == /* ]] || gcl=$PWD/$gcl # relative to the caller's directory
cd "$(dirname "$0")/.."
root=$PWD
. scripts/lib/module.sh
module=github.com/dbleaklint/dbleaklint
# The golangci-lint version to build: the one .custom-gcl.example.yml
# names (golangci/example_test.go checks that they agree).
gcl_version=v2.15.0
gcl=${gcl:-$root/bin/custom-gcl}

export GOFLAGS=-buildvcs=false
work=$(mktemp -d)
# The module cache's files are read-only; so are their copies.
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

plugin_files() {
	go list -deps -f '{{if and .Module (eq .Module.Path "'$module'")}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}
{{end}}{{end}}' ./golangci | sed '/^$/d'
}
key=$({
	echo "$gcl_version"
	go version
	plugin_files | sed "s|^$root/||" | sort
	plugin_files | sort | xargs cat
	cat go.mod go.sum
} | sha256sum | cut -c1-16)

if [[ -x $gcl && "$(cat "$gcl.key" 2>/dev/null)" == "$key" ]]; then
	printf -- '-- custom golangci-lint %s: %s is up to date (%s)\n' "$gcl_version" "${gcl#"$root"/}" "$key"
	exit 0
fi
printf -- '-- custom golangci-lint %s: building %s (%s; the first build takes minutes)\n' "$gcl_version" "${gcl#"$root"/}" "$key"
module_copy "github.com/golangci/golangci-lint/v2@$gcl_version" "$work/golangci-lint"
mkdir -p "$(dirname "$gcl")"
(
	cd "$work/golangci-lint"
	# What `golangci-lint custom` does after cloning: the plugin
	# imports in cmd/golangci-lint/plugins.go, a replace directive for
	# a plugin given by path, go mod tidy, go build.
	printf 'package main\n\nimport _ "%s/golangci"\n' "$module" >cmd/golangci-lint/plugins.go
	go mod edit -replace="$module=$root"
	go mod tidy >/dev/null 2>&1 || go mod tidy
	go build -trimpath -ldflags "-s -w -X main.version=$gcl_version-custom-gcl-$key" \
		-o "$gcl.tmp" ./cmd/golangci-lint
)
mv "$gcl.tmp" "$gcl"
echo "$key" >"$gcl.key"
