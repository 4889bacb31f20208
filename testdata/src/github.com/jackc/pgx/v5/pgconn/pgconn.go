// Stub of github.com/jackc/pgx/v5 v5.12.0 for analysistest: declarations only.

package pgconn

import (
	"context"
	"io"
)

// Notice represents a notice response message reported by the PostgreSQL server.
type Notice PgError

// Notification is a message received from the PostgreSQL LISTEN/NOTIFY system.
type Notification struct {
	PID     uint32
	Channel string
	Payload string
}

type LookupFunc func(ctx context.Context, host string) (addrs []string, err error)

type PgErrorHandler func(*PgConn, *PgError) bool

type NoticeHandler func(*PgConn, *Notice)

type NotificationHandler func(*PgConn, *Notification)

// PgConn is a low-level PostgreSQL connection handle (opaque in the stub).
type PgConn struct{}

func Connect(ctx context.Context, connString string) (*PgConn, error) { return nil, nil }

func ConnectWithOptions(ctx context.Context, connString string, parseConfigOptions ParseConfigOptions) (*PgConn, error) {
	return nil, nil
}

func ConnectConfig(ctx context.Context, config *Config) (*PgConn, error) { return nil, nil }

func (pgConn *PgConn) PID() uint32 { return 0 }

func (pgConn *PgConn) TxStatus() byte { return 0 }

func (pgConn *PgConn) SecretKey() []byte { return nil }

func (pgConn *PgConn) Close(ctx context.Context) error { return nil }

func (pgConn *PgConn) CleanupDone() chan (struct{}) { return nil }

func (pgConn *PgConn) IsClosed() bool { return false }

func (pgConn *PgConn) IsBusy() bool { return false }

func (pgConn *PgConn) ParameterStatus(key string) string { return "" }

// CommandTag is the status text returned by PostgreSQL for a query.
type CommandTag struct{}

func NewCommandTag(s string) CommandTag { return CommandTag{} }

func (ct CommandTag) RowsAffected() int64 { return 0 }

func (ct CommandTag) String() string { return "" }

func (ct CommandTag) Insert() bool { return false }

func (ct CommandTag) Update() bool { return false }

func (ct CommandTag) Delete() bool { return false }

func (ct CommandTag) Select() bool { return false }

type FieldDescription struct {
	Name                 string
	TableOID             uint32
	TableAttributeNumber uint16
	DataTypeOID          uint32
	DataTypeSize         int16
	TypeModifier         int32
	Format               int16
}

type StatementDescription struct {
	Name      string
	SQL       string
	ParamOIDs []uint32
	Fields    []FieldDescription
}

func (pgConn *PgConn) Prepare(ctx context.Context, name, sql string, paramOIDs []uint32) (*StatementDescription, error) {
	return nil, nil
}

func (pgConn *PgConn) Deallocate(ctx context.Context, name string) error { return nil }

func (pgConn *PgConn) CancelRequest(ctx context.Context) error { return nil }

func (pgConn *PgConn) WaitForNotification(ctx context.Context) error { return nil }

func (pgConn *PgConn) Exec(ctx context.Context, sql string) *MultiResultReader { return nil }

func (pgConn *PgConn) ExecParams(ctx context.Context, sql string, paramValues [][]byte, paramOIDs []uint32, paramFormats, resultFormats []int16) *ResultReader {
	return nil
}

func (pgConn *PgConn) ExecPrepared(ctx context.Context, stmtName string, paramValues [][]byte, paramFormats, resultFormats []int16) *ResultReader {
	return nil
}

func (pgConn *PgConn) ExecStatement(ctx context.Context, statementDescription *StatementDescription, paramValues [][]byte, paramFormats, resultFormats []int16) *ResultReader {
	return nil
}

func (pgConn *PgConn) CopyTo(ctx context.Context, w io.Writer, sql string) (CommandTag, error) {
	return CommandTag{}, nil
}

func (pgConn *PgConn) CopyFrom(ctx context.Context, r io.Reader, sql string) (CommandTag, error) {
	return CommandTag{}, nil
}

// MultiResultReader is a reader for a command that could return multiple results (opaque in the stub).
type MultiResultReader struct{}

func (mrr *MultiResultReader) ReadAll() ([]*Result, error) { return nil, nil }

func (mrr *MultiResultReader) NextResult() bool { return false }

func (mrr *MultiResultReader) ResultReader() *ResultReader { return nil }

func (mrr *MultiResultReader) Close() error { return nil }

// ResultReader is a reader for the result of a single query (opaque in the stub).
type ResultReader struct{}

// Result is the saved query response that is returned by calling Read on a ResultReader.
type Result struct {
	FieldDescriptions []FieldDescription
	Rows              [][][]byte
	CommandTag        CommandTag
	Err               error
}

func (rr *ResultReader) Read() *Result { return nil }

func (rr *ResultReader) NextRow() bool { return false }

func (rr *ResultReader) FieldDescriptions() []FieldDescription { return nil }

func (rr *ResultReader) Values() [][]byte { return nil }

func (rr *ResultReader) Close() (CommandTag, error) { return CommandTag{}, nil }

// Batch is a collection of queries that can be sent to the PostgreSQL server in a single round-trip (opaque in the stub).
type Batch struct{}

func (batch *Batch) ExecParams(sql string, paramValues [][]byte, paramOIDs []uint32, paramFormats, resultFormats []int16) {

}

func (batch *Batch) ExecPrepared(stmtName string, paramValues [][]byte, paramFormats, resultFormats []int16) {

}

func (batch *Batch) ExecStatement(statementDescription *StatementDescription, paramValues [][]byte, paramFormats, resultFormats []int16) {

}

func (pgConn *PgConn) ExecBatch(ctx context.Context, batch *Batch) *MultiResultReader { return nil }

func (pgConn *PgConn) EscapeString(s string) (string, error) { return "", nil }

func (pgConn *PgConn) CheckConn() error { return nil }

func (pgConn *PgConn) Ping(ctx context.Context) error { return nil }

func (pgConn *PgConn) SyncConn(ctx context.Context) error { return nil }

func (pgConn *PgConn) CustomData() map[string]any { return nil }

// HijackedConn is the result of hijacking a connection. The stub omits Frontend (it needs pgproto3),
// Conn and TLSConfig (net, crypto/tls).
type HijackedConn struct {
	PID               uint32
	SecretKey         []byte
	ParameterStatuses map[string]string
	TxStatus          byte
	Config            *Config
	CustomData        map[string]any
}

func (pgConn *PgConn) Hijack() (*HijackedConn, error) { return nil, nil }

func Construct(hc *HijackedConn) (*PgConn, error) { return nil, nil }

// Pipeline represents a connection in pipeline mode (opaque in the stub).
type Pipeline struct{}

// PipelineSync is returned by GetResults when a ReadyForQuery message is received.
type PipelineSync struct{}

// CloseComplete is returned by GetResults when a CloseComplete message is received.
type CloseComplete struct{}

func (pgConn *PgConn) StartPipeline(ctx context.Context) *Pipeline { return nil }

func (p *Pipeline) SendPrepare(name, sql string, paramOIDs []uint32) {}

func (p *Pipeline) SendDeallocate(name string) {}

func (p *Pipeline) SendQueryParams(sql string, paramValues [][]byte, paramOIDs []uint32, paramFormats, resultFormats []int16) {

}

func (p *Pipeline) SendQueryPrepared(stmtName string, paramValues [][]byte, paramFormats, resultFormats []int16) {

}

func (p *Pipeline) SendQueryStatement(statementDescription *StatementDescription, paramValues [][]byte, paramFormats, resultFormats []int16) {

}

func (p *Pipeline) SendFlushRequest() {}

func (p *Pipeline) SendPipelineSync() {}

func (p *Pipeline) Flush() error { return nil }

func (p *Pipeline) Sync() error { return nil }

func (p *Pipeline) GetResults() (results any, err error) { return }

func (p *Pipeline) Close() error { return nil }
