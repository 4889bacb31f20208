// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package ownership

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakflow"
	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

//go:embed doc.go
var doc string

// Analyzer computes the ownership facts. It is declared by the engine,
// which requires it; this package documents it and owns its flags.
var Analyzer = leakflow.OwnershipAnalyzer

func init() {
	Analyzer.Doc = docutil.MustExtract(doc, "ownership")
	Analyzer.URL = "https://pkg.go.dev/github.com/dbleaklint/dbleaklint/passes/ownership"
	Analyzer.Flags.Var(new(resourceFlag), "resource", "a user-defined resource, as a JSON object with the schema of the configuration file's resources entries (repeatable)")
}

// resourceFlag accumulates -ownership.resource values and installs them
// in the resource model.
type resourceFlag struct{ specs []resource.Spec }

func (f *resourceFlag) String() string {
	if f == nil || len(f.specs) == 0 {
		return ""
	}
	var parts []string
	for _, s := range f.specs {
		b, _ := json.Marshal(s)
		parts = append(parts, string(b))
	}
	return strings.Join(parts, " ")
}

func (f *resourceFlag) Set(value string) error {
	dec := json.NewDecoder(strings.NewReader(value))
	dec.DisallowUnknownFields()
	var s resource.Spec
	if err := dec.Decode(&s); err != nil {
		return fmt.Errorf("not a resource as JSON: %v", err)
	}
	specs := append(append([]resource.Spec(nil), resource.Default.Specs()...), s)
	if err := resource.Configure(specs); err != nil {
		return err
	}
	f.specs = append(f.specs, s)
	return nil
}
