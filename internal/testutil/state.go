package testutil

import (
	"flag"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/ownership"
)

// RestoreState restores, when the test ends, the process-wide state
// that configuring the suite changes: the flags of analyzers and the
// user-defined resources. The repeatable -ownership.resource flag is
// restored through the resources themselves, since it only adds to them.
func RestoreState(t testing.TB, analyzers []*analysis.Analyzer) {
	t.Helper()
	type saved struct {
		a           *analysis.Analyzer
		name, value string
	}
	var flags []saved
	for _, a := range analyzers {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if a == ownership.Analyzer && f.Name == "resource" {
				return
			}
			flags = append(flags, saved{a, f.Name, f.Value.String()})
		})
	}
	specs := ownership.Specs()
	t.Cleanup(func() {
		for _, f := range flags {
			if err := f.a.Flags.Set(f.name, f.value); err != nil {
				t.Errorf("restoring -%s.%s: %v", f.a.Name, f.name, err)
			}
		}
		if err := ownership.Configure(specs); err != nil {
			t.Errorf("restoring the resources: %v", err)
		}
	})
}
