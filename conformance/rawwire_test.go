package conformance_test

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/baseline"
	"github.com/stsconform/stsconform/conformance/rawwire"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/internal/testenv"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/container"
	"github.com/stsconform/stsconform/targets/emulator"
	"github.com/stsconform/stsconform/targets/spec"
)

var (
	rawBaselineDir = flag.String("raw-baselines", "../fixtures/baselines/raw", "directory of reviewed raw-mode baselines (<target>.json)")
	rawUpdate      = flag.Bool("update-raw-baseline", false, "re-record the raw-mode baselines of the emulators run, keeping existing reasons")
	rawReportDir   = flag.String("raw-report", "", "directory to write raw-mode reports (raw-<target>.json) to")
)

// The emulator gate replays one fixed run, so that it does not depend on
// chance; a baseline file records the seed and checks it was made with.
const (
	rawSeed   = 20261124
	rawChecks = 300
)

// Our awsQuery handler, served as local-http, has every raw-mode property
// on every class, with no baseline.
func TestRawWireLocalHTTP(t *testing.T) {
	ep, _ := openRaw(t, "local-http")
	rawwire.Run(t, []rawwire.Endpoint{ep}, rawwire.WithChecks(500))
}

// Each emulator is sent the same fixed run of raw requests as local-http;
// its property violations must be exactly those of its raw baseline (a new
// one fails, so does a baselined one that no longer occurs). Where the two
// answer differently, the disagreement is logged, not failed. Record with
// -update-raw-baseline (new entries get a reason to write).
func TestRawWireEmulators(t *testing.T) {
	for _, name := range emulatorTargets() {
		t.Run(name, func(t *testing.T) {
			emu, version := openRaw(t, name)
			ref, _ := openRaw(t, "local-http")
			// A container twin runs the same emulator version as the process:
			// it is held to the process's raw baseline.
			twin := strings.TrimSuffix(name, "-container")
			base := loadRawBaseline(t, twin)
			if *rawUpdate && twin != name {
				t.Skip("container twins use their process's raw baseline")
			}
			seed, checks := uint64(rawSeed), rawChecks
			if base != nil {
				seed, checks = base.Seed, base.Checks
			}
			known := rawwire.KnownIn(base, name)
			if *rawUpdate {
				known = func(target, _, _ string) bool { return target == name }
			}
			start := time.Now()
			rep := rawwire.Run(t, []rawwire.Endpoint{ref, emu}, rawwire.WithKnown(known), rawwire.WithSeed(seed), rawwire.WithChecks(checks))
			t.Logf("%s %s: %d requests in %v, %d disagreements with local-http", name, version, rep.Checks, time.Since(start).Round(time.Millisecond), len(rep.Disagreements))
			writeRawReport(t, name, rep)
			if *rawUpdate {
				require.NoError(t, baseline.Save(*rawBaselineDir, rawwire.RecordBaseline(base, rep, name, version, time.Now().UTC().Format(time.DateOnly))))
				return
			}
			for _, k := range rawwire.Stale(base, rep, name) {
				t.Errorf("%s no longer breaks %s: remove it from its raw baseline (%s)", name, k.Finding, k.Reason)
			}
		})
	}
}

// openRaw opens a target and describes it as a raw endpoint, or skips
// when the emulator cannot be installed.
func openRaw(t *testing.T, name string) (rawwire.Endpoint, string) {
	target, err := spec.Open(name, spec.WithLogDir(t.TempDir()))
	if errors.Is(err, emulator.ErrNoPython) || errors.Is(err, container.ErrNoEngine) || errors.Is(err, container.ErrNoImage) {
		testenv.Missing(t, fmt.Sprintf("%s: %v", name, err))
	}
	require.NoError(t, err)
	t.Cleanup(func() { spec.CloseAll([]targets.Target{target}) })
	ep, ok := rawwire.EndpointOf(target)
	require.True(t, ok, "%s is not an HTTP target", name)
	version := ""
	if v, ok := target.(interface{ Version() string }); ok {
		version = v.Version()
	}
	return ep, version
}

func writeRawReport(t *testing.T, name string, rep report.Raw) {
	if *rawReportDir != "" {
		writeRawReportTo(t, filepath.Join(*rawReportDir, "raw-"+name+".json"), rep)
	}
}

func writeRawReportTo(t *testing.T, path string, rep report.Raw) {
	data, err := json.MarshalIndent(rep, "", "  ")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, data, 0o644))
	t.Logf("raw report: %s", path)
}

// loadRawBaseline reads a target's raw baseline (the baseline format of
// the main run, keyed by raw signature); nil when there is none.
func loadRawBaseline(t *testing.T, name string) *baseline.File {
	f, err := baseline.Load(*rawBaselineDir, name)
	require.NoError(t, err)
	return f
}

// Every committed raw baseline entry has a reviewed reason.
func TestRawBaselinesAreReviewed(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(*rawBaselineDir, "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, p := range paths {
		f, err := baseline.Load(filepath.Dir(p), strings.TrimSuffix(filepath.Base(p), ".json"))
		require.NoError(t, err)
		require.NotEmpty(t, f.Divergences, p)
		for _, e := range f.Divergences {
			assert.NotEmpty(t, e.Finding, "%s: keyed by signature", p)
			assert.NotEmpty(t, e.Reason, "%s: %s", p, e.Finding)
			assert.False(t, strings.HasPrefix(e.Reason, "UNREVIEWED"), "%s: %s needs a reason", p, e.Finding)
		}
	}
}
