package clientgate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Answer is one scripted HTTP response.
type Answer struct {
	Status int
	Header http.Header
	Body   []byte
}

// Arrival is one request as it reached the scripted server.
type Arrival struct {
	Method, Path, RawQuery, Host string
	Header                       http.Header
	Body                         []byte
	// Truncated is set when the body was longer than the server reads.
	Truncated bool
}

// Exchange is one case's script on the server: the answers it gives, in
// order (the last one repeats), and the requests that arrived for it.
type Exchange struct {
	// AccessKeyID identifies the case's requests: each case signs with
	// its own access key id.
	AccessKeyID string
	answers     []Answer
	mu          sync.Mutex
	arrivals    []Arrival
	ambiguous   bool
}

// Ambiguous reports that while the case was open a request arrived that
// the server could not route: no open case's access key id, and another
// case open too. The case's arrivals may then lack a request of its own.
func (e *Exchange) Ambiguous() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.ambiguous
}

// Arrivals returns the requests that arrived so far.
func (e *Exchange) Arrivals() []Arrival {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]Arrival(nil), e.arrivals...)
}

func (e *Exchange) record(a Arrival) Answer {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.arrivals = append(e.arrivals, a)
	return e.answers[min(len(e.arrivals), len(e.answers))-1]
}

// Server is the scripted loopback awsQuery server. It routes each request
// to its case by the access key id in its Authorization header. A request
// without one of an open case goes to the only open case; when several are
// open it is kept as a stray and every open case is marked Ambiguous. A
// request for a closed case is a stray.
type Server struct {
	url    string
	srv    *http.Server
	served chan error
	next   atomic.Int64
	mu     sync.Mutex
	open   map[string]*Exchange
	closed map[string]bool
	stray  []Arrival
	once   sync.Once
	err    error
}

// maxBody is how much of a request body the server reads.
const maxBody = 4 << 20

// StartServer serves on a free loopback port; Close stops it.
func StartServer() (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Server{url: "http://" + ln.Addr().String(), open: map[string]*Exchange{}, closed: map[string]bool{}, served: make(chan error, 1)}
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	go func() { s.served <- s.srv.Serve(ln) }()
	return s, nil
}

// URL is the endpoint clients are pointed at.
func (s *Server) URL() string { return s.url }

// Open scripts a new case: its answers, in order.
func (s *Server) Open(answers ...Answer) *Exchange {
	if len(answers) == 0 {
		panic("clientgate: a case needs at least one answer")
	}
	e := &Exchange{AccessKeyID: fmt.Sprintf("AKIASTSCONFORM%06d", s.next.Add(1)%1000000), answers: answers}
	s.mu.Lock()
	s.open[e.AccessKeyID] = e
	s.mu.Unlock()
	return e
}

// Done closes a case: later requests for it are strays.
func (s *Server) Done(e *Exchange) {
	s.mu.Lock()
	delete(s.open, e.AccessKeyID)
	s.closed[e.AccessKeyID] = true
	s.mu.Unlock()
}

// Strays returns the requests no case claimed.
func (s *Server) Strays() []Arrival {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Arrival(nil), s.stray...)
}

// ServeHTTP records the request and answers from its case's script.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	a := Arrival{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Host: r.Host,
		Header: r.Header.Clone(), Body: body, Truncated: len(body) > maxBody || err != nil}
	e := s.route(r.Header.Get("Authorization"))
	if e == nil {
		s.mu.Lock()
		s.stray = append(s.stray, a)
		s.mu.Unlock()
		http.Error(w, "no case for this request", http.StatusTeapot)
		return
	}
	ans := e.record(a)
	for k, vs := range ans.Header {
		w.Header()[k] = vs
	}
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "text/xml")
	}
	w.WriteHeader(ans.Status)
	_, _ = w.Write(ans.Body)
}

func (s *Server) route(auth string) *Exchange {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := accessKeyOf(auth)
	if e := s.open[key]; e != nil {
		return e
	}
	if s.closed[key] {
		return nil
	}
	if len(s.open) == 1 {
		for _, e := range s.open {
			return e
		}
	}
	for _, e := range s.open {
		e.mu.Lock()
		e.ambiguous = true
		e.mu.Unlock()
	}
	return nil
}

// accessKeyOf reads the access key id from a SigV4 Authorization header.
func accessKeyOf(auth string) string {
	_, rest, ok := strings.Cut(auth, "Credential=")
	if !ok {
		return ""
	}
	key, _, _ := strings.Cut(rest, "/")
	return key
}

// Close stops the server, cutting connections still open. Later calls
// return the first result.
func (s *Server) Close() error {
	s.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if err := s.srv.Shutdown(ctx); err != nil {
			s.err = errors.Join(err, s.srv.Close())
		}
		if serr := <-s.served; !errors.Is(serr, http.ErrServerClosed) {
			s.err = errors.Join(s.err, serr)
		}
	})
	return s.err
}
