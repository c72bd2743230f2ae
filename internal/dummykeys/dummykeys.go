// Package dummykeys holds the one pair of dummy AWS credentials the suite
// signs with where any keys are accepted (emulators, an endpoint given
// without keys, the raw-wire sender): AWS's documented example pair, which
// is never a real key. Every layer may import it; it imports nothing.
package dummykeys

// AWS's documented example credentials.
const (
	AccessKeyID     = "AKIAIOSFODNN7EXAMPLE"
	SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
)
