// Stub of github.com/jackc/pgx/v5 v5.12.0 for analysistest: declarations only.

// Package pgtype is reduced to the one type the pgx stub signatures need (Rows.TypeMap, Conn.TypeMap).
package pgtype

import (
	"database/sql"
)

// Map is the mapping between PostgreSQL server types and Go type handling logic (opaque in the stub).
type Map struct{}

func (m *Map) Copy() *Map { return nil }

func NewMap() *Map { return nil }

func (m *Map) FormatCodeForOID(oid uint32) int16 { return 0 }

func (m *Map) Scan(oid uint32, formatCode int16, src []byte, dst any) error { return nil }

func (m *Map) SQLScanner(v any) sql.Scanner { return nil }
