// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Stub of github.com/dbleaklint/dbleaklint/runtime for analysistest: the
// declarations the scopeescape and poolpolicy tests use, with the
// signatures of the real package (passes/scopeescape/stub_test.go checks
// them). The bodies use the raw pool as the real ones do, so that
// poolpolicy's rule that the runtime package may do so is tested.

// Package dbleakrt mirrors the scoped helpers of dbleaklint's runtime
// package.
package dbleakrt

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Pool is a tracked pgxpool.Pool.
type Pool struct {
	pool *pgxpool.Pool
}

// Wrap returns a tracked Pool for pool.
func Wrap(pool *pgxpool.Pool) (*Pool, error) { return &Pool{pool: pool}, nil }

// Pgx returns the underlying pool.
func (p *Pool) Pgx() *pgxpool.Pool { return p.pool }

// Close closes the pool, waiting for its connections until ctx is done.
func (p *Pool) Close(ctx context.Context) error {
	p.pool.Close()
	return ctx.Err()
}

// WithConn calls fn with a connection and releases it.
func (p *Pool) WithConn(ctx context.Context, fn func(*pgxpool.Conn) error) error {
	c, err := p.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	return fn(c)
}

// WithTx calls fn in a transaction, then commits or rolls back.
func (p *Pool) WithTx(ctx context.Context, opts pgx.TxOptions, fn func(pgx.Tx) error) error {
	tx, err := p.pool.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	return runTx(ctx, tx, fn)
}

// Savepoint calls fn in a savepoint of tx.
func Savepoint(ctx context.Context, tx pgx.Tx, fn func(pgx.Tx) error) error {
	sp, err := tx.Begin(ctx)
	if err != nil {
		return err
	}
	return runTx(ctx, sp, fn)
}

func runTx(ctx context.Context, tx pgx.Tx, fn func(pgx.Tx) error) error {
	if err := fn(tx); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}
