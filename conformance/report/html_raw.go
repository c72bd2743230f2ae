package report

import (
	"fmt"
	"strings"

	"github.com/stsconform/stsconform/model"
)

// rawView is raw mode's section of the HTML page: a class × target table
// whose cells fold each violation's example under its count, the
// properties' meanings and the targets' disagreements.
type rawView struct {
	*Raw
	Targets       []string
	Rows          []rawRowView
	Properties    []rawPropertyView
	Disagreements []rawDisagreementView
}

type rawRowView struct {
	Class    string
	Cells    []rawCellView
	Evidence evidenceView
}

// rawCellView is one raw class on one target; State colours it as a
// matrix cell: agree (every property kept), diverge (a new violation),
// baselined (only known ones), skipped (no request sent).
type rawCellView struct {
	Target, Word string
	State        State
	Cases        int
	Violations   []rawViolationView
}

// rawViolationView is one violation as the page folds it under its
// count: the request dump, what the property expects and what came.
type rawViolationView struct {
	RawViolation
	ID, Verdict, Meaning, Request string
	State                         State
	Cases                         int
}

type rawPropertyView struct{ Name, Meaning string }

type rawDisagreementView struct {
	RawDisagreement
	Answers  []string // in target order, "—" for a target without one
	Request  string
	Evidence evidenceView
}

// evidenceView is what is known of AWS's answers: its status (the
// leading word of the text) and the text (without a leading "STATUS:"). Class colours it: UNVERIFIED is
// never drawn as a failure.
type evidenceView struct {
	Status     model.Status
	Text       string
	Class      string
	Unverified bool
}

// newRawView builds the raw section's view; nil when the report has no
// raw section, or an empty one.
func newRawView(raw *Raw) *rawView {
	if raw.absent() {
		return nil
	}
	v := &rawView{Raw: raw}
	for _, t := range raw.Targets {
		v.Targets = append(v.Targets, t.Name)
	}
	for i, class := range raw.classNames() {
		v.Rows = append(v.Rows, raw.rowView(i, class, v.Targets))
	}
	for _, p := range raw.propertyNames() {
		v.Properties = append(v.Properties, rawPropertyView{Name: p, Meaning: raw.Properties[p]})
	}
	for _, d := range raw.Disagreements {
		dv := rawDisagreementView{RawDisagreement: d, Request: requestDump(d.Example), Evidence: evidence(d.AWS)}
		for _, t := range v.Targets {
			answer, ok := d.Outcomes[t]
			if !ok {
				answer = "—"
			}
			dv.Answers = append(dv.Answers, answer)
		}
		v.Disagreements = append(v.Disagreements, dv)
	}
	return v
}

func (r *Raw) rowView(i int, class string, targets []string) rawRowView {
	row := rawRowView{Class: class, Evidence: evidence(r.evidenceOf(class))}
	for j, t := range targets {
		cv := rawCellView{Target: t, State: StateSkipped, Word: "not sent"}
		if c, ok := r.cell(class, t); ok {
			cv = r.cellView(c, fmt.Sprintf("raw-%d-%d", i, j))
		}
		row.Cells = append(row.Cells, cv)
	}
	return row
}

func (r *Raw) cellView(c RawCell, id string) rawCellView {
	cv := rawCellView{Target: c.Target, Cases: c.Cases, State: StateAgree, Word: "ok"}
	known := 0
	for k, v := range c.Violations {
		vv := rawViolationView{RawViolation: v, ID: fmt.Sprintf("%s-%d", id, k), Cases: c.Cases,
			Meaning: r.Properties[v.Property], Request: requestDump(v.Example.Request), Verdict: "NEW", State: StateDiverge}
		switch {
		case r.Partial:
			vv.Verdict = "no verdict"
		case v.Known:
			vv.Verdict, vv.State = "known", StateBaselined
			known++
		}
		cv.Violations = append(cv.Violations, vv)
	}
	switch {
	case len(c.Violations) == 0:
	case known == len(c.Violations):
		cv.State, cv.Word = StateBaselined, "known"
	default:
		cv.State, cv.Word = StateDiverge, "violated"
	}
	return cv
}

// cell finds the cell of class on target.
func (r *Raw) cell(class, target string) (RawCell, bool) {
	for _, c := range r.Cells {
		if c.Class == class && c.Target == target {
			return c, true
		}
	}
	return RawCell{}, false
}

// classNames are the classes in report order, with any a cell names that
// Classes does not.
func (r *Raw) classNames() []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range r.Classes {
		if !seen[c.Name] {
			seen[c.Name] = true
			out = append(out, c.Name)
		}
	}
	for _, c := range r.Cells {
		if !seen[c.Class] {
			seen[c.Class] = true
			out = append(out, c.Class)
		}
	}
	return out
}

func (r *Raw) evidenceOf(class string) string {
	for _, c := range r.Classes {
		if c.Name == class {
			return c.AWS
		}
	}
	return ""
}

// evidence reads an AWS evidence text: its status is its leading word
// (CONFIRMED, INFERRED or UNVERIFIED); a text without one is UNVERIFIED,
// never stronger.
func evidence(text string) evidenceView {
	word, _, _ := strings.Cut(strings.TrimSpace(text), " ")
	status := model.Status(strings.TrimRight(word, ":;,."))
	if status.Rank() == model.Unverified.Rank() {
		status = model.Unverified
	}
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), string(status)+":"))
	if rest == string(status) {
		rest = ""
	}
	v := evidenceView{Status: status, Text: rest, Class: "evidence", Unverified: status == model.Unverified}
	if v.Unverified {
		v.Class = StateUnverified.Class()
	}
	return v
}

// requestDump is a raw request as a reader reads it: the request line,
// the headers, then the body excerpt with its length.
func requestDump(r RawRequest) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", r.Method, r.Target)
	for _, h := range r.Headers {
		b.WriteString(h + "\n")
	}
	if r.Body != "" || r.Bytes > 0 {
		fmt.Fprintf(&b, "\n%s (%d bytes)", r.Body, r.Bytes)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
