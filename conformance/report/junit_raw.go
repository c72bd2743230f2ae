package report

import (
	"fmt"
	"slices"
	"strings"
)

// junitCases are raw mode's test cases in target's suite: one per raw
// class (skipped when none of its requests was sent to target), failing
// with exactly the violations Raw.Verdicts fails (the unknown ones of a
// complete raw run); a known violation passes, its message in system-out. An interrupted raw run fails a "raw
// mode complete" case instead, its violations given no verdict.
func (r *Raw) junitCases(suite, target string) []junitCase {
	if r == nil {
		return nil
	}
	if !r.hasTarget(target) {
		return nil
	}
	var out []junitCase
	for _, class := range r.classNames() {
		c, ok := r.cell(class, target)
		if !ok {
			out = append(out, junitCase{Class: suite, Name: class, Time: "0",
				Skipped: &junitSkipped{Message: "no raw request of this class was sent to " + target}})
			continue
		}
		out = append(out, r.junitCase(suite, c))
	}
	if r.Partial {
		out = append(out, junitCase{Class: suite, Name: "raw mode complete", Time: "0", Failure: &junitFailure{
			Message: "interrupted: the raw report is partial", Type: "partial",
			Text: r.partialMessage()}})
	}
	return out
}

// junitCase is one raw class on one target.
func (r *Raw) junitCase(suite string, c RawCell) junitCase {
	jc := junitCase{Class: suite, Name: c.Class, Time: "0"}
	var failing []string
	broken := fmt.Sprintf("%d properties broken", len(c.Violations))
	if len(c.Violations) == 1 {
		broken = "1 property broken"
	}
	out := []string{fmt.Sprintf("%d requests, %s", c.Cases, broken)}
	for _, v := range c.Violations {
		msg := RawViolationMessage(c, v, r.Properties[v.Property])
		switch {
		case r.Partial:
			out = append(out, "no verdict (partial raw run): "+msg)
		case v.Known:
			out = append(out, "known (baselined): "+msg)
		default:
			failing = append(failing, msg)
		}
	}
	if len(failing) > 0 {
		message := firstLine(failing[0])
		if len(failing) > 1 {
			message += fmt.Sprintf(", and %d more", len(failing)-1)
		}
		jc.Failure = &junitFailure{Message: message, Type: "raw-violation", Text: strings.Join(failing, "\n")}
	}
	jc.SystemOut = strings.Join(out, "\n")
	return jc
}

// hasTarget says whether raw mode sent requests to target.
func (r Raw) hasTarget(target string) bool {
	return slices.ContainsFunc(r.Targets, func(t RawTarget) bool { return t.Name == target })
}
