package dbleakrt

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"strconv"
	"time"
)

// Nested is an acquisition made while the same scope (see [Pool.Scope] and
// the middleware), or the same goroutine when there is no scope and
// [Config.TrackGoroutines] is set, already held a connection of the same
// pool. Under load this exhausts a pool: with N connections and N requests
// each holding one and waiting for a second, none can go on.
type Nested struct {
	// Scope is the label of the scope, if any.
	Scope string
	// Held is the connection that was already held.
	Held Leak
	// Acquired is the second acquisition, made while Held was held.
	Acquired Leak
}

// String returns a report naming both acquisitions, with both stacks.
func (n Nested) String() string {
	in := ""
	if n.Scope != "" {
		in = " in " + n.Scope
	}
	return fmt.Sprintf("second connection acquired%s while holding one of the same pool:\nacquired by %s, stack:\n%sholding the %s acquired by %s, held %v, stack:\n%s",
		in, siteName(n.Acquired), n.Acquired.Stack(), n.Held.Kind, siteName(n.Held),
		n.Held.Held.Round(time.Millisecond), n.Held.Stack())
}

// siteName names the acquiring site of l.
func siteName(l Leak) string {
	if len(l.Frames) == 0 {
		return "an unknown site (stack capture is off)"
	}
	return l.Site.Function + " at " + l.Site.Location()
}

// noteNested records and logs a nested acquisition, once per pair of call
// sites.
func (b *book) noteNested(outer, inner *record) {
	now := time.Now()
	n := Nested{Held: b.leak(outer, now), Acquired: b.leak(inner, now)}
	if inner.scope != nil {
		n.Scope = inner.scope.label
	}
	key := n.Acquired.Site.Location() + " < " + n.Held.Site.Location()
	b.mu.Lock()
	seen := b.sites[key] || len(b.nested) >= maxNested
	if !seen {
		b.sites[key] = true
		b.nested = append(b.nested, n)
	}
	b.mu.Unlock()
	if seen {
		return
	}
	b.logger.LogAttrs(context.Background(), slog.LevelWarn,
		"dbleakrt: acquired a second connection of the pool while holding one; under load this can exhaust the pool",
		slog.String("scope", n.Scope),
		slog.String("site", n.Acquired.Site.Location()),
		slog.String("func", n.Acquired.Site.Function),
		slog.String("held_site", n.Held.Site.Location()),
		slog.String("held_kind", n.Held.Kind),
		slog.String("stack", n.Acquired.Stack()),
		slog.String("held_stack", n.Held.Stack()),
	)
}

// nestedSeen returns the nested acquisitions of owner noted so far, one per
// pair of call sites, in the order they were first seen.
func (b *book) nestedSeen(owner any) []Nested {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []Nested
	for _, n := range b.nested {
		if n.Acquired.rec.owner == owner {
			out = append(out, n)
		}
	}
	return out
}

// goroutineID returns the calling goroutine's ID, parsed from the header of
// runtime.Stack ("goroutine 42 [running]:"). It costs a traceback, several
// microseconds, which is why Config.TrackGoroutines is off by default.
func goroutineID() uint64 {
	var buf [64]byte
	n := runtime.Stack(buf[:], false)
	s := bytes.TrimPrefix(buf[:n], []byte("goroutine "))
	if i := bytes.IndexByte(s, ' '); i > 0 {
		id, _ := strconv.ParseUint(string(s[:i]), 10, 64)
		return id
	}
	return 0
}
