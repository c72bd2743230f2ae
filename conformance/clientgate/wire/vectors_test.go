package wire

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite fixtures/wire/responses from the vectors in this package's tests")

// vectorsDir is where the golden response vectors live.
var vectorsDir = filepath.Join("..", "..", "..", "fixtures", "wire", "responses")

// vectorCase is a golden vector as written here: the response, where it
// comes from, and facts stated by hand (see fact).
type vectorCase struct {
	name, provenance string
	status           int
	header           map[string]string
	body             string
	facts            map[string]string
}

func allVectors() []vectorCase {
	return append(append(append(append([]vectorCase{}, successVectors...), expirationVectors...), errorVectors...), malformedVectors...)
}

// The files hold exactly the vectors above, with the reference's reading;
// -update rewrites them.
func TestVectorFilesMatchTheReading(t *testing.T) {
	want := map[string]bool{}
	for _, c := range allVectors() {
		file := filepath.Join(vectorsDir, c.name+".json")
		want[filepath.Base(file)] = true
		data, err := NewVector(c.name, c.provenance, c.status, c.header, []byte(c.body)).Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%v (run go test ./conformance/clientgate/wire -run TestVectorFiles -update)", err)
			continue
		}
		if !bytes.Equal(got, data) {
			t.Errorf("%s is stale: the reading differs (-file +reading):\n%s", file, cmp.Diff(string(got), string(data)))
		}
	}
	entries, err := os.ReadDir(vectorsDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !want[e.Name()] {
			t.Errorf("%s: no such vector in the tests (delete the file or add the vector)", e.Name())
		}
	}
}

// Reading each file's body gives the file's expected values, and the
// facts stated by hand hold.
func TestVectorsReadBack(t *testing.T) {
	vs, err := LoadVectors(os.DirFS(vectorsDir))
	if err != nil {
		t.Fatal(err)
	}
	facts := map[string]map[string]string{}
	for _, c := range allVectors() {
		facts[c.name] = c.facts
	}
	if len(vs) != len(facts) {
		t.Errorf("%d vector files, %d vectors", len(vs), len(facts))
	}
	for _, v := range vs {
		got, _ := Read(v.Status, v.HTTPHeader(), v.Bytes())
		if diff := cmp.Diff(v.Expected, got); diff != "" {
			t.Errorf("%s: reading differs from the file (-file +reading):\n%s", v.Name, diff)
		}
		if v.Provenance == "" {
			t.Errorf("%s: no provenance", v.Name)
		}
		if len(facts[v.Name]) == 0 {
			t.Errorf("%s: no facts stated by hand", v.Name)
		}
		for key, want := range facts[v.Name] {
			if have := fact(got, key); have != want {
				t.Errorf("%s: %s = %q, want %q", v.Name, key, have, want)
			}
		}
	}
}

// fact reads one named value out of an Expected, "absent" when absent.
func fact(e Expected, key string) string {
	str := func(p *string) string {
		if p == nil {
			return "absent"
		}
		return *p
	}
	c := e.Credentials
	if c == nil {
		c = &Credentials{}
	}
	er := e.Error
	if er == nil {
		er = &ErrorBody{}
	}
	ts := c.Expiration
	if ts == nil {
		ts = &Timestamp{}
	}
	switch key {
	case "Kind":
		return string(e.Kind)
	case "Valid":
		return fmt.Sprint(e.Valid)
	case "Credentials":
		return map[bool]string{true: "absent", false: "present"}[e.Credentials == nil]
	case "AccessKeyId":
		return str(c.AccessKeyID)
	case "SecretAccessKey":
		return str(c.SecretAccessKey)
	case "SessionToken":
		return str(c.SessionToken)
	case "Expiration":
		return ts.Text
	case "Expiration.Form":
		return string(ts.Form)
	case "Expiration.Instant":
		return ts.Instant.Format(time.RFC3339Nano)
	case "Error.Code":
		return str(er.Code)
	case "Error.Type":
		return str(er.Type)
	case "Error.Message":
		return str(er.Message)
	case "BodyRequestId":
		return str(e.BodyRequestID)
	case "HeaderRequestId":
		return str(e.HeaderRequestID)
	}
	return "unknown fact " + key
}

func replaceOnce(s, old, new string) string {
	if !strings.Contains(s, old) {
		panic(fmt.Sprintf("vector: %q not found", old))
	}
	return strings.Replace(s, old, new, 1)
}

func replaceAll(s, old, new string) string {
	if !strings.Contains(s, old) {
		panic(fmt.Sprintf("vector: %q not found", old))
	}
	return strings.ReplaceAll(s, old, new)
}
