package conformance

import "sync"

// drawBatch is how many cases the random phase's drawer hands over at a
// time, and recordBatch how many recordings the recorder is handed at a
// time: one goroutine wake-up per batch, not per case. On two cores a
// wake-up per case slowed the calls beside it by about 15 %
// (BenchmarkOverhead: 1.24–1.29 with a hand-over per case, 1.16–1.20 in
// batches of 64).
const (
	drawBatch   = 64
	recordBatch = 64
)

// recordBatches runs recordings in order on a goroutine of its own, in
// batches, while the next cases run.
type recordBatches struct {
	mu      sync.Mutex
	pending []func()
	out     chan []func()
	done    chan struct{}
}

func newRecordBatches() *recordBatches {
	b := &recordBatches{out: make(chan []func(), 4), done: make(chan struct{})}
	go func() {
		defer close(b.done)
		for batch := range b.out {
			for _, record := range batch {
				record()
			}
		}
	}()
	return b
}

// add queues one recording; a full batch is handed over.
func (b *recordBatches) add(record func()) {
	b.mu.Lock()
	b.pending = append(b.pending, record)
	var full []func()
	if len(b.pending) >= recordBatch {
		full, b.pending = b.pending, nil
	}
	b.mu.Unlock()
	if full != nil {
		b.out <- full
	}
}

// close hands over what is left and waits for every recording to be done.
func (b *recordBatches) close() {
	b.mu.Lock()
	rest := b.pending
	b.pending = nil
	b.mu.Unlock()
	if len(rest) > 0 {
		b.out <- rest
	}
	close(b.out)
	<-b.done
}
