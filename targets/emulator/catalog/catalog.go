// Package catalog is the one table of STS emulators (moto, LocalStack,
// MiniStack): their PyPI package and pinned version
// (fixtures/emulators/<name>.txt), how to run each as a host process, the
// port, image and environment of each in a container, and how to tell when
// each is ready. The process targets (targets/emulator) and the container
// targets (targets/container) both read it; it imports nothing of theirs.
package catalog

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Emulator is one emulator, as both kinds of target run it.
type Emulator struct {
	Name    string // moto, localstack, ministack; its pins are fixtures/emulators/<Name>.txt
	Package string // the PyPI distribution whose pinned version tags images and that Version reports
	// Health is the path answering 200 once the emulator serves.
	Health string
	// Healthy, when set, also checks the health body (a process is ready
	// only once STS is loaded); nil accepts any 200.
	Healthy func(body []byte) error
	// Args and Env run it as a host process on port, with its files under
	// state.
	Args func(port int) []string
	Env  func(port int, state string) []string
	// ContainerPort, Image and ContainerEnv run it in a container: the port
	// it listens on inside, the upstream image repository (run at the
	// pinned version) and extra environment.
	ContainerPort string
	Image         string
	ContainerEnv  []string
	// LocalImageEnv and LocalImageCmd complete the image .ci/images.sh
	// builds locally (no registry): its environment beyond ContainerEnv
	// and its command.
	LocalImageEnv []string
	LocalImageCmd []string
}

// ImageSettings are the settings of the locally built image, one per
// line, as `podman import --change` takes them: the port, the
// environment and the command.
func (e Emulator) ImageSettings() []string {
	out := []string{"EXPOSE " + e.ContainerPort}
	for _, env := range append(slices.Clone(e.LocalImageEnv), e.ContainerEnv...) {
		out = append(out, "ENV "+env)
	}
	cmd, _ := json.Marshal(e.LocalImageCmd)
	return append(out, "CMD "+strings.ReplaceAll(string(cmd), `","`, `", "`))
}

// emulators is the table, by name.
var emulators = []Emulator{
	{
		Name: "localstack", Package: "localstack-core",
		Health: "/_localstack/health", Healthy: stsUp,
		Args:          func(int) []string { return []string{"-m", "localstack.runtime.main"} },
		Env:           localstackEnv,
		ContainerPort: "4566/tcp", Image: "localstack/localstack", ContainerEnv: []string{"SERVICES=sts,iam"},
		LocalImageEnv: []string{"GATEWAY_LISTEN=0.0.0.0:4566"},
		LocalImageCmd: []string{"python3", "-m", "localstack.runtime.main"},
	},
	{
		Name: "ministack", Package: "ministack",
		Health: "/_ministack/health", Healthy: stsUp,
		Args: func(int) []string { return []string{"-m", "ministack"} },
		Env: func(port int, state string) []string {
			return []string{"GATEWAY_PORT=" + strconv.Itoa(port), "BIND_HOST=127.0.0.1",
				"SERVICES=sts,iam", "LOG_LEVEL=INFO", "S3_DATA_DIR=" + state + "/s3"}
		},
		ContainerPort: "4566/tcp", Image: "ministackorg/ministack",
		LocalImageCmd: []string{"ministack"},
	},
	{
		Name: "moto", Package: "moto",
		Health: "/moto-api/data.json",
		Args: func(port int) []string {
			return []string{"-m", "moto.server", "-H", "127.0.0.1", "-p", strconv.Itoa(port)}
		},
		Env:           func(port int, state string) []string { return []string{"MOTO_PORT=" + strconv.Itoa(port)} },
		ContainerPort: "5000/tcp", Image: "motoserver/moto",
		LocalImageCmd: []string{"moto_server", "-H", "0.0.0.0", "-p", "5000"},
	},
}

// All lists the emulators, sorted by name (each a copy).
func All() []Emulator { return slices.Clone(emulators) }

// Names lists the emulators' names, sorted.
func Names() []string {
	out := make([]string, len(emulators))
	for i, e := range emulators {
		out[i] = e.Name
	}
	return out
}

// Lookup returns the emulator with the given name.
func Lookup(name string) (Emulator, bool) {
	i := slices.IndexFunc(emulators, func(e Emulator) bool { return e.Name == name })
	if i < 0 {
		return Emulator{}, false
	}
	return emulators[i], true
}

// PinsFile is the emulator's pins under the module root: the file
// `make emulators-<name>` installs from and .ci/images.sh builds the local
// image from.
func (e Emulator) PinsFile(root string) string {
	return filepath.Join(root, "fixtures", "emulators", e.Name+".txt")
}

// PinnedVersion reads the emulator's version from its pins under the
// module root: the line "<package>[extras]==<version>".
func (e Emulator) PinnedVersion(root string) (string, error) {
	path := e.PinsFile(root)
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(e.Package) + `(\[[^\]]*\])?==([^\s;#]+)`)
	m := re.FindSubmatch(data)
	if m == nil {
		return "", fmt.Errorf("no %s==version line in %s", e.Package, path)
	}
	return string(m[2]), nil
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
