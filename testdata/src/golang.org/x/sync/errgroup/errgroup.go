// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Stub of golang.org/x/sync/errgroup for analysistest: declarations only.

// Package errgroup mirrors golang.org/x/sync/errgroup's Group.
package errgroup

// Group is a collection of goroutines working on subtasks.
type Group struct{}

// Go calls f in a new goroutine.
func (g *Group) Go(f func() error) {}

// Wait blocks until all function calls from Go have returned.
func (g *Group) Wait() error { return nil }
