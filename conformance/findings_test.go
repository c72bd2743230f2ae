package conformance_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/conformance/oracle"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/model"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/local"
	"github.com/stsconform/stsconform/targets/spec"
)

// findingsOf runs the suite against h with the given checks and seed and
// returns the report, minimisation on.
func findingsOf(t *testing.T, name string, h http.Handler, checks int, seed uint64) report.Report {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	target, err := spec.Open(fmt.Sprintf("endpoint=%s;name=%s;access-key=%s", srv.URL, name, local.UserAccessKeyID))
	require.NoError(t, err)
	rep, err := conformance.Check([]targets.Target{target}, conformance.WithOutput(&bytes.Buffer{}),
		conformance.WithChecks(checks), conformance.WithSeed(seed), conformance.WithContext(t.Context()))
	require.NoError(t, err)
	return rep
}

// trimsSerial trims spaces around SerialNumber before a server (inner)
// validates it.
func trimsSerial(inner http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		form := readForm(r)
		trimmed(form, "SerialNumber")
		setForm(r, form)
		inner.ServeHTTP(w, r)
	})
}

func TestTrimmedSerialIsOneFinding(t *testing.T) {
	for _, seed := range []uint64{1, 20261204} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rep := findingsOf(t, "trims", trimsSerial(serve()()), 300, seed)
			require.Len(t, rep.Findings, 1, "%s", findingTitles(rep))
			f := rep.Findings[0]
			assert.Equal(t, "serialNumber pattern clause missing", f.Signature)
			assert.Equal(t, "serialNumber: pattern clause missing", f.Title)
			assert.Greater(t, len(f.Cells), 1, "one finding covers the cells it was seen in")
			assert.True(t, f.Example.Shrunk)
			require.NotNil(t, f.Example.Input.SerialNumber)
			assert.NotEqual(t, strings.TrimSpace(*f.Example.Input.SerialNumber), *f.Example.Input.SerialNumber, "the example keeps the surrounding space")
		})
	}
}

// TestTwoDeviationsInTheSameCellsAreTwoFindings: a server that trims the
// serial number and refuses the longest valid duration deviates twice in
// the same cells (every case with both members lands in both); each
// deviation is its own finding with its own minimal example.
func TestTwoDeviationsInTheSameCellsAreTwoFindings(t *testing.T) {
	for _, checks := range []int{100, 1000} {
		t.Run(fmt.Sprint(checks), func(t *testing.T) {
			h := trimsSerial(serve(local.WithContract(withBound("DurationSeconds", 900, 129599)))())
			rep := findingsOf(t, "two", h, checks, 7)
			require.Len(t, rep.Findings, 2, "%s", findingTitles(rep))
			byTitle := map[string]report.Finding{}
			for _, f := range rep.Findings {
				byTitle[f.Signature] = f
				assert.True(t, f.Example.Shrunk, "%s is minimised", f.Title)
			}
			serial, ok := byTitle["serialNumber pattern clause missing"]
			require.True(t, ok, "%s", findingTitles(rep))
			duration, ok := byTitle["durationSeconds max clause where AWS reports none"]
			require.True(t, ok, "%s", findingTitles(rep))

			// Each example shows its own deviation and nothing else.
			in := serial.Example.Input
			assert.Nil(t, in.DurationSeconds, "serial example: %s", serial.Example.InputText)
			require.NotNil(t, in.SerialNumber)
			assert.Equal(t, call.User, serial.Example.Caller)
			in = duration.Example.Input
			require.NotNil(t, in.DurationSeconds, "duration example: %s", duration.Example.InputText)
			assert.Equal(t, int32(129600), *in.DurationSeconds)
			assert.Nil(t, in.SerialNumber, "duration example: %s", duration.Example.InputText)
			assert.Nil(t, in.TokenCode)
			assert.Nil(t, in.MinimumSessionTokenSize)

			shared := 0
			for _, c := range serial.Classes() {
				if slices.Contains(duration.Classes(), c) {
					shared++
				}
			}
			assert.Positive(t, shared, "the two findings fall in the same cells")
		})
	}
}

// serialOff has a SerialNumber max one short (255, a valid maximum
// refused) and no SerialNumber pattern: two constraints of one member
// deviate, two findings, each with its own example.
func serialOff() model.Operation {
	op := withBound("SerialNumber", 9, 255)
	for i := range op.Members {
		if op.Members[i].Name == "SerialNumber" {
			op.Members[i].Pattern = ""
		}
	}
	return op
}

func TestTwoConstraintsOfOneMemberAreTwoFindings(t *testing.T) {
	rep := findingsOf(t, "serial", serve(local.WithContract(serialOff()))(), 300, 11)
	var sigs []string
	byTitle := map[string]report.Finding{}
	for _, f := range rep.Findings {
		sigs = append(sigs, f.Signature)
		byTitle[f.Signature] = f
		assert.True(t, f.Example.Shrunk, "%s is minimised", f.Title)
	}
	require.Equal(t, []string{"serialNumber max clause where AWS reports none", "serialNumber pattern clause missing"}, sigs, "%s", findingTitles(rep))

	refused := byTitle["serialNumber max clause where AWS reports none"]
	require.NotNil(t, refused.Example.Input.SerialNumber, "%s", refused.Example.InputText)
	assert.Len(t, *refused.Example.Input.SerialNumber, 256, "the example is the longest valid serial")
	accepted := byTitle["serialNumber pattern clause missing"]
	assert.True(t, strings.HasPrefix(accepted.Title, "serialNumber: pattern clause missing"), accepted.Title)
	require.NotNil(t, accepted.Example.Input.SerialNumber, "%s", accepted.Example.InputText)
	assert.LessOrEqual(t, len(*accepted.Example.Input.SerialNumber), 255, "its example is no length the max refuses")
	assert.Len(t, oracle.Default().Validate(accepted.Example.Input), 1, "its example breaks the pattern alone: %s", accepted.Example.InputText)
}

func findingTitles(rep report.Report) string {
	var b strings.Builder
	for _, f := range rep.Findings {
		fmt.Fprintf(&b, "\n%s %s: %s %v", f.Target, f.Title, f.Example.InputText, f.Classes())
	}
	return b.String()
}
