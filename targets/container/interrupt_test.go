package container

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// TestInterrupt: a run interrupted with SIGINT removes its container
// before it dies.
func TestInterrupt(t *testing.T) {
	pool := poolOrSkip(t)
	cmd, id := startChild(t, "moto-container")
	if !exists(t, pool, id) {
		t.Fatalf("child's container %s not found", id[:12])
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	waitExit(t, cmd)
	if cs := ofPID(t, pool, cmd.Process.Pid); len(cs) != 0 {
		t.Errorf("%d container(s) of the interrupted child remain, e.g. %s", len(cs), cs[0].ID[:12])
	}
}

// TestKilled: SIGKILL leaves the container behind, and the sweep that
// starts every Open removes it.
func TestKilled(t *testing.T) {
	pool := poolOrSkip(t)
	cmd, id := startChild(t, "moto-container")
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitExit(t, cmd)
	if !exists(t, pool, id) {
		t.Fatalf("container %s gone without a sweep: the test proves nothing", id[:12])
	}
	start := time.Now()
	n, err := Sweep(pool)
	if err != nil {
		t.Fatalf("Sweep: %v", err)
	}
	t.Logf("swept %d leftover(s) in %s", n, time.Since(start).Round(time.Millisecond))
	if cs := ofPID(t, pool, cmd.Process.Pid); len(cs) != 0 {
		t.Errorf("%d container(s) of the killed child remain after Sweep", len(cs))
	}
}

// TestExpiry: a container whose owner was killed is stopped and removed by
// the engine once its expiry passes, with no sweep.
func TestExpiry(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for an expiry")
	}
	pool := poolOrSkip(t)
	cmd, id := startChild(t, "moto-container", childEnv+"_TTL=3s")
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitExit(t, cmd)
	start := time.Now()
	for exists(t, pool, id) {
		if time.Since(start) > 30*time.Second {
			t.Fatalf("container %s still there 30s after its owner died with a 3s expiry", id[:12])
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Logf("container removed %s after its owner died (expiry 3s)", time.Since(start).Round(time.Millisecond))
}
