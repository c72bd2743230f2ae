package rawwire

// Probes are the requests every run sends before its random ones, the
// same in every run whatever the seed: each ordered pair of two different
// values of a duplicated member (DurationSeconds, Action, Version), after
// the other members. A server that reads the first or the last copy, or
// refuses duplicates, shows it here even when the random draws miss it.
func Probes() []Request {
	var out []Request
	for _, key := range []string{durationSeconds, "Action", "Version"} {
		vals := duplicates[key]
		for i, a := range vals {
			for j, b := range vals {
				if i == j {
					continue
				}
				ps := append(without(base0(), key), Param{Key: key, Value: a.value}, Param{Key: key, Value: b.value})
				out = append(out, Request{Class: ClassDuplicate, Method: "POST", ContentType: formType,
					Params: ps, MustReject: a.reject && b.reject})
			}
		}
	}
	return out
}

// base0 is Action and Version, without DurationSeconds.
func base0() []Param {
	return []Param{{Key: "Action", Value: action}, {Key: "Version", Value: apiVersion}}
}
