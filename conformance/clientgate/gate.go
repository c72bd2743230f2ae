// Package clientgate is the regression gate for STS clients (SDKs and SDK
// forks): it runs real clients against a scripted awsQuery server of its
// own on loopback and judges, per client, six properties:
//
//   - validation: what the client refuses before sending, against the
//     oracle (refusing what AWS accepts diverges; letting invalid input
//     through is expected and stated in the report);
//   - encoding: exactly one request, POST to /, a form body whose decoded
//     form is exactly the input;
//   - signing: a SigV4 signature verifying against the known secret, with
//     the SDK's own signer;
//   - success parsing and error parsing: the client returns what an XML 1.0
//     parser reads from the body (package wire decides);
//   - retries: 5xx and throttling retried as the client documents, 4xx
//     never, one attempt when told so.
//
// Clients are driver.Client values: driver processes speaking
// targets/clients/PROTOCOL.md, or the in-process Go clients. All judging is
// here; clients only translate.
package clientgate

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/stsconform/stsconform/conformance/clientgate/wire"
	"github.com/stsconform/stsconform/conformance/oracle"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets/clients/driver"
)

// Subject is one client under test.
type Subject struct {
	Name   string
	Client driver.Client
	// DefaultAttempts is how many attempts the client documents for a
	// retryable error (5xx, throttling) under its default retry policy.
	DefaultAttempts int
	// NoValidate asks the client to switch its client-side parameter
	// validation off, where it has a switch (botocore): the request's
	// validate flag is false.
	NoValidate bool
}

// Options configure a gate run.
type Options struct {
	// Seed and Cases choose the generated inputs: case i is drawn from
	// seed+i, so any case replays alone (Only).
	Seed  uint64
	Cases int
	// Responses is the number of generated response bodies per client.
	Responses int
	// Vectors are hand-chosen response bodies (fixtures/wire/responses)
	// every client also reads, after the generated ones: the named
	// findings (epoch and HTTP-date Expiration, a SessionToken attribute,
	// a prefixed Credentials, references and CDATA) in every run.
	Vectors []wire.Vector
	// OnlyVector, when set, runs that one vector alone (a replay).
	OnlyVector string
	// Only, when set, runs that one input case (and no response or retry
	// case): a replay. OnlyResponse does the same for a response case.
	Only, OnlyResponse *int
	// Retries runs the retry scenarios (slow: the clients back off).
	Retries bool
	// Timeout bounds each call (default 10s): each attempt, and with the
	// driver's grace the whole call, the clients' real retry backoff
	// included.
	Timeout time.Duration
	// AttemptTimeout bounds a call that makes a single attempt instead
	// (default 3s, at most Timeout): the scripted server answers at once,
	// so a client still busy after it is hung (rusoto spins on a body with
	// an undeclared prefix, rusoto#1989).
	AttemptTimeout time.Duration
	// Observe, when set, is called with every observation as it is
	// recorded (from the goroutine running the gate).
	Observe func(Observation)
	// Replay renders the command that replays a case of a client, given
	// the gate flags that select it (e.g. "-only=7").
	Replay func(client string, seed uint64, selection string) string
}

// Defaults for Options.
const (
	DefaultCases     = 300
	DefaultResponses = 300
)

func (o *Options) defaults() {
	if o.Timeout == 0 {
		o.Timeout = 10 * time.Second
	}
	if o.AttemptTimeout == 0 {
		o.AttemptTimeout = 3 * time.Second
	}
	if o.Replay == nil {
		o.Replay = func(client string, seed uint64, selection string) string {
			return fmt.Sprintf("go test ./conformance/clientgate -count=1 -run '^TestGate$' -baselines=none -clients=%s -seed=%d %s", client, seed, selection)
		}
	}
}

// checks is how many cases each client is given: one for a replay.
func (o Options) checks() int {
	if o.Only != nil || o.OnlyResponse != nil || o.OnlyVector != "" {
		return 1
	}
	return o.Cases + o.Responses + len(o.Vectors)
}

// region and secret sign every case; the secret is a dummy, known to the
// server, never a real credential.
const (
	region = "us-east-1"
	secret = "stsconformSecretKeyForTheClientGate0000"
)

// Run runs the gate on every subject, one after the other, and returns the
// report (targets: the clients; rows: the property classes). A subject
// whose driver fails is reported case by case; Run returns an error only
// when the gate itself cannot run (no loopback port).
func Run(ctx context.Context, subjects []Subject, opts Options) (report.Report, error) {
	opts.defaults()
	var infos []report.TargetInfo
	for _, s := range subjects {
		h := s.Client.Hello()
		infos = append(infos, report.TargetInfo{Name: s.Name, Version: h.Client + " " + h.Version + " (" + h.Runtime + ")"})
	}
	rec := newRecorder(infos, opts.Seed, opts.Replay("<clients>", opts.Seed, fmt.Sprintf("-cases=%d -responses=%d", opts.Cases, opts.Responses)))
	rec.observe = opts.Observe
	o := oracle.Default()
	for _, s := range subjects {
		srv, err := StartServer()
		if err != nil {
			return report.Report{}, err
		}
		r := &runner{subject: s, srv: srv, rec: rec, oracle: o, opts: opts}
		err = r.run(ctx)
		_ = srv.Close()
		if err != nil {
			return rec.finish(true), err
		}
	}
	rep := rec.finish(ctx.Err() != nil)
	rep.Checks = opts.checks()
	return rep, nil
}

// runner runs the gate for one subject.
type runner struct {
	subject Subject
	srv     *Server
	rec     *recorder
	oracle  *oracle.Oracle
	opts    Options
	nextID  int64
}

func (r *runner) run(ctx context.Context) error {
	switch {
	case r.opts.Only != nil:
		r.pipeline(ctx, one(r.inputJob(*r.opts.Only)))
		return ctx.Err()
	case r.opts.OnlyResponse != nil:
		r.pipeline(ctx, one(r.responseJob(*r.opts.OnlyResponse)))
		return ctx.Err()
	case r.opts.OnlyVector != "":
		for _, v := range r.opts.Vectors {
			if v.Name == r.opts.OnlyVector {
				r.pipeline(ctx, one(r.vectorJob(v)))
				return ctx.Err()
			}
		}
		return fmt.Errorf("no response vector %q", r.opts.OnlyVector)
	}
	r.pipeline(ctx, r.jobs())
	if r.opts.Retries {
		for _, sc := range retryScenarios(r.subject.DefaultAttempts) {
			if ctx.Err() != nil {
				break
			}
			r.retryCase(ctx, sc)
		}
	}
	return nil
}

// jobs are the input cases, the response cases and the vectors, in order.
func (r *runner) jobs() iter.Seq[job] {
	return func(yield func(job) bool) {
		for i := range r.opts.Cases {
			if !yield(r.inputJob(i)) {
				return
			}
		}
		for i := range r.opts.Responses {
			if !yield(r.responseJob(i)) {
				return
			}
		}
		for _, v := range r.opts.Vectors {
			if !yield(r.vectorJob(v)) {
				return
			}
		}
	}
}

// call runs one request alone and returns the reply and the requests that
// arrived.
func (r *runner) call(ctx context.Context, in driver.Input, maxAttempts int, answers ...Answer) (driver.Reply, []Arrival, error) {
	o := r.alone(ctx, job{input: in, maxAttempts: maxAttempts, answers: answers})
	return o.reply, o.arrivals, o.err
}
