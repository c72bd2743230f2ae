package emulator

import (
	"fmt"
	"strings"

	"github.com/stsconform/stsconform/call"
)

// describe summarises an outcome without printing secrets: the shape of
// the credentials (prefix and lengths), not their values.
func describe(o call.Outcome) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s HTTP %d", o.Kind, o.HTTPStatus)
	if e := o.Error; e != nil {
		fmt.Fprintf(&b, " Type=%q Code=%q Message=%q RequestID=%q", e.Type, e.Code, e.Message, e.RequestID)
	}
	if c := o.Credentials; c != nil {
		fmt.Fprintf(&b, " AccessKeyId=%s…(len %d) SecretAccessKey len %d SessionToken len %d Expiration %s (in %s)",
			prefix(c.AccessKeyID, 4), len(c.AccessKeyID), len(c.SecretAccessKey), len(c.SessionToken),
			c.Expiration.Format("2006-01-02T15:04:05.999999999Z07:00"), c.Expiration.Sub(o.Received).Round(1e9))
	}
	return b.String()
}

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}
