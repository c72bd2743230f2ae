// Package driver is the Go side of the client-driver protocol
// (targets/clients/PROTOCOL.md): its message types, and Process, which runs
// a driver program and exchanges one JSON line per case with it. In-process
// Go clients (targets/clients/goclient) implement the same Client
// interface, so the gate judges every client through one piece of code.
//
// Nothing here judges an answer: a driver's failure to answer (crash, hang,
// garbage) is returned as an error, which the gate reports for that case.
package driver

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// HelloTag is the protocol version a driver names in its hello line.
const HelloTag = "stsconform-driver/1"

// Hello is the first line a driver writes.
type Hello struct {
	Hello   string `json:"hello"`
	Client  string `json:"client"`
	Version string `json:"version"`
	Runtime string `json:"runtime"`
}

// Credentials are the static credentials a request is signed with. They
// never print: String shows their shape.
type Credentials struct {
	AccessKeyID     string  `json:"accessKeyId"`
	SecretAccessKey string  `json:"secretAccessKey"`
	SessionToken    *string `json:"sessionToken"`
}

// String prints the credentials without the secret.
func (c Credentials) String() string {
	return fmt.Sprintf("{%s secret:(%d chars)}", c.AccessKeyID, len(c.SecretAccessKey))
}

// GoString prints the credentials without the secret for %#v too.
func (c Credentials) GoString() string { return c.String() }

// Input holds GetSessionToken members as the JSON values sent on the line:
// a string member is a JSON string (possibly with escaped lone surrogates),
// an integer member a JSON number literal of any size or form, or one of
// the strings "NaN", "Infinity", "-Infinity". An absent key is an absent
// member.
type Input map[string]json.RawMessage

// Request is one case, as sent to a driver.
type Request struct {
	ID          int64       `json:"id"`
	Endpoint    string      `json:"endpoint"`
	Region      string      `json:"region"`
	Credentials Credentials `json:"credentials"`
	// MaxAttempts counts every attempt (1: no retry); 0 means the client's
	// own default retry policy.
	MaxAttempts int   `json:"maxAttempts"`
	Validate    bool  `json:"validate"`
	TimeoutMs   int64 `json:"timeoutMs"`
	Input       Input `json:"input"`
}

// Phases of a reply.
const (
	PhaseInexpressible = "inexpressible"
	PhaseRejected      = "rejected"
	PhaseParsed        = "parsed"
	PhaseError         = "error"
	PhaseDriverError   = "driver-error"
)

// Error kinds of a reply.
const (
	KindValidation = "validation"
	KindService    = "service"
	KindParse      = "parse"
	KindTransport  = "transport"
	KindOther      = "other"
)

// Reply is a driver's answer to one request.
type Reply struct {
	ID     int64   `json:"id"`
	Phase  string  `json:"phase"`
	Detail string  `json:"detail,omitempty"`
	Error  *Error  `json:"error,omitempty"`
	Output *Output `json:"output,omitempty"`
}

// Error is an error as the client exposes it.
type Error struct {
	Kind       string `json:"kind"`
	Class      string `json:"class,omitempty"`
	Code       string `json:"code,omitempty"`
	Message    string `json:"message,omitempty"`
	RequestID  string `json:"requestId,omitempty"`
	HTTPStatus int    `json:"httpStatus,omitempty"`
	Fault      string `json:"fault,omitempty"`
}

// Output is the parsed GetSessionToken output.
type Output struct {
	Credentials *OutputCredentials `json:"Credentials,omitempty"`
}

// Expiration kinds: what the client holds (see PROTOCOL.md).
const (
	ExpirationTime   = "time"
	ExpirationNaive  = "naive"
	ExpirationEpoch  = "epoch"
	ExpirationString = "string"
)

// OutputCredentials are the credentials exactly as the client returned
// them; a nil member is one the client returned as absent. They never
// print their secret parts.
type OutputCredentials struct {
	AccessKeyID     *string `json:"AccessKeyId,omitempty"`
	SecretAccessKey *string `json:"SecretAccessKey,omitempty"`
	SessionToken    *string `json:"SessionToken,omitempty"`
	Expiration      *string `json:"Expiration,omitempty"`
	ExpirationKind  string  `json:"ExpirationKind,omitempty"`
}

// String prints the shape of the credentials, never the secrets.
func (c OutputCredentials) String() string {
	shape := func(p *string) string {
		if p == nil {
			return "absent"
		}
		return fmt.Sprintf("%d bytes", len(*p))
	}
	exp := "absent"
	if c.Expiration != nil {
		exp = fmt.Sprintf("%q (%s)", *c.Expiration, c.ExpirationKind)
	}
	key := "absent"
	if c.AccessKeyID != nil {
		key = fmt.Sprintf("%q", *c.AccessKeyID)
	}
	return fmt.Sprintf("{AccessKeyId %s, SecretAccessKey %s, SessionToken %s, Expiration %s}",
		key, shape(c.SecretAccessKey), shape(c.SessionToken), exp)
}

// GoString prints the shape for %#v too.
func (c OutputCredentials) GoString() string { return c.String() }

// String summarises a reply on one line, without secrets.
func (r Reply) String() string {
	var b strings.Builder
	b.WriteString(r.Phase)
	if r.Detail != "" {
		b.WriteString(": " + r.Detail)
	}
	if e := r.Error; e != nil {
		fmt.Fprintf(&b, " %s", e.Kind)
		if e.HTTPStatus != 0 {
			fmt.Fprintf(&b, " HTTP %d", e.HTTPStatus)
		}
		for _, kv := range [][2]string{{"class", e.Class}, {"code", e.Code}, {"fault", e.Fault}, {"requestId", e.RequestID}, {"message", e.Message}} {
			if kv[1] != "" {
				fmt.Fprintf(&b, " %s=%q", kv[0], truncate(kv[1], 160))
			}
		}
	}
	if r.Output != nil && r.Output.Credentials != nil {
		b.WriteString(" " + r.Output.Credentials.String())
	}
	return b.String()
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// Client is one STS client under test: a driver process or an in-process
// Go client. Do returns an error only when the client gave no usable
// reply (the driver crashed, hung or wrote garbage); every answer of the
// client itself, refusals and failures included, is a Reply.
type Client interface {
	Hello() Hello
	Do(ctx context.Context, req Request) (Reply, error)
	Close() error
}
