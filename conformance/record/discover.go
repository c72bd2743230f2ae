package record

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/targets"
)

// AuthErrorCodes are the answers that say the credentials themselves are
// wrong: a setup error, never an answer to record.
var AuthErrorCodes = map[string]bool{
	"SignatureDoesNotMatch": true, "InvalidClientTokenId": true,
	"ExpiredToken": true, "UnrecognizedClientException": true,
}

// Question is one open question of sts-facts §9, as a minimal case.
type Question struct {
	Fact  string // the oracle's fact id it settles
	Ask   string // what is asked, for people
	Input call.Input
	// Caller is the caller kind the question needs; "" for any.
	Caller call.CallerKind
}

// Questions are the open questions the SDK can ask. The wire-level ones
// (non-integer, signed, padded or Unicode-digit DurationSeconds, missing
// Version, GET) need raw requests, which the aws target does not send.
var Questions = []Question{
	{"validation-clause-order", "clause order within one member (length and pattern)", call.Input{SerialNumber: call.String("a b")}, ""},
	{"validation-clause-order", "clause order across members", call.Input{DurationSeconds: call.Int32(899), TokenCode: call.String("12345")}, ""},
	{"length-unit-non-ascii", "length unit of astral characters (5 emoji as SerialNumber)", call.Input{SerialNumber: call.String(strings.Repeat("\U0001F600", 5))}, ""},
	{"length-unit-non-ascii", "length unit of non-ASCII digits (TokenCode of 3 Arabic-Indic digits)", call.Input{TokenCode: call.String("١٢٣")}, ""},
	{"minimum-session-token-size-message", "wording of a MinimumSessionTokenSize violation", call.Input{MinimumSessionTokenSize: call.Int32(4097)}, ""},
	{"mfa-token-without-serial", "TokenCode without SerialNumber", call.Input{TokenCode: call.String("123456")}, ""},
	{"mfa-empty-token-code", "SerialNumber with an empty TokenCode", call.Input{SerialNumber: call.String("arn:aws:iam::123456789012:mfa/stsconform"), TokenCode: call.String("")}, ""},
	{"value-rendering-outside-xml", "how a control character is echoed", call.Input{SerialNumber: call.String("abc\x01defgh")}, ""},
	{"error-precedence", "ValidationError or AccessDenied for session credentials", call.Input{DurationSeconds: call.Int32(899)}, call.Session},
}

// DiscoverCommand is the command that settles a fact against real AWS, or
// "" when no question asks it.
func DiscoverCommand(factID string) string {
	for _, q := range Questions {
		if q.Fact == factID {
			return "stsconform run -targets=aws -discover -discover-only=" + factID
		}
	}
	for _, q := range RawQuestions {
		if q.Fact == factID {
			return "stsconform run -targets=aws -discover -discover-only=" + factID
		}
	}
	return ""
}

// Discover asks t every question its caller can ask (only those of fact
// only, when it is not ""), one call each, and returns the answers as
// facts. Questions its caller cannot ask are returned as skipped, with the
// reason.
func Discover(ctx context.Context, t targets.Target, only string) (facts []Fact, skipped []string, err error) {
	callers := t.Callers()
	if len(callers) == 0 {
		return nil, nil, fmt.Errorf("%s has no caller", t.Name())
	}
	kind := callers[0].Kind
	p := Wrap(t, "").rec.Provenance
	p.Source = "stsconform -discover"
	for _, q := range Questions {
		if only != "" && q.Fact != only {
			continue
		}
		if q.Caller != "" && q.Caller != kind {
			skipped = append(skipped, fmt.Sprintf("%s (%s): needs %s credentials, these are %s", q.Fact, q.Ask, q.Caller, kind))
			continue
		}
		out, err := t.GetSessionToken(ctx, kind, q.Input)
		var spent interface{ BudgetSpent() bool }
		var skip interface{ Skipped() bool }
		switch {
		case errors.As(err, &spent):
			return facts, skipped, err
		case errors.As(err, &skip):
			skipped = append(skipped, fmt.Sprintf("%s (%s): %v", q.Fact, q.Ask, err))
			continue
		case ctx.Err() != nil:
			return facts, skipped, ctx.Err()
		}
		if out.Error != nil && AuthErrorCodes[out.Error.Code] {
			return facts, skipped, fmt.Errorf("setup error: %s refused the credentials (%s): nothing recorded for %s", t.Name(), out.Error.Code, q.Fact)
		}
		facts = append(facts, Fact{Fact: q.Fact, Question: q.Ask, Input: q.Input, Caller: kind, Answer: Normalise(out, err), Provenance: p})
	}
	if s, ok := t.(rawSender); ok {
		raw, err := discoverRaw(ctx, s, kind, p, only)
		return append(facts, raw...), skipped, err
	}
	return facts, append(skipped, "the wire-level questions: "+t.Name()+" sends no raw requests"), nil
}
