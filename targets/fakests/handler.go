package fakests

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"time"

	"github.com/stsconform/stsconform/conformance/totp"
)

// maxBody bounds the request body the server reads.
const maxBody = 1 << 20

// ServeHTTP answers one request: throttling first when asked, then the
// signature check, then GetCallerIdentity or the local STS library.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.calls.Add(1)
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil || len(body) > maxBody {
		writeError(w, http.StatusRequestEntityTooLarge, "RequestEntityTooLarge", "Request body too large or unreadable.")
		return
	}
	if s.takeThrottle() {
		writeError(w, http.StatusBadRequest, "Throttling", "Rate exceeded")
		return
	}
	c, known, aerr := s.authenticate(r, body)
	if aerr != nil {
		aerr.write(w)
		return
	}
	params := requestParams(r, body)
	if known && params.Get("Action") == "GetCallerIdentity" {
		writeIdentity(w, c)
		return
	}
	s.forward(w, r, params, body)
}

// takeThrottle reports whether this request is to be throttled.
func (s *Server) takeThrottle() bool {
	for {
		n := s.throttle.Load()
		if n <= 0 {
			return false
		}
		if s.throttle.CompareAndSwap(n, n-1) {
			return true
		}
	}
}

// requestParams reads the query string and a form body.
func requestParams(r *http.Request, body []byte) url.Values {
	params, _ := url.ParseQuery(r.URL.RawQuery)
	if form, err := url.ParseQuery(string(body)); err == nil && r.Method == http.MethodPost {
		for k, v := range form {
			params[k] = v
		}
	}
	return params
}

// forward hands the request to the STS library. A code already accepted
// for the device within its window is replaced by a wrong code of the same
// shape, so the library refuses it as AWS refuses a reused code.
func (s *Server) forward(w http.ResponseWriter, r *http.Request, params url.Values, body []byte) {
	serial, code := params.Get("SerialNumber"), params.Get("TokenCode")
	mfa := params.Has("SerialNumber") && params.Has("TokenCode") && serial == s.device.Serial
	key := serial + "\x00" + code
	if at, ok := s.used.Load(key); mfa && ok && time.Since(at.(time.Time)) < 3*totp.Step {
		params.Set("TokenCode", s.wrongCode())
		if r.Method == http.MethodPost {
			body, r.URL.RawQuery = []byte(params.Encode()), ""
		} else {
			r.URL.RawQuery = params.Encode()
		}
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	rec := httptest.NewRecorder()
	s.inner.ServeHTTP(rec, r)
	if mfa && rec.Code == http.StatusOK {
		s.used.Store(key, time.Now())
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// wrongCode is six digits that are not a valid code of the device now.
func (s *Server) wrongCode() string {
	for _, c := range []string{"000000", "111111", "222222", "333333"} {
		if !totp.Valid(s.device.Secret, c, time.Now()) {
			return c
		}
	}
	return "444444"
}

// xmlEscape escapes text for an XML element.
func xmlEscape(s string) string {
	var b strings.Builder
	_ = xmlEscapeTo(&b, s)
	return b.String()
}
