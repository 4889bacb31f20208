// Stub of github.com/jackc/pgconn v1.14.3 (pgx v4's) for analysistest:
// declarations only, checked against the real module by internal/testutil.

package pgconn

import "github.com/jackc/pgproto3/v2"

type CommandTag []byte

func (ct CommandTag) RowsAffected() int64 { return 0 }

func (ct CommandTag) String() string { return "" }

type StatementDescription struct {
	Name      string
	SQL       string
	ParamOIDs []uint32
	Fields    []pgproto3.FieldDescription
}

type PgConn struct{}

func (pgConn *PgConn) IsBusy() bool { return false }

func (pgConn *PgConn) TxStatus() byte { return 0 }
