package dbleakrt

import (
	"context"
	"database/sql/driver"
	"errors"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "github.com/lib/pq"              // registers "postgres"
)

// TestWrappersPassThroughOptionalInterfaces checks, on the connections,
// statements and rows of the real drivers, that the wrappers have exactly
// the argument-checking interfaces of what they wrap, and pass through the
// column types.
func TestWrappersPassThroughOptionalInterfaces(t *testing.T) {
	dsn := os.Getenv("DBLEAKLINT_TEST_DATABASE") // testdb imports this package
	if dsn == "" && os.Getenv("CI") != "" {
		t.Fatal("DBLEAKLINT_TEST_DATABASE is not set (an error because CI is set)")
	} else if dsn == "" {
		t.Skip("DBLEAKLINT_TEST_DATABASE is not set")
	}
	for _, name := range []string{"pgx", "postgres"} {
		t.Run(name, func(t *testing.T) {
			d, err := Open(name, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close(context.Background())
			ctx := context.Background()
			c, err := d.SQL().Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			err = c.Raw(func(dc any) error {
				w := dc.(connOf).base()
				if same(dc, w.ci, isChecker) != nil {
					return same(dc, w.ci, isChecker)
				}
				s, err := w.PrepareContext(ctx, "SELECT 1::int4 AS n")
				if err != nil {
					return err
				}
				defer s.Close()
				if err := same(s, s.(stmtOf).base().si, isChecker); err != nil {
					return err
				}
				if err := same(s, s.(stmtOf).base().si, isConverter); err != nil {
					return err
				}
				r, err := w.QueryContext(ctx, "SELECT 1::int4 AS n", nil)
				if err != nil {
					return err
				}
				defer r.Close()
				wr := r.(*rows)
				want, ok := wr.ri.(driver.RowsColumnTypeDatabaseTypeName)
				if got := wr.ColumnTypeDatabaseTypeName(0); !ok || got != want.ColumnTypeDatabaseTypeName(0) || got == "" {
					return errors.New("the column's database type is not passed through: " + got)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

func isChecker(v any) bool { _, ok := v.(driver.NamedValueChecker); return ok }

//lint:ignore SA1019 passed through
func isConverter(v any) bool { _, ok := v.(driver.ColumnConverter); return ok }

// same returns an error unless has gives the same answer for the wrapper w
// and the wrapped value v.
func same(w, v any, has func(any) bool) error {
	if has(w) != has(v) {
		return errors.New("the wrapper's optional interfaces differ from the wrapped value's")
	}
	return nil
}

// bareConn is a driver.Conn with none of the optional interfaces.
type bareConn struct{ driver.Conn }

// TestWrapperFallsBackAsDatabaseSQLDoes checks what the wrapper of a
// connection without any optional interface does: what database/sql does
// when they are missing.
func TestWrapperFallsBackAsDatabaseSQLDoes(t *testing.T) {
	b := newBook(&Config{}, sqlInternal...)
	w := (&sqlTracker{book: b}).wrapConn(bareConn{})
	if isChecker(w) {
		t.Error("the wrapper of a connection without NamedValueChecker has one")
	}
	c := w.base()
	ctx := context.Background()
	if _, err := c.QueryContext(ctx, "SELECT 1", nil); err != driver.ErrSkip {
		t.Errorf("QueryContext = %v, want driver.ErrSkip", err)
	}
	if _, err := c.ExecContext(ctx, "SELECT 1", nil); err != driver.ErrSkip {
		t.Errorf("ExecContext = %v, want driver.ErrSkip", err)
	}
	if err := c.Ping(ctx); err != nil {
		t.Errorf("Ping = %v, want nil", err)
	}
	if err := c.ResetSession(ctx); err != nil || len(b.records(c.t, nil)) != 1 {
		t.Errorf("ResetSession = %v, or no checkout recorded", err)
	}
	if !c.IsValid() || len(b.records(c.t, nil)) != 0 {
		t.Error("IsValid is false, or the checkin was not recorded")
	}
	if _, err := c.BeginTx(ctx, driver.TxOptions{ReadOnly: true}); err == nil {
		t.Error("a read-only BeginTx on a driver without ConnBeginTx succeeded")
	}
	if _, err := namedToValues([]driver.NamedValue{{Name: "x"}}); err == nil {
		t.Error("a named argument was accepted for a legacy method")
	}
}

func TestPkgPrefix(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{nil, "\x00"},
		{&conn{}, selfPrefix},
		{dsnConnector{}, selfPrefix},
		{42, "\x00"},
	} {
		if got := pkgPrefix(tc.v); got != tc.want {
			t.Errorf("pkgPrefix(%T) = %q, want %q", tc.v, got, tc.want)
		}
	}
}
