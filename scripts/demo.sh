#!/usr/bin/env bash
# demo.sh tells the story of README's first command, `make demo`:
#
#   1. the live run: PostgreSQL is started (installed with apt if missing,
#      see postgres.sh), then the leaky and the fixed twin of
#      examples/userservice serve, in turn, the same bounded load on
#      127.0.0.1 over a pool of 4 connections (examples/userservice/cmd/demo);
#      the leaky twin exhausts its pool and the runtime package names the
#      lines that leaked (pgxpool and database/sql), the one that acquires
#      while holding, and who held the pool when it ran dry; the fixed twin
#      ends with no connection held;
#   2. dbleaklint on the leaky twin: the same leaks, found statically;
#      every finding of every enabled check is printed as the linter
#      prints it, so a new check's findings show up here as they are;
#   3. dbleaklint on the fixed twin, with -poolpolicy.enforce: nothing.
#
# When PostgreSQL cannot be started, the live run is skipped with the
# reason, and the exit status depends on the lint alone.
#
# Usage: scripts/demo.sh [path of the dbleaklint binary to build]
set -uo pipefail
cd "$(dirname "$0")/.."
readonly ROOT="$PWD"
readonly LINTER="${1:-$ROOT/bin/dbleaklint}"

go build -o "$LINTER" ./cmd/dbleaklint || exit 1

echo "== 1. The twins of examples/userservice, live, one after the other"
pglog="$(mktemp)"
dsnfile="$(mktemp)"
trap 'rm -f "$pglog" "$dsnfile"' EXIT
# postgres.sh's progress goes to the terminal as it happens (installing
# PostgreSQL with apt, the first time, takes minutes): its own lines and
# apt's, one per package fetched, unpacked and set up, indented. All of
# its output goes to a log, for the reason of a failure; the DSN, on its
# stdout, to a file.
if ! scripts/postgres.sh status 2>/dev/null; then
	echo "Starting PostgreSQL (the first time, it is installed with apt: this can take a few minutes)"
fi
scripts/postgres.sh start 2>&1 >"$dsnfile" | tee "$pglog" |
	grep --line-buffered -E '^(postgres\.sh:|Get:|Fetched|Unpacking|Setting up)' | sed -u 's/^/  /'
if [[ ${PIPESTATUS[0]} -eq 0 ]]; then
	dsn="$(cat "$dsnfile")"
	go run ./examples/userservice/cmd/demo -dsn "$dsn"
	live=$?
	echo "(PostgreSQL keeps running for the next time; scripts/postgres.sh stop stops it.)"
else
	echo "PostgreSQL could not be started, so the live run is skipped:"
	tail -n 3 "$pglog" | sed 's/^/  /'
	live=skipped
fi

echo
echo "== 2. dbleaklint ./leaky/: the same problems, found before they ship"
cd examples/userservice
"$LINTER" ./leaky/ 2>&1 | sed "s|$ROOT/||"
leaky=${PIPESTATUS[0]}
echo "(exit status $leaky: findings reported)"

echo
echo "== 3. dbleaklint -poolpolicy.enforce ./fixed/: only the runtime's helpers"
out="$("$LINTER" -poolpolicy.enforce ./fixed/ 2>&1)"
fixed=$?
if [[ -z "$out" ]]; then echo "no findings"; else echo "$out" | sed "s|$ROOT/||"; fi

echo
status=0
if [[ $leaky -ne 3 || $fixed -ne 0 ]]; then
	echo "demo: FAILED: dbleaklint exited $leaky on leaky/ (want 3) and $fixed on fixed/ (want 0)"
	status=1
fi
if [[ $live != skipped && $live -ne 0 ]]; then
	echo "demo: FAILED: the live run did not show the story (exit status $live)"
	status=1
fi
if [[ $status -eq 0 ]]; then
	if [[ $live == skipped ]]; then
		echo "demo: the lint part behaved as expected; the live run was skipped (no PostgreSQL)"
	else
		echo "demo: as expected: the runtime and dbleaklint name the same lines, and the fixed twin holds nothing"
	fi
fi
exit $status
