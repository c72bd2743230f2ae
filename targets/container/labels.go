package container

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"syscall"
	"time"

	"github.com/ory/dockertest/v3"
	dc "github.com/ory/dockertest/v3/docker"
)

// Labels every container of this package carries.
const (
	LabelOwned   = "stsconform"         // "1"
	LabelPID     = "stsconform.pid"     // PID of the process that started it
	LabelHost    = "stsconform.host"    // host name of that process
	LabelTarget  = "stsconform.target"  // target name, e.g. moto-container
	LabelExpires = "stsconform.expires" // Unix time after which it is a leftover
)

// labels returns the labels of a container started now for target.
func labels(target string, ttl time.Duration) map[string]string {
	host, _ := os.Hostname()
	return map[string]string{
		LabelOwned: "1", LabelPID: strconv.Itoa(os.Getpid()), LabelHost: host,
		LabelTarget: target, LabelExpires: strconv.FormatInt(time.Now().Add(ttl).Unix(), 10),
	}
}

// Owned lists the containers, running or not, that carry LabelOwned.
func Owned(pool *dockertest.Pool) ([]dc.APIContainers, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return pool.Client.ListContainers(dc.ListContainersOptions{
		All: true, Context: ctx, Filters: map[string][]string{"label": {LabelOwned + "=1"}},
	})
}

// Sweep removes leftovers of earlier runs: labelled containers whose owner
// process is gone, or whose expiry has passed. It returns how many it
// removed. Containers of live processes (a parallel run) are kept.
func Sweep(pool *dockertest.Pool) (int, error) {
	cs, err := Owned(pool)
	if err != nil {
		return 0, err
	}
	n := 0
	var errs []error
	for _, c := range cs {
		if !leftover(c.Labels) {
			continue
		}
		if err := remove(pool, c.ID); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	return n, errors.Join(errs...)
}

// leftover reports whether a labelled container has no live owner.
func leftover(l map[string]string) bool {
	if exp, err := strconv.ParseInt(l[LabelExpires], 10, 64); err != nil || time.Now().Unix() > exp {
		return true
	}
	host, _ := os.Hostname()
	if l[LabelHost] != host {
		return false // another machine's run: only its expiry makes it a leftover
	}
	pid, err := strconv.Atoi(l[LabelPID])
	return err != nil || pid <= 0 || !alive(pid)
}

// alive reports whether a process with this PID exists.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// remove kills and removes a container and its volumes; a container
// already gone is not an error. The kill comes first: Podman makes a
// removal wait for a stop in progress (the expiry's) to time out, but not
// a kill.
func remove(pool *dockertest.Pool, id string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_ = pool.Client.KillContainer(dc.KillContainerOptions{ID: id, Signal: dc.SIGKILL, Context: ctx})
	err := pool.Client.RemoveContainer(dc.RemoveContainerOptions{ID: id, Force: true, RemoveVolumes: true, Context: ctx})
	if err != nil && !gone(err) {
		return err
	}
	return waitGone(ctx, pool, id)
}

// waitGone waits until the engine no longer knows the container (an
// auto-removal may still be under way when our removal returns).
func waitGone(ctx context.Context, pool *dockertest.Pool, id string) error {
	for {
		_, err := pool.Client.InspectContainerWithContext(id, ctx)
		if gone(err) {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("container %.12s not removed: %w", id, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// gone reports whether err says the container does not exist.
func gone(err error) bool {
	var missing *dc.NoSuchContainer
	return errors.As(err, &missing)
}
