package dbleakrt

import (
	"context"
	"database/sql/driver"
	"io"
	"reflect"
)

// stmt wraps a driver.Stmt.
type stmt struct {
	si driver.Stmt
	c  *conn
}

// stmtOf is what the four stmt types share.
type stmtOf interface {
	driver.Stmt
	base() *stmt
}

func (s *stmt) base() *stmt { return s }

// checkingStmt, convertingStmt and checkingConvertingStmt are stmts whose
// driver.Stmt is a driver.NamedValueChecker, a driver.ColumnConverter, or
// both.
type (
	checkingStmt           struct{ *stmt }
	convertingStmt         struct{ *stmt }
	checkingConvertingStmt struct{ *stmt }
)

func (s checkingStmt) CheckNamedValue(nv *driver.NamedValue) error { return s.checkNamedValue(nv) }
func (s checkingConvertingStmt) CheckNamedValue(nv *driver.NamedValue) error {
	return s.checkNamedValue(nv)
}

func (s convertingStmt) ColumnConverter(idx int) driver.ValueConverter { return s.columnConverter(idx) }

func (s checkingConvertingStmt) ColumnConverter(idx int) driver.ValueConverter {
	return s.columnConverter(idx)
}

func (s *stmt) checkNamedValue(nv *driver.NamedValue) error {
	return s.si.(driver.NamedValueChecker).CheckNamedValue(nv)
}

func (s *stmt) columnConverter(idx int) driver.ValueConverter {
	//lint:ignore SA1019 passed through
	return s.si.(driver.ColumnConverter).ColumnConverter(idx)
}

func (t *sqlTracker) wrapStmt(si driver.Stmt, c *conn) stmtOf {
	s := &stmt{si: si, c: c}
	_, checks := si.(driver.NamedValueChecker)
	//lint:ignore SA1019 passed through
	_, converts := si.(driver.ColumnConverter)
	switch {
	case checks && converts:
		return checkingConvertingStmt{s}
	case checks:
		return checkingStmt{s}
	case converts:
		return convertingStmt{s}
	}
	return s
}

// Close implements driver.Stmt.
func (s *stmt) Close() error {
	s.c.t.remove(s)
	return s.si.Close()
}

// NumInput implements driver.Stmt.
func (s *stmt) NumInput() int { return s.si.NumInput() }

// Exec implements driver.Stmt.
func (s *stmt) Exec(args []driver.Value) (driver.Result, error) {
	//lint:ignore SA1019 passed through
	return s.si.Exec(args)
}

// Query implements driver.Stmt.
func (s *stmt) Query(args []driver.Value) (driver.Rows, error) {
	//lint:ignore SA1019 passed through
	ri, err := s.si.Query(args)
	if err != nil {
		return nil, err
	}
	return s.c.t.wrapRows(context.Background(), ri, s.c), nil
}

// ExecContext implements driver.StmtExecContext.
func (s *stmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	if e, ok := s.si.(driver.StmtExecContext); ok {
		return e.ExecContext(ctx, args)
	}
	values, err := namedToValues(args)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	//lint:ignore SA1019 the legacy method is the fallback
	return s.si.Exec(values)
}

// QueryContext implements driver.StmtQueryContext.
func (s *stmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	var ri driver.Rows
	var err error
	if q, ok := s.si.(driver.StmtQueryContext); ok {
		ri, err = q.QueryContext(ctx, args)
	} else {
		var values []driver.Value
		if values, err = namedToValues(args); err == nil {
			if err = ctx.Err(); err == nil {
				//lint:ignore SA1019 the legacy method is the fallback
				ri, err = s.si.Query(values)
			}
		}
	}
	if err != nil {
		return nil, err
	}
	return s.c.t.wrapRows(ctx, ri, s.c), nil
}

// rows wraps a driver.Rows. It implements every optional Rows interface,
// answering as database/sql does for a driver that lacks one.
type rows struct {
	ri driver.Rows
	t  *sqlTracker
}

func (t *sqlTracker) wrapRows(ctx context.Context, ri driver.Rows, c *conn) *rows {
	r := &rows{ri: ri, t: t}
	t.track(ctx, r, KindRows, c)
	return r
}

// Columns implements driver.Rows.
func (r *rows) Columns() []string { return r.ri.Columns() }

// Close implements driver.Rows.
func (r *rows) Close() error {
	r.t.remove(r)
	return r.ri.Close()
}

// Next implements driver.Rows.
func (r *rows) Next(dest []driver.Value) error { return r.ri.Next(dest) }

// HasNextResultSet implements driver.RowsNextResultSet.
func (r *rows) HasNextResultSet() bool {
	n, ok := r.ri.(driver.RowsNextResultSet)
	return ok && n.HasNextResultSet()
}

// NextResultSet implements driver.RowsNextResultSet.
func (r *rows) NextResultSet() error {
	if n, ok := r.ri.(driver.RowsNextResultSet); ok {
		return n.NextResultSet()
	}
	return io.EOF
}

// ColumnTypeScanType implements driver.RowsColumnTypeScanType.
func (r *rows) ColumnTypeScanType(i int) reflect.Type {
	if c, ok := r.ri.(driver.RowsColumnTypeScanType); ok {
		return c.ColumnTypeScanType(i)
	}
	return reflect.TypeFor[any]()
}

// ColumnTypeDatabaseTypeName implements driver.RowsColumnTypeDatabaseTypeName.
func (r *rows) ColumnTypeDatabaseTypeName(i int) string {
	if c, ok := r.ri.(driver.RowsColumnTypeDatabaseTypeName); ok {
		return c.ColumnTypeDatabaseTypeName(i)
	}
	return ""
}

// ColumnTypeLength implements driver.RowsColumnTypeLength.
func (r *rows) ColumnTypeLength(i int) (int64, bool) {
	if c, ok := r.ri.(driver.RowsColumnTypeLength); ok {
		return c.ColumnTypeLength(i)
	}
	return 0, false
}

// ColumnTypeNullable implements driver.RowsColumnTypeNullable.
func (r *rows) ColumnTypeNullable(i int) (nullable, ok bool) {
	if c, ok := r.ri.(driver.RowsColumnTypeNullable); ok {
		return c.ColumnTypeNullable(i)
	}
	return false, false
}

// ColumnTypePrecisionScale implements driver.RowsColumnTypePrecisionScale.
func (r *rows) ColumnTypePrecisionScale(i int) (precision, scale int64, ok bool) {
	if c, ok := r.ri.(driver.RowsColumnTypePrecisionScale); ok {
		return c.ColumnTypePrecisionScale(i)
	}
	return 0, 0, false
}
