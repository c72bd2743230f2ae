package emulator

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/stsconform/stsconform/targets/emulator/catalog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// ErrNoPython is wrapped by Install and Open when the machine has no Python
// (with venv) able to run the emulator; the message names the command that
// installs one. Tests skip on it.
var ErrNoPython = errors.New("no usable python3 with venv")

// RepoRoot walks up from dir to the directory holding go.mod.
func RepoRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("emulator: no go.mod above the working directory")
		}
		dir = parent
	}
}

// installMu serialises installs within this process (install.sh also takes
// a file lock per emulator, for concurrent test binaries).
var installMu sync.Map // name -> *sync.Mutex

// Install makes sure the pinned emulator is in root/.venv/<name>, running
// `make -C root emulators-<name>` (which skips when it already is). It
// returns the virtualenv's python.
func Install(root, name string) (string, error) {
	if _, ok := catalog.Lookup(name); !ok {
		return "", fmt.Errorf("emulator: unknown emulator %q (known: %s)", name, strings.Join(Names(), ", "))
	}
	mu, _ := installMu.LoadOrStore(name, &sync.Mutex{})
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()
	if _, err := exec.LookPath("python3"); err != nil {
		return "", fmt.Errorf("%w: python3 not found: apt-get install python3 python3-venv", ErrNoPython)
	}
	var out bytes.Buffer
	cmd := exec.Command("make", "--no-print-directory", "-C", root, "emulators-"+name)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(out.String())
		if line, ok := lineWith(msg, "no Python >="); ok {
			return "", fmt.Errorf("%w: %s", ErrNoPython, line)
		}
		return "", fmt.Errorf("emulator: make emulators-%s: %v: %s", name, err, msg)
	}
	return filepath.Join(root, ".venv", name, "bin", "python"), nil
}

func lineWith(s, sub string) (string, bool) {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l, true
		}
	}
	return "", false
}

// installedVersion asks the virtualenv which version of dist it holds.
func installedVersion(python, dist string) (string, error) {
	out, err := exec.Command(python, "-c",
		"import importlib.metadata as m, sys; print(m.version(sys.argv[1]))", dist).Output()
	if err != nil {
		return "", fmt.Errorf("emulator: version of %s: %v", dist, err)
	}
	return strings.TrimSpace(string(out)), nil
}
