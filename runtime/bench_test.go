package dbleakrt_test

import (
	"context"
	"database/sql"
	"testing"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/internal/testdb"
	"github.com/jackc/pgx/v5/pgxpool"
)

// benchPools returns a plain pgxpool pool and the underlying pools of two
// tracked pools, with and without stack capture, all on the same server.
func benchPools(b *testing.B) map[string]*pgxpool.Pool {
	raw, err := pgxpool.New(context.Background(), testdb.DSN(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(raw.Close)
	return map[string]*pgxpool.Pool{
		"raw":             raw,
		"tracked":         testdb.Pool(b).Pgx(),
		"tracked-nostack": testdb.Pool(b, dbleakrt.WithoutStacks()).Pgx(),
	}
}

var benchOrder = []string{"raw", "tracked", "tracked-nostack"}

// BenchmarkQueryRow measures a SELECT 1 round trip through each pool: the
// tracking's cost as an application sees it.
func BenchmarkQueryRow(b *testing.B) {
	ctx := context.Background()
	pools := benchPools(b)
	for _, name := range benchOrder {
		p := pools[name]
		b.Run(name, func(b *testing.B) {
			var n int
			for b.Loop() {
				if err := p.QueryRow(ctx, "SELECT 1").Scan(&n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAcquireRelease measures an acquisition and a release without a
// round trip: the tracking's cost in isolation.
func BenchmarkAcquireRelease(b *testing.B) {
	ctx := context.Background()
	pools := benchPools(b)
	for _, name := range benchOrder {
		p := pools[name]
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				c, err := p.Acquire(ctx)
				if err != nil {
					b.Fatal(err)
				}
				c.Release()
			}
		})
	}
}

// benchDBs returns, for a driver, a plain *sql.DB and the handles of two
// tracked DBs, with and without stack capture, all on the same server.
func benchDBs(b *testing.B, driverName string) map[string]*sql.DB {
	raw, err := sql.Open(driverName, testdb.DSN(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { raw.Close() })
	return map[string]*sql.DB{
		"raw":             raw,
		"tracked":         testdb.DB(b, driverName).SQL(),
		"tracked-nostack": testdb.DB(b, driverName, dbleakrt.WithoutStacks()).SQL(),
	}
}

// BenchmarkSQLQueryRow measures a SELECT 1 round trip through database/sql,
// raw and tracked, with each driver.
func BenchmarkSQLQueryRow(b *testing.B) {
	ctx := context.Background()
	for _, drv := range testdb.Drivers {
		dbs := benchDBs(b, drv)
		for _, name := range benchOrder {
			db := dbs[name]
			b.Run(drv+"/"+name, func(b *testing.B) {
				var n int
				for b.Loop() {
					if err := db.QueryRowContext(ctx, "SELECT 1").Scan(&n); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkSQLConnClose measures taking a connection out of database/sql's
// pool and putting it back, without a round trip: the tracking's cost in
// isolation.
func BenchmarkSQLConnClose(b *testing.B) {
	ctx := context.Background()
	for _, drv := range testdb.Drivers {
		dbs := benchDBs(b, drv)
		for _, name := range benchOrder {
			db := dbs[name]
			b.Run(drv+"/"+name, func(b *testing.B) {
				for b.Loop() {
					c, err := db.Conn(ctx)
					if err != nil {
						b.Fatal(err)
					}
					c.Close()
				}
			})
		}
	}
}
