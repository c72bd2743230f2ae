package oracle

import "github.com/stsconform/stsconform/call"

// XMLNamespace is the namespace of STS response roots (service model
// xmlNamespace trait; sts-facts §1.1, §2.2).
const XMLNamespace = "https://sts.amazonaws.com/doc/2011-06-15/"

// Facts about the HTTP envelope of an answer (sts-facts §2.2, §2.4, §9).
var (
	FactSuccessNamespace = Fact{"success-root-namespace", Confirmed, "sts-facts §2.2: GetSessionTokenResponse with xmlns (Smithy awsQuery, model xmlNamespace)"}
	FactErrorNamespace   = Fact{"error-root-namespace", Inferred, "sts-facts §2.4: xmlns on a real STS ErrorResponse, seen for another operation"}
	FactContentType      = Fact{"success-content-type", Inferred, "sts-facts §2.2: text/xml on a real STS response of another operation"}
	FactRequestIDHeader  = Fact{"request-id-header", Inferred, "sts-facts §2.2: x-amzn-RequestId on a real STS response of another operation"}
	FactErrorHeaders     = Fact{"error-response-headers", Unverified, "sts-facts §2.4: no recording of an STS error response's headers"}
	FactRequestIDEqual   = Fact{"request-id-header-equals-body", Unverified, "sts-facts §9 question 7: open"}
)

// ExpectedWire is the HTTP envelope AWS sends with an answer of one kind.
type ExpectedWire struct {
	Root          string
	Namespace     Fact // the root's xmlns is XMLNamespace
	ContentType   string
	ContentFact   Fact // Content-Type is ContentType (parameters aside)
	RequestIDFact Fact // an x-amzn-RequestId header is present
	EqualFact     Fact // and equals the body's RequestId
}

// WireFor returns the envelope of a success or an AWS error answer; ok is
// false for other kinds (a client's own refusal has none).
func WireFor(kind call.Kind) (ExpectedWire, bool) {
	switch kind {
	case call.Success:
		return ExpectedWire{Root: "GetSessionTokenResponse", Namespace: FactSuccessNamespace, ContentType: "text/xml",
			ContentFact: FactContentType, RequestIDFact: FactRequestIDHeader, EqualFact: FactRequestIDEqual}, true
	case call.ServiceError:
		return ExpectedWire{Root: "ErrorResponse", Namespace: FactErrorNamespace, ContentType: "text/xml",
			ContentFact: FactErrorHeaders, RequestIDFact: FactErrorHeaders, EqualFact: FactRequestIDEqual}, true
	}
	return ExpectedWire{}, false
}
