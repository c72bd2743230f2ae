package local

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"
)

// HTTPServer is a Service served over HTTP on a loopback port.
type HTTPServer struct {
	url       string
	server    *http.Server
	served    chan error
	closeOnce sync.Once
	closeErr  error
}

// StartHTTP serves NewHandler(svc) on 127.0.0.1 at a free port.
func StartHTTP(svc *Service) (*HTTPServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &HTTPServer{
		url: "http://" + ln.Addr().String(),
		server: &http.Server{
			Handler:           NewHandler(svc),
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       30 * time.Second,
			WriteTimeout:      30 * time.Second,
			IdleTimeout:       time.Minute,
			MaxHeaderBytes:    64 << 10,
		},
		served: make(chan error, 1),
	}
	go func() { s.served <- s.server.Serve(ln) }()
	return s, nil
}

// URL is the server's base URL, e.g. http://127.0.0.1:41234.
func (s *HTTPServer) URL() string { return s.url }

// Close shuts the server down, waiting briefly for calls in flight, then
// cuts what remains. Later calls return the first result.
func (s *HTTPServer) Close() error {
	s.closeOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if err := s.server.Shutdown(ctx); err != nil {
			s.closeErr = errors.Join(err, s.server.Close())
		}
		if err := <-s.served; !errors.Is(err, http.ErrServerClosed) {
			s.closeErr = errors.Join(s.closeErr, err)
		}
	})
	return s.closeErr
}
