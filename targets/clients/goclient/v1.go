//lint:file-ignore SA1019 aws-sdk-go v1 is deprecated upstream; it is a client under test here, on purpose.

package goclient

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/awserr"
	"github.com/aws/aws-sdk-go/aws/client"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"

	"github.com/stsconform/stsconform/targets/clients/driver"
)

// V1DefaultAttempts is how many attempts v1's default retryer makes for a
// retryable error (its documented retries plus the first).
const V1DefaultAttempts = client.DefaultRetryerMaxNumRetries + 1

// V1 is aws-sdk-go v1's STS client behind driver.Client.
type V1 struct {
	http    *http.Client
	clients cache[*sts.STS]
}

// NewV1 returns the go-v1 adapter.
func NewV1() *V1 {
	v := &V1{http: newHTTPClient()}
	v.clients.build = v.build
	return v
}

// Hello names the client and the SDK version linked in.
func (v *V1) Hello() driver.Hello { return hello("go-v1", aws.SDKVersion) }

// Close releases idle connections.
func (v *V1) Close() error { v.http.CloseIdleConnections(); return nil }

func (v *V1) build(k clientKey) *sts.STS {
	cfg := &aws.Config{
		Region:                 aws.String(k.region),
		Endpoint:               aws.String(k.endpoint),
		HTTPClient:             v.http,
		DisableParamValidation: aws.Bool(!k.validate),
	}
	if k.maxAttempts > 0 {
		cfg.MaxRetries = aws.Int(k.maxAttempts - 1)
	}
	// session.New reads no shared config file unless AWS_SDK_LOAD_CONFIG
	// is set; its only failure mode is a broken environment, reported by
	// the call.
	return sts.New(session.Must(session.NewSession(cfg)))
}

// Do makes one GetSessionToken call.
func (v *V1) Do(ctx context.Context, req driver.Request) (driver.Reply, error) {
	in, err := v1Input(req.Input)
	if err != nil {
		return inexpressible(req.ID, err)
	}
	if req.TimeoutMs > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, time.Duration(req.TimeoutMs)*time.Millisecond)
		defer cancel()
	}
	creds := credentials.NewStaticCredentials(req.Credentials.AccessKeyID, req.Credentials.SecretAccessKey, "")
	out, err := v.clients.get(keyOf(req)).GetSessionTokenWithContext(ctx, in, func(r *request.Request) { r.Config.Credentials = creds })
	if err != nil {
		e := v1Error(err)
		phase := driver.PhaseError
		if e.Kind == driver.KindValidation {
			phase = driver.PhaseRejected
		}
		return driver.Reply{ID: req.ID, Phase: phase, Error: e}, nil
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

// v1Input builds v1's input type: its integers are int64, and it has no
// MinimumSessionTokenSize member (inexpressible).
func v1Input(in driver.Input) (*sts.GetSessionTokenInput, error) {
	out := &sts.GetSessionTokenInput{}
	if err := fill(out, in, "is no member of aws-sdk-go v1's sts.GetSessionTokenInput"); err != nil {
		return nil, err
	}
	return out, nil
}

// v1Error reports the error as the SDK exposes it.
func v1Error(err error) *driver.Error {
	e := &driver.Error{Kind: driver.KindOther, Class: errClass(err), Message: err.Error()}
	var aerr awserr.Error
	if !errors.As(err, &aerr) {
		return e
	}
	e.Code, e.Message = aerr.Code(), aerr.Message()
	switch aerr.Code() {
	case request.InvalidParameterErrCode:
		e.Kind = driver.KindValidation
	case request.ErrCodeSerialization, request.ErrCodeRead, "UnmarshalError":
		e.Kind = driver.KindParse
	case request.ErrCodeRequestError, request.CanceledErrorCode, request.ErrCodeResponseTimeout:
		e.Kind = driver.KindTransport
	default:
		e.Kind = driver.KindService
	}
	var rf awserr.RequestFailure
	if errors.As(err, &rf) {
		e.HTTPStatus, e.RequestID = rf.StatusCode(), rf.RequestID()
	}
	if e.Kind != driver.KindService {
		e.Code = "" // a client-side code, not one the server sent
		e.Message = err.Error()
	}
	return e
}
