package container

import (
	"errors"
	"testing"

	"github.com/stsconform/stsconform/call"
)

func TestEmulators(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) { testEmulator(t, name) })
	}
}

// testEmulator starts one emulator, makes a valid and an invalid call, and
// checks Close removes the container.
func testEmulator(t *testing.T, name string) {
	pool := poolOrSkip(t)
	tg := openOrSkip(t, name)
	t.Logf("%s: image %s ready in %s", name, tg.Image(), tg.StartupTime().Round(1e6))
	if tg.Name() != name || len(tg.Callers()) != 1 || tg.Callers()[0].Kind != call.User {
		t.Errorf("Name()=%q Callers()=%v", tg.Name(), tg.Callers())
	}
	valid := getSessionToken(t, tg, call.Input{DurationSeconds: call.Int32(900)})
	t.Logf("valid call: %v", valid)
	if valid.Kind != call.Success || valid.Credentials == nil {
		t.Errorf("valid call: got %v, want success with credentials", valid)
	}
	invalid := getSessionToken(t, tg, call.Input{DurationSeconds: call.Int32(1)})
	t.Logf("invalid call: %v", invalid)
	if invalid.Kind == "" {
		t.Errorf("invalid call: no outcome")
	}
	id := tg.ContainerID()
	if err := tg.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if exists(t, pool, id) {
		t.Errorf("container %s still there after Close", id[:12])
	}
	if err := tg.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	t.Logf("logs: %s", tg.LogPath())
}

func TestUnknownTarget(t *testing.T) {
	if _, err := Open("nope-container"); err == nil {
		t.Fatal("Open(nope-container) succeeded")
	}
}

func TestNoEngine(t *testing.T) {
	_, err := Open("moto-container", EngineEndpoint("unix:///nonexistent/engine.sock"))
	if !errors.Is(err, ErrNoEngine) {
		t.Fatalf("got %v, want ErrNoEngine", err)
	}
	t.Logf("%v", err)
}

func TestNoImage(t *testing.T) {
	poolOrSkip(t)
	_, err := Open("moto-container", Image("localhost/stsconform/absent:0"))
	if !errors.Is(err, ErrNoImage) {
		t.Fatalf("got %v, want ErrNoImage", err)
	}
	t.Logf("%v", err)
}

func TestVersionFromPins(t *testing.T) {
	for _, name := range Names() {
		v, err := version(emulators[name])
		if err != nil || v == "" {
			t.Fatalf("%s: %q %v", name, v, err)
		}
		t.Logf("%s: %s", name, v)
	}
}
