package container

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// version reads an emulator's version from its pins,
// fixtures/emulators/<name>.txt (the line "<package>[extras]==<version>"),
// the file .ci/images.sh builds the local image from.
func version(e emulator) (string, error) {
	root := moduleRoot()
	if root == "" {
		return "", fmt.Errorf("container: cannot find the stsconform module above the working directory to read fixtures/emulators/%s.txt (or pass Image)", e.Name)
	}
	v, err := e.PinnedVersion(root)
	if err != nil {
		return "", fmt.Errorf("container: %w", err)
	}
	return v, nil
}

// moduleRoot finds the directory of this module's go.mod above the working
// directory, or "".
func moduleRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.Contains(string(data), "module github.com/stsconform/stsconform\n") {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
