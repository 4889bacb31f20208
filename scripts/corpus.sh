#!/usr/bin/env bash
# corpus.sh lints a corpus of real modules at pinned versions from the
# module proxy, then compares the findings with the verdicts committed in
# testdata/corpus/verdicts.tsv (internal/corpusreport): per module its
# size, its findings and how many are leaks, false alarms or debatable,
# the precision of the non-test findings, the findings that have no
# verdict yet, and the verdicts whose finding has disappeared. The project
# is judged on code nobody here wrote; this is how. It is not part of the
# tests: it downloads modules and takes the best part of an hour.
#
# Some modules need C headers through cgo: mautrix's crypto needs
# libolm (Debian: apt-get install libolm-dev); without them, the packages
# that need them are reported as not analyzed.
#
# Usage: scripts/corpus.sh [path/to/dbleaklint] [extra dbleaklint flags...]
#
# Environment:
#   CORPUS_DIR    where the module copies and the results are kept
#                 (default $TMPDIR/dbleaklint-corpus); reruns reuse them
#   CORPUS_ONLY   an extended regular expression: lint only the modules
#                 whose module@version matches it; the others keep the
#                 results of their last run
#   CORPUS_LINT   0: lint nothing, print the report of the last results
#   CORPUS_FLAGS  flags for the report (for example -v: every finding
#                 with its verdict)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/module.sh
repo=$PWD
linter=${1:-bin/dbleaklint}
shift || true
[[ -x "$linter" ]] || go build -o "$linter" ./cmd/dbleaklint
linter=$(cd "$(dirname "$linter")" && pwd)/$(basename "$linter")

# One module a line: MODULE@VERSION, then the package patterns to lint
# (default ./...): a big module is linted in its storage packages only.
# Words starting with - are build flags for that module (GOFLAGS).
# The kind says what the code is, so that the corpus can be seen to look
# like the world: app (a program or service with a repository or storage
# layer), store (a library's own storage layer: queues, workflow engines,
# stores), lib (a driver, ORM, query builder, scanner or migration tool).
#
# Left out: modules the proxy refuses here (writefreely, memos, sftpgo,
# flipt, authelia, pgweb, postgres_exporter, pg_timetable, gh-ost, shiori,
# listmonk, navidrome, upper/db, mattermost, stash).
# Also refused by the proxy here: dbmate, sqlboiler, go-sql-spanner, beego,
# go-xorm, go-rel/sql, dex (newer than v2.13), mysqld_exporter, sql_exporter,
# cloudnative-pg, wal-g, gotify, ory/keto, fleet, concourse, claircore,
# gatus, yarr, drone, permify, cadence, coder, zitadel, boundary,
# exposure-notifications-server, keytransparency; argo-workflows needs
# upper/db; dex v2.13 predates modules and its floating dependencies no
# longer build. trinodb/trino-go-client needs go 1.27, and cfssl is kept at
# v1.6.5 and boulder at v0.20260901.0 for the same reason. hydra and vault
# replace dependencies with nested modules their zips leave out: those
# replaces are dropped (drop_local_replaces below).
# Refused too (tried for issue 11's applications): nakama, tinode, hyperledger
# firefly, ntfy, ardanlabs/service, goatcounter, pomerium, blnk,
# mev-boost-relay, stolon, prest, curio, hatchet, supermq, rqlite, steampipe,
# readeck, owncast, go-imap-sql, utask, lightning-terminal, mautrix-whatsapp,
# dcrdata, pgwatch, pganalyze collector, usql, tbls, supabase auth,
# orchestrator, pgstream, gofiber storage, percona-toolkit, postgres-operator,
# netdata's plugins, datadog-agent, gitness and the collector's SQL receivers;
# aperture needs lightning-node-connect/gbn, which is refused. cerbos is kept
# at v0.55.0 (newer ones need go 1.27); its test suite needs -tags=tests.
# Not to be used (licence or known flaws): grafana, cockroach, redpanda
# connect, rqlite v9, element-hq/dendrite, incus; argo-workflows v4 needs
# upper/db.
modules=(
	# kind  module@version  [packages]
	"lib    github.com/jackc/pgx/v5@v5.12.0"
	"lib    github.com/jackc/tern/v2@v2.3.4"
	"store  github.com/vgarvardt/gue/v5@v5.8.0"
	"store  github.com/riverqueue/river/riverdriver/riverpgxv5@v0.51.2"
	"lib    github.com/pressly/goose/v3@v3.29.0"
	"lib    github.com/jmoiron/sqlx@v1.4.0"
	"lib    github.com/georgysavva/scany/v2@v2.1.4"
	"lib    github.com/cockroachdb/cockroach-go/v2@v2.4.2"
	"lib    github.com/uptrace/bun@v1.3.0"
	"app    miniflux.app/v2@v2.3.5"
	"lib    github.com/golang-migrate/migrate/v4@v4.20.1"
	"store  github.com/riverqueue/river@v0.51.2"
	"app    github.com/authzed/spicedb@v1.56.2"
	"lib    gorm.io/gorm@v1.31.2"
	"lib    entgo.io/ent@v0.14.5"
	"lib    github.com/sqlc-dev/sqlc@v1.31.1"
	"app    github.com/matrix-org/dendrite@v0.13.8 ./internal/sqlutil/... ./roomserver/storage/... ./userapi/storage/... ./syncapi/storage/... ./federationapi/storage/... ./mediaapi/storage/... ./relayapi/storage/..."
	"app    github.com/k3s-io/kine@v0.17.5 ./pkg/drivers/generic/... ./pkg/drivers/pgsql/... ./pkg/drivers/mysql/... ./pkg/drivers/sqlite/... ./pkg/logstructured/sqllog/..."
	"app    github.com/openfga/openfga@v1.22.1 ./pkg/storage/..."
	"app    github.com/benbjohnson/litestream@v0.5.18"
	"app    go.temporal.io/server@v1.31.2 ./common/persistence/sql/..."
	"app    github.com/pocketbase/pocketbase@v0.36.8 ./core/... ./apis/... ./plugins/migratecmd/..."
	"app    github.com/axllent/mailpit@v1.33.1 ./internal/storage/..."
	"app    github.com/foxcpp/maddy@v0.8.1 ./internal/table/..."
	"app    github.com/FerretDB/FerretDB@v1.24.2 ./internal/backends/..."
	"app    github.com/centrifugal/centrifugo/v6@v6.9.1 ./internal/consuming/... ./internal/pgoutbox/... ./internal/pgstreambroker/... ./internal/pgmapbroker/... ./internal/pgschema/... ./internal/controllers/..."
	"app    github.com/spiffe/spire@v1.13.3 ./pkg/server/datastore/..."
	"app    github.com/anchore/grype@v0.121.2 ./grype/db/..."
	"app    riverqueue.com/riverui@v0.22.0"
	"app    github.com/seaweedfs/seaweedfs@v0.0.0-20261109003541-7506e5f91cd6 ./weed/filer/abstract_sql/... ./weed/filer/mysql/... ./weed/filer/mysql2/... ./weed/filer/postgres/... ./weed/filer/postgres2/... ./weed/filer/sqlite/... ./weed/credential/postgres/... ./weed/util/pgxutil/..."
	"app    github.com/kubeflow/katib@v0.19.0 ./pkg/db/..."
	"app    vitess.io/vitess@v0.24.4 ./go/vt/external/golib/sqlutils/... ./go/vt/vtorc/... ./go/vt/vtadmin/cluster/resolver/... ./go/vt/vtadmin/vtsql/... ./go/cmd/vtclient/..."
	"store  github.com/lightningnetwork/lnd/sqldb@v1.0.4"
	"store  github.com/cschleiden/go-workflows@v1.2.0 ./backend/..."
	"store  github.com/dbos-inc/dbos-transact-golang@v1.8.0 ./dbos/..."
	"store  github.com/acaloiaro/neoq@v0.72.2 -tags=testing ./backends/postgres/..."
	"store  github.com/ThreeDotsLabs/watermill-sql/v4@v4.1.2"
	"store  maragu.dev/goqite@v0.4.0"
	"store  maunium.net/go/mautrix@v0.32.0 ./crypto/... ./bridgev2/database/... ./sqlstatestore/..."
	"store  github.com/tmc/langchaingo@v0.1.14 ./vectorstores/pgvector/... ./memory/sqlite3/... ./tools/sqldatabase/..."
	"store  github.com/peterldowns/pgtestdb@v0.1.1"
	"store  github.com/dapr/components-contrib@v1.16.1 ./common/component/postgresql/... ./common/component/sql/... ./state/postgresql/... ./state/mysql/... ./state/sqlite/... ./state/cockroachdb/... ./bindings/postgres/... ./bindings/mysql/... ./configuration/postgres/... ./state/oracledatabase/... ./state/sqlserver/... ./common/component/sqlserver/... ./nameresolution/sqlite/..."
	"store  github.com/riverqueue/river/riverdriver/riverdatabasesql@v0.51.2"
	"store  github.com/riverqueue/river/riverdriver/riversqlite@v0.51.2"
	"store  github.com/alexedwards/scs/postgresstore@v0.0.0-20251002162104-209de6e426de"
	"store  github.com/jackc/pgxlisten@v0.0.0-20250802141604-12b92425684c"
	"lib    github.com/jackc/pgx/v4@v4.18.3"
	"lib    github.com/rubenv/sql-migrate@v1.8.1"
	"lib    github.com/doug-martin/goqu/v9@v9.19.0"
	"lib    github.com/go-jet/jet/v2@v2.14.1 ./qrm/... ./internal/... ./postgres/... ./mysql/... ./sqlite/... ./stmtcache/... ./generator/..."
	"lib    github.com/ory/pop/v6@v6.4.1"
	"lib    go.mau.fi/util@v0.11.0 ./dbutil/..."
	"lib    gorm.io/driver/postgres@v1.6.3"
	"lib    gorm.io/driver/mysql@v1.6.0"
	"lib    gorm.io/driver/sqlite@v1.6.0"
	"lib    ariga.io/atlas@v0.32.1-0.20250325101103-175b25e1c1b9 ./sql/..."
	"lib    github.com/knqyf263/go-rpmdb@v0.0.0-20210911072402-73bd0ce46c49"
	"lib    github.com/ory/x@v0.0.729 ./sqlcon/... ./popx/... ./dbal/... ./sqlxx/..."
	"lib    github.com/lib/pq@v1.12.3"
	"lib    github.com/go-sql-driver/mysql@v1.10.1"
	"lib    github.com/microsoft/go-mssqldb@v1.11.2"
	"lib    github.com/ClickHouse/clickhouse-go/v2@v2.51.0"
	"lib    github.com/huandu/go-sqlbuilder@v1.44.1"
	"lib    xorm.io/xorm@v1.4.3 . ./caches/... ./contexts/... ./convert/... ./core/... ./dialects/... ./internal/... ./log/... ./migrate/... ./names/... ./schemas/... ./tags/..."
	"lib    github.com/Masterminds/squirrel@v1.5.4"
	"lib    github.com/nakagami/firebirdsql@v0.9.23"
	"lib    github.com/sijms/go-ora/v2@v2.8.24 . ./advanced_nego/... ./configurations/... ./converters/... ./lazy_init/... ./network/... ./trace/..."
	"lib    github.com/snowflakedb/gosnowflake@v1.19.1"
	"lib    github.com/mattn/go-sqlite3@v1.14.53"
	"lib    github.com/go-gorp/gorp/v3@v3.1.0"
	"lib    github.com/go-testfixtures/testfixtures/v3@v3.19.0"
	"lib    github.com/stephenafamo/bob@v0.41.1"
	"lib    github.com/vertica/vertica-sql-go@v1.3.9"
	"app    github.com/cloudflare/cfssl@v1.6.5 ./certdb/..."
	"lib    github.com/gocraft/dbr/v2@v2.7.6"
	"lib    github.com/jinzhu/gorm@v1.9.16"
	"lib    github.com/didi/gendry@v1.9.0"
	"lib    github.com/ydb-platform/ydb-go-sdk/v3@v3.157.0 . ./internal/xsql/... ./retry/... ./sugar/..."
	"store  github.com/smallstep/nosql@v0.8.0"
	"app    github.com/ory/kratos@v1.3.1 ./persistence/..."
	"app    code.gitea.io/gitea@v1.28.0-dev ./models/db/... ./models/migrations/base/..."
	"app    github.com/influxdata/telegraf@v1.37.2 ./plugins/inputs/postgresql/... ./plugins/inputs/postgresql_extensible/... ./plugins/inputs/mysql/... ./plugins/inputs/sqlserver/... ./plugins/inputs/pgbouncer/... ./plugins/inputs/sql/... ./plugins/outputs/sql/... ./plugins/outputs/postgresql/... ./plugins/common/postgresql/... ./plugins/inputs/ras/... ./plugins/outputs/cratedb/..."
	"app    github.com/google/trillian@v1.8.0 ./storage/... ./quota/..."
	"store  github.com/transparency-dev/tessera@v1.0.4 ./storage/mysql/... ./storage/aws/... ./cmd/experimental/migrate/mysql/... ./cmd/conformance/mysql/..."
	"app    github.com/google/certificate-transparency-go@v1.4.0 ./trillian/ctfe/..."
	"app    github.com/sigstore/rekor@v1.5.4 ./pkg/indexstorage/... ./cmd/backfill-index/... ./cmd/copy-index/... ./cmd/cleanup-index/..."
	"app    github.com/pingcap/go-ycsb@v1.0.3 ./db/sqlite/... ./db/pg/... ./db/mysql/..."
	"app    github.com/hashicorp/vault@v1.21.4 ./physical/mysql/... ./physical/postgresql/... ./physical/mssql/... ./physical/cockroachdb/... ./plugins/database/..."
	"app    github.com/ory/hydra/v2@v2.3.0 ./persistence/... ./x/..."
	"app    github.com/superfly/litefs@v0.5.14 ./cmd/litefs-bench/..."
	"lib    github.com/dolthub/go-mysql-server@v0.20.0 ./enginetest/mysqlshim/... ./server/golden/... ./driver/..."
	"lib    github.com/pgvector/pgvector-go@v0.3.0 ./pgx/... ./examples/..."
	"lib    github.com/DATA-DOG/go-sqlmock@v1.5.2"
	"lib    github.com/fergusstrange/embedded-postgres@v1.34.0"
	"lib    github.com/rqlite/gorqlite@v0.0.0-20261020015727-7224ce2bd419"
	"lib    gocloud.dev@v0.47.0 ./mysql/... ./postgres/... ./server/health/sqlhealth/..."
	"lib    github.com/glebarez/go-sqlite@v1.23.0"
	"lib    github.com/duckdb/duckdb-go/v2@v2.10506.0"
	"app    github.com/letsencrypt/boulder@v0.20260901.0 ./sa/... ./db/... ./cmd/bad-key-revoker/... ./cmd/cert-checker/... ./cmd/boulder-mtca/... ./mtca/... ./trees/..."
	"app    github.com/cayleygraph/cayley@v0.7.7-0.20240706181042-81dcd7d73e45 ./graph/sql/..."
	"app    github.com/cometbft/cometbft@v1.0.1 ./state/indexer/sink/psql/..."
	"app    github.com/anchore/syft@v1.57.1 ./syft/pkg/cataloger/redhat/... ./syft/pkg/cataloger/nix/..."
	"store  github.com/stellar/go@v0.0.0-20251113110825-d9bbe0f80269 ./support/db/..."
	"lib    github.com/pashagolub/pgxmock/v4@v4.9.0"
	"lib    github.com/jackc/pglogrepl@v0.0.0-20251213150135-2e8d0df862c1"
	"lib    github.com/ncruces/go-sqlite3@v0.37.0 ./driver/..."
	"lib    modernc.org/sqlite@v1.62.0 . ./examples/... ./vtab/... ./vec/..."
	"app    github.com/facebookincubator/nvdtools@v0.1.5 ./vulndb/... ./cmd/vulndb/..."
	"lib    github.com/SAP/go-hdb@v1.14.18 ./driver/... ./cmd/..."
	"lib    github.com/tursodatabase/libsql-client-go@v0.0.0-20260528064733-9d5d30a29a60"
	"lib    github.com/nix-community/go-nix@v0.0.0-20250101154619-4bdde671e0a1 ./pkg/sqlite/..."
	"lib    github.com/leporo/sqlf@v1.4.0"
	"lib    github.com/luna-duclos/instrumentedsql@v1.1.3"
	"lib    github.com/jeroenrinzema/psql-wire@v0.19.0"
	"lib    github.com/letsencrypt/borp@v0.0.0-20260428182343-7962eada420f"
	"lib    github.com/gobuffalo/fizz@v1.14.4"
	"lib    github.com/XSAM/otelsql@v0.43.0"
	"lib    github.com/hashicorp/go-pgmultiauth@v1.0.0"
	"lib    github.com/GoogleCloudPlatform/cloudsql-proxy@v1.38.3 ./proxy/dialers/..."
	"app    golang.org/x/pkgsite@v0.6.0 ./internal/database/... ./internal/postgres/... ./internal/queue/... ./internal/worker/... ./devtools/cmd/db/... ./devtools/cmd/seeddb/... ./devtools/cmd/searcheval/... ./devtools/cmd/dumpdoc/... ./tests/search/..."
	"app    golang.org/x/perf@v0.0.0-20260908200009-22c9c6c9d4da ./storage/..."
	"app    github.com/cerbos/cerbos@v0.55.0 -tags=tests ./internal/storage/db/..."
	"app    github.com/lightningnetwork/lnd@v0.20.0-beta ./graph/db/... ./invoices/... ./batch/..."
	"app    github.com/lightninglabs/loop@v0.31.2-beta ./loopdb/... ./sweepbatcher/... ./instantout/... ./staticaddr/..."
	"app    github.com/lightninglabs/taproot-assets@v0.6.0-rc2.0.20250526132410-324bce0a1a7b ./tapdb/..."
	"app    github.com/opentofu/opentofu@v1.12.6 ./internal/backend/remote-state/pg/..."
	"app    github.com/perses/perses@v0.51.0 ./internal/api/database/..."
	"app    github.com/open-telemetry/opentelemetry-collector-contrib/exporter/clickhouseexporter@v0.165.1"
	"store  github.com/lightningnetwork/lnd/kvdb@v1.4.10 -tags=kvdb_postgres,kvdb_sqlite ./..."
	"store  go.mau.fi/whatsmeow@v0.0.0-20251217143725-11cf47c62d32 ./store/..."
	"store  github.com/alexedwards/scs/mysqlstore@v0.0.0-20250417082927-ab20b3feb5e9"
	"store  github.com/alexedwards/scs/sqlite3store@v0.0.0-20251002162104-209de6e426de"
	"store  github.com/alexedwards/scs/pgxstore@v0.0.0-20240316134038-7e11d57e8885"
)

# drop_local_replaces DIR drops from DIR/go.mod the replace directives
# whose target is a directory missing from the module's zip (a nested
# module, which the zip leaves out): the go command then takes the
# version the module requires from the proxy instead of failing to load.
drop_local_replaces() {
	local old target
	(
		cd "$1" || exit
		awk '/^replace \(/ { block = 1; next }
			block && /^\)/ { block = 0; next }
			block || /^replace / { sub(/^replace /, ""); for (i = 1; i < NF; i++) if ($i == "=>") print $1, $(i + 1) }' go.mod |
			while read -r old target; do
				[[ $target == ./* || $target == ../* ]] || continue
				[[ -d $target ]] || go mod edit -dropreplace="$old"
			done
	)
}

work=${CORPUS_DIR:-${TMPDIR:-/tmp}/dbleaklint-corpus}
results=$work/results
mkdir -p "$results"
manifest=$results/manifest.tsv
: >"$manifest.new"
for line in "${modules[@]}"; do
	read -r kind m words <<<"$line"
	pkgs= buildflags=
	for w in $words; do
		if [[ $w == -* ]]; then buildflags+=" $w"; else pkgs+=" $w"; fi
	done
	pkgs=${pkgs# }
	pkgs=${pkgs:-./...}
	name=$(echo "$m" | tr '/@' '__')
	dir="$work/$name"
	printf '%s\t%s\t%s\t%s\t%s\n' "$m" "$kind" "$dir" "$pkgs" "$results/$name" >>"$manifest.new"
	[[ ${CORPUS_LINT:-1} == 0 ]] && continue
	[[ -n ${CORPUS_ONLY:-} && ! $m =~ $CORPUS_ONLY ]] && continue
	echo "== $m" >&2
	rm -f "$results/$name.json" "$results/$name.err"
	if ! module_copy "$m" "$dir" 2>"$results/$name.err"; then
		echo "corpus: $m: cannot be downloaded, skipped (see $results/$name.err)" >&2
		continue
	fi
	drop_local_replaces "$dir"
	# -format=json exits 0 with findings, 1 when a package cannot be
	# loaded; the report says which modules have no usable result.
	# shellcheck disable=SC2086 # pkgs is a list of patterns
	(cd "$dir" && GOFLAGS="-mod=mod$buildflags" nice -n 10 "$linter" -format=json -sqlrowserr=false "$@" $pkgs \
		>"$results/$name.json" 2>>"$results/$name.err") ||
		echo "corpus: $m: dbleaklint failed (exit $?): $(head -c 300 "$results/$name.err")" >&2
done
mv "$manifest.new" "$manifest"
# shellcheck disable=SC2086 # CORPUS_FLAGS is a list of flags
go run ./internal/corpusreport -verdicts "$repo/testdata/corpus/verdicts.tsv" ${CORPUS_FLAGS:-} "$manifest"
