package container

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	dc "github.com/ory/dockertest/v3/docker"
)

// logFile is where the container's logs are saved when it is closed; it is
// known from the start so that reports can name it.
func (t *Target) logFile() string {
	dir := t.cfg.logDir
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "stsconform-container-logs")
	}
	return filepath.Join(dir, fmt.Sprintf("%s-%s.log", t.name, short(t.res)))
}

// saveLogs writes the container's stdout and stderr to its log file and
// returns its path.
func (t *Target) saveLogs() (string, error) {
	path := t.logFile()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
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
