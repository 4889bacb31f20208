// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
)

// resetSchema creates schema afresh.
func resetSchema(ctx context.Context, admin *pgx.Conn, schema string) error {
	id := pgx.Identifier{schema}.Sanitize()
	if _, err := admin.Exec(ctx, "SET statement_timeout = '10s'"); err != nil {
		return err
	}
	if _, err := admin.Exec(ctx, "DROP SCHEMA IF EXISTS "+id+" CASCADE"); err != nil {
		return fmt.Errorf("drop schema %s: %w", schema, err)
	}
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+id); err != nil {
		return fmt.Errorf("create schema %s: %w", schema, err)
	}
	return nil
}

// dropSchema drops schema, best effort: the next run drops it anyway.
func dropSchema(ctx context.Context, admin *pgx.Conn, schema string) {
	_, _ = admin.Exec(ctx, "DROP SCHEMA IF EXISTS "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
}

// seed creates users user1@example.com ... with one account each, holding
// 10,000.00: user i owns account i.
func seed(ctx context.Context, admin *pgx.Conn, schema string, users int) error {
	id := pgx.Identifier{schema}.Sanitize()
	_, err := admin.Exec(ctx, `INSERT INTO `+id+`.users (email, name)
		SELECT 'user' || g || '@example.com', 'User ' || g FROM generate_series(1, $1::int) g`, users)
	if err != nil {
		return fmt.Errorf("seed users: %w", err)
	}
	_, err = admin.Exec(ctx, `INSERT INTO `+id+`.accounts (user_id, balance_cents)
		SELECT id, 1000000 FROM `+id+`.users ORDER BY id`)
	if err != nil {
		return fmt.Errorf("seed accounts: %w", err)
	}
	return nil
}

// terminate ends the database sessions of the leaked connections.
func terminate(ctx context.Context, admin *pgx.Conn, held []dbleakrt.Leak) {
	pids := make([]int64, 0, len(held))
	for _, l := range held {
		pids = append(pids, int64(l.PID))
	}
	if len(pids) > 0 {
		_, _ = admin.Exec(ctx, "SELECT pg_terminate_backend(pid::int) FROM unnest($1::bigint[]) pid", pids)
	}
}

// sortSites orders sites by count, most first, then by location.
func sortSites(sites []Site) {
	slices.SortFunc(sites, func(a, b Site) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Location, b.Location)
	})
}
