// Package deferloopdrained holds the corpus's deferloop false alarm on
// rows drained in each iteration: the deferred Close piles up, but Next
// returning false has closed the rows (and freed the connection) before
// the next iteration. Here the rows are a wrapper type whose Next and
// Close delegate to *sql.Rows, as FerretDB's fsql.Rows does.
//
// Found in github.com/FerretDB/FerretDB@v1.24.2
// internal/backends/mysql/metadata/registry.go:832.
package deferloopdrained

import (
	"context"
	"database/sql"
)

// Rows wraps *sql.Rows (FerretDB's fsql.Rows also tracks it for its
// leak detector).
type Rows struct{ rows *sql.Rows }

func (r *Rows) Next() bool             { return r.rows.Next() }
func (r *Rows) Scan(dest ...any) error { return r.rows.Scan(dest...) }
func (r *Rows) Err() error             { return r.rows.Err() }
func (r *Rows) Close() error           { return r.rows.Close() }

type DB struct{ db *sql.DB }

func (db *DB) QueryContext(ctx context.Context, q string, args ...any) (*Rows, error) {
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return &Rows{rows: rows}, nil
}

// Clean: the wrapper's rows, drained in each iteration.
func columnsOf(ctx context.Context, db *DB, tables []string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, t := range tables {
		rows, err := db.QueryContext(ctx, "SELECT column_name FROM information_schema.columns WHERE table_name = ?", t)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				return nil, err
			}
			out[t] = append(out[t], c)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Clean: the same with *sql.Rows.
func columnsOfSQL(ctx context.Context, db *sql.DB, tables []string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, t := range tables {
		rows, err := db.QueryContext(ctx, "SELECT column_name FROM information_schema.columns WHERE table_name = ?", t)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				return nil, err
			}
			out[t] = append(out[t], c)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Leaking twin: only the first row is read, the rows stay open into the
// next iteration.
func firstColumnOf(ctx context.Context, db *sql.DB, tables []string) (map[string]string, error) {
	out := map[string]string{}
	for _, t := range tables {
		rows, err := db.QueryContext(ctx, "SELECT column_name FROM information_schema.columns WHERE table_name = ?", t)
		if err != nil {
			return nil, err
		}
		defer rows.Close() // want `rows\.Close is deferred inside a loop`
		if rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				return nil, err
			}
			out[t] = c
		}
	}
	return out, nil
}
