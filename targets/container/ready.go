package container

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/ory/dockertest/v3"
)

// waitReady polls the emulator's health path until it answers 200, the
// container stops, or the timeout passes.
func waitReady(pool *dockertest.Pool, res *dockertest.Resource, url string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	client := &http.Client{Timeout: 2 * time.Second}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for i := 0; ; i++ {
		if healthy(ctx, client, url) {
			return nil
		}
		if i%10 == 9 {
			if err := running(pool, res); err != nil {
				return err
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("container %s: %s not ready after %s", short(res), url, timeout)
		case <-tick.C:
		}
	}
}

func healthy(ctx context.Context, client *http.Client, url string) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return false
	}
	resp, err := client.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// running fails when the container has stopped (its emulator crashed).
// State.Running is not the test: Podman reports a container whose stop is
// under way (the expiry's, which lasts the whole TTL) as "stopping", not
// running, though it serves.
func running(pool *dockertest.Pool, res *dockertest.Resource) error {
	c, err := pool.Client.InspectContainer(res.Container.ID)
	if err != nil {
		return fmt.Errorf("container %s: %v", short(res), err)
	}
	switch c.State.Status {
	case "exited", "dead", "removing":
		return fmt.Errorf("container %s %s (exit code %d) before it was ready", short(res), c.State.Status, c.State.ExitCode)
	}
	return nil
}
