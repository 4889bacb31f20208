// Stub of github.com/jackc/pgx/v5 v5.12.0 for analysistest: declarations only.

package pgx

import (
	"context"
)

// LargeObjects is a structure used to access the large objects API (opaque in the stub).
type LargeObjects struct{}

type LargeObjectMode int32

const (
	LargeObjectModeWrite LargeObjectMode = 0x20000
	LargeObjectModeRead  LargeObjectMode = 0x40000
)

func (o *LargeObjects) Create(ctx context.Context, oid uint32) (uint32, error) { panic("stub") }

func (o *LargeObjects) Open(ctx context.Context, oid uint32, mode LargeObjectMode) (*LargeObject, error) {
	panic("stub")
}

func (o *LargeObjects) Unlink(ctx context.Context, oid uint32) error { panic("stub") }

// A LargeObject is a large object stored on the server (opaque in the stub).
type LargeObject struct{}

func (o *LargeObject) Write(p []byte) (int, error) { panic("stub") }

func (o *LargeObject) Read(p []byte) (int, error) { panic("stub") }

func (o *LargeObject) Seek(offset int64, whence int) (n int64, err error) { panic("stub") }

func (o *LargeObject) Tell() (n int64, err error) { panic("stub") }

func (o *LargeObject) Truncate(size int64) (err error) { panic("stub") }

func (o *LargeObject) Close() error { panic("stub") }
