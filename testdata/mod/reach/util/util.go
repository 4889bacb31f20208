// Package util imports packages under the roots and beside them, none of
// which declares a resource: it cannot hold one.
package util

import (
	"database/sql/driver"

	"github.com/jackc/pgconn"
)

// Value is a driver value.
type Value = driver.Value

// Safe reports whether err is safe to retry.
func Safe(err error) bool { return pgconn.SafeToRetry(err) }
