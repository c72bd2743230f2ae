package conformance_test

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/conformance/baseline"
	"github.com/stsconform/stsconform/internal/testenv"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/container"
	"github.com/stsconform/stsconform/targets/emulator"
	"github.com/stsconform/stsconform/targets/spec"
)

// emulatorTargets are the emulators as processes, then as containers.
func emulatorTargets() []string {
	return append(emulator.Names(), container.Names()...)
}

// Every emulator, as a process and as a container, diverges from AWS
// exactly as its reviewed baseline says: a new divergence fails, and so does
// a baselined one that no longer occurs. The run replays the seed and the
// number of checks the baseline was recorded with, so the gate does not
// depend on chance. Record with -update-baseline.
func TestEmulatorsMatchTheirBaselines(t *testing.T) {
	dir, err := filepath.Abs(*baselineDir)
	require.NoError(t, err)
	for _, name := range emulatorTargets() {
		t.Run(name, func(t *testing.T) {
			target := openEmulator(t, name)
			opts := append(recordedRun(t, dir, name), conformance.WithBaselines(dir), conformance.WithOutput(io.Discard),
				conformance.WithReplayCommand(func(run string, seed uint64) string {
					return "go test ./conformance -count=1 -run 'TestEmulatorsMatchTheirBaselines/" + name + "$' -rapid.seed=" + strconv.FormatUint(seed, 10)
				}))
			if *updateFlag {
				opts = append(opts, conformance.WithBaselineUpdate())
			}
			rep := conformance.Run(t, []targets.Target{target}, opts...)
			t.Logf("%s %s: %d cases, %v", name, rep.Targets[0].Version, rep.Checks, rep.Totals[name])
		})
	}
}

// A process target and its container twin run the same emulator version:
// their baselines list the same divergences.
func TestContainerTwinsShareTheirProcessBaseline(t *testing.T) {
	for _, name := range emulator.Names() {
		process, err := baseline.Load(*baselineDir, name)
		require.NoError(t, err)
		twin, err := baseline.Load(*baselineDir, name+"-container")
		require.NoError(t, err)
		if process == nil || twin == nil {
			t.Errorf("%s: baselines missing (record them with -update-baseline)", name)
			continue
		}
		assert.Equal(t, process.Version, twin.Version, name)
		assert.Equal(t, signatures(process), signatures(twin), "%s: process and container diverge differently", name)
	}
}

func signatures(f *baseline.File) []string {
	var out []string
	for _, e := range f.Divergences {
		out = append(out, e.Finding)
	}
	slices.Sort(out)
	return out
}

// recordedRun returns the options that replay the seed and number of
// checks a target's baseline (or, for a new container baseline, its process
// twin's) was recorded with.
func recordedRun(t *testing.T, dir, name string) []conformance.Option {
	for _, candidate := range []string{name, strings.TrimSuffix(name, "-container")} {
		f, err := baseline.Load(dir, candidate)
		require.NoError(t, err)
		if f != nil {
			return []conformance.Option{conformance.WithSeed(f.Seed), conformance.WithChecks(f.Checks)}
		}
	}
	return nil
}

// A user checking an emulator with a seed of their own passes when only
// its known findings occur: baselines are keyed by finding signature, not
// by the examples one seed happens to draw. A known finding the seed does
// not show is reported as not seen, without failing.
func TestEmulatorPassesItsBaselineWithAnySeed(t *testing.T) {
	dir, err := filepath.Abs(*baselineDir)
	require.NoError(t, err)
	const name = "moto"
	f, err := baseline.Load(dir, name)
	require.NoError(t, err)
	require.NotNil(t, f, "no baseline for %s", name)
	target := openEmulator(t, name)
	for _, seed := range []uint64{f.Seed + 1, 777} {
		t.Run(strconv.FormatUint(seed, 10), func(t *testing.T) {
			rep := conformance.Run(t, []targets.Target{target}, conformance.WithBaselines(dir), conformance.WithOutput(io.Discard),
				conformance.WithSeed(seed), conformance.WithChecks(f.Checks))
			require.NotEmpty(t, rep.Findings)
			for _, fd := range rep.Findings {
				assert.Equal(t, "known", fd.Baseline, fd.Title)
			}
			assert.Empty(t, rep.StaleBaseline)
			t.Logf("seed %d: %d findings, %d not seen", seed, len(rep.Findings), len(rep.NotSeen))
		})
	}
}

// openEmulator starts an emulator target, or skips naming what installs it.
func openEmulator(t *testing.T, name string) targets.Target {
	target, err := spec.Open(name, spec.WithLogDir(t.TempDir()))
	switch {
	case errors.Is(err, emulator.ErrNoPython):
		testenv.Missing(t, fmt.Sprintf("%s: %v", name, err))
	case errors.Is(err, container.ErrNoEngine), errors.Is(err, container.ErrNoImage):
		testenv.Missing(t, fmt.Sprintf("%s: %v", name, err))
	}
	require.NoError(t, err)
	t.Cleanup(func() { spec.CloseAll([]targets.Target{target}) })
	return target
}
