// Package deferloopcommit holds the corpus's deferloop false alarm: a
// transaction begun in each iteration, its Rollback deferred, and every
// path to the next iteration committing it. Nothing is held across
// iterations; the deferred Rollbacks pile up as no-ops.
//
// Found in github.com/jackc/tern/v2@v2.3.4 migrate/migrate.go:441.
package deferloopcommit

import (
	"context"

	"github.com/jackc/pgx/v5"
)

type migration struct {
	sql   string
	useTx bool
}

// Clean: tern's MigrateTo, a transaction per migration when it wants
// one, committed before the next.
func migrate(ctx context.Context, conn *pgx.Conn, ms []migration) error {
	for _, m := range ms {
		var tx pgx.Tx
		var err error
		if m.useTx {
			tx, err = conn.Begin(ctx)
			if err != nil {
				return err
			}
			defer tx.Rollback(ctx)
		}
		if _, err := conn.Exec(ctx, m.sql); err != nil {
			return err
		}
		if m.useTx {
			if err := tx.Commit(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// Leaking twin: a migration that continues without committing carries
// its transaction into the next iteration.
func migrateSkipping(ctx context.Context, conn *pgx.Conn, ms []migration) error {
	for _, m := range ms {
		tx, err := conn.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx) // want `tx\.Rollback is deferred inside a loop`
		if m.sql == "" {
			continue
		}
		if _, err := tx.Exec(ctx, m.sql); err != nil {
			return err
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}
