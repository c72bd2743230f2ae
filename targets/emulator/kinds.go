package emulator

import (
	"fmt"
	"net/http"

	"github.com/stsconform/stsconform/targets/emulator/catalog"
)

// kind is one emulator of the shared table (targets/emulator/catalog),
// which says how to run it as a host process.
type kind = catalog.Emulator

// Names lists the emulators Open knows, in a stable order.
func Names() []string { return catalog.Names() }

// isReady reports whether one health request says the emulator is ready.
func isReady(k kind, client *http.Client, base string) error {
	resp, err := client.Get(base + k.Health)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := readLimited(resp, 1<<20)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: HTTP %d", k.Health, resp.StatusCode)
	}
	if k.Healthy != nil {
		return k.Healthy(body)
	}
	return nil
}
