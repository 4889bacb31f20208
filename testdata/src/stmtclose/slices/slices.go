// Package slices holds statements collected in a local slice: the slice
// is their container, released by a loop over it on the paths that
// reach the loop.
package slices

import (
	"context"
	"database/sql"
	"errors"
	"log"
)

// A later iteration's error return leaks the statements prepared by the
// earlier ones: they are in the slice, which nothing closes on that path.
func prepareAll(ctx context.Context, db *sql.DB, queries []string) ([]*sql.Stmt, error) {
	var stmts []*sql.Stmt
	for _, q := range queries {
		st, err := db.PrepareContext(ctx, q) // want `^statement st from db\.PrepareContext is not closed on the path that returns at slices\.go:20; it is held in a local slice or map there: release its elements on that path, or in a deferred loop over them$`
		if err != nil {
			return nil, err
		}
		stmts = append(stmts, st)
	}
	return stmts, nil
}

// Clean twin: the error return closes what was collected.
func prepareAllClean(ctx context.Context, db *sql.DB, queries []string) ([]*sql.Stmt, error) {
	var stmts []*sql.Stmt
	for _, q := range queries {
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			for _, s := range stmts {
				s.Close()
			}
			return nil, err
		}
		stmts = append(stmts, st)
	}
	return stmts, nil
}

// Clean twin: a deferred closure closes the slice's statements at every
// exit.
func runAll(ctx context.Context, db *sql.DB, queries []string) error {
	var stmts []*sql.Stmt
	defer func() {
		for _, s := range stmts {
			s.Close()
		}
	}()
	for _, q := range queries {
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		stmts = append(stmts, st)
	}
	for _, st := range stmts {
		if _, err := st.ExecContext(ctx); err != nil {
			return err
		}
	}
	return nil
}

var errEmpty = errors.New("no queries")

// The loop that closes the statements is reached on one path only: the
// check between the two loops returns with every statement open.
func execAll(ctx context.Context, db *sql.DB, queries []string) error {
	stmts := make([]*sql.Stmt, 0, len(queries))
	for _, q := range queries {
		st, err := db.PrepareContext(ctx, q) // want `^statement st from db\.PrepareContext is not closed on the path that returns at slices\.go:76 \(and 1 other exit\); it is held in a local slice or map there: release its elements on that path, or in a deferred loop over them$`
		if err != nil {
			return err
		}
		stmts = append(stmts, st)
	}
	if len(stmts) == 0 {
		return errEmpty
	}
	for _, st := range stmts {
		st.Close()
	}
	return nil
}

// Clean twin: every path reaches the loop that closes them.
func execAllClean(ctx context.Context, db *sql.DB, queries []string) error {
	stmts := make([]*sql.Stmt, 0, len(queries))
	var err error
	for _, q := range queries {
		var st *sql.Stmt
		st, err = db.PrepareContext(ctx, q)
		if err != nil {
			break
		}
		stmts = append(stmts, st)
	}
	for i := range stmts {
		stmts[i].Close()
	}
	return err
}

// Statements stored at an index of a slice made here.
func prepareIndexed(ctx context.Context, db *sql.DB, queries []string) error {
	stmts := make([]*sql.Stmt, len(queries))
	for i, q := range queries {
		st, err := db.PrepareContext(ctx, q) // want `^statement st from db\.PrepareContext is not closed on the path that returns at slices\.go:113; it is held in a local slice or map there: release its elements on that path, or in a deferred loop over them$`
		if err != nil {
			return err
		}
		stmts[i] = st
	}
	closeAll(stmts)
	return nil
}

// closeAll closes every statement of stmts.
func closeAll(stmts []*sql.Stmt) {
	for _, st := range stmts {
		if st != nil {
			st.Close()
		}
	}
}

// Clean twin: a helper closes the collected statements on the error
// path too.
func prepareIndexedClean(ctx context.Context, db *sql.DB, queries []string) error {
	stmts := make([]*sql.Stmt, len(queries))
	defer closeAll(stmts)
	for i, q := range queries {
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		stmts[i] = st
	}
	return nil
}

// A Registry keeps statements for its lifetime.
type Registry struct {
	stmts []*sql.Stmt
}

// The slice is handed to a struct that outlives the call, but only when
// every statement was prepared: a later iteration's error return leaks
// the earlier ones.
func (r *Registry) load(ctx context.Context, db *sql.DB, queries []string) error {
	var stmts []*sql.Stmt
	for _, q := range queries {
		st, err := db.PrepareContext(ctx, q) // want `^statement st from db\.PrepareContext is not closed on the path that returns at slices\.go:158; it is held in a local slice or map there: release its elements on that path, or in a deferred loop over them$`
		if err != nil {
			return err
		}
		stmts = append(stmts, st)
	}
	r.stmts = stmts
	return nil
}

// Clean twin: the error return closes what was collected, and the
// struct takes the rest.
func (r *Registry) loadClean(ctx context.Context, db *sql.DB, queries []string) error {
	var stmts []*sql.Stmt
	for _, q := range queries {
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			closeAll(stmts)
			return err
		}
		stmts = append(stmts, st)
	}
	r.stmts = stmts
	return nil
}

// Statements kept in a map by name: the error return of a later
// iteration leaves the earlier ones open.
func prepareByName(ctx context.Context, db *sql.DB, queries map[string]string) (map[string]*sql.Stmt, error) {
	byName := make(map[string]*sql.Stmt, len(queries))
	for name, q := range queries {
		st, err := db.PrepareContext(ctx, q) // want `^statement st from db\.PrepareContext is not closed on the path that returns at slices\.go:189; it is held in a local slice or map there: release its elements on that path, or in a deferred loop over them$`
		if err != nil {
			return nil, err
		}
		byName[name] = st
	}
	return byName, nil
}

// Clean twin: the error return closes the map's statements.
func prepareByNameClean(ctx context.Context, db *sql.DB, queries map[string]string) (map[string]*sql.Stmt, error) {
	byName := make(map[string]*sql.Stmt, len(queries))
	for name, q := range queries {
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			for _, s := range byName {
				s.Close()
			}
			return nil, err
		}
		byName[name] = st
	}
	return byName, nil
}

// Clean twin: a deferred closure closes the map's statements, after
// each was looked up and used.
func runByName(ctx context.Context, db *sql.DB, queries map[string]string, order []string) error {
	byName := map[string]*sql.Stmt{}
	defer func() {
		for _, s := range byName {
			s.Close()
		}
	}()
	for name, q := range queries {
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		byName[name] = st
	}
	for _, name := range order {
		if _, err := byName[name].ExecContext(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Logging the collection only reads it: the check after it still
// returns with every statement open.
func prepareLogged(ctx context.Context, db *sql.DB, queries []string, dryRun bool) error {
	var stmts []*sql.Stmt
	for _, q := range queries {
		st, err := db.PrepareContext(ctx, q) // want `^statement st from db\.PrepareContext is not closed on the path that returns at slices\.go:243 \(and 1 other exit\); it is held in a local slice or map there: release its elements on that path, or in a deferred loop over them$`
		if err != nil {
			return err
		}
		stmts = append(stmts, st)
	}
	log.Println("prepared", stmts)
	if dryRun {
		return errEmpty
	}
	for _, st := range stmts {
		st.Close()
	}
	return nil
}
