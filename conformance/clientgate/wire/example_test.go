package wire_test

import (
	"fmt"

	"github.com/stsconform/stsconform/conformance/clientgate/wire"
	"github.com/stsconform/stsconform/targets/clients/driver"
)

// Reading a body and judging what a client made of it: this client kept
// only the last text token of SessionToken, as aws-sdk-go v1 does.
func ExampleCompare() {
	body := `<GetSessionTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetSessionTokenResult><Credentials>` +
		`<AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>secret</SecretAccessKey>` +
		`<SessionToken>A<!--c-->B</SessionToken><Expiration>2026-12-03T12:00:00Z</Expiration>` +
		`</Credentials></GetSessionTokenResult></GetSessionTokenResponse>`
	want, err := wire.Read(200, nil, []byte(body))
	if err != nil {
		panic(err)
	}
	key, secret, token, exp := "ASIAEXAMPLE", "secret", "B", "2026-12-03T12:00:00Z"
	reply := driver.Reply{Phase: driver.PhaseParsed, Output: &driver.Output{Credentials: &driver.OutputCredentials{
		AccessKeyID: &key, SecretAccessKey: &secret, SessionToken: &token, Expiration: &exp, ExpirationKind: driver.ExpirationTime}}}
	for _, f := range wire.Compare(want, reply) {
		fmt.Println(f.Field, f.Kind, f.Grade, "-", f.Detail)
	}
	// Output:
	// Credentials.SessionToken value divergence - got is the last 1 bytes of want
}

// A body that is not well-formed: the right client answer is an error.
func ExampleRead() {
	want, err := wire.Read(200, nil, []byte(`<GetSessionTokenResponse><SessionToken>&nbsp;</SessionToken></GetSessionTokenResponse>`))
	fmt.Println(want.Kind, err != nil)
	// Output:
	// not-well-formed true
}
