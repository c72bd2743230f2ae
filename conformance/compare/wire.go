package compare

import (
	"mime"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/oracle"
)

// diffWire checks the HTTP envelope, when the target saw it: the root's
// namespace, the Content-Type, the x-amzn-RequestId header and its
// equality with the body's RequestId. Each difference has the status of
// its own fact.
func diffWire(alt *oracle.Expected, out call.Outcome) []Diff {
	w, ok := oracle.WireFor(alt.Kind)
	if out.Wire == nil || !ok {
		return nil
	}
	var diffs []Diff
	add := func(f oracle.Fact, field, expected, actual string) {
		fact := f
		diffs = append(diffs, Diff{Field: field, Expected: expected, Actual: actual, Status: f.Status, Fact: &fact})
	}
	got := out.Wire
	if got.Root == w.Root && got.Namespace != oracle.XMLNamespace {
		add(w.Namespace, "xmlns", quote(oracle.XMLNamespace), quote(got.Namespace))
	}
	if mt, _, err := mime.ParseMediaType(got.ContentType); err != nil || mt != w.ContentType {
		add(w.ContentFact, "content-type", w.ContentType, quote(got.ContentType))
	}
	switch {
	case got.RequestIDHeader == nil:
		add(w.RequestIDFact, "x-amzn-RequestId", "a header", "absent")
	case *got.RequestIDHeader != got.BodyRequestID:
		add(w.EqualFact, "x-amzn-RequestId", "the body's RequestId "+quote(got.BodyRequestID), quote(*got.RequestIDHeader))
	}
	return diffs
}
