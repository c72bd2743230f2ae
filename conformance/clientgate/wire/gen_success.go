package wire

import (
	"net/http"
	"slices"

	"pgregory.net/rapid"
)

// decoyNamespaces are namespace URIs that are not the STS one, some of
// them close misspellings of it.
var decoyNamespaces = []string{
	"urn:decoy",
	"https://sts.amazonaws.com/doc/2011-06-15",
	"http://sts.amazonaws.com/doc/2011-06-15/",
	"https://sts.amazonaws.com/doc/2011-06-15/x",
	"HTTPS://STS.AMAZONAWS.COM/doc/2011-06-15/",
}

// names spells element names: unprefixed in the default namespace, or
// with a prefix bound to the STS namespace.
type names struct {
	t       *rapid.T
	prefix  string // bound to STS on the root; "" when unused
	always  bool   // every element prefixed (no default namespace)
	noNames bool   // no namespace at all
}

func (n names) name(local string) string {
	if n.prefix != "" && (n.always || rapid.Bool().Draw(n.t, "prefix "+local)) {
		return n.prefix + ":" + local
	}
	return local
}

func (n names) rootAttrs() []string {
	var attrs []string
	if !n.always && !n.noNames {
		attrs = append(attrs, `xmlns="`+Namespace+`"`)
	}
	if n.prefix != "" {
		attrs = append(attrs, "xmlns:"+n.prefix+`="`+Namespace+`"`)
	}
	return attrs
}

func drawNames(t *rapid.T, f features) names {
	n := names{t: t}
	switch {
	case f.prefixes:
		n.prefix = rapid.SampledFrom([]string{"sts", "a", "ns1", "S"}).Draw(t, "prefix")
		n.always = rapid.Bool().Draw(t, "always prefixed")
	case rapid.IntRange(0, 9).Draw(t, "no namespace?") == 0:
		n.noNames = true
	}
	return n
}

// genSuccess builds one success response with features f.
func genSuccess(t *rapid.T, f features, flavour string) Response {
	n := drawNames(t, f)
	key, secret, token := valueGen(f, 0, 24), valueGen(f, 0, 48), valueGen(f, 0, 160)
	switch flavour {
	case "plain", "missing-member":
		key, secret, token = realKeyID, realSecret, realToken
	case "large-token":
		key, secret, token = realKeyID, realSecret, largeToken
	}
	c := &Credentials{AccessKeyID: ptrTo(key.Draw(t, "AccessKeyId")), SecretAccessKey: ptrTo(secret.Draw(t, "SecretAccessKey")),
		SessionToken: ptrTo(token.Draw(t, "SessionToken")), Expiration: ptrTo(expirationGen(f).Draw(t, "Expiration"))}
	members := []node{
		{name: n.name("AccessKeyId"), text: encodeText(t, f, *c.AccessKeyID)},
		{name: n.name("SecretAccessKey"), text: encodeText(t, f, *c.SecretAccessKey)},
		{name: n.name("SessionToken"), text: encodeText(t, f, *c.SessionToken)},
		{name: n.name("Expiration"), text: encodeText(t, f, c.Expiration.Text)},
	}
	valid := c.Expiration.Exact()
	if flavour == "missing-member" {
		members = dropMember(t, c, members)
		valid = false // the model requires all four
	}
	creds := node{name: n.name(elemCredentials), children: members}
	result := node{name: n.name(elemResult), children: []node{creds}}
	bodyID, headerID := drawRequestIDs(t, "")
	root := node{name: n.name(elemResponse), attrs: n.rootAttrs(), children: []node{result}}
	if bodyID != nil {
		root.children = append(root.children, node{name: n.name(elemMetadata),
			children: []node{{name: n.name(elemRequestID), text: encodeText(t, f, *bodyID)}}})
	}
	decorate(t, f, &root)
	want := Expected{Status: http.StatusOK, Kind: KindSuccess, Valid: valid, Credentials: c,
		BodyRequestID: bodyID, HeaderRequestID: headerID}
	r := Response{Status: http.StatusOK, Header: header(headerID), Class: ClassSuccess, Flavour: flavour, Want: want, decoys: f.foreign}
	render(t, f, root, &r)
	return r
}

// placements are where a response carries its request id.
var placements = []string{"both", "body", "header", "different"}

// drawRequestIDs draws the body's and the header's request id: either may
// be absent, and they may differ. placement is one of placements, or any
// other string for a random one.
func drawRequestIDs(t *rapid.T, placement string) (body, header *string) {
	id := requestIDGen().Draw(t, "RequestId")
	if !slices.Contains(placements, placement) {
		placement = rapid.SampledFrom(placements).Draw(t, "request id placement")
	}
	switch placement {
	case "both":
		return &id, &id
	case "body":
		return &id, nil
	case "header":
		return nil, &id
	}
	other := requestIDGen().Filter(func(s string) bool { return s != id }).Draw(t, "header RequestId")
	return &id, &other
}

// requestIDGen draws request ids: UUIDs, as AWS sends them.
func requestIDGen() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		hex := rapid.StringOfN(rapid.RuneFrom([]rune("0123456789abcdef")), 32, 32, -1).Draw(t, "hex")
		return hex[:8] + "-" + hex[8:12] + "-" + hex[12:16] + "-" + hex[16:20] + "-" + hex[20:]
	})
}

func header(requestID *string) http.Header {
	h := http.Header{"Content-Type": {"text/xml"}}
	if requestID != nil {
		h.Set(RequestIDHeader, *requestID)
	}
	return h
}

// dropMember removes one of the four members from the body and from c.
func dropMember(t *rapid.T, c *Credentials, members []node) []node {
	i := rapid.IntRange(0, 3).Draw(t, "missing member")
	switch i {
	case 0:
		c.AccessKeyID = nil
	case 1:
		c.SecretAccessKey = nil
	case 2:
		c.SessionToken = nil
	default:
		c.Expiration = nil
	}
	return append(members[:i:i], members[i+1:]...)
}

func ptrTo[T any](v T) *T { return &v }

// Realistic member values, the shapes real STS answers with: an ASIA key
// id of 20 base32 characters, a 40-character secret, a long base64 token.
var (
	realKeyID = rapid.Map(rapid.StringOfN(rapid.RuneFrom([]rune("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")), 16, 16, -1),
		func(s string) string { return "ASIA" + s })
	base64Chars = rapid.RuneFrom([]rune("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"))
	realSecret  = rapid.StringOfN(base64Chars, 40, 40, -1)
	realToken   = rapid.StringOfN(base64Chars, 100, 600, -1)
	// largeToken is as long as MinimumSessionTokenSize (up to 4096) asks
	// for, and longer: for readers that take long text in pieces (network
	// reads, parser buffers) and keep only one.
	largeToken = rapid.StringOfN(base64Chars, 4096, 9000, -1)
)
