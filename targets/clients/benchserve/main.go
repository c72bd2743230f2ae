// Command benchserve serves the local STS library (targets/local) over HTTP
// on a loopback port for the drivers' benchmarks (make bench-drivers).
//
//	benchserve COMMAND [ARG…]
//
// runs COMMAND with STS_ENDPOINT set to the server's URL, then stops the
// server and exits with COMMAND's status. Without a command it prints the
// URL on stdout and serves until stdin closes. Every side measured talks to
// this one server, so only the client and the protocol differ.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"

	"github.com/stsconform/stsconform/targets/local"
)

func main() {
	server, err := local.StartHTTP(local.New())
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchserve:", err)
		os.Exit(2)
	}
	code := 0
	if len(os.Args) > 1 {
		code = run(server.URL(), os.Args[1:])
	} else {
		fmt.Println(server.URL())
		_, _ = io.Copy(io.Discard, os.Stdin)
	}
	if err := server.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "benchserve:", err)
	}
	os.Exit(code)
}

// run runs args with STS_ENDPOINT=url and returns its exit status.
func run(url string, args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), "STS_ENDPOINT="+url)
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitCode()
	default:
		fmt.Fprintln(os.Stderr, "benchserve:", err)
		return 2
	}
}
