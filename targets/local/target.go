package local

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/targets"
)

// Target is the "local" target: the Service called in process.
type Target struct {
	svc *Service
}

var _ targets.Target = (*Target)(nil)

// NewTarget wraps a Service as a target.
func NewTarget(svc *Service) *Target { return &Target{svc: svc} }

// Name returns "local".
func (t *Target) Name() string { return "local" }

// Callers lists the default user, root and session identities, each with
// call.DefaultDevice.
func (t *Target) Callers() []call.Caller {
	var out []call.Caller
	for _, kind := range call.CallerKinds {
		out = append(out, call.Caller{Kind: kind, Devices: []call.Device{call.DefaultDevice}, DevicesKnown: true})
	}
	return out
}

// GetSessionToken calls the Service and reports what it answered. Sent and
// Received are read from the service's clock, which also dates expirations.
func (t *Target) GetSessionToken(ctx context.Context, caller call.CallerKind, in call.Input) (call.Outcome, error) {
	sent := t.svc.clock()
	out, err := t.svc.GetSessionToken(ctx, caller, in.SDK())
	received := t.svc.clock()
	var apiErr *APIError
	switch {
	case errors.As(err, &apiErr):
		return call.Outcome{Kind: call.ServiceError, HTTPStatus: apiErr.HTTPStatus, Sent: sent, Received: received,
			Error: &call.ErrorDetails{Type: apiErr.Type, Code: apiErr.Code, Message: apiErr.Message}}, nil
	case err != nil:
		return call.Outcome{}, err
	}
	c := out.Credentials
	return call.Outcome{
		Kind: call.Success, HTTPStatus: 200, Sent: sent, Received: received,
		Credentials: &call.Credentials{
			AccessKeyID: aws.ToString(c.AccessKeyId), SecretAccessKey: aws.ToString(c.SecretAccessKey),
			SessionToken: aws.ToString(c.SessionToken), Expiration: aws.ToTime(c.Expiration),
		},
		SessionTokenSize: out.SessionTokenSize,
	}, nil
}
