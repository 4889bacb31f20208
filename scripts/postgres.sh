#!/usr/bin/env bash
# postgres.sh manages a throwaway PostgreSQL server for dbleaklint's tests.
#
# Usage:
#   scripts/postgres.sh start     start the server (installing PostgreSQL with
#                                 apt when it is missing) and print its DSN
#   scripts/postgres.sh stop      stop the server and delete its directory
#   scripts/postgres.sh restart   restart the running server (pg_ctl restart)
#   scripts/postgres.sh status    exit 0 when the server is running
#   scripts/postgres.sh env       print `export` lines for the test variables
#
# Typical use in CI:
#   scripts/postgres.sh start >/dev/null
#   eval "$(scripts/postgres.sh env)"
#   go test -race ./...
#   scripts/postgres.sh stop
#
# `env` prints these variables:
#   DBLEAKLINT_TEST_DATABASE  the DSN the tests connect to
#   DBLEAKLINT_PG_BIN         the directory holding pg_ctl, initdb, ...
#   DBLEAKLINT_PG_CTL         the pg_ctl binary itself
#   DBLEAKLINT_PG_DATADIR     the cluster's data directory
#   DBLEAKLINT_PG_USER        the OS user that owns the cluster; pg_ctl must
#                             run as this user (runuser -u USER -- pg_ctl ...)
#   DBLEAKLINT_PG_LOG         the server's log file (pass it to pg_ctl -l)
#
# Settings read from the environment:
#   DBLEAKLINT_TEST_DATABASE  when set, `start` prints it and does nothing else
#   DBLEAKLINT_PG_PORT        TCP port on 127.0.0.1 (default 54329)
#   DBLEAKLINT_PG_BIN         use this PostgreSQL bin directory
#
# Only the DSN goes to stdout; everything else goes to stderr.
set -euo pipefail

readonly PORT="${DBLEAKLINT_PG_PORT:-54329}"
readonly BASE="${TMPDIR:-/tmp}/dbleaklint-pg"
readonly DIR="${BASE}/${PORT}"
readonly DATA="${DIR}/data"
readonly LOG="${DIR}/postgres.log"
readonly ENVFILE="${DIR}/env"
readonly DBNAME="dbleaklint"
readonly DSN="postgres://postgres@127.0.0.1:${PORT}/${DBNAME}?sslmode=disable"

log() { echo "postgres.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

# find_bin prints the newest PostgreSQL bin directory that has initdb and
# pg_ctl, or nothing.
find_bin() {
	if [[ -n "${DBLEAKLINT_PG_BIN:-}" && -x "${DBLEAKLINT_PG_BIN}/initdb" ]]; then
		echo "${DBLEAKLINT_PG_BIN}"
		return
	fi
	local d
	shopt -s nullglob
	local dirs=(/usr/lib/postgresql/*/bin)
	shopt -u nullglob
	((${#dirs[@]})) || return 0
	while read -r d; do
		if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then
			echo "$d"
			return
		fi
	done < <(printf '%s\n' "${dirs[@]}" | sort -V -r)
}

# install_postgres installs the server with apt without creating or starting
# Debian's default cluster, which the tests do not need.
install_postgres() {
	[[ "$(id -u)" == 0 ]] || die "PostgreSQL is not installed and installing it needs root"
	log "PostgreSQL not found; installing it with apt (apt-get update, then the postgresql package: a few minutes)"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update >&2
	apt-get install -y --no-install-recommends postgresql-common >&2
	local conf=/etc/postgresql-common/createcluster.conf
	if [[ -f "$conf" ]]; then
		sed -i 's/^#\?\s*create_main_cluster.*/create_main_cluster = false/' "$conf"
	fi
	apt-get install -y --no-install-recommends postgresql >&2
}

# pg_user prints the OS user that runs the server: postgres when running as
# root (initdb and pg_ctl refuse root), otherwise the current user.
pg_user() {
	if [[ "$(id -u)" != 0 ]]; then
		id -un
		return
	fi
	if ! id postgres >/dev/null 2>&1; then
		log "creating system user postgres"
		useradd --system --user-group --home-dir /var/lib/postgresql \
			--shell /bin/bash postgres
	fi
	echo postgres
}

# as_user runs a command as the cluster owner.
as_user() {
	local user="$1"
	shift
	if [[ "$(id -un)" == "$user" ]]; then
		"$@"
	else
		runuser -u "$user" -- "$@"
	fi
}

port_in_use() {
	(exec 3<>"/dev/tcp/127.0.0.1/${PORT}") 2>/dev/null
}

# load_env reads the variables written by start, if any.
load_env() {
	[[ -f "$ENVFILE" ]] || return 1
	# shellcheck disable=SC1090
	source "$ENVFILE"
}

is_running() {
	load_env || return 1
	[[ -f "${DATA}/postmaster.pid" ]] || return 1
	as_user "$DBLEAKLINT_PG_USER" "$DBLEAKLINT_PG_CTL" -D "$DATA" status >/dev/null 2>&1
}

write_config() {
	cat >>"${DATA}/postgresql.conf" <<EOF

# Written by scripts/postgres.sh: a fast, local-only throwaway server.
listen_addresses = '127.0.0.1'
port = ${PORT}
unix_socket_directories = '${DATA}'
max_connections = 200
fsync = off
EOF
}

create_cluster() {
	local bin="$1" user="$2"
	rm -rf "$DIR"
	mkdir -p "$DIR"
	chmod 755 "$BASE" 2>/dev/null || true
	chown "$user" "$DIR"
	as_user "$user" test -w "$DIR" ||
		die "$DIR is not writable by $user; set TMPDIR to a directory $user can reach"
	log "creating cluster in $DATA (owner $user, port $PORT)"
	as_user "$user" "$bin/initdb" -D "$DATA" -U postgres --auth=trust \
		--encoding=UTF8 --no-locale >&2
	write_config
	cat >"$ENVFILE" <<EOF
export DBLEAKLINT_TEST_DATABASE='${DSN}'
export DBLEAKLINT_PG_BIN='${bin}'
export DBLEAKLINT_PG_CTL='${bin}/pg_ctl'
export DBLEAKLINT_PG_DATADIR='${DATA}'
export DBLEAKLINT_PG_USER='${user}'
export DBLEAKLINT_PG_LOG='${LOG}'
EOF
}

create_database() {
	local bin="$1"
	local exists
	exists="$("$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
		"SELECT 1 FROM pg_database WHERE datname = '${DBNAME}'")"
	if [[ "$exists" != 1 ]]; then
		"$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -q \
			-c "CREATE DATABASE ${DBNAME}" >&2
	fi
}

cmd_start() {
	if [[ -n "${DBLEAKLINT_TEST_DATABASE:-}" ]]; then
		echo "$DBLEAKLINT_TEST_DATABASE"
		return
	fi
	if is_running; then
		log "server already running on port $PORT"
		create_database "$DBLEAKLINT_PG_BIN"
		echo "$DSN"
		return
	fi
	if port_in_use; then
		die "port $PORT is in use by another program; set DBLEAKLINT_PG_PORT"
	fi
	local bin user
	bin="$(find_bin)"
	if [[ -z "$bin" ]]; then
		install_postgres
		bin="$(find_bin)"
		[[ -n "$bin" ]] || die "apt installed PostgreSQL but no initdb was found"
	fi
	user="$(pg_user)"
	create_cluster "$bin" "$user"
	as_user "$user" "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >&2 ||
		{ cat "$LOG" >&2 || true; die "server did not start"; }
	create_database "$bin"
	log "server running; DSN follows on stdout"
	echo "$DSN"
}

cmd_stop() {
	if is_running; then
		as_user "$DBLEAKLINT_PG_USER" "$DBLEAKLINT_PG_CTL" -D "$DATA" -m fast -w stop >&2 ||
			log "pg_ctl stop failed; removing the directory anyway"
	else
		log "no server running on port $PORT"
	fi
	rm -rf "$DIR"
}

cmd_restart() {
	is_running || die "no server started by this script is running on port $PORT"
	as_user "$DBLEAKLINT_PG_USER" "$DBLEAKLINT_PG_CTL" -D "$DATA" -l "$LOG" \
		-m fast -w -t 60 restart >&2
}

cmd_env() {
	if load_env; then
		cat "$ENVFILE"
	elif [[ -n "${DBLEAKLINT_TEST_DATABASE:-}" ]]; then
		printf "export DBLEAKLINT_TEST_DATABASE='%s'\n" "$DBLEAKLINT_TEST_DATABASE"
	else
		die "no server started; run: scripts/postgres.sh start"
	fi
}

main() {
	case "${1:-}" in
	start) cmd_start ;;
	stop) cmd_stop ;;
	restart) cmd_restart ;;
	status) is_running ;;
	env) cmd_env ;;
	*)
		sed -n '2,32p' "$0" | sed 's/^# \{0,1\}//' >&2
		exit 2
		;;
	esac
}

main "$@"
