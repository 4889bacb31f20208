package dbleakrt_test

import (
	"context"
	"database/sql"
	"slices"
	"testing"
	"time"

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

// BenchmarkSQLOverhead alternates a SELECT 1 round trip through a raw
// *sql.DB and through tracked ones, in a rotating order, timing each, so
// that all see the same load on a shared machine; it reports the median
// round trip of each and the tracked ones' overhead in percent of the raw
// median.
func BenchmarkSQLOverhead(b *testing.B) {
	ctx := context.Background()
	for _, drv := range testdb.Drivers {
		dbs := benchDBs(b, drv)
		b.Run(drv, func(b *testing.B) {
			spent := make(map[string][]time.Duration)
			var n, i int
			for b.Loop() {
				for k := range benchOrder {
					name := benchOrder[(i+k)%len(benchOrder)]
					start := time.Now()
					if err := dbs[name].QueryRowContext(ctx, "SELECT 1").Scan(&n); err != nil {
						b.Fatal(err)
					}
					spent[name] = append(spent[name], time.Since(start))
				}
				i++
			}
			raw := median(spent["raw"])
			b.ReportMetric(raw, "raw-ns")
			for _, name := range benchOrder[1:] {
				t := median(spent[name])
				b.ReportMetric(t, name+"-ns")
				b.ReportMetric(100*(t-raw)/raw, name+"-%")
			}
		})
	}
}

// median returns the median of ds in nanoseconds.
func median(ds []time.Duration) float64 {
	slices.Sort(ds)
	return float64(ds[len(ds)/2])
}
