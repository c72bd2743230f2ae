package clientgate_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/stsconform/stsconform/conformance/clientgate"
	"github.com/stsconform/stsconform/targets/clients/driver"
	"github.com/stsconform/stsconform/targets/clients/goclient"
)

// crashEnv makes the test binary a driver serving go-v2 that holds each
// reply until the next request line arrives (20 ms at most), as a
// driver may (PROTOCOL.md), and exits, the held reply unwritten, on any
// request that sets the member named in the variable (see TestMain).
const crashEnv = "STSCONFORM_GATE_CRASHING_DRIVER"

// silentEnv makes the test binary a driver that reads requests and never
// answers one.
const silentEnv = "STSCONFORM_GATE_SILENT_DRIVER"

func TestMain(m *testing.M) {
	if member := os.Getenv(crashEnv); member != "" {
		os.Exit(crashingDriver(`"` + member + `":`))
	}
	if os.Getenv(silentEnv) != "" {
		fmt.Printf(`{"hello":%q,"client":"silent","version":"0","runtime":"go"}`+"\n", driver.HelloTag)
		_, _ = io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// fakeDriver starts this test binary as the fake driver env selects (see
// TestMain), with the given grace; the test's cleanup closes it.
func fakeDriver(t *testing.T, env string, grace time.Duration) *driver.Process {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	p, err := driver.Start(context.Background(), driver.Config{Command: []string{exe}, Env: []string{env}, Grace: grace})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.Close() })
	return p
}

// A call of a single attempt that gets no answer is given up after the
// attempt's bound plus the driver's grace, not the longer bound that
// covers retry backoff.
func TestASingleAttemptHangIsGivenUpSooner(t *testing.T) {
	p := fakeDriver(t, silentEnv+"=1", 100*time.Millisecond)
	var actual []string
	observe := func(o clientgate.Observation) { actual = append(actual, o.Actual) }
	_, err := clientgate.Run(context.Background(), []clientgate.Subject{{Name: "silent", Client: p, DefaultAttempts: 3}},
		clientgate.Options{Seed: 1, Cases: 1, Responses: 0, Timeout: time.Minute, AttemptTimeout: 200 * time.Millisecond, Observe: observe})
	if err != nil {
		t.Fatal(err)
	}
	if len(actual) == 0 || !strings.Contains(actual[0], "driver hung: no reply 1 within 300ms") {
		t.Fatalf("observations: %q", actual)
	}
}

func crashingDriver(marker string) int {
	c := goclient.NewV2()
	fmt.Printf(`{"hello":%q,"client":"crashing-go-v2","version":"0","runtime":"go"}`+"\n", driver.HelloTag)
	lines := make(chan []byte)
	go func() {
		in := bufio.NewScanner(os.Stdin)
		in.Buffer(nil, 1<<20)
		for in.Scan() {
			lines <- bytes.Clone(in.Bytes())
		}
		close(lines)
	}()
	var held []byte
	for {
		line, ok, timedOut := nextLine(lines, held != nil)
		if timedOut || !ok || !bytes.Contains(line, []byte(marker)) {
			_, _ = os.Stdout.Write(held) // released: no next line, or it does not crash
			held = nil
		}
		switch {
		case timedOut:
			continue
		case !ok:
			return 0
		case bytes.Contains(line, []byte(marker)):
			fmt.Fprintln(os.Stderr, "crashing driver: exits on purpose")
			return 3
		}
		var req driver.Request
		if err := json.Unmarshal(line, &req); err != nil {
			return 2
		}
		rep, _ := c.Do(context.Background(), req)
		held, _ = json.Marshal(rep)
		held = append(held, '\n')
	}
}

// nextLine waits for the next line, 20 ms at most while a reply is held.
func nextLine(lines <-chan []byte, holding bool) (line []byte, ok, timedOut bool) {
	if !holding {
		line, ok = <-lines
		return line, ok, false
	}
	select {
	case line, ok = <-lines:
		return line, ok, false
	case <-time.After(20 * time.Millisecond):
		return nil, false, true
	}
}

// The gate keeps a case sent ahead. When the driver crashes on a case,
// the case sent after it is run again, and so is the case before it,
// whose reply the crash may have taken with it: each case is judged on
// its own outcome, never on its neighbour's crash.
func TestGateJudgesEachCaseOnItsOwnCrash(t *testing.T) {
	p := fakeDriver(t, crashEnv+"=MinimumSessionTokenSize", 2*time.Second)
	var crashes, inputs int
	observe := func(o clientgate.Observation) {
		crashed := strings.Contains(o.Actual, "exits on purpose")
		input, _, _ := strings.Cut(o.InputText, " [") // without its labels
		switch {
		case strings.Contains(o.Actual, "abandoned"):
			t.Errorf("a case was judged on an abandoned request: %s", o.Actual)
		case crashed != strings.Contains(input, "MinimumSessionTokenSize="):
			t.Errorf("crashed = %v for %s: %s", crashed, o.InputText, o.Actual)
		case crashed:
			crashes++
		case o.Class == clientgate.ClassValidation:
			inputs++
		}
	}
	_, err := clientgate.Run(context.Background(), []clientgate.Subject{{Name: "crashing-go-v2", Client: p, DefaultAttempts: 3}},
		clientgate.Options{Seed: 1, Cases: 20, Observe: observe})
	if err != nil {
		t.Fatal(err)
	}
	if crashes == 0 || inputs == 0 || p.Restarts < crashes {
		t.Fatalf("%d crash(es), %d other cases, %d restart(s)", crashes, inputs, p.Restarts)
	}
	if inputs+crashes != 20 {
		t.Fatalf("%d cases judged and %d crashes, want 20 in all", inputs, crashes)
	}
}

// A client that does not sign sends requests the server cannot tell
// apart while a second case is open: each case runs again alone, so every
// sent case still has its one request (only the signing diverges).
func TestGateTellsApartUnsignedRequests(t *testing.T) {
	c := goclient.NewV2(func(o *sts.Options) { o.Credentials = aws.AnonymousCredentials{} }).Named("go-v2-unsigned")
	t.Cleanup(func() { _ = c.Close() })
	var signing int
	observe := func(o clientgate.Observation) {
		for _, d := range o.Diffs {
			switch {
			case d.Field == "request count" || strings.HasPrefix(d.Field, "validation"):
				t.Errorf("case misjudged: %s: %s", d.Field, o.InputText)
			case o.Class == clientgate.ClassSigning:
				signing++
			}
		}
	}
	_, err := clientgate.Run(context.Background(), []clientgate.Subject{{Name: "go-v2-unsigned", Client: c, DefaultAttempts: 3}},
		clientgate.Options{Seed: 1, Cases: 40, Observe: observe})
	if err != nil {
		t.Fatal(err)
	}
	if signing == 0 {
		t.Fatal("no signing divergence for an unsigned client")
	}
}

// A replay of one case says so: one case, not the default run's count.
func TestReplayOfOneCaseCountsOne(t *testing.T) {
	c := goclient.NewV2()
	t.Cleanup(func() { _ = c.Close() })
	only := 7
	rep, err := clientgate.Run(context.Background(), []clientgate.Subject{{Name: "go-v2", Client: c, DefaultAttempts: 3}},
		clientgate.Options{Seed: 1, Cases: 300, Responses: 300, Only: &only})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Checks != 1 {
		t.Fatalf("checks = %d, want 1", rep.Checks)
	}
}
