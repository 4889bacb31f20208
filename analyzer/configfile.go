// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package analyzer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// ConfigFileName is the name of the configuration file that
// [FindConfigFile] looks for.
const ConfigFileName = ".dbleaklint.yml"

// ReadConfigFile reads the YAML configuration file at path. Unknown
// keys, values of the wrong type, malformed YAML and the values that can
// be checked without loading packages (check names, package patterns)
// are errors of one line, "path:line: what"; the resources are checked
// by [New], whose errors name the file's line too.
func ReadConfigFile(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err // *fs.PathError names the file
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, yamlError(path, err)
	}
	if len(file.Docs) > 1 {
		return nil, fmt.Errorf("%s:%d: a second YAML document; the configuration is one document", path, docLine(file.Docs[1]))
	}
	c := &Config{origin: &origin{name: path, file: file}}
	if len(file.Docs) == 1 && file.Docs[0].Body != nil {
		if err := yaml.NodeToValue(file.Docs[0].Body, c, yaml.DisallowUnknownField()); err != nil {
			return nil, yamlError(path, err)
		}
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// FindConfigFile returns the first file named [ConfigFileName] in dir
// or one of its parents.
func FindConfigFile(dir string) (string, bool) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		name := filepath.Join(dir, ConfigFileName)
		if fi, err := os.Stat(name); err == nil && fi.Mode().IsRegular() {
			return name, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// docLine returns the line where doc starts.
func docLine(doc *ast.DocumentNode) int {
	if doc.Start != nil {
		return doc.Start.Position.Line
	}
	if doc.Body != nil && doc.Body.GetToken() != nil {
		return doc.Body.GetToken().Position.Line
	}
	return 1
}

// yamlError turns an error of the YAML library into one line naming
// the file and line. The library's own text spans several lines, with
// the offending source.
func yamlError(name string, err error) error {
	var yerr yaml.Error
	if !errors.As(err, &yerr) {
		return fmt.Errorf("%s: %v", name, err)
	}
	msg := yerr.GetMessage()
	var unknown *yaml.UnknownFieldError
	var typ *yaml.TypeError
	switch {
	case errors.As(err, &unknown):
		// The library says "unknown field"; the schema says "key".
		msg = strings.Replace(msg, "unknown field", "unknown key", 1)
	case errors.As(err, &typ) && typ.Token != nil:
		// The library names the Go types; the user wrote YAML.
		msg = fmt.Sprintf("%q is not %s", typ.Token.Value, yamlKind(typ.DstType))
	}
	if tok := yerr.GetToken(); tok != nil && tok.Position != nil {
		return fmt.Errorf("%s:%d: %s", name, tok.Position.Line, msg)
	}
	return fmt.Errorf("%s: %s", name, msg)
}

// yamlKind names the YAML values that decode into t.
func yamlKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "a boolean (true or false)"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.String:
		return "a string"
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "a mapping"
	}
	return "a " + t.String()
}

// An origin is the file a configuration was read from.
type origin struct {
	name string    // as given to ReadConfigFile
	file *ast.File // the parsed file, to find a value's line
}

// errorAt returns msg, about the value at p, prefixed by the file and,
// when the value is in the file, its line.
func (o *origin) errorAt(p path, msg string) error {
	if n := o.node(p); n != nil && n.GetToken() != nil {
		return fmt.Errorf("%s:%d: %s", o.name, n.GetToken().Position.Line, msg)
	}
	return fmt.Errorf("%s: %s", o.name, msg)
}

// node returns the node of the value at p, or nil.
func (o *origin) node(p path) ast.Node {
	b := new(yaml.PathBuilder).Root()
	for _, e := range p {
		switch e := e.(type) {
		case string:
			b = b.Child(e)
		case int:
			b = b.Index(uint(e))
		}
	}
	n, err := b.Build().FilterFile(o.file)
	if err != nil {
		return nil
	}
	return n
}

// A path locates a value of the configuration: keys (strings) and list
// indexes (ints) from the top.
type path []any

// String formats p as a key path with indexes, "resources[1].acquire".
func (p path) String() string {
	var b strings.Builder
	for _, e := range p {
		switch e := e.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(e)
		case int:
			b.WriteString("[" + strconv.Itoa(e) + "]")
		}
	}
	return b.String()
}
