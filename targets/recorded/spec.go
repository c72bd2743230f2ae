package recorded

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// OpenSpec opens the target from the options of a recorded spec: dir (the
// recordings; default fixtures/recorded of the module the run is in).
func OpenSpec(spec string) (*Target, error) {
	dir := ""
	for _, part := range strings.Split(spec, ";") {
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok || k != "dir" {
			return nil, fmt.Errorf("recorded option %q: known: dir=PATH", part)
		}
		dir = v
	}
	if dir == "" {
		var err error
		if dir, err = DefaultDir(); err != nil {
			return nil, err
		}
	}
	return Open(dir)
}

// DefaultDir is fixtures/recorded of the module holding the working
// directory (found by walking up to go.mod).
func DefaultDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "fixtures", "recorded"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("recorded: no go.mod above the working directory: give dir=PATH")
		}
		dir = parent
	}
}
