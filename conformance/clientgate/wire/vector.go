package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"strings"
	"unicode/utf8"
)

// Vector is a golden response vector (fixtures/wire/responses/*.json): a
// hand-chosen response, where it comes from, and what the reference reads
// from it.
type Vector struct {
	Name string `json:"name"`
	// Provenance says where the body comes from: "AWS documentation
	// example: …" or "constructed: …".
	Provenance string            `json:"provenance"`
	Status     int               `json:"status"`
	Header     map[string]string `json:"header,omitempty"`
	// Body holds the bytes when they are valid UTF-8, BodyBase64 otherwise.
	Body       string   `json:"body,omitempty"`
	BodyBase64 []byte   `json:"bodyBase64,omitempty"`
	Expected   Expected `json:"expected"`
}

// Bytes returns the body.
func (v Vector) Bytes() []byte {
	if v.BodyBase64 != nil {
		return v.BodyBase64
	}
	return []byte(v.Body)
}

// HTTPHeader returns the header as an http.Header.
func (v Vector) HTTPHeader() http.Header {
	h := http.Header{}
	for k, val := range v.Header {
		h.Set(k, val)
	}
	return h
}

// Response returns the vector as a Response to serve, labelled
// Class/vector name.
func (v Vector) Response() Response {
	class := map[Kind]string{KindSuccess: ClassSuccess, KindError: ClassError}[v.Expected.Kind]
	if class == "" {
		class = ClassNotWellFormed
	}
	return Response{Status: v.Status, Header: v.HTTPHeader(), Body: v.Bytes(), Class: class, Flavour: v.Name, Want: v.Expected}
}

// NewVector makes a vector from a response, with the reference's reading
// as its Expected.
func NewVector(name, provenance string, status int, header map[string]string, body []byte) Vector {
	v := Vector{Name: name, Provenance: provenance, Status: status, Header: header}
	if utf8.Valid(body) {
		v.Body = string(body)
	} else {
		v.BodyBase64 = body
	}
	v.Expected, _ = Read(status, v.HTTPHeader(), body)
	return v
}

// Marshal renders a vector as its file holds it: indented JSON, XML
// metacharacters unescaped so bodies stay readable.
func (v Vector) Marshal() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return b.Bytes(), err
}

// LoadVectors reads every *.json vector at the top of fsys (for example
// os.DirFS("fixtures/wire/responses")), sorted by name.
func LoadVectors(fsys fs.FS) ([]Vector, error) {
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, err
	}
	var vs []Vector
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		var v Vector
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if want := v.Name + ".json"; path.Base(name) != want {
			return nil, fmt.Errorf("%s: holds vector %q (file should be %s)", name, v.Name, want)
		}
		vs = append(vs, v)
	}
	slices.SortFunc(vs, func(a, b Vector) int { return strings.Compare(a.Name, b.Name) })
	return vs, nil
}
