package sdkclient

import (
	"fmt"
	"strings"

	"github.com/stsconform/stsconform/call"
)

// Replay returns a curl command that sends the same signed request. The
// secret is never printed: the command reads it from the environment.
func (t *Target) Replay(caller call.CallerKind, in call.Input) string {
	keyID := "$AWS_ACCESS_KEY_ID"
	for _, id := range t.cfg.Identities {
		if id.Caller.Kind == caller {
			keyID = id.AccessKeyID
		}
	}
	return fmt.Sprintf("curl -sS %s --aws-sigv4 'aws:amz:%s:sts' --user '%s':\"$AWS_SECRET_ACCESS_KEY\" "+
		"-H 'Content-Type: application/x-www-form-urlencoded' --data-raw %s",
		shellQuote(t.cfg.Endpoint), t.cfg.Region, keyID, shellQuote(in.Form().Encode()))
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
