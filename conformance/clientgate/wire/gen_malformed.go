package wire

import (
	"bytes"
	"maps"
	"slices"

	"pgregory.net/rapid"
)

// faults make a well-formed body not well-formed.
var faults = map[string]func(t *rapid.T, r Response) []byte{
	"truncated": func(t *rapid.T, r Response) []byte {
		return r.Body[:rapid.IntRange(0, r.rootEnd-1).Draw(t, "cut at")] // before the root end tag's >
	},
	"mismatched-tag": func(t *rapid.T, r Response) []byte {
		i := bytes.LastIndex(r.Body[:r.rootEnd], []byte("</"))
		return splice(r.Body, i+2, "Other")
	},
	"undefined-entity": func(t *rapid.T, r Response) []byte {
		return splice(r.Body, r.contentAt, rapid.SampledFrom([]string{"&nbsp;", "&undefined;", "&AMP;", "&copy;"}).Draw(t, "entity"))
	},
	"bare-metacharacter": func(t *rapid.T, r Response) []byte {
		return splice(r.Body, r.contentAt, rapid.SampledFrom([]string{"a & b", "a < b", "&amp", "&#;", "&#x;", "]]>"}).Draw(t, "text"))
	},
	"invalid-character": func(t *rapid.T, r Response) []byte {
		return splice(r.Body, r.contentAt, rapid.SampledFrom([]string{"\x00", "\x01", "\x1b", "&#0;", "&#xD800;", "&#xFFFE;", "&#X41;", "\xef\xbf\xbe"}).Draw(t, "character"))
	},
	"invalid-utf8": func(t *rapid.T, r Response) []byte {
		return splice(r.Body, r.contentAt, rapid.SampledFrom([]string{"\xff", "\xc3", "\xed\xa0\x80", "\xc0\xaf"}).Draw(t, "bytes"))
	},
	"text-after-root": func(t *rapid.T, r Response) []byte {
		return append(slices.Clip(r.Body), rapid.SampledFrom([]string{"garbage", "<Second/>", "&amp;"}).Draw(t, "trailer")...)
	},
	"duplicate-attribute": func(t *rapid.T, r Response) []byte {
		return splice(r.Body, r.contentAt-1, rapid.SampledFrom([]string{` a="1" a="2"`, ` xmlns:p="urn:x" xmlns:p="urn:y"`}).Draw(t, "attributes"))
	},
	"undeclared-prefix": func(t *rapid.T, r Response) []byte {
		return splice(r.Body, r.contentAt, rapid.SampledFrom([]string{"<undeclared:Extra/>", `<Extra undeclared:a="1"/>`}).Draw(t, "element"))
	},
	"misplaced-declaration": func(t *rapid.T, r Response) []byte {
		return append([]byte("\n<?xml version=\"1.0\"?>"), r.Body...)
	},
}

// MalformedResponses draws success and error bodies made not well-formed
// by one fault each (truncated, mismatched tag, undefined entity, ...). The
// right client behaviour is an error.
func MalformedResponses() *rapid.Generator[Response] {
	return rapid.Custom(func(t *rapid.T) Response {
		fault := rapid.SampledFrom(slices.Sorted(maps.Keys(faults))).Draw(t, "fault")
		base := rapid.OneOf(SuccessResponse("plain"), ErrorResponses()).Draw(t, "base")
		base.Body = faults[fault](t, base)
		base.Class, base.Flavour, base.decoys = ClassNotWellFormed, fault, false
		base.Want = Expected{Status: base.Status, Kind: KindNotWellFormed, HeaderRequestID: base.Want.HeaderRequestID}
		return base
	})
}

// splice inserts s into body at i, in a new slice.
func splice(body []byte, i int, s string) []byte {
	out := append([]byte{}, body[:i]...)
	out = append(out, s...)
	return append(out, body[i:]...)
}
