package conformance_test

import (
	"context"
	"flag"
	"iter"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/conformance/oracle"
	"github.com/stsconform/stsconform/conformance/record"
	"github.com/stsconform/stsconform/generators"
	"github.com/stsconform/stsconform/targets"
	awstarget "github.com/stsconform/stsconform/targets/aws"
	recordedtarget "github.com/stsconform/stsconform/targets/recorded"
	"github.com/stsconform/stsconform/targets/spec"
)

// Flags of runs against real AWS (-targets=aws).
var (
	recordFlag   = flag.Bool("record", false, "save what aws targets answer, normalised, to -recorded-dir/<target>.json")
	discoverFlag = flag.Bool("discover", false, "ask the aws targets the open questions, one call each, write the answers to -recorded-dir/facts.json, and run nothing else")
	discoverOnly = flag.String("discover-only", "", "with -discover, ask only the questions of this fact id")
	budgetFlag   = flag.Int("budget", 0, "calls an aws target may make in this run, when its spec sets no budget= (default 50)")
	recordedDir  = flag.String("recorded-dir", "../fixtures/recorded", "directory of recordings and facts.json (-record, -discover, the oracle's recorded facts)")
)

// withBudget adds -budget to the aws specs of a -targets list that set none.
func withBudget(list string) string {
	if *budgetFlag <= 0 {
		return list
	}
	specs := spec.Split(list)
	for i, s := range specs {
		if (s == "aws" || strings.HasPrefix(s, "aws;")) && !strings.Contains(s, ";budget=") {
			specs[i] = s + ";budget=" + strconv.Itoa(*budgetFlag)
		}
	}
	return strings.Join(specs, ",")
}

// budgetedRun adapts the main job to budgeted and recorded targets. With
// -discover it asks the questions and returns done. Otherwise it returns
// the targets (wrapped by recorders under -record) and the options: the
// coverage plan for an aws target, the recorded cases for a recorded one,
// and the oracle with the recorded facts of -recorded-dir.
func budgetedRun(t *testing.T, ctx context.Context, ts []targets.Target) ([]targets.Target, []conformance.Option, bool) {
	var opts []conformance.Option
	facts, err := record.ReadFacts(filepath.Join(*recordedDir, record.FactsFile))
	require.NoError(t, err)
	if len(facts.Facts) > 0 {
		opts = append(opts, conformance.WithOracle(oracle.Default().WithRecorded(recordedFacts(facts)...)))
	}
	if *discoverFlag {
		discover(t, ctx, ts, facts)
		return ts, opts, true
	}
	var plan iter.Seq[generators.Case]
	var recs []*record.Recorder
	for i, target := range ts {
		switch tt := target.(type) {
		case *awstarget.Target:
			plan = record.Coverage(tt.Callers()[0], nil)
			if *recordFlag {
				rec := record.Wrap(tt, *recordedDir)
				recs, ts[i] = append(recs, rec), rec
				t.Cleanup(func() { require.NoError(t, rec.Flush()) })
			}
		case *recordedtarget.Target:
			if plan == nil {
				plan = tt.Cases()
			}
		}
	}
	if plan != nil {
		opts = append(opts, conformance.WithCases(record.Labelled(plan, recs...)))
	}
	return ts, opts, false
}

// discover asks every aws target the open questions and merges the answers
// into facts.json.
func discover(t *testing.T, ctx context.Context, ts []targets.Target, facts record.Facts) {
	asked := 0
	for _, target := range ts {
		if _, ok := target.(*awstarget.Target); !ok {
			continue
		}
		found, skipped, err := record.Discover(ctx, target, *discoverOnly)
		for _, s := range skipped {
			t.Logf("not asked: %s", s)
		}
		facts.Merge(found)
		asked += len(found)
		for _, f := range found {
			t.Logf("%s: %s → %s", f.Fact, f.Question, answerText(f.Answer))
		}
		require.NoError(t, err)
		if n, ok := target.(interface{ RunNotes() []string }); ok {
			for _, line := range n.RunNotes() {
				t.Log(line)
			}
		}
	}
	if asked == 0 {
		t.Fatal("-discover needs an aws target: -targets=aws")
	}
	path := filepath.Join(*recordedDir, record.FactsFile)
	require.NoError(t, facts.Write(path))
	t.Logf("%d answers written to %s", asked, path)
}

func answerText(a record.Answer) string {
	switch {
	case a.Failure != "":
		return "no usable answer: " + a.Failure
	case a.Error != nil:
		return a.Error.Code + ": " + a.Error.Message
	}
	return string(a.Kind)
}

// recordedFacts gives the oracle the answers of facts.json.
func recordedFacts(f record.Facts) []oracle.Recorded {
	var out []oracle.Recorded
	for _, fact := range f.Facts {
		r := oracle.Recorded{FactID: fact.Fact, Kind: fact.Answer.Kind, HTTPStatus: fact.Answer.HTTPStatus,
			Provenance: fact.Provenance.String()}
		if e := fact.Answer.Error; e != nil {
			r.Type, r.Code, r.Message = e.Type, e.Code, e.Message
		}
		if fact.Answer.Failure == "" {
			out = append(out, r)
		}
	}
	return out
}
