// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package enforceoff uses the raw pgxpool API: without
// -poolpolicy.enforce, nothing is reported.
package enforceoff

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func acquire(ctx context.Context, p *pgxpool.Pool) error {
	c, err := p.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	tx, err := p.Begin(ctx)
	if err != nil {
		return err
	}
	return tx.Commit(ctx)
}
