package wire

import (
	"fmt"

	"pgregory.net/rapid"
)

// decorate adds the structural variations of f to a success tree whose
// root holds the Result (first) and whose Result holds the Credentials
// (first): permuted order, unknown elements and attributes, decoys in
// foreign namespaces. None of them changes what the body says.
func decorate(t *rapid.T, f features, root *node) {
	result := &root.children[0]
	creds := &result.children[0]
	if f.foreign {
		result.children = insert(t, result.children, decoyCredentials(t))
		creds.children = insert(t, creds.children, decoyMember(t))
	}
	if f.unknown {
		for _, n := range []*node{root, result, creds} {
			n.attrs = append(n.attrs, unknownAttrs(t)...)
			n.children = insert(t, n.children, unknownElement(t))
		}
		if rapid.Bool().Draw(t, "attribute decoy") {
			creds.attrs = append(creds.attrs, `SessionToken="`+escapeAttr(decoyValue)+`"`)
		}
	}
	if f.permute {
		for _, n := range []*node{root, result, creds} {
			n.children = rapid.Permutation(n.children).Draw(t, "order")
		}
	}
}

// decoyValue is what decoys say; no generated value equals it.
const decoyValue = "decoy, not the member"

func insert(t *rapid.T, children []node, n node) []node {
	i := rapid.IntRange(0, len(children)).Draw(t, "insert at")
	out := append([]node{}, children[:i]...)
	out = append(out, n)
	return append(out, children[i:]...)
}

// decoyCredentials is a Credentials element in a foreign namespace, with
// members of its own.
func decoyCredentials(t *rapid.T) node {
	ns := rapid.SampledFrom(decoyNamespaces).Draw(t, "decoy namespace")
	members := []node{{name: "AccessKeyId", text: decoyValue}, {name: "SessionToken", text: decoyValue}}
	if rapid.Bool().Draw(t, "prefixed decoy") {
		for i := range members {
			members[i].name = "x:" + members[i].name
		}
		return node{name: "x:Credentials", attrs: []string{`xmlns:x="` + ns + `"`}, children: members}
	}
	return node{name: "Credentials", attrs: []string{`xmlns="` + ns + `"`}, children: members}
}

// decoyMember is a member element in a foreign namespace.
func decoyMember(t *rapid.T) node {
	ns := rapid.SampledFrom(decoyNamespaces).Draw(t, "decoy namespace")
	local := rapid.SampledFrom([]string{"AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}).Draw(t, "decoy member")
	if rapid.Bool().Draw(t, "prefixed decoy") {
		return node{name: "o:" + local, attrs: []string{`xmlns:o="` + ns + `"`}, text: decoyValue}
	}
	return node{name: local, attrs: []string{`xmlns="` + ns + `"`}, text: decoyValue}
}

// unknownElement is an element the STS model does not have here.
func unknownElement(t *rapid.T) node {
	name := rapid.SampledFrom([]string{"Extra", "SessionTokenSize", "PackedPolicySize", "AssumedRoleUser", "Unknown_1"}).Draw(t, "unknown element")
	return node{name: name, attrs: unknownAttrs(t), text: "x &amp; y",
		children: []node{{name: "Nested", text: fmt.Sprint(rapid.IntRange(0, 9).Draw(t, "nested"))}}}
}

func unknownAttrs(t *rapid.T) []string {
	return rapid.SliceOfNDistinct(rapid.SampledFrom([]string{
		`a="1"`, `xml:lang="en"`, `data-x='&lt;&amp;&gt;'`, `Type="Sender"`, `xmlns:unused="urn:unused"`,
	}), 0, 2, func(s string) string { return s[:4] }).Draw(t, "unknown attributes")
}
