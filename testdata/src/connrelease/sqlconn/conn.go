// Package sqlconn holds connrelease cases for *sql.Conn from
// (*sql.DB).Conn, which must be closed to go back to the pool.
package sqlconn

import (
	"context"
	"database/sql"
	"log"
	"testing"
)

type Account struct {
	ID     int64
	UserID int64
	Frozen bool
}

// Setting the session variable fails and the function returns holding
// the connection.
func withAuditUser(ctx context.Context, db *sql.DB, userID int64, stmt string) error {
	conn, err := db.Conn(ctx) // want `^connection conn from db\.Conn is not closed on the path that returns at conn\.go:26; defer conn\.Close\(\) after the error check$`
	if err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "SELECT set_config('app.user_id', $1, false)", userID); err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.ExecContext(ctx, stmt)
	return err
}

// Frozen accounts are skipped without closing the connection.
func recomputeBalances(ctx context.Context, db *sql.DB, accounts []Account) error {
	for _, a := range accounts {
		conn, err := db.Conn(ctx) // want `^connection conn from db\.Conn is not closed when the loop continues at conn\.go:42; release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			return err
		}
		if a.Frozen {
			log.Printf("account %d is frozen", a.ID)
			continue
		}
		_, err = conn.ExecContext(ctx, "SELECT recompute_balance($1)", a.ID)
		conn.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// The clean twin of withAuditUser: the close is deferred first.
func withAuditUserDeferred(ctx context.Context, db *sql.DB, userID int64, stmt string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT set_config('app.user_id', $1, false)", userID); err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, stmt)
	return err
}

// The clean twin of recomputeBalances: closed before continue.
func recomputeBalancesClosed(ctx context.Context, db *sql.DB, accounts []Account) error {
	for _, a := range accounts {
		conn, err := db.Conn(ctx)
		if err != nil {
			return err
		}
		if a.Frozen {
			conn.Close()
			continue
		}
		_, err = conn.ExecContext(ctx, "SELECT recompute_balance($1)", a.ID)
		conn.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// Pinging through a dedicated connection, closed by a defer.
func pingPool(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.PingContext(ctx)
}

// t.Fatalf on the failing path: the test stops, nothing leaks.
func mustConn(t *testing.T, ctx context.Context, db *sql.DB) *sql.Conn {
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatalf("conn: %v", err)
	}
	if err := conn.PingContext(ctx); err != nil {
		conn.Close()
		t.Fatalf("ping: %v", err)
	}
	return conn
}
