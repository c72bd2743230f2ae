package report

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawSections are raw sections in each verdict-relevant shape, with the
// raw failures each must have: one per unknown violation of a complete
// run, one for an interrupted run (whose violations get no verdict).
func rawSections() []struct {
	name     string
	raw      *Raw
	failures int
} {
	allKnown := sampleRaw()
	allKnown.Cells[1].Violations[0].Known = true
	partial := sampleRaw()
	partial.Partial = true
	return []struct {
		name     string
		raw      *Raw
		failures int
	}{
		{"no raw mode", nil, 0},
		{"one new, one known", sampleRaw(), 1},
		{"new and known in more classes", richRaw(), 1},
		{"all known", allKnown, 0},
		{"partial", partial, 1},
	}
}

// The run's exit status (Verdicts) and JUnit fail the same raw
// violations: JUnit's failing raw cases hold exactly Verdicts' raw
// failure messages.
func TestRawVerdictsAndJUnitAgree(t *testing.T) {
	for _, tc := range rawSections() {
		t.Run(tc.name, func(t *testing.T) {
			rep := sampleReport()
			rep.Findings, rep.Divergences, rep.StaleBaseline, rep.Matrix = nil, nil, nil, nil
			rep.Raw = tc.raw
			failures, notes := Verdicts(rep)
			require.Len(t, failures, tc.failures)
			var out bytes.Buffer
			require.NoError(t, WriteJUnit(&out, rep))
			var doc junitSuites
			require.NoError(t, xml.Unmarshal(out.Bytes(), &doc))
			var junitText []string
			for _, s := range doc.Suites {
				for _, c := range s.Cases {
					if c.Failure != nil {
						junitText = append(junitText, c.Failure.Text)
					}
				}
			}
			all := strings.Join(junitText, "\n")
			for _, f := range failures {
				assert.Contains(t, all, f, "each failure of the exit status fails in JUnit")
			}
			switch {
			case tc.raw == nil:
				assert.Empty(t, junitText)
				return
			case tc.raw.Partial:
				assert.Len(t, junitText, len(tc.raw.Targets), "a failing \"raw mode complete\" case per raw target, no violation failing")
				return
			}
			assert.Equal(t, len(tc.raw.Failures()), doc.Failures, "one failing case per raw cell with a new violation")
			if tc.raw.known() > 0 {
				assert.Contains(t, strings.Join(notes, "\n"), "known raw-mode violations")
				assert.Contains(t, out.String(), "known (baselined): emu breaks", "a known violation passes, said in system-out")
			}
		})
	}
}

func TestRawViolationMessageSaysWhatToDo(t *testing.T) {
	raw := richRaw()
	msg := RawViolationMessage(raw.Cells[1], raw.Cells[1].Violations[0], raw.Properties["content-type"])
	for _, want := range []string{"emu breaks content-type on content-type (2 of 5 requests)", "POST / [Content-Type: text/plain]",
		"expected: a non-form body is refused", "actual:   HTTP 200", "why:      a body without a form content type", "replay:   curl -sS"} {
		assert.Contains(t, msg, want)
	}
	errEx := raw.Cells[len(raw.Cells)-1].Violations[0].Example
	assert.Equal(t, "connection reset by peer", errEx.Answer(), "an error stands for the answer")
}

// The terminal's raw block: per target its violations by class with
// counts, each with its replay on one line; nothing without raw mode or
// with an empty raw section (nor a Markdown section).
func TestRawTable(t *testing.T) {
	for _, tc := range []struct {
		name      string
		raw       *Raw
		want, not []string
	}{
		{name: "no raw mode", not: []string{"raw mode"}},
		{name: "empty", raw: &Raw{}, not: []string{"raw mode"}},
		{name: "complete", raw: richRaw(), want: []string{
			"raw mode: 3 fixed probes and 10 random requests to each target, seed 7; targets disagreed on 1 group of requests",
			"  local                no violation in 2 classes",
			"  emu                  3 violations:",
			"    NEW   content-type           content-type: 2 of 5 requests\n          replay: curl -sS 'http://127.0.0.1:1/' …\n",
			"    known bad-encoding           answers: 3 of 4 requests\n          replay: curl -sS -g -X POST",
		}, not: []string{"PARTIAL"}},
		{name: "partial", raw: func() *Raw { r := sampleRaw(); r.Partial = true; return r }(), want: []string{"(PARTIAL: interrupted, no verdict)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := sampleReport()
			rep.Raw = tc.raw
			var out, md bytes.Buffer
			WriteTable(&out, rep)
			WriteMarkdown(&md, rep)
			if tc.raw.absent() {
				assert.NotContains(t, md.String(), "## Raw mode", "nor in the Markdown")
			}
			for _, w := range tc.want {
				assert.Contains(t, out.String(), w)
			}
			for _, n := range tc.not {
				assert.NotContains(t, out.String(), n)
			}
		})
	}
}

// The HTML page's raw section: absent without raw mode; else a cell per
// class × target, each violation's example folded under its count, the
// disagreements, and the classes' evidence, UNVERIFIED never drawn as a
// failure.
func TestHTMLRawSection(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  *Raw
	}{{"nil", nil}, {"empty", &Raw{}}} {
		rep := sampleReport()
		rep.Raw = tc.raw
		var page bytes.Buffer
		require.NoError(t, WriteHTML(&page, rep))
		assert.NotContains(t, page.String(), `id="raw`, tc.name)
	}
	rep := richReport()
	var page bytes.Buffer
	require.NoError(t, WriteHTML(&page, rep))
	html := page.String()
	cells := regexp.MustCompile(`<td class="[a-z-]+" data-state="[a-z ]+" data-target="[a-z]+"><span class="cell">`)
	raw := html[strings.Index(html, `id="raw"`):]
	assert.Len(t, cells.FindAllString(raw, -1), len(rep.Raw.Classes)*len(rep.Raw.Targets), "a cell per raw class × target")
	for _, want := range []string{
		`data-state="skipped" data-target="local"><span class="cell"><span class="sym">–</span><span class="word">not sent</span>`,
		`<details class="raw-violation print" id="raw-0-1-0" data-verdict="NEW"><summary><span class="tag diverge">NEW</span> <b>content-type</b>: 2 of 5</summary>`,
		`data-verdict="known"><summary><span class="tag baselined">known</span> <b>status-code</b>: 1 of 8</summary>`,
		"<pre class=\"request\">POST /\nContent-Type: text/plain\n\n&#34;Action=GetSessionToken&#34; (22 bytes)</pre>",
		`<pre class="expected">a non-form body is refused</pre>`,
		`<pre class="actual">connection reset by peer</pre>`,
		`TokenCode=&lt;b&gt;%zz`,
		`(minimised)`,
		`<td class="evidence" data-evidence="UNVERIFIED"><span class="tag unverified">UNVERIFIED</span>`,
		`<td class="evidence" data-evidence="INFERRED"><span class="tag evidence">INFERRED</span> 400 MalformedQueryString`,
		`<table id="raw-disagreements-table"><tr><th>class</th><th>requests</th><th>local</th><th>emu</th>`,
		`<td><code>HTTP 400 InvalidAction</code></td><td><code>success</code></td>`,
		"✗ 1 new finding, 1 stale baseline entry, 1 raw cell with new violations",
	} {
		assert.Contains(t, html, want)
	}
}

func TestEvidenceIsReadFromItsLeadingWord(t *testing.T) {
	for _, tc := range []struct {
		text, status, rest, class string
	}{
		{"CONFIRMED: STS accepts GET", "CONFIRMED", "STS accepts GET", "evidence"},
		{"CONFIRMED that STS accepts GET; odd GETs UNVERIFIED", "CONFIRMED", "CONFIRMED that STS accepts GET; odd GETs UNVERIFIED", "evidence"},
		{"INFERRED: 400", "INFERRED", "400", "evidence"},
		{"UNVERIFIED: no recording", "UNVERIFIED", "no recording", "unverified"},
		{"UNVERIFIED", "UNVERIFIED", "", "unverified"},
		{"probably 400", "UNVERIFIED", "probably 400", "unverified"},
		{"", "UNVERIFIED", "", "unverified"},
	} {
		got := evidence(tc.text)
		assert.Equal(t, tc.status, string(got.Status), tc.text)
		assert.Equal(t, tc.rest, got.Text, tc.text)
		assert.Equal(t, tc.class, got.Class, tc.text)
	}
}
