// Package spec opens targets from the specs users write on the command line
// (-targets=local,local-http,endpoint=http://127.0.0.1:5000):
//
//	local                the in-process STS library
//	local-http           the same library behind an awsQuery HTTP server on
//	                     a loopback port, called through the aws-sdk-go-v2 client
//	endpoint=URL[;k=v…]  any running STS-compatible server, through the SDK
//	moto, localstack, ministack
//	                     the emulator from its pinned PyPI version, run as a
//	                     local process (installed into .venv/ on first use)
//	moto-container, localstack-container, ministack-container
//	                     the same emulators in containers, through dockertest
//
// Options of endpoint, separated by ';': name (report name, default
// "endpoint"), region (default us-east-1), caller (iam-user, root or session:
// who the credentials belong to; default iam-user), access-key (default
// AKIAIOSFODNN7EXAMPLE), secret-env (environment variable holding the secret
// key; default a dummy secret, which emulators accept), timeout (per call,
// e.g. 5s), session-token-env (variable holding a session token). MFA
// devices of an endpoint are unknown to the suite.
//
//	aws[;region=…;profile=…;budget=…;rate=…;endpoint=…]
//	                     real AWS STS, opt-in (see targets/aws): credentials
//	                     from the SDK's chain, a call budget and a rate limit
//	recorded[;dir=…]     answers recorded from AWS (fixtures/recorded), replayed
//	client=NAME          an STS client (go-v2, go-v1, rusoto, aws-sdk-rust,
//	                     botocore, js; targets/clients) calling the local
//	                     library on a loopback port
package spec

import (
	"context"
	"fmt"
	"github.com/stsconform/stsconform/internal/dummykeys"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/targets"
	awstarget "github.com/stsconform/stsconform/targets/aws"
	"github.com/stsconform/stsconform/targets/clients"
	"github.com/stsconform/stsconform/targets/container"
	"github.com/stsconform/stsconform/targets/emulator"
	"github.com/stsconform/stsconform/targets/local"
	"github.com/stsconform/stsconform/targets/recorded"
	"github.com/stsconform/stsconform/targets/sdkclient"
)

// Default is the spec the main job runs when none is given.
const Default = "local,local-http"

// Option configures how targets are opened.
type Option func(*options)

type options struct{ logDir string }

func (o options) emulatorOptions() []emulator.Option {
	if o.logDir == "" {
		return nil
	}
	return []emulator.Option{emulator.WithLogDir(o.logDir)}
}

func (o options) containerOptions() []container.Option {
	if o.logDir == "" {
		return nil
	}
	return []container.Option{container.LogDir(o.logDir)}
}

// WithLogDir puts the logs of emulator processes and containers in dir.
func WithLogDir(dir string) Option { return func(o *options) { o.logDir = dir } }

// OpenAll opens every target of a comma-separated list. On error, targets
// already opened are closed.
func OpenAll(list string, opts ...Option) ([]targets.Target, error) {
	var out []targets.Target
	for _, s := range Split(list) {
		t, err := Open(s, opts...)
		if err != nil {
			CloseAll(out)
			return nil, fmt.Errorf("target %q: %w", s, err)
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no target in %q", list)
	}
	return out, nil
}

// Split cuts a -targets value into specs. Commas separate specs; an
// endpoint's own options use ';', so they never contain a comma.
func Split(list string) []string {
	var out []string
	for _, s := range strings.Split(list, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// CloseAll closes every target that holds resources.
func CloseAll(ts []targets.Target) {
	for _, t := range ts {
		if c, ok := t.(targets.Closer); ok {
			_ = c.Close()
		}
	}
}

// Open opens one target.
func Open(s string, opts ...Option) (targets.Target, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if s == "aws" || strings.HasPrefix(s, "aws;") {
		return awstarget.OpenSpec(context.Background(), strings.TrimPrefix(s, "aws"))
	}
	if s == "recorded" || strings.HasPrefix(s, "recorded;") {
		return recorded.OpenSpec(strings.TrimPrefix(s, "recorded"))
	}
	name, arg, _ := strings.Cut(s, "=")
	switch {
	case name == "local":
		return local.NewTarget(local.New()), nil
	case name == "local-http":
		return openLocalHTTP()
	case name == "endpoint":
		return openEndpoint(arg)
	case name == "client":
		return clients.OpenTarget(arg)
	case slices.Contains(emulator.Names(), name):
		return emulator.Open(name, o.emulatorOptions()...)
	case slices.Contains(container.Names(), name):
		return container.Open(name, o.containerOptions()...)
	}
	return nil, fmt.Errorf("unknown target %q (known: local, local-http, endpoint=URL, %s, %s)",
		name, strings.Join(emulator.Names(), ", "), strings.Join(container.Names(), ", "))
}

// localHTTP is the local library served over HTTP; closing it stops the server.
type localHTTP struct {
	*sdkclient.Target
	server *local.HTTPServer
}

func (l *localHTTP) Close() error {
	_ = l.Target.Close()
	return l.server.Close()
}

func openLocalHTTP() (targets.Target, error) {
	svc := local.New()
	srv, err := local.StartHTTP(svc)
	if err != nil {
		return nil, err
	}
	var ids []sdkclient.Identity
	for _, kind := range call.CallerKinds {
		ids = append(ids, sdkclient.Identity{
			Caller:      call.Caller{Kind: kind, Devices: []call.Device{call.DefaultDevice}, DevicesKnown: true},
			AccessKeyID: local.AccessKeyID(kind), SecretAccessKey: local.DefaultSecretAccessKey,
		})
	}
	t, err := sdkclient.New(sdkclient.Config{Name: "local-http", Endpoint: srv.URL(), Identities: ids})
	if err != nil {
		_ = srv.Close()
		return nil, err
	}
	return &localHTTP{Target: t, server: srv}, nil
}

// Dummy credentials for endpoints that accept any.
const (
	dummyAccessKey = dummykeys.AccessKeyID
	dummySecret    = dummykeys.SecretAccessKey
)

func openEndpoint(arg string) (targets.Target, error) {
	parts := strings.Split(arg, ";")
	if parts[0] == "" {
		return nil, fmt.Errorf("endpoint needs a URL: endpoint=http://host:port")
	}
	opts := map[string]string{"name": "endpoint", "caller": string(call.User), "access-key": dummyAccessKey}
	for _, p := range parts[1:] {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			return nil, fmt.Errorf("endpoint option %q is not key=value", p)
		}
		opts[k] = v
	}
	cfg, err := endpointConfig(parts[0], opts)
	if err != nil {
		return nil, err
	}
	return sdkclient.New(cfg)
}

func endpointConfig(url string, opts map[string]string) (sdkclient.Config, error) {
	secret := dummySecret
	if env := opts["secret-env"]; env != "" {
		if secret = os.Getenv(env); secret == "" {
			return sdkclient.Config{}, fmt.Errorf("secret-env: $%s is empty", env)
		}
	}
	kind := call.CallerKind(opts["caller"])
	if !known(kind) {
		return sdkclient.Config{}, fmt.Errorf("caller %q: want one of %v", kind, call.CallerKinds)
	}
	cfg := sdkclient.Config{Name: opts["name"], Endpoint: url, Region: opts["region"],
		Identities: []sdkclient.Identity{{Caller: call.Caller{Kind: kind}, AccessKeyID: opts["access-key"], SecretAccessKey: secret,
			SessionToken: os.Getenv(opts["session-token-env"])}}}
	if t := opts["timeout"]; t != "" {
		d, err := time.ParseDuration(t)
		if err != nil {
			return cfg, fmt.Errorf("timeout: %w", err)
		}
		cfg.Timeout = d
	}
	for k := range opts {
		if !strings.Contains(" name region caller access-key secret-env session-token-env timeout ", " "+k+" ") {
			return cfg, fmt.Errorf("unknown endpoint option %q", k)
		}
	}
	return cfg, nil
}

func known(k call.CallerKind) bool {
	for _, c := range call.CallerKinds {
		if c == k {
			return true
		}
	}
	return false
}
