package rawwire

import (
	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/sdkclient"
)

// EndpointOf is how raw mode reaches an HTTP target: its URL, and the
// credentials of its IAM-user identity. A target that is not served over
// HTTP, or has no IAM-user identity, has none.
func EndpointOf(target targets.Target) (Endpoint, bool) {
	t, ok := target.(interface {
		Endpoint() string
		Region() string
		Identity(call.CallerKind) (sdkclient.Identity, bool)
	})
	if !ok {
		return Endpoint{}, false
	}
	id, ok := t.Identity(call.User)
	if !ok {
		return Endpoint{}, false
	}
	return Endpoint{Name: target.Name(), URL: t.Endpoint(), Region: t.Region(),
		AccessKeyID: id.AccessKeyID, SecretAccessKey: id.SecretAccessKey}, true
}
