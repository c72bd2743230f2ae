package wire

import (
	"fmt"
	"strings"
	"time"

	"github.com/stsconform/stsconform/targets/clients/driver"
)

// Faithful returns the reply of a client that reads exactly what the
// reference reads: the error's fields, the credential strings, and an
// Expiration held as kind (driver.ExpirationTime, ExpirationEpoch or
// ExpirationString) when it is a zoned date-time, as a naive date-time when
// it has no zone, and as the string otherwise. Compare finds in it at most
// the Notes its kind implies (an Expiration kept as a string). The gate's
// own tests use it as the client that must be reported clean.
func Faithful(exp Expected, kind string) driver.Reply {
	switch exp.Kind {
	case KindSuccess:
		out := &driver.Output{}
		if c := exp.Credentials; c != nil {
			out.Credentials = &driver.OutputCredentials{AccessKeyID: clone(c.AccessKeyID), SecretAccessKey: clone(c.SecretAccessKey), SessionToken: clone(c.SessionToken)}
			if c.Expiration != nil {
				out.Credentials.Expiration, out.Credentials.ExpirationKind = renderExpiration(*c.Expiration, kind)
			}
		}
		return driver.Reply{Phase: driver.PhaseParsed, Output: out}
	case KindError:
		e := &driver.Error{Kind: driver.KindService, HTTPStatus: exp.Status}
		if b := exp.Error; b != nil {
			e.Code, e.Message, e.Fault = deref(b.Code), deref(b.Message), deref(b.Type)
		}
		if ids := exp.RequestIDs(); len(ids) > 0 {
			e.RequestID = ids[0]
		}
		return driver.Reply{Phase: driver.PhaseError, Error: e}
	}
	return driver.Reply{Phase: driver.PhaseError, Error: &driver.Error{Kind: driver.KindParse, Message: exp.Reason}}
}

// renderExpiration renders ts as PROTOCOL.md asks for kind.
func renderExpiration(ts Timestamp, kind string) (*string, string) {
	switch {
	case ts.Form == FormNaive:
		s := strings.TrimSuffix(ts.Instant.Format(time.RFC3339Nano), "Z")
		return &s, driver.ExpirationNaive
	case kind == driver.ExpirationString || ts.Form != FormDateTime:
		return clone(&ts.Text), driver.ExpirationString
	case kind == driver.ExpirationEpoch:
		s := epochString(ts.Instant)
		return &s, kind
	}
	s := ts.Instant.UTC().Format(time.RFC3339Nano)
	return &s, driver.ExpirationTime
}

// epochString writes seconds since 1970, with the fraction's digits
// when there is one (instants after 1970 only).
func epochString(t time.Time) string {
	if t.Nanosecond() == 0 {
		return fmt.Sprint(t.Unix())
	}
	return fmt.Sprintf("%d.%s", t.Unix(), strings.TrimRight(fmt.Sprintf("%09d", t.Nanosecond()), "0"))
}

// clone copies *s, so a reply never shares memory with an Expected.
func clone(s *string) *string {
	if s == nil {
		return nil
	}
	c := *s
	return &c
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
