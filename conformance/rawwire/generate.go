package rawwire

import (
	"fmt"

	"pgregory.net/rapid"
)

// Requests generates whole requests of every class.
func Requests() *rapid.Generator[Request] {
	return rapid.Custom(func(t *rapid.T) Request {
		class := rapid.SampledFrom(Classes()).Draw(t, "class")
		return ClassRequests(class).Draw(t, "request")
	})
}

// ClassRequests generates requests of one class.
func ClassRequests(class string) *rapid.Generator[Request] {
	gen, ok := generators()[class]
	if !ok {
		panic(fmt.Sprintf("rawwire: unknown class %q", class))
	}
	return rapid.Custom(func(t *rapid.T) Request {
		r := gen(t)
		r.Class = class
		return r
	})
}

func generators() map[string]func(*rapid.T) Request {
	return map[string]func(*rapid.T) Request{
		ClassValid: genValid, ClassDurationText: genDurationText, ClassDuplicate: genDuplicate,
		ClassUnknown: genUnknown, ClassMissingAction: genMissingAction, ClassWrongAction: genWrongAction,
		ClassVersion: genVersion, ClassBadEncoding: genBadEncoding, ClassInvalidUTF8: genInvalidUTF8,
		ClassOversized: genOversized, ClassGet: genGet, ClassContentType: genContentType,
	}
}

// post is a form POST with a correct Content-Type, with or without charset.
func post(t *rapid.T, params []Param) Request {
	ct := rapid.SampledFrom([]string{formType, formCharset}).Draw(t, "contentType")
	return Request{Method: "POST", ContentType: ct, Params: params}
}

// base is Action, Version and, maybe, a DurationSeconds within the
// model's bounds.
func base(t *rapid.T) []Param {
	ps := []Param{{Key: "Action", Value: action}, {Key: "Version", Value: apiVersion}}
	if rapid.Bool().Draw(t, "withDuration") {
		lo, hi := durationBounds()
		d := rapid.IntRange(lo, hi).Draw(t, "duration")
		ps = append(ps, Param{Key: durationSeconds, Value: fmt.Sprint(d)})
	}
	return ps
}

func genValid(t *rapid.T) Request {
	return post(t, rapid.Permutation(base(t)).Draw(t, "order"))
}

func genDurationText(t *rapid.T) Request {
	v := rapid.SampledFrom(durationTexts).Draw(t, "duration")
	ps := withMember(base(t), durationSeconds, v.value)
	r := post(t, ps)
	r.MustReject = v.reject
	return r
}

// withMember sets a member's value, adding it when absent.
func withMember(ps []Param, key, value string) []Param {
	out := []Param{}
	for _, p := range ps {
		if p.Key != key {
			out = append(out, p)
		}
	}
	return append(out, Param{Key: key, Value: value})
}

func without(ps []Param, key string) []Param {
	var out []Param
	for _, p := range ps {
		if p.Key != key {
			out = append(out, p)
		}
	}
	return out
}

// duplicates offers values per member; reject marks values that are wrong
// on their own, so a request whose copies are all wrong must be refused.
var duplicates = map[string][]text{
	durationSeconds: {{fmt.Sprint(minDuration()), false}, {"3600", false}, {"abc", true}, {"-1", true}},
	"Action":        {{action, false}, {"GetCallerIdentityX", true}},
	"Version":       {{apiVersion, false}, {"2010-05-08", false}},
}

func genDuplicate(t *rapid.T) Request {
	key := rapid.SampledFrom([]string{durationSeconds, "Action", "Version"}).Draw(t, "member")
	copies := rapid.SliceOfN(rapid.SampledFrom(duplicates[key]), 2, 3).Draw(t, "copies")
	ps := without(base(t), key)
	reject := true
	for _, c := range copies {
		ps = append(ps, Param{Key: key, Value: c.value})
		reject = reject && c.reject
	}
	r := post(t, rapid.Permutation(ps).Draw(t, "order"))
	r.MustReject = reject
	return r
}

func genUnknown(t *rapid.T) Request {
	ps := base(t)
	n := rapid.IntRange(1, 3).Draw(t, "unknowns")
	for i := 0; i < n; i++ {
		key := rapid.SampledFrom(unknownKeys).Draw(t, "key")
		ps = append(ps, Param{Key: key, Value: rapid.StringN(0, 12, -1).Draw(t, "value")})
	}
	return post(t, rapid.Permutation(ps).Draw(t, "order"))
}

func genMissingAction(t *rapid.T) Request {
	ps := without(base(t), "Action")
	if rapid.Bool().Draw(t, "emptyAction") {
		ps = append(ps, Param{Key: "Action", Value: ""})
	}
	r := post(t, ps)
	r.MustReject = true
	return r
}

func genWrongAction(t *rapid.T) Request {
	v := rapid.SampledFrom(wrongActions).Draw(t, "action")
	r := post(t, withMember(base(t), "Action", v.value))
	r.MustReject = v.reject
	return r
}

func genVersion(t *rapid.T) Request {
	v := rapid.SampledFrom(versions).Draw(t, "version")
	ps := without(base(t), "Version")
	if v != "-" {
		ps = append(ps, Param{Key: "Version", Value: v})
	}
	return post(t, ps)
}

// genBadEncoding breaks the percent-encoding of Action or DurationSeconds
// (then no decoding yields a valid request) or of an unknown member.
func genBadEncoding(t *rapid.T) Request {
	bad := rapid.SampledFrom(badEncodings).Draw(t, "encoding")
	return mutated(t, bad)
}

// genInvalidUTF8 puts invalid UTF-8, percent-encoded or raw, in a value.
func genInvalidUTF8(t *rapid.T) Request {
	bad := rapid.SampledFrom(badUTF8).Draw(t, "bytes")
	return mutated(t, bad)
}

// mutated inserts a verbatim sequence into a member's value: into Action or
// DurationSeconds the request must be refused; into an unknown member it
// may be ignored. Sequences shorter than three bytes ("%", "%4") end the
// value, which goes last, so they stay incomplete.
func mutated(t *rapid.T, bad string) Request {
	key := rapid.SampledFrom([]string{"Action", durationSeconds, "Foo"}).Draw(t, "member")
	parts := map[string][2]string{"Action": {"GetSession", "Token"}, durationSeconds: {"9", "00"}, "Foo": {"x", "y"}}[key]
	value := parts[0] + bad + parts[1]
	if len(bad) < 3 {
		value = parts[0] + parts[1] + bad
	}
	ps := append(without(base(t), key), Param{Key: key, Value: value, Verbatim: true})
	r := post(t, ps)
	r.MustReject = key != "Foo"
	return r
}

func genOversized(t *rapid.T) Request {
	r := post(t, base(t))
	r.PadBytes = rapid.SampledFrom(padSizes).Draw(t, "padBytes")
	return r
}

// genGet sends a valid or odd parameter list as a GET query string, with
// no Content-Type or, as some clients do, the form one. (Raw non-ASCII
// bytes cannot go in a request line: invalid UTF-8 is not sent by GET.)
func genGet(t *rapid.T) Request {
	like := []string{ClassValid, ClassDurationText, ClassMissingAction, ClassWrongAction, ClassBadEncoding}
	r := ClassRequests(rapid.SampledFrom(like).Draw(t, "like")).Draw(t, "params")
	r.Method, r.ContentType = "GET", rapid.SampledFrom([]string{"", formType}).Draw(t, "contentType")
	return r
}

func genContentType(t *rapid.T) Request {
	r := post(t, base(t))
	r.ContentType = rapid.SampledFrom(contentTypes).Draw(t, "contentType")
	return r
}
