package call

import (
	"encoding/json"
	"fmt"
	"time"
)

// Kind is the class of an outcome a target gave.
type Kind string

// Outcome kinds. A transport failure or an unparsable answer is not an
// outcome: targets return it as a Go error.
const (
	Success      Kind = "success"
	ServiceError Kind = "service-error" // an AWS-style error response
	ClientError  Kind = "client-error"  // refused by the client before sending
)

// Outcome is what a target answered to one call.
type Outcome struct {
	Kind             Kind          `json:"kind"`
	HTTPStatus       int           `json:"httpStatus,omitempty"`
	Credentials      *Credentials  `json:"credentials,omitempty"`
	SessionTokenSize *int32        `json:"sessionTokenSize,omitempty"`
	Error            *ErrorDetails `json:"error,omitempty"`
	// Wire holds headers and the body's root, when the target saw them.
	Wire *Wire `json:"wire,omitempty"`
	// Sent and Received bracket the call, for judging the expiration.
	Sent     time.Time `json:"-"`
	Received time.Time `json:"-"`
}

// ErrorDetails is an awsQuery ErrorResponse, or a client-side refusal.
type ErrorDetails struct {
	Type      string `json:"type,omitempty"` // Sender or Receiver
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"requestId,omitempty"`
}

// Credentials are temporary credentials. They never print or serialise
// their secret parts: only their shape (see Redacted).
type Credentials struct {
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string
	Expiration      time.Time
}

// RedactedCredentials is the printable shape of Credentials.
type RedactedCredentials struct {
	AccessKeyIDPrefix  string    `json:"accessKeyIdPrefix"`
	AccessKeyIDLength  int       `json:"accessKeyIdLength"`
	SecretLength       int       `json:"secretAccessKeyLength"`
	SessionTokenLength int       `json:"sessionTokenBytes"`
	Expiration         time.Time `json:"expiration"`
}

// Redacted returns the credentials' shape without any secret.
func (c Credentials) Redacted() RedactedCredentials {
	prefix := c.AccessKeyID
	if len(prefix) > 4 {
		prefix = prefix[:4]
	}
	return RedactedCredentials{
		AccessKeyIDPrefix: prefix, AccessKeyIDLength: len(c.AccessKeyID),
		SecretLength: len(c.SecretAccessKey), SessionTokenLength: len(c.SessionToken),
		Expiration: c.Expiration,
	}
}

// String prints the redacted shape.
func (c Credentials) String() string {
	r := c.Redacted()
	return fmt.Sprintf("{AccessKeyId %s… (%d chars), SecretAccessKey (%d chars), SessionToken (%d bytes), Expiration %s}",
		r.AccessKeyIDPrefix, r.AccessKeyIDLength, r.SecretLength, r.SessionTokenLength,
		r.Expiration.UTC().Format(time.RFC3339Nano))
}

// GoString prints the redacted shape for %#v too.
func (c Credentials) GoString() string { return c.String() }

// MarshalJSON serialises the redacted shape.
func (c Credentials) MarshalJSON() ([]byte, error) { return json.Marshal(c.Redacted()) }

// String summarises an outcome on one line, without secrets.
func (o Outcome) String() string {
	switch o.Kind {
	case Success:
		s := fmt.Sprintf("success HTTP %d %v", o.HTTPStatus, o.Credentials)
		if o.SessionTokenSize != nil {
			s += fmt.Sprintf(" SessionTokenSize=%d", *o.SessionTokenSize)
		}
		return s
	case ServiceError, ClientError:
		if o.Error == nil {
			return fmt.Sprintf("%s HTTP %d (no details)", o.Kind, o.HTTPStatus)
		}
		return fmt.Sprintf("%s HTTP %d %s/%s: %s", o.Kind, o.HTTPStatus, o.Error.Type, o.Error.Code, o.Error.Message)
	}
	return fmt.Sprintf("unknown outcome kind %q", o.Kind)
}
