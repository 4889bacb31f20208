package txend

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5/pgxpool"
)

// The explicit Rollback that the deferred one makes redundant is
// removed only where it is provably the same call at the same point of
// the path; elsewhere it is kept, and the fix's message says why
// (redundant.go.golden). Commit is never redundant: a deferred Rollback
// does not commit.

// Removed: Rollback on an error path, right before its return. The
// Commit whose error is checked is not a release the fix touches.
func move(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	// fix: `^Defer tx\.Rollback\(ctx\) after the error check; remove the redundant tx\.Rollback\(ctx\) at line 29$`
	tx, err := pool.Begin(ctx) // want `transaction tx from pool\.Begin is not committed or rolled back on the path that returns`
	if err != nil {
		return err
	}
	if id < 0 {
		return errInsufficient
	}
	if _, err := tx.Exec(ctx, "UPDATE items SET moved = true WHERE id = $1", id); err != nil {
		tx.Rollback(ctx)
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	return nil
}

// Kept: the context is reassigned after the deferred call reads it, and
// another Rollback gets a context of its own.
func detach(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	// fix: `^Defer tx\.Rollback\(ctx\) after the error check; keep tx\.Rollback\(ctx\) at line 51: its arguments may differ from the deferred call's; keep tx\.Rollback\(context\.Background\(\)\) at line 55: its arguments may differ from the deferred call's$`
	tx, err := pool.Begin(ctx) // want `transaction tx from pool\.Begin is not committed or rolled back on the path that returns`
	if err != nil {
		return err
	}
	if id < 0 {
		return errInsufficient
	}
	ctx = context.WithoutCancel(ctx)
	if _, err := tx.Exec(ctx, "UPDATE items SET detached = true WHERE id = $1", id); err != nil {
		tx.Rollback(ctx)
		return err
	}
	if _, err := tx.Exec(ctx, "DELETE FROM queue WHERE id = $1", id); err != nil {
		tx.Rollback(context.Background())
		return err
	}
	return tx.Commit(ctx)
}

// Kept: the result of Rollback is used.
func undo(ctx context.Context, pool *pgxpool.Pool, id int64, dryRun bool) error {
	// fix: `^Defer tx\.Rollback\(ctx\) after the error check; keep tx\.Rollback\(ctx\) at line 72: its result is used; keep tx\.Rollback\(ctx\) at line 78: its result is used$`
	tx, err := pool.Begin(ctx) // want `transaction tx from pool\.Begin is not committed or rolled back on the path that returns`
	if err != nil {
		return err
	}
	if id < 0 {
		return errInsufficient
	}
	if _, err := tx.Exec(ctx, "DELETE FROM items WHERE id = $1", id); err != nil {
		if rerr := tx.Rollback(ctx); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	if dryRun {
		return tx.Rollback(ctx)
	}
	return tx.Commit(ctx)
}

// database/sql, in a switch: removed in the case that returns right
// after it.
func archive(db *sql.DB, kind string) error {
	// fix: `^Defer tx\.Rollback\(\) after the error check; remove the redundant tx\.Rollback\(\) at line 96$`
	tx, err := db.Begin() // want `transaction tx from db\.Begin is not committed or rolled back on the path that returns`
	if err != nil {
		return err
	}
	switch kind {
	case "":
		return errInsufficient
	case "all":
		if _, err := tx.Exec("UPDATE items SET archived = true"); err != nil {
			tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

func traced(ctx context.Context) (context.Context, int) { return ctx, 0 }

// Kept: the context is redeclared (:= reuses ctx) after the deferred
// call reads it.
func redeclared(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	// fix: `^Defer tx\.Rollback\(ctx\) after the error check; keep tx\.Rollback\(ctx\) at line 118: its arguments may differ from the deferred call's$`
	tx, err := pool.Begin(ctx) // want `transaction tx from pool\.Begin is not committed or rolled back on the path that returns`
	if err != nil {
		return err
	}
	if id < 0 {
		return errInsufficient
	}
	ctx, span := traced(ctx)
	if _, err := tx.Exec(ctx, "UPDATE items SET traced = $1 WHERE id = $2", span, id); err != nil {
		tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}
