// Package silence holds real leaks silenced by //dbleaklint:ignore
// directives. Each silenced leak has a twin, the same code without the
// directive, that is reported: a directive that stopped silencing
// shows as an unexpected finding, and a twin that stopped leaking as a
// missing one. The test runs the checks and the ignore analyzer
// together, as the command does.
package silence

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// The twin of the connection leaks below.
func connLeak(ctx context.Context, pool *pgxpool.Pool, ok bool) error {
	conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released on the path that returns at silence\.go:22;`
	if err != nil {
		return err
	}
	if !ok {
		return nil
	}
	conn.Release()
	return nil
}

// A directive at the end of the acquiring line silences that line.
func trailing(ctx context.Context, pool *pgxpool.Pool, ok bool) error {
	conn, err := pool.Acquire(ctx) //dbleaklint:ignore the caller's watchdog releases it
	if err != nil {
		return err
	}
	if !ok {
		return nil
	}
	conn.Release()
	return nil
}

// A directive on a line of its own silences the next line.
func above(ctx context.Context, pool *pgxpool.Pool, ok bool) error {
	//dbleaklint:ignore the caller's watchdog releases it
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return nil
	}
	conn.Release()
	return nil
}

// The twin of the rows leak in a closure below.
func rowsLeakInClosure(ctx context.Context, pool *pgxpool.Pool, ok bool) func() error {
	return func() error {
		rows, err := pool.Query(ctx, "SELECT 1") // want `^rows from pool\.Query is not closed on the path that returns at silence\.go:63;`
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		rows.Close()
		return rows.Err()
	}
}

// inClosure leaks rows in a closure; the directive of its doc comment
// covers the whole function, closures included.
//
//dbleaklint:ignore the stream's consumer closes the rows
func inClosure(ctx context.Context, pool *pgxpool.Pool, ok bool) func() error {
	return func() error {
		rows, err := pool.Query(ctx, "SELECT 1")
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		rows.Close()
		return rows.Err()
	}
}

// A directive on the leaking return silences nothing: the finding is
// reported at the acquisition, and the directive is reported unused.
func atTheExit(ctx context.Context, pool *pgxpool.Pool, ok bool) error {
	conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released on the path that returns at silence\.go:96;`
	if err != nil {
		return err
	}
	if !ok {
		return nil /* want `^unused dbleaklint:ignore: no finding here to silence$` */ //dbleaklint:ignore the watchdog releases it
	}
	conn.Release()
	return nil
}

// A directive on the line wins over the function's: the leak is
// silenced, and the function's directive, which silences nothing else,
// is reported unused.
//
//dbleaklint:ignore the caller releases it // want `^unused dbleaklint:ignore: no finding here to silence$`
func lineWins(ctx context.Context, pool *pgxpool.Pool, ok bool) error {
	conn, err := pool.Acquire(ctx) //dbleaklint:ignore the caller's watchdog releases it
	if err != nil {
		return err
	}
	if !ok {
		return nil
	}
	conn.Release()
	return nil
}

// A directive without a reason still silences; it is reported for the
// missing reason.
func noReason(ctx context.Context, pool *pgxpool.Pool, ok bool) error {
	/* want `^dbleaklint:ignore needs a reason` */ //dbleaklint:ignore
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return nil
	}
	conn.Release()
	return nil
}

// An unknown directive silences nothing.
func unknown(ctx context.Context, pool *pgxpool.Pool, ok bool) error {
	/* want `^unknown directive //dbleaklint:ignored;` */ //dbleaklint:ignored the caller's watchdog releases it
	conn, err := pool.Acquire(ctx)                        // want `^connection conn from pool\.Acquire is not released on the path that returns at silence\.go:142;`
	if err != nil {
		return err
	}
	if !ok {
		return nil
	}
	conn.Release()
	return nil
}
