// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package golangci

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/dbleaklint/dbleaklint/analyzer"
)

// checkKeys returns an error naming the first key of settings that the
// schema does not have, with where it is and the keys allowed there.
//
// register.DecodeSettings rejects unknown keys too, but its error does
// not say where the key is, and encoding/json matches keys regardless
// of case; this check is exact.
func checkKeys(settings any) error {
	// Through JSON, as DecodeSettings goes: whatever maps golangci-lint
	// built become map[string]any.
	data, err := json.Marshal(settings)
	if err != nil {
		return err
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	return walkKeys(v, reflect.TypeFor[analyzer.Config](), "")
}

// walkKeys checks the keys of v, decoded JSON, against the json tags of
// the type t it will be decoded into; where is v's path.
func walkKeys(v any, t reflect.Type, where string) error {
	switch t.Kind() {
	case reflect.Pointer:
		return walkKeys(v, t.Elem(), where)
	case reflect.Slice:
		list, ok := v.([]any)
		if !ok {
			return nil // DecodeSettings reports the wrong type
		}
		for i, e := range list {
			if err := walkKeys(e, t.Elem(), where+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		fields := jsonFields(t)
		for _, key := range slices.Sorted(maps.Keys(m)) {
			f, ok := fields[key]
			if !ok {
				in := ""
				if where != "" {
					in = " in " + where
				}
				return fmt.Errorf("unknown key %q%s; the keys are %s", key, in, strings.Join(fieldNames(t), ", "))
			}
			sub := key
			if where != "" {
				sub = where + "." + key
			}
			if err := walkKeys(m[key], f.Type, sub); err != nil {
				return err
			}
		}
	}
	return nil
}

// jsonFields returns the exported fields of t by their JSON key.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	fields := make(map[string]reflect.StructField)
	for _, f := range reflect.VisibleFields(t) {
		if name := jsonName(f); name != "" {
			fields[name] = f
		}
	}
	return fields
}

// fieldNames returns the JSON keys of t in declaration order.
func fieldNames(t reflect.Type) []string {
	var names []string
	for _, f := range reflect.VisibleFields(t) {
		if name := jsonName(f); name != "" {
			names = append(names, name)
		}
	}
	return names
}

// jsonName returns the key of the field in JSON, or "" if it has none.
func jsonName(f reflect.StructField) string {
	if !f.IsExported() || f.Anonymous {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	switch name {
	case "-":
		return ""
	case "":
		return f.Name
	}
	return name
}
