// Stub of github.com/jackc/pgx/v5 v5.12.0 for analysistest: declarations only.

package pgxpool

import (
	"time"
)

// Stat is a snapshot of Pool statistics (opaque in the stub).
type Stat struct{}

func (s *Stat) AcquireCount() int64 { panic("stub") }

func (s *Stat) AcquireDuration() time.Duration { panic("stub") }

func (s *Stat) AcquiredConns() int32 { panic("stub") }

func (s *Stat) CanceledAcquireCount() int64 { panic("stub") }

func (s *Stat) ConstructingConns() int32 { panic("stub") }

func (s *Stat) EmptyAcquireCount() int64 { panic("stub") }

func (s *Stat) IdleConns() int32 { panic("stub") }

func (s *Stat) MaxConns() int32 { panic("stub") }

func (s *Stat) TotalConns() int32 { panic("stub") }

func (s *Stat) NewConnsCount() int64 { panic("stub") }

func (s *Stat) MaxLifetimeDestroyCount() int64 { panic("stub") }

func (s *Stat) MaxIdleDestroyCount() int64 { panic("stub") }

func (s *Stat) EmptyAcquireWaitTime() time.Duration { panic("stub") }
