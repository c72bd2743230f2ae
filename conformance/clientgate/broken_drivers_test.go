package clientgate_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stsconform/stsconform/conformance/clientgate"
	"github.com/stsconform/stsconform/internal/testenv"
	"github.com/stsconform/stsconform/targets/clients/driver"
)

// A deliberately broken build of a non-Go client, driven through the same
// protocol as the pinned one: the gate must report the break in its class
// with a field the pinned client's baseline does not list.
//
// botocore: driver.py --break=NAME registers a handler on botocore's own
// before-sign event (targets/clients/botocore/breaks.py), as a buggy fork
// would change the serialised request. rusoto: stsconform-driver-rusoto-
// broken, the rusoto driver built with the broken-drop-token-code feature
// (make clients-rust-broken).
func TestGateCatchesBrokenDrivers(t *testing.T) {
	python := filepath.Join(root(t), ".venv/botocore/bin/python")
	botocore := func(brk string) []string {
		return []string{python, filepath.Join(root(t), "targets/clients/botocore/driver.py"), "--break=" + brk}
	}
	rusoto := os.Getenv("STSCONFORM_DRIVER_RUSOTO_BROKEN")
	if rusoto == "" {
		dir := os.Getenv("CARGO_TARGET_DIR")
		if dir == "" {
			dir = filepath.Join(root(t), "target")
		}
		rusoto = filepath.Join(dir, "release", "stsconform-driver-rusoto-broken")
	}
	for _, tc := range []struct {
		name, pinned, install, field string
		command                      []string
	}{
		{"botocore-drops-TokenCode", "botocore-unvalidated", "make clients-python", "request member TokenCode", botocore("drop-token-code")},
		{"botocore-double-encodes-plus", "botocore-unvalidated", "make clients-python", "request member SerialNumber", botocore("double-encode-plus")},
		{"rusoto-drops-TokenCode", "rusoto", "make clients-rust-broken", "request member TokenCode", []string{rusoto}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.command[0]); err != nil {
				testenv.Missing(t, "broken driver not built ("+err.Error()+"): run "+tc.install)
			}
			p, err := driver.Start(context.Background(), driver.Config{Command: tc.command, Dir: root(t)})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = p.Close() })
			// The broken drivers do not validate differently: run them
			// with validation off so that every drawn input is sent.
			subject := clientgate.Subject{Name: tc.name, Client: p, DefaultAttempts: 1, NoValidate: true}
			rep, err := clientgate.Run(context.Background(), []clientgate.Subject{subject},
				clientgate.Options{Seed: 1, Cases: 120, Replay: func(string, uint64, string) string {
					return "go test ./conformance/clientgate -count=1 -run 'TestGateCatchesBrokenDrivers/" + tc.name + "$' -v"
				}})
			if err != nil {
				t.Fatal(err)
			}
			ex, ok := divergence(rep, clientgate.ClassEncoding, tc.field)
			if !ok {
				t.Fatalf("break not reported: no encoding divergence with field %q; divergences:\n%s", tc.field, messages(rep))
			}
			if slices.Contains(pinnedFields(t, tc.pinned)[clientgate.ClassEncoding], tc.field) {
				t.Fatalf("field %q is in the pinned %s baseline: the gate would not see this break", tc.field, tc.pinned)
			}
			msg := clientgate.Message(ex)
			for _, want := range []string{"diverges on encoding", tc.field, "expected:", "actual:", "replay:"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message lacks %q:\n%s", want, msg)
				}
			}
			t.Logf("caught (%s):\n%s", p.Hello().Version, msg)
		})
	}
}
