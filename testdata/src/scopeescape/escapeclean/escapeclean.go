// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package escapeclean uses the connection or transaction of a scoped
// helper's callback only while the callback runs: nothing is reported.
package escapeclean

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
	count int
	name  string
}

var lastN int

type holder struct {
	c *pgxpool.Conn
	n int
}

func inside(ctx context.Context, p *dbleakrt.Pool) (n int, err error) {
	err = p.WithConn(ctx, func(c *pgxpool.Conn) error {
		if _, err := c.Exec(ctx, "SELECT 1"); err != nil {
			return err
		}
		return c.QueryRow(ctx, "SELECT 1").Scan(&n)
	})
	return n, err
}

type repo struct{ table string }

func (r repo) save(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, "INSERT INTO "+r.table+" VALUES (1)")
	return err
}

// Passing the transaction to a function borrows it.
func borrow(ctx context.Context, p *dbleakrt.Pool, r repo) error {
	return p.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		return r.save(ctx, tx)
	})
}

func joinedWaitGroup(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		var wg sync.WaitGroup
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, _ = c.Exec(ctx, "SELECT 1")
			}()
		}
		wg.Wait()
		return nil
	})
}

func joinedChannel(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		done := make(chan error, 1)
		go func() {
			_, err := c.Exec(ctx, "SELECT 1")
			done <- err
		}()
		return <-done
	})
}

func joinedErrgroup(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		var g errgroup.Group
		g.Go(func() error {
			_, err := tx.Exec(ctx, "SELECT 1")
			return err
		})
		return g.Wait()
	})
}

func joinedWaitGroupGo(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		var wg sync.WaitGroup
		wg.Go(func() { _ = c.Ping(ctx) })
		wg.Wait()
		return nil
	})
}

// Local variables, composite values, slices and maps of the callback may
// hold the connection; other fields of a struct holding it may go
// anywhere.
func locals(ctx context.Context, s *server) error {
	return s.pool.WithConn(ctx, func(c *pgxpool.Conn) error {
		h := holder{c: c, n: 2}
		lastN = h.n
		s.count = h.n
		conns := []*pgxpool.Conn{c}
		byName := map[string]*pgxpool.Conn{"main": c}
		for _, x := range conns {
			if err := x.Ping(ctx); err != nil {
				return err
			}
		}
		var inner *pgxpool.Conn
		func() { inner = c }()
		s.name = "done"
		if err := inner.Ping(ctx); err != nil {
			return err
		}
		return byName["main"].Ping(ctx)
	})
}

func deferred(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		defer func() { _, _ = c.Exec(ctx, "RESET ALL") }()
		ping := func() error { return c.Ping(ctx) }
		return ping()
	})
}

// A callback the analyzer cannot see (made by a call) is not checked.
func makeCallback(ctx context.Context) func(*pgxpool.Conn) error {
	return func(c *pgxpool.Conn) error { return c.Ping(ctx) }
}

func opaque(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, makeCallback(ctx))
}
