package suite

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/conformance/oracle"
	"github.com/stsconform/stsconform/conformance/record"
	"github.com/stsconform/stsconform/generators"
	"github.com/stsconform/stsconform/targets"
	awstarget "github.com/stsconform/stsconform/targets/aws"
	recordedtarget "github.com/stsconform/stsconform/targets/recorded"
	"github.com/stsconform/stsconform/targets/spec"
)

// withBudget adds budget= to the aws specs of a -targets list that set none.
func withBudget(list string, budget int) string {
	if budget <= 0 {
		return list
	}
	specs := spec.Split(list)
	for i, s := range specs {
		if (s == "aws" || strings.HasPrefix(s, "aws;")) && !strings.Contains(s, ";budget=") {
			specs[i] = s + ";budget=" + strconv.Itoa(budget)
		}
	}
	return strings.Join(specs, ",")
}

// budgeted adapts the main job to budgeted and recorded targets.
type budgeted struct {
	flags Flags
	dirs  fixtureDirs
	out   io.Writer
	recs  []*record.Recorder
}

// prepare returns the targets (wrapped by recorders under -record) and the
// options: the coverage plan for an aws target, the recorded cases for a
// recorded one, and the oracle with the recorded facts. With -discover it
// asks the questions instead, and the run ends there.
func (b *budgeted) prepare(ctx context.Context, ts []targets.Target) ([]targets.Target, []conformance.Option, error) {
	var opts []conformance.Option
	facts, err := b.dirs.facts()
	if err != nil {
		return ts, nil, err
	}
	if len(facts.Facts) > 0 {
		opts = append(opts, conformance.WithOracle(oracle.Default().WithRecorded(recordedFacts(facts)...)))
	}
	if b.flags.Discover {
		return ts, opts, b.discover(ctx, ts, facts)
	}
	var plan iter.Seq[generators.Case]
	for i, target := range ts {
		switch tt := target.(type) {
		case *awstarget.Target:
			plan = record.Coverage(tt.Callers()[0], nil)
			if b.flags.Record {
				if b.dirs.recorded == "" {
					return ts, nil, errors.New("-record needs -recorded-dir outside an stsconform checkout")
				}
				rec := record.Wrap(tt, b.dirs.recorded)
				b.recs, ts[i] = append(b.recs, rec), rec
			}
		case *recordedtarget.Target:
			if plan == nil {
				plan = tt.Cases()
			}
		}
	}
	if plan != nil {
		opts = append(opts, conformance.WithCases(record.Labelled(plan, b.recs...)))
	}
	return ts, opts, nil
}

// flush saves the recordings of -record.
func (b *budgeted) flush() error {
	var errs []error
	for _, rec := range b.recs {
		errs = append(errs, rec.Flush())
	}
	return errors.Join(errs...)
}

// discover asks every aws target the open questions and merges the answers
// into facts.json.
func (b *budgeted) discover(ctx context.Context, ts []targets.Target, facts record.Facts) error {
	if b.dirs.recorded == "" {
		return errors.New("-discover needs -recorded-dir outside an stsconform checkout")
	}
	asked := 0
	for _, target := range ts {
		if _, ok := target.(*awstarget.Target); !ok {
			continue
		}
		found, skipped, err := record.Discover(ctx, target, b.flags.DiscoverOnly)
		for _, s := range skipped {
			fmt.Fprintf(b.out, "not asked: %s\n", s)
		}
		facts.Merge(found)
		asked += len(found)
		for _, f := range found {
			fmt.Fprintf(b.out, "%s: %s → %s\n", f.Fact, f.Question, answerText(f.Answer))
		}
		if n, ok := target.(interface{ RunNotes() []string }); ok {
			for _, line := range n.RunNotes() {
				fmt.Fprintln(b.out, line)
			}
		}
		if err != nil {
			return err
		}
	}
	if asked == 0 {
		return errors.New("-discover needs an aws target: -targets=aws")
	}
	path := filepath.Join(b.dirs.recorded, record.FactsFile)
	if err := facts.Write(path); err != nil {
		return err
	}
	fmt.Fprintf(b.out, "%d answers written to %s\n", asked, path)
	return nil
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
