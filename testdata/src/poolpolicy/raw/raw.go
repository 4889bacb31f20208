// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package raw uses the raw pgxpool API outside the allowed packages: with
// -poolpolicy.enforce, each acquisition is reported.
package raw

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func acquire(ctx context.Context, p *pgxpool.Pool) error {
	c, err := p.Acquire(ctx) // want `raw \(\*pgxpool.Pool\).Acquire outside the allowed packages; use \(\*dbleakrt.Pool\).WithConn so the connection is always released`
	if err != nil {
		return err
	}
	defer c.Release()
	_, err = c.Exec(ctx, "SELECT 1")
	return err
}

func begin(ctx context.Context, p *pgxpool.Pool) error {
	tx, err := p.Begin(ctx) // want `raw \(\*pgxpool.Pool\).Begin outside the allowed packages; use \(\*dbleakrt.Pool\).WithTx so the transaction is always committed or rolled back`
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	tx2, err := p.BeginTx(ctx, pgx.TxOptions{}) // want `raw \(\*pgxpool.Pool\).BeginTx outside the allowed packages; use \(\*dbleakrt.Pool\).WithTx`
	if err != nil {
		return err
	}
	defer tx2.Rollback(ctx)
	return tx.Commit(ctx)
}

func query(ctx context.Context, p *pgxpool.Pool) (int, error) {
	rows, err := p.Query(ctx, "SELECT 1") // want `raw \(\*pgxpool.Pool\).Query outside the allowed packages; use \(\*dbleakrt.Pool\).WithConn and query on its connection`
	if err != nil {
		return 0, err
	}
	rows.Close()
	var n int
	err = p.QueryRow(ctx, "SELECT 1").Scan(&n) // want `raw \(\*pgxpool.Pool\).QueryRow outside the allowed packages`
	return n, err
}

func batch(ctx context.Context, p *pgxpool.Pool) error {
	br := p.SendBatch(ctx, &pgx.Batch{}) // want `raw \(\*pgxpool.Pool\).SendBatch outside the allowed packages; use \(\*dbleakrt.Pool\).WithConn or WithTx`
	return br.Close()
}

// A method value hands the raw acquisition on: reported too.
func methodValue(p *pgxpool.Pool) func(context.Context) (*pgxpool.Conn, error) {
	return p.Acquire // want `raw \(\*pgxpool.Pool\).Acquire`
}

// db embeds the pool: its promoted methods are the pool's.
type db struct {
	*pgxpool.Pool
}

func embedded(ctx context.Context, d db) error {
	tx, err := d.Begin(ctx) // want `raw \(\*pgxpool.Pool\).Begin`
	if err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// The methods that cannot leave a connection checked out are not
// reported: Exec, CopyFrom and Ping end their acquisition themselves,
// AcquireFunc is scoped, AcquireAllIdle serves health checks.
func clean(ctx context.Context, p *pgxpool.Pool) error {
	if _, err := p.Exec(ctx, "SELECT 1"); err != nil {
		return err
	}
	if err := p.Ping(ctx); err != nil {
		return err
	}
	if _, err := p.CopyFrom(ctx, pgx.Identifier{"t"}, []string{"a"}, pgx.CopyFromRows(nil)); err != nil {
		return err
	}
	for _, c := range p.AcquireAllIdle(ctx) {
		c.Release()
	}
	return p.AcquireFunc(ctx, func(c *pgxpool.Conn) error {
		_, err := c.Exec(ctx, "SELECT 1")
		return err
	})
}

// The connection's own methods are not the pool's.
func onConn(ctx context.Context, c *pgxpool.Conn) error {
	tx, err := c.Begin(ctx)
	if err != nil {
		return err
	}
	return tx.Commit(ctx)
}
