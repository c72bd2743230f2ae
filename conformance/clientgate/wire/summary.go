package wire

import (
	"fmt"
	"strings"
)

// String prints the credentials' shape: the access key id and the
// Expiration as read, the secrets as their Shape.
func (c Credentials) String() string {
	exp := "absent"
	if c.Expiration != nil {
		exp = fmt.Sprintf("%q (%s)", c.Expiration.Text, c.Expiration.Form)
	}
	return fmt.Sprintf("{AccessKeyId %s, SecretAccessKey %s, SessionToken %s, Expiration %s}",
		show(c.AccessKeyID, false), show(c.SecretAccessKey, true), show(c.SessionToken, true), exp)
}

// GoString prints the shape for %#v too.
func (c Credentials) GoString() string { return c.String() }

// Summary describes what the reference read, on one line and without
// secrets, for divergence messages.
func (e Expected) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s HTTP %d", e.Kind, e.Status)
	switch {
	case e.Reason != "":
		b.WriteString(": " + e.Reason)
	case e.Kind == KindSuccess && e.Credentials == nil:
		b.WriteString(" without Credentials")
	case e.Kind == KindSuccess:
		b.WriteString(" " + e.Credentials.String())
	case e.Kind == KindError && e.Error != nil:
		fmt.Fprintf(&b, " Type %s Code %s Message %s", show(e.Error.Type, false), show(e.Error.Code, false), show(e.Error.Message, false))
	}
	if e.BodyRequestID != nil || e.HeaderRequestID != nil {
		fmt.Fprintf(&b, ", RequestId body %s header %s", show(e.BodyRequestID, false), show(e.HeaderRequestID, false))
	}
	if !e.Valid && (e.Kind == KindSuccess || e.Kind == KindError) {
		b.WriteString(" (not a valid awsQuery answer: an error is acceptable)")
	}
	return b.String()
}
