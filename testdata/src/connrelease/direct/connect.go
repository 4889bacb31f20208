// Package direct holds connrelease cases for *pgx.Conn from pgx.Connect
// and pgx.ConnectConfig, which must be closed.
package direct

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// The failed ping returns without closing the new connection.
func dialReplica(ctx context.Context, dsn string) (*pgx.Conn, error) {
	conn, err := pgx.Connect(ctx, dsn) // want `^connection conn from pgx\.Connect is not closed on the path that returns at connect\.go:19; defer conn\.Close\(ctx\) after the error check$`
	if err != nil {
		return nil, err
	}
	if err := conn.Ping(ctx); err != nil {
		return nil, fmt.Errorf("ping replica: %w", err)
	}
	return conn, nil
}

// One connection per tenant database, none of them closed.
func countUsersPerTenant(ctx context.Context, cfgs []*pgx.ConnConfig) (int64, error) {
	var total int64
	for _, cfg := range cfgs {
		conn, err := pgx.ConnectConfig(ctx, cfg) // want `^connection conn from pgx\.ConnectConfig is not closed before the loop iterates again at connect\.go:36; release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			return 0, err
		}
		var n int64
		if err := conn.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n); err == nil {
			total += n
		}
	}
	return total, nil
}

// The connection is closed only on success; the implicit return after a
// failed update keeps it open.
func markMigrated(ctx context.Context, dsn string) {
	conn, err := pgx.Connect(ctx, dsn) // want `^connection conn from pgx\.Connect is not closed on the path that returns at connect\.go:50; defer conn\.Close\(ctx\) after the error check$`
	if err != nil {
		return
	}
	if _, err := conn.Exec(ctx, "UPDATE schema_info SET migrated = true"); err == nil {
		conn.Close(ctx)
	}
}

// The clean twin of dialReplica: closed on the failing ping, returned
// to the caller otherwise.
func dialReplicaClosed(ctx context.Context, dsn string) (*pgx.Conn, error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := conn.Ping(ctx); err != nil {
		conn.Close(ctx)
		return nil, fmt.Errorf("ping replica: %w", err)
	}
	return conn, nil
}

// The clean twin of countUsersPerTenant: closed at the end of each
// iteration.
func countUsersPerTenantClosed(ctx context.Context, cfgs []*pgx.ConnConfig) (int64, error) {
	var total int64
	for _, cfg := range cfgs {
		conn, err := pgx.ConnectConfig(ctx, cfg)
		if err != nil {
			return 0, err
		}
		var n int64
		err = conn.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n)
		conn.Close(ctx)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// The clean twin of markMigrated: closed by a defer.
func markMigratedDeferred(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "UPDATE schema_info SET migrated = true")
	return err
}
