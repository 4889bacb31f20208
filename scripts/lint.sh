#!/usr/bin/env bash
# lint.sh checks that go.mod and go.sum are tidy (the module's and that of
# the real-pgx testdata module), then runs staticcheck and dbleaklint
# itself on the project. The example service's leaky twin is left out:
# its leaks are deliberate.
set -euo pipefail
cd "$(dirname "$0")/.."

for dir in . testdata/mod/realpgx testdata/mod/nogo; do
	if ! (cd "$dir" && GOWORK=off go mod tidy -diff); then
		echo "lint.sh: $dir/go.mod is not tidy: run go mod tidy there" >&2
		exit 1
	fi
done

STATICCHECK_VERSION=v0.8.2
gobin=$(go env GOPATH)/bin
if ! "$gobin/staticcheck" -version 2>/dev/null | grep -q "(${STATICCHECK_VERSION#v})"; then
	go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
fi
"$gobin/staticcheck" ./...

go build -o bin/dbleaklint ./cmd/dbleaklint
bin/dbleaklint $(go list ./... | grep -v '/examples/userservice/leaky$')
echo "dbleaklint: no findings"
