package container

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ory/dockertest/v3"
	dc "github.com/ory/dockertest/v3/docker"
)

// image returns the repository and tag to run, or ErrNoImage when a local
// image is wanted and absent (nothing is pulled for local images).
func image(pool *dockertest.Pool, e emulator, cfg config) (repo, tag string, err error) {
	if cfg.image != "" {
		repo, tag = splitRef(cfg.image)
	} else {
		if tag, err = version(e); err != nil {
			return "", "", err
		}
		if cfg.official {
			return e.Image, tag, nil // pulled when absent
		}
		repo = "localhost/stsconform/" + e.Name
	}
	if _, err := pool.Client.InspectImage(repo + ":" + tag); err != nil {
		if errors.Is(err, dc.ErrNoSuchImage) {
			return "", "", fmt.Errorf("%w: %s:%s", ErrNoImage, repo, tag)
		}
		return "", "", err
	}
	return repo, tag, nil
}

// splitRef cuts repository:tag (a ':' before the last '/' is a registry port).
func splitRef(ref string) (repo, tag string) {
	i := strings.LastIndex(ref, ":")
	if i < 0 || strings.Contains(ref[i:], "/") {
		return ref, "latest"
	}
	return ref[:i], ref[i+1:]
}

// runContainer starts the container, labelled with run, with the port
// published on 127.0.0.1 only, auto-removed once stopped.
func runContainer(pool *dockertest.Pool, name string, e emulator, repo, tag string, cfg config, run string) (*dockertest.Resource, error) {
	l := labels(name, cfg.ttl)
	l[labelRun] = run
	opts := &dockertest.RunOptions{
		Repository:   repo,
		Tag:          tag,
		Env:          e.ContainerEnv,
		Labels:       l,
		ExposedPorts: []string{e.ContainerPort},
		PortBindings: map[dc.Port][]dc.PortBinding{dc.Port(e.ContainerPort): {{HostIP: "127.0.0.1"}}},
	}
	return pool.RunWithOptions(opts, func(hc *dc.HostConfig) {
		hc.PublishAllPorts = false
		hc.AutoRemove = true
		hc.RestartPolicy = dc.RestartPolicy{Name: "no"}
	})
}

// hostPort returns 127.0.0.1:port for the container port.
func hostPort(res *dockertest.Resource, port string) (string, error) {
	p := res.GetPort(port)
	if p == "" {
		return "", fmt.Errorf("container %s: port %s not published", short(res), port)
	}
	return "127.0.0.1:" + p, nil
}

func short(res *dockertest.Resource) string {
	id := res.Container.ID
	if len(id) > 12 {
		id = id[:12]
	}
	return id
}
