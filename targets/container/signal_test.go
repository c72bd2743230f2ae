package container

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ory/dockertest/v3"
	dc "github.com/ory/dockertest/v3/docker"

	"github.com/stsconform/stsconform/internal/testenv"
)

// childEnv switches the test binary into TestChild's role.
const childEnv = "STSCONFORM_CONTAINER_CHILD"

// TestChild is not a test: run by startChild, it opens a target, prints
// its container ID and waits to be signalled.
func TestChild(t *testing.T) {
	name := os.Getenv(childEnv)
	if name == "" {
		t.Skip("helper process of TestInterrupt and TestKilled")
	}
	ttl := 5 * time.Minute
	if d, err := time.ParseDuration(os.Getenv(childEnv + "_TTL")); err == nil {
		ttl = d
	}
	tg, err := Open(name, TTL(ttl))
	if err != nil {
		fmt.Printf("ERROR %v\n", oneLine(err))
		os.Exit(3)
	}
	fmt.Printf("READY %s\n", tg.ContainerID())
	time.Sleep(2 * time.Minute)
	os.Exit(4) // not signalled in time
}

// startChild runs TestChild in a new process and waits for its container.
func startChild(t *testing.T, name string, env ...string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChild$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), childEnv+"="+name), env...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line, _ := bufio.NewReader(out).ReadString('\n')
	switch {
	case strings.HasPrefix(line, "READY "):
		return cmd, strings.TrimSpace(strings.TrimPrefix(line, "READY "))
	case strings.Contains(line, "make engine"), strings.Contains(line, "make images"):
		testenv.Missing(t, "child: "+strings.TrimSpace(strings.TrimPrefix(line, "ERROR ")))
	}
	t.Fatalf("child said %q", line)
	return nil, ""
}

// ofPID lists the labelled containers started by process pid.
func ofPID(t *testing.T, pool *dockertest.Pool, pid int) []dc.APIContainers {
	t.Helper()
	cs, err := pool.Client.ListContainers(dc.ListContainersOptions{All: true,
		Filters: map[string][]string{"label": {LabelOwned + "=1", LabelPID + "=" + strconv.Itoa(pid)}}})
	if err != nil {
		t.Fatalf("listing containers: %v", err)
	}
	return cs
}

// waitExit waits for the child, failing after a deadline.
func waitExit(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		t.Logf("child exited: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("child did not exit within 60s of the signal")
	}
}
