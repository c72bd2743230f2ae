package sdkclient

import (
	"bytes"
	"encoding/xml"
	"net/http"

	"github.com/stsconform/stsconform/call"
)

// envelope reads the root of an awsQuery body and its RequestId, wherever
// the root puts it.
type envelope struct {
	XMLName   xml.Name
	RequestID string `xml:"RequestId"`                  // ErrorResponse
	Metadata  string `xml:"ResponseMetadata>RequestId"` // GetSessionTokenResponse
}

// wire describes the captured response's envelope (nil when nothing was
// captured).
func (c *captured) wire() *call.Wire {
	if c == nil || c.header == nil {
		return nil
	}
	w := &call.Wire{ContentType: c.header.Get("Content-Type")}
	if v, ok := c.header[http.CanonicalHeaderKey("x-amzn-RequestId")]; ok && len(v) > 0 {
		id := v[0]
		w.RequestIDHeader = &id
	}
	var env envelope
	if err := xml.NewDecoder(bytes.NewReader(c.body)).Decode(&env); err == nil {
		w.Root, w.Namespace = env.XMLName.Local, env.XMLName.Space
		w.BodyRequestID = env.RequestID
		if env.Metadata != "" {
			w.BodyRequestID = env.Metadata
		}
	}
	return w
}
