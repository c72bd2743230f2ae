package wire

import (
	"testing"

	"github.com/stsconform/stsconform/targets/clients/driver"
	"pgregory.net/rapid"
)

var expirationKinds = []string{driver.ExpirationTime, driver.ExpirationEpoch, driver.ExpirationString}

// A client that reads what the reference reads is never found wrong.
func TestFaithfulClientIsClean(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := Responses().Draw(t, "response")
		kind := rapid.SampledFrom(expirationKinds).Draw(t, "kind")
		exp, _ := Read(r.Status, r.Header, r.Body)
		fs := Compare(exp, Faithful(exp, kind))
		if g := Worst(fs); g != "" && g != Note {
			t.Fatalf("%s: faithful reply found %s:\n%s", r.Label(), g, findingLines(fs))
		}
		if kind == driver.ExpirationTime && exp.Valid && len(fs) != 0 && fs[0].Kind != FindRequestIDChoice {
			t.Fatalf("%s: faithful reply of a valid body has findings:\n%s", r.Label(), findingLines(fs))
		}
	})
}

// Changing any one value a faithful client returns is a Divergence.
func TestAlteredValueIsADivergence(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := rapid.OneOf(SuccessResponses(), ErrorResponses()).Draw(t, "response")
		exp, _ := Read(r.Status, r.Header, r.Body)
		reply := Faithful(exp, driver.ExpirationTime)
		field, ok := alter(t, &reply)
		if !ok {
			t.Skip("nothing to alter")
		}
		fs := Compare(exp, reply)
		if Worst(fs) != Divergence {
			t.Fatalf("%s: altered %s, findings:\n%s", r.Label(), field, findingLines(fs))
		}
	})
}

// alter changes one present value of reply and names it.
func alter(t *rapid.T, reply *driver.Reply) (string, bool) {
	var targets []*string
	var names []string
	add := func(name string, p *string) {
		if p != nil {
			targets, names = append(targets, p), append(names, name)
		}
	}
	if reply.Output != nil && reply.Output.Credentials != nil {
		c := reply.Output.Credentials
		add("AccessKeyId", c.AccessKeyID)
		add("SecretAccessKey", c.SecretAccessKey)
		add("SessionToken", c.SessionToken)
		if c.ExpirationKind != driver.ExpirationString {
			add("Expiration", c.Expiration)
		}
	}
	if e := reply.Error; e != nil {
		for name, p := range map[string]*string{"Code": &e.Code, "Message": &e.Message, "RequestId": &e.RequestID} {
			if *p != "" {
				add(name, p)
			}
		}
	}
	if len(targets) == 0 {
		return "", false
	}
	i := rapid.IntRange(0, len(targets)-1).Draw(t, "field")
	v := *targets[i]
	switch names[i] {
	case "Expiration":
		v = "1999-01-01T00:00:00Z"
	default:
		v = rapid.SampledFrom([]string{"", v + "x", v[:len(v)/2]}).Filter(func(s string) bool { return s != v }).Draw(t, "new value")
	}
	*targets[i] = v
	return names[i], true
}
