// Package oracle says what AWS STS answers to a GetSessionToken call: the
// documented behaviour, read from the service model where the model states
// it and from docs/reference/sts-facts.md where it does not. Every part
// of an expectation carries the status of its evidence, so that an
// UNVERIFIED part is reported as such and never as a failure.
//
// The oracle knows nothing of targets or of how outcomes are compared.
package oracle

import "github.com/stsconform/stsconform/model"

// Status is the strength of the evidence behind a fact: the shared
// vocabulary's ranking (model.Status), named here for the oracle's users.
type Status = model.Status

// Evidence statuses, as tagged in sts-facts.md (model.Statuses order).
const (
	Confirmed  = model.Confirmed
	Inferred   = model.Inferred
	Unverified = model.Unverified
)

// Fact is one piece of AWS behaviour the oracle relies on.
type Fact struct {
	ID     string `json:"id"`
	Status Status `json:"status"`
	Source string `json:"source"`
}

// The facts the oracle uses, with their status and where they come from.
var (
	FactModelConstraints = Fact{"model-constraints", Confirmed, "service model (fixtures/botocore); sts-facts §1.1"}
	FactTokenSizeRange   = Fact{"minimum-session-token-size-range", Inferred, "sts-facts §1.1 (range from generated clients)"}
	FactTokenSizeMessage = Fact{"minimum-session-token-size-message", Unverified, "sts-facts §1.1: no recorded message"}
	FactASCIIClasses     = Fact{"ascii-regex-classes", Inferred, `sts-facts §6.1: \w, \d are ASCII (Java, ECMA-262)`}
	FactLengthUnit       = Fact{"length-unit-non-ascii", Unverified, "sts-facts §6.3: code points or UTF-16 units"}
	FactValidationShape  = Fact{"validation-error-shape", Confirmed, "sts-facts §2.4, §3.1: 400 Sender ValidationError"}
	FactClausePhrases    = Fact{"validation-clause-phrases", Confirmed, "sts-facts §3.2"}
	FactXMLRendering     = Fact{"value-rendering-outside-xml", Unverified, "XML 1.0 cannot carry NUL, most control characters or invalid UTF-8: how AWS echoes them is unrecorded"}
	FactClauseOrder      = Fact{"validation-clause-order", Unverified, "sts-facts §3.3: order differs across services"}
	FactSessionCaller    = Fact{"session-credentials-denied", Confirmed, "sts-facts §2.4, §4.2"}
	FactPrecedence       = Fact{"error-precedence", Unverified, "sts-facts §4.2: ValidationError vs AccessDenied"}
	FactErrorType        = Fact{"access-denied-type-sender", Inferred, "sts-facts §2.4"}
	FactMFAMessages      = Fact{"mfa-messages", Confirmed, "sts-facts §4.3"}
	FactMFAStatus        = Fact{"mfa-http-403", Inferred, "sts-facts §4.3"}
	FactMFAReused        = Fact{"mfa-reused-code", Confirmed, "sts-facts §4.3: a wrong or reused code gets the invalid-code AccessDenied"}
	FactMFAProvideBoth   = Fact{"mfa-provide-both", Inferred, "sts-facts §4.3 (seen for AssumeRole)"}
	FactMFATokenOnly     = Fact{"mfa-token-without-serial", Unverified, "sts-facts §4.3"}
	FactMFAUnknown       = Fact{"mfa-devices-unknown", Inferred, "target's MFA devices are unknown: success or MFA AccessDenied"}
	FactDuration         = Fact{"duration-defaults-and-root-cap", Confirmed, "service model documentation; sts-facts §4.1"}
	FactExpiration       = Fact{"expiration-request-time-plus-duration", Confirmed, "sts-facts §4.1, §2.3"}
	FactAccessKeyPrefix  = Fact{"access-key-prefix-asia", Confirmed, "sts-facts §5"}
	FactAccessKeyForm    = Fact{"access-key-20-base32", Inferred, "sts-facts §5"}
	FactSecretForm       = Fact{"secret-40-chars", Inferred, "sts-facts §5"}
	FactTokenMinimum     = Fact{"session-token-minimum-size", Confirmed, "aws-sdk-go-v2 sts v1.51.9 docs; sts-facts §1.1"}
	FactTokenSizeField   = Fact{"session-token-size-field", Inferred, "model: SessionTokenSize is the token's size in bytes"}
)
