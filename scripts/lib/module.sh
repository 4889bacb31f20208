# module.sh is sourced by the scripts that lint or build real modules
# (corpus.sh, lint-std.sh, custom-gcl.sh). It is not run on its own.

# A module may ship a go.work; each module is linted on its own.
export GOWORK=off

# module_copy MODULE@VERSION DIR makes DIR a writable copy of the module
# from the module cache (the cache's files are read-only), unless DIR
# exists already. Its dependencies are not downloaded here: the go
# command fetches those that the packages it is asked about need
# (GOFLAGS=-mod=mod), which for a subset of a big module is a fraction
# of its build list.
module_copy() {
	local m=$1 dir=$2 json src
	[[ -d $dir ]] && return 0
	json=$(go mod download -json "$m")
	src=$(sed -n 's/.*"Dir": "\(.*\)",/\1/p' <<<"$json")
	[[ -d $src ]] || {
		echo "module_copy: $m cannot be downloaded: $(sed -n 's/.*"Error": "\(.*\)",/\1/p' <<<"$json")" >&2
		return 1
	}
	cp -r "$src" "$dir.tmp" && chmod -R u+w "$dir.tmp" && mv "$dir.tmp" "$dir"
}
