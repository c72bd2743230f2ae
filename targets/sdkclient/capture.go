package sdkclient

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"strconv"
)

// captured holds the raw body and headers of the last response of one
// call, so that what the SDK does not expose (the error Type, headers, the
// root's namespace) can be read.
type captured struct {
	body   []byte
	header http.Header
}

type captureKey struct{}

func withCapture(ctx context.Context) (context.Context, *captured) {
	c := &captured{}
	return context.WithValue(ctx, captureKey{}, c), c
}

// errorType reads Error/Type from an awsQuery ErrorResponse body (the SDK
// has checked the body's shape when it read the code). Type comes before
// Message, so the first <Type> is the error's.
func (c *captured) errorType() string {
	if c == nil {
		return ""
	}
	_, rest, ok := bytes.Cut(c.body, []byte("<Type>"))
	if !ok {
		return ""
	}
	value, _, ok := bytes.Cut(rest, []byte("</Type>"))
	if !ok {
		return ""
	}
	return string(value)
}

// bodyRequestID reads ErrorResponse/RequestId from the body, "" if none.
func (c *captured) bodyRequestID() string {
	var e struct {
		RequestID string `xml:"RequestId"`
	}
	if c == nil || xml.Unmarshal(c.body, &e) != nil {
		return ""
	}
	return e.RequestID
}

// wellFormed checks that a body is XML whose root is the given element: the
// SDK reads an empty or foreign body as a success with no credentials, or
// as an "UnknownError", neither of which is a usable answer.
func (c *captured) wellFormed(root string) error {
	dec := xml.NewDecoder(bytes.NewReader(c.body))
	for {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("unparsable body %s: %v", c.excerpt(), err)
		}
		if start, ok := tok.(xml.StartElement); ok {
			if start.Name.Local != root {
				return fmt.Errorf("body with root <%s>, not <%s>: %s", start.Name.Local, root, c.excerpt())
			}
			for {
				if _, err := dec.Token(); err == io.EOF {
					return nil
				} else if err != nil {
					return fmt.Errorf("malformed body %s: %v", c.excerpt(), err)
				}
			}
		}
	}
}

func (c *captured) excerpt() string {
	if c == nil {
		return `""`
	}
	b := c.body
	if len(b) > 200 {
		return strconv.Quote(string(b[:200])) + "…"
	}
	return strconv.Quote(string(b))
}

// boundedTransport reads each response body whole, up to max bytes, and
// fails the call beyond that: a target answering with a huge body is
// reported instead of exhausting memory.
type boundedTransport struct {
	next http.RoundTripper
	max  int64
}

// CloseIdleConnections closes the idle connections of the transport below.
func (b *boundedTransport) CloseIdleConnections() {
	if c, ok := b.next.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

func (b *boundedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := b.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, b.max+1))
	if err != nil {
		return nil, fmt.Errorf("reading response body: %w", err)
	}
	if int64(len(data)) > b.max {
		return nil, fmt.Errorf("response body larger than %d bytes", b.max)
	}
	if c, ok := req.Context().Value(captureKey{}).(*captured); ok {
		c.body, c.header = data, resp.Header.Clone()
	}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	resp.ContentLength = int64(len(data))
	return resp, nil
}
