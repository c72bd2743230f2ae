package local

import (
	"crypto/rand"
	"encoding/xml"
	"fmt"
	"net/http"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// xmlNamespace is the STS namespace of every response root.
const xmlNamespace = "https://sts.amazonaws.com/doc/2011-06-15/"

// successBody is GetSessionTokenResponse (facts §2.2).
type successBody struct {
	XMLName   xml.Name `xml:"GetSessionTokenResponse"`
	Namespace string   `xml:"xmlns,attr"`
	Result    struct {
		Credentials struct {
			AccessKeyID     string `xml:"AccessKeyId"`
			SecretAccessKey string `xml:"SecretAccessKey"`
			SessionToken    string `xml:"SessionToken"`
			Expiration      string `xml:"Expiration"`
		} `xml:"Credentials"`
		SessionTokenSize        int32 `xml:"SessionTokenSize"`
		SessionTokenUtilization int32 `xml:"SessionTokenUtilization"`
	} `xml:"GetSessionTokenResult"`
	RequestID string `xml:"ResponseMetadata>RequestId"`
}

// errorBody is ErrorResponse (facts §2.4): RequestId is a sibling of Error.
type errorBody struct {
	XMLName   xml.Name `xml:"ErrorResponse"`
	Namespace string   `xml:"xmlns,attr"`
	Error     struct {
		Type    string `xml:"Type"`
		Code    string `xml:"Code"`
		Message string `xml:"Message"`
	} `xml:"Error"`
	RequestID string `xml:"RequestId"`
}

func newSuccessBody(out *sts.GetSessionTokenOutput) *successBody {
	b := &successBody{Namespace: xmlNamespace}
	c := &b.Result.Credentials
	c.AccessKeyID = aws.ToString(out.Credentials.AccessKeyId)
	c.SecretAccessKey = aws.ToString(out.Credentials.SecretAccessKey)
	c.SessionToken = aws.ToString(out.Credentials.SessionToken)
	c.Expiration = aws.ToTime(out.Credentials.Expiration).UTC().Format("2006-01-02T15:04:05Z")
	b.Result.SessionTokenSize = aws.ToInt32(out.SessionTokenSize)
	b.Result.SessionTokenUtilization = aws.ToInt32(out.SessionTokenUtilization)
	return b
}

func writeSuccess(w http.ResponseWriter, requestID string, body *successBody) {
	body.RequestID = requestID
	writeXML(w, http.StatusOK, requestID, body)
}

// writeError sends an ErrorResponse. Text is XML-escaped; characters XML
// cannot carry (NUL, invalid UTF-8) become U+FFFD, so such values are not
// echoed byte for byte.
func writeError(w http.ResponseWriter, requestID string, e *APIError) {
	body := &errorBody{Namespace: xmlNamespace, RequestID: requestID}
	body.Error.Type, body.Error.Code, body.Error.Message = e.Type, e.Code, e.Message
	writeXML(w, e.HTTPStatus, requestID, body)
}

func writeXML(w http.ResponseWriter, status int, requestID string, body any) {
	data, err := xml.Marshal(body)
	if err != nil { // cannot happen: the bodies hold strings and integers only
		http.Error(w, "cannot encode response", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/xml")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("x-amzn-RequestId", requestID)
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// newRequestID returns a random (version 4) UUID.
func newRequestID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails since Go 1.24
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
