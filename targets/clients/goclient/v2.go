package goclient

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/stsconform/stsconform/targets/clients/driver"
)

// V2Module is the module path of the aws-sdk-go-v2 STS client.
const V2Module = "github.com/aws/aws-sdk-go-v2/service/sts"

// V2 is aws-sdk-go-v2's STS client behind driver.Client.
type V2 struct {
	http    *http.Client
	extra   []func(*sts.Options)
	clients cache[*sts.Client]
	name    string
}

// NewV2 returns the go-v2 adapter. extra options are applied after the
// request's own settings (endpoint, credentials, attempts): the gate's
// tests use them to break the client on purpose.
func NewV2(extra ...func(*sts.Options)) *V2 {
	v := &V2{http: newHTTPClient(), extra: extra, name: "go-v2"}
	v.clients.build = v.build
	return v
}

// Named returns the adapter under another client name (a broken variant
// in the gate's own tests).
func (v *V2) Named(name string) *V2 { v.name = name; return v }

// Hello names the client and the STS module version linked in.
func (v *V2) Hello() driver.Hello { return hello(v.name, moduleVersion(V2Module)) }

// Close releases idle connections.
func (v *V2) Close() error { v.http.CloseIdleConnections(); return nil }

func (v *V2) build(k clientKey) *sts.Client {
	o := sts.Options{
		Region:       k.region,
		BaseEndpoint: aws.String(k.endpoint),
		Credentials:  aws.CredentialsProviderFunc(callCredentials),
		HTTPClient:   v.http,
	}
	if k.maxAttempts > 0 {
		o.RetryMaxAttempts = k.maxAttempts
	}
	for _, f := range v.extra {
		f(&o)
	}
	return sts.New(o)
}

// Do makes one GetSessionToken call.
func (v *V2) Do(ctx context.Context, req driver.Request) (driver.Reply, error) {
	in, err := v2Input(req.Input)
	if err != nil {
		return inexpressible(req.ID, err)
	}
	if req.TimeoutMs > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, time.Duration(req.TimeoutMs)*time.Millisecond)
		defer cancel()
	}
	ctx = context.WithValue(ctx, credentialsKey{}, req.Credentials)
	out, err := v.clients.get(keyOf(req)).GetSessionToken(ctx, in)
	if err != nil {
		return driver.Reply{ID: req.ID, Phase: v2Phase(err), Error: v2Error(err)}, nil
	}
	rep := driver.Reply{ID: req.ID, Phase: driver.PhaseParsed, Output: &driver.Output{}}
	if c := out.Credentials; c != nil {
		oc := &driver.OutputCredentials{AccessKeyID: str(c.AccessKeyId), SecretAccessKey: str(c.SecretAccessKey), SessionToken: str(c.SessionToken)}
		if c.Expiration != nil {
			oc.Expiration, oc.ExpirationKind = aws.String(formatTime(*c.Expiration)), driver.ExpirationTime
		}
		rep.Output.Credentials = oc
	}
	return rep, nil
}

// credentialsKey carries a call's credentials: one client serves every
// case of a configuration, each case signing with its own key.
type credentialsKey struct{}

func callCredentials(ctx context.Context) (aws.Credentials, error) {
	c, ok := ctx.Value(credentialsKey{}).(driver.Credentials)
	if !ok {
		return aws.Credentials{}, errors.New("goclient: no credentials for this call")
	}
	return aws.Credentials{AccessKeyID: c.AccessKeyID, SecretAccessKey: c.SecretAccessKey, Source: "stsconform"}, nil
}

// v2Input builds v2's input type, every model member at its own width.
func v2Input(in driver.Input) (*sts.GetSessionTokenInput, error) {
	out := &sts.GetSessionTokenInput{}
	if err := fill(out, in, "is no member of sts.GetSessionTokenInput"); err != nil {
		return nil, err
	}
	return out, nil
}

func inexpressible(id int64, err error) (driver.Reply, error) {
	return driver.Reply{ID: id, Phase: driver.PhaseInexpressible, Detail: err.Error()}, nil
}

func v2Phase(err error) string {
	var invalid smithy.InvalidParamsError
	if errors.As(err, &invalid) {
		return driver.PhaseRejected
	}
	return driver.PhaseError
}

// v2Error reports the error as the SDK exposes it.
func v2Error(err error) *driver.Error {
	e := &driver.Error{Kind: driver.KindOther, Class: errClass(err), Message: err.Error()}
	var invalid smithy.InvalidParamsError
	var apiErr smithy.APIError
	var respErr *awshttp.ResponseError
	var deser *smithy.DeserializationError
	var send *smithyhttp.RequestSendError
	switch {
	case errors.As(err, &invalid):
		e.Kind = driver.KindValidation
	case errors.As(err, &apiErr):
		e.Kind, e.Code, e.Message = driver.KindService, apiErr.ErrorCode(), apiErr.ErrorMessage()
		e.Fault = fault(apiErr.ErrorFault())
	case errors.As(err, &deser):
		e.Kind = driver.KindParse
	case errors.As(err, &send), errors.Is(err, context.DeadlineExceeded):
		e.Kind = driver.KindTransport
	}
	if errors.As(err, &respErr) {
		e.HTTPStatus, e.RequestID = respErr.HTTPStatusCode(), respErr.ServiceRequestID()
		if e.Kind == driver.KindOther {
			e.Kind = driver.KindParse // an answer arrived and the SDK could not read it
		}
	}
	return e
}

func fault(f smithy.ErrorFault) string {
	switch f {
	case smithy.FaultClient:
		return "Sender"
	case smithy.FaultServer:
		return "Receiver"
	}
	return ""
}
