package driver

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// fakeModeEnv makes the test binary act as a driver (see TestMain).
const fakeModeEnv = "STSCONFORM_FAKE_DRIVER"

func TestMain(m *testing.M) {
	if mode := os.Getenv(fakeModeEnv); mode != "" {
		fakeDriver(mode)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// fakeDriver speaks the protocol, or breaks it as mode says.
func fakeDriver(mode string) {
	if mode == "no-hello" {
		fmt.Println("Starting up…")
		return
	}
	fmt.Printf(`{"hello":%q,"client":"fake","version":"0.0.1","runtime":"go"}`+"\n", HelloTag)
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		var req Request
		_ = json.Unmarshal(in.Bytes(), &req)
		switch mode {
		case "crash":
			fmt.Fprintln(os.Stderr, "panic: the fake driver crashed")
			os.Exit(3)
		case "hang":
			time.Sleep(time.Hour)
		case "garbage":
			fmt.Println("<html>not json</html>")
		case "once":
			fmt.Printf(`{"id":%d,"phase":"parsed","output":{}}`+"\n", req.ID)
			os.Exit(4) // not 0: a race-enabled binary sleeps a second on exit 0
		case "wrong-id":
			fmt.Printf(`{"id":%d,"phase":"parsed","output":{}}`+"\n", req.ID+1)
		default:
			fmt.Printf(`{"id":%d,"phase":"parsed","output":{"Credentials":{"AccessKeyId":"ASIAFAKE"}}}`+"\n", req.ID)
		}
	}
}

func start(t *testing.T, mode string) *Process {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	p, err := Start(context.Background(), Config{Command: []string{exe}, Env: []string{fakeModeEnv + "=" + mode},
		HelloTimeout: 10 * time.Second, Grace: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.Close() })
	return p
}

func request(id int64) Request {
	return Request{ID: id, Endpoint: "http://127.0.0.1:1", Region: "us-east-1", MaxAttempts: 1, TimeoutMs: 100,
		Input: Input{"DurationSeconds": json.RawMessage("900")}}
}

func TestProcessExchangesLines(t *testing.T) {
	p := start(t, "ok")
	if h := p.Hello(); h.Client != "fake" || h.Version != "0.0.1" {
		t.Fatalf("hello = %+v", h)
	}
	for id := int64(1); id <= 3; id++ {
		rep, err := p.Do(context.Background(), request(id))
		if err != nil || rep.Phase != PhaseParsed || *rep.Output.Credentials.AccessKeyID != "ASIAFAKE" {
			t.Fatalf("reply %d = %+v, %v", id, rep, err)
		}
	}
	if err := p.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
}

// A driver that fails is an error of the case, never a panic or a hang,
// and the next case gets a fresh driver.
func TestProcessReportsBrokenDrivers(t *testing.T) {
	for mode, want := range map[string]string{
		"crash":    "driver exited before its reply 1",
		"hang":     "driver hung: no reply 1 within",
		"garbage":  "driver wrote garbage instead of reply 1",
		"wrong-id": "driver answered id 2 to request 1",
	} {
		t.Run(mode, func(t *testing.T) {
			p := start(t, mode)
			_, err := p.Do(context.Background(), request(1))
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("error = %v, want %q", err, want)
			}
			if mode == "crash" && !strings.Contains(err.Error(), "the fake driver crashed") {
				t.Errorf("error lacks the driver's stderr: %v", err)
			}
			if _, err := p.Do(context.Background(), request(2)); err == nil && mode != "wrong-id" {
				t.Fatalf("second case on a %s driver succeeded", mode)
			}
			if p.Restarts == 0 {
				t.Errorf("no restart after a %s", mode)
			}
		})
	}
}

func TestStartRefusesADriverWithoutHello(t *testing.T) {
	exe, _ := os.Executable()
	_, err := Start(context.Background(), Config{Command: []string{exe}, Env: []string{fakeModeEnv + "=no-hello"}})
	if err == nil || !strings.Contains(err.Error(), "hello") {
		t.Fatalf("error = %v, want a hello error", err)
	}
	if _, err := Start(context.Background(), Config{Command: []string{"/nonexistent/driver"}}); err == nil {
		t.Fatal("a missing program started")
	}
}
