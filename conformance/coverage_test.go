package conformance_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/conformance/totp"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/local"
	"github.com/stsconform/stsconform/targets/sdkclient"
)

// deviant is a server that differs from the local library in one way.
type deviant struct {
	name    string
	handler func() http.Handler
}

// deviants each deviate in exactly one way that AWS documents.
func deviants() []deviant {
	b := func(member string, min, max int64) func() http.Handler {
		return serve(local.WithContract(withBound(member, min, max)))
	}
	return []deviant{
		{"duration-min-901", b("DurationSeconds", 901, 129600)},
		{"duration-min-899", b("DurationSeconds", 899, 129600)},
		{"duration-max-129599", b("DurationSeconds", 900, 129599)},
		{"duration-max-129601", b("DurationSeconds", 900, 129601)},
		{"serial-min-10", b("SerialNumber", 10, 256)},
		{"serial-min-8", b("SerialNumber", 8, 256)},
		{"serial-max-255", b("SerialNumber", 9, 255)},
		{"serial-max-257", b("SerialNumber", 9, 257)},
		{"token-min-5", b("TokenCode", 5, 6)},
		{"token-max-7", b("TokenCode", 6, 7)},
		{"size-min-1", b("MinimumSessionTokenSize", 1, 4096)},
		{"size-min-minus-1", b("MinimumSessionTokenSize", -1, 4096)},
		{"size-max-4095", b("MinimumSessionTokenSize", 0, 4095)},
		{"size-max-4097", b("MinimumSessionTokenSize", 0, 4097)},
		{"longest-duration-refused", onForm(func(_ *string, f url.Values) { replaceValue(f, "DurationSeconds", "129600", "129601") })},
		{"longest-serial-refused", onForm(func(_ *string, f url.Values) {
			if len(f.Get("SerialNumber")) == 256 {
				f.Set("SerialNumber", f.Get("SerialNumber")+"A")
			}
		})},
		{"largest-size-refused", onForm(func(_ *string, f url.Values) { replaceValue(f, "MinimumSessionTokenSize", "4096", "4097") })},
		{"unicode-aware-classes", serve(local.WithPatternMatcher(unicodeMatch))},
		{"unicode-letters-in-serial", serve(local.WithPatternMatcher(func(p, v string) bool {
			return regexp.MustCompile(`^(?:` + strings.ReplaceAll(p, `\w`, `\p{L}\d_`) + `)$`).MatchString(v)
		}))},
		{"plus-refused-as-the-doc-prose-says", serve(local.WithPatternMatcher(func(p, v string) bool {
			return local.MatchWhole(strings.Replace(p, "+", "", 1), v)
		}))},
		{"wrong-error-code", rewrite(serve(), replaceBody("<Code>ValidationError</Code>", "<Code>InvalidParameterValue</Code>"))},
		{"wrong-error-status", rewrite(serve(), statusFor("ValidationError", 403))},
		{"wrong-fault-type", rewrite(serve(), replaceBody("<Type>Sender</Type>", "<Type>Receiver</Type>"))},
		{"akia-access-key", rewrite(serve(), replaceBody("<AccessKeyId>ASIA", "<AccessKeyId>AKIA"))},
		{"wrong-user-default", onForm(func(key *string, f url.Values) {
			if *key == local.UserAccessKeyID && !f.Has("DurationSeconds") {
				f.Set("DurationSeconds", "3600")
			}
		})},
		{"wrong-root-default", onForm(func(key *string, f url.Values) {
			if *key == local.RootAccessKeyID && !f.Has("DurationSeconds") {
				*key = local.UserAccessKeyID // the user's default, 12 hours
			}
		})},
		{"root-cap-ignored", onForm(func(key *string, f url.Values) {
			if d, _ := strconv.Atoi(f.Get("DurationSeconds")); *key == local.RootAccessKeyID && d > 3600 {
				*key = local.UserAccessKeyID // uncapped
			}
		})},
		{"expiration-10-minutes-early", rewrite(serve(), shiftExpiration(-10*time.Minute))},
		{"unescaped-xml", rewrite(serve(), replaceBody("&lt;", "<"))},
		{"clause-count-one-short", rewrite(serve(), countOneShort)},
		{"drops-a-clause", rewrite(serve(), dropLastClause)},
		{"reworded-max-phrase", rewrite(serve(), replaceBody("less than or equal to", "at most"))},
		{"anchored-pattern-printed", rewrite(serve(), replaceBody("pattern: [", "pattern: ^["))},
		{"serial-trimmed", onForm(func(_ *string, f url.Values) { trimmed(f, "SerialNumber") })},
		{"token-ignored", onForm(func(_ *string, f url.Values) { f.Del("TokenCode") })},
		{"duration-ignored", onForm(func(_ *string, f url.Values) { f.Del("DurationSeconds") })},
		{"size-ignored", onForm(func(_ *string, f url.Values) { f.Del("MinimumSessionTokenSize") })},
		{"drops-the-connection-at-the-longest-duration", when(valueIs("DurationSeconds", "129600"), dropConnection)},
		{"garbage-for-all-nines", when(valueIs("TokenCode", "999999"), garbage)},
		{"mfa-code-not-checked", codeNotChecked},
		{"mfa-serial-alone-accepted", onForm(func(_ *string, f url.Values) {
			if !f.Has("TokenCode") {
				f.Del("SerialNumber")
			}
		})},
		{"mfa-any-serial-accepted", onForm(func(_ *string, f url.Values) {
			if s := f.Get("SerialNumber"); f.Has("TokenCode") && strings.HasPrefix(s, "arn:") {
				f.Set("SerialNumber", call.DefaultDevice.Serial)
			}
		})},
		{"session-credentials-accepted", onForm(func(key *string, _ url.Values) {
			if *key == local.SessionAccessKeyID {
				*key = local.UserAccessKeyID
			}
		})},
		{"mfa-reused-code-accepted", forgetful},
		{"no-namespace", rewrite(serve(), replaceBody(` xmlns="https://sts.amazonaws.com/doc/2011-06-15/"`, ""))},
		{"json-content-type", withHeader(serve(), "Content-Type", "application/json")},
		{"no-request-id-header", withHeader(serve(), "x-amzn-RequestId", "")},
	}
}

// harmless servers differ only where AWS is unverified, or in ways that do
// not matter: none may be flagged.
func harmless() []deviant {
	return []deviant{
		{"faithful", serve()},
		{"clauses-reversed", rewrite(serve(), reverseClauses)},
		{"pretty-printed-xml", rewrite(serve(), replaceBody("><", ">\n  <"))},
		{"utf16-length-unit", serve(local.WithLengthCounter(func(s string) int { return len(utf16.Encode([]rune(s))) }))},
		{"session-denied-before-validation", onForm(func(key *string, f url.Values) {
			if *key == local.SessionAccessKeyID {
				for k := range f {
					if k != "Action" && k != "Version" {
						f.Del(k)
					}
				}
			}
		})},
		{"code-without-serial-ignored", onForm(func(_ *string, f url.Values) {
			if !f.Has("SerialNumber") && regexp.MustCompile(`^[0-9]{6}$`).MatchString(f.Get("TokenCode")) {
				f.Del("TokenCode")
			}
		})},
		{"expiration-with-milliseconds", rewrite(serve(), replaceBody("Z</Expiration>", ".000Z</Expiration>"))},
		{"request-id-header-not-the-bodys", withHeader(serve(), "x-amzn-RequestId", "another-id")},
		{"error-content-type-with-charset", withHeader(serve(), "Content-Type", "text/xml; charset=utf-8")},
	}
}

// forgetful serves each request with a new library, which remembers no
// MFA code it accepted: a reused code is accepted again.
func forgetful() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { serve()().ServeHTTP(w, r) })
}

// codeNotChecked accepts any code of the device: it answers such requests
// with a new library given the current code.
func codeNotChecked() http.Handler {
	faithful := serve()()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		form := readForm(r)
		if form.Get("SerialNumber") == call.DefaultDevice.Serial && form.Has("TokenCode") {
			form.Set("TokenCode", totp.Code(call.DefaultDevice.Secret, time.Now()))
			setForm(r, form)
			serve()().ServeHTTP(w, r)
			return
		}
		setForm(r, form)
		faithful.ServeHTTP(w, r)
	})
}

// withHeader sets (or, with an empty value, removes) one response header.
func withHeader(inner func() http.Handler, key, value string) func() http.Handler {
	return func() http.Handler {
		h := inner()
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			for k, v := range rec.Header() {
				w.Header()[k] = v
			}
			w.Header().Del(key)
			if value != "" {
				w.Header().Set(key, value)
			}
			w.WriteHeader(rec.Code)
			_, _ = w.Write(rec.Body.Bytes())
		})
	}
}

// Each deviant is caught by the coverage phase alone (one random case), on
// two seeds; no harmless server is flagged.
func TestCoveragePhaseCatchesEveryDeviant(t *testing.T) {
	require.GreaterOrEqual(t, len(deviants()), 30)
	for _, seed := range []uint64{1, 8544930776512738598} {
		for _, d := range deviants() {
			t.Run(d.name+"/seed="+strconv.FormatUint(seed, 10), func(t *testing.T) {
				rep := checkDeviant(t, d, seed)
				require.Len(t, rep.Phases, 2)
				cov := rep.Phases[0]
				assert.Equal(t, "coverage", cov.Name)
				assert.Equal(t, 1, rep.Phases[1].Cases, "one random case")
				assert.Positive(t, cov.DivergentCells, "the coverage phase must catch it")
			})
		}
		for _, d := range harmless() {
			t.Run(d.name+"/seed="+strconv.FormatUint(seed, 10), func(t *testing.T) {
				rep := checkDeviant(t, d, seed)
				assert.Zero(t, rep.Totals[d.name].Diverge, "%s", divergenceLines(rep))
				c := rep.Totals[d.name]
				assert.Positive(t, c.Agree+c.Unverified, "judged, not flagged")
			})
		}
	}
}

// checkDeviant runs the suite against the server, as every caller kind,
// with its MFA device known (as local-http is).
func checkDeviant(t *testing.T, d deviant, seed uint64) report.Report {
	srv := httptest.NewServer(d.handler())
	t.Cleanup(srv.Close)
	var ids []sdkclient.Identity
	for _, k := range call.CallerKinds {
		ids = append(ids, sdkclient.Identity{AccessKeyID: local.AccessKeyID(k), SecretAccessKey: local.DefaultSecretAccessKey,
			Caller: call.Caller{Kind: k, Devices: []call.Device{call.DefaultDevice}, DevicesKnown: true}})
	}
	target, err := sdkclient.New(sdkclient.Config{Name: d.name, Endpoint: srv.URL, Identities: ids, Timeout: 5 * time.Second})
	require.NoError(t, err)
	t.Cleanup(func() { _ = target.Close() })
	rep, err := conformance.Check([]targets.Target{target}, conformance.WithOutput(&bytes.Buffer{}),
		conformance.WithShrinkLimit(0), conformance.WithContext(t.Context()), conformance.WithConcurrency(4),
		conformance.WithChecks(1), conformance.WithSeed(seed))
	require.NoError(t, err)
	return rep
}

func divergenceLines(rep report.Report) string {
	var out []string
	for _, d := range rep.Divergences {
		out = append(out, d.Class+" "+d.InputText+" as "+string(d.Caller)+": "+firstDiffOf(d))
	}
	return strings.Join(out, "\n")
}

func firstDiffOf(d report.Example) string {
	if len(d.Diffs) == 0 {
		return d.Actual
	}
	return d.Diffs[0].String()
}

// onForm lets e change a request's form, and the access key it is signed
// with (which names the caller), before the faithful server reads it.
func onForm(e func(key *string, form url.Values)) func() http.Handler {
	return func() http.Handler {
		h := serve()()
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			form := readForm(r)
			auth := r.Header.Get("Authorization")
			_, rest, _ := strings.Cut(auth, "Credential=")
			key, _, _ := strings.Cut(rest, "/")
			changed := key
			e(&changed, form)
			r.Header.Set("Authorization", strings.Replace(auth, "Credential="+key, "Credential="+changed, 1))
			setForm(r, form)
			h.ServeHTTP(w, r)
		})
	}
}

// when answers with bad the requests pred picks, and faithfully otherwise.
func when(pred func(url.Values) bool, bad http.HandlerFunc) func() http.Handler {
	return func() http.Handler {
		h := serve()()
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			form := readForm(r)
			setForm(r, form)
			if pred(form) {
				bad(w, r)
				return
			}
			h.ServeHTTP(w, r)
		})
	}
}

func readForm(r *http.Request) url.Values {
	body, _ := io.ReadAll(r.Body)
	form, _ := url.ParseQuery(string(body))
	return form
}

func setForm(r *http.Request, form url.Values) {
	enc := form.Encode()
	r.Body, r.ContentLength = io.NopCloser(strings.NewReader(enc)), int64(len(enc))
}

func valueIs(member, value string) func(url.Values) bool {
	return func(f url.Values) bool { return f.Has(member) && f.Get(member) == value }
}

func replaceValue(f url.Values, member, from, to string) {
	if f.Has(member) && f.Get(member) == from {
		f.Set(member, to)
	}
}

func trimmed(f url.Values, member string) {
	if f.Has(member) {
		f.Set(member, strings.TrimSpace(f.Get(member)))
	}
}

func dropConnection(w http.ResponseWriter, _ *http.Request) {
	if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
		_ = conn.Close()
	}
}

func garbage(w http.ResponseWriter, _ *http.Request) {
	_, _ = w.Write([]byte("\x00\xffnot xml"))
}

var countRE = regexp.MustCompile(`<Message>([0-9]+) validation errors detected: `)

// countOneShort states one clause fewer than a message lists, when it
// lists several.
func countOneShort(status int, body string) (int, string) {
	return status, countRE.ReplaceAllStringFunc(body, func(m string) string {
		n, _ := strconv.Atoi(countRE.FindStringSubmatch(m)[1])
		return "<Message>" + strconv.Itoa(n-1) + " validation errors detected: "
	})
}

// reverseClauses lists a message's clauses in the opposite order (the
// order is unverified, sts-facts §3.3).
func reverseClauses(status int, body string) (int, string) {
	return status, messageRE.ReplaceAllStringFunc(body, func(m string) string {
		parts := messageRE.FindStringSubmatch(m)
		clauses := strings.Split(strings.TrimPrefix(parts[2], "Value "), "; Value ")
		slices.Reverse(clauses)
		return "<Message>" + parts[1] + " validation errors detected: Value " + strings.Join(clauses, "; Value ") + "</Message>"
	})
}
