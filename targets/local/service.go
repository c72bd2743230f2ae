// Package local is the suite's own in-process implementation of AWS STS
// GetSessionToken, written to follow the recorded AWS behaviour
// (docs/reference/sts-facts.md): model validation with Coral-style
// messages, the session-credentials and MFA refusals, duration defaults and
// the root cap, and credentials shaped like real ones. The same Service is
// served as an awsQuery HTTP endpoint by NewHandler and StartHTTP.
//
// Two targets come from it: "local" (Target, calling the Service directly)
// and "local-http" (the handler behind a loopback server, called through the
// SDK by targets/sdkclient).
package local

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/model"
)

// Service is an STS account answering GetSessionToken. It is safe for
// concurrent use; its configuration does not change after New. Its only
// state is the MFA codes already accepted (mfa.go).
type Service struct {
	clock      func() time.Time
	contract   model.Operation
	matches    func(pattern, value string) bool
	length     func(string) int
	identities map[string]Identity
	used       *usedCodes
}

// Option configures a Service.
type Option func(*Service)

// WithClock sets the clock used for MFA codes and expirations (default
// time.Now).
func WithClock(clock func() time.Time) Option {
	return func(s *Service) { s.clock = clock }
}

// WithContract sets the input contract validated against (default
// model.GetSessionToken()). Tests of the wider suite pass a mutated contract
// to build deliberately wrong servers.
func WithContract(op model.Operation) Option {
	return func(s *Service) { s.contract = op }
}

// WithPatternMatcher sets how a member pattern is applied to a value. The
// default is a whole-string match where \w is [A-Za-z0-9_] and \d is [0-9],
// as in Java's regex engine (see MatchWhole).
func WithPatternMatcher(matches func(pattern, value string) bool) Option {
	return func(s *Service) { s.matches = matches }
}

// WithLengthCounter sets how the length of a string member is measured. The
// default counts Unicode code points (utf8.RuneCountInString), as the Smithy
// spec says; the unit AWS STS itself uses (code points or UTF-16 units) is
// unverified and only matters for non-ASCII values.
func WithLengthCounter(length func(string) int) Option {
	return func(s *Service) { s.length = length }
}

// WithIdentity adds an identity to the account, or replaces the one with the
// same access key id (a test server with credentials of its own).
func WithIdentity(id Identity) Option {
	return func(s *Service) { s.identities[id.AccessKeyID] = id }
}

// New returns a Service holding the default account (see Identity).
func New(opts ...Option) *Service {
	s := &Service{
		clock:      time.Now,
		contract:   model.GetSessionToken(),
		matches:    MatchWhole,
		length:     utf8.RuneCountInString,
		identities: defaultIdentities(),
		used:       &usedCodes{},
	}
	for _, opt := range opts {
		opt(s)
	}
	return s
}

// GetSessionToken answers one call made by the default identity of the given
// caller kind. A refusal AWS would send is an *APIError; any other error
// (a cancelled context, an unknown caller kind) is not an AWS answer.
func (s *Service) GetSessionToken(ctx context.Context, caller call.CallerKind, in *sts.GetSessionTokenInput) (*sts.GetSessionTokenOutput, error) {
	id, ok := s.Identity(AccessKeyID(caller))
	if !ok {
		return nil, fmt.Errorf("local: unknown caller kind %q", caller)
	}
	return s.issue(ctx, id, in)
}

// issue runs the checks in AWS's order, then mints credentials.
func (s *Service) issue(ctx context.Context, id Identity, in *sts.GetSessionTokenInput) (*sts.GetSessionTokenOutput, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if in == nil {
		in = &sts.GetSessionTokenInput{}
	}
	if err := s.validate(in); err != nil {
		return nil, err
	}
	if id.Kind == call.Session {
		return nil, accessDenied(msgSessionCredentials)
	}
	now := s.clock()
	if err := s.checkMFA(id, in, now); err != nil {
		return nil, err
	}
	return mint(id, in, now), nil
}
