# customgcl.sh is sourced by golangci-e2e.sh and bench.sh. It is not run
# on its own.

# custom_gcl ROOT WORK builds ROOT/bin/custom-gcl, a golangci-lint
# $gcl_version holding the dbleaklint module plugin of the checkout ROOT,
# the way `golangci-lint custom` does (the golangci-lint source with a
# blank import of the plugin package and a replace directive to the
# checkout, then go build), from the module cache rather than a git
# clone, in the scratch directory WORK. The binary is cached under a
# hash of its inputs and rebuilt only when they change. It sets gcl to
# the binary's path, and fails if golangci-lint is not in the module
# cache or does not build. (Called in a condition, it runs without
# errexit: each step is checked.)
gcl_version=v2.15.0
custom_gcl() {
	local root=$1 work=$2 module=github.com/dbleaklint/dbleaklint key src
	# The binary depends on golangci-lint's version, the Go toolchain,
	# this module's requirements and the source of every package of
	# this module that the plugin imports.
	plugin_files() {
		(cd "$root" && go list -deps -f '{{if and .Module (eq .Module.Path "'$module'")}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}
{{end}}{{end}}' ./golangci) | sed '/^$/d'
	}
	key=$({
		echo "$gcl_version"
		go version
		plugin_files | sed "s|^$root/||" | sort
		plugin_files | sort | xargs cat
		cat "$root/go.mod" "$root/go.sum"
	} | sha256sum | cut -c1-16)
	gcl=$root/bin/custom-gcl
	if [[ -x $gcl && "$(cat "$gcl.key" 2>/dev/null)" == "$key" ]]; then
		printf -- '-- custom golangci-lint %s: bin/custom-gcl is up to date (%s)\n' "$gcl_version" "$key"
		return 0
	fi
	printf -- '-- custom golangci-lint %s: building bin/custom-gcl (%s; the first build takes minutes)\n' "$gcl_version" "$key"
	src=$(go mod download -json "github.com/golangci/golangci-lint/v2@$gcl_version" | jq -r .Dir)
	[[ -d $src ]] || return 1
	mkdir -p "$root/bin"
	cp -R "$src" "$work/golangci-lint" && chmod -R u+w "$work/golangci-lint" || return 1
	(
		set -e
		cd "$work/golangci-lint"
		# What `golangci-lint custom` does after cloning: the plugin
		# imports in cmd/golangci-lint/plugins.go, a replace directive
		# for a plugin given by path, go mod tidy, go build.
		printf 'package main\n\nimport _ "%s/golangci"\n' "$module" >cmd/golangci-lint/plugins.go
		go mod edit -replace="$module=$root"
		go mod tidy >/dev/null 2>&1 || go mod tidy
		go build -trimpath -ldflags "-s -w -X main.version=$gcl_version-custom-gcl-$key" \
			-o "$gcl.tmp" ./cmd/golangci-lint
	) || return 1
	mv "$gcl.tmp" "$gcl" && echo "$key" >"$gcl.key"
}
