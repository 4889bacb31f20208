// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package escape

// What the escape walk knows of libraries, by types.Func.FullName.

// runtimePath is the import path of dbleaklint's runtime package.
const runtimePath = "github.com/dbleaklint/dbleaklint/runtime"

// helper describes a function that hands a connection or a transaction to
// a callback (its last argument) and ends it when the callback returns.
type helper struct {
	name string // in messages
	noun string // what the callback receives
	end  string // what happens to it when the callback returns
}

// scopedHelpers lists the helpers whose callbacks are checked.
var scopedHelpers = map[string]helper{
	"(*" + runtimePath + ".Pool).WithConn":                {"(*dbleakrt.Pool).WithConn", "connection", "released"},
	"(*" + runtimePath + ".Pool).WithTx":                  {"(*dbleakrt.Pool).WithTx", "transaction", "committed or rolled back"},
	runtimePath + ".Savepoint":                            {"dbleakrt.Savepoint", "transaction", "released or rolled back"},
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).AcquireFunc": {"(*pgxpool.Pool).AcquireFunc", "connection", "released"},
	"github.com/jackc/pgx/v5.BeginFunc":                   {"pgx.BeginFunc", "transaction", "committed or rolled back"},
	"github.com/jackc/pgx/v5.BeginTxFunc":                 {"pgx.BeginTxFunc", "transaction", "committed or rolled back"},
}

// goStarters run their function argument in a new goroutine.
var goStarters = map[string]bool{
	"(*sync.WaitGroup).Go":                   true,
	"(*golang.org/x/sync/errgroup.Group).Go": true,
}

// mapStores store their arguments in the map that is their receiver.
var mapStores = map[string]bool{
	"(*sync.Map).Store":       true,
	"(*sync.Map).LoadOrStore": true,
	"(*sync.Map).Swap":        true,
}

// waitFuncs block until other goroutines are done.
var waitFuncs = map[string]bool{
	"(*sync.WaitGroup).Wait":                   true,
	"(*golang.org/x/sync/errgroup.Group).Wait": true,
	"(*sync.Cond).Wait":                        true,
}
