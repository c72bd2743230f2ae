package report

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
)

// junitSuites is the JUnit XML document: one suite per target, with its
// findings' cases and one case per class (main and raw) on that target.
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

// WriteJUnit renders the report as JUnit XML, one suite per target, failing
// exactly what Verdicts fails. A report with findings (the main run's) has
// one case per finding: a new one fails with FindingMessage (its minimised
// example), a known one passes with its baseline reason in system-out;
// then a case per class the target ran, which never fails (its
// divergences fail as their findings) and says which findings it shows, or
// is skipped when the target ran none of it. A report without findings
// (the client gate's) fails the class case of each new divergence with
// DivergenceMessage, and so does a report with findings in a cell no
// finding covers (a client gate's, merged with a run's). Either way each stale baseline entry fails a case of
// its own, a known finding the seed did not show is skipped, and a
// partial run fails a "run complete" case. With -raw, each target's suite
// also has one case per raw class (see Raw.junitCases).
func WriteJUnit(w io.Writer, rep Report) error {
	doc := junitSuites{Name: "stsconform", Time: seconds(rep)}
	for _, t := range rep.Targets {
		s := targetSuite(rep, t.Name)
		for _, row := range rep.Matrix {
			if classOfRun(rep, row, t.Name) {
				s.add(classCase(rep, row, t.Name))
			}
		}
		if rep.Partial {
			s.add(partialCase(rep, s.Name))
		}
		doc.addSuite(s, rep.Raw, t.Name)
	}
	for _, name := range unlistedTargets(rep) {
		doc.addSuite(targetSuite(rep, name), rep.Raw, name)
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

// targetSuite is a target's suite with its findings' cases, its stale
// baseline entries, and (without findings) the divergences of classes the
// matrix does not have.
func targetSuite(rep Report, target string) junitSuite {
	s := junitSuite{Name: "stsconform/" + target, Timestamp: rep.StartedAt.Format("2006-01-02T15:04:05Z")}
	findings := s.Name + "/findings"
	for _, f := range rep.Findings {
		if f.Target == target {
			s.add(findingCase(findings, f))
		}
	}
	for _, n := range rep.NotSeen {
		if n.Target == target {
			s.add(junitCase{Class: findings, Name: n.Finding, Time: "0", SystemOut: "baseline reason: " + n.Reason,
				Skipped: &junitSkipped{Message: "known finding not seen with this seed (only the baseline's own seed and checks must show it)"}})
		}
	}
	for _, st := range rep.StaleBaseline {
		if st.Target == target {
			s.add(staleCase(s.Name, st))
		}
	}
	if rep.Findings == nil {
		for _, d := range rep.Divergences {
			if _, ok := rep.Lookup(d.Class, d.Target); d.Target == target && !ok {
				s.add(divergenceCase(s.Name, d))
			}
		}
	}
	return s
}

// findingCase is one finding: failing unless known, named by its title.
func findingCase(class string, f Finding) junitCase {
	return verdictCase(class, cmp.Or(f.Title, f.Signature), "finding", FindingMessage(f), f.Baseline == "known", f.Reason)
}

// divergenceCase is a divergence of a report without findings, failing
// unless known.
func divergenceCase(suite string, d Example) junitCase {
	return verdictCase(suite, d.Class, "divergence", DivergenceMessage(d), d.Baseline == "known", d.Reason)
}

// verdictCase fails with msg, or passes with it and the baseline's reason
// when the deviation is known.
func verdictCase(class, name, kind, msg string, known bool, reason string) junitCase {
	c := junitCase{Class: class, Name: name, Time: "0"}
	if known {
		c.SystemOut = fmt.Sprintf("known %s (baseline reason: %s)\n%s", kind, reason, msg)
		return c
	}
	c.Failure = &junitFailure{Message: firstLine(msg), Type: kind, Text: msg}
	return c
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

// classCase is one class on one target: skipped when the target ran none
// of it, else passing with its counts and the findings it shows; failing
// with the class's new divergence in a report without findings, or in a
// cell no finding covers (a client gate's, merged with a run's).
func classCase(rep Report, row Row, target string) junitCase {
	cell, ok := row.Cells[target]
	c := junitCase{Class: "stsconform/" + target, Name: row.Class, Time: "0"}
	counts := fmt.Sprintf("%d agree, %d diverge, %d unverified", cell.Agree, cell.Diverge, cell.Unverified)
	if cell.NotExpressible > 0 {
		counts += fmt.Sprintf(", %d not expressible", cell.NotExpressible)
	}
	if CellState(cell, ok) == StateSkipped {
		c.Skipped = &junitSkipped{Message: "no case of this class ran on " + target}
		return c
	}
	if rep.Findings != nil {
		c.SystemOut = counts + findingsIn(rep, row.Class, target)
		for _, d := range divergencesOutsideFindings(rep) {
			if d.Target == target && d.Class == row.Class {
				c.Failure = divergenceCase(c.Class, d).Failure
			}
		}
		return c
	}
	c.SystemOut = counts
	for _, d := range rep.Divergences {
		if d.Target != target || d.Class != row.Class {
			continue
		}
		switch dc := divergenceCase(c.Class, d); {
		case dc.Failure != nil && c.Failure != nil: // a merged report's second one
			c.Failure.Text += dc.Failure.Text
		case dc.Failure != nil:
			c.Failure = dc.Failure
		default:
			c.SystemOut += "\n" + dc.SystemOut
		}
	}
	return c
}

// findingsIn lists the findings seen in a class on a target, each with its
// verdict, for the class's system-out.
func findingsIn(rep Report, class, target string) string {
	var b strings.Builder
	for _, f := range rep.Findings {
		if f.Target == target && slices.Contains(f.Classes(), class) {
			fmt.Fprintf(&b, "\n  %-5s %s", cmp.Or(baselineMark(f.Baseline), "-"), f.Title)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "\nits divergences are these findings (each a test case of its own):" + b.String()
}

// staleCase fails a baseline entry the run did not match.
func staleCase(suite string, st StaleEntry) junitCase {
	message := "baselined divergence no longer occurs"
	if st.Finding != "" {
		message = "baselined finding no longer occurs"
	}
	return junitCase{Class: suite, Name: cmp.Or(st.Finding, st.Class) + " (baseline entry)", Time: "0", Failure: &junitFailure{
		Message: message, Type: "stale-baseline", Text: StaleMessage(st)}}
}

// unlistedTargets are the targets a report's findings, divergences, stale
// entries or raw section name but its targets do not (none in a report
// stsconform wrote; possible in a hand-merged one): each gets a suite of
// its own, so that nothing Verdicts fails is left out.
func unlistedTargets(rep Report) []string {
	var names []string
	for _, f := range rep.Findings {
		names = append(names, f.Target)
	}
	for _, d := range rep.Divergences {
		if rep.Findings == nil {
			names = append(names, d.Target)
		}
	}
	for _, s := range append(slices.Clone(rep.StaleBaseline), rep.NotSeen...) {
		names = append(names, s.Target)
	}
	if rep.Raw != nil {
		for _, t := range rep.Raw.Targets {
			names = append(names, t.Name)
		}
	}
	var out []string
	for _, n := range names {
		listed := slices.ContainsFunc(rep.Targets, func(t TargetInfo) bool { return t.Name == n })
		if !listed && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func seconds(rep Report) string {
	return fmt.Sprintf("%.3f", rep.FinishedAt.Sub(rep.StartedAt).Seconds())
}
