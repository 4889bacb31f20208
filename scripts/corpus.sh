#!/usr/bin/env bash
# corpus.sh lints a small corpus of real, DB-heavy modules at pinned
# versions from the module proxy, and prints every finding, for a person
# to read: the project is judged on code nobody here wrote, for leaks
# found and for false alarms. It is not part of the tests.
#
# Usage: scripts/corpus.sh [path/to/dbleaklint] [extra dbleaklint flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/module.sh
linter=${1:-bin/dbleaklint}
shift || true
[[ -x "$linter" ]] || go build -o "$linter" ./cmd/dbleaklint
linter=$(cd "$(dirname "$linter")" && pwd)/$(basename "$linter")

modules=(
	github.com/jackc/pgx/v5@v5.12.0
	github.com/jackc/tern/v2@v2.3.4
	github.com/vgarvardt/gue/v5@v5.8.0
	github.com/riverqueue/river/riverdriver/riverpgxv5@v0.51.2
	github.com/pressly/goose/v3@v3.29.0
	github.com/jmoiron/sqlx@v1.4.0
	github.com/georgysavva/scany/v2@v2.1.4
	github.com/cockroachdb/cockroach-go/v2@v2.4.2
	github.com/uptrace/bun@v1.3.0
	miniflux.app/v2@v2.3.5
	github.com/golang-migrate/migrate/v4@v4.20.1
	github.com/riverqueue/river@v0.51.2
	github.com/authzed/spicedb@v1.56.2
	gorm.io/gorm@v1.31.2
	entgo.io/ent@v0.14.5
	github.com/sqlc-dev/sqlc@v1.31.1
)

work=${CORPUS_DIR:-${TMPDIR:-/tmp}/dbleaklint-corpus}
mkdir -p "$work"
for m in "${modules[@]}"; do
	dir="$work/$(echo "$m" | tr '/@' '__')"
	module_copy "$m" "$dir"
	echo "== $m"
	(cd "$dir" && GOFLAGS=-mod=mod "$linter" -sqlrowserr=false "$@" ./... 2>&1 |
		grep -v 'leaks here' | sed "s|$dir/||") || true
done
