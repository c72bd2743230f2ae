package catalog

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestTable(t *testing.T) {
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	names := Names()
	if !slices.IsSorted(names) || len(names) != 3 {
		t.Fatalf("Names() = %v, want the three emulators sorted", names)
	}
	for _, e := range All() {
		v, err := e.PinnedVersion(root)
		if err != nil || v == "" {
			t.Errorf("%s: pinned version %q, %v", e.Name, v, err)
		}
		if e.Health == "" || e.ContainerPort == "" || e.Image == "" || e.Args == nil || e.Env == nil {
			t.Errorf("%s: incomplete entry %+v", e.Name, e)
		}
		if got, ok := Lookup(e.Name); !ok || got.Name != e.Name {
			t.Errorf("Lookup(%q) = %v, %v", e.Name, got.Name, ok)
		}
	}
	pins, err := filepath.Glob(filepath.Join(root, "fixtures", "emulators", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var pinned []string
	for _, p := range pins {
		pinned = append(pinned, strings.TrimSuffix(filepath.Base(p), ".txt"))
	}
	if !slices.Equal(pinned, names) {
		t.Errorf("fixtures/emulators pins %v, table %v: each pinned emulator has one entry here", pinned, names)
	}
	if _, ok := Lookup("nope"); ok {
		t.Error("Lookup of an unknown emulator succeeded")
	}
	if _, err := (Emulator{Name: "nope", Package: "nope"}).PinnedVersion(root); err == nil {
		t.Error("PinnedVersion without a pins file succeeded")
	}
}

func TestSTSUp(t *testing.T) {
	for body, ok := range map[string]bool{
		`{"services":{"sts":"running"}}`: true, `{"services":{"sts":"available"}}`: true,
		`{"services":{"sts":"starting"}}`: false, `{}`: false, `not json`: false,
	} {
		if err := stsUp([]byte(body)); (err == nil) != ok {
			t.Errorf("stsUp(%s) = %v", body, err)
		}
	}
}

// The local image's settings are what .ci/images.sh gives podman import.
func TestImageSettings(t *testing.T) {
	for name, want := range map[string][]string{
		"moto": {"EXPOSE 5000/tcp", `CMD ["moto_server", "-H", "0.0.0.0", "-p", "5000"]`},
		"localstack": {"EXPOSE 4566/tcp", "ENV GATEWAY_LISTEN=0.0.0.0:4566", "ENV SERVICES=sts,iam",
			`CMD ["python3", "-m", "localstack.runtime.main"]`},
		"ministack": {"EXPOSE 4566/tcp", `CMD ["ministack"]`},
	} {
		e, _ := Lookup(name)
		if got := e.ImageSettings(); !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}
