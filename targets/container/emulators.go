package container

import (
	"strings"

	"github.com/stsconform/stsconform/targets/emulator/catalog"
)

// emulator is one emulator of the shared table (targets/emulator/catalog),
// which gives its container port, image, environment and health path.
type emulator = catalog.Emulator

// suffix turns an emulator's name into its container target's name.
const suffix = "-container"

// emulators lists the emulators by target name, e.g. moto-container.
var emulators = func() map[string]emulator {
	out := map[string]emulator{}
	for _, e := range catalog.All() {
		out[e.Name+suffix] = e
	}
	return out
}()

// Names lists the target names this package opens, sorted.
func Names() []string {
	names := catalog.Names() // sorted, and the suffix keeps the order
	for i := range names {
		names[i] += suffix
	}
	return names
}

// namesList is Names for error messages.
func namesList() string { return strings.Join(Names(), ", ") }
