// Package sdkclient is the target for any STS-compatible HTTP endpoint,
// called through the real aws-sdk-go-v2 STS client: SigV4 signing, awsQuery
// form encoding, XML and error parsing are all the SDK's own. The SDK makes
// one attempt per call (no retries) and each call has a deadline, so a
// failing or hung server shows up as it is.
package sdkclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/stsconform/stsconform/call"
)

// Identity is a set of credentials the target signs with, for one caller.
type Identity struct {
	Caller          call.Caller
	AccessKeyID     string
	SecretAccessKey string // never printed
	SessionToken    string // never printed
}

// Config describes an endpoint.
type Config struct {
	Name       string
	Endpoint   string // e.g. http://127.0.0.1:4566
	Region     string // default us-east-1
	Identities []Identity
	// Timeout bounds each call (default 10s).
	Timeout time.Duration
	// MaxBodyBytes bounds how much of a response is read (default 1 MiB).
	MaxBodyBytes int64
}

// Target calls an endpoint through the SDK.
type Target struct {
	cfg     Config
	clients map[call.CallerKind]*sts.Client
	http    *http.Client
}

// New builds a target; it does not contact the endpoint.
func New(cfg Config) (*Target, error) {
	if cfg.Endpoint == "" {
		return nil, errors.New("sdkclient: no endpoint")
	}
	if len(cfg.Identities) == 0 {
		return nil, errors.New("sdkclient: no identity to sign with")
	}
	if cfg.Region == "" {
		cfg.Region = "us-east-1"
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	httpClient := &http.Client{
		Timeout:   cfg.Timeout,
		Transport: &boundedTransport{next: defaultTransport(), max: cfg.MaxBodyBytes},
	}
	t := &Target{cfg: cfg, clients: map[call.CallerKind]*sts.Client{}, http: httpClient}
	for _, id := range cfg.Identities {
		t.clients[id.Caller.Kind] = sts.New(sts.Options{
			Region:           cfg.Region,
			BaseEndpoint:     aws.String(cfg.Endpoint),
			Credentials:      credentials.NewStaticCredentialsProvider(id.AccessKeyID, id.SecretAccessKey, id.SessionToken),
			RetryMaxAttempts: 1,
			HTTPClient:       httpClient,
		})
	}
	return t, nil
}

func defaultTransport() *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 64
	return tr
}

// Name returns the configured name.
func (t *Target) Name() string { return t.cfg.Name }

// Identity returns the credentials the target signs with for a caller, so
// that other clients (raw mode) can sign the same way.
func (t *Target) Identity(kind call.CallerKind) (Identity, bool) {
	for _, id := range t.cfg.Identities {
		if id.Caller.Kind == kind {
			return id, true
		}
	}
	return Identity{}, false
}

// Region returns the region the target signs for.
func (t *Target) Region() string { return t.cfg.Region }

// Close releases the target's idle connections.
func (t *Target) Close() error {
	t.http.CloseIdleConnections()
	return nil
}

// Endpoint returns the URL the target calls.
func (t *Target) Endpoint() string { return t.cfg.Endpoint }

// Callers lists the identities configured.
func (t *Target) Callers() []call.Caller {
	out := make([]call.Caller, 0, len(t.cfg.Identities))
	for _, id := range t.cfg.Identities {
		out = append(out, id.Caller)
	}
	return out
}

// CallTimeout is the bound this target puts on each call (its Timeout).
func (t *Target) CallTimeout() time.Duration { return t.cfg.Timeout }

// GetSessionToken makes one call through the SDK.
func (t *Target) GetSessionToken(ctx context.Context, caller call.CallerKind, in call.Input) (call.Outcome, error) {
	client, ok := t.clients[caller]
	if !ok {
		return call.Outcome{}, fmt.Errorf("%s: no identity for caller %s", t.cfg.Name, caller)
	}
	ctx, cancel := context.WithTimeout(ctx, t.cfg.Timeout)
	defer cancel()
	ctx, body := withCapture(ctx)
	sent := time.Now()
	out, err := client.GetSessionToken(ctx, in.SDK())
	received := time.Now()
	if err != nil {
		o, err := fromError(err, body)
		o.Sent, o.Received = sent, received
		if err == nil && o.Kind == call.ServiceError {
			o.Wire = body.wire()
		}
		return o, err
	}
	// The SDK reads a body it cannot parse as a success without
	// credentials: only then is the body checked in full.
	if out.Credentials == nil {
		if err := body.wellFormed("GetSessionTokenResponse"); err != nil {
			return call.Outcome{}, err
		}
	}
	o := fromOutput(out)
	o.Sent, o.Received = sent, received
	o.Wire = body.wire()
	return o, nil
}

func fromOutput(out *sts.GetSessionTokenOutput) call.Outcome {
	o := call.Outcome{Kind: call.Success, SessionTokenSize: out.SessionTokenSize}
	if raw, ok := awsmiddleware.GetRawResponse(out.ResultMetadata).(*smithyhttp.Response); ok {
		o.HTTPStatus = raw.StatusCode
	}
	if c := out.Credentials; c != nil {
		o.Credentials = &call.Credentials{
			AccessKeyID: aws.ToString(c.AccessKeyId), SecretAccessKey: aws.ToString(c.SecretAccessKey),
			SessionToken: aws.ToString(c.SessionToken), Expiration: aws.ToTime(c.Expiration),
		}
	}
	return o
}

// fromError turns an SDK error into an outcome when the server gave an
// AWS-style error response, and into a Go error otherwise.
func fromError(err error, body *captured) (call.Outcome, error) {
	var respErr *smithyhttp.ResponseError
	var apiErr smithy.APIError
	switch {
	case errors.As(err, &respErr) && errors.As(err, &apiErr):
		// The SDK names an error it cannot read "UnknownError".
		if apiErr.ErrorCode() == "UnknownError" {
			if werr := body.wellFormed("ErrorResponse"); werr != nil {
				return call.Outcome{}, fmt.Errorf("HTTP %d: %w", respErr.HTTPStatusCode(), werr)
			}
		}
		details := &call.ErrorDetails{Code: apiErr.ErrorCode(), Message: apiErr.ErrorMessage(), Type: body.errorType()}
		var reqID interface{ ServiceRequestID() string }
		if errors.As(err, &reqID) {
			details.RequestID = reqID.ServiceRequestID()
		}
		if details.RequestID == "" {
			// sts v1.52.0 takes RequestId from the header only; the
			// server's answer is what is judged, so read its body too.
			details.RequestID = body.bodyRequestID()
		}
		return call.Outcome{Kind: call.ServiceError, HTTPStatus: respErr.HTTPStatusCode(), Error: details}, nil
	case errors.As(err, &respErr):
		return call.Outcome{}, fmt.Errorf("HTTP %d with an unparsable body %s: %w", respErr.HTTPStatusCode(), body.excerpt(), err)
	}
	var invalid smithy.InvalidParamsError
	if errors.As(err, &invalid) {
		return call.Outcome{Kind: call.ClientError, Error: &call.ErrorDetails{Code: "InvalidParameter", Message: invalid.Error()}}, nil
	}
	return call.Outcome{}, err
}
