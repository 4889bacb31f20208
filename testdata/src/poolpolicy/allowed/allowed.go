// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package allowed is in -poolpolicy.allow: it may use the raw pool.
package allowed

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Acquire is the project's own scoped helper.
func Acquire(ctx context.Context, p *pgxpool.Pool, fn func(*pgxpool.Conn) error) error {
	c, err := p.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	return fn(c)
}
