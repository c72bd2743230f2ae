package draws

import "testing"

func TestResolve(t *testing.T) {
	for _, tc := range []struct {
		name         string
		checks       int
		seed         uint64
		wantChecks   int
		keepsTheSeed bool
	}{
		{"options kept", 30, 7, 30, true},
		{"no checks: the default (no -rapid.checks in this binary)", 0, 7, DefaultChecks, true},
		{"negative checks: the default", -1, 7, DefaultChecks, true},
		{"no seed: a random one", 30, 0, 30, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checks, seed := Resolve(tc.checks, tc.seed)
			if checks != tc.wantChecks {
				t.Errorf("checks %d, want %d", checks, tc.wantChecks)
			}
			if seed == 0 || (tc.keepsTheSeed && seed != tc.seed) {
				t.Errorf("seed %d from %d", seed, tc.seed)
			}
		})
	}
}
