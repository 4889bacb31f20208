// Package dep declares functions whose facts its importers see.
package dep

func LeakOne() {} // want LeakOne:"leaky"

func Fine() {}
