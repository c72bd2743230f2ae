package clients

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// The table: unique names, each client either in-process or a driver with
// its make command; Lookup names the known clients on a typo.
func TestTable(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range All {
		if seen[e.Name] {
			t.Errorf("%s listed twice", e.Name)
		}
		seen[e.Name] = true
		if (e.inProcess == nil) == (e.command == nil) {
			t.Errorf("%s: exactly one of inProcess and command must be set", e.Name)
		}
		if e.command != nil && !strings.HasPrefix(e.Install, "make clients-") {
			t.Errorf("%s: a driver needs its make command, got %q", e.Name, e.Install)
		}
		if e.DefaultAttempts < 1 || e.AttemptsSource == "" {
			t.Errorf("%s: default attempts %d from %q", e.Name, e.DefaultAttempts, e.AttemptsSource)
		}
	}
	if _, err := Lookup("go-v3"); err == nil || !strings.Contains(err.Error(), "go-v2") {
		t.Errorf("Lookup(go-v3) = %v, want the known names", err)
	}
}

// A driver that is not built is ErrNotInstalled, naming its make command.
func TestOpenNotInstalled(t *testing.T) {
	e, err := Lookup("botocore")
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Open(context.Background(), t.TempDir())
	if !errors.Is(err, ErrNotInstalled) || !strings.Contains(err.Error(), "make clients-python") {
		t.Fatalf("Open in an empty root = %v, want ErrNotInstalled naming make clients-python", err)
	}
}

// Only the unvalidated botocore column switches validation off.
func TestNoValidate(t *testing.T) {
	for _, e := range All {
		if want := e.Name == "botocore-unvalidated"; e.NoValidate != want {
			t.Errorf("%s: NoValidate %v", e.Name, e.NoValidate)
		}
	}
}
