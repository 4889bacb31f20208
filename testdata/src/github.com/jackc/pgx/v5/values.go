// Stub of github.com/jackc/pgx/v5 v5.12.0 for analysistest: declarations only.

package pgx

// PostgreSQL format codes
const (
	TextFormatCode   = 0
	BinaryFormatCode = 1
)
