package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// junitSuites is the JUnit XML document: one suite per target, one test
// case per class (main and raw) on that target.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Skipped   int         `xml:"skipped,attr"`
	Timestamp string      `xml:"timestamp,attr,omitempty"`
	Cases     []junitCase `xml:"testcase"`
}

type junitCase struct {
	Class     string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// WriteJUnit renders the report as JUnit XML: one test case per target ×
// class. A new divergence fails its case with DivergenceMessage; so does a
// stale baseline entry, and a partial run fails a "run complete" case. A
// known divergence passes, its message and baseline reason in system-out.
// With -raw, each target's suite also has one case per raw class, failing
// with the violations Verdicts fails (RawViolationMessage each).
func WriteJUnit(w io.Writer, rep Report) error {
	doc := junitSuites{Name: "stsconform", Time: seconds(rep)}
	for _, t := range rep.Targets {
		s := junitSuite{Name: "stsconform/" + t.Name, Timestamp: rep.StartedAt.Format("2006-01-02T15:04:05Z")}
		for _, row := range rep.Matrix {
			s.add(junitCaseOf(rep, row, t.Name))
		}
		for _, st := range rep.StaleBaseline {
			if _, ok := rep.Lookup(st.Class, t.Name); !ok && st.Target == t.Name {
				s.add(junitCase{Class: s.Name, Name: st.Class, Time: "0", Failure: staleFailure(st)})
			}
		}
		if rep.Partial {
			s.add(partialCase(rep, s.Name))
		}
		doc.addSuite(s, rep.Raw, t.Name)
	}
	for _, name := range rawOnlyTargets(rep) {
		doc.addSuite(junitSuite{Name: "stsconform/" + name, Timestamp: rep.StartedAt.Format("2006-01-02T15:04:05Z")}, rep.Raw, name)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// partialCase fails a suite of an interrupted run.
func partialCase(rep Report, suite string) junitCase {
	text := fmt.Sprintf("the run stopped after %d cases", rep.Checks)
	if rep.Interruption != nil {
		text += ": " + rep.Interruption.Summary()
	}
	return junitCase{Class: suite, Name: "run complete", Time: "0", Failure: &junitFailure{
		Message: "interrupted: the report is partial", Type: "partial", Text: text}}
}

// addSuite adds s, with raw mode's cases of target, to the document.
func (doc *junitSuites) addSuite(s junitSuite, raw *Raw, target string) {
	for _, c := range raw.junitCases(s.Name, target) {
		s.add(c)
	}
	doc.Tests, doc.Failures, doc.Skipped = doc.Tests+s.Tests, doc.Failures+s.Failures, doc.Skipped+s.Skipped
	doc.Suites = append(doc.Suites, s)
}

func (s *junitSuite) add(c junitCase) {
	s.Tests++
	if c.Failure != nil {
		s.Failures++
	}
	if c.Skipped != nil {
		s.Skipped++
	}
	s.Cases = append(s.Cases, c)
}

func junitCaseOf(rep Report, row Row, target string) junitCase {
	cell, ok := row.Cells[target]
	c := junitCase{Class: "stsconform/" + target, Name: row.Class, Time: "0"}
	counts := fmt.Sprintf("%d agree, %d diverge, %d unverified", cell.Agree, cell.Diverge, cell.Unverified)
	if cell.NotExpressible > 0 {
		counts += fmt.Sprintf(", %d not expressible", cell.NotExpressible)
	}
	switch state := CellState(cell, ok); {
	case state == StateSkipped:
		c.Skipped = &junitSkipped{Message: "no case of this class ran on " + target}
	case state == StateDiverge && cell.Example != nil:
		msg := DivergenceMessage(*cell.Example)
		c.Failure = &junitFailure{Message: firstLine(msg), Type: "divergence", Text: msg}
	case state == StateBaselined && cell.Example != nil:
		c.SystemOut = fmt.Sprintf("%s\nknown divergence (baseline reason: %s)\n%s", counts, cell.Reason, DivergenceMessage(*cell.Example))
	default:
		c.SystemOut = counts
	}
	if st, ok := staleEntry(rep, row.Class, target); ok && c.Failure == nil {
		c.Failure, c.Skipped = staleFailure(st), nil
	}
	return c
}

func staleFailure(st StaleEntry) *junitFailure {
	return &junitFailure{Message: "baselined divergence no longer occurs", Type: "stale-baseline",
		Text: fmt.Sprintf("%s no longer diverges on %s %v (baseline reason: %s): rerun with -update-baseline to re-record",
			st.Target, st.Class, st.DivergentFields, st.Reason)}
}

func staleEntry(rep Report, class, target string) (StaleEntry, bool) {
	for _, s := range rep.StaleBaseline {
		if s.Class == class && s.Target == target {
			return s, true
		}
	}
	return StaleEntry{}, false
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func seconds(rep Report) string {
	return fmt.Sprintf("%.3f", rep.FinishedAt.Sub(rep.StartedAt).Seconds())
}
