package container

import (
	"os"
	"time"
)

// Option changes how Open starts a container.
type Option func(*config)

type config struct {
	endpoint     string
	official     bool
	image        string // repository:tag, overrides the default
	ttl          time.Duration
	startTimeout time.Duration
	logDir       string
}

func defaults() config {
	return config{
		endpoint:     Endpoint(),
		official:     os.Getenv("STSCONFORM_OFFICIAL_IMAGES") == "1",
		ttl:          time.Hour,
		startTimeout: 3 * time.Minute,
		logDir:       os.Getenv("STSCONFORM_CONTAINER_LOGS"),
	}
}

// Official runs the upstream image at its pinned tag instead of the local
// one (as STSCONFORM_OFFICIAL_IMAGES=1 does); it may need a pull.
func Official(on bool) Option { return func(c *config) { c.official = on } }

// Image runs the given image (repository:tag) instead of the default.
func Image(ref string) Option { return func(c *config) { c.image = ref } }

// EngineEndpoint talks to the engine at addr instead of Endpoint().
func EngineEndpoint(addr string) Option { return func(c *config) { c.endpoint = addr } }

// TTL sets the expiry after which the engine stops (and so removes) the
// container even if its owner never closes it. Default one hour.
func TTL(d time.Duration) Option { return func(c *config) { c.ttl = d } }

// StartTimeout bounds the wait for the emulator to be ready. Default 3m.
func StartTimeout(d time.Duration) Option { return func(c *config) { c.startTimeout = d } }

// LogDir is where Close writes the container's logs. Default
// $STSCONFORM_CONTAINER_LOGS, else a stsconform folder in os.TempDir().
func LogDir(dir string) Option { return func(c *config) { c.logDir = dir } }
