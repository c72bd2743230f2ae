// Package baseline holds the reviewed lists of divergences known for a
// target (fixtures/baselines/<target>.json), keyed by finding signature. A
// run with any seed passes when only known findings occur; a new finding
// fails; a known one the run did not show is "not seen", and fails only in
// the run the baseline was recorded from (its seed and checks: the gate).
// Baselines are data, reviewed like code: every entry carries a reason.
package baseline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Unreviewed is the reason a re-recorded entry gets until a person writes one.
const Unreviewed = "UNREVIEWED: write why this target diverges here"

// File is one target's baseline.
type File struct {
	Target   string `json:"target"`
	Version  string `json:"version"`  // of the target software, when recorded
	Recorded string `json:"recorded"` // date, YYYY-MM-DD
	// Seed and Checks name the run the baseline was recorded from: the gate
	// replays that run, so its result does not depend on chance.
	Seed        uint64  `json:"seed"`
	Checks      int     `json:"checks"`
	Divergences []Entry `json:"divergences"`
}

// Entry is one known divergence. The main run and raw mode key it by a
// finding's signature (Finding; Classes says where it was seen when
// recorded, for the reader); the client gate keys it by a class and the
// fields that differ in it (Class).
type Entry struct {
	Finding         string   `json:"finding,omitempty"`
	Classes         []string `json:"classes,omitempty"`
	Class           string   `json:"class,omitempty"`
	DivergentFields []string `json:"divergentFields"`
	Reason          string   `json:"reason"`
	Version         string   `json:"version"`
	Recorded        string   `json:"recorded"`
}

// Path is where a target's baseline lives in dir.
func Path(dir, target string) string {
	return filepath.Join(dir, target+".json")
}

// Load reads a target's baseline; it returns nil and no error when there is
// none.
func Load(dir, target string) (*File, error) {
	data, err := os.ReadFile(Path(dir, target))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("baseline %s: %w", Path(dir, target), err)
	}
	return &f, nil
}

// Save writes a baseline into dir.
func Save(dir string, f *File) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(Path(dir, f.Target), append(data, '\n'), 0o644)
}

// Find returns the entry for a class whose fields are exactly fields.
func (f *File) Find(class string, fields []string) (Entry, bool) {
	if e := f.entry(class, fields); e != nil {
		return *e, true
	}
	return Entry{}, false
}

// reasonFor returns the reason an earlier baseline gave a class, if any.
func (f *File) reasonFor(class string, fields []string) (string, bool) {
	if e, ok := f.Find(class, fields); ok {
		return e.Reason, true
	}
	if f == nil {
		return "", false
	}
	for _, e := range f.Divergences {
		if e.Class == class && !strings.HasPrefix(e.Reason, "UNREVIEWED") {
			return e.Reason + " (fields changed: re-review)", true
		}
	}
	return "", false
}
