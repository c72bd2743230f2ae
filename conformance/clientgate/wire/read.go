package wire

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Element names of the awsQuery GetSessionToken response and error body.
const (
	elemResponse      = "GetSessionTokenResponse"
	elemResult        = "GetSessionTokenResult"
	elemCredentials   = "Credentials"
	elemMetadata      = "ResponseMetadata"
	elemRequestID     = "RequestId"
	elemErrorResponse = "ErrorResponse"
	elemError         = "Error"
)

// Read decides what an XML 1.0 parser reads from one response. It never
// panics. The error is non-nil exactly when Expected.Kind is
// KindNotWellFormed or KindUnjudged, and says why; Expected is filled in
// either way, so it can always be passed to Compare.
func Read(status int, header http.Header, body []byte) (Expected, error) {
	exp := Expected{Status: status, HeaderRequestID: headerRequestID(header)}
	root, err := parse(body)
	var nwf *notWellFormed
	var unj *unjudged
	switch {
	case errors.As(err, &nwf):
		exp.Kind, exp.Reason = KindNotWellFormed, nwf.reason
		return exp, err
	case errors.As(err, &unj):
		exp.Kind, exp.Reason = KindUnjudged, unj.reason
		return exp, err
	}
	err = exp.fill(root)
	if err == nil {
		exp.ForeignValues = foreignValues(root, exp.Kind)
	}
	if err != nil {
		exp = Expected{Status: status, HeaderRequestID: exp.HeaderRequestID, Kind: KindUnjudged, Reason: err.Error()}
		return exp, &unjudged{err.Error()}
	}
	return exp, nil
}

// fill reads the tree into exp. Its error means the reference does not
// judge the body.
func (exp *Expected) fill(root *element) error {
	success := exp.Status >= 200 && exp.Status < 300
	switch {
	case isSTS(root, elemResponse) && success:
		exp.Kind = KindSuccess
		return exp.fillSuccess(root)
	case isSTS(root, elemErrorResponse) && !success:
		exp.Kind = KindError
		return exp.fillError(root)
	case isSTS(root, elemResponse), isSTS(root, elemErrorResponse):
		return fmt.Errorf("%s with HTTP status %d", root.local, exp.Status)
	}
	exp.Kind = KindForeign
	exp.Reason = fmt.Sprintf("root element {%s}%s is not an awsQuery answer", root.space, root.local)
	return nil
}

func (exp *Expected) fillSuccess(root *element) error {
	exp.Valid = true // Credentials is optional in the model; its four members are required
	var err error
	if exp.BodyRequestID, err = textOf(root, elemMetadata, elemRequestID); err != nil {
		return err
	}
	result, err := only(root, elemResult)
	if err != nil || result == nil {
		return err
	}
	creds, err := only(result, elemCredentials)
	if err != nil || creds == nil {
		return err
	}
	c := &Credentials{}
	if err := readMembers(creds, []member{
		{"AccessKeyId", &c.AccessKeyID}, {"SecretAccessKey", &c.SecretAccessKey}, {"SessionToken", &c.SessionToken},
	}); err != nil {
		return err
	}
	expiration, err := textOf(creds, "Expiration")
	if err != nil {
		return err
	}
	if expiration != nil {
		ts := ParseTimestamp(*expiration)
		c.Expiration = &ts
	}
	exp.Credentials = c
	exp.Valid = c.AccessKeyID != nil && c.SecretAccessKey != nil && c.SessionToken != nil &&
		c.Expiration != nil && c.Expiration.Exact()
	return nil
}

func (exp *Expected) fillError(root *element) error {
	var err error
	if exp.BodyRequestID, err = textOf(root, elemRequestID); err != nil {
		return err
	}
	e, err := only(root, elemError)
	if err != nil || e == nil {
		return err
	}
	b := &ErrorBody{}
	if err := readMembers(e, []member{{"Type", &b.Type}, {"Code", &b.Code}, {"Message", &b.Message}}); err != nil {
		return err
	}
	exp.Error = b
	exp.Valid = b.Code != nil && *b.Code != ""
	return nil
}

// member is a string member to read: its element name and where it goes.
type member struct {
	local string
	dst   **string
}

func readMembers(parent *element, members []member) error {
	for _, m := range members {
		var err error
		if *m.dst, err = textOf(parent, m.local); err != nil {
			return err
		}
	}
	return nil
}

// isSTS reports whether el is the STS element local (see the package doc
// on namespaces).
func isSTS(el *element, local string) bool {
	return el.local == local && (el.space == Namespace || el.space == "")
}

// only returns the one STS child named local, nil if there is none, or an
// error if there are several.
func only(parent *element, local string) (*element, error) {
	var found *element
	for _, c := range parent.children {
		if !isSTS(c, local) {
			continue
		}
		if found != nil {
			return nil, fmt.Errorf("element %s given twice", local)
		}
		found = c
	}
	return found, nil
}

// textOf follows path from parent and returns the text of the element it
// ends at, or nil if some element on the way is absent.
func textOf(parent *element, path ...string) (*string, error) {
	el := parent
	for _, local := range path {
		next, err := only(el, local)
		if err != nil || next == nil {
			return nil, err
		}
		el = next
	}
	if len(el.children) != 0 {
		return nil, fmt.Errorf("member %s has child elements", el.local)
	}
	s := el.text.String()
	return &s, nil
}

// headerRequestID returns the request id header, matched case-insensitively
// whether or not header's keys are canonical.
func headerRequestID(header http.Header) *string {
	for k, v := range header {
		if strings.EqualFold(k, RequestIDHeader) && len(v) > 0 {
			s := v[0]
			return &s
		}
	}
	return nil
}
