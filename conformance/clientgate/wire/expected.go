package wire

import (
	"strings"
	"time"
)

// Namespace is the STS awsQuery XML namespace.
const Namespace = "https://sts.amazonaws.com/doc/2011-06-15/"

// RequestIDHeader is the HTTP header that carries the request id.
const RequestIDHeader = "x-amzn-RequestId"

// Kind is what a response body is, as the reference reads it.
type Kind string

// Response kinds.
const (
	// KindSuccess: a well-formed GetSessionTokenResponse with a 2xx status.
	KindSuccess Kind = "success"
	// KindError: a well-formed ErrorResponse with a non-2xx status.
	KindError Kind = "error"
	// KindNotWellFormed: the body is not well-formed XML 1.0 (or not
	// namespace-well-formed). The right client behaviour is an error.
	KindNotWellFormed Kind = "not-well-formed"
	// KindForeign: well-formed XML that is not an awsQuery answer (another
	// root element). The right client behaviour is an error.
	KindForeign Kind = "foreign"
	// KindUnjudged: the reference does not decide what this body says
	// (see Expected.Reason).
	KindUnjudged Kind = "unjudged"
)

// Expected is what the reference reads from one response.
type Expected struct {
	Status int  `json:"status"`
	Kind   Kind `json:"kind"`
	// Reason says why the body is not well-formed, foreign or unjudged.
	Reason string `json:"reason,omitempty"`
	// Valid is true when the body is a valid awsQuery answer, so a client
	// has no excuse to refuse it: a success body whose Credentials, when
	// present, has all four members (the model requires them) and an
	// Expiration that is exactly a date-time (Timestamp.Exact); an error
	// body with a non-empty Code.
	Valid bool `json:"valid"`
	// Credentials is nil when a success body has no Credentials element.
	Credentials *Credentials `json:"credentials,omitempty"`
	// Error is set for KindError.
	Error *ErrorBody `json:"error,omitempty"`
	// BodyRequestID is the body's RequestId (ResponseMetadata/RequestId in
	// a success body, ErrorResponse/RequestId in an error body).
	BodyRequestID *string `json:"bodyRequestId,omitempty"`
	// HeaderRequestID is the x-amzn-RequestId header, when present.
	HeaderRequestID *string `json:"headerRequestId,omitempty"`
	// ForeignValues holds, per field ("Credentials.SessionToken",
	// "Error.Code", "Error.RequestId"), what a namespace-blind reader would
	// take instead: the texts of same-named elements in other namespaces.
	// Compare names such a reading in its finding.
	ForeignValues map[string][]string `json:"foreignValues,omitempty"`
}

// Credentials are the members of the Credentials element; a nil member is
// an absent element. An empty element is a present, empty string.
type Credentials struct {
	AccessKeyID     *string    `json:"accessKeyId,omitempty"`
	SecretAccessKey *string    `json:"secretAccessKey,omitempty"`
	SessionToken    *string    `json:"sessionToken,omitempty"`
	Expiration      *Timestamp `json:"expiration,omitempty"`
}

// ErrorBody is the Error element of an ErrorResponse.
type ErrorBody struct {
	Type    *string `json:"type,omitempty"`
	Code    *string `json:"code,omitempty"`
	Message *string `json:"message,omitempty"`
}

// TimeForm is the form an Expiration is written in.
type TimeForm string

// Expiration forms.
const (
	// FormDateTime: an RFC 3339 date-time with a zone (Z, z or an offset);
	// the awsQuery form (see Timestamp.Exact). Instant is exact.
	FormDateTime TimeForm = "date-time"
	// FormNaive: an ISO 8601 date-time without zone. Instant holds the
	// wall clock, in UTC by convention only.
	FormNaive TimeForm = "naive"
	// FormEpoch: a number of seconds since 1970. Instant is what a lenient
	// reader makes of it.
	FormEpoch TimeForm = "epoch"
	// FormHTTPDate: an RFC 7231 IMF-fixdate. Instant is what a lenient
	// reader makes of it.
	FormHTTPDate TimeForm = "http-date"
	// FormInvalid: none of the above; no instant.
	FormInvalid TimeForm = "invalid"
)

// Timestamp is an Expiration as written and as read.
type Timestamp struct {
	// Text is the element's text exactly as an XML parser reads it.
	Text string   `json:"text"`
	Form TimeForm `json:"form"`
	// Instant is the instant (see TimeForm for what it means per form);
	// zero for FormInvalid.
	Instant time.Time `json:"instant,omitzero"`
	// FracDigits is the number of fractional-second digits written.
	FracDigits int `json:"fracDigits,omitempty"`
}

// Zoned reports whether the text names an exact instant.
func (t Timestamp) Zoned() bool { return t.Form == FormDateTime }

// Exact reports whether the text is exactly Smithy's date-time, the
// awsQuery timestamp format: RFC 3339 section 5.6 (t and z may be lower
// case, any fractional digits; offsets "are parsed gracefully", Smithy
// says, and read as UTC) with nothing around it.
func (t Timestamp) Exact() bool {
	return t.Form == FormDateTime && strings.Trim(t.Text, " \t\r\n") == t.Text
}

// RequestIDs returns the request ids a client may rightly expose: the
// body's and the header's, without duplicates.
func (e Expected) RequestIDs() []string {
	var ids []string
	for _, id := range []*string{e.BodyRequestID, e.HeaderRequestID} {
		if id != nil && (len(ids) == 0 || ids[0] != *id) {
			ids = append(ids, *id)
		}
	}
	return ids
}
