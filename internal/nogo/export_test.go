// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package nogo

import "context"

// GoCommand runs the go command in dir, for the test.
func GoCommand(ctx context.Context, dir string, args ...string) ([]byte, error) {
	return goCommand(ctx, dir, nil, args...)
}

// RunWithoutFacts is Run, but no action gets its dependencies' facts.
func (t *Tools) RunWithoutFacts(ctx context.Context, work, dir string, patterns ...string) (*Run, error) {
	return t.run(ctx, work, dir, false, patterns)
}
