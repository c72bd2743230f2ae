// Package container runs STS emulators (moto, LocalStack, MiniStack) in
// containers, started through a Docker-compatible engine with
// github.com/ory/dockertest/v3, and calls them through the aws-sdk-go-v2
// client of package sdkclient. The targets are named moto-container,
// localstack-container and ministack-container.
//
// The images are built locally by `make images` (tagged
// localhost/stsconform/<emulator>:<version>) from the same pins as the
// process targets, fixtures/emulators/<emulator>.txt; with
// STSCONFORM_OFFICIAL_IMAGES=1, or the Official option, the upstream images
// are run instead, tagged with the same versions. The engine comes from $DOCKER_HOST, else
// the Podman socket `make engine` starts, else Docker's default socket.
//
// Nothing is left running: every container carries the label stsconform=1
// and its owner's PID; Close purges it; SIGINT and SIGTERM purge every open
// container before the process dies; an expiry stops (and so removes) a
// container its owner forgot; and Open first removes labelled containers
// whose owner process is gone (one killed with SIGKILL, say).
package container
