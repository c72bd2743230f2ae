package report

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/compare"
)

func compareResult(r string) compare.Result { return compare.Result(r) }

// newerReport is richReport one emulator version later: the boundary
// divergence is fixed, the hostile tokens now fail differently and the
// root caller turned unverified.
func newerReport() Report {
	rep := richReport()
	rep.Targets[1].Version = "emu 1.3.0"
	rep.Matrix[0].Cells["emu"] = Cell{Counts: Counts{Agree: 1, Unverified: 1}}
	rep.Matrix[1].Cells["emu"] = Cell{Counts: Counts{Agree: 2}}
	hostile := rep.Matrix[2].Cells["emu"]
	hostile.DivergentFields, hostile.Baseline = []string{"code", "httpStatus"}, "new"
	rep.Matrix[2].Cells["emu"] = hostile
	rep.Matrix[2].Cells["client"] = Cell{Counts: Counts{Agree: 1, Diverge: 1}, DivergentFields: []string{"clauses"},
		Example: &Example{Target: "client", Class: "TokenCode/hostile", Result: compare.Diverge, Actual: "rejected"}}
	return rep
}

func TestCompareFindsNewFixedAndChangedVerdicts(t *testing.T) {
	d := Compare(richReport(), newerReport())
	names := func(cs []Change) (out []string) {
		for _, c := range cs {
			out = append(out, c.Target+" "+c.Class)
		}
		return out
	}
	assert.Equal(t, []string{"emu TokenCode/hostile", "client TokenCode/hostile"}, names(d.NewDivergences),
		"a divergence in other fields, and a fresh one")
	assert.Equal(t, []string{"emu DurationSeconds/boundary"}, names(d.Fixed))
	assert.Equal(t, []string{"emu Caller/root"}, names(d.Changed))
	require.NotNil(t, d.Fixed[0].Example, "a fix shows the old example")
	assert.Equal(t, "emu", d.Fixed[0].Example.Target)
	assert.Contains(t, d.Versions(), "emu emu 1.2.3 → emu 1.3.0")
	assert.False(t, d.SeedsDiffer())
	assert.True(t, Compare(richReport(), richReport()).Empty())
}

func TestDiffTargetsInOneReportOnly(t *testing.T) {
	old := richReport()
	old.Targets = old.Targets[:2]
	old.Seed = 99
	d := Compare(old, richReport())
	assert.Equal(t, []string{"client"}, d.OnlyNew)
	assert.True(t, d.SeedsDiffer())
	var text bytes.Buffer
	WriteDiffText(&text, d)
	assert.Contains(t, text.String(), "only in new: client")
	assert.Contains(t, text.String(), "different cases")
}

func TestDiffRenderingMatchesGoldenFiles(t *testing.T) {
	d := Compare(richReport(), newerReport())
	var text, page bytes.Buffer
	WriteDiffText(&text, d)
	require.NoError(t, WriteDiffHTML(&page, d))
	golden(t, "diff.txt", text.Bytes())
	golden(t, "diff.html", page.Bytes())
}
