package wire

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// xmlNamespaceURI is the namespace the xml prefix is bound to.
const xmlNamespaceURI = "http://www.w3.org/XML/1998/namespace"

// element is one element of a parsed body: its expanded name, its direct
// character data and its child elements.
type element struct {
	space, local string
	prefixed     string // the name as written, for matching the end tag
	text         strings.Builder
	children     []*element
	scope        map[string]string // prefix bindings declared here
	parent       *element
}

// notWellFormed is a body that is not well-formed XML 1.0 or not
// namespace-well-formed.
type notWellFormed struct{ reason string }

func (e *notWellFormed) Error() string { return "not well-formed: " + e.reason }

// unjudged is a body the reference does not decide.
type unjudged struct{ reason string }

func (e *unjudged) Error() string { return "unjudged: " + e.reason }

// parser builds the element tree with encoding/xml's RawToken, adding the
// checks RawToken leaves to its caller (matching end tags, namespace
// resolution) and those encoding/xml omits (duplicate attributes, the
// place of the XML declaration, one root, character references to
// surrogates, no text outside the root).
type parser struct {
	body   []byte
	dec    *xml.Decoder
	root   *element
	open   *element
	tokens int
}

// parse reads body into a tree. Its error is a *notWellFormed or an
// *unjudged.
func parse(body []byte) (*element, error) {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")) // a UTF-8 byte order mark
	p := &parser{body: body, dec: xml.NewDecoder(bytes.NewReader(body))}
	for {
		start := p.dec.InputOffset()
		tok, err := p.dec.RawToken()
		if errors.Is(err, io.EOF) {
			return p.finish()
		}
		if err != nil {
			return nil, decoderError(err)
		}
		raw := body[start:p.dec.InputOffset()]
		if err := p.token(tok, raw, start); err != nil {
			return nil, err
		}
		p.tokens++
	}
}

func decoderError(err error) error {
	var syn *xml.SyntaxError
	if errors.As(err, &syn) {
		return &notWellFormed{syn.Msg + fmt.Sprintf(" (line %d)", syn.Line)}
	}
	return &unjudged{err.Error()}
}

func (p *parser) finish() (*element, error) {
	switch {
	case p.open != nil:
		return nil, &notWellFormed{fmt.Sprintf("unexpected end of body: <%s> not closed", p.open.prefixed)}
	case p.root == nil:
		return nil, &notWellFormed{"no root element"}
	}
	return p.root, nil
}

func (p *parser) token(tok xml.Token, raw []byte, offset int64) error {
	switch t := tok.(type) {
	case xml.StartElement:
		return p.start(t, raw)
	case xml.EndElement:
		return p.end(t)
	case xml.CharData:
		return p.charData(t, raw)
	case xml.ProcInst:
		return p.procInst(t, raw, offset)
	case xml.Directive:
		if p.open != nil || p.root != nil || !bytes.HasPrefix(t, []byte("DOCTYPE")) {
			return &notWellFormed{fmt.Sprintf("markup declaration <!%s> where none may be", truncate(string(t), 20))}
		}
		return &unjudged{"document type declaration (DTD)"}
	case xml.Comment:
		return checkChars("comment", t)
	}
	return nil
}

// checkChars refuses bytes that are not UTF-8 or not XML characters in
// markup encoding/xml passes through unchecked (comments, PIs).
func checkChars(where string, b []byte) error {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if (r == utf8.RuneError && n <= 1) || !isXMLChar(r) {
			return &notWellFormed{fmt.Sprintf("%s holds %q, not an XML character", where, b[:max(n, 1)])}
		}
		b = b[n:]
	}
	return nil
}

// xmlDecl is the grammar of an XML declaration's content (XML 1.0 [23]),
// after encoding/xml has dropped the leading whitespace.
var xmlDecl = regexp.MustCompile(`^version[ \t\r\n]*=[ \t\r\n]*("1\.[0-9]+"|'1\.[0-9]+')` +
	`([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*("[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?` +
	`([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*("(yes|no)"|'(yes|no)'))?[ \t\r\n]*$`)

func (p *parser) procInst(t xml.ProcInst, raw []byte, offset int64) error {
	if err := checkChars("processing instruction", t.Inst); err != nil {
		return err
	}
	if after := raw[min(len(raw), 2+len(t.Target)):]; !bytes.HasPrefix(after, []byte("?>")) &&
		(len(after) == 0 || !strings.ContainsRune(" \t\r\n", rune(after[0]))) {
		return &notWellFormed{fmt.Sprintf("no space after the processing instruction target %q", t.Target)}
	}
	if t.Target == "xml" {
		if offset != 0 || p.tokens != 0 {
			return &notWellFormed{"XML declaration not at the start of the body"}
		}
		m := xmlDecl.FindSubmatch(t.Inst)
		if m == nil {
			return &notWellFormed{fmt.Sprintf("malformed XML declaration %q", truncate(string(t.Inst), 60))}
		}
		if enc := bytes.Trim(m[3], `"'`); len(enc) > 0 && !strings.EqualFold(string(enc), "UTF-8") {
			return &unjudged{fmt.Sprintf("encoding %q declared", enc)}
		}
		return nil
	}
	if strings.EqualFold(t.Target, "xml") {
		return &notWellFormed{fmt.Sprintf("reserved processing instruction target %q", t.Target)}
	}
	return nil
}

func (p *parser) charData(t xml.CharData, raw []byte) error {
	if p.open == nil {
		if len(bytes.Trim(t, " \t\r\n")) != 0 {
			return &notWellFormed{"text outside the root element"}
		}
		return nil
	}
	if !bytes.HasPrefix(raw, []byte("<![CDATA[")) {
		if err := checkCharRefs(raw); err != nil {
			return err
		}
	}
	p.open.text.Write(t)
	return nil
}

func (p *parser) end(t xml.EndElement) error {
	name := qualified(t.Name)
	if p.open == nil || p.open.prefixed != name {
		return &notWellFormed{fmt.Sprintf("end tag </%s> does not match the open element", name)}
	}
	p.open = p.open.parent
	return nil
}

func qualified(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}
