// Package goclient runs the two Go STS clients in-process behind the
// driver.Client interface: go-v2 (the aws-sdk-go-v2 STS module this module
// builds with; a fork enters by a replace directive) and go-v1
// (github.com/aws/aws-sdk-go). Like a driver, each adapter only translates
// a request into the client's own call and its result into a reply; the
// gate judges.
package goclient

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/stsconform/stsconform/targets/clients/driver"
)

// moduleVersion is the version of a module linked into this binary, with
// its replacement when there is one ("v1.52.0 => ../fork v0.0.0").
func moduleVersion(path string) string {
	info, ok := debug.ReadBuildInfo()
	if !ok || len(info.Deps) == 0 {
		return goModVersion(path)
	}
	for _, m := range info.Deps {
		if m.Path != path {
			continue
		}
		if r := m.Replace; r != nil {
			return m.Version + " => " + r.Path + " " + r.Version
		}
		return m.Version
	}
	return "unknown"
}

func hello(client, version string) driver.Hello {
	return driver.Hello{Hello: driver.HelloTag, Client: client, Version: version, Runtime: runtime.Version()}
}

// clientKey is what a cached client is built from.
type clientKey struct {
	endpoint, region string
	maxAttempts      int
	timeout          time.Duration
	validate         bool
}

func keyOf(req driver.Request) clientKey {
	return clientKey{req.Endpoint, req.Region,
		req.MaxAttempts, time.Duration(req.TimeoutMs) * time.Millisecond, req.Validate}
}

// cache keeps one client per configuration, except for the default retry
// policy (maxAttempts 0): its retry quota is state, so each such call gets
// a fresh client and no case depends on the ones before.
type cache[C any] struct {
	mu      sync.Mutex
	clients map[clientKey]C
	build   func(clientKey) C
}

func (c *cache[C]) get(k clientKey) C {
	if k.maxAttempts == 0 {
		return c.build(k)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if cl, ok := c.clients[k]; ok {
		return cl
	}
	if c.clients == nil {
		c.clients = map[clientKey]C{}
	}
	cl := c.build(k)
	c.clients[k] = cl
	return cl
}

// httpClient is shared by the clients of one adapter: bounded per call,
// idle connections closed by Close.
func newHTTPClient() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Proxy = nil // loopback only, whatever the environment says
	tr.MaxIdleConnsPerHost = 16
	return &http.Client{Transport: tr}
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func str(p *string) *string {
	if p == nil {
		return nil
	}
	s := *p
	return &s
}

// errClass names the innermost error's Go type, the way drivers name the
// client's error class.
func errClass(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return fmt.Sprintf("%T", err)
		}
		err = next
	}
}

// goModVersion reads a module's version from the go.mod above the working
// directory, with its replacement: test binaries carry no dependency
// build information.
func goModVersion(path string) string {
	dir, err := os.Getwd()
	if err != nil {
		return "unknown"
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			return versionIn(string(data), path)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "unknown"
		}
		dir = parent
	}
}

// versionIn finds path's required version and replacement in a go.mod.
func versionIn(gomod, path string) string {
	version, replaced := "unknown", ""
	for _, line := range strings.Split(gomod, "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		f = slices.DeleteFunc(f, func(s string) bool { return s == "replace" })
		switch {
		case len(f) >= 2 && f[0] == path && f[1] != "=>":
			version = f[1]
		case len(f) >= 3 && f[0] == path && slices.Contains(f, "=>"):
			replaced = " => " + strings.Join(f[slices.Index(f, "=>")+1:], " ")
		}
	}
	return version + replaced
}
