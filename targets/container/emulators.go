package container

import "strings"

// emulator describes how to run one emulator in a container.
type emulator struct {
	name     string // moto, localstack, ministack: its pins are fixtures/emulators/<name>.txt
	pkg      string // its PyPI package, whose pinned version tags the images
	port     string // container port, e.g. "5000/tcp"
	health   string // path answering 200 once the emulator serves
	official string // upstream image repository, run at the pinned version
	env      []string
}

// emulators lists the emulators by target name.
var emulators = map[string]emulator{
	"moto-container": {name: "moto", pkg: "moto", port: "5000/tcp",
		health: "/moto-api/data.json", official: "motoserver/moto"},
	"localstack-container": {name: "localstack", pkg: "localstack-core", port: "4566/tcp",
		health: "/_localstack/health", official: "localstack/localstack", env: []string{"SERVICES=sts,iam"}},
	"ministack-container": {name: "ministack", pkg: "ministack", port: "4566/tcp",
		health: "/_ministack/health", official: "ministackorg/ministack"},
}

// Names lists the target names this package opens, sorted.
func Names() []string {
	return []string{"localstack-container", "ministack-container", "moto-container"}
}

// namesList is Names for error messages.
func namesList() string { return strings.Join(Names(), ", ") }
