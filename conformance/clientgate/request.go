package clientgate

import (
	"encoding/json"
	"fmt"
	"math/big"
	"mime"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/oracle"
	"github.com/stsconform/stsconform/model"
	"github.com/stsconform/stsconform/targets/clients/driver"
)

// diff builds a confirmed difference.
func diff(field, expected, actual string) compare.Diff {
	return compare.Diff{Field: field, Expected: expected, Actual: actual, Status: oracle.Confirmed}
}

// CheckRequest is the request property for one sent case: the request
// that arrived is a POST to / with a form body whose decoded form is
// exactly the input (Action, Version, each set member once and byte-exact,
// nothing else). The signature is checked apart (CheckSignature).
func CheckRequest(in driver.Input, a Arrival) []compare.Diff {
	var out []compare.Diff
	if a.Method != "POST" {
		out = append(out, diff("request method", "POST", a.Method))
	}
	if a.Path != "/" || a.RawQuery != "" {
		out = append(out, diff("request path", "/", a.Path+query(a.RawQuery)))
	}
	ct := a.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/x-www-form-urlencoded" {
		out = append(out, diff("request content-type", "application/x-www-form-urlencoded", strconv.Quote(ct)))
	}
	form, err := url.ParseQuery(string(a.Body))
	if err != nil {
		return append(out, diff("request body encoding", "valid percent-encoding", fmt.Sprintf("%v in %s", err, quoteBody(a.Body))))
	}
	out = append(out, checkFixed(form, "Action", "GetSessionToken", a.Body)...)
	out = append(out, checkFixed(form, "Version", call.APIVersion, a.Body)...)
	for _, m := range model.GetSessionToken().Members {
		out = append(out, checkMember(m, in, form, a.Body)...)
	}
	for k := range form {
		if _, known := model.GetSessionToken().Member(k); !known && k != "Action" && k != "Version" {
			out = append(out, diff("request unknown member", "no member "+k, quoteBody(a.Body)))
		}
	}
	return out
}

func checkFixed(form url.Values, key, want string, body []byte) []compare.Diff {
	got := form[key]
	if len(got) != 1 || got[0] != want {
		return []compare.Diff{diff("request "+key, key+"="+want+" once", fmt.Sprintf("%q in %s", got, quoteBody(body)))}
	}
	return nil
}

func checkMember(m model.Member, in driver.Input, form url.Values, body []byte) []compare.Diff {
	raw, set := in[m.Name]
	got, sent := form[m.Name]
	field := "request member " + m.Name
	switch {
	case !set && sent:
		return []compare.Diff{diff(field, "absent (not set)", fmt.Sprintf("%q in %s", got, quoteBody(body)))}
	case !set:
		return nil
	case !sent:
		return []compare.Diff{diff(field, fmt.Sprintf("sent once as %s", raw), "absent from "+quoteBody(body))}
	case len(got) > 1:
		return []compare.Diff{diff(field+" repeated", "once", fmt.Sprintf("%d times %q in %s", len(got), got, quoteBody(body)))}
	}
	if ok, want := sameValue(m, raw, got[0]); !ok {
		return []compare.Diff{diff(field, want, fmt.Sprintf("%q (decoded) in %s", got[0], quoteBody(body)))}
	}
	return nil
}

// decimal is how a number is written in a form: no sign but '-', no
// leading zeros, an optional fraction and exponent.
var decimal = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// sameValue says whether a decoded form value is the input's value: a
// string byte for byte; an integer as its canonical decimal; any other
// number as a decimal of exactly that value. It returns the expectation in
// words.
func sameValue(m model.Member, raw json.RawMessage, got string) (bool, string) {
	if m.Kind == model.String {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil || hasLoneSurrogateLiteral(raw) {
			return false, fmt.Sprintf("no request: %s holds a lone surrogate, which has no UTF-8 form", raw)
		}
		return got == s, fmt.Sprintf("%q byte for byte", s)
	}
	r, err := driver.Number(raw)
	if err != nil || r == nil {
		name := strings.Trim(string(raw), `"`)
		alias := map[string]string{"NaN": "nan", "Infinity": "inf", "-Infinity": "-inf"}[name]
		return strings.EqualFold(got, name) || strings.EqualFold(got, alias), fmt.Sprintf("the float value %s", raw)
	}
	if r.IsInt() {
		want := r.Num().String()
		return got == want, strconv.Quote(want)
	}
	g, ok := new(big.Rat).SetString(got)
	return ok && decimal.MatchString(got) && g.Cmp(r) == 0, fmt.Sprintf("a decimal equal to %s", raw)
}

func hasLoneSurrogateLiteral(raw json.RawMessage) bool {
	_, err := driver.String("", raw)
	return err != nil
}

// CheckSignature is the signing property: the request carries a SigV4
// signature that verifies against the case's secret.
func CheckSignature(a Arrival, secret, region string) []compare.Diff {
	if err := VerifySignature(a, secret, region); err != nil {
		return []compare.Diff{diff("signature", "SigV4 verifying against the known secret", err.Error())}
	}
	return nil
}

func quoteBody(b []byte) string {
	if len(b) > 300 {
		return "body " + strconv.Quote(string(b[:300])) + fmt.Sprintf("…(%d bytes)", len(b))
	}
	return "body " + strconv.Quote(string(b))
}
