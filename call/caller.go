package call

import "time"

// CallerKind is the kind of credentials that sign a request.
type CallerKind string

// The callers GetSessionToken distinguishes.
const (
	User    CallerKind = "iam-user" // long-term keys of an IAM user (the default)
	Root    CallerKind = "root"     // the account's root user
	Session CallerKind = "session"  // temporary (session) credentials
)

// CallerKinds lists every caller kind, in a stable order.
var CallerKinds = []CallerKind{User, Root, Session}

// Device is a virtual MFA device: its serial number and its TOTP secret.
type Device struct {
	Serial string
	Secret []byte
}

// Caller is an identity a target can act as. When DevicesKnown is false the
// suite does not know which MFA devices the identity has (an emulator, an
// arbitrary endpoint); Devices then lists devices the target may know.
type Caller struct {
	Kind         CallerKind
	Devices      []Device
	DevicesKnown bool
	// Accepted lists, by AcceptedKey, when the target accepted each MFA
	// code of this caller: AWS refuses a code used again (sts-facts §4.3).
	// The runner fills it; nil means no code was accepted yet.
	Accepted map[string]time.Time
}

// AcceptedKey is the key of an accepted code in Caller.Accepted.
func AcceptedKey(serial, code string) string { return serial + " " + code }

// Device returns the caller's device with the given serial.
func (c Caller) Device(serial string) (Device, bool) {
	for _, d := range c.Devices {
		if d.Serial == serial {
			return d, true
		}
	}
	return Device{}, false
}

// DefaultDevice is the MFA device the local STS library gives every identity
// of its default account, so generators can produce valid codes for it.
var DefaultDevice = Device{
	Serial: "arn:aws:iam::000000000000:mfa/stsconform",
	Secret: []byte("stsconform-totp-demo-secret!"),
}
