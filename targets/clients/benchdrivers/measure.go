package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"syscall"
	"time"

	"github.com/stsconform/stsconform/call"
	clients "github.com/stsconform/stsconform/targets/clients"
	"github.com/stsconform/stsconform/targets/clients/driver"
	"github.com/stsconform/stsconform/targets/local"
)

// result holds one client's seconds per round, each side.
type result struct {
	entry                     clients.Entry
	hello                     driver.Hello
	n                         int
	loop, pipelined, lockstep []float64
	// cpu is this process's CPU seconds (the local server, and the Go
	// side of the protocol) while each side ran, over all rounds.
	cpu [3]float64
}

// measure runs one client's rounds against a fresh local server.
func measure(ctx context.Context, cfg config, e clients.Entry) (res result, err error) {
	server, err := local.StartHTTP(local.New())
	if err != nil {
		return result{}, err
	}
	defer func() { err = errors.Join(err, server.Close()) }()
	c, err := e.Open(ctx, cfg.root)
	if err != nil {
		return result{}, err
	}
	defer func() { err = errors.Join(err, closeErr("the driver", c.Close())) }()
	line, err := json.Marshal(request(server.URL(), e, 0))
	if err != nil {
		return result{}, err
	}
	loop, err := startLoop(e.LoopCommand(cfg.root), cfg.root, string(line))
	if err != nil {
		return result{}, err
	}
	defer func() { err = errors.Join(err, loop.close(ctx)) }()
	s := &sides{ctx: ctx, client: c, entry: e, endpoint: server.URL(), loop: loop}
	res = result{entry: e, hello: c.Hello(), n: cfg.n}
	if err := s.warm(cfg.warmup); err != nil {
		return result{}, fmt.Errorf("warm-up: %w", err)
	}
	for round := 1; round <= cfg.rounds; round++ {
		times, err := s.round(cfg.n, &res.cpu)
		if err != nil {
			return result{}, fmt.Errorf("round %d: %w", round, err)
		}
		res.loop, res.pipelined, res.lockstep = append(res.loop, times[0]), append(res.pipelined, times[1]), append(res.lockstep, times[2])
	}
	return res, nil
}

func closeErr(what string, err error) error {
	if err != nil {
		return fmt.Errorf("closing %s: %w", what, err)
	}
	return nil
}

// request is the benchmark's one case: the local server's default user, a
// valid input without MFA, no retry, validation as the client's column has
// it.
func request(endpoint string, e clients.Entry, id int64) driver.Request {
	return driver.Request{
		ID: id, Endpoint: endpoint, Region: "us-east-1",
		Credentials: driver.Credentials{AccessKeyID: local.AccessKeyID(call.User), SecretAccessKey: local.DefaultSecretAccessKey},
		MaxAttempts: 1, Validate: !e.NoValidate, TimeoutMs: 10000,
		Input: driver.Input{"DurationSeconds": json.RawMessage("900")},
	}
}

// sides are the loop server and the driver of one client.
type sides struct {
	ctx      context.Context
	client   driver.Client
	entry    clients.Entry
	endpoint string
	loop     *loopServer
	nextID   int64
}

// warm makes n untimed calls on each side.
func (s *sides) warm(n int) error {
	if n == 0 {
		return nil
	}
	if _, err := s.loop.seconds(s.ctx, n); err != nil {
		return err
	}
	if _, err := s.pipelined(n); err != nil {
		return err
	}
	_, err := s.lockstep(n)
	return err
}

// round times n calls in the loop server, then n cases pipelined, then n in
// lockstep, and adds this process's CPU seconds during each to cpu.
func (s *sides) round(n int, cpu *[3]float64) (seconds [3]float64, err error) {
	runs := [3]struct {
		name string
		run  func(int) (float64, error)
	}{
		{"loop", func(n int) (float64, error) { return s.loop.seconds(s.ctx, n) }},
		{"pipelined", s.pipelined},
		{"lockstep", s.lockstep},
	}
	for i, side := range runs {
		before := cpuSeconds()
		if seconds[i], err = side.run(n); err != nil {
			return seconds, fmt.Errorf("%s: %w", side.name, err)
		}
		cpu[i] += cpuSeconds() - before
	}
	return seconds, nil
}

// cpuSeconds is this process's user and system CPU time so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return math.NaN()
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// pipelined sends n cases as the gate does: the next request is sent before
// the reply to the previous one is waited for.
func (s *sides) pipelined(n int) (float64, error) {
	start := time.Now()
	pending := driver.Send(s.ctx, s.client, s.next())
	for i := 1; i <= n; i++ {
		var ahead *driver.Pending
		if i < n {
			ahead = driver.Send(s.ctx, s.client, s.next())
		}
		reply, err := pending.Wait(s.ctx)
		if err := check(reply, err); err != nil {
			return 0, err
		}
		pending = ahead
	}
	return time.Since(start).Seconds(), nil
}

// lockstep sends n cases one at a time, each reply read before the next
// request is written.
func (s *sides) lockstep(n int) (float64, error) {
	start := time.Now()
	for range n {
		reply, err := s.client.Do(s.ctx, s.next())
		if err := check(reply, err); err != nil {
			return 0, err
		}
	}
	return time.Since(start).Seconds(), nil
}

func (s *sides) next() driver.Request {
	s.nextID++
	return request(s.endpoint, s.entry, s.nextID)
}

// check requires a reply with credentials.
func check(reply driver.Reply, err error) error {
	switch {
	case err != nil:
		return err
	case reply.Phase != driver.PhaseParsed:
		return fmt.Errorf("the driver answered %s, not %s", reply, driver.PhaseParsed)
	case reply.Output == nil || reply.Output.Credentials == nil || reply.Output.Credentials.AccessKeyID == nil:
		return fmt.Errorf("the driver's reply has no credentials: %s", reply)
	}
	return nil
}
