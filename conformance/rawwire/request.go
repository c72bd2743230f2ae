// Package rawwire sends whole awsQuery GetSessionToken requests that no SDK
// would send — non-integer DurationSeconds text, duplicated and unknown
// members, missing or odd Action and Version, broken percent-encoding,
// invalid UTF-8, oversized bodies, GET, wrong Content-Type — to every HTTP
// target, signed with SigV4, and checks properties any sound awsQuery server
// has: it answers (no dropped connection, no hang), never with a 5xx to a
// client's mistake, always with well-formed awsQuery XML, and with a 4xx to
// a request that is malformed whatever parser reads it. Beyond that, targets
// are compared with each other; disagreements are reported, not failed,
// since what AWS itself answers to such requests is UNVERIFIED.
//
// Run is the entry point for tests; Check does the same without a
// testing.T.
package rawwire

import (
	"net/url"
	"strings"
)

// Param is one key=value pair of a request. A list of them represents
// order and duplicates.
type Param struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	// Verbatim sends Value as it is, without percent-encoding it: broken
	// encodings and raw bytes are written this way.
	Verbatim bool `json:"verbatim,omitempty"`
}

// Request is one whole awsQuery request as it goes on the wire.
type Request struct {
	Class  string `json:"class"`
	Method string `json:"method"` // POST (form body) or GET (query string)
	// ContentType is the Content-Type header; empty means none is sent.
	ContentType string  `json:"contentType,omitempty"`
	Params      []Param `json:"params"`
	// PadBytes appends "&Padding=xxx…" with that many x's to the payload.
	PadBytes int `json:"padBytes,omitempty"`
	// MustReject is set when the request is malformed whatever parser reads
	// it (e.g. DurationSeconds=abc): a sound server answers 4xx. Otherwise
	// success and a 4xx are both acceptable.
	MustReject bool `json:"mustReject"`
}

// padKey is the member that carries the padding of oversized requests.
const padKey = "Padding"

// Payload is the encoded parameter list: the POST body, or the GET query.
func (r Request) Payload() []byte {
	s := encode(r.Params)
	if r.PadBytes > 0 {
		s = join(s, padKey+"=") + strings.Repeat("x", r.PadBytes)
	}
	return []byte(s)
}

// Body is what is sent as the request body (nothing for GET).
func (r Request) Body() []byte {
	if r.Method == "GET" {
		return nil
	}
	return r.Payload()
}

// Query is the raw query string (only GET has one).
func (r Request) Query() string {
	if r.Method != "GET" {
		return ""
	}
	return string(r.Payload())
}

// size orders examples: the smallest is kept.
func (r Request) size() int { return len(encode(r.Params)) + r.PadBytes + len(r.Params) }

func encode(ps []Param) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(escape(p.Key, p.Verbatim))
		b.WriteByte('=')
		b.WriteString(escape(p.Value, p.Verbatim))
	}
	return b.String()
}

func escape(s string, verbatim bool) string {
	if verbatim {
		return s
	}
	return url.QueryEscape(s)
}

func join(s, next string) string {
	if s == "" {
		return next
	}
	return s + "&" + next
}
