package rawwire

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// Properties every sound awsQuery server has, whatever it is sent.
const (
	// PropAnswers: an HTTP answer arrives within the timeout, with a body
	// of at most the bound (no dropped connection, no hang).
	PropAnswers = "answers"
	// PropNo5xx: a request is never answered with a 5xx, since none of
	// these is the server's fault.
	PropNo5xx = "no-5xx"
	// PropXML: the answer is a well-formed awsQuery document: 2xx with a
	// GetSessionTokenResponse holding credentials and a RequestId, or an
	// error status with an ErrorResponse holding Error/Type, Error/Code,
	// Error/Message and RequestId.
	PropXML = "awsquery-xml"
	// PropRejects: a request malformed whatever parser reads it gets a 4xx.
	PropRejects = "rejects-malformed"
)

// Properties lists every property with what it means.
func Properties() map[string]string {
	return map[string]string{
		PropAnswers: "an HTTP answer within the timeout, body within the bound: no dropped connection, no hang",
		PropNo5xx:   "never a 5xx: a malformed request is the client's fault",
		PropXML:     "2xx with GetSessionTokenResponse (Credentials, RequestId) or an error status with ErrorResponse (Error/Type, Error/Code, Error/Message, RequestId)",
		PropRejects: "a request malformed under any parser (e.g. DurationSeconds=abc, missing Action) gets a 4xx",
	}
}

// violation is one property a response breaks, and how.
type violation struct {
	Property string
	Detail   string
}

// judge lists the properties a response to r breaks.
func judge(r Request, resp response) []violation {
	if resp.Err != nil {
		return []violation{{PropAnswers, resp.Err.Error()}}
	}
	var out []violation
	if resp.Status >= 500 {
		out = append(out, violation{PropNo5xx, fmt.Sprintf("HTTP %d", resp.Status)})
	}
	if _, err := parse(resp); err != nil {
		out = append(out, violation{PropXML, err.Error()})
	}
	if r.MustReject && resp.Status < 400 {
		out = append(out, violation{PropRejects, fmt.Sprintf("HTTP %d to %s", resp.Status, rejectReason(r))})
	}
	return out
}

// answer is the parsed awsQuery document: Code is empty on success.
type answer struct {
	Success bool
	Code    string
}

type errorDoc struct {
	Error struct {
		Type    *string `xml:"Type"`
		Code    *string `xml:"Code"`
		Message *string `xml:"Message"`
	} `xml:"Error"`
	RequestID *string `xml:"RequestId"`
}

type successDoc struct {
	Result struct {
		Credentials *struct {
			AccessKeyID     *string `xml:"AccessKeyId"`
			SecretAccessKey *string `xml:"SecretAccessKey"`
			SessionToken    *string `xml:"SessionToken"`
			Expiration      *string `xml:"Expiration"`
		} `xml:"Credentials"`
	} `xml:"GetSessionTokenResult"`
	RequestID *string `xml:"ResponseMetadata>RequestId"`
}

// parse checks the body against the status: success document on 2xx,
// error document on an error status.
func parse(resp response) (answer, error) {
	root, err := rootOf(resp.Body)
	if err != nil {
		return answer{}, err
	}
	switch {
	case resp.Status >= 200 && resp.Status < 300:
		return answer{Success: true}, parseSuccess(root, resp.Body)
	case resp.Status >= 400:
		code, err := parseError(root, resp.Body)
		return answer{Code: code}, err
	}
	return answer{}, fmt.Errorf("HTTP %d is neither a success nor an error status", resp.Status)
}

// rootOf reads the whole document and returns its root element's name.
func rootOf(body []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	root := ""
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) && root != "" {
			return root, nil
		}
		if err != nil {
			return "", fmt.Errorf("not well-formed XML: %v", err)
		}
		if start, ok := tok.(xml.StartElement); ok && root == "" {
			root = start.Name.Local
		}
	}
}

func parseSuccess(root string, body []byte) error {
	if root != "GetSessionTokenResponse" {
		return fmt.Errorf("2xx with root <%s>, not <GetSessionTokenResponse>", root)
	}
	var doc successDoc
	if err := xml.Unmarshal(body, &doc); err != nil {
		return err
	}
	c := doc.Result.Credentials
	if c == nil || c.AccessKeyID == nil || c.SecretAccessKey == nil || c.SessionToken == nil || c.Expiration == nil {
		return errors.New("GetSessionTokenResponse without GetSessionTokenResult/Credentials{AccessKeyId, SecretAccessKey, SessionToken, Expiration}")
	}
	if doc.RequestID == nil {
		return errors.New("GetSessionTokenResponse without ResponseMetadata/RequestId")
	}
	return nil
}

func parseError(root string, body []byte) (string, error) {
	if root != "ErrorResponse" {
		return "", fmt.Errorf("error status with root <%s>, not <ErrorResponse>", root)
	}
	var doc errorDoc
	if err := xml.Unmarshal(body, &doc); err != nil {
		return "", err
	}
	e := doc.Error
	code := ""
	if e.Code != nil {
		code = *e.Code
	}
	var missing []string
	for name, v := range map[string]*string{"Error/Type": e.Type, "Error/Code": e.Code, "Error/Message": e.Message, "RequestId": doc.RequestID} {
		if v == nil {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 || code == "" {
		return code, fmt.Errorf("ErrorResponse without %v (or with an empty Code)", sorted(missing))
	}
	return code, nil
}

// outcome normalises a response for comparing targets: "success",
// "HTTP 400 InvalidAction" (the status and the ErrorResponse's Code, even
// when the document lacks other fields), "HTTP 500 (not awsQuery)", "no
// answer".
func outcome(resp response) string {
	if resp.Err != nil {
		return "no answer"
	}
	a, err := parse(resp)
	switch {
	case a.Code != "": // an ErrorResponse, complete or not
		return fmt.Sprintf("HTTP %d %s", resp.Status, a.Code)
	case err != nil:
		return fmt.Sprintf("HTTP %d (not awsQuery)", resp.Status)
	}
	return "success"
}
