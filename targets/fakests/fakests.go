// Package fakests is a loopback STS for tests of the aws target: the
// suite's own STS library (targets/local) behind a front that really
// verifies SigV4 signatures, with the SDK's signer, for credentials of its
// own (an IAM user, the root user, a session with its token). It refuses a
// wrong secret with SignatureDoesNotMatch and an unknown key with
// InvalidClientTokenId, answers GetCallerIdentity, enforces MFA with real
// TOTP codes (a code is accepted once, as AWS does), and answers Throttling
// on demand. Every credential and the MFA secret are random per server.
package fakests

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"encoding/base64"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/targets/local"
)

// Account is the account id of every identity (AWS's documentation example).
const Account = "111122223333"

// Credentials are the keys of one identity the server knows.
type Credentials struct {
	Kind            call.CallerKind
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string // set for call.Session only
	Arn             string
}

// Server is a running fake STS. It is safe for concurrent use.
type Server struct {
	listener net.Listener
	server   *http.Server
	creds    map[string]Credentials // by access key id
	device   call.Device
	inner    http.Handler
	throttle atomic.Int64 // requests still to answer with Throttling
	expired  atomic.Bool  // answer ExpiredToken to session credentials
	calls    atomic.Int64
	used     sync.Map // "serial\x00code" → time.Time it was accepted
}

// Start serves a fake STS on a free loopback port.
func Start() (*Server, error) {
	s := &Server{creds: map[string]Credentials{}, device: call.Device{
		Serial: "arn:aws:iam::" + Account + ":mfa/fakests",
		Secret: randomBytes(20),
	}}
	var opts []local.Option
	for _, kind := range call.CallerKinds {
		c := newCredentials(kind)
		s.creds[c.AccessKeyID] = c
		opts = append(opts, local.WithIdentity(local.Identity{AccessKeyID: c.AccessKeyID, Kind: kind, Devices: []call.Device{s.device}}))
	}
	s.inner = local.NewHandler(local.New(opts...))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s.listener = ln
	s.server = &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = s.server.Serve(ln) }()
	return s, nil
}

func newCredentials(kind call.CallerKind) Credentials {
	c := Credentials{Kind: kind, SecretAccessKey: base64.StdEncoding.EncodeToString(randomBytes(30))}
	id := base32.StdEncoding.EncodeToString(randomBytes(10))
	switch kind {
	case call.User:
		c.AccessKeyID, c.Arn = "AKIA"+id, "arn:aws:iam::"+Account+":user/fakests"
	case call.Root:
		c.AccessKeyID, c.Arn = "AKIA"+id, "arn:aws:iam::"+Account+":root"
	case call.Session:
		c.AccessKeyID, c.Arn = "ASIA"+id, "arn:aws:sts::"+Account+":assumed-role/fakests/session"
		c.SessionToken = "IQoJb3JpZ2lu" + base64.StdEncoding.EncodeToString(randomBytes(240))
	}
	return c
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b) // never fails since Go 1.24
	return b
}

// URL is the server's base URL.
func (s *Server) URL() string { return "http://" + s.listener.Addr().String() }

// Close stops the server, cutting calls still in flight after a second.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := s.server.Shutdown(ctx); err != nil {
		return s.server.Close()
	}
	return nil
}

// Credentials returns the keys of the identity of a caller kind.
func (s *Server) Credentials(kind call.CallerKind) Credentials {
	for _, c := range s.creds {
		if c.Kind == kind {
			return c
		}
	}
	return Credentials{}
}

// Device is the virtual MFA device of every identity.
func (s *Server) Device() call.Device { return s.device }

// Throttle makes the next n requests answer 400 Throttling.
func (s *Server) Throttle(n int) { s.throttle.Store(int64(n)) }

// ExpireSessions makes requests signed with session credentials answer
// ExpiredToken.
func (s *Server) ExpireSessions() { s.expired.Store(true) }

// Calls is how many requests the server received.
func (s *Server) Calls() int { return int(s.calls.Load()) }
