package pooltest_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/internal/testdb"
	"github.com/dbleaklint/dbleaklint/runtime/pooltest"
	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "github.com/lib/pq"              // registers "postgres"
)

const testPkg = "github.com/dbleaklint/dbleaklint/runtime/pooltest_test."

// fakeT records what VerifyNone reports instead of failing the test.
type fakeT struct {
	errs    []string
	helpers int
}

func (f *fakeT) Error(args ...any) { f.errs = append(f.errs, fmt.Sprint(args...)) }
func (f *fakeT) Helper()           { f.helpers++ }

func acquire(t *testing.T, p *dbleakrt.Pool) *pgxpool.Conn {
	t.Helper()
	c, err := p.Pgx().Acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestVerifyNoneNamesTheLeakingLine leaks the connection of a Query and
// checks that VerifyNone reports it at exactly the line of the Query.
func TestVerifyNoneNamesTheLeakingLine(t *testing.T) {
	p := testdb.Pool(t)
	ft := &fakeT{}
	file, line := here()
	rows, err := p.Pgx().Query(context.Background(), "SELECT 1") // leaked on purpose
	if err != nil {
		t.Fatal(err)
	}
	pooltest.VerifyNone(ft, p, pooltest.MaxWait(50*time.Millisecond))
	rows.Close()

	if len(ft.errs) != 1 || ft.helpers == 0 {
		t.Fatalf("VerifyNone made %d Error calls and %d Helper calls, want 1 and some", len(ft.errs), ft.helpers)
	}
	fn := testPkg + t.Name()
	site := fmt.Sprintf("%s:%d", file, line+1)
	msg := ft.errs[0]
	t.Logf("VerifyNone reported:\n%s", msg)
	for _, want := range []string{
		"found 1 unreleased connection in pool:\n\n",
		"connection acquired by " + fn + " at " + site + ", held ",
		", acquire stack:\n" + fn + "\n\t" + site + "\n",
		"testing.tRunner\n",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("report lacks %q:\n%s", want, msg)
		}
	}
	ft = &fakeT{}
	pooltest.VerifyNone(ft, p)
	if len(ft.errs) != 0 {
		t.Fatalf("VerifyNone after the release reported %v", ft.errs)
	}
}

func TestFindCountsEveryLeak(t *testing.T) {
	p := testdb.Pool(t)
	c1, c2 := acquire(t, p), acquire(t, p)
	err := pooltest.Find(p, pooltest.MaxWait(0))
	c1.Release()
	c2.Release()
	var le *pooltest.LeakError
	if !errors.As(err, &le) || len(le.Leaks) != 2 {
		t.Fatalf("Find = %v, want a LeakError with 2 leaks", err)
	}
	if !strings.HasPrefix(err.Error(), "found 2 unreleased connections in pool:") {
		t.Fatalf("report header: %q", err.Error())
	}
	if !le.Leaks[0].AcquiredAt.Before(le.Leaks[1].AcquiredAt) {
		t.Fatal("leaks are not sorted oldest first")
	}
}

func TestFindWaitsForLateReleases(t *testing.T) {
	p := testdb.Pool(t)
	c := acquire(t, p)
	start := time.Now()
	time.AfterFunc(200*time.Millisecond, c.Release)
	if err := pooltest.Find(p, pooltest.MaxWait(5*time.Second)); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Fatalf("Find returned after %v, before the release", d)
	}
}

func TestIgnoreCurrent(t *testing.T) {
	p := testdb.Pool(t)
	before := acquire(t, p)
	defer before.Release()
	ignore := pooltest.IgnoreCurrent()
	if err := pooltest.Find(p, ignore, pooltest.MaxWait(0)); err != nil {
		t.Fatalf("Find ignoring current = %v", err)
	}
	after := acquire(t, p)
	defer after.Release()
	var le *pooltest.LeakError
	if err := pooltest.Find(p, ignore, pooltest.MaxWait(0)); !errors.As(err, &le) || len(le.Leaks) != 1 {
		t.Fatalf("Find = %v, want the one connection acquired after IgnoreCurrent", err)
	}
	if le.Leaks[0].PID != after.Conn().PgConn().PID() {
		t.Fatal("Find reported the ignored connection")
	}
}

func acquireInHelper(t *testing.T, p *dbleakrt.Pool) *pgxpool.Conn {
	return acquire(t, p)
}

func TestIgnoreAcquiredBy(t *testing.T) {
	p := testdb.Pool(t)
	c := acquireInHelper(t, p)
	defer c.Release()
	if err := pooltest.Find(p, pooltest.MaxWait(0), pooltest.IgnoreAcquiredBy(testPkg+"acquireInHelper")); err != nil {
		t.Fatalf("Find ignoring acquireInHelper = %v", err)
	}
	if err := pooltest.Find(p, pooltest.MaxWait(0), pooltest.IgnoreAcquiredBy(testPkg+"other")); err == nil {
		t.Fatal("Find ignoring another function found nothing")
	}
}

// here returns the file and line of its caller.
func here() (string, int) {
	_, file, line, _ := runtime.Caller(1)
	return file, line
}

// TestVerifyNoneOnDB leaks rows of a database/sql handle, with each
// driver, and checks that VerifyNone names them at their line and reports
// them through Config.OnLeak, once however often it looks.
func TestVerifyNoneOnDB(t *testing.T) {
	for _, name := range testdb.Drivers {
		t.Run(name, func(t *testing.T) {
			var reported []dbleakrt.Leak
			d := testdb.DB(t, name, dbleakrt.WithOnLeak(func(l dbleakrt.Leak) { reported = append(reported, l) }))
			file, line := here()
			rows, err := d.SQL().QueryContext(context.Background(), "SELECT 1") // leaked on purpose
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for range 2 {
				ft := &fakeT{}
				pooltest.VerifyNone(ft, d, pooltest.MaxWait(0))
				if len(ft.errs) != 1 || !strings.Contains(ft.errs[0], "found 1 unreleased rows in pool:\n\nrows acquired by ") ||
					!strings.Contains(ft.errs[0], fmt.Sprintf("%s:%d", file, line+1)) {
					t.Fatalf("VerifyNone reported %q, want the rows at line %d", ft.errs, line+1)
				}
			}
			if len(reported) != 1 || d.Stat().LeakCount() != 1 {
				t.Fatalf("OnLeak got %d leaks, LeakCount %d; want 1 and 1", len(reported), d.Stat().LeakCount())
			}
		})
	}
}
