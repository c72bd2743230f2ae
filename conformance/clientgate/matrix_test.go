package clientgate

import (
	"strings"
	"testing"

	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/report"
)

// The Markdown matrix shows each cell's state, not-expressible counts and
// the example of every cell that is not a plain agreement.
func TestWriteMatrix(t *testing.T) {
	rec := newRecorder([]report.TargetInfo{{Name: "a"}, {Name: "b"}}, 1, "")
	rec.add(Observation{Client: "a", Class: ClassValidation, Result: compare.Agree, InputText: "{plain}"})
	rec.add(Observation{Client: "b", Class: ClassValidation, NotExpressible: true, InputText: "{DurationSeconds=3.5}",
		Expected: []string{"nothing sent"}})
	rec.add(Observation{Client: "b", Class: ClassEncoding, Result: compare.Diverge, InputText: "{TokenCode=\"1\"}",
		Diffs: []compare.Diff{{Field: "request member TokenCode", Expected: "1", Actual: "absent"}}})
	rec.add(Observation{Client: "a", Class: ClassEncoding, Result: compare.Unverified, InputText: "{x}", Facts: nil})
	var b strings.Builder
	WriteMatrix(&b, rec.finish(false))
	out := b.String()
	for _, want := range []string{
		"| validation | ✓ agree 1✓ 0✗ | ∅ not expressible 0✓ 0✗ 1∅ |",
		"| encoding | ? unverified 0✓ 0✗ 1? | ✗ diverge 0✓ 1✗ |",
		"**validation × b** ∅ not expressible: `{DurationSeconds=3.5}` — nothing sent",
		"**encoding × b** ✗ diverge: `{TokenCode=\"1\"}` — request member TokenCode",
		"| retries | – skipped",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("matrix lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "**validation × a**") {
		t.Errorf("a plain agreement has no example line:\n%s", out)
	}
}
