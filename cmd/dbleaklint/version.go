// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// develVersion is the module version of a binary built without one:
// from a checkout with -buildvcs=false, or with go run.
const develVersion = "(devel)"

// moduleVersion is the version of the dbleaklint module that the binary
// was built from, as the go command recorded it: a release tag after go
// install ...@vX.Y.Z; a pseudo-version (with +dirty for uncommitted
// changes) when built in a git checkout; otherwise "(devel)".
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return develVersion
}

// printVersion prints what -version prints: the module version, the
// Go version the binary was built with, and the platform, as "go
// version" does.
func printVersion(w io.Writer) {
	fmt.Fprintf(w, "%s version %s %s %s/%s\n", progname, moduleVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
