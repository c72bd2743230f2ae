package rawwire

import (
	"fmt"
	"strings"

	"github.com/stsconform/stsconform/conformance/report"
)

// dumpBytes bounds the body excerpt of a dump.
const dumpBytes = 300

// DumpOf describes a request as sent to an endpoint (signature headers
// left out).
func DumpOf(ep Endpoint, r Request) report.RawRequest {
	target := "/"
	if q := r.Query(); q != "" {
		target += "?" + q
	}
	headers := []string{"Authorization: AWS4-HMAC-SHA256 Credential=" + ep.AccessKeyID + "/…/" + ep.region() + "/sts/aws4_request, …"}
	if r.ContentType != "" {
		headers = append([]string{"Content-Type: " + r.ContentType}, headers...)
	}
	d := report.RawRequest{Method: r.Method, Target: excerpt([]byte(target), dumpBytes), Headers: headers, Bytes: len(r.Body())}
	if d.Bytes > 0 {
		d.Body = excerpt(r.Body(), dumpBytes)
	}
	return d
}

// Curl is a command that sends the same request again, signed by curl;
// the secret comes from $AWS_SECRET_ACCESS_KEY. Non-printable bodies are
// written with printf, oversized ones generated with head and tr.
func Curl(ep Endpoint, r Request) string {
	url := strings.TrimSuffix(ep.URL, "/") + "/"
	if q := r.Query(); q != "" {
		url += "?" + q
	}
	cmd := fmt.Sprintf("curl -sS -g -X %s %s --aws-sigv4 'aws:amz:%s:sts' --user %s:\"$AWS_SECRET_ACCESS_KEY\" -H %s",
		r.Method, quote(url), ep.region(), quote(ep.AccessKeyID), quote("Content-Type: "+r.ContentType))
	if r.ContentType == "" {
		cmd = strings.TrimSuffix(cmd, quote("Content-Type: ")) + quote("Content-Type:") // removes curl's default
	}
	if r.Method == "GET" {
		return cmd
	}
	prefix := encode(r.Params)
	switch {
	case r.PadBytes > 0:
		return fmt.Sprintf("{ printf '%%s' %s; head -c %d /dev/zero | tr '\\0' x; } | %s --data-binary @-",
			quote(join(prefix, padKey+"=")), r.PadBytes, cmd)
	case printable(prefix):
		return cmd + " --data-raw " + quote(prefix)
	}
	return fmt.Sprintf("printf %s | %s --data-binary @-", quote(printfEscape(prefix)), cmd)
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// printfEscape writes a printf format giving exactly s: non-printable
// bytes as octal escapes, % and \ doubled.
func printfEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '%':
			b.WriteString("%%")
		case c == '\\':
			b.WriteString(`\\`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\%03o`, c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
