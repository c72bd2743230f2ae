package conformance_test

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/call"
	"github.com/stsconform/stsconform/conformance/internal/rapidflags"
	"github.com/stsconform/stsconform/conformance/rawwire"
	"github.com/stsconform/stsconform/internal/testenv"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/container"
	"github.com/stsconform/stsconform/targets/emulator"
	"github.com/stsconform/stsconform/targets/sdkclient"
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

// rawBaseline is fixtures/baselines/raw/<target>.json: the property
// violations of one target that are known and reviewed.
type rawBaseline struct {
	Target  string     `json:"target"`
	Version string     `json:"version"`
	Seed    uint64     `json:"seed"`
	Checks  int        `json:"checks"`
	Known   []rawKnown `json:"known"`
}

type rawKnown struct {
	Class    string `json:"class"`
	Property string `json:"property"`
	Reason   string `json:"reason"`
	Version  string `json:"version"`
	Recorded string `json:"recorded"`
}

// Our awsQuery handler, served as local-http, has every raw-mode property
// on every class, with no baseline.
func TestRawWireLocalHTTP(t *testing.T) {
	rapidflags.SetForTest(t, "rapid.checks", "500")
	ep, _ := openRaw(t, "local-http")
	rawwire.Run(t, []rawwire.Endpoint{ep})
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
			base.Target = name
			if *rawUpdate && twin != name {
				t.Skip("container twins use their process's raw baseline")
			}
			rapidflags.SetForTest(t, "rapid.seed", strconv.FormatUint(base.Seed, 10))
			rapidflags.SetForTest(t, "rapid.checks", strconv.Itoa(base.Checks))
			known := base.knows
			if *rawUpdate {
				known = func(target, _, _ string) bool { return target == name }
			}
			start := time.Now()
			rep := rawwire.Run(t, []rawwire.Endpoint{ref, emu}, rawwire.WithKnown(known))
			t.Logf("%s %s: %d requests in %v, %d disagreements with local-http", name, version, rep.Checks, time.Since(start).Round(time.Millisecond), len(rep.Disagreements))
			writeRawReport(t, name, rep)
			if *rawUpdate {
				saveRawBaseline(t, base.updated(rep, name, version))
				return
			}
			for _, k := range base.stale(rep, name) {
				t.Errorf("%s no longer breaks %s on %s: remove it from its raw baseline (%s)", name, k.Property, k.Class, k.Reason)
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
	ep, ok := rawEndpoint(target)
	require.True(t, ok, "%s is not an HTTP target", name)
	version := ""
	if v, ok := target.(interface{ Version() string }); ok {
		version = v.Version()
	}
	return ep, version
}

// rawEndpoint is how raw mode reaches an HTTP target: its URL, and the
// credentials of its IAM-user identity.
func rawEndpoint(target targets.Target) (rawwire.Endpoint, bool) {
	t, ok := target.(interface {
		Endpoint() string
		Region() string
		Identity(call.CallerKind) (sdkclient.Identity, bool)
	})
	if !ok {
		return rawwire.Endpoint{}, false
	}
	id, ok := t.Identity(call.User)
	if !ok {
		return rawwire.Endpoint{}, false
	}
	return rawwire.Endpoint{Name: target.Name(), URL: t.Endpoint(), Region: t.Region(),
		AccessKeyID: id.AccessKeyID, SecretAccessKey: id.SecretAccessKey}, true
}

func writeRawReport(t *testing.T, name string, rep rawwire.Report) {
	if *rawReportDir != "" {
		writeRawReportTo(t, filepath.Join(*rawReportDir, "raw-"+name+".json"), rep)
	}
}

func writeRawReportTo(t *testing.T, path string, rep rawwire.Report) {
	data, err := json.MarshalIndent(rep, "", "  ")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, data, 0o644))
	t.Logf("raw report: %s", path)
}

// loadRawBaseline reads a target's raw baseline; with none, it is empty
// and uses the default seed and checks.
func loadRawBaseline(t *testing.T, name string) *rawBaseline {
	b := &rawBaseline{Target: name, Seed: rawSeed, Checks: rawChecks}
	data, err := os.ReadFile(filepath.Join(*rawBaselineDir, name+".json"))
	if errors.Is(err, os.ErrNotExist) {
		return b
	}
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, b))
	return b
}

func saveRawBaseline(t *testing.T, b *rawBaseline) {
	data, err := json.MarshalIndent(b, "", "  ")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(*rawBaselineDir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(*rawBaselineDir, b.Target+".json"), append(data, '\n'), 0o644))
}

func (b *rawBaseline) knows(target, class, property string) bool {
	return target == b.Target && slices.ContainsFunc(b.Known, func(k rawKnown) bool {
		return k.Class == class && k.Property == property
	})
}

// stale lists baselined violations the run did not see.
func (b *rawBaseline) stale(rep rawwire.Report, target string) []rawKnown {
	seen := violated(rep, target)
	var out []rawKnown
	for _, k := range b.Known {
		if !seen[k.Class+" "+k.Property] {
			out = append(out, k)
		}
	}
	return out
}

func violated(rep rawwire.Report, target string) map[string]bool {
	seen := map[string]bool{}
	for _, c := range rep.Cells {
		for _, v := range c.Violations {
			if c.Target == target {
				seen[c.Class+" "+v.Property] = true
			}
		}
	}
	return seen
}

// updated is the baseline of what the run saw, keeping reviewed reasons.
func (b *rawBaseline) updated(rep rawwire.Report, target, version string) *rawBaseline {
	out := &rawBaseline{Target: target, Version: version, Seed: b.Seed, Checks: b.Checks, Known: []rawKnown{}}
	for _, c := range rep.Cells {
		for _, v := range c.Violations {
			if c.Target != target {
				continue
			}
			k := rawKnown{Class: c.Class, Property: v.Property, Version: version, Recorded: time.Now().Format(time.DateOnly),
				Reason: "TODO: review; e.g. " + v.Example.Detail}
			if i := slices.IndexFunc(b.Known, func(o rawKnown) bool { return o.Class == k.Class && o.Property == k.Property }); i >= 0 {
				k = b.Known[i]
			}
			out.Known = append(out.Known, k)
		}
	}
	return out
}

// Every committed raw baseline entry has a reviewed reason.
func TestRawBaselinesAreReviewed(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(*rawBaselineDir, "*.json"))
	require.NoError(t, err)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		var f struct {
			Known []struct{ Class, Property, Reason string } `json:"known"`
		}
		require.NoError(t, json.Unmarshal(data, &f), p)
		for _, k := range f.Known {
			assert.NotEmpty(t, k.Reason, "%s: %s %s", p, k.Class, k.Property)
			assert.False(t, strings.HasPrefix(k.Reason, "TODO"), "%s: %s %s needs a reason", p, k.Class, k.Property)
		}
	}
}
