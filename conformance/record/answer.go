package record

import (
	"regexp"
	"runtime/debug"
	"time"

	"github.com/stsconform/stsconform/call"
)

// Answer is an outcome normalised for keeping: no secret, no request id,
// no account id, no absolute time.
type Answer struct {
	Kind             call.Kind         `json:"kind,omitempty"`
	HTTPStatus       int               `json:"httpStatus,omitempty"`
	Error            *ErrorAnswer      `json:"error,omitempty"`
	Credentials      *CredentialsShape `json:"credentials,omitempty"`
	SessionTokenSize *int32            `json:"sessionTokenSize,omitempty"`
	// Failure is set when no usable answer came (a transport error).
	Failure string `json:"failure,omitempty"`
}

// ErrorAnswer is an error response; the request id is a placeholder.
type ErrorAnswer struct {
	Type      string `json:"type,omitempty"`
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"requestId,omitempty"`
}

// CredentialsShape is what is kept of credentials: their shape, and how
// long after the request they expire.
type CredentialsShape struct {
	AccessKeyIDPrefix string `json:"accessKeyIdPrefix"`
	AccessKeyIDLength int    `json:"accessKeyIdLength"`
	SecretLength      int    `json:"secretAccessKeyLength"`
	SessionTokenBytes int    `json:"sessionTokenBytes"`
	ValidForSeconds   int64  `json:"validForSeconds"`
}

// Placeholders of normalised answers.
const (
	RequestIDPlaceholder = "<request-id>"
	AccountPlaceholder   = "<account>"
)

var accountID = regexp.MustCompile(`\b\d{12}\b`)

// Normalise keeps what an answer says about STS and drops what identifies
// the account or the call.
func Normalise(out call.Outcome, err error) Answer {
	if err != nil {
		return Answer{Failure: accountID.ReplaceAllString(err.Error(), AccountPlaceholder)}
	}
	a := Answer{Kind: out.Kind, HTTPStatus: out.HTTPStatus, SessionTokenSize: out.SessionTokenSize}
	if e := out.Error; e != nil {
		a.Error = &ErrorAnswer{Type: e.Type, Code: e.Code, Message: accountID.ReplaceAllString(e.Message, AccountPlaceholder)}
		if e.RequestID != "" {
			a.Error.RequestID = RequestIDPlaceholder
		}
	}
	if c := out.Credentials; c != nil {
		r := c.Redacted()
		a.Credentials = &CredentialsShape{AccessKeyIDPrefix: r.AccessKeyIDPrefix, AccessKeyIDLength: r.AccessKeyIDLength,
			SecretLength: r.SecretLength, SessionTokenBytes: r.SessionTokenLength,
			ValidForSeconds: int64(c.Expiration.Sub(out.Sent).Round(time.Second) / time.Second)}
	}
	return a
}

// SDKVersion is the version of the aws-sdk-go-v2 STS client in the binary.
func SDKVersion() string {
	const mod = "github.com/aws/aws-sdk-go-v2/service/sts"
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == mod {
				return "aws-sdk-go-v2/service/sts " + d.Version
			}
		}
	}
	return "aws-sdk-go-v2/service/sts (version unknown)"
}
