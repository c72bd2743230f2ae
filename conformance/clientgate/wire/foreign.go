package wire

import "strings"

// memberPaths are the members Compare judges, by field name, with their
// element path below the root.
var memberPaths = map[Kind]map[string][]string{
	KindSuccess: {
		"Credentials.AccessKeyId":     {elemResult, elemCredentials, "AccessKeyId"},
		"Credentials.SecretAccessKey": {elemResult, elemCredentials, "SecretAccessKey"},
		"Credentials.SessionToken":    {elemResult, elemCredentials, "SessionToken"},
		"Credentials.Expiration":      {elemResult, elemCredentials, "Expiration"},
	},
	KindError: {
		"Error.Type":      {elemError, "Type"},
		"Error.Code":      {elemError, "Code"},
		"Error.Message":   {elemError, "Message"},
		"Error.RequestId": {elemRequestID},
	},
}

// foreignValues returns, per field, the texts of elements a reader that
// matches local names only would take for that member: same-named
// elements on the member's path with some element of the path in another
// namespace. Nil when there are none.
func foreignValues(root *element, kind Kind) map[string][]string {
	var out map[string][]string
	for field, path := range memberPaths[kind] {
		var found []string
		walkLocal(root, path, false, &found)
		if len(found) > 0 {
			if out == nil {
				out = map[string][]string{}
			}
			out[field] = found
		}
	}
	return out
}

// walkLocal follows path by local name from el; foreign says whether an
// element on the way so far is not an STS element.
func walkLocal(el *element, path []string, foreign bool, found *[]string) {
	if len(path) == 0 {
		if foreign && len(el.children) == 0 {
			*found = append(*found, el.text.String())
		}
		return
	}
	for _, c := range el.children {
		if c.local == path[0] {
			walkLocal(c, path[1:], foreign || !isSTS(c, c.local), found)
		}
	}
}

// blindDetail says, when got is what a namespace-blind reader takes for
// field, that the client read an element of another namespace.
func blindDetail(want Expected, field string, got *string) string {
	if got == nil {
		return ""
	}
	for _, v := range want.ForeignValues[field] {
		if v == *got {
			return "namespace-blind: the value of a " + field[strings.LastIndex(field, ".")+1:] + " element in another namespace"
		}
	}
	return ""
}

// blindCredentials reports whether the body has credential members in
// another namespace.
func blindCredentials(want Expected) bool {
	for field := range want.ForeignValues {
		if strings.HasPrefix(field, "Credentials.") {
			return true
		}
	}
	return false
}
