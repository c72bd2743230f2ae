package wire

import (
	"maps"
	"net/http"
	"slices"

	"pgregory.net/rapid"
)

// Report classes of generated responses.
const (
	ClassSuccess       = "success-parsing"
	ClassError         = "error-parsing"
	ClassNotWellFormed = "not-well-formed"
)

// Response is one generated HTTP response, with the values it was built
// to say.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
	// Class is ClassSuccess, ClassError or ClassNotWellFormed; Flavour
	// names the variation the body exercises (e.g. "comment-in-text").
	Class   string
	Flavour string
	// Want is what the body says by construction. For a not-well-formed
	// body only Status, Kind and HeaderRequestID are set (Reason is the
	// parser's to give).
	Want Expected

	// contentAt is the offset just after the root start tag, rootEnd
	// the offset just after the root end tag: where faults go.
	contentAt, rootEnd int
	// decoys is true when the body holds members in foreign namespaces.
	decoys bool
}

// Label is the report class: Class/Flavour.
func (r Response) Label() string { return r.Class + "/" + r.Flavour }

// Responses draws success, error and not-well-formed responses of every
// flavour.
func Responses() *rapid.Generator[Response] {
	return rapid.OneOf(SuccessResponses(), SuccessResponses(), ErrorResponses(), MalformedResponses())
}

// successFlavours maps each success flavour to its features.
var successFlavours = map[string]features{
	"plain":                   {},
	"missing-member":          {},
	"large-token":             {},
	"entity-refs":             {entities: true},
	"char-refs":               {charRefs: true},
	"cdata":                   {cdata: true},
	"comment-in-text":         {comments: true},
	"pi-in-text":              {pis: true},
	"whitespace":              {whitespace: true},
	"line-ends":               {crlf: true},
	"unknown-elements":        {unknown: true},
	"namespace-prefix":        {prefixes: true},
	"foreign-namespace":       {foreign: true},
	"element-order":           {permute: true},
	"xml-declaration":         {decl: true},
	"expiration-fraction":     {frac: true},
	"expiration-offset":       {offset: true},
	"expiration-lowercase":    {lowercase: true},
	"expiration-without-zone": {naive: true},
}

// SuccessFlavours lists the flavours SuccessResponse accepts, "mixed"
// included.
func SuccessFlavours() []string {
	return append([]string{"mixed"}, sortedKeys(successFlavours)...)
}

// SuccessResponses draws GetSessionTokenResponse bodies of every flavour.
func SuccessResponses() *rapid.Generator[Response] {
	return rapid.Custom(func(t *rapid.T) Response {
		return SuccessResponse(rapid.SampledFrom(SuccessFlavours()).Draw(t, "flavour")).Draw(t, "response")
	})
}

// SuccessResponse draws GetSessionTokenResponse bodies of one flavour
// (see SuccessFlavours); it panics on an unknown flavour.
func SuccessResponse(flavour string) *rapid.Generator[Response] {
	f, ok := successFlavours[flavour]
	if !ok && flavour != "mixed" {
		panic("wire: unknown success flavour " + flavour)
	}
	return rapid.Custom(func(t *rapid.T) Response {
		g := f
		if flavour == "mixed" {
			g = drawFeatures(t)
		}
		return genSuccess(t, g, flavour)
	})
}

// drawFeatures turns each feature on or off.
func drawFeatures(t *rapid.T) features {
	b := func(name string) bool { return rapid.Bool().Draw(t, name) }
	return features{
		entities: b("entities"), charRefs: b("charRefs"), cdata: b("cdata"), comments: b("comments"), pis: b("pis"),
		whitespace: b("whitespace"), crlf: b("crlf"), unknown: b("unknown"), prefixes: b("prefixes"),
		foreign: b("foreign"), permute: b("permute"), decl: b("decl"),
		frac: b("frac"), offset: b("offset"), lowercase: b("lowercase"), naive: b("naive"),
	}
}

func sortedKeys(m map[string]features) []string { return slices.Sorted(maps.Keys(m)) }
