// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package nogo runs dbleaklint's suite under rules_go's nogo driver the
// way Bazel does, without Bazel, so that a test can hold the suite to
// what a Bazel monorepo needs: one hermetic action per package, with
// only that package's sources, its direct dependencies' export data and
// their facts files.
//
// [Build] builds two binaries from rules_go's own sources, taken from
// the module cache at [RulesGoVersion]: the builder (Bazel's Go
// toolchain front end) and the nogo driver, whose analyzer list the
// builder generates from the analyzer packages as Bazel's nogo rule does
// (its GoGenNogo action). [Tools.Run] then plays Bazel's RunNogo action
// for every package of a build, dependencies first: in a fresh directory
// standing for the action's sandbox, holding symbolic links to the
// declared inputs only, it runs "builder nogo" with the flags that
// rules_go's compilepkg.bzl passes. The packages of the patterns are
// analyzed with their tests, as go_test targets compile them (the
// package with its _test.go files, and the external test package);
// packages outside the patterns are analyzed for facts only
// (-facts_only), as Bazel does for packages outside the scope of
// go_sdk.nogo. The findings are read from each action's nogo.log, where
// the builder leaves them for the validation action.
//
// What Bazel does and this package does not: compile the packages
// itself (export data comes from go list -export, that is from the go
// command's compiler), isolate the action (its directory holds only its
// inputs, but nothing stops a process from reading elsewhere), cgo, and
// remote execution; see docs/guide.md.
package nogo
