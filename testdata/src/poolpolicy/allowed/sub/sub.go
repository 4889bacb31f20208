// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package sub is in the subtree that -poolpolicy.allow names.
package sub

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func count(ctx context.Context, p *pgxpool.Pool) (n int, err error) {
	err = p.QueryRow(ctx, "SELECT count(*) FROM t").Scan(&n)
	return n, err
}
