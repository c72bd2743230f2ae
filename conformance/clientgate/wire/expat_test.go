package wire

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stsconform/stsconform/internal/testenv"
	"pgregory.net/rapid"
)

// goTree renders the reference parser's tree in the same shape.
func goTree(el *element) []any {
	children := []any{}
	for _, c := range el.children {
		children = append(children, goTree(c))
	}
	return []any{el.space, el.local, el.text.String(), children}
}

type expatAnswer struct {
	ID    int             `json:"id"`
	OK    bool            `json:"ok"`
	Error string          `json:"error"`
	Tree  json.RawMessage `json:"tree"`
}

// The reference parser agrees with expat, an independent XML 1.0 parser,
// on which bodies are well-formed and on the tree of those that are:
// golden vectors, generated responses and mutated ones.
func TestReferenceAgreesWithExpat(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		testenv.Missing(t, "python3 not found (expat second opinion): install Python 3")
	}
	bodies := expatBodies(t)
	var in bytes.Buffer
	for i, b := range bodies {
		line, _ := json.Marshal(map[string]any{"id": i, "body": b})
		in.Write(append(line, '\n'))
	}
	cmd := exec.Command(python, "testdata/expat_tree.py")
	cmd.Stdin, cmd.Stderr = &in, os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("expat_tree.py: %v", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<24)
	checked := 0
	for sc.Scan() {
		var a expatAnswer
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		if agreeWithExpat(t, bodies[a.ID], a) {
			checked++
		}
	}
	t.Logf("%d bodies, %d judged by both parsers", len(bodies), checked)
}

// agreeWithExpat compares one body; it reports false for bodies the
// reference does not judge.
func agreeWithExpat(t *testing.T, body []byte, a expatAnswer) bool {
	root, err := parse(body)
	if _, unj := err.(*unjudged); unj {
		return false
	}
	switch {
	case expatLenient(err):
		return false
	case (err == nil) != a.OK:
		t.Errorf("well-formed: reference %v (%v), expat %v (%s)\nbody: %q", err == nil, err, a.OK, a.Error, body)
	case err == nil:
		mine, _ := json.Marshal(goTree(root))
		if diff := cmp.Diff(normalJSON(t, a.Tree), normalJSON(t, mine)); diff != "" {
			t.Errorf("trees differ (-expat +reference):\n%s\nbody: %q", diff, body)
		}
	}
	return true
}

// expatLenient reports a refusal expat is known not to make: expat does
// not check the VersionNum of the XML declaration ('1.' [0-9]+).
func expatLenient(err error) bool {
	nwf, ok := err.(*notWellFormed)
	return ok && strings.HasPrefix(nwf.reason, "malformed XML declaration") && !versionOK.MatchString(nwf.reason)
}

var versionOK = regexp.MustCompile(`version[ \t\r\n]*=[ \t\r\n]*\\?["']1\.[0-9]+\\?["']`)

func normalJSON(t *testing.T, raw []byte) any {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// expatBodies are the golden vectors' bodies plus generated and mutated
// responses from a fixed seed.
func expatBodies(t *testing.T) [][]byte {
	var bodies [][]byte
	for _, c := range allVectors() {
		bodies = append(bodies, []byte(c.body))
	}
	gen := rapid.Custom(func(t *rapid.T) []byte {
		r := Responses().Draw(t, "response")
		if rapid.Bool().Draw(t, "mutate") {
			return mutate(t, r.Body)
		}
		return r.Body
	})
	for i := range 3000 {
		bodies = append(bodies, gen.Example(i))
	}
	return bodies
}
