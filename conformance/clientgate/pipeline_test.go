package clientgate_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/stsconform/stsconform/conformance/clientgate"
	"github.com/stsconform/stsconform/targets/clients/driver"
	"github.com/stsconform/stsconform/targets/clients/goclient"
)

// crashEnv makes the test binary a driver serving go-v2 that exits on
// every crashAt-th request of each process (see TestMain).
const crashEnv = "STSCONFORM_GATE_CRASHING_DRIVER"

func TestMain(m *testing.M) {
	if at := os.Getenv(crashEnv); at != "" {
		os.Exit(crashingDriver(at))
	}
	os.Exit(m.Run())
}

func crashingDriver(crashAt string) int {
	at, _ := strconv.Atoi(crashAt)
	c := goclient.NewV2()
	fmt.Printf(`{"hello":%q,"client":"crashing-go-v2","version":"0","runtime":"go"}`+"\n", driver.HelloTag)
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(nil, 1<<20)
	for n := 1; in.Scan(); n++ {
		if n == at {
			fmt.Fprintln(os.Stderr, "crashing driver: exits on purpose")
			return 3
		}
		var req driver.Request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			return 2
		}
		rep, _ := c.Do(context.Background(), req)
		line, _ := json.Marshal(rep)
		fmt.Println(string(line))
	}
	return 0
}

// The gate keeps a case sent ahead; when the driver crashes on one case,
// the case sent after it is run again, never judged as the crash's.
func TestGateRunsAgainTheCaseAfterADriverCrash(t *testing.T) {
	exe, _ := os.Executable()
	p, err := driver.Start(context.Background(), driver.Config{Command: []string{exe}, Env: []string{crashEnv + "=4"}, Grace: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.Close() })
	var crashes, inputs int
	observe := func(o clientgate.Observation) {
		switch {
		case strings.Contains(o.Actual, "abandoned"):
			t.Errorf("a case was judged on an abandoned request: %s", o.Actual)
		case strings.Contains(o.Actual, "exits on purpose"):
			crashes++
		case o.Class == clientgate.ClassValidation:
			inputs++
		}
	}
	_, err = clientgate.Run(context.Background(), []clientgate.Subject{{Name: "crashing-go-v2", Client: p, DefaultAttempts: 3}},
		clientgate.Options{Seed: 1, Cases: 20, Observe: observe})
	if err != nil {
		t.Fatal(err)
	}
	if crashes == 0 || p.Restarts < crashes-1 || p.Restarts > crashes { // no restart after a last crash
		t.Fatalf("%d crash(es) reported, %d restart(s)", crashes, p.Restarts)
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
