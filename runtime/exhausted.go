package dbleakrt

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ExhaustedError is the error of an acquisition that gave up, at its
// context's deadline or cancellation, while every connection of the pool
// was held. It wraps the acquisition's own error, so that
// errors.Is(err, context.DeadlineExceeded) still holds, and names every
// holder. [Pool.WithConn], [Pool.WithTx], [DB.WithConn] and [DB.WithTx]
// return it; [Pool.Explain] and [DB.Explain] make one from the error of
// any other acquisition.
type ExhaustedError struct {
	// Err is the acquisition's error.
	Err error
	// Max is the pool's size.
	Max int
	// Holders are what held the pool's connections when the acquisition
	// gave up, oldest first: with their stacks, requests and how long each
	// had been held. For a DB, a connection held by a transaction or by
	// rows is named by them.
	Holders []Leak
}

// Error returns one paragraph: the original error, then the holders grouped
// by call site, most first, with counts.
func (e *ExhaustedError) Error() string {
	return fmt.Sprintf("dbleakrt: pool exhausted: gave up waiting for a connection (%v) while all %d were held: %s",
		e.Err, e.Max, groupLeaks(e.Holders))
}

// Unwrap returns the acquisition's error.
func (e *ExhaustedError) Unwrap() error { return e.Err }

// CloseError is returned by [Pool.Close] and [DB.Close] when the context
// ended before everything was returned. It wraps the context's error and
// names what is still held.
type CloseError struct {
	// Err is the context's error.
	Err error
	// Holders are what was still held, oldest first.
	Holders []Leak
}

// Error returns one paragraph naming what is still held, grouped by call
// site, most first, with counts.
func (e *CloseError) Error() string {
	return fmt.Sprintf("dbleakrt: pool not closed (%v): %d still held: %s", e.Err, len(e.Holders), groupLeaks(e.Holders))
}

// Unwrap returns the context's error.
func (e *CloseError) Unwrap() error { return e.Err }

// isGiveUp reports whether err is an acquisition giving up at its
// context's end.
func isGiveUp(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

// explain wraps err in an *ExhaustedError when it is an acquisition giving
// up while the pool is full, and returns it unchanged otherwise.
func (c *core) explain(err error) error {
	var ee *ExhaustedError
	if err == nil || !isGiveUp(err) || errors.As(err, &ee) {
		return err
	}
	inUse, max := c.usage()
	if max <= 0 || inUse < max {
		return err
	}
	return &ExhaustedError{Err: err, Max: max, Holders: c.book.leaks(c.connHolders())}
}

// connHolders returns one record per held connection of the owner, oldest
// first: the transaction or rows made by the call that checked the
// connection out when there is one, else the connection itself.
func (c *core) connHolders() []*record {
	recs := c.book.records(c.owner, nil)
	named := make(map[*record]*record)
	for _, r := range recs {
		if conn := c.book.sameAcquisition(r); conn != nil && named[conn] == nil {
			named[conn] = r
		}
	}
	var out []*record
	for _, r := range recs {
		if !r.holdsConn() {
			continue
		}
		if n := named[r]; n != nil {
			out = append(out, n)
		} else {
			out = append(out, r)
		}
	}
	return out
}

// group is the leaks of one call site.
type group struct {
	kind, site string
	count      int
	longest    time.Duration
	scopes     []string
}

// maxScopes is the number of requests named per call site.
const maxScopes = 3

// groupLeaks describes leaks in one line, grouped by kind and call site,
// the largest group first.
func groupLeaks(leaks []Leak) string {
	var groups []*group
	index := make(map[string]*group)
	for _, l := range leaks {
		site := "an unknown site (stack capture is off)"
		if len(l.Frames) > 0 {
			site = l.Site.Function + " at " + l.Site.Location()
		}
		g := index[l.Kind+site]
		if g == nil {
			g = &group{kind: l.Kind, site: site}
			index[l.Kind+site] = g
			groups = append(groups, g)
		}
		g.count++
		g.longest = max(g.longest, l.Held)
		if l.Scope != "" && len(g.scopes) < maxScopes && !contains(g.scopes, l.Scope) {
			g.scopes = append(g.scopes, l.Scope)
		}
	}
	// Stable: equal counts keep the order of their oldest leak.
	for i := 1; i < len(groups); i++ {
		for j := i; j > 0 && groups[j].count > groups[j-1].count; j-- {
			groups[j], groups[j-1] = groups[j-1], groups[j]
		}
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		var b strings.Builder
		held := "held"
		if g.count > 1 {
			held = "held up to"
		}
		fmt.Fprintf(&b, "%d %s by %s (%s %v", g.count, plural(g.kind, g.count), g.site, held, g.longest.Round(time.Millisecond))
		if len(g.scopes) > 0 {
			fmt.Fprintf(&b, "; %s", strings.Join(g.scopes, ", "))
		}
		b.WriteString(")")
		parts[i] = b.String()
	}
	if len(parts) == 0 {
		return "none tracked (acquired before tracking, or by a library that the tracker does not see)"
	}
	return strings.Join(parts, "; ")
}

func plural(kind string, n int) string {
	if kind == "" {
		kind = KindConn
	}
	if n == 1 || kind == KindRows {
		return kind
	}
	return kind + "s"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
