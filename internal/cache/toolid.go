// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package cache

import (
	"crypto/sha256"
	"debug/elf"
	"fmt"
	"io"
	"os"
)

// ToolID identifies the running executable: its Go build ID, which
// changes with its code and its toolchain, or else the hash of the file.
// Cache keys include it, so that a new build of the tool does not read
// what another build stored.
func ToolID() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown executable: " + err.Error()
	}
	if id := elfBuildID(exe); id != "" {
		return "build ID " + id
	}
	f, err := os.Open(exe)
	if err != nil {
		return "unreadable executable: " + err.Error()
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unreadable executable: " + err.Error()
	}
	return fmt.Sprintf("executable %x", h.Sum(nil))
}

// elfBuildID returns the Go build ID of an ELF executable, from its
// .note.go.buildid section (a note named "Go" of type 4), or "".
func elfBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return ""
	}
	data, err := s.Data()
	if err != nil || len(data) < 16 {
		return ""
	}
	order := f.ByteOrder
	nameSize, descSize, typ := order.Uint32(data), order.Uint32(data[4:]), order.Uint32(data[8:])
	const goBuildIDNote = 4
	if nameSize != 4 || typ != goBuildIDNote || string(data[12:16]) != "Go\x00\x00" || 16+uint64(descSize) > uint64(len(data)) {
		return ""
	}
	return string(data[16 : 16+descSize])
}
