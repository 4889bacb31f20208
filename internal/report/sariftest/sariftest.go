// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package sariftest validates SARIF logs against the official SARIF
// 2.1.0 schema (see README.md), offline. It is for tests: it keeps the
// schema and its validator out of the command.
package sariftest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

//go:embed sarif-schema-2.1.0.json
var schemaJSON []byte

// schemaID is the schema's own id.
const schemaID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// Validate returns an error when log is not JSON or not a valid SARIF
// 2.1.0 log.
func Validate(log []byte) error {
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schemaID, bytes.NewReader(schemaJSON)); err != nil {
		return err
	}
	schema, err := c.Compile(schemaID)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(log))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("not JSON: %v", err)
	}
	return schema.Validate(v)
}
