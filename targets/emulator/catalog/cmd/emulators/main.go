// Command emulators prints the emulator table (targets/emulator/catalog)
// for scripts that are not Go, such as .ci/images.sh:
//
//	emulators names            the emulators, one per line
//	emulators package NAME     the PyPI package whose pinned version tags its image
//	emulators image NAME       its local image's settings, one `podman import --change` each
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/stsconform/stsconform/targets/emulator/catalog"
)

func main() {
	out, err := run(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "emulators:", err)
		os.Exit(2)
	}
	fmt.Print(out)
}

func run(args []string) (string, error) {
	if len(args) == 1 && args[0] == "names" {
		return lines(catalog.Names()), nil
	}
	if len(args) != 2 {
		return "", fmt.Errorf("usage: emulators names | package NAME | image NAME")
	}
	e, ok := catalog.Lookup(args[1])
	if !ok {
		return "", fmt.Errorf("no emulator %q (the emulators: %s)", args[1], strings.Join(catalog.Names(), ", "))
	}
	switch args[0] {
	case "package":
		return e.Package + "\n", nil
	case "image":
		return lines(e.ImageSettings()), nil
	}
	return "", fmt.Errorf("unknown question %q: names, package or image", args[0])
}

func lines(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return strings.Join(ss, "\n") + "\n"
}
