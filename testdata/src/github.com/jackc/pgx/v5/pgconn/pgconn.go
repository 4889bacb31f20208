// Stub of github.com/jackc/pgx/v5 v5.12.0 for analysistest: declarations only.

package pgconn

import (
	"context"
	"crypto/tls"
	"io"
	"net"
)

// Notice represents a notice response message reported by the PostgreSQL server.
type Notice PgError

// Notification is a message received from the PostgreSQL LISTEN/NOTIFY system.
type Notification struct {
	PID     uint32
	Channel string
	Payload string
}

type DialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

type LookupFunc func(ctx context.Context, host string) (addrs []string, err error)

type PgErrorHandler func(*PgConn, *PgError) bool

type NoticeHandler func(*PgConn, *Notice)

type NotificationHandler func(*PgConn, *Notification)

// PgConn is a low-level PostgreSQL connection handle (opaque in the stub).
type PgConn struct{}

func Connect(ctx context.Context, connString string) (*PgConn, error) { panic("stub") }

func ConnectWithOptions(ctx context.Context, connString string, parseConfigOptions ParseConfigOptions) (*PgConn, error) {
	panic("stub")
}

func ConnectConfig(ctx context.Context, config *Config) (*PgConn, error) { panic("stub") }

func (pgConn *PgConn) Conn() net.Conn { panic("stub") }

func (pgConn *PgConn) PID() uint32 { panic("stub") }

func (pgConn *PgConn) TxStatus() byte { panic("stub") }

func (pgConn *PgConn) SecretKey() []byte { panic("stub") }

func (pgConn *PgConn) Close(ctx context.Context) error { panic("stub") }

func (pgConn *PgConn) CleanupDone() chan (struct{}) { panic("stub") }

func (pgConn *PgConn) IsClosed() bool { panic("stub") }

func (pgConn *PgConn) IsBusy() bool { panic("stub") }

func (pgConn *PgConn) ParameterStatus(key string) string { panic("stub") }

// CommandTag is the status text returned by PostgreSQL for a query.
type CommandTag struct{}

func NewCommandTag(s string) CommandTag { panic("stub") }

func (ct CommandTag) RowsAffected() int64 { panic("stub") }

func (ct CommandTag) String() string { panic("stub") }

func (ct CommandTag) Insert() bool { panic("stub") }

func (ct CommandTag) Update() bool { panic("stub") }

func (ct CommandTag) Delete() bool { panic("stub") }

func (ct CommandTag) Select() bool { panic("stub") }

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
	panic("stub")
}

func (pgConn *PgConn) Deallocate(ctx context.Context, name string) error { panic("stub") }

func (pgConn *PgConn) CancelRequest(ctx context.Context) error { panic("stub") }

func (pgConn *PgConn) WaitForNotification(ctx context.Context) error { panic("stub") }

func (pgConn *PgConn) Exec(ctx context.Context, sql string) *MultiResultReader { panic("stub") }

func (pgConn *PgConn) ExecParams(ctx context.Context, sql string, paramValues [][]byte, paramOIDs []uint32, paramFormats, resultFormats []int16) *ResultReader {
	panic("stub")
}

func (pgConn *PgConn) ExecPrepared(ctx context.Context, stmtName string, paramValues [][]byte, paramFormats, resultFormats []int16) *ResultReader {
	panic("stub")
}

func (pgConn *PgConn) ExecStatement(ctx context.Context, statementDescription *StatementDescription, paramValues [][]byte, paramFormats, resultFormats []int16) *ResultReader {
	panic("stub")
}

func (pgConn *PgConn) CopyTo(ctx context.Context, w io.Writer, sql string) (CommandTag, error) {
	panic("stub")
}

func (pgConn *PgConn) CopyFrom(ctx context.Context, r io.Reader, sql string) (CommandTag, error) {
	panic("stub")
}

// MultiResultReader is a reader for a command that could return multiple results (opaque in the stub).
type MultiResultReader struct{}

func (mrr *MultiResultReader) ReadAll() ([]*Result, error) { panic("stub") }

func (mrr *MultiResultReader) NextResult() bool { panic("stub") }

func (mrr *MultiResultReader) ResultReader() *ResultReader { panic("stub") }

func (mrr *MultiResultReader) Close() error { panic("stub") }

// ResultReader is a reader for the result of a single query (opaque in the stub).
type ResultReader struct{}

// Result is the saved query response that is returned by calling Read on a ResultReader.
type Result struct {
	FieldDescriptions []FieldDescription
	Rows              [][][]byte
	CommandTag        CommandTag
	Err               error
}

func (rr *ResultReader) Read() *Result { panic("stub") }

func (rr *ResultReader) NextRow() bool { panic("stub") }

func (rr *ResultReader) FieldDescriptions() []FieldDescription { panic("stub") }

func (rr *ResultReader) Values() [][]byte { panic("stub") }

func (rr *ResultReader) Close() (CommandTag, error) { panic("stub") }

// Batch is a collection of queries that can be sent to the PostgreSQL server in a single round-trip (opaque in the stub).
type Batch struct{}

func (batch *Batch) ExecParams(sql string, paramValues [][]byte, paramOIDs []uint32, paramFormats, resultFormats []int16) {
	panic("stub")
}

func (batch *Batch) ExecPrepared(stmtName string, paramValues [][]byte, paramFormats, resultFormats []int16) {
	panic("stub")
}

func (batch *Batch) ExecStatement(statementDescription *StatementDescription, paramValues [][]byte, paramFormats, resultFormats []int16) {
	panic("stub")
}

func (pgConn *PgConn) ExecBatch(ctx context.Context, batch *Batch) *MultiResultReader { panic("stub") }

func (pgConn *PgConn) EscapeString(s string) (string, error) { panic("stub") }

func (pgConn *PgConn) CheckConn() error { panic("stub") }

func (pgConn *PgConn) Ping(ctx context.Context) error { panic("stub") }

func (pgConn *PgConn) SyncConn(ctx context.Context) error { panic("stub") }

func (pgConn *PgConn) CustomData() map[string]any { panic("stub") }

// HijackedConn is the result of hijacking a connection. The stub omits Frontend (it needs pgproto3).
type HijackedConn struct {
	Conn              net.Conn
	TLSConfig         *tls.Config
	PID               uint32
	SecretKey         []byte
	ParameterStatuses map[string]string
	TxStatus          byte
	Config            *Config
	CustomData        map[string]any
}

func (pgConn *PgConn) Hijack() (*HijackedConn, error) { panic("stub") }

func Construct(hc *HijackedConn) (*PgConn, error) { panic("stub") }

// Pipeline represents a connection in pipeline mode (opaque in the stub).
type Pipeline struct{}

// PipelineSync is returned by GetResults when a ReadyForQuery message is received.
type PipelineSync struct{}

// CloseComplete is returned by GetResults when a CloseComplete message is received.
type CloseComplete struct{}

func (pgConn *PgConn) StartPipeline(ctx context.Context) *Pipeline { panic("stub") }

func (p *Pipeline) SendPrepare(name, sql string, paramOIDs []uint32) { panic("stub") }

func (p *Pipeline) SendDeallocate(name string) { panic("stub") }

func (p *Pipeline) SendQueryParams(sql string, paramValues [][]byte, paramOIDs []uint32, paramFormats, resultFormats []int16) {
	panic("stub")
}

func (p *Pipeline) SendQueryPrepared(stmtName string, paramValues [][]byte, paramFormats, resultFormats []int16) {
	panic("stub")
}

func (p *Pipeline) SendQueryStatement(statementDescription *StatementDescription, paramValues [][]byte, paramFormats, resultFormats []int16) {
	panic("stub")
}

func (p *Pipeline) SendFlushRequest() { panic("stub") }

func (p *Pipeline) SendPipelineSync() { panic("stub") }

func (p *Pipeline) Flush() error { panic("stub") }

func (p *Pipeline) Sync() error { panic("stub") }

func (p *Pipeline) GetResults() (results any, err error) { panic("stub") }

func (p *Pipeline) Close() error { panic("stub") }
