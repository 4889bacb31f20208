package dbleakrt

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
)

// DefaultStackDepth is the number of frames kept for each acquisition when
// [Config.StackDepth] is zero.
const DefaultStackDepth = 32

// maxStackDepth is the largest StackDepth honored.
const maxStackDepth = 128

// internalFrames bounds the number of library frames (pgx and puddle, or
// database/sql, and this package's) that may sit between the tracker and
// the first frame of the caller.
const internalFrames = 24

// selfPrefix is the function-name prefix of this package's own frames.
var selfPrefix = reflect.TypeFor[tracker]().PkgPath() + "."

// Frame is one call-stack frame of an acquisition.
type Frame struct {
	// Function is the fully qualified function name, such as
	// "example.com/app/store.(*Orders).List".
	Function string
	// File is the absolute path of the source file.
	File string
	// Line is the line number in File.
	Line int
}

// Location returns the frame's position as "file:line".
func (f Frame) Location() string {
	return fmt.Sprintf("%s:%d", f.File, f.Line)
}

// String returns the frame as "file:line function".
func (f Frame) String() string {
	return f.Location() + " " + f.Function
}

// callers returns the program counters of the calling goroutine's stack,
// skipping skip frames above the caller of callers.
func callers(skip, depth int) []uintptr {
	var buf [internalFrames + maxStackDepth]uintptr
	n := runtime.Callers(skip+2, buf[:min(depth+internalFrames, len(buf))])
	pcs := make([]uintptr, n)
	copy(pcs, buf[:n])
	return pcs
}

// isSelf reports whether a frame belongs to this package. Test files of
// this package count as user code so that its tests see their own lines.
func isSelf(f runtime.Frame) bool {
	return strings.HasPrefix(f.Function, selfPrefix) && !strings.HasSuffix(f.File, "_test.go")
}

// symbolize turns program counters into at most depth frames, starting at
// the first frame for which internal is false. When no such frame exists,
// the whole stack is returned so that a report is never empty.
func symbolize(pcs []uintptr, depth int, internal func(runtime.Frame) bool) []Frame {
	var all, user []Frame
	frames := runtime.CallersFrames(pcs)
	for {
		f, more := frames.Next()
		if f.Function == "runtime.goexit" {
			break
		}
		fr := Frame{Function: f.Function, File: f.File, Line: f.Line}
		all = append(all, fr)
		if len(user) > 0 || !internal(f) {
			user = append(user, fr)
		}
		if !more || len(user) == depth {
			break
		}
	}
	if len(user) == 0 {
		user = all
	}
	return user[:min(len(user), depth)]
}

// sameCaller reports whether two records were made by the same call of the
// application: their first frames outside the libraries are the same. It
// is true when stacks are not captured, as then nothing tells them apart.
func (b *book) sameCaller(x, y *record) bool {
	if len(x.pcs) == 0 || len(y.pcs) == 0 {
		return true
	}
	return b.sitePC(x.pcs) == b.sitePC(y.pcs)
}

// sitePC returns the program counter of the first frame of pcs outside the
// libraries, or 0.
func (b *book) sitePC(pcs []uintptr) uintptr {
	frames := runtime.CallersFrames(pcs)
	for {
		f, more := frames.Next()
		if !b.isInternal(f) {
			return f.PC
		}
		if !more {
			return 0
		}
	}
}
