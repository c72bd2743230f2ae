package container

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	dc "github.com/ory/dockertest/v3/docker"
)

// saveLogs writes the container's stdout and stderr to a file in dir and
// returns its path.
func (t *Target) saveLogs() (string, error) {
	dir := t.cfg.logDir
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "stsconform-container-logs")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, fmt.Sprintf("%s-%s.log", t.name, short(t.res)))
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = t.pool.Client.Logs(dc.LogsOptions{
		Context: ctx, Container: t.res.Container.ID, OutputStream: f, ErrorStream: f,
		Stdout: true, Stderr: true, Timestamps: true,
	})
	if err != nil {
		return path, fmt.Errorf("logs of %s: %w", short(t.res), err)
	}
	return path, f.Close()
}
