package container

import (
	"testing"
	"time"
)

// Official runs the upstream image at the pinned version, asking the
// engine nothing (a missing image is pulled at start); without it the
// local image is wanted. StartTimeout sets the readiness bound.
func TestOptionsChooseTheImageAndTheWait(t *testing.T) {
	e := emulators["moto"+suffix]
	want, err := version(e)
	if err != nil {
		t.Fatal(err)
	}
	cfg := defaults()
	for _, o := range []Option{Official(true), StartTimeout(7 * time.Second)} {
		o(&cfg)
	}
	repo, tag, err := image(nil, e, cfg)
	if err != nil || repo != e.Image || tag != want {
		t.Fatalf("official image = %s:%s, %v; want %s:%s", repo, tag, err, e.Image, want)
	}
	if cfg.startTimeout != 7*time.Second {
		t.Errorf("start timeout = %s", cfg.startTimeout)
	}
	Official(false)(&cfg)
	if cfg.official {
		t.Error("Official(false) kept the upstream image")
	}
}
