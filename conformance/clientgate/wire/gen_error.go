package wire

import (
	"strings"

	"pgregory.net/rapid"
)

// errorFlavours maps each error flavour to its text features.
var errorFlavours = map[string]features{
	"plain":                {},
	"metacharacters":       {entities: true, charRefs: true, cdata: true},
	"comment-in-text":      {comments: true, pis: true},
	"throttling":           {},
	"request-id-body":      {},
	"request-id-header":    {},
	"request-id-both":      {},
	"request-id-different": {},
	"unknown-elements":     {unknown: true},
	"namespace-prefix":     {prefixes: true},
	"element-order":        {permute: true},
	"whitespace":           {whitespace: true},
	"xml-declaration":      {decl: true},
	"no-namespace":         {},
	"foreign-namespace":    {foreign: true},
}

// errorCodes are codes STS answers GetSessionToken with (sts-facts.md
// section 2.4), plus server-side ones.
var errorCodes = []string{"ValidationError", "AccessDenied", "InvalidClientTokenId", "RegionDisabledException",
	"InternalFailure", "ServiceUnavailable", "ExpiredToken", "SignatureDoesNotMatch"}

// ErrorResponses draws ErrorResponse bodies with status 400, 403, 500 or
// 503, of every flavour.
func ErrorResponses() *rapid.Generator[Response] {
	return rapid.Custom(func(t *rapid.T) Response {
		flavour := rapid.SampledFrom(sortedKeys(errorFlavours)).Draw(t, "flavour")
		return genError(t, errorFlavours[flavour], flavour)
	})
}

func genError(t *rapid.T, f features, flavour string) Response {
	n := drawNames(t, f)
	n.noNames = n.noNames || flavour == "no-namespace"
	status := rapid.SampledFrom([]int{400, 403, 500, 503}).Draw(t, "status")
	code := rapid.SampledFrom(errorCodes).Draw(t, "Code")
	if f.entities || f.comments {
		code = valueGen(f, 1, 24).Draw(t, "Code")
	}
	if flavour == "throttling" {
		status, code = 400, "Throttling"
	}
	typ := "Sender"
	if status >= 500 {
		typ = "Receiver"
	}
	if f.entities && rapid.IntRange(0, 3).Draw(t, "hostile Type?") == 0 {
		typ = valueGen(f, 1, 12).Draw(t, "Type")
	}
	message := valueGen(f, 0, 80).Draw(t, "Message")
	members := []node{
		{name: n.name("Type"), text: encodeText(t, f, typ)},
		{name: n.name("Code"), text: encodeText(t, f, code)},
		{name: n.name("Message"), text: encodeText(t, f, message)},
	}
	if f.permute {
		members = rapid.Permutation(members).Draw(t, "order")
	}
	errNode := node{name: n.name(elemError), children: members}
	root := node{name: n.name(elemErrorResponse), attrs: n.rootAttrs(), children: []node{errNode}}
	bodyID, headerID := drawRequestIDs(t, strings.TrimPrefix(flavour, "request-id-"))
	if bodyID != nil {
		root.children = append(root.children, node{name: n.name(elemRequestID), text: encodeText(t, f, *bodyID)})
	}
	decorateError(t, f, &root)
	want := Expected{
		Status: status, Kind: KindError, Valid: true,
		Error:         &ErrorBody{Type: &typ, Code: &code, Message: &message},
		BodyRequestID: bodyID, HeaderRequestID: headerID,
	}
	r := Response{Status: status, Header: header(headerID), Class: ClassError, Flavour: flavour, Want: want, decoys: f.foreign}
	render(t, f, root, &r)
	return r
}

// decorateError adds unknown elements, decoys and permuted order to an
// error tree whose root holds the Error element first.
func decorateError(t *rapid.T, f features, root *node) {
	errNode := &root.children[0]
	if f.foreign {
		errNode.children = insert(t, errNode.children, decoyError(t))
		root.children = insert(t, root.children, node{name: "RequestId", attrs: []string{`xmlns="urn:decoy"`}, text: decoyValue})
	}
	if f.unknown {
		for _, n := range []*node{root, errNode} {
			n.attrs = append(n.attrs, unknownAttrs(t)...)
			n.children = insert(t, n.children, unknownElement(t))
		}
	}
	if f.permute {
		root.children = rapid.Permutation(root.children).Draw(t, "order")
	}
}

func decoyError(t *rapid.T) node {
	ns := rapid.SampledFrom(decoyNamespaces).Draw(t, "decoy namespace")
	local := rapid.SampledFrom([]string{"Type", "Code", "Message"}).Draw(t, "decoy member")
	return node{name: "d:" + local, attrs: []string{`xmlns:d="` + ns + `"`}, text: decoyValue}
}
