package report_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/baseline"
	"github.com/stsconform/stsconform/conformance/clientgate"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets/clients/goclient"
)

// gateJUnit is as much of the JUnit document as this test reads.
type gateJUnit struct {
	Suites []struct {
		Name  string `xml:"name,attr"`
		Cases []struct {
			Class   string `xml:"classname,attr"`
			Name    string `xml:"name,attr"`
			Failure *struct {
				Type string `xml:"type,attr"`
				Text string `xml:",chardata"`
			} `xml:"failure"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// The client gate's report has no findings: its JUnit keeps a case per
// property class × client, failing exactly the divergences Verdicts fails.
// go-v2 signing with a wrong secret diverges on signing, a new divergence;
// its other divergences are made known by a baseline recorded from the
// run itself, plus an entry the run cannot match (stale).
func TestJUnitOfTheClientGate(t *testing.T) {
	c := goclient.NewV2(func(o *sts.Options) {
		o.Credentials = credentials.NewStaticCredentialsProvider("AKIASTSCONFORM000000", "not-the-secret-the-server-knows-000000000", "")
	})
	t.Cleanup(func() { _ = c.Close() })
	rep, err := clientgate.Run(context.Background(), []clientgate.Subject{{Name: "go-v2", Client: c, DefaultAttempts: 3}},
		clientgate.Options{Seed: 1, Cases: 40, Responses: 10})
	require.NoError(t, err)
	require.Nil(t, rep.Findings, "the gate reports cells, not findings")
	f := baseline.Record(nil, rep, "go-v2", "test", "2026-12-04")
	f.Divergences = slices.DeleteFunc(f.Divergences, func(e baseline.Entry) bool { return e.Class == clientgate.ClassSigning })
	f.Divergences = append(f.Divergences, baseline.Entry{Class: clientgate.ClassRetries, DivergentFields: []string{"gone"}, Reason: "fixed upstream"})
	baseline.Apply(&rep, map[string]*baseline.File{"go-v2": f})

	var out bytes.Buffer
	require.NoError(t, report.WriteJUnit(&out, rep))
	var doc gateJUnit
	require.NoError(t, xml.Unmarshal(out.Bytes(), &doc))
	require.Len(t, doc.Suites, 1)
	var classes, failing []string
	failed := map[string]string{}
	for _, tc := range doc.Suites[0].Cases {
		if tc.Class == "stsconform/go-v2" && slices.Contains(clientgate.Classes, tc.Name) {
			classes = append(classes, tc.Name)
		}
		if tc.Failure != nil {
			failing = append(failing, tc.Failure.Text)
			failed[tc.Name] = tc.Failure.Type
		}
	}
	var ran []string
	for _, row := range rep.Matrix {
		ran = append(ran, row.Class)
	}
	assert.Equal(t, ran, classes, "a case per class of the gate's matrix")
	assert.Equal(t, "divergence", failed[clientgate.ClassSigning], "the new signing divergence fails its class's case")
	assert.Equal(t, "stale-baseline", failed[clientgate.ClassRetries+" (baseline entry)"])
	failures, _ := report.Verdicts(rep)
	assert.ElementsMatch(t, failures, failing, "JUnit fails exactly what Verdicts fails")
	assert.Len(t, failing, 2, "signing and the stale entry; the recorded divergences are known")
}
