package record

import (
	"encoding/json"
	"errors"
	"os"

	"github.com/stsconform/stsconform/call"
)

// Fact is one recorded answer to an open question: the fact id of the
// oracle it settles, the minimal case asked and what STS answered.
type Fact struct {
	Fact       string          `json:"fact"`
	Question   string          `json:"question"`
	Input      call.Input      `json:"input"`
	Caller     call.CallerKind `json:"caller"`
	Answer     Answer          `json:"answer"`
	Provenance Provenance      `json:"provenance"`
}

// Facts is fixtures/recorded/facts.json.
type Facts struct {
	SchemaVersion int    `json:"schemaVersion"`
	Note          string `json:"note,omitempty"`
	Facts         []Fact `json:"facts"`
}

// ReadFacts reads a facts file; a missing file is no facts.
func ReadFacts(path string) (Facts, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return Facts{SchemaVersion: 1, Facts: []Fact{}}, nil
	}
	if err != nil {
		return Facts{}, err
	}
	var f Facts
	err = json.Unmarshal(data, &f)
	return f, err
}

// Merge adds facts, replacing those asked with the same question.
func (f *Facts) Merge(add []Fact) {
	for _, a := range add {
		replaced := false
		for i := range f.Facts {
			if f.Facts[i].Question == a.Question {
				f.Facts[i], replaced = a, true
			}
		}
		if !replaced {
			f.Facts = append(f.Facts, a)
		}
	}
}

// Write saves the facts file.
func (f Facts) Write(path string) error {
	f.SchemaVersion = 1
	if f.Facts == nil {
		f.Facts = []Fact{}
	}
	return writeJSON(path, f)
}
