package dbleakrt

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestSelfPrefix(t *testing.T) {
	if want := "github.com/dbleaklint/dbleaklint/runtime."; selfPrefix != want {
		t.Fatalf("selfPrefix = %q, want %q", selfPrefix, want)
	}
}

func TestIsInternal(t *testing.T) {
	for _, tc := range []struct {
		fn, file string
		want     bool
	}{
		{"github.com/jackc/pgx/v5/pgxpool.(*Pool).Acquire", "/m/pgxpool/pool.go", true},
		{"github.com/jackc/puddle/v2.(*Pool[...]).Acquire", "/m/puddle/pool.go", true},
		{"github.com/dbleaklint/dbleaklint/runtime.(*Pool).WithTx", "/w/runtime/tx.go", true},
		{"github.com/dbleaklint/dbleaklint/runtime.TestX", "/w/runtime/x_test.go", false},
		{"github.com/dbleaklint/dbleaklint/runtime_test.TestX", "/w/runtime/x_test.go", false},
		{"github.com/dbleaklint/dbleaklint/runtime/pooltest.Find", "/w/runtime/pooltest/find.go", false},
		{"example.com/app.(*Store).Orders", "/src/app/store.go", false},
	} {
		f := runtime.Frame{Function: tc.fn, File: tc.file}
		if got := (&book{internal: pgxInternal}).isInternal(f); got != tc.want {
			t.Errorf("isInternal(%s in %s) = %v, want %v", tc.fn, tc.file, got, tc.want)
		}
	}
}

// capture stands for a pgx frame: it is in a test file, so it counts as user
// code, but it shows that symbolize keeps the caller's frames in order.
func capture(depth int) []uintptr {
	return callers(0, depth)
}

func TestSymbolizeKeepsCallerFrames(t *testing.T) {
	_, file, line, _ := runtime.Caller(0)
	pcs := capture(DefaultStackDepth) // line+1
	frames := symbolize(pcs, 2, (&book{}).isInternal)
	if len(frames) != 2 {
		t.Fatalf("got %d frames, want the depth of 2: %v", len(frames), frames)
	}
	if !strings.HasSuffix(frames[0].Function, ".capture") {
		t.Errorf("frame 0 = %v, want capture", frames[0])
	}
	if frames[1].File != file || frames[1].Line != line+1 {
		t.Errorf("frame 1 = %v, want %s:%d", frames[1], file, line+1)
	}
}

func TestLeakString(t *testing.T) {
	l := Leak{
		Held: 1300 * time.Millisecond,
		Site: Frame{Function: "app.handler", File: "/src/app/h.go", Line: 42},
		Frames: []Frame{
			{Function: "app.handler", File: "/src/app/h.go", Line: 42},
			{Function: "net/http.HandlerFunc.ServeHTTP", File: "/go/src/net/http/server.go", Line: 2294},
		},
	}
	want := "connection acquired by app.handler at /src/app/h.go:42, held 1.3s, acquire stack:\n" +
		"app.handler\n\t/src/app/h.go:42\n" +
		"net/http.HandlerFunc.ServeHTTP\n\t/go/src/net/http/server.go:2294\n"
	if got := l.String(); got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
	if got := (Leak{Held: time.Second}).String(); !strings.Contains(got, "stack capture is off") {
		t.Errorf("String() without frames = %q", got)
	}
	if got := l.Site.String(); got != "/src/app/h.go:42 app.handler" {
		t.Errorf("Frame.String() = %q", got)
	}
}
