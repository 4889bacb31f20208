// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package cache

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func key(s string) Key { return sha256.Sum256([]byte(s)) }

func open(t *testing.T) *Cache {
	t.Helper()
	c, err := Open(filepath.Join(t.TempDir(), "cache"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestPutGet(t *testing.T) {
	c := open(t)
	if _, ok := c.Get(key("a")); ok {
		t.Fatal("Get on an empty cache: hit")
	}
	if err := c.Put(key("a"), []byte("data of a")); err != nil {
		t.Fatal(err)
	}
	if err := c.Put(key("b"), nil); err != nil {
		t.Fatal(err)
	}
	got, ok := c.Get(key("a"))
	if !ok || string(got) != "data of a" {
		t.Errorf("Get(a) = %q, %v; want %q, true", got, ok, "data of a")
	}
	if got, ok := c.Get(key("b")); !ok || len(got) != 0 {
		t.Errorf("Get(b) = %q, %v; want empty, true", got, ok)
	}
	if err := c.Put(key("a"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := c.Get(key("a")); string(got) != "new" {
		t.Errorf("after a second Put, Get(a) = %q, want %q", got, "new")
	}
}

// TestDamaged checks that an entry whose data does not match its
// checksum, or that is too short to hold one, is a miss.
func TestDamaged(t *testing.T) {
	c := open(t)
	if err := c.Put(key("a"), []byte("data of a")); err != nil {
		t.Fatal(err)
	}
	name := c.path(key("a"))
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)-1] ^= 1
	if err := os.WriteFile(name, b, 0o666); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get(key("a")); ok {
		t.Errorf("Get of a damaged entry = %q, hit", got)
	}
	if err := os.WriteFile(name, []byte("short"), 0o666); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get(key("a")); ok {
		t.Errorf("Get of a truncated entry = %q, hit", got)
	}
}

// TestConcurrentPut checks that concurrent writers of one key leave an
// intact entry holding one of their values, and no temporary file.
func TestConcurrentPut(t *testing.T) {
	c := open(t)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			data := bytes.Repeat([]byte{byte('a' + i)}, 64<<10)
			if err := c.Put(key("k"), data); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	got, ok := c.Get(key("k"))
	if !ok || len(got) != 64<<10 || !bytes.Equal(got, bytes.Repeat(got[:1], len(got))) {
		t.Fatalf("after concurrent writes, Get = %d bytes starting %q, %v; want one writer's data", len(got), got[:min(len(got), 4)], ok)
	}
	files, err := filepath.Glob(filepath.Join(filepath.Dir(c.path(key("k"))), ".tmp-*"))
	if err != nil || len(files) != 0 {
		t.Errorf("temporary files left: %v %v", files, err)
	}
}

// TestTrim checks that Trim removes the least recently used entries
// first, a read counting as a use, down to the limit.
func TestTrim(t *testing.T) {
	c := open(t)
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return clock }
	data := make([]byte, 1000)
	for i := range 5 {
		k := key(fmt.Sprint(i))
		if err := c.Put(k, data); err != nil {
			t.Fatal(err)
		}
		// Entry i was written i hours after the start.
		at := clock.Add(time.Duration(i) * time.Hour)
		if err := os.Chtimes(c.path(k), at, at); err != nil {
			t.Fatal(err)
		}
	}
	// Reading entry 0 a day later makes it the most recently used.
	clock = clock.Add(24 * time.Hour)
	if _, ok := c.Get(key("0")); !ok {
		t.Fatal("Get(0): miss")
	}
	// Room for two entries (each is data plus a 32-byte checksum).
	if err := c.Trim(2 * 1032); err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, false, false, false, true} {
		if _, ok := c.Get(key(fmt.Sprint(i))); ok != want {
			t.Errorf("after Trim, entry %d present = %v, want %v", i, ok, want)
		}
	}
}

// TestMaybeTrim checks that MaybeTrim walks the cache at most once an
// hour.
func TestMaybeTrim(t *testing.T) {
	c := open(t)
	clock := time.Now()
	c.now = func() time.Time { return clock }
	put := func(s string) {
		if err := c.Put(key(s), make([]byte, 100)); err != nil {
			t.Fatal(err)
		}
	}
	put("a")
	if err := c.MaybeTrim(0); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(key("a")); ok {
		t.Fatal("the first MaybeTrim(0) left an entry")
	}
	put("b")
	clock = clock.Add(30 * time.Minute)
	if err := c.MaybeTrim(0); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(key("b")); !ok {
		t.Fatal("MaybeTrim half an hour after the last trim removed an entry")
	}
	clock = clock.Add(time.Hour)
	if err := c.MaybeTrim(0); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(key("b")); ok {
		t.Fatal("MaybeTrim an hour and a half after the last trim left an entry")
	}
}

// BenchmarkGet measures a hit on an entry of the size of a package's
// findings.
func BenchmarkGet(b *testing.B) {
	c, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	if err := c.Put(key("k"), make([]byte, 4<<10)); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, ok := c.Get(key("k")); !ok {
			b.Fatal("miss")
		}
	}
}

// BenchmarkPut measures storing an entry of the size of a package's
// findings.
func BenchmarkPut(b *testing.B) {
	c, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	data := make([]byte, 4<<10)
	for b.Loop() {
		if err := c.Put(key("k"), data); err != nil {
			b.Fatal(err)
		}
	}
}
