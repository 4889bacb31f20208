#!/usr/bin/env bash
# lint.sh runs staticcheck and dbleaklint itself on the project. The
# example service's leaky twin is left out: its leaks are deliberate.
set -euo pipefail
cd "$(dirname "$0")/.."

STATICCHECK_VERSION=v0.8.2
gobin=$(go env GOPATH)/bin
if ! "$gobin/staticcheck" -version 2>/dev/null | grep -q "(${STATICCHECK_VERSION#v})"; then
	go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
fi
"$gobin/staticcheck" ./...

go build -o bin/dbleaklint ./cmd/dbleaklint
bin/dbleaklint $(go list ./... | grep -v '/examples/userservice/leaky$')
echo "dbleaklint: no findings"
