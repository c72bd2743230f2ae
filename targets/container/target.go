package container

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/stsconform/stsconform/internal/dummykeys"
	"sync"
	"time"

	"github.com/ory/dockertest/v3"
	dc "github.com/ory/dockertest/v3/docker"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/targets/sdkclient"
)

// labelRun tags the container of one Open, so it can be removed before its
// ID is known (a signal during start-up, a failed start).
const labelRun = "stsconform.run"

// Target is an emulator in a container, called through the SDK. Name,
// Callers, GetSessionToken and Replay are those of the embedded client.
type Target struct {
	*sdkclient.Target
	name       string
	cfg        config
	pool       *dockertest.Pool
	res        *dockertest.Resource
	startup    time.Duration
	unregister func()

	closeOnce sync.Once
	closeErr  error
	logPath   string
}

// Open starts the container of a target (moto-container,
// localstack-container or ministack-container) and waits until it is
// ready. With no engine it returns an error wrapping ErrNoEngine; with the
// local image missing, one wrapping ErrNoImage.
func Open(name string, opts ...Option) (*Target, error) {
	e, ok := emulators[name]
	if !ok {
		return nil, fmt.Errorf("unknown container target %q (known: %s)", name, namesList())
	}
	cfg := defaults()
	for _, o := range opts {
		o(&cfg)
	}
	pool, err := connect(cfg.endpoint)
	if err != nil {
		return nil, err
	}
	if _, err := Sweep(pool); err != nil {
		return nil, fmt.Errorf("removing leftover containers: %w", err)
	}
	repo, tag, err := image(pool, e, cfg)
	if err != nil {
		return nil, err
	}
	return start(pool, name, e, repo, tag, cfg)
}

// start runs the container and builds the target; on failure it removes
// whatever it started.
func start(pool *dockertest.Pool, name string, e emulator, repo, tag string, cfg config) (*Target, error) {
	id := runID()
	t := &Target{name: name, cfg: cfg, pool: pool}
	t.unregister = cleanups.add(func() { _ = removeRun(pool, id) })
	began := time.Now()
	res, err := runLabelled(pool, name, e, repo, tag, cfg, id)
	if err == nil {
		t.res = res
		err = t.connect(e, cfg)
	}
	if err != nil {
		if t.res != nil {
			if path, lerr := t.saveLogs(); lerr == nil {
				err = fmt.Errorf("%w (logs: %s)", err, path)
			}
		}
		_ = removeRun(pool, id)
		t.unregister()
		return nil, fmt.Errorf("%s (%s:%s): %w", name, repo, tag, err)
	}
	t.startup = time.Since(began)
	return t, nil
}

// runLabelled runs the container with the run label and sets its expiry.
func runLabelled(pool *dockertest.Pool, name string, e emulator, repo, tag string, cfg config, run string) (*dockertest.Resource, error) {
	res, err := runContainer(pool, name, e, repo, tag, cfg, run)
	if err != nil {
		return nil, err
	}
	// The expiry stops the container after ttl (dockertest's stop signal
	// is SIGWINCH, which the emulators ignore, so the engine kills it when
	// the stop timeout passes); AutoRemove then removes it.
	_ = res.Expire(uint(cfg.ttl / time.Second))
	return res, nil
}

// connect waits for the emulator and builds the SDK client.
func (t *Target) connect(e emulator, cfg config) error {
	addr, err := hostPort(t.res, e.ContainerPort)
	if err != nil {
		return err
	}
	base := "http://" + addr
	if err := waitReady(t.pool, t.res, base+e.Health, cfg.startTimeout); err != nil {
		return err
	}
	t.Target, err = sdkclient.New(sdkclient.Config{
		Name: t.name, Endpoint: base,
		Identities: []sdkclient.Identity{{Caller: call.Caller{Kind: call.User},
			AccessKeyID: dummykeys.AccessKeyID, SecretAccessKey: dummykeys.SecretAccessKey}},
	})
	return err
}

// StartupTime is how long the container took from start to ready.
func (t *Target) StartupTime() time.Duration { return t.startup }

// ContainerID is the engine's ID of the container.
func (t *Target) ContainerID() string { return t.res.Container.ID }

// Version is the emulator version the container runs: its image tag.
func (t *Target) Version() string {
	_, tag := splitRef(t.Image())
	return tag
}

// Image is the image the container runs (repository:tag).
func (t *Target) Image() string { return t.res.Container.Config.Image }

// LogPath is the file Close writes the container's logs to (known from the
// start, so that reports can name it).
func (t *Target) LogPath() string {
	if t.logPath != "" {
		return t.logPath
	}
	return t.logFile()
}

// Close saves the container's logs and removes the container. Later calls
// return the first call's result.
func (t *Target) Close() error {
	t.closeOnce.Do(func() {
		_ = t.Target.Close()
		path, logErr := t.saveLogs()
		t.logPath = path
		rmErr := remove(t.pool, t.res.Container.ID)
		t.unregister()
		t.closeErr = errors.Join(rmErr, logErr)
	})
	return t.closeErr
}

// removeRun removes the containers of one Open, found by label.
func removeRun(pool *dockertest.Pool, run string) error {
	cs, err := pool.Client.ListContainers(dc.ListContainersOptions{
		All: true, Filters: map[string][]string{"label": {labelRun + "=" + run}},
	})
	if err != nil {
		return err
	}
	var errs []error
	for _, c := range cs {
		errs = append(errs, remove(pool, c.ID))
	}
	return errors.Join(errs...)
}

func runID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
