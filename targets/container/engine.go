package container

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/ory/dockertest/v3"
)

// ErrNoEngine is returned by Open when no container engine answers.
var ErrNoEngine = errors.New("no container engine reachable: run `make engine` (or set DOCKER_HOST)")

// ErrNoImage is returned by Open when the local image is not built.
var ErrNoImage = errors.New("emulator image not built: run `make images`")

// PodmanSocket is where `make engine` serves the Podman API.
const PodmanSocket = "/run/podman/podman.sock"

// Endpoint returns the engine address Open uses: $DOCKER_HOST, else the
// Podman socket of `make engine` when it exists, else Docker's default.
func Endpoint() string {
	if h := os.Getenv("DOCKER_HOST"); h != "" {
		return h
	}
	for _, sock := range []string{PodmanSocket, "/var/run/docker.sock"} {
		if fi, err := os.Stat(sock); err == nil && fi.Mode()&os.ModeSocket != 0 {
			return "unix://" + sock
		}
	}
	return "unix:///var/run/docker.sock"
}

// connect returns a pool on the engine at endpoint, or ErrNoEngine.
func connect(endpoint string) (*dockertest.Pool, error) {
	pool, err := dockertest.NewPool(endpoint)
	if err != nil {
		return nil, fmt.Errorf("%w [%s: %v]", ErrNoEngine, endpoint, rootCause(err))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := pool.Client.PingWithContext(ctx); err != nil {
		return nil, fmt.Errorf("%w [%s: %v]", ErrNoEngine, endpoint, rootCause(err))
	}
	return pool, nil
}

// rootCause is the innermost error of a chain, in one line (the full chain
// of an unreachable socket repeats the address).
func rootCause(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return oneLine(err)
		}
		err = next
	}
}

// oneLine keeps the first line of an error, for one-line skip reasons.
func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
