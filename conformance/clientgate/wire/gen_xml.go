package wire

import (
	"strings"

	"pgregory.net/rapid"
)

// node is an element of a generated body. text is already-encoded
// markup; attrs are written as given (name="value", escaped).
type node struct {
	name     string
	attrs    []string
	text     string
	children []node
}

// writer renders nodes, with the whitespace features allow between markup.
type writer struct {
	t *rapid.T
	f features
	b strings.Builder
	// contentAt is the offset just after the root start tag, where the
	// malformed generators insert their faults.
	contentAt int
	depth     int
}

func (w *writer) element(n node) {
	w.b.WriteString("<" + n.name)
	for _, a := range n.attrs {
		w.b.WriteString(w.space(" ") + a)
	}
	if n.text == "" && len(n.children) == 0 && rapid.IntRange(0, 3).Draw(w.t, "self-closing?") == 0 {
		w.b.WriteString(w.tagEnd("") + "/>")
		w.mark()
		return
	}
	w.b.WriteString(w.tagEnd("") + ">")
	w.mark()
	w.b.WriteString(n.text)
	w.depth++
	for _, c := range n.children {
		w.b.WriteString(w.indent())
		w.element(c)
	}
	w.depth--
	if len(n.children) > 0 {
		w.b.WriteString(w.indent())
	}
	w.b.WriteString("</" + n.name + w.tagEnd("") + ">")
}

// mark records the root's content offset the first time it is called.
func (w *writer) mark() {
	if w.contentAt == 0 {
		w.contentAt = w.b.Len()
	}
}

// space returns the separator before an attribute: sep, or more
// whitespace when the whitespace feature is on.
func (w *writer) space(sep string) string {
	if !w.f.whitespace {
		return sep
	}
	return sep + rapid.SampledFrom([]string{"", "", " ", "\n  ", "\t"}).Draw(w.t, "space")
}

// tagEnd is the optional whitespace before > or />.
func (w *writer) tagEnd(s string) string {
	if !w.f.whitespace {
		return s
	}
	return rapid.SampledFrom([]string{"", "", " ", "\n", "\t "}).Draw(w.t, "tag end")
}

// indent is the whitespace between elements: none, AWS-style pretty
// printing, or arbitrary XML whitespace.
func (w *writer) indent() string {
	if !w.f.whitespace {
		return "\n" + strings.Repeat("  ", w.depth)
	}
	return rapid.SampledFrom([]string{"", "\n" + strings.Repeat("  ", w.depth), "\r\n\t", " \n \t "}).Draw(w.t, "indent")
}

// prolog writes what may precede the root: an XML declaration, comments,
// processing instructions, whitespace.
func (w *writer) prolog() {
	if !w.f.decl {
		return
	}
	w.b.WriteString(rapid.SampledFrom([]string{
		"",
		`<?xml version="1.0" encoding="UTF-8"?>`,
		`<?xml version='1.0'?>`,
		`<?xml version="1.0" encoding="utf-8" standalone="yes"?>`,
		`<?xml version = "1.0"  encoding = 'UTF-8' ?>`,
	}).Draw(w.t, "declaration"))
	w.b.WriteString(w.misc())
}

// misc is whitespace, a comment or a processing instruction, allowed
// before and after the root.
func (w *writer) misc() string {
	return rapid.SampledFrom([]string{"", "\n", "\n<!-- prolog -->\n", "<?pi before?>", "\n\n"}).Draw(w.t, "misc")
}

// render writes a whole body with root as its root element into r, with
// the offsets of the root's content and end.
func render(t *rapid.T, f features, root node, r *Response) {
	w := &writer{t: t, f: f}
	w.prolog()
	w.element(root)
	r.rootEnd = w.b.Len()
	if f.decl {
		w.b.WriteString(w.misc())
	} else {
		w.b.WriteString("\n")
	}
	r.Body, r.contentAt = []byte(w.b.String()), w.contentAt
}

// escapeAttr escapes an attribute value for double quotes.
func escapeAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&quot;", "\r", "&#13;", "\n", "&#10;", "\t", "&#9;").Replace(s)
}
