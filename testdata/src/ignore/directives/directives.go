// Package directives holds //dbleaklint: directives for the ignore
// analyzer alone: no check runs beside it, so a directive counts as
// used because the engine has a finding at its place, not because a
// check reported one. directives.go.golden is this file after the fix
// that deletes each unused directive.
package directives

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// A trailing directive with a reason on a real leak: not reported.
func trailingUsed(ctx context.Context, pool *pgxpool.Pool, ok bool) error {
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

// A directive with a reason above a real leak: not reported.
func aboveUsed(ctx context.Context, pool *pgxpool.Pool, ok bool) error {
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

// rowsInClosure leaks rows inside a closure, which the function's doc
// directive covers.
//
//dbleaklint:ignore the stream's consumer closes the rows
func rowsInClosure(ctx context.Context, pool *pgxpool.Pool, ok bool) func() error {
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

// A directive without a reason still counts as used, and is reported
// for its missing reason; there is no fix to offer, a reason must be
// written.
func noReason(ctx context.Context, pool *pgxpool.Pool, ok bool) error {
	/* want `^dbleaklint:ignore needs a reason: //dbleaklint:ignore <why this is not a leak>$` */ //dbleaklint:ignore
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

// A trailing directive on code that does not leak: the fix deletes the
// comment and the blanks before it.
func trailingUnused(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx) /* want `^unused dbleaklint:ignore: no finding here to silence$` */ //dbleaklint:ignore released by the defer
	if err != nil {
		return err
	}
	defer conn.Release()
	return conn.Ping(ctx)
}

// A directive on a line of its own over code that does not leak: the
// fix deletes the line. The expectation ends the directive's reason, so
// that nothing else is on its line: analysistest finds expectations
// inside other comments.
func aboveUnused(ctx context.Context, pool *pgxpool.Pool) error {
	//dbleaklint:ignore released by the defer // want `^unused dbleaklint:ignore: no finding here to silence$`
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	return conn.Ping(ctx)
}

// A directive on the leaking return rather than on the acquisition
// silences nothing: findings are reported where the resource is
// acquired.
func atTheExit(ctx context.Context, pool *pgxpool.Pool, ok bool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return nil /* want `^unused dbleaklint:ignore: no finding here to silence$` */ //dbleaklint:ignore the watchdog releases it
	}
	conn.Release()
	return nil
}

// An unused directive without a reason is reported as unused, the
// stronger complaint, and deleted by the fix.
func unusedNoReason(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx) /* want `^unused dbleaklint:ignore: no finding here to silence$` */ //dbleaklint:ignore
	if err != nil {
		return err
	}
	conn.Release()
	return nil
}

// docUnused does not leak, so its doc directive silences nothing; the
// fix deletes the directive's line.
//
//dbleaklint:ignore the caller releases it // want `^unused dbleaklint:ignore: no finding here to silence$`
func docUnused(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	return conn.Ping(ctx)
}

// The directive on the acquisition's line wins over the function's,
// which then silences nothing and is reported.
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

// An unknown directive is reported whether or not it is on a leak; it
// has no fix, since the intended directive is not known.
func unknown(ctx context.Context, pool *pgxpool.Pool) error {
	/* want `^unknown directive //dbleaklint:ignored; the only one is //dbleaklint:ignore <reason>$` */ //dbleaklint:ignored misspelled
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	return nil
}

// A directive on a leak that only strict mode reports is used: the
// ignore analyzer does not depend on the checks' modes.
func strictOnly(ctx context.Context, pool *pgxpool.Pool, use func(*pgxpool.Conn) error) error {
	conn, err := pool.Acquire(ctx) //dbleaklint:ignore use releases the connection
	if err != nil {
		return err
	}
	return use(conn)
}
