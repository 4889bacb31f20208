// Stub of github.com/jackc/pgx/v5 v5.12.0 for analysistest: declarations only.

package pgxpool

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// AcquireTracer traces Acquire.
type AcquireTracer interface {
	TraceAcquireStart(ctx context.Context, pool *Pool, data TraceAcquireStartData) context.Context
	TraceAcquireEnd(ctx context.Context, pool *Pool, data TraceAcquireEndData)
}

type TraceAcquireStartData struct{}

type TraceAcquireEndData struct {
	Conn *pgx.Conn
	Err  error
}

// ReleaseTracer traces Release.
type ReleaseTracer interface {
	TraceRelease(pool *Pool, data TraceReleaseData)
}

type TraceReleaseData struct {
	Conn *pgx.Conn
}
