package conformance_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/model"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/local"
	"github.com/stsconform/stsconform/targets/spec"
)

// A fault is a deliberately wrong STS server. Each must be reported, in the
// class named, by a run through endpoint=.
type fault struct {
	name    string
	handler func() http.Handler
	class   string // a matrix row where the fault must show as divergence
}

func faults() []fault {
	return []fault{
		{"duration-min-off-by-one", serve(local.WithContract(withBound("DurationSeconds", 901, 129600))), "DurationSeconds/boundary"},
		{"serial-max-off-by-one", serve(local.WithContract(withBound("SerialNumber", 9, 257))), "SerialNumber/boundary"},
		{"unicode-aware-classes", serve(local.WithPatternMatcher(unicodeMatch)), "TokenCode/hostile"},
		{"wrong-error-code", rewrite(serve(), replaceBody("<Code>ValidationError</Code>", "<Code>InvalidParameterValue</Code>")), "DurationSeconds/invalid:min"},
		{"wrong-error-status", rewrite(serve(), statusFor("ValidationError", 500)), "DurationSeconds/invalid:max"},
		{"akia-access-key", rewrite(serve(), replaceBody("<AccessKeyId>ASIA", "<AccessKeyId>AKIA")), "DurationSeconds/valid"},
		{"expiration-one-hour-late", rewrite(serve(), shiftExpiration(time.Hour)), "DurationSeconds/valid"},
		{"drops-a-clause", rewrite(serve(), dropLastClause), "TokenCode/invalid:pattern"},
	}
}

func TestSuiteReportsEachFault(t *testing.T) {
	for _, f := range faults() {
		t.Run(f.name, func(t *testing.T) {
			rep := surveyEndpoint(t, f.name, f.handler())
			require.Positive(t, rep.Totals[f.name].Diverge, "the fault must be reported")
			assert.Positive(t, cell(rep, f.class, f.name).Diverge, "divergence in class %s", f.class)
		})
	}
}

func TestSuiteReportsNothingForAFaithfulServer(t *testing.T) {
	rep := surveyEndpoint(t, "faithful", serve()())
	assert.Zero(t, rep.Totals["faithful"].Diverge, "%+v", rep.Divergences)
	assert.Positive(t, rep.Totals["faithful"].Agree)
}

func surveyEndpoint(t *testing.T, name string, h http.Handler) report.Report {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	target, err := spec.Open(fmt.Sprintf("endpoint=%s;name=%s;access-key=%s", srv.URL, name, local.UserAccessKeyID))
	require.NoError(t, err)
	rep, err := conformance.Check([]targets.Target{target}, conformance.WithOutput(&bytes.Buffer{}),
		conformance.WithShrinkLimit(0), conformance.WithContext(t.Context()), conformance.WithChecks(faultChecks))
	require.NoError(t, err)
	return rep
}

func cell(rep report.Report, class, target string) report.Cell {
	for _, row := range rep.Matrix {
		if row.Class == class {
			return row.Cells[target]
		}
	}
	return report.Cell{}
}

// faultChecks is the random phase of the fault tests: enough cases that
// rare classes are drawn often enough for the assertion to be certain.
const faultChecks = 400

func serve(opts ...local.Option) func() http.Handler {
	return func() http.Handler { return local.NewHandler(local.New(opts...)) }
}

func withBound(member string, min, max int64) model.Operation {
	op := model.GetSessionToken()
	for i := range op.Members {
		if op.Members[i].Name == member {
			op.Members[i].Min, op.Members[i].Max = &min, &max
		}
	}
	return op
}

// unicodeMatch is how Python's re reads \w and \d: Unicode-aware, the
// classic emulator drift.
func unicodeMatch(pattern, value string) bool {
	p := strings.NewReplacer(`\w`, `\p{L}\p{N}_`, `\d`, `\p{Nd}`).Replace(pattern)
	return regexp.MustCompile(`^(?:` + p + `)$`).MatchString(value)
}

type edit func(status int, body string) (int, string)

func rewrite(inner func() http.Handler, e edit) func() http.Handler {
	return func() http.Handler {
		h := inner()
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			status, body := e(rec.Code, rec.Body.String())
			for k, v := range rec.Header() {
				w.Header()[k] = v
			}
			w.Header().Del("Content-Length")
			w.WriteHeader(status)
			_, _ = w.Write([]byte(body))
		})
	}
}

func replaceBody(old, new string) edit {
	return func(status int, body string) (int, string) { return status, strings.ReplaceAll(body, old, new) }
}

func statusFor(code string, status int) edit {
	return func(s int, body string) (int, string) {
		if strings.Contains(body, "<Code>"+code+"</Code>") {
			return status, body
		}
		return s, body
	}
}

var expirationRE = regexp.MustCompile(`<Expiration>([^<]+)</Expiration>`)

func shiftExpiration(d time.Duration) edit {
	return func(status int, body string) (int, string) {
		return status, expirationRE.ReplaceAllStringFunc(body, func(m string) string {
			ts, err := time.Parse(time.RFC3339, expirationRE.FindStringSubmatch(m)[1])
			if err != nil {
				return m
			}
			return "<Expiration>" + ts.Add(d).UTC().Format(time.RFC3339) + "</Expiration>"
		})
	}
}

var messageRE = regexp.MustCompile(`<Message>([0-9]+) validation errors detected: ([^<]*)</Message>`)

// dropLastClause keeps the header's count but loses the last clause of a
// message listing several.
func dropLastClause(status int, body string) (int, string) {
	return status, messageRE.ReplaceAllStringFunc(body, func(m string) string {
		parts := messageRE.FindStringSubmatch(m)
		clauses := strings.Split(parts[2], "; Value ")
		return "<Message>" + parts[1] + " validation errors detected: " + strings.Join(clauses[:len(clauses)-1], "; Value ") + "</Message>"
	})
}
