package driver

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// Requests sent ahead are answered in order, whichever is waited for first.
func TestProcessAnswersRequestsSentAhead(t *testing.T) {
	p := start(t, "ok")
	ctx := context.Background()
	var sent []*Pending
	for id := int64(1); id <= 4; id++ {
		sent = append(sent, p.Send(ctx, request(id)))
	}
	for _, i := range []int{2, 0, 3, 1} {
		rep, err := sent[i].Wait(ctx)
		if err != nil || rep.ID != int64(i+1) || rep.Phase != PhaseParsed {
			t.Fatalf("reply to request %d = %+v, %v", i+1, rep, err)
		}
	}
}

// A request sent after one the driver fails on is abandoned, not blamed on
// the driver's answer to it; the next request gets a fresh process.
func TestProcessAbandonsRequestsAfterAFailure(t *testing.T) {
	for mode, want := range map[string]string{
		"crash":   "driver exited before its reply 1",
		"garbage": "driver wrote garbage instead of reply 1",
		"hang":    "driver hung: no reply 1 within",
	} {
		t.Run(mode, func(t *testing.T) {
			p := start(t, mode)
			ctx := context.Background()
			first, second := p.Send(ctx, request(1)), p.Send(ctx, request(2))
			if _, err := first.Wait(ctx); err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("first error = %v, want %q", err, want)
			}
			if _, err := second.Wait(ctx); !errors.Is(err, ErrAbandoned) {
				t.Fatalf("second error = %v, want ErrAbandoned", err)
			}
			_, _ = p.Send(ctx, request(3)).Wait(ctx)
			if p.Restarts != 1 {
				t.Errorf("restarts = %d, want 1", p.Restarts)
			}
		})
	}
}

func TestProcessServesConcurrentCallers(t *testing.T) {
	p := start(t, "ok")
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for g := int64(0); g < 4; g++ {
		wg.Go(func() {
			for i := int64(0); i < 10; i++ {
				id := g*100 + i
				if rep, err := p.Do(context.Background(), request(id)); err != nil || rep.ID != id {
					errs <- errors.Join(err, errors.New("wrong reply"))
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

func TestCloseAbandonsUnansweredRequests(t *testing.T) {
	p := start(t, "hang")
	pd := p.Send(context.Background(), request(1))
	_ = p.Close()
	if _, err := pd.Wait(context.Background()); !errors.Is(err, ErrAbandoned) {
		t.Fatalf("error = %v, want ErrAbandoned", err)
	}
}

// inProcess is a Client without Send.
type inProcess struct{ calls int }

func (c *inProcess) Hello() Hello { return Hello{} }
func (c *inProcess) Close() error { return nil }
func (c *inProcess) Do(_ context.Context, req Request) (Reply, error) {
	c.calls++
	return Reply{ID: req.ID, Phase: PhaseParsed}, nil
}

func TestSendCallsAClientWithoutPipeliningAtOnce(t *testing.T) {
	c := &inProcess{}
	pd := Send(context.Background(), c, request(7))
	if c.calls != 1 {
		t.Fatalf("Do called %d times by Send", c.calls)
	}
	if rep, err := pd.Wait(context.Background()); err != nil || rep.ID != 7 {
		t.Fatalf("reply = %+v, %v", rep, err)
	}
}

// A driver that exits after one reply fails the next request with its
// exit, whether or not that request's line reached the pipe; the one after
// gets a fresh process.
func TestProcessRestartsADriverThatExitedBetweenRequests(t *testing.T) {
	p := start(t, "once")
	ctx := context.Background()
	if _, err := p.Do(ctx, request(1)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // the driver is gone
	if _, err := p.Do(ctx, request(2)); err == nil || !strings.Contains(err.Error(), "exited before") {
		t.Fatalf("second request: %v, want the driver's exit", err)
	}
	if rep, err := p.Do(ctx, request(3)); err != nil || rep.ID != 3 {
		t.Fatalf("third request: %+v, %v", rep, err)
	}
	if p.Restarts != 1 {
		t.Errorf("restarts = %d, want 1", p.Restarts)
	}
}
