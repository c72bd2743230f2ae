package fakests

import (
	"crypto/rand"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

const namespace = "https://sts.amazonaws.com/doc/2011-06-15/"

func xmlEscapeTo(w io.Writer, s string) error { return xml.EscapeText(w, []byte(s)) }

// writeError sends an awsQuery ErrorResponse of type Sender.
func writeError(w http.ResponseWriter, status int, code, message string) {
	id := requestID()
	writeXML(w, status, id, fmt.Sprintf(`<ErrorResponse xmlns="%s"><Error><Type>Sender</Type><Code>%s</Code>`+
		`<Message>%s</Message></Error><RequestId>%s</RequestId></ErrorResponse>`, namespace, code, xmlEscape(message), id))
}

// writeIdentity answers GetCallerIdentity for c.
func writeIdentity(w http.ResponseWriter, c Credentials) {
	id := requestID()
	userID := strings.TrimPrefix(c.AccessKeyID, "AKIA")
	if c.Arn == "arn:aws:iam::"+Account+":root" {
		userID = Account
	}
	writeXML(w, http.StatusOK, id, fmt.Sprintf(`<GetCallerIdentityResponse xmlns="%s"><GetCallerIdentityResult>`+
		`<Arn>%s</Arn><UserId>%s</UserId><Account>%s</Account></GetCallerIdentityResult>`+
		`<ResponseMetadata><RequestId>%s</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
		namespace, xmlEscape(c.Arn), xmlEscape(userID), Account, id))
}

func writeXML(w http.ResponseWriter, status int, id, body string) {
	w.Header().Set("Content-Type", "text/xml")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Header().Set("x-amzn-RequestId", id)
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

func requestID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails since Go 1.24
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
