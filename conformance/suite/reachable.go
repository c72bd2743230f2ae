package suite

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"time"

	"github.com/stsconform/stsconform/targets"
	awstarget "github.com/stsconform/stsconform/targets/aws"
)

// dialTimeout bounds the check that an endpoint accepts connections.
const dialTimeout = 5 * time.Second

// reachable checks that every HTTP target other than real AWS accepts a
// TCP connection, so that a server not started is one setup error rather
// than a divergence on every case.
func reachable(ctx context.Context, ts []targets.Target) error {
	for _, t := range ts {
		e, ok := t.(interface{ Endpoint() string })
		if _, aws := t.(*awstarget.Target); !ok || aws || e.Endpoint() == "" {
			continue
		}
		u, err := url.Parse(e.Endpoint())
		if err != nil || u.Host == "" {
			return fmt.Errorf("%s: endpoint %q is not a URL", t.Name(), e.Endpoint())
		}
		host := u.Host
		if u.Port() == "" {
			host = net.JoinHostPort(u.Hostname(), map[string]string{"https": "443"}[u.Scheme]+map[string]string{"http": "80"}[u.Scheme])
		}
		d := net.Dialer{Timeout: dialTimeout}
		conn, err := d.DialContext(ctx, "tcp", host)
		if err != nil {
			return fmt.Errorf("%s: %s is unreachable (%v): is the server running?", t.Name(), e.Endpoint(), err)
		}
		_ = conn.Close()
	}
	return nil
}
