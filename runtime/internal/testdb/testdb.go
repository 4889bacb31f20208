// Package testdb gives the tests of package dbleakrt and its subpackages a
// real PostgreSQL database, as started by scripts/postgres.sh.
//
// The database's DSN is read from DBLEAKLINT_TEST_DATABASE. When it is not
// set, tests that need it are skipped, or failed when the environment
// variable CI is not empty, so that CI cannot pass by skipping them.
package testdb

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/jackc/pgx/v5"
)

// Environment variables written by `scripts/postgres.sh env`.
const (
	EnvDSN     = "DBLEAKLINT_TEST_DATABASE"
	EnvPgCtl   = "DBLEAKLINT_PG_CTL"
	EnvPgBin   = "DBLEAKLINT_PG_BIN"
	EnvDataDir = "DBLEAKLINT_PG_DATADIR"
	EnvPgUser  = "DBLEAKLINT_PG_USER"
	EnvPgLog   = "DBLEAKLINT_PG_LOG"
)

// howTo tells how to provide what the tests need.
const howTo = `to run this test: eval "$(scripts/postgres.sh start >/dev/null && scripts/postgres.sh env)"`

// closeTimeout bounds the wait for a pool to close at the end of a test.
const closeTimeout = 10 * time.Second

// Unavailable skips the test with msg, or fails it when CI is set.
func Unavailable(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (an error because CI is set); %s", msg, howTo)
	}
	t.Skipf("%s; %s", msg, howTo)
}

// DSN returns the test database's connection string.
func DSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(EnvDSN)
	if dsn == "" {
		Unavailable(t, EnvDSN+" is not set, so there is no PostgreSQL to test against")
	}
	return dsn
}

// Pool returns a tracked pool on the test database, closed when the test
// ends. The close waits at most a few seconds for leaked connections.
func Pool(t testing.TB, opts ...dbleakrt.Option) *dbleakrt.Pool {
	t.Helper()
	p, err := dbleakrt.New(context.Background(), DSN(t), opts...)
	if err != nil {
		t.Fatalf("dbleakrt.New: %v", err)
	}
	t.Cleanup(func() { Close(t, p) })
	return p
}

// Close closes p, failing the test if that takes longer than a few seconds,
// which means a connection was never released.
func Close(t testing.TB, p interface{ Close(context.Context) error }) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
	defer cancel()
	if err := p.Close(ctx); err != nil {
		t.Errorf("closing the pool: %v", err)
	}
}

// Drivers are the database/sql drivers the tests run with: pgx's stdlib
// and lib/pq.
var Drivers = []string{"pgx", "postgres"}

// DB returns a tracked database/sql handle on the test database through
// the named driver ("pgx" or "postgres", which the importing test must
// register by importing github.com/jackc/pgx/v5/stdlib or
// github.com/lib/pq), closed when the test ends.
func DB(t testing.TB, driverName string, opts ...dbleakrt.Option) *dbleakrt.DB {
	t.Helper()
	d, err := dbleakrt.Open(driverName, DSN(t), opts...)
	if err != nil {
		t.Fatalf("dbleakrt.Open(%q): %v", driverName, err)
	}
	t.Cleanup(func() { Close(t, d) })
	return d
}

var unsafeChars = regexp.MustCompile(`[^a-z0-9]+`)

// Table creates a table with a name unique to this test run and the given
// column definitions, drops it when the test ends, and returns its name.
func Table(t testing.TB, p *dbleakrt.Pool, columns string) string {
	t.Helper()
	return table(t, columns, func(ctx context.Context, sql string) error {
		_, err := p.Pgx().Exec(ctx, sql)
		return err
	})
}

// SQLTable is Table for a database/sql handle.
func SQLTable(t testing.TB, d *dbleakrt.DB, columns string) string {
	t.Helper()
	return table(t, columns, func(ctx context.Context, sql string) error {
		_, err := d.SQL().ExecContext(ctx, sql)
		return err
	})
}

func table(t testing.TB, columns string, exec func(context.Context, string) error) string {
	t.Helper()
	name := unsafeChars.ReplaceAllString(strings.ToLower(t.Name()), "_")
	name = "rt_" + name[:min(len(name), 40)] + "_" + randomHex(t, 4)
	ctx := context.Background()
	if err := exec(ctx, fmt.Sprintf("CREATE TABLE %s (%s)", name, columns)); err != nil {
		t.Fatalf("create table %s: %v", name, err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, DSN(t))
		if err != nil {
			t.Errorf("drop table %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP TABLE IF EXISTS "+name); err != nil {
			t.Errorf("drop table %s: %v", name, err)
		}
	})
	return name
}

func randomHex(t testing.TB, n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// Restarter returns a function that restarts the test server with pg_ctl,
// as the server's owner. It skips the test, or fails it in CI, when the
// variables of `scripts/postgres.sh env` are missing.
func Restarter(t testing.TB) func() error {
	t.Helper()
	pgctl := os.Getenv(EnvPgCtl)
	if pgctl == "" && os.Getenv(EnvPgBin) != "" {
		pgctl = filepath.Join(os.Getenv(EnvPgBin), "pg_ctl")
	}
	dataDir, owner := os.Getenv(EnvDataDir), os.Getenv(EnvPgUser)
	if pgctl == "" || dataDir == "" || owner == "" {
		Unavailable(t, "restarting PostgreSQL needs "+EnvPgBin+", "+EnvDataDir+" and "+EnvPgUser+
			" from scripts/postgres.sh env")
	}
	logFile := os.Getenv(EnvPgLog)
	if logFile == "" {
		logFile = filepath.Join(dataDir, "pg_ctl.log")
	}
	args := []string{pgctl, "-D", dataDir, "-l", logFile, "-m", "fast", "-w", "-t", "60", "restart"}
	if me, err := user.Current(); err != nil || me.Username != owner {
		args = append([]string{"runuser", "-u", owner, "--"}, args...)
	}
	return func() error { return run(args) }
}

// run runs a command, returning its output in the error when it fails. The
// output goes to a buffer, and WaitDelay keeps a server that inherited the
// pipes from blocking the wait.
func run(args []string) error {
	var out bytes.Buffer
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w\n%s", strings.Join(args, " "), err, out.String())
	}
	return nil
}
