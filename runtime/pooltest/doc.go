// Package pooltest fails tests that leave database connections checked out
// of a [dbleakrt.Pool], or connections, transactions, rows or statements of
// a [dbleakrt.DB] open, in the style of go.uber.org/goleak. With
// [FailOnNested] it also fails tests that acquire a connection while the
// same scope already holds one of the same pool.
//
// Check one test:
//
//	func TestOrders(t *testing.T) {
//		pool := newPool(t)
//		defer pooltest.VerifyNone(t, pool)
//		...
//	}
//
// or a whole package, from TestMain:
//
//	func TestMain(m *testing.M) {
//		pool = mustOpen()
//		pooltest.VerifyTestMain(m, func() []*dbleakrt.Pool { return []*dbleakrt.Pool{pool} })
//	}
//
// A failure names each connection that is still held, the function and line
// that acquired it, how long it has been held and the acquiring stack:
//
//	found 1 unreleased connection in pool:
//
//	connection acquired by example.com/app.TestOrders at /src/app/orders_test.go:42, held 1.3s, acquire stack:
//	example.com/app.TestOrders
//		/src/app/orders_test.go:42
//	testing.tRunner
//		/usr/lib/go/src/testing/testing.go:1934
//
// The pool must be created with stack capture on (the default of
// [dbleakrt.New], [dbleakrt.Open] and [dbleakrt.OpenDB]) for the report to
// name the acquiring line. What Find reports is reported to the pool too:
// it reaches Config.OnLeak and is counted in LeakCount.
package pooltest
