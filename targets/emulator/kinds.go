package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
)

// kind describes how to run one emulator from its virtualenv.
type kind struct {
	name    string
	dist    string // the Python distribution whose version Version reports
	args    func(port int) []string
	env     func(port int, state string) []string
	health  string                  // path polled until ready
	healthy func(body []byte) error // extra check of the health body; nil accepts any 200
}

// Names lists the emulators Open knows, in a stable order.
func Names() []string {
	out := make([]string, 0, len(kinds))
	for n := range kinds {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

var kinds = map[string]kind{
	"moto": {
		name: "moto", dist: "moto",
		args: func(port int) []string {
			return []string{"-m", "moto.server", "-H", "127.0.0.1", "-p", strconv.Itoa(port)}
		},
		env:    func(port int, state string) []string { return []string{"MOTO_PORT=" + strconv.Itoa(port)} },
		health: "/moto-api/data.json",
	},
	"localstack": {
		name: "localstack", dist: "localstack-core",
		args:    func(int) []string { return []string{"-m", "localstack.runtime.main"} },
		env:     localstackEnv,
		health:  "/_localstack/health",
		healthy: stsUp,
	},
	"ministack": {
		name: "ministack", dist: "ministack",
		args: func(int) []string { return []string{"-m", "ministack"} },
		env: func(port int, state string) []string {
			return []string{"GATEWAY_PORT=" + strconv.Itoa(port), "BIND_HOST=127.0.0.1",
				"SERVICES=sts,iam", "LOG_LEVEL=INFO", "S3_DATA_DIR=" + state + "/s3"}
		},
		health:  "/_ministack/health",
		healthy: stsUp,
	},
}

// localstackEnv runs LocalStack as a host process (no Docker), STS only,
// with telemetry off, no DNS server, no downloads, and every file under the
// state directory. ANALYTICS_API and API_ENDPOINT point at a closed
// loopback port so that nothing can leave the machine.
func localstackEnv(port int, state string) []string {
	addr := "127.0.0.1:" + strconv.Itoa(port)
	return []string{
		"GATEWAY_LISTEN=" + addr, "LOCALSTACK_HOST=" + addr,
		"SERVICES=sts", "EAGER_SERVICE_LOADING=1", "PERSISTENCE=0",
		"DISABLE_EVENTS=1", "SKIP_SSL_CERT_DOWNLOAD=1", "DNS_ADDRESS=0",
		"OVERRIDE_IN_DOCKER=0",
		"FILESYSTEM_ROOT=" + state + "/filesystem", "LOCALSTACK_VOLUME_DIR=" + state + "/volume",
		"ANALYTICS_API=http://127.0.0.1:9", "API_ENDPOINT=http://127.0.0.1:9",
	}
}

// stsUp accepts a LocalStack-style health body once STS is loaded.
func stsUp(body []byte) error {
	var h struct {
		Services map[string]string `json:"services"`
	}
	if err := json.Unmarshal(body, &h); err != nil {
		return fmt.Errorf("health body: %v", err)
	}
	switch s := h.Services["sts"]; s {
	case "running", "available":
		return nil
	default:
		return fmt.Errorf("sts is %q", s)
	}
}

// isReady reports whether one health request says the emulator is ready.
func (k kind) isReady(client *http.Client, base string) error {
	resp, err := client.Get(base + k.health)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := readLimited(resp, 1<<20)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: HTTP %d", k.health, resp.StatusCode)
	}
	if k.healthy != nil {
		return k.healthy(body)
	}
	return nil
}
