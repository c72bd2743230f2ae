package aws

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// OpenSpec opens the target from the options of an aws spec, separated by
// ';': region, profile, budget (calls), rate (calls per second), endpoint
// (overrides AWS_ENDPOINT_URL_STS), name, backoff, timeout.
func OpenSpec(ctx context.Context, spec string) (*Target, error) {
	opts, err := ParseSpec(spec)
	if err != nil {
		return nil, err
	}
	return Open(ctx, opts)
}

// ParseSpec reads the options of an aws spec ("region=eu-west-1;budget=20").
func ParseSpec(spec string) (Options, error) {
	var o Options
	for _, part := range strings.Split(spec, ";") {
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return o, fmt.Errorf("aws option %q is not key=value", part)
		}
		if err := o.set(k, v); err != nil {
			return o, fmt.Errorf("aws option %s: %w", k, err)
		}
	}
	return o, nil
}

func (o *Options) set(k, v string) (err error) {
	switch k {
	case "region":
		o.Region = v
	case "profile":
		o.Profile = v
	case "endpoint":
		o.Endpoint = v
	case "name":
		o.Name = v
	case "budget":
		o.Budget, err = strconv.Atoi(v)
		if err == nil && o.Budget < 1 {
			err = fmt.Errorf("want at least 1 call, got %d", o.Budget)
		}
	case "rate":
		o.Rate, err = strconv.ParseFloat(v, 64)
		if err == nil && o.Rate <= 0 {
			err = fmt.Errorf("want calls per second > 0, got %v", o.Rate)
		}
	case "backoff":
		o.Backoff, err = time.ParseDuration(v)
	case "timeout":
		o.Timeout, err = time.ParseDuration(v)
	default:
		err = fmt.Errorf("unknown (known: region, profile, budget, rate, endpoint, name, backoff, timeout)")
	}
	return err
}
