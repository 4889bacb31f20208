// Stub of github.com/jackc/pgx/v5 v5.12.0 for analysistest: declarations only.

// Package pgconn mirrors part of the declarations of pgx v5.12.0's pgconn package.
package pgconn

import (
	"context"
	"time"
)

type (
	AfterConnectFunc    func(ctx context.Context, pgconn *PgConn) error
	ValidateConnectFunc func(ctx context.Context, pgconn *PgConn) error
	GetSSLPasswordFunc  func(ctx context.Context) string
)

// Config is the settings used to establish a connection to a PostgreSQL server.
// The stub omits BuildFrontend and BuildContextWatcherHandler (they need pgproto3 and ctxwatch),
// and TLSConfig, DialFunc and AfterNetConnect: they need crypto/tls and net, which the tests would
// otherwise type-check from source for nothing.
type Config struct {
	Host           string
	Port           uint16
	Database       string
	User           string
	Password       string
	ConnectTimeout time.Duration
	LookupFunc     LookupFunc

	MaxProtocolMessageBodyLen int

	RuntimeParams map[string]string

	KerberosSrvName string
	KerberosSpn     string
	Fallbacks       []*FallbackConfig

	SSLNegotiation string
	SSLCertMode    string

	ValidateConnect ValidateConnectFunc
	AfterConnect    AfterConnectFunc
	OnNotice        NoticeHandler
	OnNotification  NotificationHandler
	OnPgError       PgErrorHandler

	OAuthTokenProvider func(context.Context) (string, error)

	MinProtocolVersion string
	MaxProtocolVersion string
	ChannelBinding     string
	RequireAuth        string
}

// ParseConfigOptions contains options that control how a config is built such as GetSSLPassword.
type ParseConfigOptions struct {
	GetSSLPassword        GetSSLPasswordFunc
	ConnStringAllowedKeys []string
}

func (c *Config) Copy() *Config { return nil }

// FallbackConfig is additional settings to attempt a connection with when the primary Config fails.
// The stub omits TLSConfig (crypto/tls).
type FallbackConfig struct {
	Host string
	Port uint16
}

func NetworkAddress(host string, port uint16) (network, address string) { return }

func ParseConfig(connString string) (*Config, error) { return nil, nil }

func ParseConfigWithOptions(connString string, options ParseConfigOptions) (*Config, error) {
	return nil, nil
}

func ValidateConnectTargetSessionAttrsReadWrite(ctx context.Context, pgConn *PgConn) error {
	return nil
}

func ValidateConnectTargetSessionAttrsReadOnly(ctx context.Context, pgConn *PgConn) error {
	return nil
}

func ValidateConnectTargetSessionAttrsStandby(ctx context.Context, pgConn *PgConn) error {
	return nil
}

func ValidateConnectTargetSessionAttrsPrimary(ctx context.Context, pgConn *PgConn) error {
	return nil
}

func ValidateConnectTargetSessionAttrsPreferStandby(ctx context.Context, pgConn *PgConn) error {
	return nil
}
