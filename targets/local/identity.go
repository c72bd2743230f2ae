package local

import (
	"slices"

	"github.com/stsconform/stsconform/call"
)

// Access key ids of the default account, one per caller kind: 20 characters
// like real ones, AKIA for long-term keys and ASIA for session credentials.
const (
	UserAccessKeyID    = "AKIASTSCONFORMUSERAA"
	RootAccessKeyID    = "AKIASTSCONFORMROOTAA"
	SessionAccessKeyID = "ASIASTSCONFORMSESSAA"
)

// DefaultSecretAccessKey is the secret of every default identity. The
// service does not verify signatures, so it is only there for clients that
// need one to sign; it is not a real secret.
const DefaultSecretAccessKey = "stsconformLocalOnlySecretNotForAWSxxxxxx"

// Identity is one set of credentials the account knows.
type Identity struct {
	AccessKeyID string
	Kind        call.CallerKind
	Devices     []call.Device // the MFA devices associated with it
}

// Device returns the identity's MFA device with the given serial.
func (id Identity) Device(serial string) (call.Device, bool) {
	i := slices.IndexFunc(id.Devices, func(d call.Device) bool { return d.Serial == serial })
	if i < 0 {
		return call.Device{}, false
	}
	return id.Devices[i], true
}

// AccessKeyID returns the default access key id of a caller kind, or "" for
// an unknown kind.
func AccessKeyID(kind call.CallerKind) string {
	switch kind {
	case call.User:
		return UserAccessKeyID
	case call.Root:
		return RootAccessKeyID
	case call.Session:
		return SessionAccessKeyID
	}
	return ""
}

// Identity returns the identity owning an access key id.
func (s *Service) Identity(accessKeyID string) (Identity, bool) {
	id, ok := s.identities[accessKeyID]
	id.Devices = slices.Clone(id.Devices)
	return id, ok
}

// defaultIdentities is the default account: a user, the root user and a
// session, each with call.DefaultDevice.
func defaultIdentities() map[string]Identity {
	ids := map[string]Identity{}
	for _, kind := range call.CallerKinds {
		key := AccessKeyID(kind)
		ids[key] = Identity{AccessKeyID: key, Kind: kind, Devices: []call.Device{call.DefaultDevice}}
	}
	return ids
}
