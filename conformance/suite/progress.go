package suite

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"github.com/stsconform/stsconform/conformance"
)

// progressAfter is how long a run goes before the progress line appears.
const progressAfter = 3 * time.Second

// progressEvery is how often the line is redrawn.
const progressEvery = time.Second

// progress is the line a run on a terminal keeps up to date on stderr:
// what runs and for how long. It is erased before the run prints.
type progress struct {
	w       io.Writer
	what    string
	after   time.Duration // shown once the run is this old
	start   time.Time
	done    chan struct{}
	once    sync.Once
	mu      sync.Mutex
	printed bool
	at      atomic.Pointer[conformance.Progress] // the run's last reported progress
}

// update stores how far the run has got (conformance.WithProgress).
func (p *progress) update(at conformance.Progress) { p.at.Store(&at) }

// line is what the progress line says at now.
func (p *progress) line(now time.Time) string {
	elapsed := now.Sub(p.start).Round(time.Second)
	if at := p.at.Load(); at != nil {
		return fmt.Sprintf("%s … %s phase %d/%d, %s", p.what, at.Phase, at.Done, at.Total, elapsed)
	}
	return fmt.Sprintf("%s … %s", p.what, elapsed)
}

// startProgress starts the line when stderr is a terminal; otherwise it
// does nothing.
func startProgress(stderr io.Writer, f Flags) *progress {
	return newProgress(stderr, fmt.Sprintf("stsconform: checking %s (%d cases, seed %d)", f.Targets, f.Checks, f.Seed), progressAfter)
}

func newProgress(stderr io.Writer, what string, after time.Duration) *progress {
	p := &progress{w: stderr, what: what, after: after, start: time.Now(), done: make(chan struct{})}
	if file, ok := stderr.(*os.File); ok && term.IsTerminal(int(file.Fd())) {
		go p.loop()
	}
	return p
}

func (p *progress) loop() {
	tick := time.NewTicker(progressEvery)
	defer tick.Stop()
	for {
		select {
		case <-p.done:
			return
		case now := <-tick.C:
			if now.Sub(p.start) < p.after {
				continue
			}
			p.mu.Lock()
			fmt.Fprintf(p.w, "\r\033[K%s", p.line(now))
			p.printed = true
			p.mu.Unlock()
		}
	}
}

// stop ends the line and erases it.
func (p *progress) stop() {
	p.once.Do(func() {
		close(p.done)
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.printed {
			fmt.Fprint(p.w, "\r\033[K")
		}
	})
}

// writer is w, stopping the line at the first write (the run's summary).
func (p *progress) writer(w io.Writer) io.Writer {
	return writerFunc(func(b []byte) (int, error) {
		p.stop()
		return w.Write(b)
	})
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }
