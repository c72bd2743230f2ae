package container

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// cleanups runs registered functions when the process gets SIGINT or
// SIGTERM, then lets the signal kill the process as it would have. The
// handler is installed only while something is registered, so a process
// with no container open keeps its usual signal behaviour.
var cleanups = &registry{fns: map[int]func(){}}

// cleanupDeadline bounds how long a signal waits for the cleanups.
const cleanupDeadline = 20 * time.Second

type registry struct {
	mu       sync.Mutex
	next     int
	fns      map[int]func()
	sigs     chan os.Signal
	toCaller bool // the caller handles signals and closes its targets
}

// LeaveSignalsToCaller tells the package that the program handles SIGINT
// and SIGTERM itself and closes its targets then (as the main job does, to
// write a partial report): the package then installs no signal handler of
// its own. Containers are still labelled, expire, and are swept at start.
func LeaveSignalsToCaller() {
	cleanups.mu.Lock()
	defer cleanups.mu.Unlock()
	cleanups.toCaller = true
}

// add registers fn and returns the function that unregisters it.
func (r *registry) add(fn func()) (remove func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	id := r.next
	r.next++
	r.fns[id] = fn
	if r.sigs == nil && !r.toCaller {
		r.sigs = make(chan os.Signal, 1)
		signal.Notify(r.sigs, os.Interrupt, syscall.SIGTERM)
		go r.wait(r.sigs)
	}
	return func() { r.remove(id) }
}

func (r *registry) remove(id int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.fns, id)
	if len(r.fns) == 0 && r.sigs != nil {
		signal.Stop(r.sigs)
		close(r.sigs)
		r.sigs = nil
	}
}

// wait runs the cleanups on the first signal, then re-raises it.
func (r *registry) wait(sigs chan os.Signal) {
	sig, ok := <-sigs
	if !ok {
		return
	}
	r.runAll()
	signal.Reset(sig)
	if s, ok := sig.(syscall.Signal); ok {
		_ = syscall.Kill(os.Getpid(), s)
	}
	time.Sleep(time.Second) // the re-raised signal ends the process
	os.Exit(130)
}

// runAll runs every registered cleanup concurrently, up to the deadline.
func (r *registry) runAll() {
	r.mu.Lock()
	fns := make([]func(), 0, len(r.fns))
	for _, fn := range r.fns {
		fns = append(fns, fn)
	}
	r.mu.Unlock()
	done := make(chan struct{})
	go func() {
		var wg sync.WaitGroup
		for _, fn := range fns {
			wg.Add(1)
			go func() { defer wg.Done(); fn() }()
		}
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(cleanupDeadline):
	}
}
