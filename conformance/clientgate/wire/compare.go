package wire

import (
	"fmt"

	"github.com/stsconform/stsconform/targets/clients/driver"
)

// Compare lists how a client's reply differs from what the reference read
// from the same response; none means the client read it right. It judges
// the parsed and error phases; any other phase (nothing was read) gives
// one Note. It never panics.
func Compare(want Expected, got driver.Reply) []Finding {
	if got.Phase != driver.PhaseParsed && got.Phase != driver.PhaseError {
		return []Finding{{Field: "phase", Kind: FindNotJudged, Grade: Note, Got: got.Phase}}
	}
	if got.Phase == driver.PhaseError && got.Error == nil {
		got.Error = &driver.Error{Kind: driver.KindOther}
	}
	switch want.Kind {
	case KindSuccess:
		return compareSuccess(want, got)
	case KindError:
		return compareError(want, got)
	case KindNotWellFormed, KindForeign:
		if got.Phase == driver.PhaseError {
			return nil
		}
		return []Finding{{Field: "outcome", Kind: FindAcceptedBad, Grade: Divergence,
			Want: "an error (" + string(want.Kind) + ": " + want.Reason + ")", Got: got.String()}}
	}
	return []Finding{{Field: "body", Kind: FindNotJudged, Grade: Note, Want: want.Reason}}
}

func compareSuccess(want Expected, got driver.Reply) []Finding {
	if got.Phase == driver.PhaseError {
		return refusal(want, got, "credentials")
	}
	var have *driver.OutputCredentials
	if got.Output != nil {
		have = got.Output.Credentials
	}
	switch {
	case want.Credentials == nil && have == nil:
		return nil
	case want.Credentials == nil:
		f := Finding{Field: "Credentials", Kind: FindInvented, Grade: Divergence, Want: "absent", Got: have.String()}
		if blindCredentials(want) {
			f.Detail = "namespace-blind: read a Credentials element in another namespace"
		}
		return []Finding{f}
	case have == nil:
		return []Finding{{Field: "Credentials", Kind: FindAbsent, Grade: Divergence, Want: "present", Got: "absent"}}
	}
	w := want.Credentials
	var fs []Finding
	fs = append(fs, compareString("Credentials.AccessKeyId", w.AccessKeyID, have.AccessKeyID, false)...)
	fs = append(fs, compareString("Credentials.SecretAccessKey", w.SecretAccessKey, have.SecretAccessKey, true)...)
	fs = append(fs, compareString("Credentials.SessionToken", w.SessionToken, have.SessionToken, true)...)
	fs = append(fs, compareExpiration(w.Expiration, have.Expiration, have.ExpirationKind)...)
	return markBlind(want, fs, map[string]*string{"Credentials.AccessKeyId": have.AccessKeyID,
		"Credentials.SecretAccessKey": have.SecretAccessKey, "Credentials.SessionToken": have.SessionToken,
		"Credentials.Expiration": have.Expiration})
}

// refusal judges an error reply to a body that could be read: a service
// error claims what the body does not say; any other error is a Refusal
// when the body is valid and right when its values are not.
func refusal(want Expected, got driver.Reply, what string) []Finding {
	e := got.Error
	desc := fmt.Sprintf("%s error %s %q", e.Kind, e.Class, truncate(e.Message, 160))
	switch {
	case want.Kind == KindSuccess && e.Kind == driver.KindService:
		return []Finding{{Field: "outcome", Kind: FindWrongOutcome, Grade: Divergence, Want: what, Got: desc}}
	case want.Valid:
		return []Finding{{Field: "outcome", Kind: FindRefused, Grade: Refusal, Want: what, Got: desc}}
	}
	return []Finding{{Field: "outcome", Kind: FindRefusedBadValue, Grade: Note, Want: what + " or an error", Got: desc}}
}

// compareString compares one string member; secret members print as
// shapes, with how the two relate.
func compareString(field string, want, got *string, secret bool) []Finding {
	f := Finding{Field: field, Grade: Divergence, Want: show(want, secret), Got: show(got, secret)}
	switch {
	case want == nil && got == nil:
		return nil
	case want == nil:
		f.Kind = FindInvented
	case got == nil && *want == "":
		f.Kind, f.Grade = FindEmptyAsAbsent, Note
	case got == nil:
		f.Kind = FindAbsent
	case *want == *got:
		return nil
	default:
		f.Kind, f.Detail = FindValue, relation(*want, *got)
	}
	return []Finding{f}
}

// markBlind sets the Detail of value findings whose value is what a
// namespace-blind reader takes.
func markBlind(want Expected, fs []Finding, got map[string]*string) []Finding {
	for i, f := range fs {
		if d := blindDetail(want, f.Field, got[f.Field]); d != "" && f.Grade == Divergence {
			fs[i].Detail = d
		}
	}
	return fs
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
