package suite

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/stsconform/stsconform/conformance/record"
	"github.com/stsconform/stsconform/fixtures"
)

// module is the module path that marks an stsconform checkout.
const module = "github.com/stsconform/stsconform"

// fixtureDirs are the directories a run reads baselines and recorded facts
// from; "" is none.
type fixtureDirs struct {
	baselines string
	recorded  string
}

// resolveDirs turns -baselines and -recorded-dir into directories: Auto is
// the checkout's fixtures/ directory when the working directory is inside
// an stsconform checkout, and none outside one.
func resolveDirs(baselines, recorded string) (fixtureDirs, error) {
	root := ""
	if baselines == Auto || recorded == Auto {
		root = checkout()
	}
	d := fixtureDirs{baselines: baselines, recorded: recorded}
	if baselines == Auto {
		d.baselines = fixture(root, "baselines")
	}
	if recorded == Auto {
		d.recorded = fixture(root, "recorded")
	}
	for _, dir := range []string{d.baselines, d.recorded} {
		if dir == "" {
			continue
		}
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return d, fmt.Errorf("%s is not a directory", dir)
		}
	}
	return d, nil
}

func fixture(root, name string) string {
	if root == "" {
		return ""
	}
	return filepath.Join(root, "fixtures", name)
}

// facts reads facts.json of the recorded directory, or the built-in copy
// when there is none.
func (d fixtureDirs) facts() (record.Facts, error) {
	if d.recorded != "" {
		return record.ReadFacts(filepath.Join(d.recorded, record.FactsFile))
	}
	var f record.Facts
	if err := json.Unmarshal(fixtures.RecordedFacts, &f); err != nil {
		return f, fmt.Errorf("built-in recorded facts: %w", err)
	}
	return f, nil
}

// checkout returns the root of the stsconform checkout holding the working
// directory, or "".
func checkout() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if isModuleRoot(filepath.Join(dir, "go.mod")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func isModuleRoot(gomod string) bool {
	f, err := os.Open(gomod)
	if err != nil {
		return false
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if line := strings.TrimSpace(s.Text()); strings.HasPrefix(line, "module ") {
			return strings.TrimSpace(strings.TrimPrefix(line, "module ")) == module
		}
	}
	return false
}
