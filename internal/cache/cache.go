// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package cache is a directory of small files addressed by key, with a
// size bound: the standalone command's result cache.
//
// Each entry is one file, named by the hex of its key under a directory
// named by the key's first byte, as in the go command's build cache. An
// entry is written to a temporary file in the same directory and renamed
// into place, so that concurrent runs never see a partial entry: a
// reader sees the old entry, the new one or none. Each entry starts with
// the SHA-256 of its data, so that a damaged file reads as a miss.
//
// Reading an entry refreshes its modification time (at most once an
// hour); Trim removes the entries used least recently first.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// A Key names an entry: a SHA-256 of everything its data depends on.
type Key [sha256.Size]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// A Cache is a directory of entries.
type Cache struct {
	dir string
	now func() time.Time // time.Now, but for tests
}

// Open returns the cache in dir, creating the directory if needed.
func Open(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	return &Cache{dir: dir, now: time.Now}, nil
}

// Dir returns the cache's directory.
func (c *Cache) Dir() string { return c.dir }

// refresh is how stale an entry's modification time may get before a
// read updates it: often enough for Trim's order, rarely enough that a
// repeated run writes nothing.
const refresh = time.Hour

func (c *Cache) path(k Key) string {
	s := k.String()
	return filepath.Join(c.dir, s[:2], s)
}

// Get returns the data of the entry of k, if there is one and it is
// intact.
func (c *Cache) Get(k Key) ([]byte, bool) {
	name := c.path(k)
	b, err := os.ReadFile(name)
	if err != nil || len(b) < sha256.Size {
		return nil, false
	}
	sum, data := b[:sha256.Size], b[sha256.Size:]
	if got := sha256.Sum256(data); !bytes.Equal(sum, got[:]) {
		return nil, false
	}
	if fi, err := os.Stat(name); err == nil && c.now().Sub(fi.ModTime()) > refresh {
		now := c.now()
		_ = os.Chtimes(name, now, now) // a best effort: only Trim's order depends on it
	}
	return data, true
}

// Put stores data as the entry of k, replacing any other.
func (c *Cache) Put(k Key, data []byte) error {
	name := c.path(k)
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	_, err = f.Write(append(sum[:], data...))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// trimMarker is the file whose modification time says when the cache
// was last trimmed.
const trimMarker = "trim.txt"

// trimEvery is how often MaybeTrim walks the cache.
const trimEvery = time.Hour

// MaybeTrim trims the cache to limit bytes if it was not trimmed in the
// last hour, so that most runs do not walk the whole directory.
func (c *Cache) MaybeTrim(limit int64) error {
	marker := filepath.Join(c.dir, trimMarker)
	if fi, err := os.Stat(marker); err == nil && c.now().Sub(fi.ModTime()) < trimEvery {
		return nil
	}
	if err := c.Trim(limit); err != nil {
		return err
	}
	return os.WriteFile(marker, []byte(c.now().UTC().Format(time.RFC3339)+"\n"), 0o666)
}

// Trim removes the least recently used entries until the entries take
// at most limit bytes, and the temporary files that a run left behind
// more than an hour ago.
func (c *Cache) Trim(limit int64) error {
	type entry struct {
		name string
		size int64
		used time.Time
	}
	var entries []entry
	var total int64
	err := filepath.WalkDir(c.dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed by a concurrent Trim
			}
			return err
		}
		if d.IsDir() || filepath.Dir(name) == c.dir {
			return nil // the marker and other files of the top directory
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".tmp-") {
			if c.now().Sub(fi.ModTime()) > time.Hour {
				os.Remove(name)
			}
			return nil
		}
		entries = append(entries, entry{name, fi.Size(), fi.ModTime()})
		total += fi.Size()
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(entries, func(a, b entry) int { return a.used.Compare(b.used) })
	for _, e := range entries {
		if total <= limit {
			break
		}
		if err := os.Remove(e.name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		total -= e.size
	}
	return nil
}
