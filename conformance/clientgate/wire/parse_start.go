package wire

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// start opens an element: it checks its attributes, records its namespace
// declarations and resolves its name.
func (p *parser) start(t xml.StartElement, raw []byte) error {
	if p.root != nil && p.open == nil {
		return &notWellFormed{fmt.Sprintf("second root element <%s>", qualified(t.Name))}
	}
	if err := checkCharRefs(raw); err != nil {
		return err
	}
	el := &element{local: t.Name.Local, prefixed: qualified(t.Name), parent: p.open, scope: map[string]string{}}
	if err := declare(el, t.Attr); err != nil {
		return err
	}
	space, err := el.resolve(t.Name.Space, true)
	if err != nil {
		return err
	}
	el.space = space
	if err := checkAttributes(el, t.Attr); err != nil {
		return err
	}
	if p.open == nil {
		p.root = el
	} else {
		p.open.children = append(p.open.children, el)
	}
	p.open = el
	return nil
}

// declare records the xmlns and xmlns:prefix attributes of el.
func declare(el *element, attrs []xml.Attr) error {
	for _, a := range attrs {
		switch {
		case strings.ContainsAny(a.Value, " \t\r\n") && (a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns")):
			return &notWellFormed{fmt.Sprintf("namespace name %q is not a URI reference (whitespace)", a.Value)}
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			el.scope[""] = a.Value
		case a.Name.Space == "xmlns":
			if a.Value == "" {
				return &notWellFormed{fmt.Sprintf("prefix %q declared with an empty namespace name", a.Name.Local)}
			}
			el.scope[a.Name.Local] = a.Value
		}
	}
	return nil
}

// checkAttributes refuses duplicate attributes (by name as written and by
// expanded name) and attributes with undeclared prefixes.
func checkAttributes(el *element, attrs []xml.Attr) error {
	written := map[string]bool{}
	expanded := map[xml.Name]bool{}
	for _, a := range attrs {
		name := qualified(a.Name)
		if written[name] {
			return &notWellFormed{fmt.Sprintf("duplicate attribute %s on <%s>", name, el.prefixed)}
		}
		written[name] = true
		if strings.Contains(a.Name.Local, ":") {
			return &notWellFormed{fmt.Sprintf("attribute name %s has more than one colon", name)}
		}
		if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
			continue
		}
		space := ""
		if a.Name.Space != "" {
			var err error
			if space, err = el.resolve(a.Name.Space, false); err != nil {
				return err
			}
		}
		key := xml.Name{Space: space, Local: a.Name.Local}
		if expanded[key] {
			return &notWellFormed{fmt.Sprintf("attribute %s given twice on <%s>", name, el.prefixed)}
		}
		expanded[key] = true
	}
	return nil
}

// resolve gives the namespace URI a prefix is bound to at el. For an
// element the empty prefix is the default namespace; unprefixed attributes
// are never resolved.
func (el *element) resolve(prefix string, isElement bool) (string, error) {
	if strings.Contains(el.local, ":") {
		return "", &notWellFormed{fmt.Sprintf("element name %s has more than one colon", el.prefixed)}
	}
	if prefix == "xml" {
		return xmlNamespaceURI, nil
	}
	for e := el; e != nil; e = e.parent {
		if uri, ok := e.scope[prefix]; ok {
			return uri, nil
		}
	}
	if prefix == "" && isElement {
		return "", nil
	}
	return "", &notWellFormed{fmt.Sprintf("namespace prefix %q is not declared", prefix)}
}

// checkCharRefs refuses character references in raw markup that do not
// name an XML 1.0 Char (encoding/xml replaces a surrogate with U+FFFD) or
// that are written with an upper-case X.
func checkCharRefs(raw []byte) error {
	s := string(raw)
	for {
		i := strings.Index(s, "&#")
		if i < 0 {
			return nil
		}
		s = s[i+2:]
		end := strings.IndexByte(s, ';')
		if end < 0 {
			return &notWellFormed{"unterminated character reference"}
		}
		ref := s[:end]
		if !validCharRef(ref) {
			return &notWellFormed{fmt.Sprintf("character reference &#%s; is not an XML character", ref)}
		}
		s = s[end+1:]
	}
}

func validCharRef(ref string) bool {
	base := 10
	if strings.HasPrefix(ref, "x") {
		base, ref = 16, ref[1:]
	}
	if ref == "" || strings.ContainsAny(ref, "+-_") {
		return false
	}
	n, err := strconv.ParseUint(ref, base, 32)
	return err == nil && isXMLChar(rune(n))
}

// isXMLChar reports whether r is a Char of XML 1.0 (fifth edition).
func isXMLChar(r rune) bool {
	switch {
	case r == 0x9 || r == 0xA || r == 0xD:
		return true
	case r >= 0x20 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD:
		return true
	}
	return r >= 0x10000 && r <= utf8.MaxRune
}
