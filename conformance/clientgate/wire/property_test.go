package wire

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// Every generated body reads back to the values it was built from.
func TestGeneratedResponsesReadBack(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := Responses().Draw(t, "response")
		got, err := Read(r.Status, r.Header, r.Body)
		if (err != nil) != (r.Want.Kind == KindNotWellFormed) {
			t.Fatalf("%s: Read error %v for a %s body\n%s", r.Label(), err, r.Want.Kind, r.Body)
		}
		if diff := cmp.Diff(r.Want, got, cmpopts.IgnoreFields(Expected{}, "Reason", "ForeignValues")); diff != "" {
			t.Fatalf("%s: read back differs (-built +read):\n%s\nbody:\n%s", r.Label(), diff, r.Body)
		}
		if r.decoys != (len(got.ForeignValues) > 0) {
			t.Fatalf("%s: decoys %v, foreign values %q\n%s", r.Label(), r.decoys, got.ForeignValues, r.Body)
		}
		for field, values := range got.ForeignValues {
			for _, v := range values {
				if v != decoyValue {
					t.Fatalf("%s: foreign value %q for %s is no decoy\n%s", r.Label(), v, field, r.Body)
				}
			}
		}
	})
}

// Read never panics, whatever the bytes, and always says why it refuses.
func TestReadNeverPanics(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		body := rapid.OneOf(
			rapid.SliceOf(rapid.Byte()),
			rapid.Map(rapid.String(), func(s string) []byte { return []byte(s) }),
			rapid.Map(Responses(), func(r Response) []byte { return mutate(t, r.Body) }),
		).Draw(t, "body")
		status := rapid.SampledFrom([]int{0, 200, 204, 302, 400, 500}).Draw(t, "status")
		got, err := Read(status, nil, body)
		if err != nil && got.Reason == "" {
			t.Fatalf("error %v without a reason", err)
		}
		if (err != nil) != (got.Kind == KindNotWellFormed || got.Kind == KindUnjudged) {
			t.Fatalf("error %v with kind %s", err, got.Kind)
		}
	})
}

// mutate flips, drops or duplicates a few bytes.
func mutate(t *rapid.T, body []byte) []byte {
	out := append([]byte{}, body...)
	for range rapid.IntRange(1, 4).Draw(t, "mutations") {
		if len(out) == 0 {
			break
		}
		i := rapid.IntRange(0, len(out)-1).Draw(t, "at")
		switch rapid.IntRange(0, 2).Draw(t, "how") {
		case 0:
			out[i] = rapid.Byte().Draw(t, "byte")
		case 1:
			out = append(out[:i], out[i+1:]...)
		default:
			out = append(out[:i+1], out[i:]...)
		}
	}
	return out
}
