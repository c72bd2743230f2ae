package suite

import (
	"path/filepath"
	"strings"

	"github.com/stsconform/stsconform/conformance/baseline"
	"github.com/stsconform/stsconform/conformance/rawwire"
)

// rawKnown marks the raw violations the reviewed raw baselines list:
// <baselines>/raw/<target>.json, a container twin held to its process's
// file (the same emulator version). No directory: nothing is known.
func rawKnown(dir string, eps []rawwire.Endpoint) (func(target, class, property string) bool, error) {
	known := map[string]func(target, class, property string) bool{}
	if dir != "" {
		for _, ep := range eps {
			f, err := baseline.Load(filepath.Join(dir, "raw"), strings.TrimSuffix(ep.Name, "-container"))
			if err != nil {
				return nil, err
			}
			known[ep.Name] = rawwire.KnownIn(f, ep.Name)
		}
	}
	return func(target, class, property string) bool {
		k := known[target]
		return k != nil && k(target, class, property)
	}, nil
}
