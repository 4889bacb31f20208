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

func (o *LargeObjects) Create(ctx context.Context, oid uint32) (uint32, error) { return 0, nil }

func (o *LargeObjects) Open(ctx context.Context, oid uint32, mode LargeObjectMode) (*LargeObject, error) {
	return nil, nil
}

func (o *LargeObjects) Unlink(ctx context.Context, oid uint32) error { return nil }

// A LargeObject is a large object stored on the server (opaque in the stub).
type LargeObject struct{}

func (o *LargeObject) Write(p []byte) (int, error) { return 0, nil }

func (o *LargeObject) Read(p []byte) (int, error) { return 0, nil }

func (o *LargeObject) Seek(offset int64, whence int) (n int64, err error) { return }

func (o *LargeObject) Tell() (n int64, err error) { return }

func (o *LargeObject) Truncate(size int64) (err error) { return }

func (o *LargeObject) Close() error { return nil }
