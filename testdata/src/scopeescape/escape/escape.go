// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package escape lets the connection or transaction of a scoped helper's
// callback outlive the callback, in every way scopeescape reports.
package escape

import (
	"context"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/sync/errgroup"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
)

type server struct {
	pool  *dbleakrt.Pool
	conn  *pgxpool.Conn
	txs   []pgx.Tx
	byID  map[int]*pgxpool.Conn
	cache sync.Map
}

var (
	lastConn   *pgxpool.Conn
	lastTx     pgx.Tx
	lastHolder *holder
	conns      []*pgxpool.Conn
)

type holder struct {
	c *pgxpool.Conn
	n int
}

func (s *server) field(ctx context.Context) error {
	return s.pool.WithConn(ctx, func(c *pgxpool.Conn) error {
		s.conn = c // want `^connection c escapes the \(\*dbleakrt.Pool\).WithConn callback: stored in field conn of s, declared outside the callback; the connection is released when the callback returns$`
		return nil
	})
}

func global(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		lastConn = c // want `connection c escapes the \(\*dbleakrt.Pool\).WithConn callback: assigned to global lastConn;`
		return nil
	})
}

func globalSlice(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		conns = append(conns, c) // want `connection c escapes .*: assigned to global conns;`
		return nil
	})
}

// The connection is returned through a variable of the enclosing function:
// reported where it is assigned.
func outerVar(ctx context.Context, p *dbleakrt.Pool) (*pgxpool.Conn, error) {
	var saved *pgxpool.Conn
	err := p.WithConn(ctx, func(c *pgxpool.Conn) error {
		saved = c // want `connection c escapes .*: assigned to saved, declared outside the callback;`
		return nil
	})
	return saved, err
}

func sliceField(ctx context.Context, s *server) error {
	return s.pool.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		s.txs = append(s.txs, tx) // want `^transaction tx escapes the \(\*dbleakrt.Pool\).WithTx callback: stored in field txs of s, declared outside the callback; the transaction is committed or rolled back when the callback returns$`
		return nil
	})
}

func mapField(ctx context.Context, s *server, id int) error {
	return s.pool.WithConn(ctx, func(c *pgxpool.Conn) error {
		s.byID[id] = c // want `connection c escapes .*: stored in a map in field byID of s, declared outside the callback;`
		return nil
	})
}

func syncMap(ctx context.Context, s *server, id int) error {
	return s.pool.WithConn(ctx, func(c *pgxpool.Conn) error {
		s.cache.Store(id, c) // want `connection c escapes .*: stored in a map in field cache of s`
		return nil
	})
}

func element(ctx context.Context, p *dbleakrt.Pool, out []*pgxpool.Conn) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		out[0] = c // want `connection c escapes .*: stored in an element of out, declared outside the callback;`
		return nil
	})
}

func send(ctx context.Context, p *dbleakrt.Pool, ch chan<- *pgxpool.Conn) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		ch <- c // want `connection c escapes .*: sent on a channel;`
		return nil
	})
}

func selectSend(ctx context.Context, p *dbleakrt.Pool, ch chan<- pgx.Tx) error {
	return p.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		select {
		case ch <- tx: // want `transaction tx escapes .*: sent on a channel;`
		case <-ctx.Done():
		}
		return nil
	})
}

func goClosure(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		go func() { // want `connection c escapes .*: captured by a goroutine that is not joined before the callback returns;`
			_, _ = c.Exec(ctx, "SELECT pg_sleep(1)")
		}()
		return nil
	})
}

func use(ctx context.Context, c *pgxpool.Conn) { _, _ = c.Exec(ctx, "SELECT 1") }

func goArg(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		go use(ctx, c) // want `connection c escapes .*: captured by a goroutine`
		return nil
	})
}

func goMethod(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		go tx.Exec(ctx, "SELECT 1") // want `transaction tx escapes .*: captured by a goroutine`
		return nil
	})
}

// The early return skips the Wait.
func earlyReturn(ctx context.Context, p *dbleakrt.Pool, skip bool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { // want `captured by a goroutine that is not joined`
			defer wg.Done()
			use(ctx, c)
		}()
		if skip {
			return nil
		}
		wg.Wait()
		return nil
	})
}

func errgroupNoWait(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		var g errgroup.Group
		g.Go(func() error { // want `captured by a goroutine that is not joined`
			_, err := c.Exec(ctx, "SELECT 1")
			return err
		})
		return nil
	})
}

func waitGroupGoNoWait(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		var wg sync.WaitGroup
		wg.Go(func() { use(ctx, c) }) // want `captured by a goroutine that is not joined`
		return nil
	})
}

// connErr carries the connection out as an error.
type connErr struct{ c *pgxpool.Conn }

func (connErr) Error() string { return "conn" }

func returned(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		return connErr{c} // want `connection c escapes .*: returned by the callback;`
	})
}

// A local struct holding the connection is stored in a global.
func holderEscapes(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		h := &holder{c: c, n: 1}
		lastHolder = h // want `connection c escapes .*: assigned to global lastHolder;`
		return nil
	})
}

// A named function as the callback.
func keepTx(tx pgx.Tx) error {
	lastTx = tx // want `transaction tx escapes the \(\*dbleakrt.Pool\).WithTx callback: assigned to global lastTx;`
	return nil
}

func named(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithTx(ctx, pgx.TxOptions{}, keepTx)
}

// A method value as the callback.
func (s *server) keep(c *pgxpool.Conn) error {
	s.conn = c // want `connection c escapes .*: stored in field conn;`
	return nil
}

func methodValue(ctx context.Context, s *server) error {
	return s.pool.WithConn(ctx, s.keep)
}

func savepoint(ctx context.Context, tx pgx.Tx) error {
	return dbleakrt.Savepoint(ctx, tx, func(sp pgx.Tx) error {
		lastTx = sp // want `transaction sp escapes the dbleakrt.Savepoint callback: assigned to global lastTx; the transaction is released or rolled back when the callback returns`
		return nil
	})
}

func acquireFunc(ctx context.Context, p *pgxpool.Pool) error {
	return p.AcquireFunc(ctx, func(c *pgxpool.Conn) error {
		lastConn = c // want `connection c escapes the \(\*pgxpool.Pool\).AcquireFunc callback: assigned to global lastConn;`
		return nil
	})
}

func beginFunc(ctx context.Context, p *pgxpool.Pool) error {
	return pgx.BeginFunc(ctx, p, func(tx pgx.Tx) error {
		lastTx = tx // want `transaction tx escapes the pgx.BeginFunc callback: assigned to global lastTx;`
		return nil
	})
}

// A closure nested in the callback stores the connection outside.
func nested(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		keep := func() { lastConn = c } // want `connection c escapes .*: assigned to global lastConn;`
		keep()
		return nil
	})
}
