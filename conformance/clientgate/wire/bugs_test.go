package wire

import (
	"bytes"
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"github.com/stsconform/stsconform/targets/clients/driver"
)

// sloppyReader models the reading mistakes of real clients: keeping only
// the last text token of an element (aws-sdk-go v1, issue 9), trimming
// whitespace, matching elements by local name only.
type sloppyReader struct {
	lastTokenOnly, trim bool
}

// read returns the reply such a client gives for a success body: the
// first Credentials element by local name, whatever its namespace.
func (s sloppyReader) read(body []byte) driver.Reply {
	dec := xml.NewDecoder(bytes.NewReader(body))
	values := map[string]*string{}
	var open string
	inCreds := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open = t.Name.Local
			if open == "Credentials" {
				inCreds++
			}
			if inCreds == 1 && values[open] == nil {
				values[open] = new(string)
			}
		case xml.EndElement:
			if t.Name.Local == "Credentials" {
				inCreds = 2 // only the first Credentials element counts
			}
			open = ""
		case xml.CharData:
			if p := values[open]; p != nil && inCreds == 1 {
				if s.lastTokenOnly {
					*p = ""
				}
				*p += string(t)
			}
		}
	}
	if s.trim {
		for _, p := range values {
			*p = strings.TrimSpace(*p)
		}
	}
	return driver.Reply{Phase: driver.PhaseParsed, Output: &driver.Output{Credentials: &driver.OutputCredentials{
		AccessKeyID: values["AccessKeyId"], SecretAccessKey: values["SecretAccessKey"], SessionToken: values["SessionToken"],
		Expiration: values["Expiration"], ExpirationKind: driver.ExpirationString,
	}}}
}

// Each known client mistake is reported on the golden vector that shows
// it, as a divergence of the member it spoils.
func TestKnownMistakesAreReported(t *testing.T) {
	vs, err := LoadVectors(os.DirFS(vectorsDir))
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Vector{}
	for _, v := range vs {
		byName[v.Name] = v
	}
	for _, tc := range []struct {
		vector, field string
		reader        sloppyReader
		detail        string // a part of the finding's Detail
	}{
		{"comment-in-text", "Credentials.SessionToken", sloppyReader{lastTokenOnly: true}, "got is the last 1 bytes"},
		{"references-and-cdata", "Credentials.SessionToken", sloppyReader{lastTokenOnly: true}, "got is the last 1 bytes"},
		{"aws-doc-example", "Credentials.SessionToken", sloppyReader{trim: true}, "whitespace trimmed"},
		{"foreign-decoy-beside-credentials", "Credentials.SessionToken", sloppyReader{}, "namespace-blind"},
		{"prefix-bound-elsewhere", "Credentials", sloppyReader{}, "namespace-blind"},
		{"foreign-default-namespace", "Credentials", sloppyReader{}, "namespace-blind"},
	} {
		t.Run(tc.vector, func(t *testing.T) {
			v := byName[tc.vector]
			fs := Compare(v.Expected, tc.reader.read(v.Bytes()))
			for _, f := range fs {
				if f.Field == tc.field && f.Grade == Divergence && strings.Contains(f.Detail, tc.detail) {
					return
				}
			}
			t.Errorf("no divergence on %s with %q:\n%s", tc.field, tc.detail, findingLines(fs))
		})
	}
}

// The same reader without the mistake is not reported on those vectors.
func TestCarefulReaderIsNotReported(t *testing.T) {
	vs, err := LoadVectors(os.DirFS(vectorsDir))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		switch v.Name {
		case "comment-in-text", "references-and-cdata", "aws-doc-example", "real-sts-shape":
			if fs := Compare(v.Expected, (sloppyReader{}).read(v.Bytes())); Worst(fs) != Note {
				t.Errorf("%s:\n%s", v.Name, findingLines(fs))
			}
		}
	}
}
