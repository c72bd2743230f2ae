package wire

import (
	"fmt"
	"strings"

	"pgregory.net/rapid"
)

// textEncoder writes a value as element content so that an XML parser
// reads back exactly the value, using the encodings features allow.
type textEncoder struct {
	t *rapid.T
	f features
	b strings.Builder
}

// encodeText returns markup whose character data is value.
func encodeText(t *rapid.T, f features, value string) string {
	e := &textEncoder{t: t, f: f}
	runes := []rune(value)
	for i := 0; i < len(runes); {
		e.between()
		n := rapid.IntRange(1, max(1, len(runes)-i)).Draw(t, "segment")
		e.segment(runes[i : i+n])
		i += n
	}
	e.between()
	return e.b.String()
}

// between optionally writes a comment or processing instruction, which an
// XML parser drops from character data.
func (e *textEncoder) between() {
	if e.f.comments && rapid.IntRange(0, 3).Draw(e.t, "comment?") == 0 {
		e.b.WriteString(rapid.SampledFrom([]string{"<!--c-->", "<!---->", "<!-- <x>&amp; -->", "<!--\n-->"}).Draw(e.t, "comment"))
	}
	if e.f.pis && rapid.IntRange(0, 3).Draw(e.t, "pi?") == 0 {
		e.b.WriteString(rapid.SampledFrom([]string{"<?pi?>", "<?pi data?>", "<?x-y <a> & ?>"}).Draw(e.t, "pi"))
	}
}

// segment writes runes in one mode: plain text, CDATA or references.
func (e *textEncoder) segment(runes []rune) {
	modes := []string{"plain"}
	if e.f.cdata && !strings.ContainsRune(string(runes), '\r') {
		modes = append(modes, "cdata")
	}
	if e.f.charRefs || e.f.entities {
		modes = append(modes, "refs")
	}
	switch rapid.SampledFrom(modes).Draw(e.t, "mode") {
	case "cdata":
		// "]]>" cannot appear inside: split it across two sections.
		body := strings.ReplaceAll(string(runes), "]]>", "]]]]><![CDATA[>")
		e.b.WriteString("<![CDATA[" + body + "]]>")
	case "refs":
		for _, r := range runes {
			e.b.WriteString(e.reference(r))
		}
	default:
		for _, r := range runes {
			e.plain(r)
		}
	}
}

// plain writes r as text, escaping what must be escaped.
func (e *textEncoder) plain(r rune) {
	switch {
	case r == '<' || r == '&':
		e.b.WriteString(map[rune]string{'<': "&lt;", '&': "&amp;"}[r])
	case r == '>' && strings.HasSuffix(e.b.String(), "]]"):
		e.b.WriteString("&gt;")
	case r == '\r':
		e.b.WriteString("&#13;") // a literal CR would read as LF
	case r == '\n' && strings.HasSuffix(e.b.String(), "\r"):
		e.b.WriteString("&#10;") // a literal LF would join the CR before it
	case r == '\n' && e.f.crlf && rapid.Bool().Draw(e.t, "crlf"):
		e.b.WriteString(rapid.SampledFrom([]string{"\r\n", "\r"}).Draw(e.t, "line end"))
	default:
		e.b.WriteRune(r)
	}
}

// reference writes r as a predefined entity or a character reference.
func (e *textEncoder) reference(r rune) string {
	var choices []string
	if e.f.entities {
		if name, ok := map[rune]string{'&': "amp", '<': "lt", '>': "gt", '"': "quot", '\'': "apos"}[r]; ok {
			choices = append(choices, "&"+name+";")
		}
	}
	if e.f.charRefs || len(choices) == 0 {
		choices = append(choices, fmt.Sprintf("&#%d;", r), fmt.Sprintf("&#x%X;", r),
			fmt.Sprintf("&#x%x;", r), fmt.Sprintf("&#x00%X;", r), fmt.Sprintf("&#0%d;", r))
	}
	return rapid.SampledFrom(choices).Draw(e.t, "reference")
}
