package record

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/stsconform/stsconform/call"
)

// Provenance says where recorded answers come from.
type Provenance struct {
	RecordedAt string          `json:"recordedAt"` // date, UTC
	Region     string          `json:"region"`
	CallerKind call.CallerKind `json:"callerKind"`
	SDK        string          `json:"sdk"`
	Endpoint   string          `json:"endpoint"`
	// Source says how the answers were obtained: "stsconform -record", or
	// the public recording they were copied from.
	Source string `json:"source"`
}

// String is the provenance on one line, for reports.
func (p Provenance) String() string {
	return fmt.Sprintf("recorded %s from %s (%s, as %s, %s; %s)", p.RecordedAt, p.Endpoint, p.Region, p.CallerKind, p.SDK, p.Source)
}

// Entry is one recorded case.
type Entry struct {
	Labels []string        `json:"labels,omitempty"`
	Input  call.Input      `json:"input"`
	Caller call.CallerKind `json:"caller"`
	Answer Answer          `json:"answer"`
}

// Recording is a file of fixtures/recorded: what one target answered.
type Recording struct {
	SchemaVersion int        `json:"schemaVersion"`
	Target        string     `json:"target"`
	Provenance    Provenance `json:"provenance"`
	Entries       []Entry    `json:"entries"`
}

// FactsFile is the name of the recorded facts beside the recordings.
const FactsFile = "facts.json"

// Write saves a recording as dir/<target>.json.
func (r Recording) Write(dir string) (string, error) {
	r.SchemaVersion = 1
	path := filepath.Join(dir, r.Target+".json")
	return path, writeJSON(path, r)
}

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// ReadRecordings reads every recording of dir (all *.json but facts.json).
func ReadRecordings(dir string) ([]Recording, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	var out []Recording
	for _, p := range paths {
		if filepath.Base(p) == FactsFile {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var r Recording
		if err := json.Unmarshal(data, &r); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// today is the date recordings are stamped with.
func today() string { return time.Now().UTC().Format(time.DateOnly) }
