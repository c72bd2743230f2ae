package aws

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// budget counts the calls of a run.
type budget struct {
	mu          sync.Mutex
	used, limit int
}

// take spends one call, or reports that none is left.
func (b *budget) take() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.used >= b.limit {
		return false
	}
	b.used++
	return true
}

func (b *budget) spent() (used, limit int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.used, b.limit
}

// limiter spaces calls at least interval apart.
type limiter struct {
	mu       sync.Mutex
	interval time.Duration
	next     time.Time
}

func newLimiter(perSecond float64) *limiter {
	return &limiter{interval: time.Duration(float64(time.Second) / perSecond)}
}

// wait blocks until the next call may go.
func (l *limiter) wait(ctx context.Context) error {
	l.mu.Lock()
	at := l.next
	if now := time.Now(); at.Before(now) {
		at = now
	}
	l.next = at.Add(l.interval)
	l.mu.Unlock()
	return sleep(ctx, time.Until(at))
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// take spends one call of the budget, after the rate limit's wait.
func (t *Target) take(ctx context.Context) error {
	if !t.budget.take() {
		return BudgetError{Limit: t.opts.Budget}
	}
	return t.limit.wait(ctx)
}

// BudgetError says the run's budget of calls is spent; the suite stops the
// remaining checks when a target answers it.
type BudgetError struct{ Limit int }

func (e BudgetError) Error() string {
	return fmt.Sprintf("the budget of %d calls to AWS is spent (raise it with budget=N)", e.Limit)
}

// BudgetSpent marks the error for the suite.
func (BudgetError) BudgetSpent() bool { return true }

// SkipError says a case was not sent, and why; the suite does not judge it.
type SkipError struct{ Reason string }

func (e SkipError) Error() string { return e.Reason }

// Skipped marks the error for the suite.
func (SkipError) Skipped() bool { return true }
