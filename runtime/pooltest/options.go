package pooltest

import (
	"time"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
)

// DefaultMaxWait is how long [Find] waits for connections to be released
// when no MaxWait option is given.
const DefaultMaxWait = 2 * time.Second

// Option changes how [Find], [VerifyNone] and [VerifyTestMain] look for
// unreleased connections.
type Option interface {
	apply(*options)
}

type options struct {
	maxWait      time.Duration
	failOnNested bool
	ignore       []func(dbleakrt.Leak) bool
}

func buildOptions(opts []Option) options {
	o := options{maxWait: DefaultMaxWait}
	for _, opt := range opts {
		opt.apply(&o)
	}
	return o
}

// ignored reports whether a connection is excused by an option.
func (o *options) ignored(l dbleakrt.Leak) bool {
	for _, ig := range o.ignore {
		if ig(l) {
			return true
		}
	}
	return false
}

type optionFunc func(*options)

func (f optionFunc) apply(o *options) { f(o) }

// IgnoreAcquiredBy ignores connections whose acquire stack contains a frame
// of the function funcName, given fully qualified as in a stack trace, such
// as "example.com/app/cache.(*Warmer).run". It needs stack capture.
func IgnoreAcquiredBy(funcName string) Option {
	return optionFunc(func(o *options) {
		o.ignore = append(o.ignore, func(l dbleakrt.Leak) bool {
			for _, f := range l.Frames {
				if f.Function == funcName {
					return true
				}
			}
			return false
		})
	})
}

// IgnoreCurrent ignores the connections that are checked out when
// IgnoreCurrent is called, in every pool: those acquired at or before that
// instant. A connection released and acquired again later is not ignored.
// Use it as in
//
//	defer pooltest.VerifyNone(t, pool, pooltest.IgnoreCurrent())
//
// where the option is evaluated when the defer statement runs.
func IgnoreCurrent() Option {
	cutoff := time.Now()
	return optionFunc(func(o *options) {
		o.ignore = append(o.ignore, func(l dbleakrt.Leak) bool {
			return !l.AcquiredAt.After(cutoff)
		})
	})
}

// MaxWait sets how long Find waits for connections to be released before it
// reports them; a release may complete on another goroutine shortly after
// the test's own work is done. The default is DefaultMaxWait.
func MaxWait(d time.Duration) Option {
	return optionFunc(func(o *options) { o.maxWait = d })
}

// FailOnNested makes Find fail also for the nested acquisitions the pool
// noted (see dbleakrt.Pool.Nested): a connection acquired while the same
// scope, or goroutine, already held one of the same pool. Under load such
// code exhausts the pool. IgnoreAcquiredBy and IgnoreCurrent apply to the
// second acquisition.
func FailOnNested() Option {
	return optionFunc(func(o *options) { o.failOnNested = true })
}
