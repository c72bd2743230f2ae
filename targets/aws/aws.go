// Package aws is the opt-in target for real AWS STS. Credentials come from
// the SDK's standard chain (config.LoadDefaultConfig: environment, shared
// profiles, SSO), with a configurable region and profile; AWS_ENDPOINT_URL_STS
// is honoured, as the SDK honours it. Every call is counted against a
// budget and paced by a rate limit; Throttling answers back off, are retried
// within the budget and are reported, never judged. GetCallerIdentity tells
// which kind of caller the credentials are. Given a virtual MFA device
// (STSCONFORM_MFA_SERIAL and its base32 STSCONFORM_MFA_SECRET), the target
// knows its codes and never sends one twice within its window.
//
// Secrets never leave the target: access key ids print masked, replays read
// keys and codes from the environment.
package aws

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/record"
	"github.com/stsconform/stsconform/targets/sdkclient"
)

// Environment variables naming the virtual MFA device.
const (
	MFASerialEnv = "STSCONFORM_MFA_SERIAL"
	MFASecretEnv = "STSCONFORM_MFA_SECRET"
)

// Defaults of Options.
const (
	DefaultBudget = 50
	DefaultRate   = 2.0 // calls per second
)

// Options configure the target; the zero value is the default.
type Options struct {
	Name     string  // report name, default "aws"
	Region   string  // default: the SDK's (AWS_REGION, profile), else us-east-1
	Profile  string  // shared config profile, default the SDK's
	Endpoint string  // overrides AWS_ENDPOINT_URL_STS (tests use a fake STS)
	Budget   int     // calls per run, GetCallerIdentity included; default 50
	Rate     float64 // calls per second, default 2
	// Backoff is the first wait after a Throttling answer (doubled after
	// each); default 1s.
	Backoff time.Duration
	Timeout time.Duration // per call, default 10s
}

// Target calls real STS (or what AWS_ENDPOINT_URL_STS names).
type Target struct {
	opts       Options
	inner      *sdkclient.Target
	caller     call.Caller
	arn        string
	keyID      string
	session    bool
	budget     *budget
	limit      *limiter
	throttled  atomic.Int64
	mu         sync.Mutex
	sentCodes  map[string]time.Time // MFA codes sent, by code
	validCodes map[string]bool      // those valid when sent
	creds      sdkaws.CredentialsProvider
	raw        *http.Client // for SendRaw
}

// Open loads the credentials, asks GetCallerIdentity who they are (one call
// of the budget) and returns the target. Any failure is a setup error.
func Open(ctx context.Context, opts Options) (*Target, error) {
	opts = withDefaults(opts)
	cfg, err := loadConfig(ctx, opts)
	if err != nil {
		return nil, err
	}
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, fmt.Errorf("aws: no usable credentials from the SDK's chain (environment, profile %q, SSO): %w", opts.Profile, err)
	}
	httpClient := &http.Client{Timeout: opts.Timeout}
	client := sts.NewFromConfig(cfg, func(o *sts.Options) {
		o.RetryMaxAttempts, o.HTTPClient = 1, httpClient
		if opts.Endpoint != "" {
			o.BaseEndpoint = sdkaws.String(opts.Endpoint)
		}
	})
	t := &Target{opts: opts, keyID: creds.AccessKeyID, session: creds.SessionToken != "",
		budget: &budget{limit: opts.Budget}, limit: newLimiter(opts.Rate), sentCodes: map[string]time.Time{}, validCodes: map[string]bool{},
		creds: cfg.Credentials, raw: httpClient}
	if err := t.identify(ctx, client, creds); err != nil {
		return nil, err
	}
	device, err := deviceFromEnv()
	if err != nil {
		return nil, err
	}
	t.caller.Devices, t.caller.DevicesKnown = device, len(device) > 0
	t.inner, err = sdkclient.New(sdkclient.Config{Name: opts.Name, Endpoint: endpointOf(client, cfg.Region), Region: cfg.Region,
		Timeout: opts.Timeout, Identities: []sdkclient.Identity{{Caller: t.caller, AccessKeyID: creds.AccessKeyID,
			SecretAccessKey: creds.SecretAccessKey, SessionToken: creds.SessionToken}}})
	return t, err
}

func withDefaults(o Options) Options {
	if o.Name == "" {
		o.Name = "aws"
	}
	if o.Budget == 0 {
		o.Budget = DefaultBudget
	}
	if o.Rate == 0 {
		o.Rate = DefaultRate
	}
	if o.Backoff == 0 {
		o.Backoff = time.Second
	}
	if o.Timeout == 0 {
		o.Timeout = 10 * time.Second
	}
	return o
}

func loadConfig(ctx context.Context, opts Options) (sdkaws.Config, error) {
	var load []func(*config.LoadOptions) error
	if opts.Region != "" {
		load = append(load, config.WithRegion(opts.Region))
	}
	if opts.Profile != "" {
		load = append(load, config.WithSharedConfigProfile(opts.Profile))
	}
	cfg, err := config.LoadDefaultConfig(ctx, load...)
	if err != nil {
		return cfg, fmt.Errorf("aws: loading the SDK configuration: %w", err)
	}
	if cfg.Region == "" {
		cfg.Region = "us-east-1"
	}
	return cfg, nil
}

// endpointOf is the endpoint the SDK resolved (AWS_ENDPOINT_URL_STS, a
// profile's endpoint_url, the endpoint option), else the regional one.
func endpointOf(client *sts.Client, region string) string {
	if ep := sdkaws.ToString(client.Options().BaseEndpoint); ep != "" {
		return ep
	}
	return "https://sts." + region + ".amazonaws.com"
}

// Name is the report name ("aws").
func (t *Target) Name() string { return t.opts.Name }

// Callers is the one identity the credentials are.
func (t *Target) Callers() []call.Caller { return []call.Caller{t.caller} }

// Endpoint is the URL called.
func (t *Target) Endpoint() string { return t.inner.Endpoint() }

// Region is the region signed for.
func (t *Target) Region() string { return t.inner.Region() }

// Credentials describes the credentials in use without their secret: the
// masked access key id and the caller kind.
func (t *Target) Credentials() string {
	return fmt.Sprintf("access key %s (%s, %s)", record.MaskKeyID(t.keyID), t.caller.Kind, t.arnShape())
}

// Close releases idle connections.
func (t *Target) Close() error { return t.inner.Close() }
