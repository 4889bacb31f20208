// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package cache

import (
	"runtime"
	"strings"
	"testing"
)

// TestToolID checks that the running executable (the test binary) is
// identified by its Go build ID, the same on every call.
func TestToolID(t *testing.T) {
	id := ToolID()
	if id != ToolID() {
		t.Errorf("ToolID changed between calls")
	}
	if runtime.GOOS == "linux" && (!strings.HasPrefix(id, "build ID ") || len(id) < len("build ID ")+20) {
		t.Errorf("ToolID() = %q, want the ELF build ID", id)
	}
}
