package historical

import (
	"context"
	"fmt"

	"rowsclose/historical/scandb"
)

// estimatedRowCount runs three queries into one variable with one
// "defer rows.Close()", which closes only the first rows, and scans
// each through a helper of another package that does not close them:
// the shape of xataio/pgroll#1015 ("too many clients" during a
// backfill), fixed by closing each rows.
func estimatedRowCount(ctx context.Context, conn scandb.DB, table string) (int64, error) {
	var schema string
	rows, err := conn.QueryContext(ctx, "SELECT current_schema()")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if err := scandb.ScanFirstValue(rows, &schema); err != nil {
		return 0, err
	}

	var total int64
	rows, err = conn.QueryContext(ctx, "SELECT n_live_tup FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = $2", schema, table) // want `^rows from conn\.QueryContext is not closed on the path that returns at rowcount\.go:32 \(and 4 other exits\); defer rows\.Close\(\) after the error check$`
	if err != nil {
		return 0, err
	}
	if err := scandb.ScanFirstValue(rows, &total); err != nil {
		return 0, err
	}
	if total > 0 {
		return total, nil
	}
	rows, err = conn.QueryContext(ctx, fmt.Sprintf("SELECT count(*) FROM %s", table)) // want `^rows from conn\.QueryContext is not closed on the path that returns at rowcount\.go:42 \(and 1 other exit\); defer rows\.Close\(\) after the error check$`
	if err != nil {
		return 0, err
	}
	if err := scandb.ScanFirstValue(rows, &total); err != nil {
		return 0, err
	}
	return total, nil
}

// The fix: each rows closed once scanned.
func estimatedRowCountFixed(ctx context.Context, conn scandb.DB, table string) (int64, error) {
	var total int64
	rows, err := conn.QueryContext(ctx, "SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = $1", table)
	if err != nil {
		return 0, err
	}
	err = scandb.ScanFirstValue(rows, &total)
	rows.Close()
	if err != nil || total > 0 {
		return total, err
	}
	rows, err = conn.QueryContext(ctx, fmt.Sprintf("SELECT count(*) FROM %s", table))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	err = scandb.ScanFirstValue(rows, &total)
	return total, err
}
