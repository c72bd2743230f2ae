package clients

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/targets/clients/driver"
	"github.com/stsconform/stsconform/targets/local"
)

// Target is a client as a target of the main suite (spec client=<name>):
// the client calls our STS library served on a loopback port, and its
// reply becomes the outcome the oracle judges. The client's encoding,
// signing and parsing are under test; the server is the reference one.
type Target struct {
	name   string
	entry  Entry
	client driver.Client
	server *local.HTTPServer
	nextID int64
}

// OpenTarget opens client=<name>. The repository root is found above the
// working directory (drivers are started from it).
func OpenTarget(name string) (*Target, error) {
	e, err := Lookup(name)
	if err != nil {
		return nil, err
	}
	root, err := repoRoot()
	if err != nil {
		return nil, err
	}
	c, err := e.Open(context.Background(), root)
	if err != nil {
		return nil, err
	}
	srv, err := local.StartHTTP(local.New())
	if err != nil {
		_ = c.Close()
		return nil, err
	}
	return &Target{name: "client=" + name, entry: e, client: c, server: srv}, nil
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("clients: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Name is client=<name>.
func (t *Target) Name() string { return t.name }

// Version names the client library the driver loaded.
func (t *Target) Version() string { h := t.client.Hello(); return h.Client + " " + h.Version }

// Callers are the local library's identities, MFA device known.
func (t *Target) Callers() []call.Caller {
	var out []call.Caller
	for _, k := range call.CallerKinds {
		out = append(out, call.Caller{Kind: k, Devices: []call.Device{call.DefaultDevice}, DevicesKnown: true})
	}
	return out
}

// Close stops the client and the server.
func (t *Target) Close() error { return errors.Join(t.client.Close(), t.server.Close()) }

// GetSessionToken makes one call through the client.
func (t *Target) GetSessionToken(ctx context.Context, caller call.CallerKind, in call.Input) (call.Outcome, error) {
	t.nextID++
	req := driver.Request{ID: t.nextID, Endpoint: t.server.URL(), Region: "us-east-1", MaxAttempts: 1, Validate: !t.entry.NoValidate, TimeoutMs: 10000,
		Credentials: driver.Credentials{AccessKeyID: local.AccessKeyID(caller), SecretAccessKey: local.DefaultSecretAccessKey},
		Input:       inputOf(in)}
	sent := time.Now()
	reply, err := t.client.Do(ctx, req)
	if err != nil {
		return call.Outcome{}, err
	}
	o, err := outcomeOf(reply)
	o.Sent, o.Received = sent, time.Now()
	return o, err
}

// inputOf is the request's members, each under its model name: an
// integer member as a JSON number, a string member as a JSON string.
func inputOf(in call.Input) driver.Input {
	out := driver.Input{}
	for _, v := range in.Values() {
		data, _ := json.Marshal(v.Any()) // an int32 or a string always marshals
		out[v.Member.Name] = data
	}
	return out
}

// outcomeOf turns a reply into an outcome; what the client could not
// answer is a Go error.
func outcomeOf(r driver.Reply) (call.Outcome, error) {
	switch {
	case r.Phase == driver.PhaseRejected:
		return call.Outcome{Kind: call.ClientError, Error: &call.ErrorDetails{Code: r.Error.Class, Message: r.Error.Message}}, nil
	case r.Phase == driver.PhaseError && r.Error.Kind == driver.KindService:
		e := r.Error
		return call.Outcome{Kind: call.ServiceError, HTTPStatus: e.HTTPStatus,
			Error: &call.ErrorDetails{Type: e.Fault, Code: e.Code, Message: e.Message, RequestID: e.RequestID}}, nil
	case r.Phase == driver.PhaseParsed:
		return successOf(r)
	}
	return call.Outcome{}, fmt.Errorf("client gave no usable answer: %s", r)
}

func successOf(r driver.Reply) (call.Outcome, error) {
	o := call.Outcome{Kind: call.Success, HTTPStatus: 200}
	if r.Output == nil || r.Output.Credentials == nil {
		return o, nil
	}
	c := r.Output.Credentials
	cr := &call.Credentials{AccessKeyID: deref(c.AccessKeyID), SecretAccessKey: deref(c.SecretAccessKey), SessionToken: deref(c.SessionToken)}
	if c.Expiration != nil {
		exp, err := time.Parse(time.RFC3339Nano, *c.Expiration)
		if err != nil {
			return call.Outcome{}, fmt.Errorf("client's Expiration %q (%s) is no instant: %v", *c.Expiration, c.ExpirationKind, err)
		}
		cr.Expiration = exp
	}
	o.Credentials = cr
	return o, nil
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
